//! Counts as news writes them: digits ("1,200"), decimals with a scale
//! ("1.5 million"), words ("seven", "twenty-five", "two hundred"), "a"/"an"/
//! "one" for a single person, "2,000-plus", and ranges ("between 20 and 25",
//! "20-25", "two or three").
//!
//! Two layers: [`find_all`] reads every number in a text, and [`find_counts`]
//! keeps those that can count people, dropping numbers that the words around
//! them show to be something else (dates, times, years, ages, percentages,
//! money, distances and other units, model names like "F-16"). The second
//! layer looks only at the immediate neighbourhood of each number, so it is
//! cheap and knows nothing about casualties.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::text::{is_ascii_blank, word_end, word_start, WordShapes};

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The number as stated; the lower end of a range.
    pub value: i64,
    /// The upper end when the text gives a range ("between 20 and 25").
    pub high: Option<i64>,
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

/// Words after "a"/"an" that make it a quantity or a determiner, not one
/// person ("a dozen", "a number of", "an estimated 300", "a further 12").
const NOT_ONE_AFTER_ARTICLE: &[&str] = &[
    "dozen",
    "few",
    "number",
    "lot",
    "handful",
    "couple",
    "total",
    "further",
    "additional",
    "estimated",
    "series",
    "third",
    "quarter",
    "half",
    "majority",
    "minority",
    "fraction",
    "record",
    "minimum",
    "maximum",
    "host",
    "score",
    "wave",
    "spate",
    "string",
    "barrage",
    "range",
    "slew",
    "group",
    "crowd",
    "family",
    "amount",
];

/// Words right after a number that make it a measure, not a head count.
const UNIT_WORDS: &[&str] = &[
    "percent",
    "per",
    "pc",
    "percentage",
    "percentage points",
    "km",
    "kms",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
    "metre",
    "metres",
    "meter",
    "meters",
    "m",
    "feet",
    "foot",
    "ft",
    "yards",
    "kg",
    "kilograms",
    "kilos",
    "pounds",
    "lbs",
    "tons",
    "tonnes",
    "litres",
    "liters",
    "gallons",
    "hectares",
    "acres",
    "degrees",
    "mph",
    "kph",
    "knots",
    "magnitude",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "nights",
    "night",
    "hours",
    "hour",
    "hrs",
    "minutes",
    "minute",
    "mins",
    "seconds",
    "second",
    "decades",
    "centuries",
    "times",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "o'clock",
    "dollars",
    "dollar",
    "euros",
    "euro",
    "shekels",
    "rupees",
    "yuan",
    "usd",
    "eur",
];

/// Capitalised words before a number that make it a label ("Resolution 1701").
const LABELS_BEFORE: &[&str] = &[
    "No",
    "No.",
    "Number",
    "Resolution",
    "Route",
    "Highway",
    "Flight",
    "Article",
    "Chapter",
    "Section",
    "Unit",
    "Gate",
    "Platform",
    "Block",
    "Building",
    "Phase",
    "Level",
    "Category",
    "Channel",
    "Page",
    "Room",
    "Road",
    "Paragraph",
    "Camp",
    "Sector",
    "Zone",
    "Area",
    "Squadron",
    "Battalion",
    "Brigade",
    "Division",
    "Regiment",
    "Version",
    "Model",
    "Season",
    "Episode",
    "Vol",
    "Issue",
];

/// Words before a number that make it an age ("aged 40").
const AGE_BEFORE: &[&str] = &["aged", "age", "ages"];

/// Finds every number in `text`, left to right, with ranges merged.
pub fn find_all(text: &str) -> Vec<Number> {
    let mut numbers = Vec::new();
    scan(text, &mut numbers);
    merge_ranges(text, &mut numbers);
    numbers
}

/// Finds the numbers in `text` that can count people: [`find_all`] without
/// dates, times, years, ages, percentages, money, measures and labels.
/// Written into `numbers` (cleared first): one buffer serves every sentence
/// of an article.
pub fn find_counts(text: &str, numbers: &mut Vec<Number>) {
    numbers.clear();
    scan(text, numbers);
    merge_ranges(text, numbers);
    numbers.retain(|n| is_count(text, n));
}

/// Every number, without range merging, appended to `out`. ASCII text is
/// read a block at a time ([`scan_block`]); a position next to another char
/// one at a time ([`scan_step`]), as its words are told by decoding.
fn scan(text: &str, out: &mut Vec<Number>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A word byte after one would go on with a word: never where the
        // scan goes on, but left to the step that knows it.
        let block_may_start = i.checked_sub(1).is_none_or(|p| {
            bytes[p].is_ascii() && !(bytes[p].is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
        });
        i = if b.is_ascii() && block_may_start {
            scan_block(text, i, out)
        } else {
            scan_step(text, i, out)
        };
    }
}

/// What [`scan`] does at a position it reaches: steps over a separator or
/// a char inside a word, skips a word that is no number, or reads one.
/// Returns where the scan goes on.
fn scan_step(text: &str, i: usize, out: &mut Vec<Number>) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b.is_ascii() && !b.is_ascii_alphanumeric() {
        return i + 1;
    }
    if at_word_start(text, i) {
        if b.is_ascii_alphabetic() && reads_no_number(&bytes[i..]) {
            return i + token_len(&bytes[i..], &text[i..]);
        }
        if let Some(mut n) = parse_at(text, i) {
            let end = n.range.end;
            halve_after_half(text, &mut n);
            out.push(n);
            return end;
        }
        // Skip the rest of a token that is not a count ("2.5", "7th").
        let token = token_len(&bytes[i..], &text[i..]);
        if token > 0 && text[i..].starts_with(|c: char| c.is_alphanumeric()) {
            return i + token;
        }
    }
    i + text[i..].chars().next().map_or(1, char::len_utf8)
}

/// The bytes [`scan_block`] reads at once.
const BLOCK: usize = 64;

/// [`scan`] over the ASCII bytes from `start` (a position the scan reaches,
/// not inside a word) up to [`BLOCK`] of them, without a branch per byte:
/// the scan steps over separators and skips a token (letters, digits and
/// the commas, dots and hyphens between them) whole unless its first byte
/// may start a number, so only those tokens are visited, found in the
/// block's masks. Returns where the scan goes on.
fn scan_block(text: &str, start: usize, out: &mut Vec<Number>) -> usize {
    let bytes = text.as_bytes();
    let block = &bytes[start..bytes.len().min(start + BLOCK)];
    let masks = BlockMasks::of(block);
    let token = masks.word | masks.joiner;
    // Up to the first byte that is not ASCII, left to `scan_step`.
    let ascii_len = (masks.other.trailing_zeros() as usize).min(block.len());
    let end = start + ascii_len;
    let heads = masks.token_heads() & below(ascii_len);
    let mut candidates = heads & masks.may_start;
    let mut at = start;
    while candidates != 0 {
        let offset = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let head = start + offset;
        if head < at {
            continue;
        }
        // A word `scan_step` would skip, when its token ends in the block.
        let token_end = head + (token >> offset).trailing_ones() as usize;
        if token_end < end && bytes[head].is_ascii_alphabetic() && reads_no_number(&bytes[head..]) {
            at = token_end;
            continue;
        }
        let found = out.len();
        at = scan_step(text, head, out);
        // A number that ends before a joiner ("20-25") ends inside a token,
        // where these masks do not tell what the scan visits next.
        let read_a_number = out.len() > found;
        if read_a_number && (at >= end || token >> (at - start) & 1 == 1) {
            return at;
        }
    }
    if at >= end {
        return at;
    }
    // The last token may go on past the ASCII bytes read.
    let later_heads = heads & !below(at - start);
    if later_heads != 0 {
        let last = 63 - later_heads.leading_zeros() as usize;
        if (token >> last).trailing_ones() as usize >= ascii_len - last {
            let head = start + last;
            return head + token_len(&bytes[head..], &text[head..]);
        }
    }
    end
}

