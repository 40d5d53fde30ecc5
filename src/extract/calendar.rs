//! Calendar words shared by the extractors: a month or weekday is never a
//! place or a person ("in May", "on Monday"), and a small number next to a
//! month is a day of the month, not a count of people.

/// Month names and their abbreviations, lower case.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Weekday names, lower case.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a word (any case) names a month.
pub fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether a word (any case) names a day of the week.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_match_in_any_case() {
        assert!(is_month("May") && is_month("SEPT") && !is_month("Mayor"));
        assert!(is_weekday("Sunday") && !is_weekday("Sundays"));
    }
}
