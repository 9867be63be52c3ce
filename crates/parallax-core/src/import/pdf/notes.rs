//! Footnotes: small lines below the body that open with a number, and the
//! calls that point to them, numbered in the order they are called.

use std::collections::{HashMap, HashSet};

use super::lines::{CALL_CLOSE, CALL_OPEN, Line};
use crate::import::escape;

/// Footnotes: lines smaller than the body's, below every body line of
/// their page that they share room with, the first beginning with a number.
pub(super) fn split_notes(lines: Vec<Line>, body_size: f64) -> (Vec<Line>, Vec<Line>) {
    let small = |l: &Line| l.size < 0.92 * body_size;
    let mut body_lines: HashMap<usize, Vec<(f64, f64, f64)>> = HashMap::new();
    for line in lines.iter().filter(|l| !small(l)) {
        body_lines
            .entry(line.page)
            .or_default()
            .push((line.x0, line.x1, line.y));
    }
    let below_body = |l: &Line| {
        body_lines
            .get(&l.page)
            .is_some_and(|body| body.iter().all(|&(x0, x1, y)| y < l.y || x1 < l.x0 || x0 > l.x1))
    };
    let (mut notes, mut body) = (Vec::new(), Vec::new());
    let mut in_note = false;
    for line in lines {
        if small(&line) && below_body(&line) && (in_note || note_number(&line.text).is_some()) {
            in_note = true;
            notes.push(line);
        } else {
            in_note = false;
            body.push(line);
        }
    }
    (notes, body)
}

/// The number a note's text opens with, and the text after it.
pub(super) fn note_number(text: &str) -> Option<(u32, &str)> {
    let (number, rest) = match text.strip_prefix(CALL_OPEN) {
        Some(called) => called.split_once(CALL_CLOSE)?,
        None => {
            let end = text.find(|c: char| !c.is_ascii_digit())?;
            let rest = &text[end..];
            (&text[..end], rest.strip_prefix('.').unwrap_or(rest).strip_prefix(' ')?)
        }
    };
    if number.is_empty() || number.len() > 3 {
        return None;
    }
    Some((number.parse().ok()?, rest.trim_start()))
}

/// Notes numbered in the order they are called: a call on a page is
/// matched with the note of that number on the same page, so numbering that
/// starts again in each chapter still pairs them.
#[derive(Default)]
pub(super) struct Numbering {
    /// (page, number in the document) -> number in the article.
    calls: HashMap<(usize, u32), u32>,
    /// Numbers in the article that have a note.
    with_note: HashSet<u32>,
    next: u32,
}

impl Numbering {
    /// Text escaped for Markdown, with its calls numbered in the article's
    /// order and marked for `resolve`.
    pub(super) fn text(&mut self, text: &str, page: usize) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find(CALL_OPEN) {
            out.push_str(&escape(&rest[..open]));
            let after = &rest[open + CALL_OPEN.len_utf8()..];
            let Some(close) = after.find(CALL_CLOSE) else {
                rest = after;
                continue;
            };
            let number = &after[..close];
            match number.parse::<u32>() {
                Ok(n) => {
                    let k = *self.calls.entry((page, n)).or_insert_with(|| {
                        self.next += 1;
                        self.next
                    });
                    out.push_str(&format!("{CALL_OPEN}{k}{CALL_CLOSE}"));
                }
                Err(_) => out.push_str(&escape(number)),
            }
            rest = &after[close + CALL_CLOSE.len_utf8()..];
        }
        out.push_str(&escape(rest));
        // `escape` guards a paragraph's start; a call inside is written raw.
        out
    }

    /// The article's number of the note `number` on `page`: the call on the
    /// same page, else the last call of that number before it.
    pub(super) fn note(&mut self, number: u32, page: usize) -> Option<u32> {
        let k = self.calls.get(&(page, number)).copied().or_else(|| {
            self.calls
                .iter()
                .filter(|((p, n), _)| *n == number && *p <= page)
                .max_by_key(|((p, _), _)| *p)
                .map(|(_, k)| *k)
        })?;
        self.with_note.insert(k).then_some(k)
    }

    /// Calls written as `[^k]` where a note answers them; else as the
    /// page shows them, raised digits.
    pub(super) fn resolve(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find(CALL_OPEN) {
            out.push_str(&rest[..open]);
            let after = &rest[open + CALL_OPEN.len_utf8()..];
            let close = after.find(CALL_CLOSE).unwrap_or(after.len());
            let number = &after[..close];
            if number.parse().is_ok_and(|k| self.with_note.contains(&k)) {
                out.push_str(&format!("[^{number}]"));
            } else {
                out.extend(number.chars().map(superscript));
            }
            rest = after.get(close + CALL_CLOSE.len_utf8()..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }
}

fn superscript(digit: char) -> char {
    match digit {
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '0'..='9' => char::from_u32(0x2070 + digit as u32 - '0' as u32).unwrap_or(digit),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_opens_with_its_number_raised_or_followed_by_a_space_or_a_stop() {
        assert_eq!(note_number("1 Regional review."), Some((1, "Regional review.")));
        assert_eq!(note_number("12. Tables 3 and 4."), Some((12, "Tables 3 and 4.")));
        assert_eq!(note_number("\u{e000}3\u{e001}See above."), Some((3, "See above.")));
        assert_eq!(note_number("1990s were quieter"), None);
        assert_eq!(note_number("Tables 3 and 4."), None);
    }

    #[test]
    fn a_call_with_no_note_is_shown_raised_and_one_with_a_note_is_linked() {
        let mut numbering = Numbering::default();
        let text = numbering.text("first\u{e000}1\u{e001} then\u{e000}2\u{e001}", 0);
        assert_eq!(numbering.note(1, 0), Some(1));
        assert_eq!(numbering.resolve(&text), "first[^1] then²");
    }
}
