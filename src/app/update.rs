//! `update`: the one place the reader's state changes.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::layout::Rect;

use super::form::Target;
use super::jumps::{self, jump_to};
use super::{Action, App, Focus, MAX_PANES, Overlay, Picker, Position, SidebarEntry, help_lines, sidebar_offset};
use super::{loading, notes, own, relations, search, selection, themes};
use crate::corpus::BlockKind;

pub fn update(app: &mut App, action: Action) {
    // A notice stays until the user does something; the terminal's own
    // events (a resize, results arriving) do not clear it.
    if !matches!(
        action,
        Action::Resize(..) | Action::SearchReady | Action::ArticlesReady | Action::Resumed
    ) {
        app.status = None;
    }
    let handled = match &app.overlay {
        Some(Overlay::Picker(_)) => handle_picker(app, action),
        Some(Overlay::Help { .. }) => handle_help(app, action),
        Some(Overlay::Matrix { .. }) => themes::handle_matrix(app, action),
        Some(Overlay::Search(_)) => search::handle(app, action),
        Some(Overlay::Notes { .. }) => notes::handle(app, action),
        Some(Overlay::Form(_)) => own::handle(app, action),
        Some(Overlay::Relations { .. } | Overlay::Timeline { .. }) => relations::handle(app, action),
        Some(Overlay::Message { .. }) => {
            if matches!(action, Action::AnyKey | Action::Close | Action::Select) {
                app.overlay = None;
            }
            // Only resizes, leaving and what arrives from other threads get past a message.
            !matches!(
                action,
                Action::Resize(..)
                    | Action::Quit
                    | Action::Suspend
                    | Action::Resumed
                    | Action::SearchReady
                    | Action::ArticlesReady
            )
        }
        None if app.selection.is_some() => handle_selection(app, action),
        None => false,
    };
    let before = app
        .panes
        .get(app.focused_pane)
        .map(|p| (app.focused_pane, p.article, p.top));
    if !handled {
        handle_main(app, action);
    }
    // A selection belongs to the article it was made in.
    if let Some(selection) = app.selection
        && app.panes.get(selection.pane).map(|p| p.article) != Some(selection.article)
    {
        app.selection = None;
    }
    app.refresh_layouts();
    // Follow mode: the focused pane moved, the others keep up.
    if app.follow
        && app
            .panes
            .get(app.focused_pane)
            .map(|p| (app.focused_pane, p.article, p.top))
            != before
    {
        relations::follow(app);
        app.refresh_layouts();
    }
}