/// The bits below bit `n` (at most 64).
fn below(n: usize) -> u64 {
    u64::MAX.checked_shr(64 - n as u32).unwrap_or(0)
}

/// A block's bytes by class, one bit per byte (bit k for byte k).
struct BlockMasks {
    /// ASCII letters and digits.
    word: u64,
    /// Commas, dots and hyphens, which a token holds between its words.
    joiner: u64,
    /// Bytes that are not ASCII.
    other: u64,
    /// Digits and the letters a number word (or "a"/"an") starts with.
    may_start: u64,
}

impl BlockMasks {
    /// The masks of up to [`BLOCK`] bytes, eight at a time as one number
    /// (no branch, no table); bytes past the block read as spaces.
    fn of(block: &[u8]) -> Self {
        let mut padded = [b' '; BLOCK];
        padded[..block.len()].copy_from_slice(block);
        let mut masks = BlockMasks {
            word: 0,
            joiner: 0,
            other: 0,
            may_start: 0,
        };
        for (k, group) in padded.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes(group.try_into().expect("eight bytes"));
            let classes = GroupClasses::of(x);
            let shift = 8 * k;
            masks.word |= gather_high_bits(classes.word) << shift;
            masks.joiner |= gather_high_bits(classes.joiner) << shift;
            masks.other |= gather_high_bits(x) << shift;
            masks.may_start |= gather_high_bits(classes.may_start) << shift;
        }
        masks
    }

    /// The first word of each token: a word whose byte before is no word
    /// byte, unless joiners alone stand between it and a word ("for-seven":
    /// only "for"). The block's first byte is taken to follow a separator.
    fn token_heads(&self) -> u64 {
        let starts = self.word & !(self.word << 1);
        let joiners_after_word = (self.word << 1) & self.joiner;
        // Adding a run's lowest bit carries through the run: the xor keeps
        // each run that follows a word and the byte after it.
        let joined = self.joiner.wrapping_add(joiners_after_word) ^ self.joiner;
        starts & !joined
    }
}

/// Eight bytes' classes, one lane each, in its high bit (0x80).
struct GroupClasses {
    word: u64,
    joiner: u64,
    may_start: u64,
}

/// Every lane's byte set to `b`.
const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

impl GroupClasses {
    /// Lane by lane, on the low seven bits (a byte that is not ASCII is
    /// taken out by its high bit): comparisons as additions that carry
    /// into a lane's high bit and never past it.
    fn of(x: u64) -> Self {
        let ascii = !x & lanes(0x80);
        let low = x & lanes(0x7f);
        let lower = low | lanes(0x20);
        let digit = in_range(low, b'0', b'9');
        let may_start_letter = in_range(lower, b'a', b'a')
            | in_range(lower, b'e', b'f')
            | in_range(lower, b'n', b'o')
            | in_range(lower, b's', b't')
            | in_range(lower, b'z', b'z');
        GroupClasses {
            word: alnum_lanes(low) & ascii,
            joiner: in_range(low, b',', b'.') & ascii,
            may_start: (digit | may_start_letter) & ascii,
        }
    }
}

/// The high bit of each of the eight bytes of `x` (first byte in the low
/// lane) that is no ASCII letter or digit.
pub(crate) fn non_alnum_lanes(x: u64) -> u64 {
    !(alnum_lanes(x & lanes(0x7f)) & !x) & lanes(0x80)
}

/// The high bit of each lane of `low` (seven-bit lanes) that holds an ASCII
/// letter or digit.
fn alnum_lanes(low: u64) -> u64 {
    in_range(low, b'0', b'9') | in_range(low | lanes(0x20), b'a', b'z')
}

/// The high bit of each lane of `low` (seven-bit lanes) that lies in
/// `first..=last`.
fn in_range(low: u64, first: u8, last: u8) -> u64 {
    let at_least_first = low + lanes(0x80 - first);
    let past_last = low + lanes(0x7f - last);
    at_least_first & !past_last & lanes(0x80)
}

/// The high bit of each of eight lanes, lane k to bit k.
fn gather_high_bits(lanes_high: u64) -> u64 {
    ((lanes_high >> 7) & lanes(1)).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// [`word_start`], with its usual case (an ASCII byte before `i`) inline:
/// it is asked at nearly every word of every sentence (`always`: the
/// compiler kept it a call, a third of its cost).
#[inline(always)]
fn at_word_start(text: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|p| text.as_bytes()[p]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => word_start(text, i),
    }
}

/// The ASCII bytes a token holds: letters, digits, commas, dots and hyphens
/// (a table, as this test runs on every byte of every word).
const TOKEN_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || matches!(byte, b',' | b'.' | b'-');
        b += 1;
    }
    table
};

/// Length of the letters, digits, commas, dots and hyphens `s` starts with
/// (`always` inline: [`scan`] asks it at every word it skips).
#[inline(always)]
fn token_len(bytes: &[u8], s: &str) -> usize {
    // ASCII first, in one pass: an ASCII byte that stops it ends the token.
    let mut len = bytes
        .iter()
        .position(|&b| !TOKEN_BYTE[usize::from(b)])
        .unwrap_or(bytes.len());
    if bytes.get(len).is_none_or(u8::is_ascii) {
        return len;
    }
    // Other chars are decoded one by one.
    while let Some(&b) = bytes.get(len) {
        let step = if b.is_ascii() {
            TOKEN_BYTE[usize::from(b)].then_some(1)
        } else {
            let c = s[len..].chars().next().expect("char boundary");
            c.is_alphanumeric().then(|| c.len_utf8())
        };
        match step {
            Some(step) => len += step,
            None => break,
        }
    }
    len
}

/// "half a million": the scale after "half a" is halved, and "half" joins the span.
fn halve_after_half(text: &str, n: &mut Number) {
    let before = &text[..n.range.start];
    let is_scale =
        n.value >= 100 && !text[n.range.clone()].starts_with(|c: char| c.is_ascii_digit());
    let ends_with_half = before
        .get(before.len().saturating_sub(5)..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case("half "));
    if is_scale && ends_with_half {
        n.value /= 2;
        n.range.start -= 5;
    }
}

/// Parses a number starting exactly at byte `start`.
pub fn parse_at(text: &str, start: usize) -> Option<Number> {
    let rest = &text[start..];
    let first = rest.chars().next()?;
    let (mut value, mut end) = if first.is_ascii_digit() {
        parse_digits(rest)?
    } else if !may_start_number_word(first) || !may_be_number_prefix(rest.as_bytes()) {
        return None;
    } else {
        let word = word_at(rest);
        if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
            return parse_article(text, start, word.len());
        }
        // Number words start with a unit word: no need to read on otherwise.
        if unit_value(word).is_none() && compound_value(word).is_none() {
            return None;
        }
        let (v, e) = parse_words(rest)?;
        (v as f64, e)
    };
    // A scale word after digits: "1.5 million", "3 thousand".
    if first.is_ascii_digit() {
        if let Some(after) = rest[end..].strip_prefix(' ') {
            let word = word_at(after);
            if let Some((_, scale)) = SCALES.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)) {
                value *= *scale as f64;
                end += 1 + word.len();
            }
        }
    }
    // A bare fraction ("2.5 km") is not a count of people; absurd sizes are noise.
    if value.fract() != 0.0 || !(0.0..1e15).contains(&value) {
        return None;
    }
    let plus = rest[end..]
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("-plus"));
    if plus {
        end += "-plus".len();
    }
    if !word_end(text, start + end) {
        return None;
    }
    Some(Number {
        value: value as i64,
        high: None,
        range: start..start + end,
        article: false,
        plus,
    })
}

