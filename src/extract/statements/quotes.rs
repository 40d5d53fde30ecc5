//! Quotation marks: where direct speech starts and ends.
//!
//! Double marks delimit speech; single marks nest inside them ('At Your
//! Service') or are apostrophes, so they stay part of the words. Only a
//! text with no double marks at all (British style) quotes with curly single
//! marks, and there they delimit speech instead. Curly marks
//! open and close by their shape; a straight mark closes an open quote and
//! otherwise opens one, so mixed pairs (`"...”`) still match. A quote left
//! open at the end of a paragraph ends there: news style reopens a quote that
//! runs on at the start of the next paragraph.

use std::ops::Range;

use super::super::text::Text;

/// A quoted stretch of the body, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The marks and what they enclose.
    pub outer: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
    /// False when the paragraph (or the text) ended before a closing mark.
    pub closed: bool,
}

/// The stand-in for quoted text in the masked body: not a letter, not
/// whitespace and not punctuation, so no cue or name is found inside a quote.
pub const MASK: char = '\u{1}';

/// Finds the quoted stretches of a body, in order: double marks, or curly
/// single ones in a text that uses no double marks at all (British style).
pub fn find(body: &str) -> Vec<Quote> {
    if has_double_mark(body) || !body.contains('‘') {
        find_double(body)
    } else {
        find_single(body)
    }
}

/// Curly single quotes as the text's quotation marks: ‘ opens where a word
/// starts, ’ closes where a word ends (not "Israel’s" or "don’t").
fn find_single(body: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after = i + c.len_utf8();
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '‘' if prev.is_none_or(|p| !p.is_alphanumeric()) => open = Some((i, after)),
            '’' if open.is_some()
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| !n.is_alphanumeric()) =>
            {
                if let Some((start, inner)) = open.take() {
                    push(&mut out, body, start..after, inner..i, true);
                }
            }
            '\n' => {
                if let Some((start, inner)) = open.take() {
                    push(&mut out, body, start..i, inner..i, false);
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((start, inner)) = open {
        push(&mut out, body, start..body.len(), inner..body.len(), false);
    }
    out
}

/// Double quotation marks, curly or straight.
fn find_double(body: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark start, inner start)
    for (i, c) in marks(body) {
        let after = i + c.len_utf8();
        match c {
            '\u{201c}' | '\u{201e}' => open = Some((i, after)),
            '\u{201d}' | '"' if open.is_some() => {
                if let Some((start, inner)) = open.take() {
                    push(&mut out, body, start..after, inner..i, true);
                }
            }
            '"' => open = Some((i, after)),
            '\n' => {
                if let Some((start, inner)) = open.take() {
                    push(&mut out, body, start..i, inner..i, false);
                }
            }
            _ => {}
        }
    }
    if let Some((start, inner)) = open {
        push(&mut out, body, start..body.len(), inner..body.len(), false);
    }
    out
}

/// Whether `body` holds a double quotation mark, curly or straight: the
/// first of [`marks`] that is no line break, found by bytes rather than by
/// decoding every char of a text that may hold none.
fn has_double_mark(body: &str) -> bool {
    marks(body).any(|(_, c)| c != '\n')
}

/// The chars `find_double` acts on (double marks and line breaks) with their
/// byte offsets, found by bytes: the curly marks all start with 0xE2.
fn marks(body: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = body.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let i = next_mark_byte(bytes, from)?;
        from = i + 1;
        // The curly marks are E2 80 9C, 9D and 9E: other chars after 0xE2
        // (’, dashes) are told apart by their bytes, undecoded.
        let c = match (bytes[i], bytes.get(i + 1..i + 3)) {
            (b'"', _) => '"',
            (b'\n', _) => '\n',
            (_, Some([0x80, 0x9C])) => '\u{201c}',
            (_, Some([0x80, 0x9D])) => '\u{201d}',
            (_, Some([0x80, 0x9E])) => '\u{201e}',
            _ => continue,
        };
        return Some((i, c));
    })
}

/// The first `"`, line break or 0xE2 byte at or after `from` (SIMD search:
/// most of a text holds none of them).
fn next_mark_byte(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr3(b'"', b'\n', 0xE2, bytes.get(from..)?).map(|p| from + p)
}

/// Keeps a quote that holds at least one letter or digit.
fn push(out: &mut Vec<Quote>, body: &str, outer: Range<usize>, inner: Range<usize>, closed: bool) {
    if body[inner.clone()].chars().any(char::is_alphanumeric) {
        out.push(Quote {
            outer,
            inner,
            closed,
        });
    }
}

/// The body with every quote (marks included) replaced by [`MASK`] bytes, so
/// byte offsets stay the same and searches outside quotes are plain searches.
pub fn mask(body: &str, quotes: &[Quote]) -> String {
    let in_order = quotes
        .windows(2)
        .all(|w| w[0].outer.end <= w[1].outer.start);
    if in_order {
        // Copy the text between quotes as it is: no UTF-8 check of the result.
        let mut out = String::with_capacity(body.len());
        let mut at = 0;
        for q in quotes {
            out.push_str(&body[at..q.outer.start]);
            out.extend(std::iter::repeat_n(MASK, q.outer.len()));
            at = q.outer.end;
        }
        out.push_str(&body[at..]);
        return out;
    }
    let mut bytes = body.as_bytes().to_vec();
    for q in quotes {
        for b in &mut bytes[q.outer.clone()] {
            *b = MASK as u8;
        }
    }
    // Every replaced range starts and ends on a char boundary and is now ASCII.
    String::from_utf8(bytes).unwrap_or_else(|_| body.to_string())
}