fn handle_main(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => app.suspend_requested = true,
        Action::Resumed => app.suspend_requested = false,
        Action::Resize(width, height) => {
            app.size = Rect::new(0, 0, width, height);
            if app.screen().sidebar.is_none() {
                app.focus = Focus::Pane;
            }
        }
        Action::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::OpenPicker => {
            let mut picker = Picker::default();
            filter_picker(app, &mut picker);
            app.overlay = Some(Overlay::Picker(picker));
        }
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::ToggleSidebar => {
            app.sidebar_visible = !app.sidebar_visible;
            if app.screen().sidebar.is_none() {
                app.focus = Focus::Pane;
            }
        }
        Action::JumpBack => jumps::back(app),
        Action::JumpForward => jumps::forward(app),
        Action::ScrollDown => scroll(app, app.focused_pane, 1),
        Action::ScrollUp => scroll(app, app.focused_pane, -1),
        Action::HalfPageDown => scroll(app, app.focused_pane, page(app) / 2),
        Action::HalfPageUp => scroll(app, app.focused_pane, -(page(app) / 2)),
        Action::PageDown => scroll(app, app.focused_pane, page(app).saturating_sub(2).max(1)),
        Action::PageUp => scroll(app, app.focused_pane, -(page(app).saturating_sub(2).max(1))),
        Action::Top => jump_to_line(app, 0),
        Action::Bottom => {
            let lines = app.document(app.focused_pane).map_or(0, |d| d.lines.len());
            jump_to_line(app, lines.saturating_sub(page(app) as usize));
        }
        Action::NextParagraph => step_block(app, true, |_| true),
        Action::PrevParagraph => step_block(app, false, |_| true),
        Action::NextHeading => step_block(app, true, |k| matches!(k, BlockKind::Heading { .. })),
        Action::PrevHeading => step_block(app, false, |k| matches!(k, BlockKind::Heading { .. })),
        Action::FollowNote => notes::follow(app),
        Action::AddPane => add_pane(app),
        Action::ClosePane => close_pane(app),
        Action::SelectNext => move_sidebar(app, true),
        Action::SelectPrev => move_sidebar(app, false),
        Action::Select => select_sidebar(app),
        Action::ScrollAt(column, row, lines) => scroll_at(app, column, row, lines),
        Action::ClickAt(column, row) => click_at(app, column, row),
        Action::SelectTheme(theme) => themes::select_theme(app, theme),
        Action::NextTheme => themes::step_theme(app, true),
        Action::PrevTheme => themes::step_theme(app, false),
        Action::NextPassage => {
            if !search::step(app, true) {
                themes::step_passage(app, true);
            }
        }
        Action::PrevPassage => {
            if !search::step(app, false) {
                themes::step_passage(app, false);
            }
        }
        Action::OpenSearch => search::open(app),
        Action::SearchReady => search::receive(app),
        Action::ArticlesReady => loading::receive(app),
        Action::NextDisagreement => themes::next_disagreement(app),
        Action::ToggleCompare => app.compare_visible = !app.compare_visible,
        Action::CompareDown => scroll_compare(app, 1),
        Action::CompareUp => scroll_compare(app, -1),
        Action::CopyPassage => super::copy::copy(app),
        Action::StartSelection => selection::start(app),
        Action::ListRelations => relations::list(app),
        Action::ToggleFollow => relations::toggle_follow(app),
        Action::OpenTimeline => relations::open_timeline(app),
        Action::Tag => own::tag(app),
        Action::RecordView => {
            let sidebar_theme = match (app.focus, app.sidebar_entries().get(app.sidebar_selected)) {
                (Focus::Sidebar, Some(SidebarEntry::Theme(t))) => Some(*t),
                _ => None,
            };
            own::record_view(app, sidebar_theme);
        }
        Action::EditPassage => own::change_current(app, |passage| Target::Edit { passage }),
        Action::MovePassage => own::change_current(app, |passage| Target::Move { passage }),
        Action::DeletePassage => own::change_current(app, |passage| Target::Delete { passage }),
        Action::Undo => own::undo(app, false),
        Action::Redo => own::undo(app, true),
        Action::DragAt(column, row) => selection::drag(app, column, row),
        Action::OpenMatrix => themes::open_matrix(app),
        Action::Close
        | Action::DeleteChar
        | Action::DeleteWord
        | Action::ClearInput
        | Action::StanceSupports
        | Action::StanceOpposes
        | Action::StanceQualifies
        | Action::StanceReports
        | Action::Confirm
        | Action::CursorLeft
        | Action::CursorRight
        | Action::CursorStart
        | Action::CursorEnd
        | Action::Input(_)
        | Action::AnyKey
        | Action::SelectLeft
        | Action::SelectRight => {}
    }
}

/// Lines of text a page holds in the focused pane.
fn page(app: &App) -> isize {
    app.pane_height(&app.screen(), app.focused_pane) as isize
}

fn cycle_focus(app: &mut App, forward: bool) {
    let panes = app.panes.len();
    // Stops: the sidebar (when shown), then each pane.
    let stops = panes + usize::from(app.sidebar_visible);
    let current = match app.focus {
        Focus::Sidebar => 0,
        Focus::Pane => app.focused_pane + usize::from(app.sidebar_visible),
    };
    let next = if forward {
        (current + 1) % stops
    } else {
        (current + stops - 1) % stops
    };
    if app.sidebar_visible && next == 0 {
        app.focus = Focus::Sidebar;
    } else {
        app.focus = Focus::Pane;
        app.focused_pane = next - usize::from(app.sidebar_visible);
    }
}

/// Scrolls a pane by `delta` lines, stopping when its last line is at the bottom.
fn scroll(app: &mut App, pane: usize, delta: isize) {
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
    app.panes[pane].top = Position { block, line };
}

fn jump_to_line(app: &mut App, line: usize) {
    let Some(doc) = app.document(app.focused_pane) else {
        return;
    };
    let (block, line) = doc.position_of(line.min(doc.lines.len().saturating_sub(1)));
    jump_to(app, app.focused_pane, None, Position { block, line });
}

