//! The reader's own map in the reader: placing a selection on a theme,
//! recording a view, changing, moving and deleting their passages, undo and
//! redo. Each change goes to the map's keeper as operations on records
//! (see [`crate::own_map`]); the keeper writes it and rebuilds the map off
//! this thread, and its report is taken up here, so that the change shows
//! everywhere at once.

use super::{App, Overlay, selection};
use super::{Chosen, Form, Step, Target};
use crate::debate::{Anchor, DebateMap, NormalizedArticle, Resolution, Selector, Stance};
use crate::ids::ThemeId;
use crate::ids::{ArticleIx, ThemeIx};
use crate::own_map::keeper::{Keeper, Request};
use crate::own_map::{Change, Op, OwnPassage, OwnTheme, OwnView};

/// Characters of context kept before and after a quote that stands more
/// than once in its article.
const CONTEXT_CHARS: usize = 32;

/// The reader's own map as the reader holds it: the keeper, and what waits
/// on its next report.
#[derive(Debug)]
pub struct OwnLayer {
    pub keeper: Keeper,
    /// The theme to select once the map with a placed or moved passage comes.
    select: Option<ThemeId>,
    /// Changes the keeper could not write, as it last said, and why.
    pub unsaved: usize,
    failed: Option<String>,
}

impl OwnLayer {
    pub fn new(keeper: Keeper) -> OwnLayer {
        OwnLayer {
            keeper,
            select: None,
            unsaved: 0,
            failed: None,
        }
    }
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
    let article = &app.corpus[selected.article];
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
pub(super) fn record_view(app: &mut App, theme: Option<ThemeIx>) {
    let Some(theme) = theme.or(app.theme()) else {
        app.status = Some("Select a theme first".into());
        return;
    };
    if layer_missing(app) {
        return;
    }
    let t = &app.map[theme];
    let mut form = Form::new(Target::View { theme }, Step::Stance, t.claim.clone());
    if let Some(view) = &t.view {
        form.field = super::TextField::with(&view.note);
    }
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The reader's own passage that is current, as their map holds it.
fn current_own(app: &mut App) -> Option<OwnPassage> {
    let (article, anchor) = app.reading.current_passage?;
    // The same words may be a bundled passage and one of the reader's: the
    // reader's comes first, on the selected theme first.
    let mut here: Vec<(ThemeIx, &crate::debate::Theme, &crate::debate::Passage)> = app
        .map
        .enumerate_themes()
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
    let article_id = &app.corpus[article].meta.id;
    let own = app.own.as_ref()?;
    own.keeper
        .own()
        .passages
        .iter()
        .find(|p| p.article == *article_id && p.quote == passage.quote && theme_named(theme, &p.theme))
        .cloned()
}

fn theme_named(theme: &crate::debate::Theme, id: &str) -> bool {
    theme.id == id || theme.aliases.iter().any(|a| a == id)
}

/// `e`, `M`, `D` on one of the reader's passages.
pub(super) fn change_current(app: &mut App, make: fn(OwnPassage) -> Target) {
    let Some(passage) = current_own(app) else { return };
    let target = make(passage.clone());
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

/// A theme id from a title: lowercase words joined by hyphens, unused.
fn new_theme_id(map: &DebateMap, title: &str) -> String {
    let slug = crate::corpus::slug(title, 40, "theme");
    crate::corpus::unused_id(&slug, |id| map.theme_index(id).is_some())
}

/// The quote of an anchor, with context when its words stand more than once.
fn own_passage(app: &App, article: ArticleIx, anchor: &Anchor, theme: String, form: &Form) -> OwnPassage {
    let a = &app.corpus[article];
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
    let id = app
        .own
        .as_ref()
        .map_or_else(String::new, |own| own.keeper.own().new_id());
    OwnPassage {
        id,
        theme,
        article: a.meta.id.to_string(),
        quote,
        prefix: prefix.filter(|p| !p.is_empty()),
        suffix: suffix.filter(|s| !s.is_empty()),
        stance: form.stance.unwrap_or(Stance::Reports),
        summary: form.field.value().trim().to_string(),
    }
}

/// The theme id a form chose, and the new theme to add, if any.
fn chosen_theme(app: &App, form: &Form) -> Option<(String, Option<OwnTheme>)> {
    match form.theme.as_ref()? {
        Chosen::Existing(theme) => Some((app.map[*theme].id.to_string(), None)),
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

/// The change a finished form makes, and the theme to select after it.
fn change_of(app: &mut App, form: &Form) -> Option<(Change, Option<String>)> {
    let chosen = chosen_theme(app, form);
    let title = |app: &App, (theme, new): &(String, Option<OwnTheme>)| {
        new.as_ref()
            .map_or_else(|| theme_title(app, theme), |t| t.title.clone())
    };
    let new_theme = |chosen: &(String, Option<OwnTheme>)| chosen.1.clone().map(Op::AddTheme);
    let summary = form.field.value().trim().to_string();
    Some(match &form.target {
        Target::NewPassage { article, anchor } => {
            let chosen = chosen?;
            let passage = own_passage(app, *article, anchor, chosen.0.clone(), form);
            app.reading.selection = None;
            app.reading.current_passage = Some((*article, *anchor));
            let said = format!(
                "Placed on “{}”: {} {}",
                title(app, &chosen),
                passage.stance.glyph(),
                passage.stance
            );
            let ops = new_theme(&chosen)
                .into_iter()
                .chain([Op::AddPassage(passage)])
                .collect();
            (Change { ops, said }, Some(chosen.0))
        }
        Target::Edit { passage } => {
            let after = OwnPassage {
                stance: form.stance.unwrap_or(passage.stance),
                summary,
                ..passage.clone()
            };
            let ops = vec![Op::SetPassage {
                before: passage.clone(),
                after,
            }];
            (ops_said(ops, "Your passage is changed"), None)
        }
        Target::Move { passage } => {
            let chosen = chosen?;
            let said = format!("Moved to “{}”", title(app, &chosen));
            let after = OwnPassage {
                theme: chosen.0.clone(),
                ..passage.clone()
            };
            let ops = new_theme(&chosen)
                .into_iter()
                .chain([Op::SetPassage {
                    before: passage.clone(),
                    after,
                }])
                .collect();
            (Change { ops, said }, Some(chosen.0))
        }
        Target::Delete { passage } => {
            app.reading.current_passage = None;
            let ops = vec![Op::RemovePassage(passage.clone())];
            (ops_said(ops, "Your passage is deleted (u undoes it)"), None)
        }
        Target::View { theme } => {
            let theme = app.map[*theme].id.to_string();
            let before = app
                .own
                .as_ref()
                .and_then(|own| own.keeper.own().views.iter().find(|v| v.theme == theme).cloned());
            let view = OwnView {
                theme: theme.clone(),
                stance: form.stance.unwrap_or(Stance::Reports),
                note: summary,
            };
            let said = format!("Your view: {} {}", view.stance.glyph(), view.stance);
            let ops = vec![Op::SetView {
                theme,
                before,
                after: Some(view),
            }];
            (Change { ops, said }, None)
        }
    })
}

fn ops_said(ops: Vec<Op>, said: &str) -> Change {
    Change {
        ops,
        said: said.to_string(),
    }
}

/// A finished form: its change goes to the keeper.
pub(super) fn save(app: &mut App, form: Form) {
    let Some((change, select)) = change_of(app, &form) else {
        return;
    };
    let Some(own) = app.own.as_mut() else { return };
    own.select = select.map(ThemeId::from);
    send(app, Request::Change(change));
}

fn theme_title(app: &App, id: &str) -> String {
    app.map
        .theme_index(id)
        .map_or_else(|| id.to_string(), |t| app.map[t].title.clone())
}

/// `u` and `ctrl-r`.
pub(super) fn undo(app: &mut App, redo: bool) {
    if layer_missing(app) {
        return;
    }
    send(app, if redo { Request::Redo } else { Request::Undo });
}

/// Asks the keeper, and takes up its answer if it came at once.
pub(super) fn send(app: &mut App, request: Request) {
    if let Some(own) = app.own.as_mut() {
        own.keeper.send(request);
    }
    receive(app);
}

/// Takes up what the keeper reported: the map rebuilt (and a search index
/// over it), what to say, the theme a placed passage is on. An open
/// overlay that holds indices into the map holds the report until it closes.
pub(super) fn receive(app: &mut App) {
    if app.overlay.as_ref().is_some_and(Overlay::holds_arrival) {
        return;
    }
    let mut taken = false;
    while let Some(report) = app.own.as_mut().and_then(|own| own.keeper.try_recv()) {
        taken = true;
        app.map = report.map;
        if let Some(said) = &report.said {
            app.status = Some(said.clone());
        }
        let Some(own) = app.own.as_mut() else { break };
        own.unsaved = report.unsaved;
        if report.unsaved > 0 {
            own.failed = report.said.clone();
        }
        if let Some(id) = own.select.take() {
            app.set_theme(app.map.theme_index(&id));
        }
    }
    // One index over the map the last report left, not one for each report.
    if taken {
        super::search::reindex(app);
    }
}

/// `q`: leaves, unless changes to the reader's map could not be written;
/// then asks first.
pub(super) fn quit(app: &mut App) {
    match &app.own {
        Some(own) if own.unsaved > 0 => {
            app.overlay = Some(Overlay::Unsaved {
                changes: own.unsaved,
                why: own.failed.clone().unwrap_or_default(),
            });
        }
        _ => app.outbox.push(super::Effect::Quit),
    }
}
