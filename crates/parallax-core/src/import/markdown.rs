//! Markdown, its front matter already taken (see `front_matter`).

use super::Extracted;
use super::front_matter::Found;

/// The Markdown kept as it is, without what a renderer would hide (HTML
/// comments, tags such as `<excerpt/>`). What its front matter said is
/// taken; else its first `# heading`, if it opens the file, is the title.
pub fn from_markdown(text: &str, front: Option<Found>) -> Extracted {
    let text = without_html(&text.replace("\r\n", "\n"));
    let front = front.unwrap_or_default();
    let trimmed = text.trim_start();
    let (heading, body) = match trimmed.strip_prefix("# ") {
        Some(rest) => {
            let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (Some(line.trim().to_string()), body.trim().to_string())
        }
        None => (None, trimmed.trim_end().to_string()),
    };
    // A heading that repeats the front matter's title is the title; any
    // other stays in the body.
    let (title, body) = match (front.title, heading) {
        (Some(title), Some(heading)) if heading != title => (Some(title), format!("# {heading}\n{body}")),
        (Some(title), _) => (Some(title), body),
        (None, heading) => (heading, body),
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
        authors: front.authors,
        published: front.published,
        subtitle: front.description,
        url: front.url,
        body,
        speakers,
        guesses: front.unread.into_iter().collect(),
        ..Extracted::default()
    }
}

/// The text without its raw HTML (comments, tags): what a Markdown
/// renderer would not show as words. Text inside code stays.
fn without_html(text: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser};
    let mut out = String::with_capacity(text.len());
    let mut kept = 0;
    for (event, range) in Parser::new_ext(text, Options::all()).into_offset_iter() {
        if let Event::Html(_) | Event::InlineHtml(_) = event
            && range.start >= kept
        {
            out.push_str(&text[kept..range.start]);
            kept = range.end;
        }
    }
    out.push_str(&text[kept..]);
    out
}
