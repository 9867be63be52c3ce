//! The panes: scrolling, stepping by block, adding and closing, focus, the
//! compare panel, and the mouse.

use ratatui::layout::Rect;

use super::jumps::{self, jump_to};
use super::sidebar::{move_sidebar, select_sidebar};
use super::{App, Focus, MAX_PANES, Position, list_offset, selection, themes};
use crate::corpus::BlockKind;
use crate::ids::{ArticleIx, BlockIx};

/// Lines of text a page holds in the focused pane.
pub(super) fn page(app: &App) -> isize {
    app.pane_height(&app.screen(), app.reading.focused_pane) as isize
}

pub(super) fn cycle_focus(app: &mut App, forward: bool) {
    let panes = app.reading.panes.len();
    // Stops: the sidebar (when shown), then each pane.
    let stops = panes + usize::from(app.reading.sidebar_visible);
    let current = match app.reading.focus {
        Focus::Sidebar => 0,
        Focus::Pane => app.reading.focused_pane + usize::from(app.reading.sidebar_visible),
    };
    let next = if forward {
        (current + 1) % stops
    } else {
        (current + stops - 1) % stops
    };
    if app.reading.sidebar_visible && next == 0 {
        app.reading.focus = Focus::Sidebar;
    } else {
        app.reading.focus = Focus::Pane;
        app.reading.focused_pane = next - usize::from(app.reading.sidebar_visible);
    }
}

/// Scrolls a pane by `delta` lines, stopping when its last line is at the bottom.
pub(super) fn scroll(app: &mut App, pane: usize, delta: isize) {
    let screen = app.screen();
    let height = app.pane_height(&screen, pane);
    let Some(doc) = app.document(pane) else { return };
    let current = app.scroll_line(pane);
    let last_top = doc.lines.len().saturating_sub(height);
    let target = if delta >= 0 {
        current.saturating_add(delta.unsigned_abs()).min(last_top.max(current))
    } else {
        current.saturating_sub(delta.unsigned_abs())
    };
    let (block, line) = doc.position_of(target);
    app.reading.panes[pane].top = Position { block, line };
}

pub(super) fn jump_to_line(app: &mut App, line: usize) {
    let Some(doc) = app.document(app.reading.focused_pane) else {
        return;
    };
    let (block, line) = doc.position_of(line.min(doc.lines.len().saturating_sub(1)));
    jump_to(app, app.reading.focused_pane, None, Position { block, line });
}

/// Puts the next (or previous) block whose kind passes `wanted` at the top.
/// Moves the focused pane to the next or previous block that is `wanted`
/// (`what`, in the plural, names them for a message when there is none).
pub(super) fn step_block(app: &mut App, forward: bool, what: &str, wanted: impl Fn(&BlockKind) -> bool) {
    let Some(pane) = app.reading.panes.get(app.reading.focused_pane) else {
        return;
    };
    let article = &app.corpus[pane.article];
    let current = pane.top.block;
    let on_block_start = pane.top.line == 0;
    let current = current.get();
    let found = if forward {
        (current + 1..article.blocks.len()).find(|&i| wanted(&article.blocks[i].kind))
    } else {
        let end = if on_block_start { current } else { current + 1 };
        (0..end).rev().find(|&i| wanted(&article.blocks[i].kind))
    }
    .map(BlockIx);
    let none_at_all = !article.blocks.iter().any(|b| wanted(&b.kind));
    match found {
        Some(block) => app.reading.panes[app.reading.focused_pane].top = Position { block, line: 0 },
        None if none_at_all => app.status = Some(format!("{} has no {what}", article.meta.id)),
        None => {
            app.status = Some(if forward {
                "At the end".into()
            } else {
                "At the start".into()
            })
        }
    }
}

pub(super) fn add_pane(app: &mut App) {
    if app.reading.panes.len() >= MAX_PANES {
        app.status = Some(format!("At most {MAX_PANES} panes"));
        return;
    }
    // The next article not already open, or the focused one again.
    let open: Vec<ArticleIx> = app.reading.panes.iter().map(|p| p.article).collect();
    let article = app
        .by_date
        .iter()
        .copied()
        .find(|a| !open.contains(a))
        .or(app.reading.panes.get(app.reading.focused_pane).map(|p| p.article))
        .unwrap_or_default();
    if app.corpus.articles().is_empty() {
        return;
    }
    let at = jumps::insert_pane(app, article);
    themes::opened_in(app, at);
}

pub(super) fn close_pane(app: &mut App) {
    if app.reading.panes.len() <= 1 {
        app.status = Some("The last pane stays open".into());
        return;
    }
    // A jump, so that jumping back brings the pane back as it was.
    jumps::record(app);
    let closed = app.reading.focused_pane;
    let pane = app.reading.panes.remove(closed);
    app.reading.focused_pane = closed.min(app.reading.panes.len() - 1);
    let back = app
        .keymap
        .key_for(&[crate::keymap::Context::Global], super::Action::JumpBack);
    app.status = Some(format!(
        "Closed the pane of {} ({back} brings it back)",
        app.corpus[pane.article].meta.id
    ));
}

/// Moves the compare panel by whole articles.
pub(super) fn scroll_compare(app: &mut App, articles: isize) {
    if !app.reading.compare_visible {
        app.status = Some("The compare panel is not shown (toggle_compare shows it)".into());
        return;
    }
    let last = app.reading.panes.len().saturating_sub(1);
    app.reading.compare_scroll = app
        .reading
        .compare_scroll
        .min(last)
        .saturating_add_signed(articles)
        .min(last);
}

pub(super) fn scroll_at(app: &mut App, column: u16, row: u16, lines: i16) {
    let screen = app.screen();
    if let Some((pane, _)) = screen.panes.iter().find(|(_, r)| contains(*r, column, row)) {
        scroll(app, *pane, isize::from(lines));
    } else if screen.compare.is_some_and(|r| contains(r, column, row)) {
        scroll_compare(app, isize::from(lines.signum()));
    } else if screen.sidebar.is_some_and(|r| contains(r, column, row)) {
        for _ in 0..lines.unsigned_abs() {
            move_sidebar(app, lines > 0);
        }
    }
}

pub(super) fn click_at(app: &mut App, column: u16, row: u16) {
    let screen = app.screen();
    if let Some((pane, _)) = screen.panes.iter().find(|(_, r)| contains(*r, column, row)) {
        app.reading.focused_pane = *pane;
        app.reading.focus = Focus::Pane;
        selection::press(app, *pane, column, row);
    } else if let Some(sidebar) = screen.sidebar.filter(|r| contains(*r, column, row)) {
        app.reading.focus = Focus::Sidebar;
        let rows = usize::from(sidebar.height.saturating_sub(2));
        let entries = app.sidebar_entries();
        let offset = list_offset(app.sidebar_index(&entries), rows);
        let index = offset + usize::from(row.saturating_sub(sidebar.y + 1));
        if let Some(&entry) = entries.get(index).filter(|e| e.selectable()) {
            app.pick(entry);
            select_sidebar(app);
        }
    }
}

fn contains(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.right() && row >= rect.y && row < rect.bottom()
}
