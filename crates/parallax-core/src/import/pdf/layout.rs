//! From the lines of pages to an article: a vertical gutter splits a page
//! into columns, read left then right between the lines that span it; the
//! first page's title, byline and date stand apart; larger lines are
//! headings; a gap, an indent or a short line that ends a sentence ends a
//! paragraph; a word broken by a hyphen at a line's end is joined unless
//! the document writes it with the hyphen.

use std::collections::{HashMap, HashSet};

use super::lines::{Line, Page, body_size, drop_furniture, lines_of, normalized, plain};
use super::metadata::Described;
use super::notes::{Numbering, note_number, split_notes};
use crate::import::{Extracted, escape, text};

/// Where a page's column runs.
#[derive(Debug, Clone, Copy)]
struct Column {
    left: f64,
    right: f64,
}

pub fn rebuild(pages: &[Page], described: Described) -> Extracted {
    let mut lines: Vec<Vec<Line>> = pages.iter().enumerate().map(|(n, page)| lines_of(n, page)).collect();
    drop_furniture(&mut lines, pages);
    let body_size = body_size(&lines);
    let mut columns: Vec<Vec<Column>> = Vec::new();
    let mut ordered: Vec<Line> = Vec::new();
    for (n, page) in lines.into_iter().enumerate() {
        let (page_lines, page_columns) = reading_order(page, pages[n].width);
        ordered.extend(page_lines);
        columns.push(page_columns);
    }
    let (notes, body): (Vec<Line>, Vec<Line>) = split_notes(ordered, body_size);
    let mut found = Extracted::default();
    let body = front(body, body_size, &described, &mut found);
    let mut guesses = described.notes;
    guesses.append(&mut found.guesses);
    found.guesses = guesses;
    found.outlet = described.outlet;
    // The publication date the document gives, else the one its first page
    // shows, else when the PDF was made, said to be so.
    found.published = described.published.or(found.published);
    if found.published.is_none()
        && let Some(made) = described.made
    {
        found.guesses.push(format!(
            "the date {} is when the PDF was made: check it is when the article was published",
            made.iso()
        ));
        found.published = Some(made);
    }
    found.body = blocks(&body, &notes, &columns, body_size);
    found
}

/// The lines of a page in reading order, with the columns they are in: a
/// vertical gutter no line crosses, with lines on both sides, makes two
/// columns; lines that cross it span the page and are read where they
/// stand, the columns between them left first.
fn reading_order(mut page: Vec<Line>, width: f64) -> (Vec<Line>, Vec<Column>) {
    page.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let Some(gutter) = gutter(&page, width) else {
        let column = bounds(page.iter());
        return (page, vec![column]);
    };
    let side = |line: &Line| {
        if line.x1 <= gutter {
            Some(0)
        } else if line.x0 >= gutter {
            Some(1)
        } else {
            None
        }
    };
    let columns = vec![
        bounds(page.iter().filter(|l| side(l) == Some(0))),
        bounds(page.iter().filter(|l| side(l) == Some(1))),
        bounds(page.iter().filter(|l| side(l).is_none())),
    ];
    let mut ordered = Vec::with_capacity(page.len());
    let mut band: [Vec<Line>; 2] = [Vec::new(), Vec::new()];
    for mut line in page {
        match side(&line) {
            Some(column) => {
                line.column = column;
                band[column].push(line);
            }
            None => {
                ordered.append(&mut band[0]);
                ordered.append(&mut band[1]);
                line.column = 2;
                ordered.push(line);
            }
        }
    }
    ordered.append(&mut band[0]);
    ordered.append(&mut band[1]);
    (ordered, columns)
}

