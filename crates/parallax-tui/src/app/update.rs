//! `update`: the one place the reader's state changes. An open overlay
//! answers an action first; what it leaves, and the commands it answers
//! with, are carried out here through the reading view.

use ratatui::layout::Rect;

use super::Target;
use super::jumps::{self, jump_to};
use super::overlay::{Command, Ctx, Outcome, Overlay, Picker};
use super::panes::{
    add_pane, click_at, close_pane, cycle_focus, jump_to_line, page, scroll, scroll_at, scroll_compare, step_block,
};
use super::sidebar::{move_sidebar, select_sidebar, sidebar_end};
use super::{Action, App, Effect, Focus, Position, SidebarEntry};
use super::{loading, notes, own, relations, search, selection, suggestions, themes};
use crate::corpus::BlockKind;

pub fn update(app: &mut App, action: Action) {
    // A notice stays until the user does something; the terminal's own
    // events (a resize, results arriving) do not clear it.
    if !matches!(
        action,
        Action::Resize(..)
            | Action::SearchReady
            | Action::ArticlesReady
            | Action::OwnMapReady
            | Action::Resumed
            | Action::SessionNotSaved(_)
    ) {
        app.status = None;
    }
    let handled = match app.overlay.is_some() {
        true => handle_overlay(app, action),
        false if app.reading.selection.is_some() => handle_selection(app, action),
        false => false,
    };
    let before = app
        .reading
        .panes
        .get(app.reading.focused_pane)
        .map(|p| (app.reading.focused_pane, p.article, p.top));
    if !handled {
        handle_main(app, action);
    }
    // A selection belongs to the article it was made in.
    if let Some(selection) = app.reading.selection
        && app.reading.panes.get(selection.pane).map(|p| p.article) != Some(selection.article)
    {
        app.reading.selection = None;
    }
    app.refresh_layouts();
    // Follow mode: the focused pane moved, the others keep up.
    if app.reading.follow
        && app
            .reading
            .panes
            .get(app.reading.focused_pane)
            .map(|p| (app.reading.focused_pane, p.article, p.top))
            != before
    {
        relations::follow(app);
        app.refresh_layouts();
    }
}

/// Gives the action to the open overlay and carries out its answer; false
/// when the overlay leaves the action to the reading view.
fn handle_overlay(app: &mut App, action: Action) -> bool {
    let Some(overlay) = app.overlay.as_mut() else {
        return false;
    };
    let ctx = Ctx {
        corpus: &app.corpus,
        by_date: &app.by_date,
        map: &app.map,
        keymap: &app.keymap,
        size: app.size,
        recent_searches: &app.reading.recent_searches,
    };
    let searching = matches!(overlay, Overlay::Search(_));
    match overlay.handle(action, &ctx) {
        Outcome::Ignored => return false,
        Outcome::Stay => {}
        Outcome::Close => app.overlay = None,
        Outcome::Then(command) => {
            app.overlay = None;
            apply(app, command);
        }
        Outcome::Keep(command) => apply(app, command),
    }
    if searching {
        search::receive(app);
    }
    true
}

/// Carries out what an overlay asked for.
fn apply(app: &mut App, command: Command) {
    match command {
        Command::OpenHere(article) => {
            jump_to(app, app.reading.focused_pane, Some(article), Position::default());
            themes::opened_in(app, app.reading.focused_pane);
        }
        Command::GoToArticle(article) => {
            let (pane, opened) = jumps::to_article(app, article);
            if opened {
                themes::opened_in(app, pane);
            }
        }
        Command::GoToThemeIn { theme, article } => {
            jumps::to_article(app, article);
            themes::show_theme(app, theme);
        }
        Command::GoToRelationEnd { relation, from } => relations::go(app, relation, from),
        Command::FollowNote(label) => notes::go(app, &label),
        Command::GoToResult { candidate, query } => {
            search::remember(app, &query);
            search::jump(app, candidate, &query);
        }
        Command::Remember(query) => search::remember(app, &query),
        Command::Search { generation, query } => app.work.searcher.submit(generation, &query),
        Command::SaveForm(form) => own::save(app, *form),
        Command::Say(text) => app.status = Some(text),
        Command::ShowSuggestion { article, anchor } => suggestions::show(app, article, anchor),
        Command::TakeSuggestion {
            article,
            anchor,
            theme,
            stance,
        } => suggestions::take(app, article, anchor, &theme, stance),
        Command::RejectSuggestion { article, anchor, theme } => suggestions::reject(app, article, anchor, &theme),
        Command::Leave { write_elsewhere } => {
            if write_elsewhere && let Some(own) = &app.own {
                app.outbox.push(Effect::WriteAside(own.keeper.own().to_toml()));
            }
            app.outbox.push(Effect::Quit);
        }
    }
}

