//! Saved web pages: the main text found by `dom_smoothie` (a port of
//! Mozilla's Readability), which drops the page's furniture and reads the
//! metadata (JSON-LD first, then Open Graph and `<meta>`, then `<title>` and
//! a byline); its structure then written as the article format's Markdown.

use dom_query::{Document, NodeRef};
use dom_smoothie::Readability;

use super::{Extracted, escape, fold_space};

/// The deepest nesting of elements a page may have. Real articles nest a
/// few dozen deep; the HTML parser and Readability take time growing with
/// the square of the depth (10,000 deep: 40 s), so deeper is refused first.
pub const MAX_DEPTH: usize = 512;

pub fn extract(html: &str) -> Result<Extracted, String> {
    check_depth(html)?;
    // Furniture that Readability can take for text on a short page goes first.
    let page = Document::from(html);
    let url = page_url(&page);
    for word in FURNITURE {
        page.select(&format!("body [class*={word}], body [id*={word}]"))
            .remove();
    }
    let mut readability =
        Readability::with_document(page, None, None).map_err(|e| format!("the page cannot be read ({e})"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article text was found in it ({e})"))?;
    let content = Document::from(article.content.as_ref());
    let mut writer = Writer::default();
    for node in content.select("body").nodes() {
        writer.blocks(node, "");
    }
    let notes: Vec<String> = writer
        .notes
        .iter()
        .filter(|(label, _)| writer.refs.contains(label))
        .map(|(label, text)| format!("[^{label}]: {text}"))
        .collect();
    let mut body = writer.out.join("\n\n");
    // A reference whose note the page does not hold is left out: the words
    // stay, and the format has no reference without its note.
    for label in writer
        .refs
        .iter()
        .filter(|l| !writer.notes.iter().any(|(n, _)| n == *l))
    {
        body = body.replace(&format!("[^{label}]"), "");
    }
    if !notes.is_empty() {
        body.push_str("\n\n");
        body.push_str(&notes.join("\n"));
    }
    let authors = article.byline.as_deref().map(authors).unwrap_or_default();
    Ok(Extracted {
        title: Some(fold_space(&article.title)).filter(|t| !t.is_empty()),
        authors,
        outlet: article.site_name.as_deref().map(fold_space).filter(|s| !s.is_empty()),
        published: article.published_time.as_deref().and_then(super::date_prefix),
        body,
        speakers: writer.speakers,
        url,
        ..Extracted::default()
    })
}

/// "By Jane Smith and Ann Lee" as names.
fn authors(byline: &str) -> Vec<String> {
    let byline = fold_space(byline);
    let byline = byline
        .strip_prefix("By ")
        .or_else(|| byline.strip_prefix("by "))
        .unwrap_or(&byline);
    byline
        .replace(" and ", ",")
        .replace(" & ", ",")
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect()
}

/// Turns the article's HTML into the format's blocks.
#[derive(Default)]
struct Writer {
    out: Vec<String>,
    /// Note labels referred to in the text, and the notes found.
    refs: Vec<String>,
    notes: Vec<(String, String)>,
    speakers: Vec<String>,
}

fn name(node: &NodeRef) -> String {
    node.node_name().map(|n| n.to_lowercase()).unwrap_or_default()
}

/// Where the page says it lives: its canonical link, else its Open Graph
/// `og:url`, else the `url` of its JSON-LD; never guessed from anything else.
fn page_url(page: &Document) -> Option<String> {
    let web = |u: &str| {
        let u = u.trim();
        (u.starts_with("https://") || u.starts_with("http://")).then(|| u.to_string())
    };
    let attr = |selector: &str, name: &str| {
        page.select(selector)
            .nodes()
            .iter()
            .find_map(|n| n.attr(name).and_then(|v| web(&v)))
    };
    attr("link[rel=canonical]", "href")
        .or_else(|| attr("meta[property='og:url']", "content"))
        .or_else(|| {
            page.select("script[type='application/ld+json']")
                .nodes()
                .iter()
                .find_map(|n| {
                    let json: serde_json::Value = serde_json::from_str(&n.text()).ok()?;
                    let items = match json {
                        serde_json::Value::Array(items) => items,
                        one => vec![one],
                    };
                    items.iter().find_map(|item| item.get("url")?.as_str().and_then(web))
                })
        })
}

/// Refuses a page whose elements nest deeper than [`MAX_DEPTH`], in one
/// pass over its text: tags are counted as they open and close, leaving out
/// those that never hold others (`<br>`, `<img>`, `<x/>`) and those whose
/// end a parser supplies (`<p>`, `<li>`, `<td>`...), comments, and the
/// text of scripts and styles.
fn check_depth(html: &str) -> Result<(), String> {
    const NO_CONTENT: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];
    const ENDS_SUPPLIED: &[&str] = &[
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb",
        "rt", "rp", "rtc", "html", "head", "body",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let end = memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |e| name_start + e + 1);
        at = end.max(start + 1);
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if NO_CONTENT.contains(&name.as_str()) || ENDS_SUPPLIED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if html[..end].ends_with("/>") {
            continue;
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            at = find_ignoring_case(&bytes[at..], close.as_bytes()).map_or(bytes.len(), |found| at + found);
            continue;
        }
        depth += 1;
        if depth > MAX_DEPTH {
            let line = html[..start].matches('\n').count() + 1;
            return Err(format!(
                "its elements nest more than {MAX_DEPTH} deep (by line {line}), deeper than any article page; it is not read"
            ));
        }
    }
    Ok(())
}

