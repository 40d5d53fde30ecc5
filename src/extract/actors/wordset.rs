//! Fixed word lists looked up by hash rather than scanned: the actor rules
//! ask about every word of every article, and a linear `contains` over a
//! hundred words was a tenth of the stage.

use rustc_hash::FxHashSet;

/// A constant word list as a set.
pub struct WordSet(FxHashSet<&'static str>);

impl WordSet {
    pub fn new(words: &[&'static str]) -> Self {
        WordSet(words.iter().copied().collect())
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
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
