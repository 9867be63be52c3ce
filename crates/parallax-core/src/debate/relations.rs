//! Who answers whom: relations between two passages (usually of different
//! articles), each end anchored by quote like a passage, and the dated
//! events the articles refer to.

use serde::Deserialize;
use toml::Spanned;

use super::anchor::{Normalized, QuoteRef, anchor_quote};
use super::{Anchor, ArticleIx, DebateMap, Origin, Passage, ThemeIx};
use crate::corpus::{Corpus, Published};
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::sanitize::clean_line;

/// How one passage stands to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// Responds to it, explicitly or not.
    Answers,
    /// Argues against it.
    Rebuts,
    /// Gives reasons for it.
    Supports,
    /// Takes it further.
    BuildsOn,
    /// Cites the same fact or figure.
    SameEvidence,
    /// The same author's later view of it, changed: not an answer to
    /// someone else.
    Revises,
}

impl RelationKind {
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::Answers => "answers",
            RelationKind::Rebuts => "rebuts",
            RelationKind::Supports => "supports",
            RelationKind::BuildsOn => "builds-on",
            RelationKind::SameEvidence => "same-evidence",
            RelationKind::Revises => "revises",
        }
    }

    /// As a sentence says it: "answers", "builds on", "cites the same evidence as".
    pub fn verb(self) -> &'static str {
        match self {
            RelationKind::Answers => "answers",
            RelationKind::Rebuts => "rebuts",
            RelationKind::Supports => "supports",
            RelationKind::BuildsOn => "builds on",
            RelationKind::SameEvidence => "cites the same evidence as",
            RelationKind::Revises => "revises",
        }
    }

    /// The verb after a subject of several authors: "rebut", "build on".
    pub fn verb_plural(self) -> &'static str {
        match self {
            RelationKind::Answers => "answer",
            RelationKind::Rebuts => "rebut",
            RelationKind::Supports => "support",
            RelationKind::BuildsOn => "build on",
            RelationKind::SameEvidence => "cite the same evidence as",
            RelationKind::Revises => "revise",
        }
    }

    /// The other end seen from the `to` side: "answered by", ...
    pub fn passive(self) -> &'static str {
        match self {
            RelationKind::Answers => "answered by",
            RelationKind::Rebuts => "rebutted by",
            RelationKind::Supports => "supported by",
            RelationKind::BuildsOn => "built on by",
            RelationKind::SameEvidence => "cites the same evidence as",
            RelationKind::Revises => "revised by",
        }
    }
}

/// One end of a relation: an anchored stretch of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    pub article: ArticleIx,
    pub anchor: Anchor,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub kind: RelationKind,
    /// What the relation is, in the map's own words.
    pub summary: String,
    pub from: End,
    pub to: End,
    /// Why the relation holds where it might seem not to (an answer across
    /// dates, say), in the map's own words.
    pub note: Option<String>,
    pub origin: Origin,
}

/// A passage of the map: its theme, and its place among the theme's passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PassageAt {
    pub theme: ThemeIx,
    pub index: usize,
}

impl DebateMap {
    pub fn passage(&self, at: PassageAt) -> &Passage {
        &self[at.theme].passages[at.index]
    }

    /// The passages an end overlaps, in the map's order.
    fn passages_at_end(&self, end: &End) -> Vec<PassageAt> {
        self.enumerate_themes()
            .flat_map(|(theme, t)| {
                t.passages
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.article == end.article && p.anchor.overlaps(&end.anchor))
                    .map(move |(index, _)| PassageAt { theme, index })
            })
            .collect()
    }

    /// The passages a relation's two ends stand on, as an export joins
    /// them: where the same words are passages on several themes, the pair
    /// on one theme (a relation on the price of a wedge joins the passages
    /// on that theme, not those on the Kissinger analogy that quote the
    /// same sentence); else the first passage each end overlaps, or none
    /// for an end no passage holds.
    pub fn relation_passages(&self, relation: &Relation) -> (Option<PassageAt>, Option<PassageAt>) {
        let (from, to) = (self.passages_at_end(&relation.from), self.passages_at_end(&relation.to));
        let on_one_theme = from
            .iter()
            .flat_map(|f| to.iter().map(move |t| (*f, *t)))
            .find(|(f, t)| f.theme == t.theme);
        match on_one_theme {
            Some((f, t)) => (Some(f), Some(t)),
            None => (from.first().copied(), to.first().copied()),
        }
    }
}

