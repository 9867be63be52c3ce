//! Plain text: a file written with blank lines between paragraphs, or text
//! copied out of a browser, where a paragraph is one long line and a single
//! line break ends it. Paragraphs are rebuilt from the line breaks that end
//! a sentence, wrapped lines are joined, short lines that stand like
//! headings become headings, and a title, a byline and a date standing
//! alone at the top are taken as what they are, not as paragraphs.

use super::{Extracted, date_prefix, escape, fold_space};
use crate::corpus::Published;

/// A title is a short line on its own, without a closing stop.
const TITLE_CHARS: usize = 120;
/// A heading is shorter, and has few words.
const HEADING_CHARS: usize = 80;
const HEADING_WORDS: usize = 12;
/// Lines up to this long may be wrapped lines of a paragraph, and text is
/// wrapped at no fewer columns than the shorter.
const WRAP_CHARS: usize = 100;
const WRAP_MIN_CHARS: usize = 40;

/// One piece of the body as rebuilt.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    Paragraph(String),
    Heading(String),
}

pub fn from_text(text: &str) -> Extracted {
    let text = text.replace("\r\n", "\n");
    let blocks: Vec<&str> = text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()).collect();
    // A file with no blank line between paragraphs is cut at line breaks;
    // one with them, only where a block is plainly several pasted paragraphs.
    let pasted = blocks.len() == 1;
    let mut pieces = Vec::new();
    for (n, block) in blocks.iter().enumerate() {
        pieces.extend(block_pieces(block, n == 0, pasted));
    }
    let mut found = Extracted::default();
    let mut rest = pieces.as_slice();
    // The top: a title, then a byline and a date standing alone, in either order.
    if let [Piece::Paragraph(first) | Piece::Heading(first), others @ ..] = rest
        && !others.is_empty()
        && looks_like_title(first)
    {
        found.title = Some(first.clone());
        found.guesses.push(format!(
            "the title \"{first}\" is the text's short first line: change it if it is not the headline"
        ));
        rest = others;
    }
    for _ in 0..2 {
        let Some((Piece::Paragraph(line) | Piece::Heading(line), others)) = rest.split_first() else {
            break;
        };
        if found.published.is_none()
            && let Some(date) = date_alone(line)
        {
            found.published = Some(date);
            rest = others;
        } else if found.authors.is_empty()
            && let Some(authors) = byline(line)
        {
            found.guesses.push(byline_read(&authors));
            found.authors = authors;
            rest = others;
        } else {
            break;
        }
    }
    found.body = rest
        .iter()
        .map(|piece| match piece {
            Piece::Paragraph(text) => escape(text),
            Piece::Heading(text) => format!("## {}", escape(text)),
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    found
}

/// The pieces of a block of lines with no blank line among them; the
/// first block's first line may be a title, longer than a heading. In a
/// file with blank lines, a block is one paragraph unless two or more of its
/// lines are longer than a wrapped line is (paragraphs pasted one per line).
fn block_pieces(block: &str, first: bool, pasted: bool) -> Vec<Piece> {
    let lines: Vec<&str> = block.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let long_lines = lines.iter().filter(|l| l.chars().count() > WRAP_CHARS).count();
    if hard_wrapped(&lines) || !pasted && long_lines < 2 && !first {
        return vec![Piece::Paragraph(fold_space(&lines.join(" ")))];
    }
    // Line by line: a line that ends a sentence ends its paragraph when the
    // next begins one; a line that does not is wrapped, and joined.
    let mut pieces = Vec::new();
    let mut paragraph = String::new();
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1);
        let stands_alone = looks_like_heading(line) || (first && i == 0 && looks_like_title(line));
        if paragraph.is_empty() && stands_alone && next.is_some_and(|n| begins_sentence(n)) {
            pieces.push(Piece::Heading(fold_space(line)));
            continue;
        }
        if !paragraph.is_empty() {
            paragraph.push(' ');
        }
        paragraph.push_str(line);
        let ends = ends_sentence(line) || next.is_none() || line.chars().count() > WRAP_CHARS;
        if ends && next.is_none_or(|n| begins_sentence(n)) {
            pieces.push(Piece::Paragraph(fold_space(&paragraph)));
            paragraph.clear();
        }
    }
    if !paragraph.is_empty() {
        pieces.push(Piece::Paragraph(fold_space(&paragraph)));
    }
    pieces
}

/// Lines of one paragraph wrapped at a width: one line, or several none
/// longer than a wrapped line is, all but the last of about the same
/// length, and that length a paragraph's (not a title's and a byline's).
fn hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 2 {
        return true;
    }
    let lengths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let longest = *lengths.iter().max().unwrap_or(&0);
    let body = &lengths[..lengths.len() - 1];
    (WRAP_MIN_CHARS..=WRAP_CHARS).contains(&longest) && body.iter().all(|&n| n * 10 >= longest * 6)
}

fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*']);
    line.ends_with(['.', '!', '?', ':', '…'])
}

