//! Located problems in input files, reported as `file:line:column: ...`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub message: String,
    pub help: String,
}

impl Diagnostic {
    pub fn error(file: &str, at: Location, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, at, message.into(), help.into())
    }

    pub fn warning(file: &str, at: Location, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, at, message.into(), help.into())
    }

    fn new(severity: Severity, file: &str, at: Location, message: String, help: String) -> Self {
        Self {
            severity,
            file: crate::sanitize::clean_line(file),
            line: at.line,
            column: at.column,
            message: crate::sanitize::clean_line(&message),
            help: crate::sanitize::clean_line(&help),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}; {}",
            self.file, self.line, self.column, self.message, self.help
        )
    }
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub const START: Location = Location { line: 1, column: 1 };

    /// The line and column of byte `offset` in `text` (clamped to the text).
    pub fn of_offset(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column }
    }
}

/// Line starts of a text, for turning many byte offsets into locations
/// without rescanning the text for each.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    pub fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        Location {
            line: line + 1,
            column: self.text[start..end].chars().count() + 1,
        }
    }
}

/// The most names a message lists; past them it names the nearest and how
/// many there are.
const NAMES_LISTED: usize = 12;

/// A kind of name a file or a command can get wrong: what it is called, and
/// what lists every one when they are too many to name.
pub struct NameKind {
    pub what: &'static str,
    pub listed_by: &'static str,
}

pub const ARTICLE: NameKind = NameKind {
    what: "article",
    listed_by: "`parallax list` (with the same --articles, if any) names them",
};

pub const THEME: NameKind = NameKind {
    what: "theme",
    listed_by: "`parallax themes` names them",
};

/// What to say of `wrong`, which is none of `names`: the nearest name when
/// one is near, then the names when they are few, else how many there are
/// and what lists them.
pub fn unknown_name_help<'a>(kind: &NameKind, wrong: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    let NameKind { what, listed_by } = kind;
    let names: Vec<&str> = names.into_iter().collect();
    let nearest = suggestion(wrong, names.iter().copied()).map(|near| format!("did you mean `{near}`? "));
    let rest = if names.len() <= NAMES_LISTED {
        format!("the {what}s are: {}", names.join(", "))
    } else {
        format!("there are {} {what}s; {listed_by}", names.len())
    };
    format!("{}{rest}", nearest.unwrap_or_default())
}

/// A located "unknown `what` `name`", with [`unknown_name_help`]'s help.
pub fn unknown_name<'a>(
    file: &str,
    at: Location,
    kind: &NameKind,
    name: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Diagnostic {
    let help = unknown_name_help(kind, name, names);
    Diagnostic::error(file, at, format!("unknown {} `{name}`", kind.what), help)
}

/// "did you mean `x`?" for the nearest of `names` to `wrong`, when one is near.
pub fn suggestion<'a>(wrong: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    names
        .into_iter()
        .map(|name| (edit_distance(wrong, name), name))
        .filter(|(distance, name)| *distance <= (name.len() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_count_lines_and_characters() {
        let text = "ab\ncé\nxyz";
        assert_eq!(Location::of_offset(text, 0), Location { line: 1, column: 1 });
        assert_eq!(Location::of_offset(text, 3), Location { line: 2, column: 1 });
        // 'é' is two bytes; the column counts characters.
        assert_eq!(Location::of_offset(text, 6), Location { line: 2, column: 3 });
        assert_eq!(Location::of_offset(text, 999), Location { line: 3, column: 4 });
    }

    #[test]
    fn a_line_index_agrees_with_a_scan() {
        let text = "ab\ncé\n\nxyz";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.location(offset), Location::of_offset(text, offset), "{offset}");
        }
    }

    #[test]
    fn suggests_the_nearest_name() {
        let names = ["scroll_down", "scroll_up", "quit"];
        assert_eq!(suggestion("scrol_down", names), Some("scroll_down"));
        assert_eq!(suggestion("zzzzzzzzzz", names), None);
    }

    #[test]
    fn an_unknown_name_is_answered_with_the_nearest_and_the_few_names_there_are() {
        let names = ["scroll_down", "scroll_up", "quit"];
        let action = NameKind {
            what: "action",
            listed_by: "keymap.toml",
        };
        assert_eq!(
            unknown_name_help(&action, "scrol_down", names),
            "did you mean `scroll_down`? the actions are: scroll_down, scroll_up, quit"
        );
        assert_eq!(
            unknown_name_help(&action, "zzzz", names),
            "the actions are: scroll_down, scroll_up, quit"
        );
        let many: Vec<String> = (0..40).map(|i| format!("article-{i}")).collect();
        assert_eq!(
            unknown_name_help(&ARTICLE, "article-x7", many.iter().map(String::as_str)),
            "did you mean `article-7`? there are 40 articles; `parallax list` (with the same --articles, if any) names them"
        );
    }

    #[test]
    fn display_is_file_line_column() {
        let d = Diagnostic::error("a.md", Location { line: 3, column: 7 }, "bad", "fix it");
        assert_eq!(d.to_string(), "a.md:3:7: error: bad; fix it");
    }
}