/// A stretch of text that can hold statements: a sentence, or several while
/// one quotation runs across them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub range: Range<usize>,
}

/// Sentences merged while a quotation spans their boundary.
pub fn units(text: &Text, quotes: &[Quote]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(text.sentences.len());
    for s in &text.sentences {
        if let Some(last) = out.last_mut() {
            // The last quote opening before the gap closes after it (quotes
            // never overlap, so no earlier one can).
            let open = quotes.partition_point(|q| q.outer.start < last.range.end);
            let spans_gap = open > 0 && quotes[open - 1].outer.end > s.start;
            if spans_gap && !text.body[last.range.end..s.start].contains('\n') {
                last.range.end = s.end;
                continue;
            }
        }
        out.push(Unit { range: s.clone() });
    }
    out
}

/// The quotes lying wholly inside a byte range (quotes are in body order).
pub fn within<'q>(
    quotes: &'q [Quote],
    range: &Range<usize>,
) -> impl Iterator<Item = &'q Quote> + Clone {
    let first = quotes.partition_point(|q| q.outer.start < range.start);
    let end = range.end;
    quotes[first..]
        .iter()
        .take_while(move |q| q.outer.start < end)
        .filter(move |q| q.outer.end <= end)
}

/// Whether byte `at` lies inside a quote (quotes are in body order).
pub fn inside(quotes: &[Quote], at: usize) -> bool {
    let next = quotes.partition_point(|q| q.outer.start <= at);
    next > 0 && at < quotes[next - 1].outer.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_the_double_marks_and_line_breaks_by_char() {
        let long = "a".repeat(37);
        let bodies = [
            "He said \"yes\" and “no”.\nThen „so“ — ‘fine’ – é\u{2013}\"".to_string(),
            String::new(),
            "\u{201c}\u{201d}\u{201e}\n\"".to_string(),
            format!("{long}\u{2014}{long}\u{2019}s{long}\"{long}\n{long}“x”{long}"),
            format!("{long}âãä\u{2020} ŠšŽž \u{201c}{long}"),
        ];
        let pieces = [
            "a", "\"", "\n", "“", "”", "„", "‘", "’", "—", "\u{2000}", "€", "é",
        ];
        let mixed = crate::extract::text::concatenations(&pieces, 3);
        for body in bodies.iter().chain(&mixed) {
            let expected: Vec<(usize, char)> = body
                .char_indices()
                .filter(|(_, c)| matches!(c, '"' | '\n' | '\u{201c}' | '\u{201d}' | '\u{201e}'))
                .collect();
            assert_eq!(marks(body).collect::<Vec<_>>(), expected, "{body}");
        }
    }

    #[test]
    fn has_double_mark_is_contains_by_char() {
        let pieces = ["a", "\"", "\n", "“", "”", "„", "‘", "’", "—", "é", " "];
        for body in crate::extract::text::concatenations(&pieces, 3)
            .into_iter()
            .map(|s| "x".repeat(9) + &s + "yz")
        {
            let expected = body.contains(['“', '”', '"', '„']);
            assert_eq!(has_double_mark(&body), expected, "{body:?}");
        }
    }

    fn inner(body: &str) -> Vec<&str> {
        find(body).into_iter().map(|q| &body[q.inner]).collect()
    }

    #[test]
    fn curly_straight_and_mixed_marks_pair_up() {
        assert_eq!(
            inner("“one” and \"two\" and \"three”"),
            vec!["one", "two", "three"]
        );
    }

    #[test]
    fn single_quotes_nest_inside_double_ones() {
        assert_eq!(
            inner("“With the chant ‘Go on,’ they left,” he said."),
            vec!["With the chant ‘Go on,’ they left,"]
        );
    }

    #[test]
    fn british_single_quotes_count_when_no_double_marks_are_used() {
        assert_eq!(
            inner("‘We won’t leave,’ the mayor said of the soldiers’ homes."),
            vec!["We won’t leave,"]
        );
        // With double marks in the text, single ones stay scare quotes.
        assert_eq!(inner("A ‘senseless’ war, “he said”."), vec!["he said"]);
    }

    #[test]
    fn an_open_quote_ends_with_its_paragraph() {
        let body = "“We will rebuild.\n\n“It starts now,” she said.";
        let qs = find(body);
        assert_eq!(qs.len(), 2);
        assert!(!qs[0].closed);
        assert_eq!(&body[qs[0].inner.clone()], "We will rebuild.");
        assert!(qs[1].closed);
    }

    #[test]
    fn masking_keeps_offsets_and_hides_quoted_words() {
        let body = "He said “café said” today.";
        let masked = mask(body, &find(body));
        assert_eq!(masked.len(), body.len());
        assert_eq!(masked.matches("said").count(), 1);
        assert!(masked.ends_with(" today."));
    }

    #[test]
    fn inside_and_within_agree_with_the_quote_ranges() {
        let body = "a “b c” d “e” f";
        let qs = find(body);
        assert!(inside(&qs, body.find('b').unwrap()));
        assert!(!inside(&qs, body.find('d').unwrap()));
        assert_eq!(within(&qs, &(0..body.len())).count(), 2);
        assert_eq!(
            within(&qs, &(body.find('d').unwrap()..body.len())).count(),
            1
        );
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        for body in ["”", "“", "\"", "a “b", "a ” b “", "“\n", "\"\"\""] {
            let qs = find(body);
            let _ = mask(body, &qs);
        }
    }
}