fn handle_main(app: &mut App, action: Action) {
    match action {
        Action::Quit => own::quit(app),
        Action::Suspend => app.outbox.push(Effect::Suspend),
        Action::Resumed => {}
        Action::SessionNotSaved(why) => {
            app.status = Some(format!("The session could not be saved: {why}"));
        }
        Action::Resize(width, height) => {
            app.size = Rect::new(0, 0, width, height);
            if app.screen().sidebar.is_none() {
                app.reading.focus = Focus::Pane;
            }
        }
        Action::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::ReviewSuggestions => suggestions::open(app),
        Action::OpenPicker => app.overlay = Some(Overlay::Picker(Picker::new(&app.corpus, &app.by_date))),
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::ToggleSidebar => {
            app.reading.sidebar_visible = !app.reading.sidebar_visible;
            if app.screen().sidebar.is_none() {
                app.reading.focus = Focus::Pane;
            }
        }
        Action::JumpBack => jumps::back(app),
        Action::JumpForward => jumps::forward(app),
        Action::ScrollDown => scroll(app, app.reading.focused_pane, 1),
        Action::ScrollUp => scroll(app, app.reading.focused_pane, -1),
        Action::HalfPageDown => scroll(app, app.reading.focused_pane, page(app) / 2),
        Action::HalfPageUp => scroll(app, app.reading.focused_pane, -(page(app) / 2)),
        Action::PageDown => scroll(app, app.reading.focused_pane, page(app).saturating_sub(2).max(1)),
        Action::PageUp => scroll(app, app.reading.focused_pane, -(page(app).saturating_sub(2).max(1))),
        Action::Top if app.reading.focus == Focus::Sidebar => sidebar_end(app, false),
        Action::Bottom if app.reading.focus == Focus::Sidebar => sidebar_end(app, true),
        Action::Top => jump_to_line(app, 0),
        Action::Bottom => {
            let lines = app.document(app.reading.focused_pane).map_or(0, |d| d.lines.len());
            jump_to_line(app, lines.saturating_sub(page(app) as usize));
        }
        Action::NextParagraph => step_block(app, true, "paragraphs", |_| true),
        Action::PrevParagraph => step_block(app, false, "paragraphs", |_| true),
        Action::NextHeading => step_block(app, true, "headings", |k| matches!(k, BlockKind::Heading { .. })),
        Action::PrevHeading => step_block(app, false, "headings", |k| matches!(k, BlockKind::Heading { .. })),
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
        Action::OwnMapReady => own::receive(app),
        Action::NextDisagreement => themes::next_disagreement(app),
        Action::ToggleCompare => app.reading.compare_visible = !app.reading.compare_visible,
        Action::CompareDown => scroll_compare(app, 1),
        Action::CompareUp => scroll_compare(app, -1),
        Action::CopyPassage => super::copy::copy(app, super::copy::Cite::Plain),
        Action::CopyPassagePandoc => super::copy::copy(app, super::copy::Cite::Pandoc),
        Action::StartSelection => selection::start(app),
        Action::ListRelations => relations::list(app),
        Action::ToggleFollow => relations::toggle_follow(app),
        Action::OpenTimeline => relations::open_timeline(app),
        Action::Tag => own::tag(app),
        Action::RecordView => {
            let sidebar_theme = match (app.reading.focus, app.sidebar_entry()) {
                (Focus::Sidebar, Some(SidebarEntry::Theme(t))) => Some(t),
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
        | Action::RejectSuggestion
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

/// While selecting: the selection's own actions; false for the others.
fn handle_selection(app: &mut App, action: Action) -> bool {
    match action {
        Action::SelectNext => selection::extend(app, true),
        Action::SelectPrev => selection::extend(app, false),
        Action::Close => {
            app.reading.selection = None;
            app.status = Some("Selection ended".into());
        }
        _ => return false,
    }
    true
}