/// Whether [`parse_at`] surely reads no number from the word at `bytes`,
/// which starts with an ASCII letter: its first letters start no number
/// word, or it is neither "a"/"an", nor shaped like a unit word, nor
/// hyphenated like a compound ("of", "for", "these": a common word that
/// starts like a number word is turned away without parsing).
fn reads_no_number(bytes: &[u8]) -> bool {
    if !may_start_number_word(char::from(bytes[0])) || !may_be_number_prefix(bytes) {
        return true;
    }
    let (len, hyphenated) = ascii_word(bytes);
    // A char outside ASCII may go on with the word: `parse_at` decides.
    if bytes.get(len).is_some_and(|b| !b.is_ascii()) {
        return false;
    }
    let word = &bytes[..len];
    let unit_shaped =
        (3..=9).contains(&len) && UNIT_SHAPES.may_hold_shape(len, word[0].to_ascii_lowercase());
    !(unit_shaped
        || hyphenated
        || word.eq_ignore_ascii_case(b"a")
        || word.eq_ignore_ascii_case(b"an"))
}

/// The length of the word `word_at` reads at `bytes` while it is ASCII, and
/// whether it holds a hyphen. A word shorter than eight bytes, as most are,
/// is read in one number without a branch per byte (no loop whose end the
/// processor must guess).
fn ascii_word(bytes: &[u8]) -> (usize, bool) {
    if let Some(group) = bytes.first_chunk::<8>() {
        let x = u64::from_le_bytes(*group);
        let ascii = !x & lanes(0x80);
        let low = x & lanes(0x7f);
        let hyphens = in_range(low, b'-', b'-') & ascii;
        let word_bytes = alnum_lanes(low) | in_range(low, b'\'', b'\'');
        let stops = !(word_bytes & ascii | hyphens) & lanes(0x80);
        if stops != 0 {
            let len = stops.trailing_zeros() as usize / 8;
            return (len, hyphens & below(8 * len) != 0);
        }
    }
    let limit = bytes.len().min(MAX_WORD_BYTES);
    let len = bytes[..limit]
        .iter()
        .position(|&b| !WORD_BYTE[usize::from(b)])
        .unwrap_or(limit);
    (len, bytes[..len].contains(&b'-'))
}

/// Whether a word starting with `c` can be "a"/"an" or a number word: every
/// one of [`UNITS`] starts with one of these letters (and a compound such as
/// "twenty-five" with its tens), so other words need no parsing.
const fn may_start_number_word(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        'a' | 'e' | 'f' | 'n' | 'o' | 's' | 't' | 'z'
    )
}

/// Whether a word starting with these bytes can be "a"/"an" or a number
/// word: when it starts with three letters (so it is not "a"/"an"), they
/// must begin a unit word, which a compound ("twenty-five") also starts with.
fn may_be_number_prefix(bytes: &[u8]) -> bool {
    let &[a, b, c, ..] = bytes else {
        return true;
    };
    // Letters by their place in the alphabet, in either case: `| 0x20`
    // lowers an ASCII letter and makes no other byte a lower-case letter.
    let letter = |x: u8| (x | 0x20).wrapping_sub(b'a');
    let (a, b, c) = (letter(a), letter(b), letter(c));
    if a >= 26 || b >= 26 || c >= 26 {
        return true;
    }
    NUMBER_PREFIXES[usize::from(a) * 26 + usize::from(b)] & (1 << c) != 0
}

/// The first three letters of the unit words, as a table: one row per first
/// two letters, one bit per third (a lookup instead of sixteen compares for
/// every word that starts like a number).
const NUMBER_PREFIXES: [u32; 26 * 26] = {
    const PREFIXES: [&[u8; 3]; 16] = [
        b"zer", b"one", b"two", b"thr", b"fou", b"fiv", b"six", b"sev", b"eig", b"nin", b"ten",
        b"ele", b"twe", b"thi", b"fif", b"for",
    ];
    let mut rows = [0u32; 26 * 26];
    let mut k = 0;
    while k < PREFIXES.len() {
        let [a, b, c] = *PREFIXES[k];
        rows[(a - b'a') as usize * 26 + (b - b'a') as usize] |= 1 << (c - b'a');
        k += 1;
    }
    rows
};

/// "a"/"an": one person, or a scale ("a hundred", "a million"); nothing when a
/// quantity word follows ("a dozen", "an estimated").
fn parse_article(text: &str, start: usize, len: usize) -> Option<Number> {
    // "a" alone before a word; not "a.m.", "Plan A" at a sentence end.
    let after = text[start + len..]
        .strip_prefix(' ')?
        .trim_start_matches(['"', '\u{201c}', '\u{2018}']);
    let next = word_at(after);
    if next.is_empty() {
        return None;
    }
    if let Some((_, scale)) = SCALES.iter().find(|(w, _)| w.eq_ignore_ascii_case(next)) {
        let end = start + len + 1 + next.len();
        return Some(Number {
            value: *scale,
            high: None,
            range: start..end,
            article: false,
            plus: false,
        });
    }
    // "a dozen", "a significant number of", "a small group of".
    if is_quantity_word(next) || quantity_ahead(&text[start + len..]) {
        return None;
    }
    Some(Number {
        value: 1,
        high: None,
        range: start..start + len,
        article: true,
        plus: false,
    })
}

/// Whether one of the next three words of `rest` is a quantity word, among
/// those made only of letters and hyphens up to the first that is not.
/// ASCII text is split on its bytes; other text as [`quantity_ahead_chars`].
fn quantity_ahead(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let mut i = 0;
    for _ in 0..3 {
        while bytes.get(i).is_some_and(|&b| is_ascii_blank(b)) {
            i += 1;
        }
        let start = i;
        // Letters and hyphens, most words, in one pass; a word with any
        // other byte is no quantity, or is read as chars if not ASCII.
        while bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'-')
        {
            i += 1;
        }
        if bytes.get(i).is_some_and(|&b| !is_ascii_blank(b)) {
            let word_end = bytes[i..]
                .iter()
                .position(|&b| is_ascii_blank(b))
                .map_or(bytes.len(), |p| i + p);
            return if bytes[i..word_end].is_ascii() {
                false
            } else {
                quantity_ahead_chars(rest)
            };
        }
        if i == start {
            return false;
        }
        if is_quantity_word(&rest[start..i]) {
            return true;
        }
    }
    false
}

