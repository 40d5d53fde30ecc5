//! What a person's name looks like, and the word classes that are never part
//! of one: sentence-starting function words, days and months, title words,
//! organization head words, states and their demonyms, platforms.
//!
//! A name is a run of capitalised words joined by spaces, with Arabic and
//! European particles inside ("Tamim bin Hamad Al Thani", "Ashraf al-Qidra",
//! "Ursula von der Leyen") and initials ("Lloyd J. Austin").

use super::lexicon::{self, StateForm};
use super::tokens::Tokens;

/// The most words a person's name may have.
pub const MAX_NAME_WORDS: usize = 6;

/// Capitalised function words and times: they start sentences, never names.
#[rustfmt::skip]
pub const FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "This", "That", "These",
    "Those", "There", "Here", "His", "Her", "Their", "Its", "Our", "My", "Your", "In", "On",
    "At", "By", "For", "From", "To", "Of", "With", "And", "But", "Or", "So", "If", "As",
    "After", "Before", "When", "While", "Since", "Until", "During", "Meanwhile", "However",
    "Also", "Yet", "Still", "Then", "Now", "Later", "Earlier", "Today", "Tonight", "Yesterday",
    "Tomorrow", "According", "Asked", "Some", "Many", "Most", "More", "All", "Both", "Each",
    "Other", "Another", "Such", "No", "Not", "Only", "Even", "Just", "What", "Who", "Why",
    "How", "Where", "Which", "Whose", "Despite", "Although", "Though", "Because", "Amid",
    "Among", "Against", "Under", "Over", "Through", "Across", "Without", "Within", "About",
    "Around", "Near", "Following", "Including", "Unlike", "Like", "Last", "Next", "Several",
    "Two", "Three", "Four", "Five", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Jan.", "Feb.", "Aug.", "Sept.",
    "Oct.", "Nov.", "Dec.", "Reporting", "Editing", "Writing", "Photo", "Video", "Image",
    "Read", "Watch", "Click", "Share", "Breaking", "Update", "Exclusive", "Opinion",
    "Analysis", "Please", "Thank", "Thanks", "Yes",
];

/// Capitalised words that are not function words but never part of a
/// person's name: groups, religions, directions, kinds of place.
#[rustfmt::skip]
pub const NOT_NAME_WORDS: &[&str] = &[
    "Officials", "Official", "Police", "Witnesses", "Residents", "Sources", "Analysts",
    "Experts", "Israelis", "Palestinians", "God", "Allah", "Christmas", "Easter", "Eid",
    "Hanukkah", "Islam", "Islamic", "Muslim", "Muslims", "Jewish", "Jews", "Christian",
    "Christians", "Arab", "Arabs", "Western", "Eastern", "Northern", "Southern", "Central",
    "North", "South", "East", "West", "Middle", "Bank", "Operation", "Storm", "Day", "Week",
    "Year", "Hour", "Minute", "Headquarters", "First", "Second", "Third", "New", "Old", "Live",
    "Mr",
];

/// Kinds of place that follow a name ("Mark Twain Avenue", "Nasser Hospital").
#[rustfmt::skip]
pub const PLACE_FEATURES: &[&str] = &[
    "Street", "Road", "Square", "Hospital", "Camp", "Strip", "Sea", "Gulf", "River", "Mount",
    "Valley", "Avenue", "Boulevard", "Highway", "Bridge", "Airport", "Station", "Stadium",
    "Mosque", "Cathedral", "Palace", "Tower", "Towers", "Gate", "Crossing", "Port", "Island",
    "Islands", "Lake", "Mountain", "Mountains", "Beach", "Prison", "School", "College", "Mall",
    "Market", "Plaza", "Museum", "Temple", "Synagogue", "Shrine", "Refinery", "Dam", "Canal",
    "Base", "Airbase", "Complex", "Compound", "Neighbourhood", "Neighborhood", "Quarter",
    "Desert", "Province", "Governorate", "Region", "District", "City", "Village", "Town",
    "Falls", "Park", "Hall", "Church", "Hills", "Heights", "Field",
];

