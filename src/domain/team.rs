//! What the team shares beside the accounts and every account is judged against: the
//! offerings (`offerings.json`) and the sweet spot's criteria (`sweet-spot.json`).

use super::offering::{OFFERINGS_SCHEMA, Offering, OfferingsFile};
use super::sweet_spot::{Criterion, SWEET_SPOT_SCHEMA, SweetSpotFile};

/// The team's files, as read; empty lists when a file is missing.
#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    /// What we offer.
    pub offerings: OfferingsFile,
    /// The fit criteria.
    pub sweet_spot: SweetSpotFile,
}

impl Default for Team {
    fn default() -> Self {
        Team {
            offerings: OfferingsFile {
                schema: OFFERINGS_SCHEMA,
                ..OfferingsFile::default()
            },
            sweet_spot: SweetSpotFile {
                schema: SWEET_SPOT_SCHEMA,
                ..SweetSpotFile::default()
            },
        }
    }
}

impl Team {
    /// The offerings, in order.
    pub fn offerings(&self) -> &[Offering] {
        &self.offerings.offerings
    }

    /// The criteria, in order.
    pub fn criteria(&self) -> &[Criterion] {
        &self.sweet_spot.criteria
    }
}
