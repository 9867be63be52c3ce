//! `export --format annotations` against the MUSTs of the W3C Web
//! Annotation Data Model, as the annotation-model tests of
//! web-platform-tests check them (JSON-LD context, ids, types, target,
//! body and bodyValue, textual bodies, specific resources and selectors,
//! motivations), and every position selector against the text it counts.

use std::process::Command;

use serde_json::Value;

/// The motivations the model defines (section 3.3.5).
const MOTIVATIONS: [&str; 13] = [
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

fn is_iri(value: &Value) -> bool {
    let Some(text) = value.as_str() else { return false };
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !text.chars().any(char::is_whitespace)
}

/// One value or each of an array's.
fn each(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

fn has_type(value: &Value, wanted: &str) -> bool {
    each(&value["type"]).iter().any(|t| *t == wanted)
}

fn check_motivation(value: &Value, at: &str, errors: &mut Vec<String>) {
    for m in each(value) {
        if !m.as_str().is_some_and(|m| MOTIVATIONS.contains(&m)) {
            errors.push(format!("{at}: {m} is not a motivation of the model"));
        }
    }
}

fn check_selector(selector: &Value, at: &str, errors: &mut Vec<String>) {
    if has_type(selector, "TextQuoteSelector") && !selector["exact"].is_string() {
        errors.push(format!("{at}: a TextQuoteSelector MUST have exactly one exact"));
    }
    if has_type(selector, "TextPositionSelector") {
        let (start, end) = (selector["start"].as_u64(), selector["end"].as_u64());
        if start.is_none() || end.is_none() || start > end {
            errors.push(format!(
                "{at}: a TextPositionSelector MUST have non-negative start <= end"
            ));
        }
    }
    if selector["type"].is_null() {
        errors.push(format!("{at}: a selector MUST have a type"));
    }
}

/// A body or target resource: an IRI, a textual body, a specific resource,
/// or an external resource with its IRI.
fn check_resource(resource: &Value, at: &str, errors: &mut Vec<String>) {
    if resource.is_string() {
        if !is_iri(resource) {
            errors.push(format!("{at}: {resource} is not an IRI"));
        }
        return;
    }
    if has_type(resource, "TextualBody") {
        if !resource["value"].is_string() {
            errors.push(format!("{at}: a TextualBody MUST have exactly one value"));
        }
        if !resource["purpose"].is_null() {
            check_motivation(&resource["purpose"], at, errors);
        }
        return;
    }
    if !resource["source"].is_null() {
        let source = &resource["source"];
        if !(is_iri(source) || is_iri(&source["id"])) {
            errors.push(format!("{at}: a SpecificResource MUST have a source with an IRI"));
        }
        for selector in each(&resource["selector"]).into_iter().filter(|s| !s.is_null()) {
            check_selector(selector, at, errors);
        }
        return;
    }
    if !is_iri(&resource["id"]) {
        errors.push(format!("{at}: an external resource MUST have an IRI"));
    }
}

fn check_annotation(annotation: &Value, errors: &mut Vec<String>) {
    let at = annotation["id"].to_string();
    if !is_iri(&annotation["id"]) {
        errors.push(format!(
            "{at}: an Annotation MUST have exactly one IRI that identifies it"
        ));
    }
    if !has_type(annotation, "Annotation") {
        errors.push(format!("{at}: an Annotation MUST have the type Annotation"));
    }
    if annotation["target"].is_null() || each(&annotation["target"]).is_empty() {
        errors.push(format!("{at}: an Annotation MUST have one or more targets"));
    }
    for target in each(&annotation["target"]) {
        check_resource(target, &at, errors);
    }
    if !annotation["body"].is_null() && !annotation["bodyValue"].is_null() {
        errors.push(format!("{at}: body and bodyValue MUST NOT both be present"));
    }
    for body in each(&annotation["body"]).into_iter().filter(|b| !b.is_null()) {
        check_resource(body, &at, errors);
    }
    if !annotation["motivation"].is_null() {
        check_motivation(&annotation["motivation"], &at, errors);
    }
}

fn conformance_errors(collection: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    if !each(&collection["@context"])
        .iter()
        .any(|c| *c == "http://www.w3.org/ns/anno.jsonld")
    {
        errors.push("the @context MUST include http://www.w3.org/ns/anno.jsonld".to_string());
    }
    if !has_type(collection, "AnnotationCollection") || !has_type(&collection["first"], "AnnotationPage") {
        errors.push("a collection's type, and its first page's".to_string());
    }
    let items = collection["first"]["items"].as_array().cloned().unwrap_or_default();
    if collection["total"].as_u64() != Some(items.len() as u64) {
        errors.push("total MUST count the annotations".to_string());
    }
    for annotation in &items {
        check_annotation(annotation, &mut errors);
    }
    errors
}

#[test]
fn the_checks_find_what_breaks_the_model() {
    let good = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": 1,
        "first": { "type": "AnnotationPage", "items": [{
            "id": "urn:x:1", "type": "Annotation", "motivation": "commenting",
            "body": { "type": "TextualBody", "value": "v", "purpose": "tagging" },
            "target": { "source": "urn:x:a", "selector": { "type": "TextPositionSelector", "start": 1, "end": 2 } },
        }]},
    });
    assert_eq!(conformance_errors(&good), Vec::<String>::new());
    for (path, bad) in [
        ("/first/items/0/id", Value::from("no iri")),
        ("/first/items/0/motivation", Value::from("liking")),
        ("/first/items/0/body/value", Value::Null),
        ("/first/items/0/target/selector/end", Value::from(0)),
        ("/first/items/0/bodyValue", Value::from("both")),
        ("/@context", Value::from("http://example.org/other")),
    ] {
        let mut broken = good.clone();
        let (parent, key) = path.rsplit_once('/').unwrap();
        broken.pointer_mut(parent).unwrap()[key] = bad;
        assert!(!conformance_errors(&broken).is_empty(), "{path}");
    }
}