/// Puts the next (or previous) block whose kind passes `wanted` at the top.
fn step_block(app: &mut App, forward: bool, wanted: impl Fn(&BlockKind) -> bool) {
    let Some(pane) = app.panes.get(app.focused_pane) else {
        return;
    };
    let article = &app.corpus.articles[pane.article];
    let current = pane.top.block;
    let on_block_start = pane.top.line == 0;
    let found = if forward {
        (current + 1..article.blocks.len()).find(|&i| wanted(&article.blocks[i].kind))
    } else {
        let end = if on_block_start { current } else { current + 1 };
        (0..end).rev().find(|&i| wanted(&article.blocks[i].kind))
    };
    match found {
        Some(block) => app.panes[app.focused_pane].top = Position { block, line: 0 },
        None => {
            app.status = Some(if forward {
                "At the end".into()
            } else {
                "At the start".into()
            })
        }
    }
}

fn add_pane(app: &mut App) {
    if app.panes.len() >= MAX_PANES {
        app.status = Some(format!("At most {MAX_PANES} panes"));
        return;
    }
    // The next article not already open, or the focused one again.
    let open: Vec<usize> = app.panes.iter().map(|p| p.article).collect();
    let article = (0..app.corpus.articles.len())
        .find(|a| !open.contains(a))
        .or(app.panes.get(app.focused_pane).map(|p| p.article))
        .unwrap_or(0);
    if app.corpus.articles.is_empty() {
        return;
    }
    let at = jumps::insert_pane(app, article);
    themes::opened_in(app, at);
}

fn close_pane(app: &mut App) {
    if app.panes.len() <= 1 {
        app.status = Some("The last pane stays open".into());
        return;
    }
    let closed = app.focused_pane;
    app.panes.remove(closed);
    app.jumps.pane_closed(closed);
    app.focused_pane = closed.min(app.panes.len() - 1);
}

fn move_sidebar(app: &mut App, down: bool) {
    let entries = app.sidebar_entries();
    let mut index = app.sidebar_selected.min(entries.len().saturating_sub(1));
    loop {
        let next = if down { index + 1 } else { index.wrapping_sub(1) };
        match entries.get(next) {
            Some(entry) if entry.selectable() => {
                app.sidebar_selected = next;
                return;
            }
            Some(_) => index = next,
            None => return,
        }
    }
}

fn select_sidebar(app: &mut App) {
    let entries = app.sidebar_entries();
    match entries.get(app.sidebar_selected) {
        Some(SidebarEntry::Article(article)) => {
            let article = *article;
            let (pane, opened) = jumps::to_article(app, article);
            // Browsing the sidebar goes on there.
            app.focus = Focus::Sidebar;
            if opened {
                themes::opened_in(app, pane);
            }
            // The contents below now list this article's headings.
            if let Some(index) = app
                .sidebar_entries()
                .iter()
                .position(|e| *e == SidebarEntry::Article(article))
            {
                app.sidebar_selected = index;
            }
        }
        Some(SidebarEntry::Theme(theme)) => themes::select_theme(app, *theme),
        Some(SidebarEntry::Heading(block)) => {
            let block = *block;
            jump_to(app, app.focused_pane, None, Position { block, line: 0 });
        }
        _ => {}
    }
}

/// Moves the compare panel by whole articles.
fn scroll_compare(app: &mut App, articles: isize) {
    if !app.compare_visible {
        app.status = Some("The compare panel is not shown (toggle_compare shows it)".into());
        return;
    }
    let last = app.panes.len().saturating_sub(1);
    app.compare_scroll = app.compare_scroll.min(last).saturating_add_signed(articles).min(last);
}

