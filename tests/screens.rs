//! Rendered screens, through ratatui's TestBackend.

use parallax::app::{Action, App, update};
use parallax::cli::{buffer_text, snapshot};
use parallax::corpus;
use parallax::ids::ArticleIx;
use parallax::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Color;

fn app(open: &[&str], width: u16, height: u16) -> App {
    let corpus = corpus::load(&corpus::bundled_sources()).corpus;
    let (map, _) = parallax::debate::load(&corpus, &corpus::bundled_maps());
    let open: Vec<ArticleIx> = open.iter().map(|id| corpus.index_of(id).unwrap()).collect();
    App::new(corpus, map, Keymap::defaults(), &open, Rect::new(0, 0, width, height))
}

fn default_app(width: u16, height: u16) -> App {
    app(&["manning-sun-2023", "gabuev-2024"], width, height)
}

#[test]
fn main_screen_80x24() {
    let screen = snapshot(&default_app(80, 24));
    // Two articles side by side: the sidebar narrows to its strips and short titles.
    assert!(
        screen.contains("Washington Is") && screen.contains("Putin and Xi"),
        "{screen}"
    );
    assert!(!screen.contains("more ▶"), "{screen}");
    assert!(screen.lines().nth(2).unwrap().starts_with("│+x The"), "{screen}");
    // The pane numbers over the strips are raised, not a count of themes.
    assert!(screen.lines().nth(1).unwrap().starts_with("│¹² THEMES"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn main_screen_100x30_and_160x45() {
    let screen = snapshot(&default_app(100, 30));
    assert!(
        screen.contains("Washington Is") && screen.contains("Putin and Xi"),
        "{screen}"
    );
    insta::assert_snapshot!("main_screen_100x30", screen);
    let app = app(
        &["yun-sun-2022", "manning-sun-2023", "gabuev-2024", "gurtov-2024"],
        160,
        45,
    );
    let screen = snapshot(&app);
    assert_eq!(app.screen().panes.len(), 4, "four at 160 columns");
    insta::assert_snapshot!("main_screen_160x45", screen);
}

#[test]
fn the_narrow_sidebar_widens_when_it_has_focus() {
    let mut app = default_app(80, 24);
    assert_eq!(
        app.screen().sidebar.unwrap().width,
        parallax::layout::NARROW_SIDEBAR_WIDTH
    );
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.reading.focus, parallax::app::Focus::Sidebar);
    assert_eq!(app.screen().sidebar.unwrap().width, 22);
    let screen = snapshot(&app);
    assert!(screen.contains("1 more ▶"), "{screen}");
}

#[test]
fn main_screen_120x40() {
    let screen = snapshot(&default_app(120, 40));
    assert!(screen.contains("Washington Is Missing") && screen.contains("Putin and Xi"));
    // The sidebar names each article's authors beside its outlet.
    assert!(
        screen.contains("2 Gabuev · Foreign") && screen.contains("Glantz, Freeman ·"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn main_screen_200x60_with_an_interview() {
    let screen = snapshot(&app(&["yun-sun-2022", "gabuev-2024", "gurtov-2024"], 200, 60));
    assert!(!screen.contains("more ▶"), "three panes fit in 200 columns");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_picker() {
    let mut app = default_app(120, 40);
    update(&mut app, Action::OpenPicker);
    for c in "sun".chars() {
        update(&mut app, Action::Input(c));
    }
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn the_help_screen() {
    let mut app = default_app(120, 40);
    update(&mut app, Action::Help);
    let screen = snapshot(&app);
    assert!(screen.contains("Quit parallax") && screen.contains("Scroll down a line"));
    // The legend of the marks comes first; no user keymap is claimed.
    let legend = screen.find("What the marks mean").expect("a legend");
    assert!(legend < screen.find("Quit parallax").unwrap());
    for mark in [
        "supports the theme's claim",
        "opposes the claim",
        "silent",
        "paragraph 23",
    ] {
        assert!(screen.contains(mark), "{mark}: {screen}");
    }
    assert!(
        screen.contains("Help · keys: the defaults ") && !screen.contains("your keymap"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn speakers_headings_and_notes_are_styled() {
    let mut app = app(&["gurtov-2024", "yun-sun-2022"], 160, 45);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    update(&mut app, Action::NextHeading);
    terminal.draw(|f| parallax::ui::render(f, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let text = buffer_text(&buffer);
    let row = text.lines().position(|l| l.contains("Putin the Supplicant")).unwrap() as u16;
    let col = text.lines().nth(row as usize).unwrap().find("Putin the").unwrap();
    let x = text.lines().nth(row as usize).unwrap()[..col].chars().count() as u16;
    assert_eq!(buffer[(x, row)].fg, Color::Yellow, "headings are colored");

    app.color = false;
    terminal.draw(|f| parallax::ui::render(f, &app)).unwrap();
    assert_eq!(
        terminal.backend().buffer()[(x, row)].fg,
        Color::Reset,
        "no color under NO_COLOR"
    );
    assert!(
        terminal.backend().buffer()[(x, row)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
}

#[test]
fn wide_characters_are_laid_out_by_display_width() {
    let text = "+++\nid = \"wide\"\ntitle = \"中文 Title\"\noutlet = \"O\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"s\"\n\n[[authors]]\nname = \"N\"\n+++\n\n中国和俄罗斯的关系 很好 café naïve e\u{301} 👍🏽 emoji and more words to wrap around the pane.\n";
    let mut diagnostics = Vec::new();
    let article = corpus::parse_article("wide.md", text.as_bytes(), &mut diagnostics).unwrap();
    let corpus = corpus::Corpus::new(vec![article]);
    // Too narrow for the sidebar: the pane takes the screen, 14 columns of text.
    let app = App::new(
        corpus,
        Default::default(),
        Keymap::defaults(),
        &[ArticleIx(0)],
        Rect::new(0, 0, 18, 14),
    );
    let mut terminal = Terminal::new(TestBackend::new(18, 14)).unwrap();
    terminal.draw(|f| parallax::ui::render(f, &app)).unwrap();
    let screen = buffer_text(terminal.backend().buffer());
    // Every row is exactly as wide as the screen: nothing spills or shifts.
    for line in screen.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 18, "{line}");
    }
    // The 18-column word is cut at the 14-column text width, between characters.
    assert!(
        screen.contains("│ 中国和俄罗斯的 │") && screen.contains("│ 关系 很好 café │"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn tiny_sizes_render_without_panic() {
    for (w, h) in [(1, 1), (2, 1), (1, 2), (5, 3), (12, 4), (29, 8), (31, 10)] {
        let mut app = default_app(w, h);
        let _ = snapshot(&app);
        update(&mut app, Action::OpenPicker);
        let _ = snapshot(&app);
        update(&mut app, Action::Close);
        update(&mut app, Action::Help);
        let _ = snapshot(&app);
    }
    insta::assert_snapshot!(snapshot(&default_app(12, 4)));
}

#[test]
fn the_status_line_never_runs_together_on_narrow_screens() {
    for width in [40u16, 50, 60, 70, 80] {
        let mut app = app(&["gabuev-2024", "manning-sun-2023", "gurtov-2024"], width, 20);
        update(&mut app, Action::NextTheme);
        update(&mut app, Action::PrevPassage);
        assert!(app.status.is_some());
        let screen = snapshot(&app);
        let row = screen.lines().last().unwrap();
        assert!(
            unicode_width::UnicodeWidthStr::width(row) <= usize::from(width),
            "{row:?}"
        );
        assert!(row.trim_end().ends_with("? help"), "{width}: {row:?}");
        // Where the left side is cut, a space parts it from the right side.
        if let Some(cut) = row.find('…') {
            assert_eq!(
                row[cut + '…'.len_utf8()..].chars().next(),
                Some(' '),
                "{width}: {row:?}"
            );
        }
        assert!(!row.contains("pane(s)"), "{row:?}");
    }
    let screen = snapshot(&app(&["gabuev-2024", "manning-sun-2023", "gurtov-2024"], 60, 20));
    assert!(
        screen.lines().last().unwrap().contains("2 panes hidden · ? help"),
        "{screen}"
    );
}

#[test]
fn at_80_columns_the_status_line_keeps_the_message_and_drops_where_first() {
    let mut app = default_app(80, 24);
    update(&mut app, Action::NextTheme);
    app.status = Some("Placed on “The wedge”: x opposes (saved to your map)".into());
    let screen = snapshot(&app);
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("Placed on “The wedge”: x opposes (saved to your map)"),
        "{status}"
    );
    assert!(
        !status.contains("theme: wedge"),
        "the theme's words went first: {status}"
    );
    // With no message, where the reader is stands in full.
    app.status = None;
    let status = snapshot(&app).lines().last().unwrap().to_string();
    assert!(
        status.contains("pane 1 of 2: manning-sun-2023 · theme: wedge"),
        "{status}"
    );
}
