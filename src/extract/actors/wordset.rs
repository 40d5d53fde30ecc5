//! Fixed word lists looked up by hash rather than scanned: the actor rules
//! ask about every word of every article, and a linear `contains` over a
//! hundred words was a tenth of the stage.

use rustc_hash::FxHashSet;

/// A constant word list as a set.
pub struct WordSet {
    words: FxHashSet<&'static str>,
    /// Which bytes start a word of the list: most words of a text are
    /// rejected on their first byte, without hashing.
    first_bytes: [bool; 256],
    longest: usize,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> Self {
        let mut first_bytes = [false; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            first_bytes,
            longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return self.words.contains(word);
        };
        self.first_bytes[usize::from(first)]
            && word.len() <= self.longest
            && self.words.contains(word)
    }
}

/// The set of a constant word list, built on first use: `word_set!(LIST)`.
macro_rules! word_set {
    ($list:expr) => {{
        static SET: std::sync::LazyLock<$crate::extract::actors::wordset::WordSet> =
            std::sync::LazyLock::new(|| $crate::extract::actors::wordset::WordSet::new($list));
        &*SET
    }};
}
pub(crate) use word_set;

/// Calls `f` with `word` in lower case (as `str::to_lowercase` gives it),
/// without allocating for the short ASCII words that are most words.
#[inline]
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.iter().any(u8::is_ascii_uppercase) && word.is_ascii() {
        return f(word);
    }
    let mut buf = [0u8; 32];
    if word.is_ascii() && bytes.len() <= buf.len() {
        let lower = &mut buf[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        return f(std::str::from_utf8(lower).expect("ASCII is UTF-8"));
    }
    f(&word.to_lowercase())
}