fn scroll_at(app: &mut App, column: u16, row: u16, lines: i16) {
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

fn click_at(app: &mut App, column: u16, row: u16) {
    let screen = app.screen();
    if let Some((pane, _)) = screen.panes.iter().find(|(_, r)| contains(*r, column, row)) {
        app.focused_pane = *pane;
        app.focus = Focus::Pane;
        selection::press(app, *pane, column, row);
    } else if let Some(sidebar) = screen.sidebar.filter(|r| contains(*r, column, row)) {
        app.focus = Focus::Sidebar;
        let rows = usize::from(sidebar.height.saturating_sub(2));
        let offset = sidebar_offset(app.sidebar_selected, rows);
        let index = offset + usize::from(row.saturating_sub(sidebar.y + 1));
        if app.sidebar_entries().get(index).is_some_and(|e| e.selectable()) {
            app.sidebar_selected = index;
            select_sidebar(app);
        }
    }
}

/// While selecting: the selection's own actions; false for the others.
fn handle_selection(app: &mut App, action: Action) -> bool {
    match action {
        Action::SelectNext => selection::extend(app, true),
        Action::SelectPrev => selection::extend(app, false),
        Action::Close => {
            app.selection = None;
            app.status = Some("Selection ended".into());
        }
        _ => return false,
    }
    true
}

fn contains(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.right() && row >= rect.y && row < rect.bottom()
}

/// The picker's own actions; false for those it leaves to the reader.
fn handle_picker(app: &mut App, action: Action) -> bool {
    let Some(Overlay::Picker(mut picker)) = app.overlay.take() else {
        return false;
    };
    let mut keep_open = true;
    match action {
        _ if super::edit_text(&mut picker.query, action) => {
            // A longer query matches only among what the shorter one did.
            if picker.query.starts_with(&picker.matched) && !picker.matched.is_empty() {
                let within = std::mem::take(&mut picker.matches);
                rank_picker(app, &mut picker, within.into_iter());
            } else {
                filter_picker(app, &mut picker);
            }
        }
        Action::SelectNext => picker.selected = (picker.selected + 1).min(picker.matches.len().saturating_sub(1)),
        Action::SelectPrev => picker.selected = picker.selected.saturating_sub(1),
        Action::Select => {
            keep_open = false;
            if let Some(&article) = picker.matches.get(picker.selected) {
                jump_to(app, app.focused_pane, Some(article), Position::default());
                themes::opened_in(app, app.focused_pane);
            }
        }
        Action::Close => keep_open = false,
        _ => {
            app.overlay = Some(Overlay::Picker(picker));
            return false;
        }
    }
    if keep_open {
        app.overlay = Some(Overlay::Picker(picker));
    }
    true
}

/// Ranks the articles against the picker's query (title, authors, outlet, id).
pub(super) fn filter_picker(app: &App, picker: &mut Picker) {
    rank_picker(app, picker, 0..app.corpus.articles.len());
}

/// Ranks the articles `among` against the picker's query.
fn rank_picker(app: &App, picker: &mut Picker, among: impl Iterator<Item = usize>) {
    let matcher = SkimMatcherV2::default();
    let mut scored: Vec<(i64, usize)> = among
        .map(|i| (i, &app.corpus.articles[i]))
        .filter_map(|(i, a)| {
            if picker.query.is_empty() {
                return Some((0, i));
            }
            let haystack = format!("{} {} {} {}", a.meta.title, a.author_names(), a.meta.outlet, a.meta.id);
            matcher.fuzzy_match(&haystack, &picker.query).map(|score| (score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    picker.matches = scored.into_iter().map(|(_, i)| i).collect();
    picker.matched = picker.query.clone();
    picker.selected = 0;
}

/// The help screen's own actions; false for those it leaves to the reader.
fn handle_help(app: &mut App, action: Action) -> bool {
    let Some(Overlay::Help { scroll }) = app.overlay else {
        return false;
    };
    let lines = help_lines(&app.keymap).len();
    let rows = usize::from(app.size.height.saturating_sub(4)).max(1);
    let last = lines.saturating_sub(rows);
    let scroll = match action {
        Action::ScrollDown => (scroll + 1).min(last),
        Action::ScrollUp => scroll.saturating_sub(1),
        Action::PageDown => (scroll + rows).min(last),
        Action::PageUp => scroll.saturating_sub(rows),
        Action::Top => 0,
        Action::Bottom => last,
        Action::ScrollAt(_, _, delta) => scroll.saturating_add_signed(isize::from(delta)).min(last),
        Action::Close | Action::Help => {
            app.overlay = None;
            return true;
        }
        _ => return false,
    };
    app.overlay = Some(Overlay::Help { scroll });
    true
}