/// [`quantity_ahead`] read char by char, for text that is not ASCII.
fn quantity_ahead_chars(rest: &str) -> bool {
    rest.split_whitespace()
        .take(3)
        .take_while(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        .any(is_quantity_word)
}

/// One of [`NOT_ONE_AFTER_ARTICLE`], in any ASCII case.
fn is_quantity_word(w: &str) -> bool {
    static SET: WordSet = WordSet::new(NOT_ONE_AFTER_ARTICLE);
    SET.contains_any_case(w)
}

/// Longest word a [`WordSet`] holds.
const MAX_SET_WORD: usize = 24;

/// Slots of a [`WordSet`]'s table: kept at most half full, so a look-up
/// mostly reads one slot.
const SET_SLOTS: usize = 256;

/// A closed class of short lower-case words, looked up by hash (these
/// lists are read for most words near a count, where a scan of the list
/// was a large share of the work). Most words asked about are in no class:
/// their length and first byte turn them away before hashing. The table is
/// built at compile time, open addressing: no hash set to set up or probe.
pub struct WordSet {
    words: &'static [&'static str],
    /// By [`slot_of`] a word's hash, the word's index in `words` plus one
    /// (zero: free), the next slot on when one is taken.
    slots: [u8; SET_SLOTS],
    shapes: WordShapes,
}

/// A word's first slot in a [`WordSet`]'s table: the top byte of a
/// multiplicative hash of its length and bytes.
const fn slot_of(w: &[u8]) -> usize {
    let mut h = w.len() as u32;
    let mut i = 0;
    while i < w.len() {
        h = (h ^ w[i] as u32).wrapping_mul(0x9E37_79B1);
        i += 1;
    }
    (h >> 24) as usize
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        assert!(words.len() <= SET_SLOTS / 2, "too many words for a set");
        let mut slots = [0u8; SET_SLOTS];
        let mut i = 0;
        while i < words.len() {
            assert!(words[i].len() <= MAX_SET_WORD, "a set word is too long");
            let mut at = slot_of(words[i].as_bytes());
            while slots[at] != 0 {
                at = (at + 1) % SET_SLOTS;
            }
            slots[at] = i as u8 + 1;
            i += 1;
        }
        WordSet {
            words,
            slots,
            shapes: WordShapes::of(words),
        }
    }

    /// Whether the class holds `w` as it is (called like `slice::contains`,
    /// on lower-case tokens). Inline, so that the words the shapes turn
    /// away cost no call.
    #[inline]
    pub fn contains(&self, w: &&str) -> bool {
        self.shapes.may_hold(w.as_bytes()) && self.hashed_contains(w.as_bytes())
    }

    /// Whether the class holds `w` lower-cased in ASCII: lowered in a small
    /// buffer, no allocation; longer words are in none.
    pub fn contains_any_case(&self, w: &str) -> bool {
        let bytes = w.as_bytes();
        let Some(&first) = bytes.first() else {
            return false;
        };
        if bytes.len() > MAX_SET_WORD
            || !self
                .shapes
                .may_hold_shape(bytes.len(), first.to_ascii_lowercase())
        {
            return false;
        }
        let mut buf = [0u8; MAX_SET_WORD];
        let lower = &mut buf[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        self.hashed_contains(lower)
    }

    #[inline]
    fn hashed_contains(&self, w: &[u8]) -> bool {
        let mut at = slot_of(w);
        // The table is at most half full: a free slot ends every probe.
        while let Some(k) = self.slots[at].checked_sub(1) {
            if self.words[usize::from(k)].as_bytes() == w {
                return true;
            }
            at = (at + 1) % SET_SLOTS;
        }
        false
    }

    /// The words of the class, for tests that compare it with a scan.
    #[cfg(test)]
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
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
    let digits = &s[..end];
    if let Some(value) = whole_digits(digits) {
        return Some((value, end));
    }
    let value = if digits.contains(',') {
        let cleaned: String = digits.chars().filter(|c| *c != ',').collect();
        cleaned.parse().ok()?
    } else {
        digits.parse().ok()?
    };
    Some((value, end))
}

/// The value of digits with optional thousands commas and no decimal part,
/// read without `str::parse`; `None` (read by the general path) past 15
/// digits, where an f64 might not hold the integer exactly.
fn whole_digits(digits: &str) -> Option<f64> {
    let mut value: u64 = 0;
    let mut count = 0;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {
                value = value * 10 + u64::from(b - b'0');
                count += 1;
            }
            b',' => {}
            _ => return None,
        }
        if count > 15 {
            return None;
        }
    }
    Some(value as f64)
}

/// Number words: "seven", "twenty-five", "two hundred", "three thousand and
/// five". Stops where the words stop making one number ("seven and nine").
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
        let small = unit_value(word).or_else(|| compound_value(word));
        let scale = SCALES
            .iter()
            .find(|(w, _)| any && w.eq_ignore_ascii_case(word))
            .map(|x| x.1);
        let after_scale;
        if let Some(v) = small.filter(|&v| can_follow(current, v)) {
            current = current.saturating_add(v);
            after_scale = false;
        } else if let Some(scale) = scale {
            if scale == 100 {
                current = current.saturating_mul(100);
            } else {
                total = total.saturating_add(current.saturating_mul(scale));
                current = 0;
            }
            after_scale = true;
        } else {
            break;
        }
        any = true;
        end = pos + word.len();
        // Continue over a single space, or "and" after a scale word.
        let Some(trimmed) = s[end..].strip_prefix(' ') else {
            break;
        };
        pos = end + 1;
        if after_scale && word_at(trimmed).eq_ignore_ascii_case("and") {
            pos += 4;
        }
    }
    any.then_some((total.saturating_add(current), end))
}

/// "twenty-five" and the like, in any ASCII case.
fn compound_value(word: &str) -> Option<i64> {
    let dash = word.bytes().position(|b| b == b'-')?;
    let (tens, unit) = (&word[..dash], &word[dash + 1..]);
    match (unit_value(tens), unit_value(unit)) {
        (Some(t), Some(u)) if t >= 20 && t % 10 == 0 && (1..10).contains(&u) => Some(t + u),
        _ => None,
    }
}

/// Whether a small number word `v` can extend the pending `current`
/// ("twenty" + "five", "two hundred" + "six"; not "seven" + "three").
fn can_follow(current: i64, v: i64) -> bool {
    let pending = current % 100;
    pending == 0 || (pending >= 20 && pending % 10 == 0 && v < 10)
}

/// The lengths and first letters of [`UNITS`].
const UNIT_SHAPES: WordShapes = {
    let mut shapes = WordShapes::NONE;
    let mut k = 0;
    while k < UNITS.len() {
        shapes.add(UNITS[k].0.as_bytes());
        k += 1;
    }
    shapes
};

/// The value of a unit word, in any ASCII case ("Seven").
fn unit_value(word: &str) -> Option<i64> {
    static BY_WORD: OnceLock<FxHashMap<&'static [u8], i64>> = OnceLock::new();
    let by_word = BY_WORD.get_or_init(|| UNITS.iter().map(|&(w, v)| (w.as_bytes(), v)).collect());
    // Unit words have three to nine letters, and most words that start
    // like one ("for", "this", "through") have no unit word's length and
    // first letter: they need no hashing.
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !(3..=9).contains(&word.len()) || !UNIT_SHAPES.may_hold_shape(word.len(), first) {
        return None;
    }
    // Lower-case into a small buffer, no allocation.
    let mut buf = [0u8; 16];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    by_word.get(&*lower).copied()
}

