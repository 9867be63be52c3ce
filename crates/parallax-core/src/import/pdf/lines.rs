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
    // How many glyphs of the current line are set in each size.
    let mut sizes: HashMap<i64, usize> = HashMap::new();
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
                sizes.clear();
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
                *sizes.entry(quarter_points(glyph.size)).or_default() += 1;
                last_end = glyph.x + glyph.advance;
                line.x1 = line.x1.max(last_end);
                space = false;
                continue;
            }
        }
        if let Some(mut line) = current.take() {
            finish(&mut line, &mut call, &sizes);
            lines.push(line);
        }
        sizes.clear();
        sizes.insert(quarter_points(glyph.size), 1);
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
        finish(&mut line, &mut call, &sizes);
        lines.push(line);
    }
    for line in &mut lines {
        line.text = line.text.trim().to_string();
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// A line's last call closed, and its size the one most of its glyphs are
/// set in (a bullet or a word in another face does not make it another).
fn finish(line: &mut Line, call: &mut String, sizes: &HashMap<i64, usize>) {
    if !call.is_empty() {
        line.text.push(CALL_OPEN);
        line.text.push_str(call);
        line.text.push(CALL_CLOSE);
        call.clear();
    }
    if let Some((&size, _)) = sizes.iter().max_by_key(|&(&size, &count)| (count, size)) {
        line.size = size as f64 / 4.0;
    }
}

fn quarter_points(size: f64) -> i64 {
    (size * 4.0).round() as i64
}

/// The size most of the text is set in.
pub(super) fn body_size(pages: &[Vec<Line>]) -> f64 {
    let mut weights: HashMap<i64, usize> = HashMap::new();
    for line in pages.iter().flatten() {
        *weights.entry(quarter_points(line.size)).or_default() += line.text.chars().count();
    }
    weights
        .into_iter()
        .max_by_key(|&(size, weight)| (weight, -size))
        .map_or(10.0, |(size, _)| size as f64 / 4.0)
}

/// Takes away, from the top and the foot of every page, lines that are
/// only a page number or that repeat at the top or foot of other pages.
pub(super) fn drop_furniture(pages: &mut [Vec<Line>], sizes: &[Page]) {
    let edge_texts = |pages: &[Vec<Line>]| -> HashMap<(i64, String), usize> {
        let mut seen: HashMap<(i64, String), usize> = HashMap::new();
        for page in pages {
            let mut on_page = HashSet::new();
            for line in edges(page) {
                on_page.insert(furniture_key(&page[line]));
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
            let gone: Vec<usize> = edges(page)
                .into_iter()
                .filter(|&n| {
                    let line = &page[n];
                    let near_edge = line.y < 0.15 * size.height || line.y > 0.85 * size.height;
                    near_edge && (is_page_number(&line.text) || seen.get(&furniture_key(line)).is_some_and(|&c| c >= 2))
                })
                .collect();
            for n in gone.into_iter().rev() {
                page.remove(n);
            }
        }
    }
}

/// What a running header or footer repeats: its words, numbers aside, in
/// its size (a title set large on the first page is not the small running
/// header that repeats it).
fn furniture_key(line: &Line) -> (i64, String) {
    (quarter_points(line.size), normalized(&line.text))
}

/// The topmost and the bottommost lines of a page, in order.
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

    fn glyphs(at: (f64, f64), size: f64, text: &str) -> Vec<Glyph> {
        let advance = 0.5 * size;
        text.chars()
            .enumerate()
            .map(|(n, c)| Glyph {
                x: at.0 + n as f64 * advance,
                y: at.1,
                size,
                advance,
                text: c.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_line_takes_the_size_most_of_it_is_set_in_and_a_raised_number_is_a_call() {
        let mut on_page = glyphs((72.0, 100.0), 14.0, "•");
        on_page.extend(glyphs((82.0, 100.0), 10.0, "an item that ends."));
        on_page.extend(glyphs((172.0, 96.5), 6.0, "4"));
        let page = Page {
            width: 612.0,
            height: 792.0,
            glyphs: on_page,
        };
        let lines = lines_of(0, &page);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].size, 10.0);
        assert_eq!(plain(&lines[0].text), "• an item that ends.4");
        assert!(lines[0].text.ends_with("\u{e000}4\u{e001}"), "{:?}", lines[0].text);
    }

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
