//! The front matter that Markdown from blogs and notes opens with: YAML
//! between `---` lines (Jekyll, Hugo, Obsidian, Pandoc) or TOML between
//! `+++` lines (Hugo). What it says of the article is taken (title,
//! authors, date, description, where it lives); the block itself leaves the
//! body. A `+++` block that is a parallax article's own front matter is
//! not taken: that file is an article already.

use yaml_rust2::{Yaml, YamlLoader};

use super::Refusal;
use crate::corpus::Published;

/// What the front matter said of the article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Found {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    pub description: Option<String>,
    /// Where the article lives: `source`, `url` or `canonical_url`.
    pub url: Option<String>,
    /// A block that could not be read, and why: left out, and said.
    pub unread: Option<String>,
}

/// Splits `text` into what its front matter says and the rest.
pub fn split(text: &str) -> Result<(Option<Found>, &str), Refusal> {
    let Some((fence, block, body)) = fenced(text) else {
        return Ok((None, text));
    };
    let found = match fence {
        "---" => from_yaml(block),
        _ => from_toml(block)?,
    };
    Ok((Some(found), body))
}

/// The fence, the block between the fences and the rest, when `text` opens
/// with a front matter block.
fn fenced(text: &str) -> Option<(&'static str, &str, &str)> {
    let fence = ["---", "+++"]
        .into_iter()
        .find(|f| text.lines().next().is_some_and(|first| first.trim_end() == *f))?;
    let after_open = text.split_once('\n')?.1;
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end();
        // YAML may also close with `...`.
        if bare == fence || (fence == "---" && bare == "...") {
            return Some((fence, &after_open[..offset], &after_open[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

fn from_yaml(block: &str) -> Found {
    let doc = match YamlLoader::load_from_str(block) {
        Ok(mut docs) if !docs.is_empty() => docs.swap_remove(0),
        Ok(_) => return Found::default(),
        Err(e) => {
            return Found {
                unread: Some(format!(
                    "the YAML front matter could not be read (line {}: {}); it is left out",
                    e.marker().line() + 1,
                    e.info()
                )),
                ..Found::default()
            };
        }
    };
    let text = |key: &str| scalar(&doc[key]);
    Found {
        title: text("title"),
        authors: names(&doc["authors"])
            .or_else(|| names(&doc["author"]))
            .unwrap_or_default(),
        published: text("date")
            .or_else(|| text("published"))
            .and_then(|d| super::date_prefix(&d)),
        description: text("description").or_else(|| text("summary")),
        url: text("canonical_url").or_else(|| text("url")).or_else(|| text("source")),
        unread: None,
    }
}

/// A YAML scalar as text, whatever its type; `None` when absent or empty.
fn scalar(value: &Yaml) -> Option<String> {
    let text = match value {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(n) => n.to_string(),
        _ => return None,
    };
    Some(super::fold_space(&text)).filter(|t| !t.is_empty())
}

/// Authors given as a name, a list of names, or maps with a `name`.
fn names(value: &Yaml) -> Option<Vec<String>> {
    let one = |v: &Yaml| scalar(v).or_else(|| scalar(&v["name"]));
    match value {
        Yaml::Array(items) => Some(items.iter().filter_map(one).collect()),
        Yaml::BadValue | Yaml::Null => None,
        other => one(other).map(|name| vec![name]),
    }
    .filter(|names: &Vec<String>| !names.is_empty())
}

fn from_toml(block: &str) -> Result<Found, Refusal> {
    let table: toml::Table = match toml::from_str(block) {
        Ok(table) => table,
        Err(e) => {
            return Ok(Found {
                unread: Some(format!(
                    "the TOML front matter could not be read ({}); it is left out",
                    e.message().trim()
                )),
                ..Found::default()
            });
        }
    };
    // parallax's own front matter names the article and says where and when.
    let article = table.contains_key("id") && ["published", "outlet", "form"].iter().any(|k| table.contains_key(*k))
        || table
            .get("authors")
            .and_then(toml::Value::as_array)
            .is_some_and(|a| a.iter().any(toml::Value::is_table));
    if article {
        return Err(Refusal::new(
            "the file already has an article's front matter",
            "it is an article already: copy it into the folder (parallax check tells what is wrong with it)",
        ));
    }
    let text = |key: &str| {
        let value = table.get(key)?;
        let text = match value {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            toml::Value::Integer(n) => n.to_string(),
            _ => return None,
        };
        Some(super::fold_space(&text)).filter(|t| !t.is_empty())
    };
    let names = |key: &str| -> Option<Vec<String>> {
        let list: Vec<String> = match table.get(key)? {
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Array(items) => items
                .iter()
                .filter_map(|v| v.as_str().or_else(|| v.get("name")?.as_str()).map(String::from))
                .collect(),
            _ => Vec::new(),
        };
        Some(list).filter(|l| !l.is_empty())
    };
    Ok(Found {
        title: text("title"),
        authors: names("authors").or_else(|| names("author")).unwrap_or_default(),
        published: text("date").and_then(|d| super::date_prefix(&d)),
        description: text("description").or_else(|| text("summary")),
        url: text("canonical_url").or_else(|| text("url")).or_else(|| text("source")),
        unread: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_of_the_usual_shapes_is_read_and_leaves_the_body() {
        let text = "---\ntitle: \"The Wedge, Revisited\"\nauthor:\n  - Jane Roe\n  - name: John Doe\ndate: 2024-05-17T08:00:00Z\ndescription: >\n  Why it will not work.\ncanonical_url: https://example.org/wedge\ntags: [a, b]\n---\n\n# The Wedge, Revisited\n\nBody.\n";
        let (found, body) = split(text).unwrap();
        let found = found.unwrap();
        assert_eq!(found.title.as_deref(), Some("The Wedge, Revisited"));
        assert_eq!(found.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(found.published.map(|p| p.iso()).as_deref(), Some("2024-05-17"));
        assert_eq!(found.description.as_deref(), Some("Why it will not work."));
        assert_eq!(found.url.as_deref(), Some("https://example.org/wedge"));
        assert_eq!(body, "\n# The Wedge, Revisited\n\nBody.\n");
    }

    #[test]
    fn hugo_toml_front_matter_is_read_and_an_articles_own_is_refused() {
        let text = "+++\ntitle = \"Notes\"\nauthors = [\"A. Writer\"]\ndate = \"2023-02\"\n+++\nBody.\n";
        let (found, body) = split(text).unwrap();
        let found = found.unwrap();
        assert_eq!(found.title.as_deref(), Some("Notes"));
        assert_eq!(found.authors, ["A. Writer"]);
        assert_eq!(body, "Body.\n");
        let article = "+++\nid = \"a-1\"\ntitle = \"A\"\npublished = \"2024\"\n+++\nBody.\n";
        assert!(split(article).unwrap_err().problem.contains("article's front matter"));
    }

    #[test]
    fn a_block_that_is_not_yaml_is_left_out_and_said_and_no_block_is_no_front_matter() {
        let (found, body) = split("---\ntitle: [unclosed\n---\nBody.\n").unwrap();
        assert!(found.unwrap().unread.unwrap().contains("could not be read (line"));
        assert_eq!(body, "Body.\n");
        let plain = "--- a rule, not a fence\nText.\n";
        assert_eq!(split(plain).unwrap(), (None, plain));
        assert_eq!(split("---\nnever closed\n").unwrap().0, None);
    }
}