/// Where most lines of a column start, and where nine in ten end: a
/// heading hung to the left or a wide table does not move the edges that
/// indents and short lines are measured from.
fn bounds<'a>(lines: impl Iterator<Item = &'a Line>) -> Column {
    let mut starts: HashMap<i64, usize> = HashMap::new();
    let mut ends: Vec<f64> = Vec::new();
    for line in lines {
        *starts.entry(line.x0.round() as i64).or_default() += 1;
        ends.push(line.x1);
    }
    ends.sort_by(f64::total_cmp);
    Column {
        left: starts
            .into_iter()
            .max_by_key(|&(x, count)| (count, -x))
            .map_or(0.0, |(x, _)| x as f64),
        right: ends.get(ends.len() * 9 / 10).copied().unwrap_or(0.0),
    }
}

/// The x of a gutter between two columns, if the page has one: where the
/// fewest lines cross, with lines on both sides; in the middle of the
/// widest such run.
fn gutter(page: &[Line], width: f64) -> Option<f64> {
    let mut best: Option<(usize, f64, f64)> = None;
    let mut x = 0.3 * width;
    while x <= 0.7 * width {
        let left = page.iter().filter(|l| l.x1 <= x).count();
        let right = page.iter().filter(|l| l.x0 >= x).count();
        let crossing = page.iter().filter(|l| l.x0 < x && l.x1 > x).count();
        let both = left.min(right);
        if both >= 3 && 4 * crossing < both {
            match &mut best {
                Some((fewest, _, end)) if crossing == *fewest && x - *end <= 2.5 => *end = x,
                Some((fewest, _, _)) if crossing >= *fewest => {}
                _ => best = Some((crossing, x, x)),
            }
        }
        x += 2.0;
    }
    best.map(|(_, start, end)| (start + end) / 2.0)
}

/// The first page's title, byline and date, taken out of the body: the
/// document's own description comes first, what the page shows fills in.
fn front(mut body: Vec<Line>, body_size: f64, described: &Described, found: &mut Extracted) -> Vec<Line> {
    found.title = described.title.clone();
    found.authors = described.authors.clone();
    let mut taken = 0;
    let first_page: Vec<&Line> = body.iter().take_while(|l| l.page == 0).collect();
    let largest = first_page.iter().take(4).map(|l| l.size).fold(0.0, f64::max);
    if largest >= 1.3 * body_size {
        let title_lines: Vec<&&Line> = first_page
            .iter()
            .take_while(|l| (l.size - largest).abs() < 0.5)
            .collect();
        if !title_lines.is_empty() {
            let shown = title_lines.iter().map(|l| plain(&l.text)).collect::<Vec<_>>().join(" ");
            let same = |a: &str, b: &str| normalized(a) == normalized(b);
            match &described.title {
                None => {
                    found.guesses.push(format!(
                        "the title \"{shown}\" is the first page's largest line: change it if it is not the headline"
                    ));
                    found.title = Some(shown);
                    taken = title_lines.len();
                }
                Some(title) if same(title, &shown) => taken = title_lines.len(),
                Some(_) => {}
            }
        }
    }
    // A byline and a date under the title, in either order.
    for _ in 0..2 {
        let Some(line) = body.get(taken).filter(|l| l.page == 0) else {
            break;
        };
        let shown = plain(&line.text);
        if found.published.is_none()
            && let Some(date) = text::date_alone(&shown)
        {
            found.published = Some(date);
            taken += 1;
        } else if let Some(names) = text::byline(&shown).filter(|_| shown.len() < 100 && taken > 0) {
            if found.authors.is_empty() {
                found.guesses.push(text::byline_read(&names));
                found.authors = names;
            }
            taken += 1;
        } else {
            break;
        }
    }
    body.drain(..taken);
    body
}

