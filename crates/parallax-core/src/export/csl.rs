//! The articles as CSL-JSON, the bibliography format of Pandoc's citeproc,
//! Zotero and most reference managers: one item per article, its type by
//! its form, its authors split into family and given names, its date at the
//! precision it is known, its outlet as the container, its URL when known.

use serde_json::{Value, json};

use crate::corpus::{Article, Corpus, Form};

pub fn csl(corpus: &Corpus) -> String {
    let items: Vec<Value> = corpus.articles().iter().map(item).collect();
    let mut text = serde_json::to_string_pretty(&items).expect("plain data");
    text.push('\n');
    text
}

fn item(article: &Article) -> Value {
    let meta = &article.meta;
    let mut item = json!({
        "id": meta.id,
        "type": kind(article),
        "title": meta.title,
    });
    let authors: Vec<Value> = meta.authors.iter().map(|a| name(&a.name)).collect();
    if !authors.is_empty() {
        item["author"] = Value::Array(authors);
    }
    if !meta.outlet.is_empty() {
        item["container-title"] = json!(meta.outlet);
    }
    if let Some(date) = meta.published {
        let parts: Vec<u16> = std::iter::once(date.year)
            .chain(date.month.map(u16::from))
            .chain(date.day.map(u16::from))
            .collect();
        item["issued"] = json!({ "date-parts": [parts] });
    }
    if let Some(url) = &meta.url {
        item["URL"] = json!(url);
    }
    item
}

/// The CSL type for an article's form and where it appeared.
fn kind(article: &Article) -> &'static str {
    match article.meta.form {
        Some(Form::Interview | Form::QuestionAndAnswer) => "interview",
        Some(Form::Report) => "report",
        Some(Form::News) => "article-newspaper",
        _ if article.meta.outlet.is_empty() && article.meta.url.is_some() => "webpage",
        _ => "article-magazine",
    }
}

/// "Alexander Gabuev" as family "Gabuev", given "Alexander"; a name of one
/// word, or with a particle CSL cannot split safely, as a literal.
fn name(full: &str) -> Value {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.as_slice() {
        [given @ .., family] if !given.is_empty() => {
            json!({ "family": family, "given": given.join(" ") })
        }
        _ => json!({ "literal": full }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_article_is_an_item_with_its_authors_split_and_its_date_as_known() {
        let corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
        let items: Vec<Value> = serde_json::from_str(&csl(&corpus)).unwrap();
        assert_eq!(items.len(), corpus.len());
        let gabuev = items.iter().find(|i| i["id"] == "gabuev-2024").unwrap();
        assert_eq!(gabuev["author"][0], json!({ "family": "Gabuev", "given": "Alexander" }));
        assert_eq!(gabuev["issued"], json!({ "date-parts": [[2024, 4]] }));
        assert_eq!(gabuev["container-title"], "Foreign Affairs");
        assert_eq!(gabuev["type"], "article-magazine");
        let manning = items.iter().find(|i| i["id"] == "manning-sun-2023").unwrap();
        assert_eq!(manning["issued"], json!({ "date-parts": [[2023]] }));
        assert_eq!(manning["author"].as_array().unwrap().len(), 2);
        let interview = items.iter().find(|i| i["id"] == "yun-sun-2022").unwrap();
        assert_eq!(interview["type"], "interview");
        assert!(gabuev.get("URL").is_none(), "no URL is invented");
    }
}
