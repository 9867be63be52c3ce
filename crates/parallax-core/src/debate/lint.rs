//! What `check` says of a map that loads but may not compare anything: a
//! theme with no passage, a claim no passage supports or on which everyone
//! takes one stance, a theme only one article speaks to, a passage that is
//! not the author's own words in an interview (the interviewer's question
//! or introduction); and relations that do not hold as labelled: an
//! "answer" between two observations of different dates, a "revision" by
//! someone else.

use super::{ArticleIx, DebateMap, End, Origin, Passage, Relation, RelationKind, Stance, Theme};
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
            warnings.extend(one_stance(theme).or_else(|| none_supports(theme)));
            warnings.extend(too_few_articles(theme));
        }
        for passage in &theme.passages {
            warnings.extend(not_the_authors_words(&corpus[passage.article], passage));
        }
    }
    for relation in &map.relations {
        warnings.extend(answer_across_dates(corpus, map, relation));
        warnings.extend(revised_by_another(corpus, relation));
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

fn none_supports(theme: &Theme) -> Option<Diagnostic> {
    if theme.shared || theme.passages.iter().any(|p| p.stance == Stance::Supports) {
        return None;
    }
    Some(Diagnostic::warning(
        &theme.origin.file,
        at(&theme.origin),
        format!(
            "no passage of theme `{}` supports its claim: it is a claim nobody holds",
            theme.id
        ),
        "recast the claim as one some author holds and another disputes, or mark the theme shared = true if it is a fact they share",
    ))
}

/// An end is an observation when every passage of the map it overlaps
/// reports a state of affairs (and it overlaps one).
fn is_observation(map: &DebateMap, end: &End) -> bool {
    let mut overlapped = map
        .themes
        .iter()
        .flat_map(|t| &t.passages)
        .filter(|p| p.article == end.article && p.anchor.overlaps(&end.anchor))
        .peekable();
    overlapped.peek().is_some() && overlapped.all(|p| p.stance == Stance::Reports)
}

/// Two observations made at different dates do not answer each other: the
/// later one saw a later state of affairs.
fn answer_across_dates(corpus: &Corpus, map: &DebateMap, relation: &Relation) -> Option<Diagnostic> {
    if !matches!(relation.kind, RelationKind::Answers | RelationKind::Rebuts) || relation.note.is_some() {
        return None;
    }
    let (from, to) = (&corpus[relation.from.article], &corpus[relation.to.article]);
    let (Some(from_date), Some(to_date)) = (from.meta.published, to.meta.published) else {
        return None;
    };
    if from_date == to_date || !is_observation(map, &relation.from) || !is_observation(map, &relation.to) {
        return None;
    }
    Some(Diagnostic::warning(
        &relation.origin.file,
        at(&relation.origin),
        format!(
            "the relation says `{}` {} `{}`, but both ends report observations of different dates ({} and {})",
            from.meta.id,
            relation.kind.name(),
            to.meta.id,
            from_date.iso(),
            to_date.iso()
        ),
        "a later observation does not answer an earlier one: relabel the relation, or add note = \"...\" saying why it holds",
    ))
}

/// A revision is an author's own later view: the two ends share an author.
fn revised_by_another(corpus: &Corpus, relation: &Relation) -> Option<Diagnostic> {
    if relation.kind != RelationKind::Revises {
        return None;
    }
    let (from, to) = (&corpus[relation.from.article], &corpus[relation.to.article]);
    let shared = from
        .meta
        .authors
        .iter()
        .any(|a| to.meta.authors.iter().any(|b| b.name == a.name));
    if shared {
        return None;
    }
    Some(Diagnostic::warning(
        &relation.origin.file,
        at(&relation.origin),
        format!(
            "the relation says `{}` revises `{}`, but the two share no author",
            from.meta.id, to.meta.id
        ),
        "revises is for an author's own later view; use answers, rebuts or builds-on between different authors",
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
    let whose = match block.speaker().map(|s| &article.meta.authors[s]) {
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