/// Merges "between 20 and 25", "20 to 25", "20-25" and "two or three" into
/// one number with a `high` end. "from 20 to 25" is a change, not a range.
/// In place: a merged pair is kept as its first number.
fn merge_ranges(text: &str, numbers: &mut Vec<Number>) {
    // `kept` numbers are final; `read` is the next one to look at.
    let (mut kept, mut read) = (0, 0);
    while read < numbers.len() {
        let mut n = numbers[read].clone();
        read += 1;
        if let Some(next) = numbers.get(read) {
            if !n.article && !next.article && n.value < next.value && !n.plus {
                // Compared ignoring ASCII case: no lower-case copies.
                let gap = &text[n.range.end..next.range.start];
                let before = last_word(&text[..n.range.start]);
                let gap_is = |w: &str| gap.eq_ignore_ascii_case(w);
                let joined = if gap_is(" and ") {
                    before.eq_ignore_ascii_case("between")
                } else if gap_is(" to ") || gap == "-" || gap == "\u{2013}" {
                    !before.eq_ignore_ascii_case("from")
                } else {
                    gap_is(" or ")
                };
                if joined {
                    n.high = Some(next.value);
                    n.plus = next.plus;
                    n.range.end = next.range.end;
                    read += 1;
                }
            }
        }
        numbers[kept] = n;
        kept += 1;
    }
    numbers.truncate(kept);
}

/// Whether the words around `n` leave it a possible count of people.
fn is_count(text: &str, n: &Number) -> bool {
    let before = &text[..n.range.start];
    let after = &text[n.range.end..];
    let prev = last_word(before);
    let after_blanks = after.trim_start_matches([' ', '\u{a0}']);
    let next = word_at(after_blanks);
    let digits = text[n.range.clone()].starts_with(|c: char| c.is_ascii_digit());
    !(is_measure(after, next)
        || is_money(before)
        || is_attached_label(before, after)
        || prev.eq_ignore_ascii_case("no") && !digits
        || (!n.article && next.eq_ignore_ascii_case("another"))
        || AGE_BEFORE.iter().any(|w| prev.eq_ignore_ascii_case(w))
        // Every label is capitalised: most words need no look through them.
        || (prev.starts_with(|c: char| c.is_ascii_uppercase()) && LABELS_BEFORE.contains(&prev))
        || (digits && is_year(&text[n.range.clone()], prev, next))
        || (n.value <= 31 && is_date(before, after, (prev, next), after_blanks))
        || (digits && is_time(before, after))
        || (digits && is_age_apposition(before, after))
        || is_ratio(text, n))
}

/// "40%", "12 km", "3 hours", "9 a.m.", "in the morning"; `next` is the
/// word after the number.
fn is_measure(after: &str, next: &str) -> bool {
    let trimmed = after.trim_start();
    let starts = |phrase: &str| {
        trimmed
            .get(..phrase.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(phrase))
    };
    // The phrases start with "a", "p" or "i": other text needs no comparing.
    let phrase_first = trimmed
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a' | b'p' | b'i'));
    trimmed.starts_with('%')
        // `next` ends before any dot: it is the word without its dots too.
        || is_unit_word(next)
        || (phrase_first
            && (starts("a.m")
                || starts("p.m")
                || starts("in the morning")
                || starts("in the evening")
                || starts("in the afternoon")))
}

/// One of [`UNIT_WORDS`], in any ASCII case.
fn is_unit_word(w: &str) -> bool {
    static SET: WordSet = WordSet::new(UNIT_WORDS);
    SET.contains_any_case(w)
}

/// "$5", "€20", "US$ 3".
fn is_money(before: &str) -> bool {
    before
        .trim_end()
        .ends_with(['$', '\u{20ac}', '\u{a3}', '\u{a5}'])
}

/// Model names and compounds: "F-16", "Fadi-4", "Su-25" (letters joined to
/// the number by a hyphen), and "12-year-old", "20-member" (the number joined
/// to a following word).
fn is_attached_label(before: &str, after: &str) -> bool {
    let mut back = before.chars().rev();
    let joined_before = back.next() == Some('-') && back.next().is_some_and(char::is_alphanumeric);
    let mut fwd = after.chars();
    let joined_after =
        matches!(fwd.next(), Some('-' | '\u{2011}')) && fwd.next().is_some_and(char::is_alphabetic);
    joined_before || joined_after || before.ends_with('#')
}

/// A year: four digits 1900..=2100 with no separator, unless a plural noun
/// follows ("2000 people") and no "in"/"since" precedes. Words compare
/// ignoring ASCII case.
fn is_year(digits: &str, prev: &str, next: &str) -> bool {
    const YEAR_PREPS: &[&str] = &[
        "in", "since", "of", "from", "until", "till", "by", "before", "after", "year",
    ];
    let year_like = digits.len() == 4
        && digits
            .parse::<i64>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    let plural_next =
        next.eq_ignore_ascii_case("people") || (next.len() > 3 && next.ends_with(['s', 'S']));
    let year_prep = YEAR_PREPS.iter().any(|w| prev.eq_ignore_ascii_case(w));
    year_like && (year_prep || !plural_next)
}

/// A day of the month: a month name just before ("Oct. 7", "October 7") or
/// just after ("7 October"). `words` are the words [`is_count`] read on
/// either side (past blanks, and `after` past spaces as `after_blanks`):
/// they are these words unless dots or other blanks stand in between.
fn is_date(before: &str, after: &str, words: (&str, &str), after_blanks: &str) -> bool {
    let prev = if before.trim_end().ends_with('.') {
        last_word(before.trim_end_matches(['.', ' ']))
    } else {
        words.0
    };
    let next = if after_blanks.starts_with(char::is_whitespace) {
        word_at(after.trim_start())
    } else {
        words.1
    };
    [prev, next]
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_uppercase()) && super::calendar::is_month(w))
}

/// Either side of "12:38".
fn is_time(before: &str, after: &str) -> bool {
    let mut fwd = after.chars();
    let mut back = before.chars().rev();
    let colon_digit =
        |a: Option<char>, b: Option<char>| a == Some(':') && b.is_some_and(|c| c.is_ascii_digit());
    colon_digit(fwd.next(), fwd.next()) || colon_digit(back.next(), back.next())
}

/// "one in five", "1 in 10": a ratio, not a count.
fn is_ratio(text: &str, n: &Number) -> bool {
    let after = &text[n.range.end..];
    let before = text[..n.range.start].trim_end();
    let one = n.value == 1 && !n.article;
    let next_is_number = |s: &str| {
        s.strip_prefix(" in ").is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit()) || unit_value(word_at(r)).is_some()
        })
    };
    let prev_one = before.strip_suffix(" in").is_some_and(|b| {
        let w = last_word(b);
        w == "1" || w.eq_ignore_ascii_case("one")
    });
    (one && next_is_number(after)) || prev_one
}

/// ", 40," after a capitalised name: an age in apposition ("Robert Card, 40,").
fn is_age_apposition(before: &str, after: &str) -> bool {
    let Some(head) = before.strip_suffix(", ") else {
        return false;
    };
    let name = last_word(head);
    after.starts_with(',') && name.chars().next().is_some_and(char::is_uppercase) && name.len() > 1
}

/// Longest word the helpers below look at: no real word is longer, and the
/// cap keeps adversarial text ("1-1-1-1...") linear.
const MAX_WORD_BYTES: usize = 64;

