//! A small English suffix stemmer for word search: "approval", "approved" and "approving"
//! all become `approv`, "decision" and "decided" become `decid`, "pricing" and "prices"
//! become `pric`. It is not a linguist's stemmer (Porter's or Snowball's); it only has to
//! give two forms of one word the same stem often, and two different words the same stem
//! rarely, for the questions of a sales bank. Text is folded to ASCII first (deunicode), so
//! "café" and "cafe" are one word.

/// Endings of derived words, replaced in this order (the first that fits wins), each only
/// when at least `min` letters stay in front of it.
const DERIVED: &[(&str, &str, usize)] = &[
    ("ication", "y", 3),
    ("ization", "", 3),
    ("isation", "", 3),
    ("ation", "", 3),
    ("ision", "id", 3),
    ("ansion", "and", 3),
    ("ension", "end", 3),
    ("ition", "", 3),
    ("itive", "", 3),
    ("itor", "", 3),
    ("ment", "", 4),
    // "readiness" is `readi` like "ready"; "business" (only three in front) stays whole.
    ("iness", "y", 4),
    ("ance", "", 4),
    ("ence", "", 4),
    ("ize", "", 3),
    ("ise", "", 3),
    ("ate", "", 3),
    ("al", "", 4),
    ("er", "", 4),
];

/// Consonants kept doubled when an ending goes ("selling" is `sell`, "added" is `add`);
/// others are undoubled ("planned" is `plan`).
const KEEP_DOUBLE: &[u8] = b"lsfdz";

/// The words of `text`, lower-cased and folded to ASCII: runs of letters and digits, with
/// apostrophes inside a word kept ("customer's", "don't").
pub fn words(text: &str) -> Vec<String> {
    let folded = deunicode::deunicode(text).to_ascii_lowercase();
    folded
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The stem of one word as [`words`] gives it (lower-case ASCII).
pub fn stem(word: &str) -> String {
    let mut w = word.strip_suffix("'s").unwrap_or(word).replace('\'', "");
    if w.len() <= 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w;
    }
    inflection(&mut w);
    // One derived ending may hide another ("differences", "additional"): two rounds.
    for _ in 0..2 {
        if !derived(&mut w) {
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    if w.len() > 3 && w.ends_with('y') && !is_vowel(w.as_bytes()[w.len() - 2]) {
        w.pop();
        w.push('i');
    }
    w
}

/// Strips a plural or a verb's ending: -s, -es, -ies, -ied, -ed, -ing.
fn inflection(w: &mut String) {
    if let Some(base) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
        *w = format!("{base}y");
    } else if w.ends_with("sses") || ["xes", "ches", "shes"].iter().any(|e| w.ends_with(e)) {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)) {
        w.pop();
    } else if let Some(base) = verb_base(w) {
        *w = base;
    }
}

/// The base of a word ending in -ed or -ing, when what is left still holds a vowel:
/// undoubled ("planned"), or with its `e` back where English drops it ("located").
fn verb_base(w: &str) -> Option<String> {
    let base = match w.strip_suffix("ing") {
        Some(base) => base,
        None if w.ends_with("eed") => return None,
        None => w.strip_suffix("ed")?,
    };
    if base.len() < 3 || !base.bytes().any(is_vowel) {
        return None;
    }
    let b = base.as_bytes();
    let last = b[b.len() - 1];
    if b[b.len() - 2] == last && !is_vowel(last) && !KEEP_DOUBLE.contains(&last) {
        return Some(base[..base.len() - 1].to_owned());
    }
    let restore = ["at", "iz", "is", "bl", "rc", "ac"]
        .iter()
        .any(|e| base.ends_with(e));
    Some(if restore {
        format!("{base}e")
    } else {
        base.to_owned()
    })
}

