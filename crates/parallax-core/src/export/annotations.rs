//! The map's passages as W3C Web Annotations (JSON-LD): each passage an
//! annotation whose target is its article, selected by a TextQuoteSelector,
//! and whose bodies carry the theme (tagging), the stance (classifying) and
//! the summary (commenting).

use serde_json::{Value, json};

use crate::corpus::Corpus;
use crate::debate::DebateMap;

/// Characters of context given before and after each quote.
const CONTEXT_CHARS: usize = 32;

/// The reader's own passages as an annotation collection; with `all`, the
/// bundled map's too.
pub fn annotations(corpus: &Corpus, map: &DebateMap, all: bool) -> String {
    let mut items = Vec::new();
    for theme in &map.themes {
        for (n, passage) in theme.passages.iter().enumerate().filter(|(_, p)| all || p.mine) {
            let article = &corpus[passage.article];
            let (prefix, suffix) = passage.anchor.context(article, CONTEXT_CHARS);
            let mut annotation = json!({
                "id": format!("urn:parallax:passage:{}:{}:{n}", theme.id, article.meta.id),
                "type": "Annotation",
                "body": [
                    {
                        "type": "TextualBody",
                        "purpose": "tagging",
                        "value": theme.title,
                        "id": format!("urn:parallax:theme:{}", theme.id),
                    },
                    { "type": "TextualBody", "purpose": "classifying", "value": passage.stance.name() },
                    { "type": "TextualBody", "purpose": "commenting", "value": passage.summary },
                ],
                "target": {
                    "source": format!("urn:parallax:article:{}", article.meta.id),
                    "selector": {
                        "type": "TextQuoteSelector",
                        "exact": passage.text(article),
                        "prefix": prefix,
                        "suffix": suffix,
                    },
                },
            });
            if passage.mine {
                annotation["creator"] = json!({ "type": "Person", "name": "the reader" });
            }
            items.push(annotation);
        }
    }
    let collection: Value = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": map.question,
        "total": items.len(),
        "first": { "type": "AnnotationPage", "items": items },
    });
    let mut text = serde_json::to_string_pretty(&collection).expect("plain data");
    text.push('\n');
    text
}