/// The body as the article format's Markdown: headings, paragraphs, then
/// the notes, numbered in the order they are called.
fn blocks(body: &[Line], notes: &[Line], columns: &[Vec<Column>], body_size: f64) -> String {
    let leading = leading(body, body_size);
    let heading_sizes = heading_sizes(body, body_size);
    let vocabulary = vocabulary(body.iter().chain(notes));
    let mut numbering = Numbering::default();
    let mut out: Vec<String> = Vec::new();
    let mut paragraph: Vec<&Line> = Vec::new();
    let mut heading: Vec<&Line> = Vec::new();
    // Every page has its columns, and every line one of them.
    let column_of = |l: &Line| columns[l.page][l.column];
    for line in body {
        if line.size >= 1.12 * body_size {
            if !paragraph.is_empty() {
                out.push(paragraph_text(&paragraph, &vocabulary, &mut numbering));
                paragraph.clear();
            }
            let continues = heading.last().is_some_and(|h| {
                (h.size - line.size).abs() < 0.5 && h.page == line.page && line.y - h.y < 2.0 * line.size
            });
            if !continues && !heading.is_empty() {
                out.push(heading_line(&heading, &heading_sizes, &vocabulary));
                heading.clear();
            }
            heading.push(line);
            continue;
        }
        if !heading.is_empty() {
            out.push(heading_line(&heading, &heading_sizes, &vocabulary));
            heading.clear();
        }
        let breaks = match paragraph.last() {
            Some(last) => {
                let column = column_of(line);
                let same_column = last.page == line.page && last.column == line.column;
                let gap = same_column && line.y - last.y > 1.4 * leading;
                // An indented line opens a paragraph; lines indented alike
                // (a quotation set in), or under a list item's bullet, go
                // on with it.
                let under_bullet = bullet(&paragraph[0].text).is_some() && line.x0 > paragraph[0].x0 + 1.0;
                let indented = line.x0 > column.left + 0.8 * line.size
                    && !(same_column && (last.x0 - line.x0).abs() < 1.0)
                    && !under_bullet;
                let last_column = column_of(last);
                let short = last.x1 < last_column.right - 2.5 * last.size && ends_sentence(&last.text);
                let resized = (last.size - line.size).abs() > 0.5;
                gap || indented || short || resized || bullet(&line.text).is_some()
            }
            None => false,
        };
        if breaks {
            out.push(paragraph_text(&paragraph, &vocabulary, &mut numbering));
            paragraph.clear();
        }
        paragraph.push(line);
    }
    if !heading.is_empty() {
        out.push(heading_line(&heading, &heading_sizes, &vocabulary));
    }
    if !paragraph.is_empty() {
        out.push(paragraph_text(&paragraph, &vocabulary, &mut numbering));
    }
    let mut written_notes = Vec::new();
    let mut note: Option<(u32, usize, Vec<&Line>)> = None;
    let mut finish = |note: Option<(u32, usize, Vec<&Line>)>, numbering: &mut Numbering| {
        if let Some((number, page, lines)) = note {
            let text = join(&lines, &vocabulary);
            let text = note_number(&text).map_or(text.as_str(), |(_, rest)| rest).to_string();
            if let Some(k) = numbering.note(number, page) {
                written_notes.push((k, format!("[^{k}]: {}", numbering.text(&text, page))));
            }
        }
    };
    for line in notes {
        match (note_number(&line.text), note.as_mut()) {
            (None, Some((_, _, lines))) => lines.push(line),
            (number, _) => {
                finish(note.take(), &mut numbering);
                note = number.map(|(n, _)| (n, line.page, vec![line]));
            }
        }
    }
    finish(note.take(), &mut numbering);
    written_notes.sort_by_key(|(k, _)| *k);
    let mut text = out
        .into_iter()
        .map(|block| numbering.resolve(&block))
        .collect::<Vec<_>>();
    text.extend(written_notes.into_iter().map(|(_, note)| numbering.resolve(&note)));
    text.join("\n\n")
}

/// A paragraph's Markdown; one that opens with a bullet is a list item.
fn paragraph_text(lines: &[&Line], vocabulary: &HashSet<String>, numbering: &mut Numbering) -> String {
    let text = join(lines, vocabulary);
    match bullet(&text) {
        Some(rest) => format!("- {}", numbering.text(rest, lines[0].page)),
        None => numbering.text(&text, lines[0].page),
    }
}

/// The text after a list item's bullet.
fn bullet(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(['•', '◦', '▪', '‣', '●'])?;
    rest.strip_prefix(' ').map(str::trim_start)
}

