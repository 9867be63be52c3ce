//! Every action, as a state transition: the reading view here, the
//! overlays in `overlays.rs`.

use ratatui::layout::Rect;

use super::*;
use crate::corpus;
use crate::keymap::Keymap;

mod overlays;

fn app_with(open: &[&str], width: u16, height: u16) -> App {
    let corpus = corpus::load(&corpus::bundled_sources()).corpus;
    let (map, problems) = crate::debate::load(&corpus, &corpus::bundled_maps());
    assert!(problems.is_empty(), "{problems:?}");
    let open: Vec<ArticleIx> = open.iter().map(|id| corpus.index_of(id).unwrap()).collect();
    App::new(corpus, map, Keymap::defaults(), &open, Rect::new(0, 0, width, height))
}

fn app() -> App {
    app_with(&["manning-sun-2023", "gabuev-2024"], 160, 45)
}

fn article_id(app: &App, pane: usize) -> &str {
    &app.corpus[app.reading.panes[pane].article].meta.id
}

fn top_block(app: &App, pane: usize) -> &crate::corpus::Block {
    &app.corpus[app.reading.panes[pane].article][app.reading.panes[pane].top.block]
}

#[test]
fn opens_the_requested_panes() {
    let app = app();
    assert_eq!(
        (article_id(&app, 0), article_id(&app, 1)),
        ("manning-sun-2023", "gabuev-2024")
    );
    assert_eq!(app.reading.focus, Focus::Pane);
    assert!(app.document(0).is_some() && app.document(1).is_some());
}

#[test]
fn line_scrolling_moves_one_line_and_stops_at_the_top() {
    let mut app = app();
    update(&mut app, Action::ScrollDown);
    update(&mut app, Action::ScrollDown);
    assert_eq!(app.scroll_line(0), 2);
    assert_eq!(app.scroll_line(1), 0, "only the focused pane scrolls");
    update(&mut app, Action::ScrollUp);
    assert_eq!(app.scroll_line(0), 1);
    for _ in 0..5 {
        update(&mut app, Action::ScrollUp);
    }
    assert_eq!(app.scroll_line(0), 0);
}

#[test]
fn page_and_half_page_scrolling() {
    let mut app = app();
    let page = app.pane_height(&app.screen(), 0);
    update(&mut app, Action::PageDown);
    assert_eq!(app.scroll_line(0), page - 2);
    update(&mut app, Action::PageUp);
    assert_eq!(app.scroll_line(0), 0);
    update(&mut app, Action::HalfPageDown);
    assert_eq!(app.scroll_line(0), page / 2);
    update(&mut app, Action::HalfPageUp);
    assert_eq!(app.scroll_line(0), 0);
}

#[test]
fn bottom_shows_the_last_line_and_scrolling_stops_there() {
    let mut app = app();
    update(&mut app, Action::Bottom);
    let lines = app.document(0).unwrap().lines.len();
    let page = app.pane_height(&app.screen(), 0);
    assert_eq!(app.scroll_line(0), lines - page);
    update(&mut app, Action::ScrollDown);
    update(&mut app, Action::PageDown);
    assert_eq!(app.scroll_line(0), lines - page);
    update(&mut app, Action::Top);
    assert_eq!(app.scroll_line(0), 0);
}

#[test]
fn paragraph_and_heading_steps() {
    let mut app = app();
    update(&mut app, Action::FocusNext); // gabuev-2024
    assert_eq!(app.reading.focused_pane, 1);
    update(&mut app, Action::NextParagraph);
    assert!(top_block(&app, 1).text.starts_with("Even as China and Russia"));
    update(&mut app, Action::PrevParagraph);
    assert!(top_block(&app, 1).text.starts_with("Just a decade ago"));
    update(&mut app, Action::NextHeading);
    assert_eq!(top_block(&app, 1).text, "A PARTNERSHIP WITH LIMITS");
    update(&mut app, Action::NextHeading);
    assert_eq!(top_block(&app, 1).text, "THE GREAT QUANTITATIVE LEAP");
    update(&mut app, Action::PrevHeading);
    assert_eq!(top_block(&app, 1).text, "A PARTNERSHIP WITH LIMITS");
    update(&mut app, Action::PrevHeading);
    assert_eq!(app.status.as_deref(), Some("At the start"));
    // An article without headings says so.
    update(&mut app, Action::FocusPrev);
    assert_eq!(article_id(&app, 0), "manning-sun-2023");
    update(&mut app, Action::NextHeading);
    assert_eq!(app.status.as_deref(), Some("manning-sun-2023 has no headings"));
}

