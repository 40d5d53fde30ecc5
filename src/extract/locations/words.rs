//! The small closed word lists the place finder reads phrases with: English
//! function words, titles, compass words and the nouns that name a kind of
//! place ("province", "refugee camp", "village"). They hold grammar, not
//! places: place names come from the gazetteer.

use std::sync::LazyLock;

use crate::extract::gazetteer::PlaceKind;
use crate::extract::text::WordShapes;
use rustc_hash::FxHashMap;

/// Lower-case words that join the capitalised words of one name.
const PARTICLES_LIST: &[&str] = &[
    "of", "the", "al", "el", "ad", "ed", "ud", "az", "de", "du", "des", "la", "le", "les", "bin",
    "ibn", "bint", "au", "aux", "sur", "en", "di", "da", "do", "dos", "das", "van", "von", "der",
    "den",
];

/// Words that are capitalised only because they open a sentence or a
/// quotation ("On Sunday", "As crews", "We are"), lower case.
const FUNCTION_WORDS_LIST: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "as",
    "we",
    "to",
    "over",
    "for",
    "from",
    "by",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "most",
    "many",
    "some",
    "several",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "early",
    "late",
    "later",
    "earlier",
    "still",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "our",
    "its",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "meanwhile",
    "however",
    "also",
    "among",
    "according",
    "despite",
    "during",
    "under",
    "amid",
    "last",
    "next",
    "every",
    "each",
    "all",
    "both",
    "no",
    "not",
    "with",
    "without",
    "about",
    "around",
    "nearly",
    "almost",
    "more",
    "less",
    "then",
    "so",
    "yet",
    "just",
    "even",
    "only",
    "my",
    "your",
    "i",
    "you",
    "unlike",
    "like",
    "such",
    "other",
    "another",
    "new",
    "local",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "thousands",
    "hundreds",
    "dozens",
    "residents",
    "officials",
    "further",
    "much",
    "once",
    "instead",
    "rather",
    "although",
    "though",
    "because",
    "until",
    "upon",
    "into",
    "through",
    "across",
    "near",
    "along",
    "between",
    "against",
    "toward",
    "towards",
    "following",
    "including",
    "although",
    "be",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "do",
    "does",
    "did",
    "let",
    "please",
    "yes",
    "thank",
    "thanks",
    "dear",
    "oh",
];

/// Holidays: never places on their own ("at Easter"). Months and weekdays
/// are in `calendar`.
const HOLIDAYS_LIST: &[&str] = &[
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "hanukkah",
    "passover",
    "diwali",
    "thanksgiving",
    "yom",
    "kippur",
    "nowruz",
];

/// Words that may follow a place noun that ends a description ("a
/// village about 30 km away", "a town in", "a strategic area north of").
const AFTER_PLACE_NOUN_LIST: &[&str] = &[
    "in",
    "near",
    "about",
    "around",
    "some",
    "just",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "of",
    "on",
    "outside",
    "where",
    "that",
    "which",
    "with",
    "home",
    "located",
    "close",
    "along",
    "by",
    "inside",
    "within",
    "from",
    "at",
    "and",
    "bordering",
    "overlooking",
];

/// Compass and relative words that may open a place name ("Western
/// Galilee", "Greater Casablanca") but are no place alone ("Western
/// governments").
const DIRECTIONS_LIST: &[&str] = &[
    "upper",
    "lower",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "greater",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "inner",
    "outer",
    "far",
];

/// Titles: a place before one is a modifier of a person ("US Secretary of
/// Defense", "Kharkiv Governor"), which counts as a mention of the place.
const TITLES_LIST: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "ambassador",
    "envoy",
    "representative",
    "senator",
    "governor",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "crown",
    "leader",
    "general",
    "gen",
    "chief",
    "commander",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "attorney",
    "speaker",
    "consul",
    "diplomat",
    "negotiator",
    "lawmaker",
    "congressman",
    "congresswoman",
    "premier",
    "chairman",
    "chairwoman",
    "head",
    "adviser",
    "advisor",
    "admiral",
    "colonel",
    "lieutenant",
    "sergeant",
    "captain",
    "official",
    "officials",
    "counterpart",
    "delegate",
    "commissioner",
    "president-elect",
    "presidential",
    "gov",
    "sen",
    "rep",
    "pres",
    "amb",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "adm",
    "cmdr",
    "republican",
    "democrat",
];

