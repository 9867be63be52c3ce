//! What `check` says of a map that loads but may not compare anything: a
//! theme with no passage, a theme on which everyone takes one stance, a
//! theme only one article speaks to, and a passage that is not the author's own words in an
//! interview (the interviewer's question or introduction).

use super::{ArticleIx, DebateMap, Origin, Passage, Theme};
use crate::corpus::{Article, Corpus, Form, Role};
use crate::diagnostic::{Diagnostic, Location};

/// Warnings for the map, each at the theme or passage it is about.
pub fn lint(corpus: &Corpus, map: &DebateMap) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for theme in &map.themes {
        if theme.passages.is_empty() {
            warnings.push(no_passages(theme));
            continue;
        }
        // A theme the reader just added has one passage to begin with.
        if !theme.mine {
            warnings.extend(one_stance(theme));
            warnings.extend(too_few_articles(theme));
        }
        for passage in &theme.passages {
            warnings.extend(not_the_authors_words(&corpus[passage.article], passage));
        }
    }
    warnings
}

fn at(origin: &Origin) -> Location {
    Location {
        line: origin.line,
        column: 1,
    }
}

fn one_stance(theme: &Theme) -> Option<Diagnostic> {
    let first = theme.passages.first()?.stance;
    if theme.shared || theme.passages.iter().any(|p| p.stance != first) {
        return None;
    }
    Some(Diagnostic::warning(
        &theme.origin.file,
        at(&theme.origin),
        format!(
            "every passage of theme `{}` {} its claim: the theme compares nothing",
            theme.id, first
        ),
        "recast the claim so that it is one the authors differ on, or mark the theme shared = true if it is a fact they share",
    ))
}

fn no_passages(theme: &Theme) -> Diagnostic {
    Diagnostic::warning(
        &theme.origin.file,
        at(&theme.origin),
        format!("theme `{}` has no passage: it shows nothing", theme.id),
        "place passages on it (t in the reader), or delete the theme from the map",
    )
}

fn too_few_articles(theme: &Theme) -> Option<Diagnostic> {
    let mut articles: Vec<ArticleIx> = theme.passages.iter().map(|p| p.article).collect();
    articles.dedup();
    if articles.len() >= 2 {
        return None;
    }
    Some(Diagnostic::warning(
        &theme.origin.file,
        at(&theme.origin),
        format!(
            "theme `{}` cites {} article{}: there is nothing to compare",
            theme.id,
            articles.len(),
            if articles.len() == 1 { "" } else { "s" }
        ),
        "add the passages where other authors speak to the claim, or fold the theme into another",
    ))
}

/// In an interview, what counts is the interviewee's position: a quote from
/// the introduction or from an interviewer's turn is not it.
fn not_the_authors_words(article: &Article, passage: &Passage) -> Option<Diagnostic> {
    if !matches!(article.meta.form, Some(Form::Interview | Form::QuestionAndAnswer)) {
        return None;
    }
    let block = &article[passage.anchor.start_block];
    let whose = match block.speaker.map(|s| &article.meta.authors[s]) {
        Some(author) if author.role == Role::Interviewer => format!("the interviewer's turn ({})", author.name),
        Some(_) => return None,
        None => "the introduction, before anyone speaks".to_string(),
    };
    Some(Diagnostic::warning(
        &passage.origin.file,
        at(&passage.origin),
        format!("the quote from `{}` stands in {whose} ({})", article.meta.id, block.id),
        "quote the interviewee's own words: in an interview, theirs is the position that counts",
    ))
}
