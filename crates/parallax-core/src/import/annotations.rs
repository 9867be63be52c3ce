//! Annotations made elsewhere, read to become the reader's own passages: a
//! Hypothesis export (`annotations` with `uri`, `text`, `tags` and a
//! `TextQuoteSelector`), or W3C Web Annotations (a collection, a list, or
//! one), the shape `export --format annotations` writes among them. Each
//! annotation gives the page it is on, the quote, its tags (themes and a
//! stance) and its text (the summary).

use serde_json::Value;

use crate::ids::{ArticleId, ThemeId};

/// One annotation, as far as a passage needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// The page or resource it is on.
    pub uri: String,
    pub exact: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// Its tags: theme ids or names, and a stance.
    pub tags: Vec<String>,
    /// What it says: the summary.
    pub text: String,
}

/// What a file holds: the annotations that can be passages, and how many
/// others there were and why they cannot.
#[derive(Debug, Default)]
pub struct Read {
    pub annotations: Vec<Incoming>,
    pub skipped: Vec<String>,
}

/// Reads a Hypothesis export or W3C Web Annotations; an error says what the
/// file is instead.
pub fn read(text: &str) -> Result<Read, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let items: Vec<&Value> = if let Some(list) = value.get("annotations").and_then(Value::as_array) {
        list.iter().collect()
    } else if let Some(list) = value.pointer("/first/items").and_then(Value::as_array) {
        list.iter().collect()
    } else if let Some(list) = value.get("items").and_then(Value::as_array) {
        list.iter().collect()
    } else if let Some(list) = value.as_array() {
        list.iter().collect()
    } else if value.get("target").is_some() {
        vec![&value]
    } else {
        return Err(
            "neither a Hypothesis export (an object with `annotations`) nor W3C Web Annotations (an Annotation, a list of them, or an AnnotationCollection)"
                .into(),
        );
    };
    let mut read = Read::default();
    for (n, item) in items.into_iter().enumerate() {
        match incoming(item) {
            Ok(annotation) => read.annotations.push(annotation),
            Err(why) => read.skipped.push(format!("annotation {}: {why}", n + 1)),
        }
    }
    Ok(read)
}

fn each(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

fn incoming(item: &Value) -> Result<Incoming, String> {
    if each(&item["motivation"]).iter().any(|m| *m == "linking") {
        return Err("it links two passages (a relation), which is no passage".into());
    }
    let targets = each(&item["target"]);
    let target = targets.first().ok_or("it has no target")?;
    let uri = string(&target["source"])
        .or_else(|| string(&target["source"]["id"]))
        .or_else(|| string(&item["uri"]))
        .or_else(|| string(target))
        .ok_or("its target names no page")?;
    let quote = each(&target["selector"])
        .into_iter()
        .find(|s| s["type"] == "TextQuoteSelector")
        .ok_or("it quotes nothing (a page note, or a selector other than a quote)")?;
    let exact = string(&quote["exact"]).ok_or("its quote has no exact words")?;
    let mut tags: Vec<String> = each(&item["tags"]).into_iter().filter_map(string).collect();
    let mut text = string(&item["text"]).or_else(|| string(&item["bodyValue"]));
    for body in each(&item["body"]) {
        let purpose = &body["purpose"];
        if *purpose == "tagging" || *purpose == "classifying" {
            // A theme exported by parallax names itself by its urn.
            let id = body["id"]
                .as_str()
                .and_then(|id| id.strip_prefix("urn:parallax:theme:"));
            tags.extend(id.map(str::to_string).or_else(|| string(&body["value"])));
        } else if *purpose == "commenting" || purpose.is_null() {
            text = text.or_else(|| string(&body["value"]));
        }
    }
    Ok(Incoming {
        uri,
        exact,
        prefix: string(&quote["prefix"]).filter(|s| !s.is_empty()),
        suffix: string(&quote["suffix"]).filter(|s| !s.is_empty()),
        tags,
        text: text.unwrap_or_default(),
    })
}

/// The article an annotation's page is: by the article's own urn, or by
/// the URL its front matter gives (a trailing slash, a fragment and the
/// scheme's case aside).
pub fn article_for<'a>(
    uri: &str,
    articles: impl Iterator<Item = (&'a ArticleId, Option<&'a str>)>,
) -> Option<ArticleId> {
    let page = |u: &str| -> String {
        let u = u.split('#').next().unwrap_or(u).trim_end_matches('/');
        u.to_lowercase()
    };
    let wanted = page(uri);
    let urn = uri.strip_prefix("urn:parallax:article:");
    articles
        .into_iter()
        .find(|(id, url)| urn == Some(id.as_str()) || url.is_some_and(|u| page(u) == wanted))
        .map(|(id, _)| id.clone())
}

/// A tag as a new theme's id: lowercase letters, digits and hyphens.
pub fn theme_id_for(tag: &str) -> ThemeId {
    let mut id = String::new();
    for c in tag.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    ThemeId::from(id.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hypothesis_export_and_w3c_annotations_give_the_same_passage() {
        let hypothesis = r#"{"export_date":"x","export_userid":"acct:a@b","client_version":"1","annotations":[
            {"uri":"https://example.org/p","text":"S.","tags":["wedge","opposes"],
             "target":[{"source":"https://example.org/p","selector":[{"type":"RangeSelector"},{"type":"TextQuoteSelector","exact":"E","prefix":"P","suffix":""}]}]},
            {"uri":"https://example.org/p","text":"page note","tags":[],"target":[{"source":"https://example.org/p"}]}]}"#;
        let read = read(hypothesis).unwrap();
        assert_eq!(read.skipped.len(), 1, "the page note: {:?}", read.skipped);
        let w3c = r#"{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":{"items":[
            {"type":"Annotation","motivation":"classifying","body":[
                {"type":"TextualBody","purpose":"tagging","value":"The wedge","id":"urn:parallax:theme:wedge"},
                {"type":"TextualBody","purpose":"classifying","value":"opposes"},
                {"type":"TextualBody","purpose":"commenting","value":"S."}],
             "target":{"source":"https://example.org/p","selector":[{"type":"TextQuoteSelector","exact":"E","prefix":"P"},{"type":"TextPositionSelector","start":0,"end":1}]}},
            {"type":"Annotation","motivation":"linking","body":"urn:a","target":"urn:b"}]}}"#;
        let other = super::read(w3c).unwrap();
        assert_eq!(other.annotations, read.annotations);
        assert_eq!(other.skipped.len(), 1, "the relation: {:?}", other.skipped);
        assert!(
            super::read("{\"a\": 1}")
                .unwrap_err()
                .contains("neither a Hypothesis export")
        );
    }

    #[test]
    fn a_page_is_found_by_its_url_or_its_urn_and_a_tag_becomes_an_id() {
        let (a, b) = (ArticleId::from("a"), ArticleId::from("b"));
        let articles = || [(&a, Some("https://Example.org/page/")), (&b, None)].into_iter();
        assert_eq!(article_for("https://example.org/page#x", articles()), Some(a.clone()));
        assert_eq!(article_for("urn:parallax:article:b", articles()), Some(b.clone()));
        assert_eq!(article_for("https://example.org/other", articles()), None);
        assert_eq!(
            theme_id_for("  Soft Power / Europe! "),
            ThemeId::from("soft-power-europe")
        );
    }
}