#[test]
fn every_exported_annotation_meets_the_models_musts_and_its_positions_select_its_quote() {
    let data = std::env::temp_dir().join(format!("parallax-web-annotations-{}", std::process::id()));
    // The reader's own articles folder, beside the bundled ones.
    let articles = data.join("parallax/articles");
    std::fs::create_dir_all(&articles).unwrap();
    // An article whose page is known: its annotations point at the page.
    std::fs::write(
        articles.join("paged.md"),
        "+++\nid = \"paged\"\ntitle = \"A Page\"\noutlet = \"O\"\npublished = \"2024-05\"\nform = \"essay\"\nsource = \"s\"\nurl = \"https://example.org/a-page\"\n\n[[authors]]\nname = \"Ann Author\"\n+++\n\nThe tie is firm, Ann writes, whatever Washington offers.\n",
    )
    .unwrap();
    std::fs::write(
        articles.join("map.toml"),
        "[[passages]]\ntheme = \"wedge\"\narticle = \"paged\"\nquote = \"The tie is firm\"\nstance = \"opposes\"\nsummary = \"Ann: firm.\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["export", "--format", "annotations", "--all"])
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let collection: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = conformance_errors(&collection);
    assert!(errors.is_empty(), "{errors:#?}");

    let items = collection["first"]["items"].as_array().unwrap();
    let corpus = parallax::corpus::load(&parallax::corpus::bundled_sources()).corpus;
    let (map, _) = parallax::debate::load(&corpus, &parallax::corpus::bundled_maps());
    let linking: Vec<&Value> = items.iter().filter(|a| a["motivation"] == "linking").collect();
    assert_eq!(linking.len(), map.relations.len(), "a linking annotation per relation");
    // Where the source is parallax's text of the article, the positions
    // select exactly the quote.
    let mut positions = 0;
    for annotation in items {
        for resource in each(&annotation["target"]).into_iter().chain(each(&annotation["body"])) {
            let Some(id) = resource["source"]
                .as_str()
                .and_then(|s| s.strip_prefix("urn:parallax:article:"))
            else {
                continue;
            };
            let article = corpus.get(id).unwrap();
            let text =
                parallax::export::plain_text::PlainText::of(article, parallax::export::plain_text::LineEnding::Lf).text;
            let selectors = each(&resource["selector"]);
            let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector").unwrap();
            let position = selectors.iter().find(|s| s["type"] == "TextPositionSelector").unwrap();
            let (start, end) = (
                position["start"].as_u64().unwrap() as usize,
                position["end"].as_u64().unwrap() as usize,
            );
            let selected: String = text.chars().skip(start).take(end - start).collect();
            assert_eq!(selected, quote["exact"].as_str().unwrap(), "{}", annotation["id"]);
            positions += 1;
        }
    }
    assert!(positions > 100, "{positions}");
    // The page's passage: its URL as the source, selected by its quote alone.
    let paged = items
        .iter()
        .find(|a| a["target"]["source"] == "https://example.org/a-page")
        .expect("the paged article's passage");
    assert_eq!(paged["target"]["selector"]["type"], "TextQuoteSelector");
    assert_eq!(paged["target"]["selector"]["exact"], "The tie is firm");
    let _ = std::fs::remove_dir_all(&data);
}