#[test]
fn g_and_shift_g_go_to_the_ends_of_the_sidebar_and_of_a_list() {
    let mut app = app();
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.reading.focus, Focus::Sidebar);
    let key = |app: &App, text| {
        app.keymap
            .action(app.context(), crate::keymap::Key::parse(text).unwrap())
    };
    assert_eq!(key(&app, "G"), Some(Action::Bottom));
    update(&mut app, Action::Bottom);
    let entries = app.sidebar_entries();
    let last = entries.iter().rev().find(|e| e.selectable()).copied();
    assert_eq!(app.sidebar_entry(), last);
    update(&mut app, Action::Top);
    let first = entries.iter().find(|e| e.selectable()).copied();
    assert_eq!(app.sidebar_entry(), first);
    // The timeline, a list.
    update(&mut app, Action::OpenTimeline);
    assert_eq!(key(&app, "g"), Some(Action::Top));
    update(&mut app, Action::Top);
    assert!(matches!(app.overlay, Some(Overlay::Timeline { selected: 0 })));
    update(&mut app, Action::Bottom);
    let rows = crate::debate::timeline::rows(&app.corpus, &app.map).len();
    assert!(matches!(app.overlay, Some(Overlay::Timeline { selected }) if selected == rows - 1));
}

#[test]
fn focus_cycles_through_sidebar_and_panes() {
    let mut app = app();
    update(&mut app, Action::FocusNext);
    assert_eq!((app.reading.focus, app.reading.focused_pane), (Focus::Pane, 1));
    update(&mut app, Action::FocusNext);
    assert_eq!(app.reading.focus, Focus::Sidebar);
    update(&mut app, Action::FocusNext);
    assert_eq!((app.reading.focus, app.reading.focused_pane), (Focus::Pane, 0));
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.reading.focus, Focus::Sidebar);
    update(&mut app, Action::ToggleSidebar);
    assert!(!app.reading.sidebar_visible);
    assert_eq!(app.reading.focus, Focus::Pane);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::FocusNext);
    assert_eq!(
        (app.reading.focus, app.reading.focused_pane),
        (Focus::Pane, 0),
        "a hidden sidebar is not a stop"
    );
    update(&mut app, Action::ToggleSidebar);
    assert!(app.reading.sidebar_visible);
}

#[test]
fn panes_are_added_up_to_five_and_the_last_stays() {
    let mut app = app();
    update(&mut app, Action::AddPane);
    assert_eq!(app.reading.panes.len(), 3);
    assert_eq!(app.reading.focused_pane, 1);
    assert!(
        !["manning-sun-2023", "gabuev-2024"].contains(&article_id(&app, 1)),
        "a new pane shows an article not yet open"
    );
    for _ in 0..5 {
        update(&mut app, Action::AddPane);
    }
    assert_eq!(app.reading.panes.len(), MAX_PANES);
    assert_eq!(app.status.as_deref(), Some("At most 5 panes"));
    for _ in 0..10 {
        update(&mut app, Action::ClosePane);
    }
    assert_eq!(app.reading.panes.len(), 1);
    assert_eq!(app.status.as_deref(), Some("The last pane stays open"));
}

#[test]
fn a_closed_pane_comes_back_with_a_jump_back() {
    let mut app = app();
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::ScrollDown);
    let closed = app.reading.panes[1].clone();
    update(&mut app, Action::ClosePane);
    assert_eq!(app.reading.panes.len(), 1);
    assert_eq!(
        app.status.as_deref(),
        Some("Closed the pane of gabuev-2024 (ctrl-o brings it back)")
    );
    update(&mut app, Action::JumpBack);
    assert_eq!(app.reading.panes.len(), 2);
    assert_eq!(app.reading.panes[1], closed, "as it was, where it was");
    update(&mut app, Action::JumpForward);
    assert_eq!(app.reading.panes.len(), 1, "and forward closes it again");
}

