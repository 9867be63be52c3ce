//! Glyphs on one baseline make a line: a gap wider than a space's is a
//! space, a small raised number is a note's call. Lines at the top and foot
//! of pages that repeat, or are only a page number, are the page's
//! furniture and go.

use std::collections::{HashMap, HashSet};

pub struct Glyph {
    pub x: f64,
    /// The baseline, measured down from the page's top.
    pub y: f64,
    pub size: f64,
    pub advance: f64,
    pub text: String,
}

pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

/// A note's call inside a line's text: its number between these.
pub(super) const CALL_OPEN: char = '\u{e000}';
pub(super) const CALL_CLOSE: char = '\u{e001}';

/// Text on one baseline.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) y: f64,
    pub(super) size: f64,
    pub(super) text: String,
    pub(super) page: usize,
    pub(super) column: usize,
}

/// The lines of a page, in the order they are drawn.
pub(super) fn lines_of(page_number: usize, page: &Page) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Option<Line> = None;
    let mut last_end = 0.0;
    let mut space = false;
    let mut call = String::new();
    for glyph in &page.glyphs {
        let text: String = glyph
            .text
            .chars()
            .filter(|c| !matches!(*c, CALL_OPEN | CALL_CLOSE))
            .collect();
        if text.chars().all(char::is_whitespace) {
            space = true;
            continue;
        }
        let digits = text.chars().all(|c| c.is_ascii_digit());
        if let Some(line) = current.as_mut() {
            let near = glyph.x >= last_end - 0.5 * line.size && glyph.x <= last_end + 1.5 * line.size.max(glyph.size);
            let raised = glyph.size < 0.8 * line.size && glyph.y < line.y - 0.15 * line.size;
            if near && digits && raised {
                call.push_str(&text);
                last_end = glyph.x + glyph.advance;
                continue;
            }
            // A line that so far is only a small raised number (a note's
            // own number) takes the size and baseline of the text after it.
            let led_by_number = line.text.chars().all(|c| c.is_ascii_digit())
                && glyph.size > 1.2 * line.size
                && glyph.y > line.y
                && glyph.y - line.y < 0.6 * glyph.size;
            if near && led_by_number {
                line.text = format!("{CALL_OPEN}{}{CALL_CLOSE}", line.text);
                line.size = glyph.size;
                line.y = glyph.y;
            }
            if near && ((glyph.y - line.y).abs() <= 0.5 * line.size || led_by_number) {
                if !call.is_empty() {
                    line.text.push(CALL_OPEN);
                    line.text.push_str(&std::mem::take(&mut call));
                    line.text.push(CALL_CLOSE);
                }
                if (space || glyph.x > last_end + 0.15 * line.size) && !line.text.ends_with(' ') {
                    line.text.push(' ');
                }
                line.text.push_str(&text);
                last_end = glyph.x + glyph.advance;
                line.x1 = line.x1.max(last_end);
                space = false;
                continue;
            }
        }
        if let Some(mut line) = current.take() {
            close_call(&mut line, &mut call);
            lines.push(line);
        }
        last_end = glyph.x + glyph.advance;
        space = false;
        current = Some(Line {
            x0: glyph.x,
            x1: last_end,
            y: glyph.y,
            size: glyph.size,
            text,
            page: page_number,
            column: 0,
        });
    }
    if let Some(mut line) = current {
        close_call(&mut line, &mut call);
        lines.push(line);
    }
    for line in &mut lines {
        line.text = line.text.trim().to_string();
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

fn close_call(line: &mut Line, call: &mut String) {
    if !call.is_empty() {
        line.text.push(CALL_OPEN);
        line.text.push_str(call);
        line.text.push(CALL_CLOSE);
        call.clear();
    }
}

/// The size most of the text is set in.
pub(super) fn body_size(pages: &[Vec<Line>]) -> f64 {
    let mut weights: HashMap<i64, usize> = HashMap::new();
    for line in pages.iter().flatten() {
        *weights.entry((line.size * 4.0).round() as i64).or_default() += line.text.chars().count();
    }
    weights
        .into_iter()
        .max_by_key(|&(size, weight)| (weight, -size))
        .map_or(10.0, |(size, _)| size as f64 / 4.0)
}

/// Takes away, from the top and the foot of every page, lines that are
/// only a page number or that repeat at the top or foot of other pages.
pub(super) fn drop_furniture(pages: &mut [Vec<Line>], sizes: &[Page]) {
    let edge_texts = |pages: &[Vec<Line>]| -> HashMap<String, usize> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for page in pages {
            let mut on_page = HashSet::new();
            for line in edges(page) {
                on_page.insert(normalized(&page[line].text));
            }
            for text in on_page {
                *seen.entry(text).or_default() += 1;
            }
        }
        seen
    };
    // Twice: a header of two lines, a page number under a running footer.
    for _ in 0..2 {
        let seen = edge_texts(pages);
        for (page, size) in pages.iter_mut().zip(sizes) {
            let mut gone: Vec<usize> = edges(page)
                .into_iter()
                .filter(|&n| {
                    let line = &page[n];
                    let near_edge = line.y < 0.15 * size.height || line.y > 0.85 * size.height;
                    near_edge
                        && (is_page_number(&line.text) || seen.get(&normalized(&line.text)).is_some_and(|&c| c >= 2))
                })
                .collect();
            gone.sort_unstable();
            gone.dedup();
            for n in gone.into_iter().rev() {
                page.remove(n);
            }
        }
    }
}

/// The topmost and the bottommost lines of a page.
fn edges(page: &[Line]) -> Vec<usize> {
    let (Some(top), Some(bottom)) = (
        page.iter().map(|l| l.y).reduce(f64::min),
        page.iter().map(|l| l.y).reduce(f64::max),
    ) else {
        return Vec::new();
    };
    (0..page.len())
        .filter(|&n| (page[n].y - top).abs() < 2.0 || (page[n].y - bottom).abs() < 2.0)
        .collect()
}

/// A line's text with its numbers made alike, to find it repeated.
pub(super) fn normalized(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// "12", "Page 3", "3 of 10", "- 4 -", "xii".
fn is_page_number(text: &str) -> bool {
    let text = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = text.to_lowercase();
    let rest = lower.strip_prefix("page").map_or(lower.as_str(), str::trim);
    let numbers: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty() && *w != "of")
        .collect();
    !numbers.is_empty()
        && numbers.len() <= 2
        && numbers.iter().all(|w| {
            (w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
                || (numbers.len() == 1 && w.len() <= 6 && w.chars().all(|c| "ivxlc".contains(c)))
        })
}

/// A line's text with its calls written as the page shows them.
pub(super) fn plain(text: &str) -> String {
    text.chars().filter(|c| !matches!(*c, CALL_OPEN | CALL_CLOSE)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_their_usual_forms_are_known_and_text_is_not() {
        for number in ["12", "Page 3", "3 of 10", "- 4 -", "xii", "7 / 20"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["2024 was a year", "Chapter 3", "In the end", "12345"] {
            assert!(!is_page_number(text), "{text}");
        }
    }
}