/// Words that may stand between a place and a title without ending the
/// title ("US Defense Secretary", "Israel's Foreign Affairs Minister").
const TITLE_FILLERS_LIST: &[&str] = &[
    "defense",
    "defence",
    "foreign",
    "interior",
    "health",
    "finance",
    "treasury",
    "state",
    "national",
    "security",
    "deputy",
    "acting",
    "former",
    "special",
    "trade",
    "justice",
    "economy",
    "energy",
    "top",
    "senior",
    "assistant",
    "under",
    "of",
    "the",
    "affairs",
    "homeland",
    "intelligence",
    "military",
    "army",
    "armed",
    "forces",
    "staff",
    "joint",
    "central",
    "supreme",
    "first",
    "permanent",
    "un",
];

/// Head nouns of organizations' names: "Bank of England" names no place.
const ORGANIZATION_HEADS_LIST: &[&str] = &[
    "bank",
    "university",
    "ministry",
    "council",
    "court",
    "institute",
    "museum",
    "church",
    "college",
    "academy",
    "school",
    "agency",
    "authority",
    "commission",
    "committee",
    "department",
    "office",
    "embassy",
    "federation",
    "association",
    "union",
    "league",
    "party",
    "forces",
    "force",
    "army",
    "navy",
    "police",
    "guard",
    "corps",
    "service",
    "services",
    "company",
    "corporation",
    "group",
    "fund",
    "foundation",
    "organization",
    "organisation",
    "movement",
    "front",
    "brigade",
    "brigades",
    "assembly",
    "parliament",
    "senate",
    "congress",
    "government",
    "chamber",
    "exchange",
    "society",
    "centre",
    "center",
    "hospital",
    "airport",
    "airways",
    "airlines",
    "times",
    "news",
    "post",
    "radio",
    "television",
    "network",
    "church",
    "people",
    "friends",
    "state",
];

/// Nouns for the form of a state: "Islamic Republic of Iran".
const STATE_FORMS_LIST: &[&str] = &[
    "republic",
    "kingdom",
    "state",
    "islamic",
    "democratic",
    "federal",
    "people's",
    "peoples",
    "united",
    "arab",
    "socialist",
    "federation",
    "emirate",
    "sultanate",
    "commonwealth",
    "hashemite",
    "plurinational",
    "bolivarian",
    "principality",
    "grand",
    "duchy",
];

/// Religious and ethnic adjectives that are not demonyms of a country
/// ("the Druze community" names no place).
const ADJECTIVES_LIST: &[&str] = &[
    "jewish",
    "muslim",
    "christian",
    "kurdish",
    "arab",
    "arabic",
    "druze",
    "shiite",
    "shia",
    "sunni",
    "bedouin",
    "alawite",
    "catholic",
    "orthodox",
    "islamic",
    "western",
    "eastern",
    "european",
    "african",
    "asian",
    "latin",
    "international",
    "national",
    "federal",
    "royal",
];

/// Prepositions after which a capitalised word is likely a place.
const LOCATIVE_LIST: &[&str] = &[
    "in",
    "near",
    "from",
    "to",
    "at",
    "outside",
    "around",
    "across",
    "toward",
    "towards",
    "into",
    "within",
    "via",
    "through",
    "throughout",
    "of",
    "inside",
    "reach",
    "reached",
    "entered",
    "visited",
    "visit",
    "hit",
    "struck",
    "targeted",
    "shelled",
    "bombed",
    "north",
    "south",
    "east",
    "west",
];

/// The kind of place a noun names, and how the name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// "province", "district": a division; the name keeps the noun
    /// ("Kryvy Rih district").
    Division,
    /// "village", "settlement", "town": a populated place; the name is
    /// the bare name ("the village of Kfarjouz" is "Kfarjouz").
    Populated,
    /// "camp", "area": a site called by the bare name ("Al-Maghazi").
    Camp,
    /// "hospital", "air base", "crossing": a site whose name keeps the noun
    /// ("Nasser hospital").
    Site,
    /// "valley", "panhandle": a region; the name keeps the noun.
    Region,
}

