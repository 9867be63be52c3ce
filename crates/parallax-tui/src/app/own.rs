//! The reader's own map in the reader: placing a selection on a theme,
//! recording a view, changing, moving and deleting their passages, undo and
//! redo. Every change is written at once (see [`crate::own_map`]) and the
//! map and the search index are rebuilt, so it shows everywhere at once.

use std::sync::Arc;

use super::{App, Overlay, selection};
use super::{Chosen, Form, Step, Target};
use crate::corpus::SourceFile;
use crate::debate::{Anchor, DebateMap, NormalizedArticle, Resolution, Selector};
use crate::own_map::{OwnFile, OwnMap, OwnPassage, OwnTheme, OwnView};

/// Characters of context kept before and after a quote that stands more
/// than once in its article.
const CONTEXT_CHARS: usize = 32;

/// The maps under the reader's own and the file it is kept in.
#[derive(Debug, Clone, Default)]
pub struct OwnLayer {
    /// The map files read before the reader's own (the bundled map).
    pub sources: Vec<SourceFile>,
    pub file: OwnFile,
}

fn layer_missing(app: &mut App) -> bool {
    if app.own.is_none() {
        app.status = Some("Your own map is not available here".into());
        return true;
    }
    false
}

/// `t` with a selection: the theme picker for it.
pub(super) fn tag(app: &mut App) {
    let Some(selected) = app.reading.selection else {
        app.status = Some("Select a passage first (v, then j/k)".into());
        return;
    };
    if layer_missing(app) {
        return;
    }
    let article = &app.corpus.articles[selected.article];
    let anchor = selection::anchor_of(article, &selected);
    let quote = anchor.text(article);
    let mut form = Form::new(
        Target::NewPassage {
            article: selected.article,
            anchor,
        },
        Step::Theme,
        quote,
    );
    form.filter(&app.map);
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The reader's view of a theme: the one selected in the sidebar when it
/// has focus, else the selected theme.
pub(super) fn record_view(app: &mut App, theme: Option<usize>) {
    let Some(theme) = theme.or(app.theme()) else {
        app.status = Some("Select a theme first".into());
        return;
    };
    if layer_missing(app) {
        return;
    }
    let t = &app.map.themes[theme];
    let mut form = Form::new(Target::View { theme }, Step::Stance, t.claim.clone());
    if let Some(view) = &t.view {
        form.field = super::TextField::with(&view.note);
    }
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The reader's own passage that is current, as an index into their map.
fn current_own(app: &mut App) -> Option<usize> {
    let (article, anchor) = app.reading.current_passage?;
    // The same words may be a bundled passage and one of the reader's: the
    // reader's comes first, on the selected theme first.
    let mut here: Vec<(usize, &crate::debate::Theme, &crate::debate::Passage)> = app
        .map
        .themes
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.passages.iter().map(move |p| (i, t, p)))
        .filter(|(_, _, p)| p.article == article && p.anchor == anchor)
        .collect();
    here.sort_by_key(|(i, _, p)| (!p.mine, Some(*i) != app.theme()));
    let Some(&(_, theme, passage)) = here.first() else {
        app.status = Some("Go to one of your passages first (a theme's passage, n/N)".into());
        return None;
    };
    if !passage.mine {
        app.status = Some("This passage is the bundled map's: only your own can be changed".into());
        return None;
    }
    let article_id = &app.corpus.articles[article].meta.id;
    let own = app.own.as_ref()?;
    own.file
        .map
        .passages
        .iter()
        .position(|p| p.article == *article_id && p.quote == passage.quote && theme_named(theme, &p.theme))
}

fn theme_named(theme: &crate::debate::Theme, id: &str) -> bool {
    theme.id == id || theme.aliases.iter().any(|a| a == id)
}

/// `e`, `M`, `D` on one of the reader's passages.
pub(super) fn change_current(app: &mut App, make: fn(usize) -> Target) {
    let Some(index) = current_own(app) else { return };
    let Some(own) = &app.own else { return };
    let passage = own.file.map.passages[index].clone();
    let target = make(index);
    let step = match target {
        Target::Edit { .. } => Step::Stance,
        Target::Move { .. } => Step::Theme,
        _ => Step::Confirm,
    };
    let mut form = Form::new(target, step, passage.quote.clone());
    form.stance = Some(passage.stance);
    form.field = super::TextField::with(if step == Step::Theme { "" } else { &passage.summary });
    if step == Step::Theme {
        form.filter(&app.map);
    }
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The form's own actions; false for those it leaves to the reader.
/// A theme id from a title: lowercase words joined by hyphens, unused.
fn new_theme_id(map: &DebateMap, title: &str) -> String {
    let slug = crate::corpus::slug(title, 40, "theme");
    crate::corpus::unused_id(&slug, |id| map.theme_index(id).is_some())
}

/// The quote of an anchor, with context when its words stand more than once.
fn own_passage(app: &App, article: usize, anchor: &Anchor, theme: String, form: &Form) -> OwnPassage {
    let a = &app.corpus.articles[article];
    let quote = anchor.text(a);
    let ambiguous = matches!(
        NormalizedArticle::new(a).resolve(
            a,
            &Selector {
                exact: &quote,
                ..Default::default()
            }
        ),
        Resolution::Ambiguous { .. }
    );
    let (prefix, suffix) = if ambiguous {
        let (prefix, suffix) = anchor.context(a, CONTEXT_CHARS);
        (Some(prefix.trim().to_string()), Some(suffix.trim().to_string()))
    } else {
        (None, None)
    };
    OwnPassage {
        theme,
        article: a.meta.id.clone(),
        quote,
        prefix: prefix.filter(|p| !p.is_empty()),
        suffix: suffix.filter(|s| !s.is_empty()),
        stance: form.stance.unwrap_or(crate::debate::Stance::Reports),
        summary: form.field.value().trim().to_string(),
    }
}

/// The theme id a form chose, and the new theme to add, if any.
fn chosen_theme(app: &App, form: &Form) -> Option<(String, Option<OwnTheme>)> {
    match form.theme.as_ref()? {
        Chosen::Existing(theme) => Some((app.map.themes[*theme].id.clone(), None)),
        Chosen::New(title) => {
            let id = new_theme_id(&app.map, title);
            let theme = OwnTheme {
                id: id.clone(),
                title: title.clone(),
                claim: form.claim.clone(),
            };
            Some((id, Some(theme)))
        }
    }
}

/// A change to the reader's own map, made once the form is done.
type Edit = Box<dyn FnOnce(&mut OwnMap)>;

pub(super) fn save(app: &mut App, form: Form) {
    let chosen = chosen_theme(app, &form);
    // A passage placed or moved: its theme is selected after, to see it at once.
    let select = match form.target {
        Target::NewPassage { .. } | Target::Move { .. } => chosen.as_ref().map(|(id, _)| id.clone()),
        _ => None,
    };
    let (edit, said): (Edit, String) = match &form.target {
        Target::NewPassage { article, anchor } => {
            let Some((theme, new)) = chosen else { return };
            let passage = own_passage(app, *article, anchor, theme.clone(), &form);
            let title = new
                .as_ref()
                .map_or_else(|| theme_title(app, &theme), |t| t.title.clone());
            app.reading.selection = None;
            app.reading.current_passage = Some((*article, *anchor));
            let said = format!("Placed on “{title}”: {} {}", passage.stance.glyph(), passage.stance);
            (
                Box::new(move |m: &mut OwnMap| {
                    m.themes.extend(new);
                    m.passages.push(passage);
                }),
                said,
            )
        }
        Target::Edit { passage } => {
            let (index, stance, summary) = (*passage, form.stance, form.field.value().trim().to_string());
            (
                Box::new(move |m: &mut OwnMap| {
                    if let Some(p) = m.passages.get_mut(index) {
                        p.stance = stance.unwrap_or(p.stance);
                        p.summary = summary;
                    }
                }),
                "Your passage is changed".to_string(),
            )
        }
        Target::Move { passage } => {
            let Some((theme, new)) = chosen else { return };
            let title = new
                .as_ref()
                .map_or_else(|| theme_title(app, &theme), |t| t.title.clone());
            let (index, said) = (*passage, format!("Moved to “{title}”"));
            (
                Box::new(move |m: &mut OwnMap| {
                    m.themes.extend(new);
                    if let Some(p) = m.passages.get_mut(index) {
                        p.theme = theme;
                    }
                }),
                said,
            )
        }
        Target::Delete { passage } => {
            let index = *passage;
            app.reading.current_passage = None;
            (
                Box::new(move |m: &mut OwnMap| {
                    if index < m.passages.len() {
                        m.passages.remove(index);
                    }
                }),
                "Your passage is deleted (u undoes it)".to_string(),
            )
        }
        Target::View { theme } => {
            let view = OwnView {
                theme: app.map.themes[*theme].id.clone(),
                stance: form.stance.unwrap_or(crate::debate::Stance::Reports),
                note: form.field.value().trim().to_string(),
            };
            let said = format!("Your view: {} {}", view.stance.glyph(), view.stance);
            (
                Box::new(move |m: &mut OwnMap| {
                    m.views.retain(|v| v.theme != view.theme);
                    m.views.push(view);
                }),
                said,
            )
        }
    };
    let Some(own) = app.own.as_mut() else { return };
    let result = own.file.change(edit);
    finish(app, result, said);
    if let Some(id) = select {
        app.set_theme(app.map.theme_index(&id));
    }
}

fn theme_title(app: &App, id: &str) -> String {
    app.map
        .theme_index(id)
        .map_or_else(|| id.to_string(), |t| app.map.themes[t].title.clone())
}

/// After a write: the map rebuilt and what happened said, or the failure.
fn finish(app: &mut App, result: std::io::Result<Option<String>>, said: String) {
    let problems = rebuild(app);
    let said = match problems {
        0 => said,
        n => format!(
            "{said} ({n} problem{} in your map: parallax check lists them)",
            if n == 1 { "" } else { "s" }
        ),
    };
    match result {
        Ok(notice) => {
            let saved_to = app
                .own
                .as_ref()
                .and_then(|o| o.file.path.as_ref())
                .map(|p| format!(" (saved to {})", p.display()))
                .unwrap_or_default();
            app.status = Some(match notice {
                Some(notice) => format!("{said}; {notice}"),
                None => format!("{said}{saved_to}"),
            });
        }
        Err(e) => {
            app.status = Some(format!(
                "{said}, but your map could not be written: {e}; it is kept in memory"
            ));
        }
    }
}

/// `u` and `ctrl-r`.
pub(super) fn undo(app: &mut App, redo: bool) {
    let Some(own) = app.own.as_mut() else {
        app.status = Some("Your own map is not available here".into());
        return;
    };
    let result = if redo { own.file.redo() } else { own.file.undo() };
    match result.transpose() {
        None => {
            app.status = Some(
                if redo {
                    "Nothing to redo"
                } else {
                    "Nothing to undo in this session"
                }
                .into(),
            );
        }
        Some(result) => finish(app, result, if redo { "Redone" } else { "Undone" }.to_string()),
    }
}

/// The map again from the bundled files and the reader's own, and a search
/// index over it; returns how many problems reading them found.
pub(super) fn rebuild(app: &mut App) -> usize {
    let Some(own) = &app.own else { return 0 };
    let source = own.file.map.source(&own.file.name());
    let (map, problems) = crate::debate::load_with_own(&app.corpus, &own.sources, Some(&source));
    app.map = map;
    app.work.searcher = app.work.searcher.rebuilt(Arc::clone(&app.corpus), app.map.clone());
    problems.len()
}
