//! Reading map files and anchoring their passages in the corpus.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::anchor::{Normalized, QuoteRef, anchor_quote};
use super::{DebateMap, Origin, Passage, Stance, Theme, ThemeId, Unplaced, View};
use crate::corpus::{Corpus, SourceFile};
use crate::diagnostic::{Diagnostic, LineIndex, Location, Severity, THEME, unknown_name};
use crate::sanitize::clean_line;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    question: Option<String>,
    #[serde(default)]
    themes: Vec<RawTheme>,
    /// Passages added to themes defined elsewhere (e.g. in the bundled map).
    #[serde(default)]
    passages: Vec<RawPassage>,
    /// The reader's own stances on themes' claims.
    #[serde(default)]
    views: Vec<RawView>,
    /// Who answers whom.
    #[serde(default)]
    relations: Vec<super::relations::RawRelation>,
    /// Dated events the articles refer to.
    #[serde(default)]
    events: Vec<super::relations::RawEvent>,
    /// In the reader's own map: records kept from a change made on two
    /// sides at once (see `own_map::change`); not part of the map.
    #[serde(default, rename = "set_aside")]
    _set_aside: Vec<toml::Value>,
    /// In the reader's own map: suggestions turned down; not part of the map.
    #[serde(default, rename = "rejected")]
    _rejected: Vec<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawView {
    theme: Spanned<String>,
    stance: Stance,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    id: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    title: String,
    claim: String,
    #[serde(default)]
    shared: bool,
    #[serde(default)]
    passages: Vec<RawPassage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPassage {
    /// In the reader's own map: the record's identity, kept across changes.
    #[serde(default, rename = "id")]
    _id: Option<String>,
    /// Only in top-level `[[passages]]`: the theme it belongs to.
    theme: Option<Spanned<String>>,
    article: Spanned<String>,
    quote: Spanned<String>,
    prefix: Option<String>,
    suffix: Option<String>,
    /// A block id ("p12") near the passage, to choose among several matches.
    near: Option<Spanned<String>>,
    stance: Option<Spanned<Stance>>,
    summary: Option<Spanned<String>>,
}

/// Reads the map files against `corpus`. Every problem is returned; themes
/// and passages with errors are left out, the rest stand.
pub fn load(corpus: &Corpus, files: &[SourceFile]) -> (DebateMap, Vec<Diagnostic>) {
    load_with_own(corpus, files, None)
}

/// Reads the map files and, last, the reader's own map, whose themes and
/// passages are marked as theirs. A problem in the reader's own map is a
/// warning, so that the reader always opens; its passages that can no longer
/// be anchored are kept as unplaced.
pub fn load_with_own(corpus: &Corpus, files: &[SourceFile], own: Option<&SourceFile>) -> (DebateMap, Vec<Diagnostic>) {
    let files: Vec<&SourceFile> = files.iter().chain(own).collect();
    let own_index = own.map(|_| files.len() - 1);
    let mut map = DebateMap::default();
    let mut diagnostics = Vec::new();
    let mut normalized = Normalized::default();
    let mut theme_files: HashMap<String, String> = HashMap::new();
    let mut parsed = Vec::new();
    for (index, &file) in files.iter().enumerate() {
        let is_own = own_index == Some(index);
        let Ok(text) = std::str::from_utf8(&file.bytes) else {
            diagnostics.push(Diagnostic::error(
                &file.name,
                Location::START,
                "invalid UTF-8",
                "save the map as UTF-8",
            ));
            continue;
        };
        let text = crate::sanitize::clean(text);
        match toml::from_str::<RawMap>(&text) {
            Ok(raw) => parsed.push((file, text, raw, is_own)),
            Err(e) => diagnostics.push(Diagnostic::error(
                &file.name,
                Location::of_offset(&text, e.span().map_or(0, |s| s.start)),
                e.message().trim().replace('\n', " "),
                "correct the map; articles/README.md describes its fields",
            )),
        }
    }
    // Themes first, from every file, so that any file may add passages to any theme.
    let mut pending = Vec::new();
    let mut views = Vec::new();
    let mut relations = Vec::new();
    let mut events = Vec::new();
    for (file_index, (file, text, raw, is_own)) in parsed.iter_mut().enumerate() {
        if map.question.is_empty()
            && let Some(question) = raw.question.take()
        {
            map.question = clean_line(&question);
        }
        let lines = LineIndex::new(text);
        for theme in raw.themes.drain(..) {
            let at = lines.location(theme.id.span().start);
            let id = theme.id.get_ref().clone();
            // An id and its aliases are all names of the theme: each names one theme.
            let names: Vec<&String> = std::iter::once(&id).chain(&theme.aliases).collect();
            if let Some((name, first)) = names.iter().find_map(|n| Some((*n, theme_files.get(*n)?))) {
                diagnostics.push(Diagnostic::error(
                    &file.name,
                    at,
                    format!("duplicate theme id `{name}`: {first} names a theme so too"),
                    "give each theme its own id and aliases, or add passages to the existing theme with [[passages]] theme = \"...\"",
                ));
                continue;
            }
            if let Some(bad) = names.iter().find(|n| !crate::corpus::is_valid_id(n)) {
                diagnostics.push(Diagnostic::error(
                    &file.name,
                    at,
                    format!("invalid theme id `{bad}`"),
                    "use lowercase letters, digits and hyphens",
                ));
                continue;
            }
            for name in &names {
                theme_files.insert((*name).clone(), file.name.clone());
            }
            map.themes.push(Theme {
                id: ThemeId::from(id.clone()),
                aliases: theme.aliases.clone(),
                title: clean_line(&theme.title),
                claim: clean_line(&theme.claim),
                shared: theme.shared,
                passages: Vec::new(),
                origin: Origin {
                    file: file.name.clone(),
                    line: at.line,
                },
                mine: *is_own,
                view: None,
            });
            pending.extend(theme.passages.into_iter().map(|p| (file_index, Some(id.clone()), p)));
        }
        pending.extend(raw.passages.drain(..).map(|p| (file_index, None, p)));
        views.extend(raw.views.drain(..).map(|v| (file_index, v)));
        relations.extend(raw.relations.drain(..).map(|r| (file_index, r)));
        events.extend(raw.events.drain(..).map(|e| (file_index, e)));
    }
    let theme_ids: Vec<String> = map.themes.iter().map(|t| t.id.to_string()).collect();
    let lines: Vec<LineIndex> = parsed.iter().map(|(_, text, _, _)| LineIndex::new(text)).collect();
    // Article by article, so that each article's text is normalized once.
    pending.sort_by(|a, b| a.2.article.get_ref().cmp(b.2.article.get_ref()));
    let first_map_problem = diagnostics.len();
    for (file_index, theme, raw) in pending {
        let (file, lines) = (&parsed[file_index].0.name, &lines[file_index]);
        let at = |offset: usize| lines.location(offset);
        let theme_id = match (theme, &raw.theme) {
            (Some(id), _) => id,
            (None, Some(id)) => id.get_ref().clone(),
            (None, None) => {
                diagnostics.push(Diagnostic::error(
                    file,
                    at(raw.article.span().start),
                    "a passage outside a theme names no theme",
                    "add theme = \"ID\" naming the theme it speaks to",
                ));
                continue;
            }
        };
        let Some(theme_index) = map.theme_index(&theme_id) else {
            let offset = raw.theme.as_ref().map_or(0, |t| t.span().start);
            diagnostics.push(unknown_name(
                file,
                at(offset),
                &THEME,
                &theme_id,
                theme_ids.iter().map(String::as_str),
            ));
            continue;
        };
        let is_own = parsed[file_index].3;
        // Kept to show the reader's own passage as unplaced if it cannot be anchored.
        let unplaced = corpus.index_of(raw.article.get_ref()).map(|article| Unplaced {
            theme: theme_index,
            article,
            stance: raw.stance.as_ref().map_or(Stance::Reports, |s| *s.get_ref()),
            quote: clean_line(raw.quote.get_ref()),
            summary: raw
                .summary
                .as_ref()
                .map(|s| clean_line(s.get_ref()))
                .unwrap_or_default(),
        });
        match resolve_passage(corpus, file, lines, raw, &mut normalized, &mut diagnostics) {
            Some(mut passage) => {
                passage.mine = is_own;
                map.themes[theme_index.get()].passages.push(passage);
            }
            None if is_own => map.unplaced.extend(unplaced),
            None => {}
        }
    }
    for (file_index, view) in views {
        let (file, lines) = (&parsed[file_index].0.name, &lines[file_index]);
        match map.theme_index(view.theme.get_ref()) {
            Some(theme) => {
                map.themes[theme.get()].view = Some(View {
                    stance: view.stance,
                    note: clean_line(&view.note),
                })
            }
            None => diagnostics.push(unknown_name(
                file,
                lines.location(view.theme.span().start),
                &THEME,
                view.theme.get_ref(),
                theme_ids.iter().map(String::as_str),
            )),
        }
    }
    for (file_index, raw) in &relations {
        let (file, lines) = (&parsed[*file_index].0.name, &lines[*file_index]);
        if let Some(relation) =
            super::relations::resolve_relation(corpus, file, lines, raw, &mut normalized, &mut diagnostics)
        {
            map.relations.push(relation);
        }
    }
    for (file_index, raw) in &events {
        let (file, lines) = (&parsed[*file_index].0.name, &lines[*file_index]);
        map.events
            .extend(super::relations::resolve_event(file, lines, raw, &mut diagnostics));
    }
    map.events.sort_by_key(|e| e.date.sort_key());
    // Nothing in the reader's own map keeps the reader from opening.
    if let Some(own) = own {
        for diagnostic in diagnostics.iter_mut().filter(|d| d.file == own.name) {
            diagnostic.severity = Severity::Warning;
        }
    }
    for theme in &mut map.themes {
        theme
            .passages
            .sort_by_key(|p| (p.article, p.anchor.start_block, p.anchor.start));
    }
    // Problems in the order they stand in the files.
    diagnostics[first_map_problem..].sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    (map, diagnostics)
}

fn resolve_passage(
    corpus: &Corpus,
    file: &str,
    lines: &LineIndex,
    raw: RawPassage,
    normalized: &mut Normalized,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Passage> {
    let at = |offset: usize| lines.location(offset);
    let errors_before = diagnostics.len();
    let stance = raw.stance.as_ref().map(|s| *s.get_ref());
    if stance.is_none() {
        diagnostics.push(Diagnostic::error(
            file,
            at(raw.quote.span().start),
            "the passage has no stance",
            "add stance = \"supports\", \"opposes\", \"qualifies\" or \"reports\"",
        ));
    }
    let summary = raw
        .summary
        .as_ref()
        .map(|s| s.get_ref().trim().to_string())
        .unwrap_or_default();
    if summary.is_empty() {
        diagnostics.push(Diagnostic::error(
            file,
            at(raw.quote.span().start),
            "the passage has no summary",
            "add summary = \"...\": the author's position in a sentence of your own",
        ));
    }
    if diagnostics.len() > errors_before {
        return None;
    }
    let quote = QuoteRef {
        article: &raw.article,
        quote: &raw.quote,
        prefix: raw.prefix.as_deref(),
        suffix: raw.suffix.as_deref(),
        near: raw.near.as_ref(),
    };
    let (article, anchor, exact) = anchor_quote(corpus, file, lines, &quote, normalized, diagnostics)?;
    Some(Passage {
        article,
        stance: stance?,
        summary: clean_line(&summary),
        quote: exact,
        anchor,
        origin: Origin {
            file: file.to_string(),
            line: at(raw.quote.span().start).line,
        },
        mine: false,
    })
}
