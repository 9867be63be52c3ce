//! The library's error type.

use crate::diagnostic::Diagnostic;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the folder {path}: {source}")]
    ReadFolder { path: String, source: std::io::Error },

    #[error("cannot read {path}: {source}")]
    ReadFile {
        path: String,
        source: crate::files::ReadError,
    },

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

    #[error("cannot write {path}: {source}")]
    WriteFile { path: String, source: std::io::Error },

    #[error(
        "{format} is a zip archive, not text: name the file to write it to (parallax export --format {format} debate.{format})"
    )]
    ArchiveNeedsFile { format: String },

    #[error("{path} holds no annotations parallax can read: {why}")]
    NotAnnotations { path: String, why: String },

    #[error(
        "there is no place for your own map: set XDG_DATA_HOME or HOME (it is kept in $XDG_DATA_HOME/parallax/map.toml)"
    )]
    NoOwnMap,

    #[error("{0}")]
    Terminal(#[from] std::io::Error),
}

impl Error {
    /// No article has `id`: the nearest, and the ids there are or, in a
    /// large library, how many and where to find them.
    pub fn unknown_article<'a>(id: &str, ids: impl IntoIterator<Item = &'a str>) -> Error {
        Error::UnknownArticle {
            id: crate::sanitize::clean_line(id),
            known: crate::diagnostic::unknown_name_help(&crate::diagnostic::ARTICLE, id, ids),
        }
    }
}

fn render_problems(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}
