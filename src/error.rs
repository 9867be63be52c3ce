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

    #[error("no article has the id `{id}`; the articles are: {known}")]
    UnknownArticle { id: String, known: String },

    #[error("no theme has the id `{id}`; the themes are: {known}")]
    UnknownTheme { id: String, known: String },

    #[error("{0}")]
    Terminal(#[from] std::io::Error),
}

fn render_problems(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}