#[test]
fn resizing_keeps_the_paragraph_at_the_top() {
    let mut app = app();
    for _ in 0..3 {
        update(&mut app, Action::NextParagraph);
    }
    let block = app.reading.panes[0].top.block;
    for (w, h) in [(80, 24), (200, 60), (61, 20), (160, 45)] {
        update(&mut app, Action::Resize(w, h));
        assert_eq!(app.reading.panes[0].top.block, block, "at {w}x{h}");
        let doc = app.document(0).unwrap();
        assert_eq!(Some(app.scroll_line(0)), doc.start_of(block));
    }
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_a_click_focuses() {
    let mut app = app();
    let screen = app.screen();
    let right = screen.pane(1).unwrap();
    update(&mut app, Action::ScrollAt(right.x + 5, right.y + 8, 3));
    assert_eq!((app.scroll_line(0), app.scroll_line(1)), (0, 3));
    assert_eq!(app.reading.focused_pane, 0);
    update(&mut app, Action::ClickAt(right.x + 5, right.y + 8));
    assert_eq!(app.reading.focused_pane, 1);
    // A click on an article in the sidebar opens it in the focused pane.
    let sidebar = screen.sidebar.unwrap();
    let gurtov = app.corpus.index_of("gurtov-2024").unwrap();
    let index = app
        .sidebar_entries()
        .iter()
        .position(|e| *e == SidebarEntry::Article(gurtov))
        .unwrap();
    update(&mut app, Action::ClickAt(sidebar.x + 3, sidebar.y + 1 + index as u16));
    assert_eq!(app.reading.focus, Focus::Sidebar);
    assert_eq!(app.reading.panes[1].article, gurtov);
}

#[test]
fn sidebar_selection_opens_articles_and_headings() {
    let mut app = app();
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.reading.focus, Focus::Sidebar);
    // The themes come first, then the articles.
    assert_eq!(app.sidebar_entry(), Some(SidebarEntry::Theme(ThemeIx(0))));
    let gabuev = app.corpus.index_of("gabuev-2024").unwrap();
    while app.sidebar_entry() != Some(SidebarEntry::Article(gabuev)) {
        let before = app.reading.sidebar_selected.clone();
        update(&mut app, Action::SelectNext);
        assert_ne!(
            app.reading.sidebar_selected, before,
            "the selection reaches the article"
        );
    }
    update(&mut app, Action::Select);
    // Gabuev is open in the second pane already: it takes focus, the first
    // pane keeps its article.
    assert_eq!((article_id(&app, 0), app.reading.focused_pane), ("manning-sun-2023", 1));
    assert_eq!(article_id(&app, 1), "gabuev-2024");
    // Its headings are listed below; choose the last one.
    for _ in 0..20 {
        update(&mut app, Action::SelectNext);
    }
    update(&mut app, Action::Select);
    assert_eq!(top_block(&app, 1).text, "NO REVERSE KISSINGER");
    // An article open nowhere replaces the focused pane's.
    let gurtov = app.corpus.index_of("gurtov-2024").unwrap();
    app.pick(SidebarEntry::Article(gurtov));
    update(&mut app, Action::Select);
    assert_eq!(article_id(&app, 1), "gurtov-2024");
    update(&mut app, Action::JumpBack);
    assert_eq!(
        article_id(&app, 1),
        "gabuev-2024",
        "ctrl-o brings the replaced article back"
    );
}

#[test]
fn quit_and_suspend() {
    let mut app = app();
    update(&mut app, Action::Suspend);
    assert_eq!(app.outbox.take(), [Effect::Suspend]);
    update(&mut app, Action::Resumed);
    assert_eq!(app.outbox.take(), [], "taken once");
    update(&mut app, Action::Quit);
    assert_eq!(app.outbox.take(), [Effect::Quit]);
}

#[test]
fn a_failed_session_save_is_said_over_an_open_window_and_stays_until_a_key() {
    let mut app = app();
    update(&mut app, Action::Help);
    update(&mut app, Action::SessionNotSaved(std::io::ErrorKind::PermissionDenied));
    assert!(app.overlay.is_some(), "the window stays open");
    let said = app.status.clone().expect("the failure is said");
    assert!(
        said.contains("session could not be saved") && said.contains("permission denied"),
        "{said}"
    );
    update(&mut app, Action::Resize(120, 40));
    assert_eq!(app.status.as_deref(), Some(said.as_str()), "a resize keeps it");
    update(&mut app, Action::Close);
    assert_eq!(app.status, None, "a key clears it");
}

