//! The extractor never panics, and every span it returns is a valid range of
//! character offsets into the article body, for arbitrary and adversarial
//! text: property tests (proptest) plus a few fixed hostile inputs.
//!
//! Offsets are checked against `Facts::article.body` (the normalised text the
//! database stores), in characters: `start <= end <= body.chars().count()`,
//! and a mention's text must be exactly the body's characters at its span.

use std::time::{Duration, Instant};

use newsfacts::extract::{extract, Facts, Mention, Span};
use newsfacts::ingest::{self, Document};
use proptest::prelude::*;

/// Pieces that trip up naive text handling: quotes that never close, huge and
/// negative-looking numbers, replacement characters, multi-byte letters and
/// emoji next to offsets, titles and speech verbs the extractors key on.
const FRAGMENTS: &[&str] = &[
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2018}",
    "\u{2019}",
    "99999999999999999999 killed",
    "18446744073709551616 wounded",
    "-5 dead",
    "1e400 injured",
    "12,000,000,000,000,000",
    "one hundred thousand million billion",
    "dozens",
    "at least",
    "more than",
    "up to",
    "between 5 and",
    "killed",
    "wounded",
    "were killed",
    "people",
    "said",
    "told reporters",
    "according to",
    "Minister",
    "President",
    "Gen.",
    "Amara Okonjo",
    "U.S.",
    "Gaza",
    "in",
    "\u{fffd}",
    "\u{feff}",
    "é",
    "\u{0301}",
    "ß",
    "İ",
    "\u{1F600}",
    "\u{200b}",
    "—",
    ".",
    "!",
    "?",
    ",",
    ":",
    "(",
    ")",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "date 2025-01-02",
    "date ",
];

fn document(text: &str) -> Document {
    Document {
        source_path: "prop.txt".into(),
        text: text.to_string(),
        ..Document::default()
    }
}

/// Every span and mention of one extraction, checked against the body.
fn check(text: &str) -> Result<Facts, String> {
    let facts = extract(&document(text));
    let body: Vec<char> = facts.article.body.chars().collect();
    let span_ok = |what: &str, span: Span| {
        if span.start <= span.end && span.end <= body.len() {
            Ok(())
        } else {
            Err(format!(
                "{what}: span {}..{} outside body of {} chars",
                span.start,
                span.end,
                body.len()
            ))
        }
    };
    let mention_ok = |what: &str, m: &Mention| {
        span_ok(what, m.span)?;
        let found: String = body[m.span.start..m.span.end].iter().collect();
        if found == m.text {
            Ok(())
        } else {
            Err(format!(
                "{what}: mention {:?} but body has {found:?}",
                m.text
            ))
        }
    };
    for a in &facts.actors {
        for m in &a.mentions {
            mention_ok(&format!("actor {:?}", a.name), m)?;
        }
    }
    for l in &facts.locations {
        for m in &l.mentions {
            mention_ok(&format!("location {:?}", l.name), m)?;
        }
    }
    for s in &facts.statements {
        span_ok("statement", s.span)?;
    }
    for c in &facts.casualties {
        span_ok("casualty figure", c.span)?;
    }
    // Whatever `extract` writes, `import --facts` must be able to load.
    ingest::facts::validate(&facts).map_err(|e| format!("facts validation: {e}"))?;
    Ok(facts)
}

fn adversarial() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..150).prop_map(|v| v.concat())
}

/// Words separated by the separators news text uses, with hostile pieces in
/// between: closer to real sentences than pure fragments.
fn sentence_like() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "[0-9]{1,25}",
        "[0-9]{1,3}(,[0-9]{3}){0,6}",
        prop::sample::select(FRAGMENTS).prop_map(str::to_string),
    ];
    let sep =
        prop::sample::select(&[" ", " ", " ", ", ", ". ", "\n\n", " \u{201c}", "\u{201d} "][..]);
    prop::collection::vec((word, sep), 0..80).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(w, s)| [w, s.to_string()])
            .collect()
    })
}

// 256 cases each by default; `PROPTEST_CASES=5000 cargo test extract_props`
// searches harder.
proptest! {
    #[test]
    fn arbitrary_text_gives_valid_spans(text in any::<String>()) {
        prop_assert_eq!(check(&text).err(), None);
    }

    #[test]
    fn adversarial_fragments_give_valid_spans(text in adversarial()) {
        prop_assert_eq!(check(&text).err(), None);
    }

    #[test]
    fn sentence_like_text_gives_valid_spans(text in sentence_like()) {
        prop_assert_eq!(check(&text).err(), None);
    }
}

#[test]
fn a_twenty_digit_count_is_not_a_figure_and_does_not_panic() {
    for text in [
        "99999999999999999999 killed in the blast.",
        "The ministry said 99999999999999999999 people were killed.",
        "At least 9223372036854775808 wounded, officials said.",
        "Between 5 and 99999999999999999999 were missing.",
    ] {
        let facts = check(text).unwrap();
        assert!(
            facts.casualties.iter().all(|c| c.count < 1_000_000_000_000),
            "{text}: {:?}",
            facts.casualties
        );
    }
}

#[test]
fn unbalanced_quotes_and_replacement_characters() {
    for text in [
        "\u{201c}We will not stop, the commander said.",
        "He said \u{201d} nothing \u{201c}",
        &"\"".repeat(5_000),
        &"\u{201c}".repeat(3_000),
        &"\u{fffd}".repeat(10_000),
        "\u{fffd}\u{fffd} said \u{fffd} 12 \u{fffd} killed \u{fffd}",
    ] {
        check(text).unwrap();
    }
}

#[test]
fn only_punctuation() {
    check(&"!?.,;:\"'()[]{}\u{2014}-\u{2026}".repeat(2_000)).unwrap();
    check(".").unwrap();
    check("\u{201d}").unwrap();
}

/// Runs `check` and fails if extraction takes longer than a generous bound
/// for a debug build: a linear extractor handles 1 MB in a few seconds.
fn check_within(text: &str, limit: Duration) {
    let started = Instant::now();
    check(text).unwrap();
    let took = started.elapsed();
    assert!(took < limit, "took {took:?} for {} bytes", text.len());
}

#[test]
fn a_one_megabyte_line_without_spaces() {
    check_within(&"a".repeat(1_000_000), Duration::from_secs(60));
    check_within(&"9".repeat(1_000_000), Duration::from_secs(60));
}

/// A line of dotted tokens without spaces ("a.b.a.b...") once took quadratic
/// time (sentence splitting scanned back to the start of the "word" at every
/// '.'); it must stay linear.
#[test]
fn a_one_megabyte_line_of_dotted_tokens() {
    check_within(&"a.b".repeat(333_333), Duration::from_secs(60));
}
