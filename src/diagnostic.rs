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
    fn display_is_file_line_column() {
        let d = Diagnostic::error("a.md", Location { line: 3, column: 7 }, "bad", "fix it");
        assert_eq!(d.to_string(), "a.md:3:7: error: bad; fix it");
    }
}
