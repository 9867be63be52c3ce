//! The map's passages as W3C Web Annotations (JSON-LD): each passage an
//! annotation (motivation `classifying`) whose target is its article,
//! selected by a TextQuoteSelector and, where the source is parallax's own
//! text, a TextPositionSelector in code points; whose bodies carry the theme
//! (tagging), the stance (classifying) and the summary (commenting). With
//! the whole map, each relation is a `linking` annotation from one passage
//! to the other.

use serde_json::{Value, json};

use super::plain_text::{LineEnding, PlainText};
use crate::corpus::{Article, Corpus};
use crate::debate::{Anchor, DebateMap};

/// Characters of context given before and after each quote.
const CONTEXT_CHARS: usize = 32;

/// The reader's own passages as an annotation collection; with `all`, the
/// bundled map's too.
pub fn annotations(corpus: &Corpus, map: &DebateMap, all: bool) -> String {
    let mut items = Vec::new();
    for theme in &map.themes {
        for (n, passage) in theme.passages.iter().enumerate().filter(|(_, p)| all || p.mine) {
            let article = &corpus[passage.article];
            let mut annotation = json!({
                "id": format!("urn:parallax:passage:{}:{}:{n}", theme.id, article.meta.id),
                "type": "Annotation",
                "motivation": "classifying",
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
                "target": target(article, &passage.anchor),
            });
            if passage.mine {
                annotation["creator"] = json!({ "type": "Person", "name": "the reader" });
            }
            items.push(annotation);
        }
    }
    if all {
        for (n, relation) in map.relations.iter().enumerate() {
            let (from, to) = (&corpus[relation.from.article], &corpus[relation.to.article]);
            // The body is the passage linked to; the target, the one it is linked from.
            let mut linked = target(to, &relation.to.anchor);
            linked["type"] = json!("SpecificResource");
            items.push(json!({
                "id": format!("urn:parallax:relation:{n}:{}:{}", from.meta.id, to.meta.id),
                "type": "Annotation",
                "motivation": "linking",
                "body": [
                    linked,
                    { "type": "TextualBody", "purpose": "classifying", "value": relation.kind.name() },
                    { "type": "TextualBody", "purpose": "describing", "value": relation.summary },
                ],
                "target": target(from, &relation.from.anchor),
            }));
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

/// A stretch of an article as a specific resource: the article's URL as
/// its source when known, selected by its quote; else parallax's own text
/// of it, selected by its quote and by its position there in code points
/// (positions in a web page's text would count other characters).
fn target(article: &Article, anchor: &Anchor) -> Value {
    let (prefix, suffix) = anchor.context(article, CONTEXT_CHARS);
    let quote =
        |exact: String| json!({ "type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix });
    match &article.meta.url {
        Some(url) => json!({ "source": url, "selector": quote(anchor.text(article)) }),
        None => {
            let text = PlainText::of(article, LineEnding::Lf);
            let (start, end) = text.span(article, anchor);
            // The quote as it stands in that text, blocks apart as they are there.
            let exact: String = text.text.chars().skip(start).take(end - start).collect();
            json!({
                "source": format!("urn:parallax:article:{}", article.meta.id),
                "selector": [quote(exact), { "type": "TextPositionSelector", "start": start, "end": end }],
            })
        }
    }
}
