//! Counts as news writes them: digits ("1,200"), decimals with a scale
//! ("1.5 million"), words ("seven", "twenty-five", "two hundred"), "a"/"an"/
//! "one" for a single person, and "2,000-plus".

use std::ops::Range;

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: i64,
    /// Byte range of the number's words in the text.
    pub range: Range<usize>,
    /// Written as "a"/"an" (a single person).
    pub article: bool,
    /// Written with a "-plus" suffix ("2,000-plus").
    pub plus: bool,
}

const UNITS: &[(&str, i64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const SCALES: &[(&str, i64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

/// Finds every number in `text`, left to right.
pub fn find_all(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if super::text::word_start(text, i) {
            if let Some(n) = parse_at(text, i) {
                i = n.range.end;
                out.push(n);
                continue;
            }
            // Skip the rest of a token that is not a count ("2.5", "F-16").
            let token = text[i..]
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, ',' | '.' | '-')))
                .unwrap_or(text.len() - i);
            if token > 0 && text[i..].starts_with(|c: char| c.is_ascii_digit()) {
                i += token;
                continue;
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Parses a number starting exactly at byte `start`.
pub fn parse_at(text: &str, start: usize) -> Option<Number> {
    let rest = &text[start..];
    let first = rest.chars().next()?;
    let (mut value, mut end) = if first.is_ascii_digit() {
        parse_digits(rest)?
    } else {
        let word = word_at(rest);
        if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
            return Some(Number {
                value: 1,
                range: start..start + word.len(),
                article: true,
                plus: false,
            });
        }
        let (v, e) = parse_words(rest)?;
        (v as f64, e)
    };
    // A scale word after digits: "1.5 million", "3 thousand".
    if let Some(after) = rest[end..].strip_prefix(' ') {
        let word = word_at(after).to_ascii_lowercase();
        if let Some((_, scale)) = SCALES.iter().find(|(w, _)| *w == word) {
            value *= *scale as f64;
            end += 1 + word.len();
        }
    }
    // A bare fraction ("2.5 km") is not a count of people; absurd sizes are noise.
    if value.fract() != 0.0 || !(0.0..1e15).contains(&value) {
        return None;
    }
    let plus = rest[end..].starts_with("-plus");
    if plus {
        end += "-plus".len();
    }
    if !super::text::word_end(text, start + end) {
        return None;
    }
    Some(Number {
        value: value as i64,
        range: start..start + end,
        article: false,
        plus,
    })
}

/// Digits with thousands separators and an optional decimal part.
fn parse_digits(s: &str) -> Option<(f64, usize)> {
    let bytes = s.as_bytes();
    let mut end = 0;
    while end < bytes.len()
        && (bytes[end].is_ascii_digit()
            || (matches!(bytes[end], b',' | b'.')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
    {
        end += 1;
    }
    let cleaned: String = s[..end].chars().filter(|c| *c != ',').collect();
    Some((cleaned.parse().ok()?, end))
}

/// Number words: "seven", "twenty-five", "two hundred", "three thousand".
fn parse_words(s: &str) -> Option<(i64, usize)> {
    let mut total = 0i64;
    let mut current = 0i64;
    let mut end = 0;
    let mut pos = 0;
    let mut any = false;
    loop {
        let word = word_at(&s[pos..]);
        if word.is_empty() {
            break;
        }
        let lower = word.to_ascii_lowercase();
        let value = if let Some((_, v)) = UNITS.iter().find(|(w, _)| *w == lower) {
            current += v;
            true
        } else if let Some((tens, unit)) = lower.split_once('-') {
            let t = UNITS.iter().find(|(w, _)| *w == tens).map(|x| x.1);
            let u = UNITS.iter().find(|(w, _)| *w == unit).map(|x| x.1);
            match (t, u) {
                (Some(t), Some(u)) if t >= 20 && u < 10 => {
                    current += t + u;
                    true
                }
                _ => false,
            }
        } else if any && lower == "hundred" {
            current *= 100;
            true
        } else if any && lower != "hundred" && SCALES.iter().any(|(w, _)| *w == lower) {
            let scale = SCALES.iter().find(|(w, _)| *w == lower).unwrap().1;
            total += current * scale;
            current = 0;
            true
        } else {
            false
        };
        if !value {
            break;
        }
        any = true;
        end = pos + word.len();
        // Continue over "and" or a single space to the next number word.
        let after = &s[end..];
        let trimmed = after.strip_prefix(' ').unwrap_or(after);
        if trimmed.len() == after.len() {
            break;
        }
        pos = s.len() - trimmed.len();
        if word_at(trimmed).eq_ignore_ascii_case("and") {
            pos += 4;
        }
    }
    any.then_some((total + current, end))
}

/// The word (letters, digits, hyphens, apostrophes) at the start of `s`.
pub fn word_at(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<i64> {
        find_all(text).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn digits_with_separators_and_scales() {
        assert_eq!(
            values("1,200 people and 1.5 million more"),
            vec![1200, 1_500_000]
        );
    }

    #[test]
    fn number_words_compound_and_scaled() {
        assert_eq!(
            values("twenty-five wounded, two hundred fled"),
            vec![25, 200]
        );
        assert_eq!(values("seven dead"), vec![7]);
    }

    #[test]
    fn article_counts_as_one() {
        let n = find_all("a child was hurt");
        assert_eq!(n[0].value, 1);
        assert!(n[0].article);
    }

    #[test]
    fn plus_suffix_is_kept() {
        let n = find_all("2,000-plus displaced");
        assert_eq!(n[0].value, 2000);
        assert!(n[0].plus);
    }

    #[test]
    fn fractions_without_scale_and_huge_numbers_are_not_counts() {
        assert!(values("2.5 km").is_empty());
        assert!(values("99999999999999999999 killed").is_empty());
    }
}