fn begins_sentence(line: &str) -> bool {
    line.trim_start_matches(['"', '“', '‘', '\'', '(', '[', '*', '-', '—', '•'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn looks_like_title(line: &str) -> bool {
    line.chars().count() <= TITLE_CHARS && !line.ends_with(['.', '!', '?', ':', ';', ','])
}

fn looks_like_heading(line: &str) -> bool {
    line.chars().count() <= HEADING_CHARS
        && line.split_whitespace().count() <= HEADING_WORDS
        && !line.ends_with(['.', ',', ';', ':', '!', '?', '…', '"', '”'])
        && begins_sentence(line)
}

/// What import says of authors it read from a byline.
pub(super) fn byline_read(authors: &[String]) -> String {
    format!(
        "the author{} \"{}\" {} read from the line under the title: check",
        if authors.len() == 1 { "" } else { "s" },
        authors.join("\", \""),
        if authors.len() == 1 { "is" } else { "are" }
    )
}

/// "By Dmitri Trenin", "Dmitri Trenin", "By Mary Glantz and Carla Freeman":
/// the names, when the line is a byline and nothing more.
pub(super) fn byline(line: &str) -> Option<Vec<String>> {
    let names = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))
        .unwrap_or(line)
        .trim();
    if names.chars().count() > 80 || names.ends_with(['.', '!', '?', ':']) && !names.ends_with("Jr.") {
        return None;
    }
    let names: Vec<String> = names
        .split(" and ")
        .flat_map(|part| part.split(", "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect();
    let is_name = |name: &String| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "de" | "van" | "von" | "bin"))
    };
    (!names.is_empty() && names.iter().all(is_name)).then_some(names)
}

/// A date standing alone on its line: "August 24, 2021", "24 August 2021",
/// "Aug. 24, 2021", "2021-08-24", "March 2023".
pub(super) fn date_alone(line: &str) -> Option<Published> {
    let line = line.trim().trim_end_matches('.');
    if let Some(date) = date_prefix(line).filter(|_| line.len() <= 10) {
        return Some(date);
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        const MONTHS: [&str; 12] = [
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
        ];
        MONTHS
            .iter()
            .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w)))
            .map(|i| i + 1)
    };
    let number = |w: &str| w.trim_end_matches(|c: char| c.is_alphabetic()).parse::<u16>().ok();
    let iso = match words.as_slice() {
        [m, d, y] if month(m).is_some() => format!("{:04}-{:02}-{:02}", number(y)?, month(m)?, number(d)?),
        [d, m, y] if month(m).is_some() => format!("{:04}-{:02}-{:02}", number(y)?, month(m)?, number(d)?),
        [m, y] if month(m).is_some() => format!("{:04}-{:02}", number(y)?, month(m)?),
        _ => return None,
    };
    Published::parse(&iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        from_text(text).body.split("\n\n").map(String::from).collect()
    }

    #[test]
    fn text_copied_from_a_browser_is_cut_into_its_paragraphs() {
        let text = "Russia and China: A Partnership\nBy Dmitri Trenin\nAugust 24, 2021\nThe first paragraph is one long line, as a browser gives it when the text is copied out of a page.\nA second paragraph follows after a single line break.\nBackground\nA heading stood above this one.\n";
        let found = from_text(text);
        assert_eq!(found.title.as_deref(), Some("Russia and China: A Partnership"));
        assert_eq!(found.authors, ["Dmitri Trenin"]);
        assert_eq!(found.published.map(|p| p.iso()).as_deref(), Some("2021-08-24"));
        assert_eq!(
            paragraphs(text),
            [
                "The first paragraph is one long line, as a browser gives it when the text is copied out of a page.",
                "A second paragraph follows after a single line break.",
                "## Background",
                "A heading stood above this one.",
            ]
        );
    }

    #[test]
    fn wrapped_lines_are_joined_and_blank_lines_still_part_paragraphs() {
        let text = "A paragraph wrapped at a width, as an email or a text file keeps\nit, line after line, until it ends here.\n\nAnother, also wrapped\nover two lines.\n";
        assert_eq!(
            paragraphs(text),
            [
                "A paragraph wrapped at a width, as an email or a text file keeps it, line after line, until it ends here.",
                "Another, also wrapped over two lines.",
            ]
        );
    }

    #[test]
    fn bylines_and_dates_of_several_shapes() {
        assert_eq!(
            byline("By Mary Glantz and Carla Freeman").unwrap(),
            ["Mary Glantz", "Carla Freeman"]
        );
        assert_eq!(byline("Dmitri Trenin").unwrap(), ["Dmitri Trenin"]);
        assert_eq!(byline("The war goes on."), None);
        assert_eq!(byline("Moscow"), None);
        for (line, iso) in [
            ("24 August 2021", "2021-08-24"),
            ("Aug. 24, 2021", "2021-08-24"),
            ("2021-08-24", "2021-08-24"),
            ("March 2023", "2023-03"),
        ] {
            assert_eq!(date_alone(line).map(|p| p.iso()).as_deref(), Some(iso), "{line}");
        }
        assert_eq!(date_alone("In August 2021 the talks began."), None);
    }
}