impl Noun {
    pub fn kind(self) -> PlaceKind {
        match self {
            Noun::Division => PlaceKind::Admin,
            Noun::Populated => PlaceKind::City,
            Noun::Camp | Noun::Site => PlaceKind::Site,
            Noun::Region => PlaceKind::Region,
        }
    }

    /// True if the name of such a place keeps the noun.
    pub fn keeps_noun(self) -> bool {
        matches!(self, Noun::Division | Noun::Site | Noun::Region)
    }
}

/// Place nouns, singular and plural, lower case.
const NOUNS: &[(&str, Noun)] = &[
    ("province", Noun::Division),
    ("provinces", Noun::Division),
    ("governorate", Noun::Division),
    ("governorates", Noun::Division),
    ("region", Noun::Division),
    ("district", Noun::Division),
    ("districts", Noun::Division),
    ("county", Noun::Division),
    ("oblast", Noun::Division),
    ("raion", Noun::Division),
    ("prefecture", Noun::Division),
    ("municipality", Noun::Division),
    ("governorship", Noun::Division),
    ("regional", Noun::Division),
    ("provincial", Noun::Division),
    ("village", Noun::Populated),
    ("villages", Noun::Populated),
    ("town", Noun::Populated),
    ("towns", Noun::Populated),
    ("city", Noun::Populated),
    ("cities", Noun::Populated),
    ("settlement", Noun::Populated),
    ("settlements", Noun::Populated),
    ("kibbutz", Noun::Populated),
    ("moshav", Noun::Populated),
    ("hamlet", Noun::Populated),
    ("community", Noun::Populated),
    ("neighbourhood", Noun::Populated),
    ("neighborhood", Noun::Populated),
    ("neighbourhoods", Noun::Populated),
    ("neighborhoods", Noun::Populated),
    ("suburb", Noun::Populated),
    ("suburbs", Noun::Populated),
    ("township", Noun::Populated),
    ("camp", Noun::Camp),
    ("camps", Noun::Camp),
    ("area", Noun::Camp),
    ("hospital", Noun::Site),
    ("base", Noun::Site),
    ("airbase", Noun::Site),
    ("airport", Noun::Site),
    ("crossing", Noun::Site),
    ("checkpoint", Noun::Site),
    ("bridge", Noun::Site),
    ("dam", Noun::Site),
    ("mosque", Noun::Site),
    ("church", Noun::Site),
    ("stadium", Noun::Site),
    ("prison", Noun::Site),
    ("market", Noun::Site),
    ("mall", Noun::Site),
    ("restaurant", Noun::Site),
    ("hotel", Noun::Site),
    ("plant", Noun::Site),
    ("facility", Noun::Site),
    ("compound", Noun::Site),
    ("square", Noun::Site),
    ("valley", Noun::Region),
    ("panhandle", Noun::Region),
    ("desert", Noun::Region),
    ("mountains", Noun::Region),
    ("coast", Noun::Region),
    ("peninsula", Noun::Region),
    ("plain", Noun::Region),
    ("plateau", Noun::Region),
    ("basin", Noun::Region),
    ("heights", Noun::Region),
];

/// Words that may stand between a name and its noun ("Al-Maghazi refugee
/// camp", "Ramat David air base", "Zaporizhzhia nuclear plant").
const NOUN_MODIFIERS_LIST: &[&str] = &[
    "refugee",
    "displacement",
    "displaced",
    "idp",
    "military",
    "air",
    "naval",
    "army",
    "border",
    "nuclear",
    "power",
    "police",
    "main",
    "international",
    "central",
    "general",
    "old",
];

/// The place noun `word` is (any case).
pub fn noun(word: &str) -> Option<Noun> {
    noun_or_modifier(word).0
}