/// What must hold after any action: panes within bounds, each on a block of
/// its article, the sidebar's selection on a row it has, a selection in a
/// pane that shows its article.
fn assert_invariants(app: &App, after: Action) {
    assert!(
        (1..=MAX_PANES).contains(&app.reading.panes.len()),
        "{after:?}: {} panes",
        app.reading.panes.len()
    );
    assert!(
        app.reading.focused_pane < app.reading.panes.len(),
        "{after:?}: focused pane"
    );
    for pane in &app.reading.panes {
        let blocks = app.corpus[pane.article].blocks.len();
        assert!(
            pane.top.block.get() < blocks,
            "{after:?}: top block {} of {blocks}",
            pane.top.block
        );
    }
    let entries = app.sidebar_entries();
    assert!(app.sidebar_index(&entries) < entries.len(), "{after:?}: sidebar row");
    if let Some(selection) = app.reading.selection {
        assert_eq!(
            app.reading.panes.get(selection.pane).map(|p| p.article),
            Some(selection.article),
            "{after:?}: selection"
        );
    }
}

#[test]
fn every_action_at_tiny_sizes_renders_and_keeps_the_invariants() {
    let actions: Vec<Action> = Action::NAMED
        .iter()
        .map(|(_, a, _)| *a)
        .filter(|a| *a != Action::Quit)
        .collect();
    for (w, h) in [(1, 1), (2, 2), (10, 3), (31, 6), (0, 0)] {
        let mut app = app();
        update(&mut app, Action::Resize(w, h));
        for action in &actions {
            for step in [*action, Action::ScrollAt(0, 0, 3), Action::ClickAt(w / 2, h / 2)] {
                update(&mut app, step);
                assert_invariants(&app, step);
            }
            let screen = crate::ui::snapshot(&app);
            assert_eq!(
                screen.lines().count(),
                usize::from(h),
                "{action:?} at {w}x{h}: one line a row"
            );
            assert!(
                screen
                    .lines()
                    .all(|line| unicode_width::UnicodeWidthStr::width(line) <= usize::from(w)),
                "{action:?} at {w}x{h}: nothing wider than the screen:\n{screen}"
            );
        }
    }
}

#[test]
fn a_saved_session_comes_back_at_another_width() {
    let mut app = app();
    for _ in 0..3 {
        update(&mut app, Action::NextParagraph);
    }
    update(&mut app, Action::ScrollDown);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::NextTheme);
    let saved = app.to_session();
    let mut other = app_with(&["gurtov-2024"], 90, 30);
    let notices = other.restore(&saved);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        other.reading.panes, app.reading.panes,
        "same blocks and lines, whatever the width"
    );
    assert_eq!(other.reading.focused_pane, 1);
    assert_eq!(other.reading.theme, app.reading.theme);
    assert_eq!(other.reading.jumps, app.reading.jumps);
}

#[test]
fn a_changed_article_re_anchors_by_text_or_opens_at_the_top() {
    let mut app = app();
    for _ in 0..3 {
        update(&mut app, Action::NextParagraph);
    }
    let mut saved = app.to_session();
    let block = app.reading.panes[0].top.block;
    // The block ids moved (a paragraph was added above): found by its text.
    saved.panes[0].block = "p1".into();
    let mut other = app_with(&["gabuev-2024"], 160, 45);
    assert!(other.restore(&saved).is_empty());
    assert_eq!(other.reading.panes[0].top.block, block);
    // The text is gone: the top, with a notice.
    saved.panes[0].fingerprint = "words no article has".into();
    let notices = other.restore(&saved);
    assert_eq!(notices, ["manning-sun-2023 has changed; it opens at the top"]);
    assert_eq!(other.reading.panes[0].top, Position::default());
    // The article is gone: that pane is dropped, with a notice.
    saved.panes[0].article = "gone-2020".into();
    let notices = other.restore(&saved);
    assert_eq!(notices, ["gone-2020 is no longer there"]);
    assert_eq!(other.reading.panes.len(), 1);
}
