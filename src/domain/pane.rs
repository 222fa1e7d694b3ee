//! The six panes of the customer's world, in the order Tab visits them, and their names on
//! screen, on the command line and in files.

use serde::{Deserialize, Serialize};

/// The panes of the world screen, in the order Tab visits them. In files a pane is written
/// as its CLI name (`goals`, `threats`, `competitors`, `market`, `people`, `why`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pane {
    /// What they are trying to achieve.
    #[default]
    #[serde(rename = "goals")]
    Goals,
    /// What could stop them.
    #[serde(rename = "threats")]
    Threats,
    /// Their competitors.
    #[serde(rename = "competitors")]
    Competitors,
    /// Their market conditions.
    #[serde(rename = "market")]
    Market,
    /// The people in the decision.
    #[serde(rename = "people")]
    People,
    /// Consequences of no action and why now.
    #[serde(rename = "why")]
    WhyChange,
}

impl Pane {
    /// Every pane, in Tab order.
    pub const ALL: [Pane; 6] = [
        Pane::Goals,
        Pane::Threats,
        Pane::Competitors,
        Pane::Market,
        Pane::People,
        Pane::WhyChange,
    ];

    /// The heading shown on screen.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Goals => "Goals",
            Pane::Threats => "Threats",
            Pane::Competitors => "Competitors",
            Pane::Market => "Market conditions",
            Pane::People => "People",
            Pane::WhyChange => "Why change",
        }
    }

    /// The name the CLI uses (`callbook add NAME PANE TEXT`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Pane::Goals => "goals",
            Pane::Threats => "threats",
            Pane::Competitors => "competitors",
            Pane::Market => "market",
            Pane::People => "people",
            Pane::WhyChange => "why",
        }
    }

    /// Parses a CLI pane name; singular forms are accepted too.
    pub fn from_cli(s: &str) -> Option<Pane> {
        let s = s.to_ascii_lowercase();
        Pane::ALL.into_iter().find(|p| {
            let name = p.cli_name();
            s == name || s.strip_suffix('s').is_none() && format!("{s}s") == name
        })
    }

    /// Position in [`Pane::ALL`].
    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }

    /// The next pane in Tab order, wrapping.
    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }

    /// The previous pane in Tab order, wrapping.
    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}
