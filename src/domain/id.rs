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

    /// The id written as `text` (ids of records are free text in files, never file names).
    pub fn from_raw(text: &str) -> Self {
        ItemId(text.to_owned())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A readable file-name stem from a display name: the name transliterated to ASCII
/// (`Zürich` gives `zurich`, `Москва` gives `moskva`, `北京` gives `bei-jing`), lower-cased,
/// every run of other characters folded to one `-`, at most 40 characters (cut at a word
/// when one ends late enough). Empty when nothing in the name transliterates.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_control() {
            separate(&mut out);
            continue;
        }
        // A symbol or emoji reads as a word of its own (🚀 → rocket), never glued to its
        // neighbours; a letter with an accent stays inside its word (ü → u).
        let word = !c.is_ascii() && !c.is_alphanumeric();
        if word {
            separate(&mut out);
        }
        for t in deunicode::deunicode_char(c).unwrap_or("-").chars() {
            if t.is_ascii_alphanumeric() {
                out.push(t.to_ascii_lowercase());
            } else {
                separate(&mut out);
            }
        }
        if word {
            separate(&mut out);
        }
        if out.len() > SLUG_MAX {
            return cut(&out);
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Ends the current word of a slug (one `-`, never leading or doubled).
fn separate(out: &mut String) {
    if !out.is_empty() && !out.ends_with('-') {
        out.push('-');
    }
}

/// A slug that ran long, cut to `SLUG_MAX`: at the last word's end when that keeps at
/// least half, else mid-word.
fn cut(long: &str) -> String {
    let head = &long[..SLUG_MAX.min(long.len())];
    let end = match long.as_bytes().get(SLUG_MAX) {
        Some(b'-') => head.len(),
        _ => head
            .rfind('-')
            .filter(|&i| i >= SLUG_MAX / 2)
            .unwrap_or(head.len()),
    };
    head[..end].trim_end_matches('-').to_owned()
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
        assert!(AccountId::generate("日本語").as_str().starts_with("ri-ben-yu-"));
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
        assert_eq!(slug("Ünïcode Ltd"), "unicode-ltd");
    }

    /// Names in many scripts, each with the slug a reader would expect.
    const READABLE: &[(&str, &str)] = &[
        ("Zürich Logistik AG", "zurich-logistik-ag"),
        ("Straßenbau Kühne & Söhne", "strassenbau-kuhne-sohne"),
        ("Boulangerie Lefèvre Frères", "boulangerie-lefevre-freres"),
        ("Çelik Dökümhanesi Ağır Sanayi", "celik-dokumhanesi-agir-sanayi"),
        ("İzmir Işıklandırma", "izmir-isiklandirma"),
        ("Żegluga Gdańsk Spółka", "zegluga-gdansk-spolka"),
        ("Cà Phê Đà Lạt", "ca-phe-da-lat"),
        ("Θεσσαλονίκη Ναυτιλιακή", "thessalonike-nautiliake"),
        ("Новосибирск Хладокомбинат", "novosibirsk-khladokombinat"),
        ("上海冷链", "shang-hai-leng-lian"),
        ("トヨタ", "toyota"),
        ("大阪ガス", "da-ban-gasu"),
        ("Ørsted Vind ApS", "orsted-vind-aps"),
        ("🚢", "ship"),
        ("🚢🚢 Fleet", "ship-ship-fleet"),
        ("Tab\there\u{0}and\u{7}bell", "tab-here-and-bell"),
        ("\u{202e}Mirror Co", "mirror-co"),
    ];

    #[test]
    fn names_in_other_scripts_give_readable_slugs() {
        for (name, want) in READABLE {
            assert_eq!(slug(name), *want, "{name:?}");
            let id = AccountId::generate(name);
            assert!(AccountId::is_valid(id.as_str()), "{name:?} gave {id}");
            assert!(id.as_str().starts_with(&format!("{want}-")), "{name:?} gave {id}");
        }
    }

    #[test]
    fn long_names_are_cut_at_a_word_and_stay_valid() {
        let long = "Nordwestdeutsche Kühlhaus Genossenschaft ".repeat(5);
        let s = slug(&long);
        assert!(s.len() <= SLUG_MAX && !s.ends_with('-'), "{s}");
        assert_eq!(s, "nordwestdeutsche-kuhlhaus-genossenschaft");
        for name in [
            "ä".repeat(200),
            "漢".repeat(200),
            "🚢".repeat(200),
            "x".repeat(200),
        ] {
            let s = slug(&name);
            assert!((1..=SLUG_MAX).contains(&s.len()), "{name:.8}: {s}");
            let id = AccountId::generate(&name);
            assert!(AccountId::is_valid(id.as_str()), "{id}");
        }
        assert_eq!(
            slug(&"ab ".repeat(100)),
            "ab-".repeat(13).trim_end_matches('-'),
            "cut after a word"
        );
    }

    #[test]
    fn names_with_nothing_to_keep_fall_back_to_account() {
        for name in ["", "   ", "\u{0}\u{1b}", "\u{200b}\u{200d}", "!!!", "\u{fffd}"] {
            assert_eq!(slug(name), "", "{name:?}");
            assert!(AccountId::generate(name).as_str().starts_with("account-"));
        }
    }
}