impl Relation {
    /// The end that is not in `article` (or, when both are, the one that is
    /// not `from`'s).
    pub fn other_end(&self, article: ArticleIx) -> &End {
        if self.from.article == article {
            &self.to
        } else {
            &self.from
        }
    }

    /// The relation as a sentence, its verb agreeing with its subject:
    /// "Gabuev rebuts Manning and Sun", "Glantz and Freeman rebut Manning and Sun".
    pub fn sentence(&self, corpus: &Corpus) -> String {
        let surnames = |end: &End| corpus[end.article].surnames();
        let names = |end: &End| surnames(end).replace(", ", " and ");
        let verb = if surnames(&self.from).contains(", ") {
            self.kind.verb_plural()
        } else {
            self.kind.verb()
        };
        format!("{} {verb} {}", names(&self.from), names(&self.to))
    }

    /// How the relation reads from `article`'s side: "answers Manning and Sun".
    pub fn described(&self, article: ArticleIx, corpus: &Corpus) -> String {
        let (verb, other) = if self.from.article == article {
            (self.kind.verb(), &self.to)
        } else {
            (self.kind.passive(), &self.from)
        };
        format!("{verb} {}", corpus[other.article].surnames().replace(", ", " and "))
    }
}

/// Something that happened, which the articles refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub date: Published,
    pub title: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRelation {
    kind: Spanned<RelationKind>,
    #[serde(default)]
    summary: String,
    note: Option<String>,
    from: RawEnd,
    to: RawEnd,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEnd {
    article: Spanned<String>,
    quote: Spanned<String>,
    prefix: Option<String>,
    suffix: Option<String>,
    near: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    date: Spanned<String>,
    title: String,
}

impl RawEnd {
    fn quote_ref(&self) -> QuoteRef<'_> {
        QuoteRef {
            article: &self.article,
            quote: &self.quote,
            prefix: self.prefix.as_deref(),
            suffix: self.suffix.as_deref(),
            near: self.near.as_ref(),
        }
    }
}

/// Anchors both ends of a relation; every problem as a located diagnostic.
pub(super) fn resolve_relation(
    corpus: &Corpus,
    file: &str,
    lines: &LineIndex,
    raw: &RawRelation,
    normalized: &mut Normalized,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Relation> {
    let at = lines.location(raw.kind.span().start);
    let summary = clean_line(raw.summary.trim());
    if summary.is_empty() {
        diagnostics.push(Diagnostic::error(
            file,
            at,
            "the relation has no summary",
            "add summary = \"...\": what the one passage does to the other, in a sentence of your own",
        ));
    }
    let from = anchor_quote(corpus, file, lines, &raw.from.quote_ref(), normalized, diagnostics);
    let to = anchor_quote(corpus, file, lines, &raw.to.quote_ref(), normalized, diagnostics);
    let (Some(from), Some(to)) = (from, to) else {
        return None;
    };
    if from.0 == to.0 && from.1.overlaps(&to.1) {
        diagnostics.push(Diagnostic::error(
            file,
            at,
            "the relation's two ends are the same passage",
            "a relation joins two different passages: quote the other one in `to`",
        ));
        return None;
    }
    if summary.is_empty() {
        return None;
    }
    let end = |(article, anchor, quote): (ArticleIx, Anchor, String)| End { article, anchor, quote };
    Some(Relation {
        kind: *raw.kind.get_ref(),
        summary,
        from: end(from),
        to: end(to),
        note: raw
            .note
            .as_deref()
            .map(|n| clean_line(n.trim()))
            .filter(|n| !n.is_empty()),
        origin: Origin {
            file: file.to_string(),
            line: at.line,
        },
    })
}

pub(super) fn resolve_event(
    file: &str,
    lines: &LineIndex,
    raw: &RawEvent,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Event> {
    let Some(date) = Published::parse(raw.date.get_ref()) else {
        diagnostics.push(Diagnostic::error(
            file,
            lines.location(raw.date.span().start),
            format!("`{}` is not a date", raw.date.get_ref()),
            "write the date as YYYY-MM-DD, YYYY-MM or YYYY, as precisely as it is known",
        ));
        return None;
    };
    Some(Event {
        date,
        title: clean_line(&raw.title),
    })
}