/// The last word (letters, digits, hyphens, apostrophes, dots) of `s`.
fn last_word(s: &str) -> &str {
    let s = s.trim_end();
    let bytes = s.as_bytes();
    let mut start = s.len();
    while let Some(&b) = start.checked_sub(1).map(|p| &bytes[p]) {
        // The char that ends at `start`: ASCII read as a byte, others decoded.
        let (at, in_word) = if b.is_ascii() {
            (start - 1, WORD_BYTE[usize::from(b)] || b == b'.')
        } else {
            let c = s[..start].chars().next_back().expect("char boundary");
            (start - c.len_utf8(), c.is_alphanumeric())
        };
        if !in_word || s.len() - at > MAX_WORD_BYTES {
            break;
        }
        start = at;
    }
    &s[start..]
}

/// The ASCII bytes of a word: letters, digits, hyphens and apostrophes (a
/// table, as [`word_at`] tests every byte of the words around every number).
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'\'';
        b += 1;
    }
    table
};

/// The word (letters, digits, hyphens, apostrophes) at the start of `s`.
pub fn word_at(s: &str) -> &str {
    let bytes = s.as_bytes();
    let limit = bytes.len().min(MAX_WORD_BYTES);
    // The ASCII letters, digits, hyphens and apostrophes first, in one pass.
    let mut end = bytes[..limit]
        .iter()
        .position(|&b| !WORD_BYTE[usize::from(b)])
        .unwrap_or(limit);
    while end < bytes.len() && end < MAX_WORD_BYTES {
        let b = bytes[end];
        // ASCII needs no decoding; other chars are read whole.
        let len = if b.is_ascii() {
            (b.is_ascii_alphanumeric() || b == b'-' || b == b'\'').then_some(1)
        } else {
            let c = s[end..].chars().next().expect("char boundary");
            (c.is_alphanumeric() || c == '\u{2019}').then(|| c.len_utf8())
        };
        match len {
            Some(len) => end += len,
            None => break,
        }
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<i64> {
        find_all(text).into_iter().map(|n| n.value).collect()
    }

    /// [`find_counts`] into a new list.
    fn counts_in(text: &str) -> Vec<Number> {
        let mut numbers = Vec::new();
        find_counts(text, &mut numbers);
        numbers
    }

    fn counts(text: &str) -> Vec<i64> {
        counts_in(text).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn quantity_ahead_matches_the_char_reading() {
        let pieces = [
            " ", "\t", "\u{b}", "\u{a0}", "dozen", "Number", "of", "small", "-", "x1", "é", "Few",
            ",", "\u{2003}",
        ];
        for s in crate::extract::text::concatenations(&pieces, 4) {
            assert_eq!(quantity_ahead(&s), quantity_ahead_chars(&s), "{s:?}");
        }
    }

    /// `unit_value` against a search of [`UNITS`] ignoring ASCII case.
    #[test]
    fn unit_value_matches_a_search_of_the_units() {
        let words = [
            "",
            "a",
            "one",
            "One",
            "ONE",
            "for",
            "forty",
            "Forty",
            "fourteen",
            "this",
            "thirty",
            "through",
            "several",
            "seven",
            "sevens",
            "zero",
            "Zéro",
            "ninety",
            "nineteen",
            "é",
            "twenty-five",
            "eleven",
            "elevens",
        ];
        for w in words {
            let searched = UNITS
                .iter()
                .find(|(u, _)| u.eq_ignore_ascii_case(w))
                .map(|&(_, v)| v);
            assert_eq!(unit_value(w), searched, "{w:?}");
        }
    }

    /// The scan's test before `reads_no_number`, kept for `scan_before`:
    /// the first letters start no number word, or the word is of one or
    /// two letters (number words have three or more) other than "a"/"an".
    fn starts_no_number(bytes: &[u8]) -> bool {
        if !may_start_number_word(char::from(bytes[0])) || !may_be_number_prefix(bytes) {
            return true;
        }
        let letters = bytes
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        // Nothing `word_at` would add to the word: no digit, mark or other char.
        let ends_here = bytes
            .get(letters)
            .is_none_or(|&b| b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'-' && b != b'\'');
        let word = &bytes[..letters];
        letters < 3
            && ends_here
            && !word.eq_ignore_ascii_case(b"a")
            && !word.eq_ignore_ascii_case(b"an")
    }

    /// The scan before its lead-byte table, kept as its reference.
    fn scan_before(text: &str) -> Vec<Number> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            let b = bytes[i];
            if b.is_ascii() && !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let at_start = word_start(text, i);
            if b.is_ascii_alphabetic() && starts_no_number(&bytes[i..]) && at_start {
                i += token_len_before(&bytes[i..], &text[i..]);
                continue;
            }
            if at_start {
                if let Some(mut n) = parse_at(text, i) {
                    i = n.range.end;
                    halve_after_half(text, &mut n);
                    out.push(n);
                    continue;
                }
                let token = token_len_before(&text.as_bytes()[i..], &text[i..]);
                if token > 0 && text[i..].starts_with(|c: char| c.is_alphanumeric()) {
                    i += token;
                    continue;
                }
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        out
    }

    /// `token_len` before its early return, kept as its reference.
    fn token_len_before(bytes: &[u8], s: &str) -> usize {
        let mut len = 0;
        while let Some(&b) = bytes.get(len) {
            let step = if b.is_ascii() {
                TOKEN_BYTE[usize::from(b)].then_some(1)
            } else {
                let c = s[len..].chars().next().expect("char boundary");
                c.is_alphanumeric().then(|| c.len_utf8())
            };
            match step {
                Some(step) => len += step,
                None => break,
            }
        }
        len
    }

    #[test]
    fn scan_and_token_len_match_their_references() {
        let pieces = [
            "a", " ", "an", "One", "fifty", "2", ",", "-", ".", "é", "—", "x", "the", "Ten-",
            "for", "There", "seven", "’s", "'", "six",
        ];
        let mut texts = super::super::text::concatenations(&pieces, 4);
        // Texts across blocks: tokens and chars that are not ASCII at
        // every offset from a block's start.
        let longer = [
            "twenty-five",
            "two hundred",
            "20-25",
            "1,200",
            "for-seven",
            "half a million",
            "\u{201c}",
            "\u{2014}",
            "\u{639}\u{634}\u{631}\u{629}",
            "caf\u{e9}",
            " killed ",
        ];
        let mut seed = 7u64;
        for pieces_each in [24, 60] {
            for _ in 0..2000 {
                let mut text = String::new();
                for _ in 0..pieces_each {
                    super::super::text::step_random(&mut seed);
                    let pick = (seed >> 33) as usize % (pieces.len() + longer.len());
                    text.push_str(
                        pieces
                            .get(pick)
                            .unwrap_or_else(|| &longer[pick - pieces.len()]),
                    );
                }
                texts.push(text);
            }
        }
        for pad in 0..BLOCK + 2 {
            for piece in [
                "seven",
                "for-seven",
                "12",
                "a",
                "\u{e9}",
                "\u{2019}s",
                "One,two",
            ] {
                texts.push(format!(
                    "{}{piece} six",
                    "x ".repeat(pad / 2) + &"y".repeat(pad % 2)
                ));
            }
        }
        for text in &texts {
            let mut scanned = Vec::new();
            scan(text, &mut scanned);
            assert_eq!(scanned, scan_before(text), "{text:?}");
            for (i, _) in text.char_indices() {
                let (bytes, s) = (&text.as_bytes()[i..], &text[i..]);
                assert_eq!(token_len(bytes, s), token_len_before(bytes, s), "{s:?}");
            }
        }
    }

    /// The block masks against each byte's class read one by one.
    #[test]
    fn block_masks_match_each_byte_class() {
        let bytes: Vec<u8> = (0..=255).collect();
        for block in bytes.chunks(BLOCK).chain(bytes.rchunks(37)) {
            let masks = BlockMasks::of(block);
            for (k, &b) in block.iter().enumerate() {
                let bit = |mask: u64| mask >> k & 1 == 1;
                assert_eq!(bit(masks.word), b.is_ascii_alphanumeric(), "{b}");
                assert_eq!(bit(masks.joiner), matches!(b, b',' | b'.' | b'-'), "{b}");
                assert_eq!(bit(masks.other), !b.is_ascii(), "{b}");
                let may_start = b.is_ascii_digit()
                    || (b.is_ascii_alphabetic() && may_start_number_word(char::from(b)));
                assert_eq!(bit(masks.may_start), may_start, "{b}");
            }
            // Past the block: spaces.
            assert_eq!((masks.word | masks.other) & !below(block.len()), 0);
        }
        for byte_mask in 0..=255u64 {
            let lanes_high = (0..8).fold(0, |x, k| x | (byte_mask >> k & 1) << (8 * k + 7));
            assert_eq!(gather_high_bits(lanes_high | lanes(0x7f)), byte_mask);
        }
    }

    #[test]
    fn non_alnum_lanes_match_each_byte() {
        for b in 0..=255u8 {
            for k in 0..8 {
                let mut group = [b'a'; 8];
                group[k] = b;
                let lanes_found = non_alnum_lanes(u64::from_le_bytes(group));
                let expected = if b.is_ascii_alphanumeric() {
                    0
                } else {
                    0x80 << (8 * k)
                };
                assert_eq!(lanes_found, expected, "{b} in lane {k}");
            }
        }
    }

    /// `ascii_word` against its byte loop, kept as its reference.
    #[test]
    fn ascii_word_matches_its_byte_loop() {
        let pieces = [
            "a", "Z", "7", "-", "'", " ", ".", ",", "\u{e9}", "\u{2019}", "@", "[", "`", "{", "/",
            ":",
        ];
        let mut texts = super::super::text::concatenations(&pieces, 4);
        texts.extend((0..12).map(|n| format!("{}-{} x", "b".repeat(n), "c".repeat(70))));
        for text in &texts {
            for start in 0..text.len() {
                let bytes = &text.as_bytes()[start..];
                let limit = bytes.len().min(MAX_WORD_BYTES);
                let len = bytes[..limit]
                    .iter()
                    .position(|&b| !WORD_BYTE[usize::from(b)])
                    .unwrap_or(limit);
                let reference = (len, bytes[..len].contains(&b'-'));
                assert_eq!(ascii_word(bytes), reference, "{bytes:?}");
            }
        }
    }

    /// `may_be_number_prefix` against its reading by `to_ascii_lowercase`,
    /// kept as its reference, on letters of both cases and other bytes.
    #[test]
    fn number_prefix_matches_its_lowercase_reading() {
        let reference = |bytes: &[u8]| {
            let [a, b, c, ..] = bytes else {
                return true;
            };
            let [a, b, c] = [a, b, c].map(u8::to_ascii_lowercase);
            if !(a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase()) {
                return true;
            }
            let row = NUMBER_PREFIXES[usize::from(a - b'a') * 26 + usize::from(b - b'a')];
            row & (1 << (c - b'a')) != 0
        };
        let bytes: Vec<u8> = (b'@'..=b'{')
            .chain([0, b' ', b'-', b'1', 0x80, 0xc1, 0xe1, 0xff])
            .collect();
        for &a in &bytes {
            for &b in &bytes {
                for &c in &bytes {
                    let word = [a, b, c, b'x'];
                    assert_eq!(may_be_number_prefix(&word), reference(&word), "{word:?}");
                    assert_eq!(may_be_number_prefix(&word[..2]), reference(&word[..2]));
                }
            }
        }
    }

    /// `reads_no_number` turns away only words `parse_at` reads no number
    /// from (every word it turns away is skipped whole by the scan).
    #[test]
    fn words_turned_away_read_no_number() {
        let pieces = [
            "a", "an", "A", "seven", "Seven", "for", "forty", "-", "five", "’", "é", "s", " ", "'",
            "thr", "ee", "1", "half", "hundred",
        ];
        for text in super::super::text::concatenations(&pieces, 3) {
            let bytes = text.as_bytes();
            if bytes[0].is_ascii_alphabetic() && reads_no_number(bytes) {
                assert_eq!(parse_at(&text, 0), None, "{text:?}");
            }
        }
    }

    /// `is_date` on the words `is_count` read, against its reading of its
    /// own words, kept as its reference.
    #[test]
    fn is_date_matches_its_own_reading() {
        let reference = |before: &str, after: &str| {
            let prev = last_word(before.trim_end_matches(['.', ' ']));
            let next = word_at(after.trim_start());
            [prev, next].iter().any(|w| {
                w.starts_with(|c: char| c.is_uppercase()) && super::super::calendar::is_month(w)
            })
        };
        let pieces = [" ", ".", "Oct", "\u{a0}", "\t", "x", "é", "May"];
        let sides = super::super::text::concatenations(&pieces, 3);
        for before in &sides {
            for after in &sides {
                let prev = last_word(before);
                let after_blanks = after.trim_start_matches([' ', '\u{a0}']);
                let next = word_at(after_blanks);
                assert_eq!(
                    is_date(before, after, (prev, next), after_blanks),
                    reference(before, after),
                    "{before:?} | {after:?}"
                );
            }
        }
    }

    /// `last_word` before its byte reading, kept as its reference.
    fn last_word_by_chars(s: &str) -> &str {
        let s = s.trim_end();
        let mut start = s.len();
        for (i, c) in s.char_indices().rev() {
            let in_word = c.is_alphanumeric() || matches!(c, '-' | '\'' | '.');
            if !in_word || s.len() - i > MAX_WORD_BYTES {
                break;
            }
            start = i;
        }
        &s[start..]
    }

    #[test]
    fn last_word_matches_its_char_reading() {
        let pieces = [
            "a", "7", " ", ".", "-", "'", "’", "é", "東", ",", "\u{a0}", "Oct",
        ];
        let mut texts = super::super::text::concatenations(&pieces, 4);
        texts.push("x".repeat(70));
        texts.push("é".repeat(40));
        texts.push(format!("{} 1", "1-".repeat(40)));
        for text in &texts {
            assert_eq!(last_word(text), last_word_by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn word_byte_table_holds_the_word_bytes() {
        for b in 0..=255u8 {
            let word = b.is_ascii_alphanumeric() || b == b'-' || b == b'\'';
            assert_eq!(WORD_BYTE[usize::from(b)], word, "{b}");
        }
    }

    #[test]
    fn whole_digits_reads_as_str_parse_does() {
        let cases = [
            "0",
            "7",
            "007",
            "1,200",
            "12,345,678",
            "999999999999999",
            "1,000,000,000,000",
            "1234567890123456",
            "1.5",
            "2,000.25",
        ];
        for digits in cases {
            let parsed: f64 = digits.replace(',', "").parse().unwrap();
            match whole_digits(digits) {
                Some(v) => assert_eq!(v, parsed, "{digits}"),
                // Left to the general path: a decimal part or over 15 digits.
                None => assert!(digits.contains('.') || digits.len() > 15, "{digits}"),
            }
        }
    }

    #[test]
    fn words_that_start_no_number_are_those_parse_at_reads_none_from() {
        let text = "Of the 20 to a An an. On so: no one of ten t2 te-n ON-4 a’ a- \
                    zero-two twenty-five For fortY ninety-nine forty- x é at, o'clock or";
        for (i, c) in text.char_indices() {
            let word_begins = c.is_ascii_alphabetic() && super::super::text::word_start(text, i);
            if word_begins && reads_no_number(&text.as_bytes()[i..]) {
                assert_eq!(parse_at(text, i), None, "at {:?}", &text[i..]);
            }
        }
        for word in ["of", "to", "On", "so", "x", "t2", "for", "these"] {
            assert!(reads_no_number(word.as_bytes()), "{word}");
        }
        for word in ["a", "An", "one", "ten", "te-n", "a-", "Seven", "Forty-two"] {
            assert!(!reads_no_number(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn the_prefix_table_holds_exactly_the_unit_word_prefixes() {
        let letters = || b'a'..=b'z';
        for a in letters() {
            for b in letters() {
                for c in letters() {
                    let prefix = [a, b, c];
                    let expected = UNITS.iter().any(|(w, _)| w.as_bytes().starts_with(&prefix));
                    assert_eq!(may_be_number_prefix(&prefix), expected, "{prefix:?}");
                }
            }
        }
        assert!(may_be_number_prefix(b"a"));
        assert!(may_be_number_prefix(b"a-b"));
    }

    /// The shape test turns away no word the plain look-up (lower-cased
    /// copy, then hash) finds, in any case, and finds the same words.
    #[test]
    fn word_set_matches_the_plain_look_up() {
        for list in [NOT_ONE_AFTER_ARTICLE, UNIT_WORDS] {
            let set = WordSet::new(list);
            let plain = |w: &str| {
                list.iter()
                    .any(|x| x.as_bytes() == w.to_ascii_lowercase().as_bytes())
            };
            let mut words: Vec<String> = Vec::new();
            for w in list {
                let mut title = w.to_string();
                title[..1].make_ascii_uppercase();
                words.extend([w.to_string(), w.to_uppercase(), title, format!("{w}s")]);
                words.push(w[1..].to_string());
            }
            words.extend(
                [
                    "", "a", "É", "ém", "Ωmega", "%", "per-cent", "killed", "people",
                ]
                .map(String::from),
            );
            words.push("x".repeat(30));
            for w in &words {
                assert_eq!(set.contains_any_case(w), plain(w), "{w:?}");
            }
        }
    }

    /// A full table (half its slots) finds exactly its words, whatever
    /// slots their hashes share, against a hash set.
    #[test]
    fn a_full_word_set_finds_exactly_its_words() {
        let word = |n: u32| format!("w{}", n * 7919 % 100_003);
        let words: Vec<&'static str> = (0..SET_SLOTS as u32 / 2)
            .map(|n| &*Box::leak(word(n).into_boxed_str()))
            .collect();
        let set = WordSet::new(Box::leak(words.clone().into_boxed_slice()));
        let plain: std::collections::HashSet<&str> = words.into_iter().collect();
        for n in 0..20_000 {
            let w = word(n);
            assert_eq!(
                set.hashed_contains(w.as_bytes()),
                plain.contains(&*w),
                "{w}"
            );
        }
    }

    #[test]
    fn every_unit_word_passes_the_prefix_check() {
        for (word, _) in UNITS {
            assert!(may_be_number_prefix(word.as_bytes()), "{word}");
            assert!(
                may_be_number_prefix(word.to_uppercase().as_bytes()),
                "{word}"
            );
            assert!(
                may_start_number_word(word.chars().next().unwrap()),
                "{word}"
            );
        }
    }

    #[test]
    fn half_check_is_safe_after_multibyte_characters() {
        // Regression (issue 6 proptest): slicing five bytes back split a char.
        assert_eq!(values("\u{1f600}\u{fffd}one hundred"), vec![100]);
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
        assert_eq!(values("three thousand and five"), vec![3005]);
        assert_eq!(values("a million fled"), vec![1_000_000]);
        assert_eq!(values("half a million fled"), vec![500_000]);
    }

    #[test]
    fn article_counts_as_one_unless_a_quantity_follows() {
        let n = find_all("a child was hurt");
        assert_eq!(n[0].value, 1);
        assert!(n[0].article);
        assert!(values("a dozen people and an estimated 300 others").contains(&300));
        assert!(!values("a dozen people and an estimated 300 others").contains(&1));
    }

    #[test]
    fn plus_suffix_is_kept() {
        let n = find_all("2,000-plus displaced");
        assert_eq!(n[0].value, 2000);
        assert!(n[0].plus);
    }

    #[test]
    fn ranges_have_a_high_end() {
        for text in [
            "between 20 and 25 people",
            "20 to 25 people",
            "20-25 people",
        ] {
            let n = find_all(text);
            assert_eq!(
                (n.len(), n[0].value, n[0].high),
                (1, 20, Some(25)),
                "{text}"
            );
        }
        let n = find_all("two or three soldiers");
        assert_eq!((n[0].value, n[0].high), (2, Some(3)));
    }

    #[test]
    fn a_change_is_not_a_range() {
        assert_eq!(values("rose from 20 to 25"), vec![20, 25]);
        assert!(find_all("rose from 20 to 25")
            .iter()
            .all(|n| n.high.is_none()));
    }

    #[test]
    fn fractions_without_scale_and_huge_numbers_are_not_counts() {
        assert!(values("2.5 km").is_empty());
        assert!(values("99999999999999999999 killed").is_empty());
        assert!(values("nine hundred thousand million billion billion billion").len() <= 1);
    }

    #[test]
    fn measures_dates_times_years_and_ages_are_not_counts() {
        assert!(counts("40% of them, 70 percent").is_empty());
        assert!(counts("10 km away, 3 hours later, 12 miles").is_empty());
        assert!(counts("on Oct. 7 and October 7 and 7 October").is_empty());
        assert!(counts("at 12:38 and 9 a.m.").is_empty());
        assert!(counts("in 2023 and since 1948").is_empty());
        assert!(counts("a 12-year-old boy").iter().all(|&v| v == 1));
        assert!(counts("Robert Card, 40, fled").is_empty());
        assert!(counts("aged 40").is_empty());
        assert!(counts("one in five and 1 in 10").is_empty());
    }

    #[test]
    fn model_names_labels_and_money_are_not_counts() {
        assert!(counts("a Fadi-4 rocket and an F-16 jet")
            .iter()
            .all(|&v| v == 1));
        assert!(counts("Resolution 1701 and Route 60").is_empty());
        assert!(counts("$5 million in aid").is_empty());
    }

    #[test]
    fn people_counts_survive_the_filters() {
        assert_eq!(counts("killed 2000 people"), vec![2000]);
        assert_eq!(counts("At least 12 people"), vec![12]);
        assert_eq!(counts("seven and nine"), vec![7, 9]);
    }

    #[test]
    fn nothing_panics_on_odd_input() {
        let long = "9".repeat(1 << 20);
        assert!(counts_in(&long).is_empty());
        assert!(counts_in("...,,,;;--%%").is_empty());
        let _ = counts_in("é1,é2.é-3\u{2011}é");
        let _ = counts_in("a");
        let _ = counts_in("20-");
    }
}
