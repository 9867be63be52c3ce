//! The passages as a Hypothesis export: the file Hypothesis's own export
//! writes and its import reads (`export_date`, `export_userid`,
//! `client_version`, `annotations`), each passage an annotation of its
//! article's page with the summary as its text and the theme and stance as
//! tags. Hypothesis annotates pages: a passage of an article whose page is
//! not known, the reader's views and the titles and claims of their own
//! themes cannot go, and are named as left out.

use serde_json::{Value, json};

use crate::corpus::Corpus;
use crate::debate::DebateMap;

/// The account the annotations are written as; Hypothesis assigns its own
/// on import.
const USER: &str = "acct:reader@parallax.invalid";

/// Characters of context given before and after each quote.
const CONTEXT_CHARS: usize = 32;

pub struct Hypothesis {
    /// The export file.
    pub json: String,
    /// What could not go, one line each.
    pub left_out: Vec<String>,
}

/// The reader's passages (with `all`, every passage of the map) as a
/// Hypothesis export dated `now` (RFC 3339).
pub fn hypothesis(corpus: &Corpus, map: &DebateMap, all: bool, now: &str) -> Hypothesis {
    let mut annotations = Vec::new();
    let mut pageless: Vec<(&str, usize)> = Vec::new();
    for theme in &map.themes {
        for passage in theme.passages.iter().filter(|p| all || p.mine) {
            let article = &corpus[passage.article];
            let Some(url) = &article.meta.url else {
                match pageless.iter_mut().find(|(id, _)| *id == article.meta.id.as_str()) {
                    Some((_, n)) => *n += 1,
                    None => pageless.push((article.meta.id.as_str(), 1)),
                }
                continue;
            };
            let (prefix, suffix) = passage.anchor.context(article, CONTEXT_CHARS);
            annotations.push(json!({
                "id": format!("parallax-{}", annotations.len() + 1),
                "created": now,
                "updated": now,
                "user": USER,
                "uri": url,
                "text": passage.summary,
                "tags": [theme.id.as_str(), passage.stance.name()],
                "group": "__world__",
                "permissions": {
                    "read": ["group:__world__"],
                    "admin": [USER],
                    "update": [USER],
                    "delete": [USER],
                },
                "target": [{
                    "source": url,
                    "selector": [{
                        "type": "TextQuoteSelector",
                        "exact": passage.text(article),
                        "prefix": prefix,
                        "suffix": suffix,
                    }],
                }],
                "document": { "title": [article.meta.title] },
                "links": {},
                "flagged": false,
                "hidden": false,
                "user_info": { "display_name": Value::Null },
            }));
        }
    }
    let mut left_out: Vec<String> = pageless
        .into_iter()
        .map(|(id, n)| {
            format!(
                "{n} passage{} of {id}, whose page is not known (add url = \"https://...\" to its front matter)",
                if n == 1 { "" } else { "s" }
            )
        })
        .collect();
    for theme in map.themes.iter().filter(|t| t.view.is_some()) {
        left_out.push(format!(
            "your view on {}: Hypothesis annotates pages, and a view is on none",
            theme.id
        ));
    }
    for theme in map.themes.iter().filter(|t| t.mine) {
        left_out.push(format!(
            "the title and claim of your theme {}: Hypothesis keeps only its tag",
            theme.id
        ));
    }
    let export = json!({
        "export_date": now,
        "export_userid": USER,
        "client_version": concat!("parallax ", env!("CARGO_PKG_VERSION")),
        "annotations": annotations,
    });
    let mut json = serde_json::to_string_pretty(&export).expect("plain data");
    json.push('\n');
    Hypothesis { json, left_out }
}

/// Now, as Hypothesis dates its exports.
pub fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
