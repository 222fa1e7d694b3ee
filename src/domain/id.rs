//! Stable identifiers. Account ids name files, so they are generated and validated here and
//! never taken from raw user text; item ids keep links and comments stable across edits.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The characters an id may use besides `-`.
const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// Longest slug kept from an account name, leaving room for the random suffix.
const SLUG_MAX: usize = 40;

/// An account's id, `[a-z0-9-]{1,64}`: the stem of its file under `accounts/`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct AccountId(String);

impl AccountId {
    /// Makes a fresh id from a display name: a slug of the name plus a random suffix, so two
    /// accounts with the same name get different files.
    pub fn generate(name: &str) -> Self {
        let slug = slug(name);
        let base = if slug.is_empty() { "account" } else { &slug };
        AccountId(format!("{base}-{}", random_chars(6)))
    }

    /// Accepts a string as an id only when it is safe to use as a file stem.
    pub fn parse(s: &str) -> Option<Self> {
        Self::is_valid(s).then(|| AccountId(s.to_owned()))
    }

    /// True when `s` matches `[a-z0-9-]{1,64}` and is not made of dashes alone.
    pub fn is_valid(s: &str) -> bool {
        (1..=64).contains(&s.len())
            && s.bytes().all(|b| b == b'-' || ALPHABET.contains(&b))
            && s.bytes().any(|b| b != b'-')
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for AccountId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        AccountId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("invalid account id {s:?}")))
    }
}

/// An item's id within an account: eight random characters, never reused on edit.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    /// A fresh random id.
    pub fn generate() -> Self {
        ItemId(random_chars(8))
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lower-case ASCII letters and digits from `name`, other runs folded to one `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= SLUG_MAX {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn random_chars(n: usize) -> String {
    (0..n)
        .map(|_| ALPHABET[fastrand::usize(..ALPHABET.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_valid_and_differ() {
        let a = AccountId::generate("Acme Corp");
        let b = AccountId::generate("Acme Corp");
        assert!(a.as_str().starts_with("acme-corp-"), "{a}");
        assert!(AccountId::is_valid(a.as_str()));
        assert_ne!(a, b);
    }

    #[test]
    fn hostile_names_give_safe_ids() {
        for name in [
            "../../x",
            "CON",
            "a/b\\c",
            "",
            "日本語",
            "   ",
            "..",
            "x\0y",
            &"z".repeat(300),
        ] {
            let id = AccountId::generate(name);
            assert!(AccountId::is_valid(id.as_str()), "{name:?} gave {id}");
            assert!(!id.as_str().contains('/') && !id.as_str().contains('.'));
        }
        assert!(AccountId::generate("CON").as_str().starts_with("con-"));
        assert!(AccountId::generate("日本語").as_str().starts_with("account-"));
    }

    #[test]
    fn parse_rejects_unsafe_ids() {
        for bad in ["", "..", "a/b", "A", "a.json", "-", "---", &"a".repeat(65)] {
            assert!(AccountId::parse(bad).is_none(), "{bad:?}");
        }
        assert!(AccountId::parse("acme-1x2y3z").is_some());
    }

    #[test]
    fn slug_folds_punctuation() {
        assert_eq!(slug("  Hello, World!! "), "hello-world");
        assert_eq!(slug("Ünïcode Ltd"), "n-code-ltd");
    }
}