/// The place noun `word` is, and whether it is a noun modifier (any case).
/// Most words asked (the word after a name: "said", "and") are turned away
/// by their length and first byte before the look-up; not a non-ASCII
/// word, which may lower-case to another length.
pub fn noun_or_modifier(word: &str) -> (Option<Noun>, bool) {
    let b = word.as_bytes();
    let first = b.first().map_or(0, u8::to_ascii_lowercase);
    if b.is_ascii() && !NOUN_SHAPES.may_hold_shape(b.len(), first) {
        return (None, false);
    }
    let found = entry(word);
    (found.noun, found.is(NOUN_MODIFIERS))
}

/// The lengths and first bytes of the place nouns and noun modifiers.
static NOUN_SHAPES: WordShapes = {
    let mut shapes = WordShapes::NONE;
    let mut k = 0;
    while k < NOUNS.len() {
        shapes.add(NOUNS[k].0.as_bytes());
        k += 1;
    }
    shapes.add_all(NOUN_MODIFIERS_LIST);
    shapes
};

/// The noun an adjective of division stands for: "regional" -> "region".
pub fn canonical_noun(word: &str) -> Option<&'static str> {
    match word.to_lowercase().as_str() {
        "regional" => Some("region"),
        "provincial" => Some("province"),
        _ => None,
    }
}

/// One or more of the word lists above, for [`is`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct List(u16);

impl std::ops::BitOr for List {
    type Output = List;
    fn bitor(self, other: List) -> List {
        List(self.0 | other.0)
    }
}

pub const PARTICLES: List = List(1 << 0);
pub const FUNCTION_WORDS: List = List(1 << 1);
pub const HOLIDAYS: List = List(1 << 2);
pub const AFTER_PLACE_NOUN: List = List(1 << 3);
pub const DIRECTIONS: List = List(1 << 4);
pub const TITLES: List = List(1 << 5);
pub const TITLE_FILLERS: List = List(1 << 6);
pub const ORGANIZATION_HEADS: List = List(1 << 7);
pub const STATE_FORMS: List = List(1 << 8);
pub const ADJECTIVES: List = List(1 << 9);
pub const LOCATIVE: List = List(1 << 10);
pub const NOUN_MODIFIERS: List = List(1 << 11);
/// [`calendar::MONTHS`](crate::extract::calendar::MONTHS) and
/// [`calendar::WEEKDAYS`](crate::extract::calendar::WEEKDAYS).
const MONTHS_AND_WEEKDAYS: List = List(1 << 12);

const LISTS: &[(List, &[&str])] = &[
    (PARTICLES, PARTICLES_LIST),
    (FUNCTION_WORDS, FUNCTION_WORDS_LIST),
    (HOLIDAYS, HOLIDAYS_LIST),
    (AFTER_PLACE_NOUN, AFTER_PLACE_NOUN_LIST),
    (DIRECTIONS, DIRECTIONS_LIST),
    (TITLES, TITLES_LIST),
    (TITLE_FILLERS, TITLE_FILLERS_LIST),
    (ORGANIZATION_HEADS, ORGANIZATION_HEADS_LIST),
    (STATE_FORMS, STATE_FORMS_LIST),
    (ADJECTIVES, ADJECTIVES_LIST),
    (LOCATIVE, LOCATIVE_LIST),
    (NOUN_MODIFIERS, NOUN_MODIFIERS_LIST),
    (MONTHS_AND_WEEKDAYS, crate::extract::calendar::MONTHS),
    (MONTHS_AND_WEEKDAYS, crate::extract::calendar::WEEKDAYS),
];

/// What the lists say about a word: the lists holding it and the place
/// noun it is, both from one look-up.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    lists: u16,
    noun: Option<Noun>,
}

impl Entry {
    /// True if the word is in one of `list`.
    pub fn is(self, list: List) -> bool {
        self.lists & list.0 != 0
    }

    /// True if the word names a month, weekday or holiday.
    pub fn is_calendar(self) -> bool {
        // Months and weekdays are listed here too: one look-up for all three.
        self.is(MONTHS_AND_WEEKDAYS | HOLIDAYS)
    }
}