/// Words that end an organization's name ("Health Ministry", "Qassam Brigades").
#[rustfmt::skip]
pub const ORG_HEADS: &[&str] = &[
    "Ministry", "Agency", "Council", "Brigade", "Brigades", "Forces", "Force", "Army", "Navy",
    "Police", "Department", "Office", "Committee", "Commission", "Organization",
    "Organisation", "Authority", "Front", "Movement", "Party", "Corps", "Command", "Service",
    "Institute", "Bureau", "Guard", "Guards", "Court", "Parliament", "Assembly", "Union",
    "Association", "Society", "Societies", "Foundation", "Group", "Network", "News", "Times",
    "Post", "Press", "Tribune", "Herald", "Daily", "Directorate", "Survey", "Administration",
    "Fund", "Bank", "Programme", "Program", "Center", "Centre", "Observatory", "Federation",
    "Coalition", "Alliance", "Division", "Battalion", "Regiment", "Unit", "Company",
    "Corporation", "University", "Radio", "Television", "TV", "Broadcasting", "Gazette",
    "Journal", "Telegraph", "Monitor", "Mission", "Secretariat", "Senate", "Congress",
    "Tribunal", "Watch", "Airways", "Airlines", "Inc", "Ltd", "Agence", "Ministries",
    "Militia", "Brotherhood", "Legion", "Battalions", "Squadron", "Fleet", "Forum", "Institution",
    "Academy", "Laboratory", "Trust", "Initiative",
];

/// Platforms, not actors (ANNOTATION hard case 8).
#[rustfmt::skip]
pub const PLATFORMS: &[&str] = &[
    "X", "Telegram", "Twitter", "Facebook", "Instagram", "TikTok", "YouTube", "WhatsApp",
    "Signal", "Threads", "Truth Social", "LinkedIn", "Snapchat", "Reddit", "Weibo", "WeChat",
];

/// Nouns of roles that, in an apposition, say a name is a person's.
#[rustfmt::skip]
pub const ROLE_NOUNS: &[&str] = &[
    "official", "leader", "commander", "lawmaker", "legislator", "deputy", "member", "cleric",
    "analyst", "expert", "professor", "researcher", "scholar", "economist", "journalist",
    "correspondent", "reporter", "editor", "writer", "author", "activist", "lawyer",
    "attorney", "doctor", "surgeon", "nurse", "physician", "paramedic", "medic", "teacher",
    "student", "resident", "witness", "survivor", "farmer", "father", "mother", "son",
    "daughter", "brother", "sister", "wife", "husband", "widow", "suspect", "victim",
    "soldier", "officer", "worker", "volunteer", "manager", "executive", "ceo", "founder",
    "owner", "chief", "head", "director", "coordinator", "negotiator", "mediator",
    "representative", "delegate", "diplomat", "candidate", "politician", "mp", "councillor",
    "councilor", "spokesperson", "spokesman", "spokeswoman", "president", "minister",
    "secretary", "adviser", "advisor", "ambassador", "envoy", "governor", "mayor", "senator",
    "chairman", "chairwoman", "commissioner", "general", "colonel", "captain", "fighter",
    "militant", "commentator", "historian", "fellow", "specialist", "pilot", "driver",
    "mother-of", "father-of", "grandmother", "grandfather", "uncle", "aunt", "cousin",
    "relative", "neighbour", "neighbor", "friend", "colleague", "prosecutor", "judge", "rabbi",
    "imam", "priest", "bishop", "cardinal", "pope", "king", "queen", "prince", "princess",
    "emir", "sheikh", "premier", "chancellor", "speaker", "undersecretary", "hostage",
    "detainee", "prisoner", "photographer", "cameraman", "producer", "anchor", "counterpart",
    "coach", "player", "striker", "goalkeeper", "referee", "singer", "actor", "actress",
    "poet", "novelist", "artist", "filmmaker", "director-general",
];

/// Particles inside Arabic and European names.
#[rustfmt::skip]
pub const PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "ben", "de", "da", "di", "del", "della", "dos", "das", "do", "van",
    "von", "der", "den", "du", "la", "le", "al", "el", "abu", "ould", "y",
];

/// Arabic article prefixes written in lower case ("al-Qidra").
const ARTICLE_PREFIXES: &[&str] = &[
    "al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "an-", "ar-", "ud-",
];

/// Ship prefixes: the name after them is a vessel, not a person.
pub const SHIP_PREFIXES: &[&str] = &["USS", "HMS", "MV", "M/V", "INS", "HMCS", "SS"];

