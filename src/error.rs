//! The library's error type.

use crate::diagnostic::Diagnostic;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the folder {path}: {source}")]
    ReadFolder { path: String, source: std::io::Error },

    #[error("cannot read {path}: {source}")]
    ReadFile { path: String, source: std::io::Error },

    #[error("{}", render_problems(.0))]
    Invalid(Vec<Diagnostic>),

    #[error("no article has the id `{id}`; {known}")]
    UnknownArticle { id: String, known: String },

    #[error(
        "{folder} holds no article: an article is a .md file that starts with its front matter (articles/README.md shows one); `parallax import FILE --into {folder}` makes one from a web page, text or Markdown"
    )]
    NoArticles { folder: String },

    #[error("no theme has the id `{id}`; the themes are: {known}")]
    UnknownTheme { id: String, known: String },

    #[error("{0}")]
    Terminal(#[from] std::io::Error),
}

/// The most article ids an error lists; past them it names the closest.
const IDS_LISTED: usize = 12;

impl Error {
    /// No article has `id`: the ids there are, or in a large library the
    /// closest one and where to find the rest.
    pub fn unknown_article<'a>(id: &str, ids: impl ExactSizeIterator<Item = &'a str> + Clone) -> Error {
        let count = ids.len();
        let known = if count <= IDS_LISTED {
            format!("the articles are: {}", ids.collect::<Vec<_>>().join(", "))
        } else {
            let closest = crate::diagnostic::suggestion(id, ids)
                .map(|name| format!("did you mean `{name}`? "))
                .unwrap_or_default();
            format!(
                "{closest}there are {count} articles; `parallax list` (with the same --articles, if any) names them"
            )
        };
        Error::UnknownArticle {
            id: crate::sanitize::clean_line(id),
            known,
        }
    }
}

fn render_problems(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}