/// Where `needle` (which starts with `<`) first stands in `haystack`, in
/// any case.
fn find_ignoring_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'<', haystack).find(|&i| {
        haystack
            .get(i..i + needle.len())
            .is_some_and(|found| found.eq_ignore_ascii_case(needle))
    })
}

/// Words in a class or id that mark page furniture which Readability may
/// keep on a short page: a footer, a share bar, a newsletter box.
const FURNITURE: &[&str] = &[
    "footer",
    "sidebar",
    "comment",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "related",
    "cookie",
    "consent",
    "promo",
    "advert",
    "ad-slot",
    "breadcrumb",
];

/// A footnote's label, from an id such as "fn3" or "footnote-3".
fn note_label(id: &str) -> Option<String> {
    let label = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    (!label.is_empty()
        && label.chars().all(|c| c.is_ascii_digit())
        && (id.starts_with("fn") || id.starts_with("footnote")))
    .then(|| label.to_string())
}

impl Writer {
    /// Block-level content under `node`; `quote` prefixes set-off blocks.
    fn blocks(&mut self, node: &NodeRef, quote: &str) {
        for child in node.children() {
            if !child.is_element() {
                let text = fold_space(&child.text());
                if !text.is_empty() {
                    self.out.push(format!("{quote}{}", escape(&text)));
                }
                continue;
            }
            match name(&child).as_str() {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    let level = name(&child)[1..].parse::<usize>().unwrap_or(2).max(2);
                    let text = self.inline(&child);
                    if !text.is_empty() {
                        self.out.push(format!("{quote}{} {text}", "#".repeat(level)));
                    }
                }
                "p" => {
                    let text = self.inline(&child);
                    if !text.is_empty() {
                        self.out.push(format!("{quote}{text}"));
                    }
                }
                "blockquote" => self.blocks(&child, "> "),
                "ul" | "ol" => {
                    for item in child.children().iter().filter(|c| name(c) == "li") {
                        // A list of footnotes: the notes themselves.
                        if let Some(label) = item.attr("id").and_then(|id| note_label(&id)) {
                            let text = fold_space(&item.text());
                            let text = text.trim_end_matches(['↩', '↑']).trim().to_string();
                            // A label given twice is one note, the first; an empty one is none.
                            if !text.is_empty() && !self.notes.iter().any(|(l, _)| *l == label) {
                                self.notes.push((label, escape(&text)));
                            }
                            continue;
                        }
                        let text = self.inline(item);
                        if !text.is_empty() {
                            self.out.push(format!("{quote}- {text}"));
                        }
                    }
                }
                "figure" | "figcaption" | "img" | "picture" | "script" | "style" | "nav" | "aside" | "footer"
                | "header" | "form" | "button" | "iframe" | "svg" | "noscript" | "hr" => {}
                _ => self.blocks(&child, quote),
            }
        }
    }

    /// The words under `node` as one line, with the marks the format keeps:
    /// a bold lead-in ending in a colon (an interview turn) and note
    /// references.
    fn inline(&mut self, node: &NodeRef) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut lead_in = None;
        for (i, child) in node.children().iter().enumerate() {
            let tag = name(child);
            if child.is_element() && tag == "sup" {
                let target = child
                    .children()
                    .iter()
                    .find(|c| name(c) == "a")
                    .and_then(|a| a.attr("href"))
                    .and_then(|href| href.strip_prefix('#').and_then(note_label));
                if let Some(label) = target {
                    self.refs.push(label.clone());
                    parts.push(format!("[^{label}]"));
                    continue;
                }
            }
            let text = child.text().to_string();
            if i == 0 && child.is_element() && matches!(tag.as_str(), "strong" | "b") {
                let label = fold_space(&text);
                if let Some(label) = label.strip_suffix(':').filter(|l| !l.is_empty() && l.len() < 60) {
                    lead_in = Some(label.to_string());
                    continue;
                }
            }
            parts.push(escape(&text));
        }
        // Note references stand right after the word they follow.
        let mut line = String::new();
        for part in parts {
            if part.starts_with("[^") {
                line = line.trim_end().to_string();
            }
            line.push_str(&part);
        }
        let line = fold_space(&line);
        match lead_in {
            Some(label) => {
                if !self.speakers.contains(&label) {
                    self.speakers.push(label.clone());
                }
                format!("**{label}:** {line}")
            }
            None => line,
        }
    }
}
