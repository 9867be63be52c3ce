//! Walking the debate: selecting themes (every pane moves to its passage),
//! stepping through passages, the next disagreement, and the stance matrix.

use super::{App, Overlay, jumps};
use crate::debate::Passage;
use crate::ids::ThemeIx;

/// The document line where a passage starts, in a pane showing its article.
pub(super) fn passage_line(app: &mut App, pane: usize, passage: &Passage) -> Option<usize> {
    app.line_showing(pane, passage.anchor.start_block, passage.anchor.start)
}

/// Selects a theme: every pane whose article speaks to it moves to its
/// first passage; a silent pane stays where it is. A jump.
pub(super) fn select_theme(app: &mut App, theme: ThemeIx) {
    if app.map.theme(theme).is_none() {
        return;
    }
    jumps::record(app);
    show_theme(app, theme);
}

/// Selects a theme without recording a jump (the caller has).
pub(super) fn show_theme(app: &mut App, theme: ThemeIx) {
    app.set_theme(Some(theme));
    app.reading.compare_scroll = 0;
    app.reading.search_nav = None;
    for pane in 0..app.reading.panes.len() {
        place_at_theme(app, pane, theme);
    }
    app.pick(super::SidebarEntry::Theme(theme));
}

/// Moves a pane to its article's first passage on `theme`, if it has one;
/// returns false when the article is silent on it.
pub(super) fn place_at_theme(app: &mut App, pane: usize, theme: ThemeIx) -> bool {
    let Some(article) = app.reading.panes.get(pane).map(|p| p.article) else {
        return false;
    };
    let Some(anchor) = app.map[theme].passages_of(article).next().map(|p| p.anchor) else {
        return false;
    };
    super::passage::land(app, pane, anchor);
    true
}

/// After a pane opens an article while a theme is selected: its passage on
/// the theme, or a notice that the article is silent on it.
pub(super) fn opened_in(app: &mut App, pane: usize) {
    let Some(theme) = app.theme() else { return };
    if !place_at_theme(app, pane, theme) {
        let article = app.reading.panes[pane].article;
        app.status = Some(format!(
            "{} is silent on “{}”",
            app.corpus[article].meta.id, app.map[theme].title
        ));
    }
}

pub(super) fn step_theme(app: &mut App, forward: bool) {
    let count = app.map.themes.len();
    if count == 0 {
        app.status = Some("No debate map is loaded".into());
        return;
    }
    let next = match (app.theme(), forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(t), true) => (t.get() + 1) % count,
        (Some(t), false) => (t.get() + count - 1) % count,
    };
    select_theme(app, ThemeIx(next));
}

/// The next (or previous) passage of the selected theme in the focused pane.
pub(super) fn step_passage(app: &mut App, forward: bool) {
    let Some(theme) = app.theme() else {
        app.status = Some("Select a theme first".into());
        return;
    };
    let pane = app.reading.focused_pane;
    let Some(article) = app.reading.panes.get(pane).map(|p| p.article) else {
        return;
    };
    let passages: Vec<Passage> = app.map[theme].passages_of(article).cloned().collect();
    if passages.is_empty() {
        app.status = Some("This article is silent on the theme".into());
        return;
    }
    let current = app.scroll_line(pane) + super::CONTEXT_LINES;
    let mut lines: Vec<(usize, crate::debate::Anchor)> = passages
        .iter()
        .filter_map(|p| Some((passage_line(app, pane, p)?, p.anchor)))
        .collect();
    lines.sort_unstable_by_key(|(line, _)| *line);
    lines.dedup_by_key(|(line, _)| *line);
    let target = if forward {
        lines.iter().copied().find(|&(l, _)| l > current)
    } else {
        lines.iter().rev().copied().find(|&(l, _)| l < current)
    };
    // Past the last passage, round to the first (as ] and [ go round the
    // themes), and say so; a lone passage already in view stays.
    let (target, wrapped) = match target {
        Some(found) => (Some(found), false),
        None => {
            let round = if forward { lines.first() } else { lines.last() }.copied();
            (
                round.filter(|_| lines.len() > 1 || app.reading.current_passage.is_none()),
                true,
            )
        }
    };
    match target {
        Some((_, anchor)) => {
            jumps::record(app);
            super::passage::land(app, pane, anchor);
            if wrapped {
                app.status = Some(
                    if forward {
                        "Past the last passage on this theme: back to the first"
                    } else {
                        "Before the first passage on this theme: on to the last"
                    }
                    .into(),
                );
            }
        }
        None => app.status = Some("This is the article's only passage on the theme".into()),
    }
}

/// Selects the next theme on which some open articles support the claim
/// and others oppose it.
pub(super) fn next_disagreement(app: &mut App) {
    let open = app.reading.open_articles();
    let count = app.map.themes.len();
    let start = app.theme().map_or(0, |t| t.get() + 1);
    let found = (0..count)
        .map(|i| ThemeIx((start + i) % count))
        .find(|&t| app.map[t].disagreement_among(&open));
    match found {
        Some(theme) => select_theme(app, theme),
        None => app.status = Some("No theme divides the open articles".into()),
    }
}

pub(super) fn open_matrix(app: &mut App) {
    if app.map.themes.is_empty() {
        app.status = Some("No debate map is loaded".into());
        return;
    }
    let row = app.theme().unwrap_or_default().get();
    let focused = app.reading.panes.get(app.reading.focused_pane).map(|p| p.article);
    let column = app
        .matrix_columns()
        .iter()
        .position(|&a| Some(a) == focused)
        .unwrap_or(0);
    app.overlay = Some(Overlay::Matrix { row, column });
}
