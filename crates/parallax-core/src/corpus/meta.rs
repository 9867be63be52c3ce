//! The front matter: what is known about an article, and how sure it is.

use std::fmt;

use serde::Deserialize;

use crate::ids::ArticleId;
use toml::Spanned;

/// The front matter as written in the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeta {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub title_source: TitleSource,
    pub title_note: Option<String>,
    pub subtitle: Option<String>,
    #[serde(default)]
    pub authors: Vec<Author>,
    #[serde(default)]
    pub outlet: String,
    pub published: Option<Spanned<String>>,
    pub published_between: Option<Spanned<Vec<String>>>,
    pub published_note: Option<String>,
    pub form: Option<Form>,
    #[serde(default)]
    pub source: String,
    pub url: Option<String>,
}

/// What is known about an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub id: ArticleId,
    pub title: String,
    pub title_source: TitleSource,
    pub title_note: Option<String>,
    pub subtitle: Option<String>,
    /// Who wrote it; empty when not known.
    pub authors: Vec<Author>,
    /// Where it was published; empty when not known.
    pub outlet: String,
    pub published: Option<Published>,
    /// When only the year or month is known, the window the text implies
    /// it was written in (its first and last possible dates).
    pub published_between: Option<(Published, Published)>,
    pub published_note: Option<String>,
    pub form: Option<Form>,
    /// Where the text comes from; empty when not said.
    pub source: String,
    /// Where the article lives on the web, when known (never guessed).
    pub url: Option<String>,
}

impl Meta {
    /// The date as known, or a word that it is not.
    pub fn date(&self) -> String {
        self.published
            .map_or_else(|| "date unknown".to_string(), |p| p.to_string())
    }

    /// The date as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or "unknown".
    pub fn iso_date(&self) -> String {
        self.published.map_or_else(|| "unknown".to_string(), |p| p.iso())
    }

    /// What `check` says of fields a hand-written or imported article left
    /// out: each with what to do.
    pub fn unknowns(&self) -> Vec<(&'static str, &'static str)> {
        let mut missing = Vec::new();
        if self.authors.is_empty() {
            missing.push(("no authors", "add [[authors]] name = \"...\" if you know who wrote it"));
        }
        if self.outlet.is_empty() {
            missing.push(("no outlet", "add outlet = \"...\" if you know where it was published"));
        }
        if self.published.is_none() {
            missing.push((
                "no date",
                "add published = \"YYYY-MM-DD\" (or YYYY-MM, YYYY) if you know it",
            ));
        }
        if self.form.is_none() {
            missing.push((
                "no form",
                "add form = \"essay\" (or analysis, interview, ...) if you know it",
            ));
        }
        if self.source.is_empty() {
            missing.push(("no source", "add source = \"...\": where the text comes from"));
        }
        missing
    }
}

/// Whether the headline is the source's own or one we supplied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TitleSource {
    #[default]
    Source,
    Supplied,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    pub name: String,
    #[serde(default)]
    pub role: Role,
    /// The labels that open this person's turns in an interview ("YS").
    #[serde(default)]
    pub speaker: Vec<String>,
    pub affiliation: Option<String>,
    pub bio: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Author,
    Interviewer,
    Interviewee,
    Editor,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Author => "author",
            Role::Interviewer => "interviewer",
            Role::Interviewee => "interviewee",
            Role::Editor => "editor",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    Analysis,
    Essay,
    Interview,
    QuestionAndAnswer,
    Report,
    News,
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Form::Analysis => "analysis",
            Form::Essay => "essay",
            Form::Interview => "interview",
            Form::QuestionAndAnswer => "question-and-answer",
            Form::Report => "report",
            Form::News => "news",
        })
    }
}

/// A publication date known to the day, the month, or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Published {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Published {
    /// For ordering by date: what is not known sorts first in its year or month.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (i32::from(self.year), self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Published> {
        let parts: Vec<&str> = text.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return None;
        }
        let year = u16::try_from(parse_number(parts[0], 4)?).ok()?;
        let month = match parts.get(1) {
            Some(m) => Some(
                u8::try_from(parse_number(m, 2)?)
                    .ok()
                    .filter(|m| (1..=12).contains(m))?,
            ),
            None => None,
        };
        let day = match (month, parts.get(2)) {
            (Some(m), Some(d)) => Some(
                u8::try_from(parse_number(d, 2)?)
                    .ok()
                    .filter(|d| (1..=days_in_month(year, m)).contains(d))?,
            ),
            _ => None,
        };
        Some(Published { year, month, day })
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> &'static str {
        match (self.month, self.day) {
            (Some(_), Some(_)) => "day",
            (Some(_), None) => "month",
            _ => "year",
        }
    }

    /// The ISO form, as written in files and JSON.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

impl fmt::Display for Published {
    /// "9 June 2024", "September 2022", "2023".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {} {}", MONTHS[usize::from(m) - 1], self.year),
            (Some(m), None) => write!(f, "{} {}", MONTHS[usize::from(m) - 1], self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

fn parse_number(text: &str, digits: usize) -> Option<u32> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An id is lowercase letters, digits and hyphens, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Words made an id: lowercase ASCII letters and digits kept, every other
/// run of characters one hyphen, at most `max` characters, `fallback` when
/// nothing is left.
pub fn slug(text: &str, max: usize, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.chars().take(max).collect();
    match out.trim_end_matches('-') {
        "" => fallback.to_string(),
        kept => kept.to_string(),
    }
}

/// `base`, or else `base-2`, `base-3`…: the first id `taken` does not claim.
pub fn unused_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_ascii_words_and_free_ids_take_the_first_number_left() {
        assert_eq!(
            slug("Xi’s “No Limits” Pact, 2022!", 64, "x"),
            "xi-s-no-limits-pact-2022"
        );
        assert_eq!(slug("Навальный", 64, "article"), "article");
        // Cut to the length, never ending on a hyphen.
        assert_eq!(slug("ab cd", 3, "x"), "ab");
        assert_eq!(unused_id("holm-2024", |_| false), "holm-2024");
        let taken = ["holm-2024", "holm-2024-2"];
        assert_eq!(unused_id("holm-2024", |id| taken.contains(&id)), "holm-2024-3");
    }

    #[test]
    fn dates_at_three_precisions() {
        let day = Published::parse("2024-06-09").unwrap();
        assert_eq!((day.to_string(), day.precision()), ("9 June 2024".into(), "day"));
        let month = Published::parse("2022-09").unwrap();
        assert_eq!(
            (month.to_string(), month.precision()),
            ("September 2022".into(), "month")
        );
        assert_eq!(Published::parse("2023").unwrap().iso(), "2023");
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2024-13",
            "2024-02-30",
            "24-01-01",
            "2024-1-01",
            "2024-01-01-01",
            "x",
            "",
        ] {
            assert_eq!(Published::parse(bad), None, "{bad}");
        }
        assert!(Published::parse("2024-02-29").is_some());
        assert!(Published::parse("2023-02-29").is_none());
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("gurtov-2024"));
        assert!(!is_valid_id("Gurtov"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(""));
    }
}