/// Every listed word and place noun with its [`Entry`]; the first noun
/// entry of a word counts. Keyed by [`packed`] word, so a lookup hashes
/// one integer.
static WORDS: LazyLock<FxHashMap<u128, Entry>> = LazyLock::new(|| {
    let mut all: FxHashMap<u128, Entry> = FxHashMap::default();
    for &(list, words) in LISTS {
        for &w in words {
            all.entry(packed(w).expect("listed words are short ASCII"))
                .or_default()
                .lists |= list.0;
        }
    }
    for &(n, kind) in NOUNS {
        let entry = all
            .entry(packed(n).expect("nouns are short ASCII"))
            .or_default();
        entry.noun = entry.noun.or(Some(kind));
    }
    all
});

/// What the lists say about `word` (compared in lower case).
pub fn entry(word: &str) -> Entry {
    packed_lower(word)
        .and_then(|w| WORDS.get(&w).copied())
        .unwrap_or_default()
}

/// An ASCII word of at most 16 bytes as one integer (zero-padded); every
/// listed word is one (longer or non-ASCII words are in no list).
fn packed(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    (b.len() <= 16 && b.is_ascii()).then(|| {
        let mut w = [0u8; 16];
        w[..b.len()].copy_from_slice(b);
        u128::from_le_bytes(w)
    })
}

/// `word` in lower case, [`packed`]; None if no listed word could match.
fn packed_lower(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() <= 16 && b.is_ascii() {
        // Lower-case the padded bytes in place: zero padding stays zero.
        let mut w = [0u8; 16];
        w[..b.len()].copy_from_slice(b);
        w.make_ascii_lowercase();
        Some(u128::from_le_bytes(w))
    } else if word.is_ascii() {
        None
    } else {
        // Some non-ASCII letters lower-case to ASCII ("\u{212a}" -> "k").
        packed(&word.to_lowercase())
    }
}

/// True if `word` is in one of `list` (compared in lower case).
pub fn is(list: List, word: &str) -> bool {
    entry(word).is(list)
}

/// True if `word` is a particle in any case ("al", "Al"): [`is`] with
/// [`PARTICLES`], but an ASCII word longer than every particle (most names
/// asked about) is turned away without a look-up.
pub fn is_particle_in_any_case(word: &str) -> bool {
    if word.len() > PARTICLE_MAX_LEN && word.is_ascii() {
        return false;
    }
    is(PARTICLES, word)
}

/// The length of the longest particle, in bytes.
const PARTICLE_MAX_LEN: usize = 4;

/// True if `word`, exactly as written, is a particle ("al", not "Al").
#[inline]
pub fn is_particle(word: &[u8]) -> bool {
    // Asked of nearly every lower-case word after a name: most are turned
    // away by their length and first byte, the rest compared as packed
    // integers.
    PARTICLE_SHAPES.may_hold(word) && pack(word).is_some_and(|w| PACKED_PARTICLES.contains(&w))
}

/// The lengths and first bytes of the particles, as written.
static PARTICLE_SHAPES: WordShapes = WordShapes::of(PARTICLES_LIST);

/// The particles packed by [`pack`], at compile time.
static PACKED_PARTICLES: [u32; PARTICLES_LIST.len()] = {
    let mut packed = [0; PARTICLES_LIST.len()];
    let mut k = 0;
    while k < packed.len() {
        packed[k] = match pack(PARTICLES_LIST[k].as_bytes()) {
            Some(w) => w,
            None => panic!("a particle is at most four bytes"),
        };
        k += 1;
    }
    packed
};

