//! Word wrapping by display width (wide CJK characters, combining marks and
//! emoji take the columns a terminal gives them).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into lines no wider than `width` columns, breaking at
/// spaces, and inside a word only when the word alone is wider than a line.
/// Returns byte ranges into `text`; the spaces at breaks belong to no line.
/// A single grapheme wider than `width` stands alone on its line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line: Option<(usize, usize, usize)> = None; // (start, end, columns)
    let mut offset = 0;
    for word in text.split(' ') {
        let start = offset;
        offset += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let columns = super::display::width(word);
        if let Some((line_start, line_end, used)) = line {
            if used + 1 + columns <= width {
                line = Some((line_start, start + word.len(), used + 1 + columns));
                continue;
            }
            lines.push(line_start..line_end);
        }
        if columns <= width {
            line = Some((start, start + word.len(), columns));
        } else {
            line = break_word(word, start, width, &mut lines);
        }
    }
    if let Some((start, end, _)) = line {
        lines.push(start..end);
    }
    lines
}

/// Cuts an over-long word into full lines; returns the last, partial one.
fn break_word(word: &str, start: usize, width: usize, lines: &mut Vec<Range<usize>>) -> Option<(usize, usize, usize)> {
    let mut current: Option<(usize, usize, usize)> = None;
    for (index, grapheme) in word.grapheme_indices(true) {
        let at = start + index;
        let columns = super::display::width(grapheme);
        current = match current {
            Some((s, e, used)) if used + columns <= width => Some((s, e + grapheme.len(), used + columns)),
            Some((s, e, _)) => {
                lines.push(s..e);
                Some((at, at + grapheme.len(), columns))
            }
            None => Some((at, at + grapheme.len(), columns)),
        };
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(lines("a b", 3), ["a b"]);
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(lines("abcdefgh xy", 3), ["abc", "def", "gh", "xy"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(lines("中国 中国", 4), ["中国", "中国"]);
        assert_eq!(lines("中国中国", 5), ["中国", "中国"]);
        assert_eq!(lines("中", 1), ["中"]);
    }

    #[test]
    fn combining_marks_and_emoji_stay_whole() {
        // "e" + combining acute is one column; the family emoji is one grapheme.
        assert_eq!(lines("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        assert_eq!(lines("👍👍 x", 4), ["👍👍", "x"]);
    }

    #[test]
    fn zero_width_does_not_loop() {
        assert_eq!(lines("ab", 0), ["a", "b"]);
        assert!(lines("", 10).is_empty());
    }
}