/// A platform's name ("Telegram", "Truth Social"): not an actor.
pub fn is_platform(name: &str) -> bool {
    PLATFORMS.contains(&name)
}

/// "al-Qidra", "el-Sisi": a surname with a lower-case Arabic article.
pub fn is_article_name(word: &str) -> bool {
    // Every prefix is two or three lower-case letters and a hyphen.
    let b = word.as_bytes();
    b.first().is_some_and(u8::is_ascii_lowercase)
        && (b.get(2) == Some(&b'-') || b.get(3) == Some(&b'-'))
        && ARTICLE_PREFIXES.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
        })
}

/// "S.", "J.D." — initials that may open a name.
pub fn is_initials(word: &str) -> bool {
    word.len() >= 2
        && word.ends_with('.')
        && word
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// "J." — an initial inside a name.
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A capitalised word that can be part of a person's name.
#[cfg(test)]
pub fn is_name_word(word: &str) -> bool {
    super::words::WordClass::of(word).name_word()
}

/// The longest name starting at word `i`: its last word.
pub fn name_from(tokens: &Tokens, i: usize) -> Option<usize> {
    if i >= tokens.len() {
        return None;
    }
    let first = tokens.class(i);
    // "S. Jaishankar", "J.D. Vance": initials may open a name of two words or more.
    let initials = first.initials();
    if !initials && (!first.name_word() || first.article_name()) {
        return None;
    }
    let mut j = i;
    let mut best = (!initials).then_some(i);
    while tokens.joined(j) && j + 1 < tokens.len() && j + 1 - i < MAX_NAME_WORDS {
        let next = tokens.class(j + 1);
        if !next.inner_word() {
            break;
        }
        j += 1;
        if next.name_word() {
            best = Some(j);
        }
    }
    best
}

/// The longest name ending at word `j`: its first word.
pub fn name_until(tokens: &Tokens, j: usize) -> Option<usize> {
    let last = tokens.class(j);
    if !last.name_word() {
        return None;
    }
    let mut i = j;
    let mut best = (!last.article_name()).then_some(j);
    while i > 0 && tokens.joined(i - 1) && j + 1 - i < MAX_NAME_WORDS {
        let prev = tokens.class(i - 1);
        if !prev.inner_word() {
            break;
        }
        i -= 1;
        if prev.name_word() && !prev.article_name() {
            best = Some(i);
        }
    }
    best
}

/// The state a run of words names, and how ("Israeli", "Qatar", "U.S.").
pub fn state_at(tokens: &Tokens, i: usize) -> Option<(usize, &'static lexicon::State, StateForm)> {
    tokens.state_at(i)
}

/// A name with initials and honorifics dropped: "Lloyd J. Austin" -> "Lloyd Austin".
pub fn canonical_person(name: &str) -> String {
    // Leading honorifics go ("Sheikh Tamim"); inner ones are the name
    // ("Hassan Sheikh Mohamud").
    let mut words = name
        .split_whitespace()
        .skip_while(|w| lexicon::title_class(w).honorific);
    // Middle initials go; leading ones ("S. Jaishankar") are the name.
    // (Written out as read: no list of words to join.)
    let mut out = String::with_capacity(name.len());
    out.push_str(words.next().unwrap_or(""));
    for word in words.filter(|w| !is_initial(w)) {
        out.push(' ');
        out.push_str(word);
    }
    out
}

/// A folded form for comparing names: lower case, no accents, hyphens as spaces.
pub fn fold(name: &str) -> String {
    if name.is_ascii() {
        return fold_ascii(name);
    }
    fold_any(name)
}

/// [`fold`] for any text: decompose, drop the accents, then fold.
fn fold_any(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == '-' || c == '’' { ' ' } else { c })
        .filter(|c| *c != '.' && *c != '\'')
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`fold`] of an ASCII name (nothing to decompose), without the detours.
fn fold_ascii(name: &str) -> String {
    if is_single_spaced(name) {
        return name.to_ascii_lowercase();
    }
    fold_ascii_bytes(name)
}

/// Nothing in `name` for [`fold_ascii_bytes`] to drop or join: no full
/// stop, apostrophe, hyphen or white space but single inner spaces. Most
/// names are such, and fold to their lower case.
fn is_single_spaced(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes
            .iter()
            .any(|&b| matches!(b, b'.' | b'\'' | b'-' | b'\t'..=b'\r'))
        && !bytes.windows(2).any(|pair| pair == b"  ")
}