/// Replaces the first derived ending that fits; false when none does.
fn derived(w: &mut String) -> bool {
    for (ending, with, min) in DERIVED {
        if let Some(base) = w.strip_suffix(ending).filter(|b| b.len() >= *min) {
            *w = format!("{base}{with}");
            return true;
        }
    }
    false
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Forms of one word; each group must share a stem.
    const SAME: &[&[&str]] = &[
        &[
            "approve",
            "approval",
            "approved",
            "approving",
            "approves",
            "approver",
            "approvals",
        ],
        &[
            "decide",
            "decision",
            "decided",
            "deciding",
            "decides",
            "decisions",
        ],
        &["price", "prices", "pricing", "priced"],
        &[
            "integrate",
            "integration",
            "integrated",
            "integrating",
            "integrations",
        ],
        &[
            "compete",
            "competition",
            "competitor",
            "competitive",
            "competing",
            "competitors",
        ],
        &["supply", "supplier", "supplies", "supplied", "suppliers"],
        &["company", "companies", "company's"],
        &["plan", "planned", "planning", "plans"],
        &[
            "manage",
            "management",
            "managed",
            "managing",
            "manager",
            "managers",
        ],
        &["perform", "performance", "performing", "performed"],
        &["process", "processes"],
        &["approach", "approaches"],
        &["locate", "location", "located", "locations"],
        &[
            "organize",
            "organise",
            "organization",
            "organisation",
            "organized",
            "organised",
        ],
        &["expand", "expansion", "expanding"],
        &["extend", "extension", "extended"],
        &["apply", "application", "applied", "applies"],
        &["comply", "compliance"],
        &["change", "changes", "changing", "changed"],
        &["renew", "renewal", "renewing", "renewals"],
        &["propose", "proposal", "proposed"],
        &["inform", "information"],
        &["consider", "considered", "considering"],
        &["hire", "hiring", "hired", "hires"],
        &["ship", "shipping", "shipped", "shipment"],
        &["sell", "selling", "sells"],
        &["add", "added", "addition", "additional"],
        &["stop", "stopping", "stopped"],
        &["budget", "budgets", "budgeting", "budgeted"],
        &["differ", "difference", "differences"],
        &["ready", "readiness"],
        &["business", "businesses", "business's"],
        &["evaluate", "evaluation", "evaluating"],
        &["staff", "staffing"],
        &["exceed", "exceeded", "exceeding"],
    ];

    /// Different words that must keep different stems.
    const APART: &[(&str, &str)] = &[
        ("decide", "divide"),
        ("price", "prize"),
        ("plan", "planet"),
        ("mark", "market"),
        ("renew", "new"),
        ("competitor", "computer"),
        ("cost", "cast"),
        ("sign", "sing"),
        ("risk", "rise"),
        ("goal", "go"),
        ("shift", "ship"),
        ("business", "busy"),
    ];

    #[test]
    fn forms_of_one_word_share_a_stem() {
        for group in SAME {
            let first = stem(group[0]);
            for w in *group {
                assert_eq!(stem(w), first, "{w} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn different_words_keep_different_stems() {
        for (a, b) in APART {
            assert_ne!(stem(a), stem(b), "{a} and {b}");
        }
    }

    #[test]
    fn short_words_numbers_and_odd_input_pass_through() {
        for w in ["it", "who", "q3", "2024", "", "'", "x'"] {
            assert_eq!(stem(w), w.replace('\'', ""), "{w:?}");
        }
        assert_eq!(stem("sing"), "sing", "no vowel is left without -ing");
        assert_eq!(stem("need"), "need");
    }

    #[test]
    fn words_fold_case_accents_and_punctuation() {
        assert_eq!(
            words("Who signs off on the Café's {competitor}-led roll-out? Don't say 'yes'."),
            [
                "who",
                "signs",
                "off",
                "on",
                "the",
                "cafe's",
                "competitor",
                "led",
                "roll",
                "out",
                "don't",
                "say",
                "yes"
            ]
        );
        assert!(words(" \t—…!? ").is_empty());
        assert_eq!(words("Ünïcode Zürich"), ["unicode", "zurich"]);
    }
}