fn heading_line(lines: &[&Line], sizes: &[i64], vocabulary: &HashSet<String>) -> String {
    let size = (lines[0].size * 2.0).round() as i64;
    let level = sizes.iter().position(|&s| s == size).unwrap_or(2).min(2) + 2;
    format!("{} {}", "#".repeat(level), escape(&plain(&join(lines, vocabulary))))
}

/// The sizes of headings, largest first.
fn heading_sizes(body: &[Line], body_size: f64) -> Vec<i64> {
    let mut sizes: Vec<i64> = body
        .iter()
        .filter(|l| l.size >= 1.12 * body_size)
        .map(|l| (l.size * 2.0).round() as i64)
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.dedup();
    sizes
}

/// The usual distance between the baselines of body lines.
fn leading(body: &[Line], body_size: f64) -> f64 {
    let mut steps: Vec<f64> = body
        .windows(2)
        .filter(|w| w[0].page == w[1].page && w[0].column == w[1].column)
        .map(|w| w[1].y - w[0].y)
        .filter(|&d| d > 0.5 * body_size && d < 3.0 * body_size)
        .collect();
    steps.sort_by(f64::total_cmp);
    // Too few lines to tell: the usual leading for the size.
    if steps.len() < 3 {
        return 1.2 * body_size;
    }
    steps[steps.len() / 2]
}

fn ends_sentence(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim_end_matches(|c: char| c.is_ascii_digit());
    text.trim_end().ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '…'])
}

/// Every word the document writes whole on a line, lowercased: a word
/// broken at a line's end is joined as the document writes it elsewhere.
fn vocabulary<'a>(lines: impl Iterator<Item = &'a Line>) -> HashSet<String> {
    lines
        .flat_map(|l| {
            l.text
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                        .to_lowercase()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Lines joined into one text; a hyphen at a line's end between two
/// letters joins the word's halves.
fn join(lines: &[&Line], vocabulary: &HashSet<String>) -> String {
    let mut text = String::new();
    for line in lines {
        let next = line.text.as_str();
        if let Some(head) = text.strip_suffix('-')
            && head.chars().next_back().is_some_and(char::is_alphabetic)
            && next.chars().next().is_some_and(char::is_lowercase)
        {
            let head_word: String = head
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let tail_word: String = next
                .split(char::is_whitespace)
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase();
            let hyphenated = format!("{head_word}-{tail_word}");
            let whole = format!("{head_word}{tail_word}");
            if !vocabulary.contains(&hyphenated) || vocabulary.contains(&whole) {
                text.pop();
            }
            text.push_str(next);
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(next);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            x0: 0.0,
            x1: 100.0,
            y: 0.0,
            size: 10.0,
            text: text.to_string(),
            page: 0,
            column: 0,
        }
    }

    #[test]
    fn a_bullet_opens_a_list_item() {
        assert_eq!(bullet("• A standard way."), Some("A standard way."));
        assert_eq!(bullet("•Not spaced"), None);
        assert_eq!(bullet("A plain line"), None);
    }

    #[test]
    fn a_word_broken_at_a_lines_end_is_joined_unless_the_document_writes_it_hyphenated() {
        let lines = [
            line("a long-standing quarrel and a well-"),
            line("known answer; the embank-"),
            line("ments held, and the long-"),
            line("standing quarrel went on"),
        ];
        let words = vocabulary(lines.iter());
        let refs: Vec<&Line> = lines.iter().collect();
        assert_eq!(
            join(&refs, &words),
            "a long-standing quarrel and a wellknown answer; the embankments held, and the long-standing quarrel went on"
        );
        // A hyphen before a capital or a number is the writer's.
        let lines = [line("the Sino-"), line("Russian border")];
        let refs: Vec<&Line> = lines.iter().collect();
        assert_eq!(join(&refs, &vocabulary(lines.iter())), "the Sino- Russian border");
    }
}