/// [`fold_ascii`] byte by byte, as every character is one.
fn fold_ascii_bytes(name: &str) -> String {
    let mut out = Vec::with_capacity(name.len());
    let mut space = false;
    for &b in name.as_bytes() {
        match b {
            b'.' | b'\'' => {}
            // '-' and what `char::is_whitespace` calls white in ASCII.
            b'-' | b' ' | b'\t'..=b'\r' => space = !out.is_empty(),
            _ => {
                if space {
                    out.push(b' ');
                    space = false;
                }
                out.push(b.to_ascii_lowercase());
            }
        }
    }
    String::from_utf8(out).expect("an ASCII name folds to ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn longest_name(body: &str) -> Option<String> {
        let t = Tokens::new(body);
        (0..t.len()).find_map(|i| name_from(&t, i).map(|j| t.body[t.range(i, j)].to_string()))
    }

    #[test]
    fn names_take_particles_and_initials() {
        assert_eq!(
            longest_name("met Tamim bin Hamad Al Thani today").as_deref(),
            Some("Tamim bin Hamad Al Thani")
        );
        assert_eq!(
            longest_name("said Ashraf al-Qidra.").as_deref(),
            Some("Ashraf al-Qidra")
        );
        assert_eq!(
            longest_name("with Lloyd J. Austin in").as_deref(),
            Some("Lloyd J. Austin")
        );
    }

    #[test]
    fn countries_days_and_titles_are_not_names() {
        assert_eq!(longest_name("in Israel on Monday the Minister"), None);
        assert!(!is_name_word("Lebanese"));
        assert!(!is_name_word("Telegram"));
    }

    #[test]
    fn canonical_names_drop_initials_and_honorifics() {
        assert_eq!(canonical_person("Lloyd J. Austin"), "Lloyd Austin");
        assert_eq!(
            canonical_person("Sheikh Tamim bin Hamad"),
            "Tamim bin Hamad"
        );
        assert_eq!(
            fold("Tamim bin Hamad al-Thani"),
            fold("Tamim bin Hamad Al Thani")
        );
    }

    #[test]
    fn canonical_names_are_those_the_joined_word_list_gave() {
        let joined = |name: &str| {
            let words: Vec<&str> = name
                .split_whitespace()
                .skip_while(|w| lexicon::title_class(w).honorific)
                .collect();
            words
                .iter()
                .enumerate()
                .filter(|(k, w)| *k == 0 || !is_initial(w))
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut names = super::super::tokens::tests::odd_texts();
        names.extend(
            [
                "",
                " ",
                "Sheikh",
                "Sheikh J.",
                "J. K. Rowling",
                "Sheikh Sheikh Tamim J.",
                "Dr.  Ana\tJ.\u{a0}Ruiz",
                "Lloyd J. Austin",
                "É. Macron",
            ]
            .map(String::from),
        );
        for name in names {
            assert_eq!(canonical_person(&name), joined(&name), "{name:?}");
        }
    }

    #[test]
    fn ascii_names_fold_as_the_general_path_does() {
        for name in [
            "Lloyd J. Austin",
            " al-Qidra's  - .  x",
            "U.S.\tDept.\x0bof-State-",
            "-'.",
            "",
            "O'Neil \r\n Smith",
            "a\x0b\x0cb\x1cc\x1fd\x7fe",
            "\t\n\r -x- ",
            "Amara Okonjo",
            "Amara  Okonjo",
            " Amara Okonjo",
            "Amara Okonjo ",
            "AT&T (Corp) 3M",
            "x",
        ] {
            assert_eq!(fold(name), fold_any(name), "{name:?}");
        }
    }

    #[test]
    fn single_spaced_names_fold_to_their_lower_case() {
        let mut names: Vec<String> = super::super::tokens::tests::odd_texts()
            .iter()
            .map(|t| t.chars().filter(char::is_ascii).collect())
            .collect();
        names.extend(["Amara Okonjo", "Dana  Price", " X", "Y ", ""].map(String::from));
        for name in names {
            assert_eq!(fold_ascii(&name), fold_ascii_bytes(&name), "{name:?}");
        }
    }
}