/// A word of at most four bytes as one integer (zero-padded, little
/// endian), byte by byte: no copy through a buffer.
const fn pack(b: &[u8]) -> Option<u32> {
    if b.len() > 4 {
        return None;
    }
    let mut w = 0u32;
    let mut k = 0;
    while k < b.len() {
        w |= (b[k] as u32) << (8 * k);
        k += 1;
    }
    Some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_is_the_zero_padded_bytes() {
        for w in ["", "a", "al", "bin", "bint", "ü", "Al"] {
            let mut bytes = [0u8; 4];
            bytes[..w.len()].copy_from_slice(w.as_bytes());
            assert_eq!(pack(w.as_bytes()), Some(u32::from_le_bytes(bytes)), "{w}");
        }
        assert_eq!(pack(b"bints"), None);
        assert!(PARTICLES_LIST.iter().all(|p| is_particle(p.as_bytes())));
    }

    #[test]
    fn lists_are_lower_case() {
        for &(_, words) in LISTS {
            for w in words {
                assert_eq!(w.to_lowercase(), *w);
            }
        }
        for (n, _) in NOUNS {
            assert_eq!(n.to_lowercase(), *n);
        }
    }

    #[test]
    fn calendar_words_are_the_calendar_module_s() {
        use crate::extract::calendar::{is_month, is_weekday, MONTHS, WEEKDAYS};
        let mut words: Vec<String> = Vec::new();
        for w in MONTHS.iter().chain(WEEKDAYS).chain(HOLIDAYS_LIST) {
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                format!("{w}s"),
                w[1..].to_string(),
            ]);
        }
        words
            .extend(["May", "MaY", "Mayor", "", "\u{212a}ippur", "Sépt", "Gaza"].map(String::from));
        for w in &words {
            let expected = is_month(w) || is_weekday(w) || is(HOLIDAYS, w);
            assert_eq!(entry(w).is_calendar(), expected, "{w:?}");
        }
    }

    #[test]
    fn particles_in_any_case_are_the_listed_ones() {
        let mut words: Vec<String> = Vec::new();
        for p in PARTICLES_LIST {
            words.extend(in_each_case(p));
        }
        let others = [
            "",
            "Gaza",
            "Alaska",
            "\u{212a}",
            "\u{212a}\u{212a}al",
            "DÉ",
            "bin",
        ];
        words.extend(others.map(String::from));
        for w in &words {
            assert_eq!(is_particle_in_any_case(w), is(PARTICLES, w), "{w:?}");
            assert_eq!(
                is_particle(w.as_bytes()),
                PARTICLES_LIST.contains(&w.as_str()),
                "{w:?}"
            );
        }
    }

    /// A listed word as written, in upper case, in title case, and plural.
    fn in_each_case(w: &str) -> [String; 4] {
        let mut title = w.to_string();
        title[..1].make_ascii_uppercase();
        [w.to_string(), w.to_uppercase(), title, format!("{w}s")]
    }

    #[test]
    fn nouns_and_modifiers_turned_away_by_shape_are_none() {
        let mut words: Vec<String> = Vec::new();
        let listed = LISTS.iter().flat_map(|&(_, ws)| ws.iter().copied());
        for w in listed.chain(NOUNS.iter().map(|&(n, _)| n)) {
            words.extend(in_each_case(w));
            words.extend([format!("x{w}"), w[1..].to_string()]);
        }
        let others = [
            "",
            "said",
            "Gaza",
            "\u{212a}amp",
            "\u{212a}AMP",
            "CAMPS",
            "vïllage",
        ];
        words.extend(others.map(String::from));
        for w in &words {
            let found = entry(w);
            let expected = (found.noun, found.is(NOUN_MODIFIERS));
            assert_eq!(noun_or_modifier(w), expected, "{w:?}");
        }
    }

    #[test]
    fn lookups_ignore_case_only_when_asked() {
        assert!(is(FUNCTION_WORDS, "The") && is(TITLES | DIRECTIONS, "WESTERN"));
        assert!(!is(TITLES, "Western") && !is(PARTICLES, "Gaza"));
        assert!(is_particle(b"al") && !is_particle(b"Al") && !is_particle(b"Gaza"));
        assert!(PARTICLES_LIST.iter().all(|p| p.len() <= PARTICLE_MAX_LEN));
        assert_eq!(noun("Province"), Some(Noun::Division));
        assert_eq!(noun("provincial"), Some(Noun::Division));
        assert_eq!(noun("Provinc"), None);
        assert_eq!(canonical_noun("REGIONAL"), Some("region"));
        // Lower-casing may make a non-ASCII word an ASCII one.
        assert!(is(HOLIDAYS, "\u{212a}IPPUR") && !is(HOLIDAYS, "kippurs"));
        assert!(!is(FUNCTION_WORDS, "theeeeeeeeeeeeeeeeeeeeee"));
    }
}
