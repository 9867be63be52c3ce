//! Plain text and Markdown without front matter.

use super::{Extracted, escape, fold_space};

/// A title is a short first line on its own, without a closing stop.
const TITLE_CHARS: usize = 120;

/// Paragraphs at blank lines; a short first line on its own is the title.
pub fn from_text(text: &str) -> Extracted {
    let paragraphs: Vec<String> = text
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(fold_space)
        .filter(|p| !p.is_empty())
        .collect();
    let mut rest = paragraphs.as_slice();
    let mut title = None;
    if let Some((first, others)) = paragraphs.split_first()
        && !others.is_empty()
        && first.chars().count() <= TITLE_CHARS
        && !first.ends_with(['.', '!', '?', ':', ';', ','])
    {
        title = Some(first.clone());
        rest = others;
    }
    let guesses = title
        .iter()
        .map(|t| format!("the title \"{t}\" is the text's short first line: change it if it is not the headline"))
        .collect();
    Extracted {
        title,
        guesses,
        body: rest.iter().map(|p| escape(p)).collect::<Vec<_>>().join("\n\n"),
        ..Extracted::default()
    }
}

/// The Markdown kept as it is; its first `# heading`, if it opens the
/// file, becomes the title.
pub fn from_markdown(text: &str) -> Extracted {
    let text = text.replace("\r\n", "\n");
    let trimmed = text.trim_start();
    let (title, body) = match trimmed.strip_prefix("# ") {
        Some(rest) => {
            let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (Some(line.trim().to_string()), body.trim().to_string())
        }
        None => (None, trimmed.trim_end().to_string()),
    };
    let speakers = body
        .lines()
        .filter_map(|l| {
            l.strip_prefix("**")?
                .split_once(":**")
                .map(|(label, _)| label.trim().to_string())
        })
        .collect();
    Extracted {
        title,
        body,
        speakers,
        ..Extracted::default()
    }
}
