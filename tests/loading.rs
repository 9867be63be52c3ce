//! A large library opens in two stages: the articles the first frame shows,
//! then the rest from a thread of its own, the reader keeping what it shows.

#[path = "../benches/support/copies.rs"]
mod copies;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parallax::app::{Action, App, Overlay, Progress, update};
use parallax::boot::{Options, Wait};
use parallax::ids::{ArticleIx, BlockIx, ThemeIx};
use parallax::library::{Source, WHOLE_UP_TO};
use ratatui::layout::Rect;

const ARTICLES: usize = WHOLE_UP_TO + 50;

fn library(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-loading-{name}-{}", std::process::id()));
    copies::write_copies(&dir, ARTICLES);
    dir
}

/// The reader on `dir`, the rest of the library let in.
fn open(dir: &Path, options: &Options, wait: Wait) -> App {
    let_in(opened(&folder(dir), options, wait))
}

fn folder(dir: &Path) -> Source {
    Source {
        dir: Some(dir.to_path_buf()),
        ..Source::default()
    }
}

/// The reader on `source` as it stands before its first frame.
fn opened(source: &Source, options: &Options, wait: Wait) -> App {
    parallax::boot::open(source, options, Rect::new(0, 0, 120, 36), wait)
        .expect("the library opens")
        .app
}

/// The rest of the library let in, as the running reader lets it in once
/// its first frame is out.
fn let_in(mut app: App) -> App {
    app.load_the_rest_in_background();
    app
}

/// Sends `ArticlesReady` until the whole library is taken up.
fn until_arrived(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.work.loading.is_some() {
        assert!(Instant::now() < deadline, "the library never arrived");
        update(app, Action::ArticlesReady);
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn pane_ids(app: &App) -> Vec<String> {
    app.reading
        .panes
        .iter()
        .map(|p| app.corpus[p.article].meta.id.to_string())
        .collect()
}

/// The text the panes show: the screen without its sidebar, status line and
/// pane headers, and without the marks of relations (those to articles that
/// arrive later are marked then).
fn panes_shown(app: &App) -> String {
    let sidebar = app.screen().sidebar.map_or(0, |s| usize::from(s.width));
    let text = parallax::cli::snapshot(app);
    let rows: Vec<&str> = text.lines().collect();
    rows[4..rows.len() - 1]
        .iter()
        .map(|row| row.chars().skip(sidebar).collect::<String>().replace('↔', " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The arrival changes nothing the reader holds: the articles read first
/// keep their indices, the rest come after, the followed theme and the
/// sidebar's selection stay; the lists still show every article in date order.
#[test]
fn the_arrival_moves_nothing_the_reader_holds_and_lists_stay_in_date_order() {
    use parallax::app::SidebarEntry;
    let dir = library("indices");
    let mut app = open(&dir, &Options::default(), Wait::No);
    let first: Vec<String> = app.corpus.ids().map(String::from).collect();
    // A theme selected (the sidebar is on it too) and followed.
    let wedge = app.map.theme_index("wedge").expect("the wedge theme");
    update(&mut app, Action::SelectTheme(wedge));
    update(&mut app, Action::ToggleFollow);
    let theme_id = |app: &App, theme: Option<ThemeIx>| theme.map(|t| app.map[t].id.clone());
    let followed = theme_id(&app, app.followed_theme());
    assert!(followed.is_some(), "the pane's top is on a theme");
    until_arrived(&mut app);
    assert_eq!(app.corpus.len(), ARTICLES);
    let now: Vec<&str> = app.corpus.ids().take(first.len()).collect();
    assert_eq!(now, first, "the articles read first are where they were");
    assert_eq!(theme_id(&app, app.followed_theme()), followed, "the followed theme");
    let on_theme = match app.sidebar_entry() {
        Some(SidebarEntry::Theme(t)) => Some(app.map[t].id.clone()),
        _ => None,
    };
    assert_eq!(on_theme.as_deref(), Some("wedge"), "the sidebar's selection");
    let date_key = |a: ArticleIx| {
        let meta = &app.corpus[a].meta;
        (meta.published, meta.id.clone())
    };
    let listed: Vec<ArticleIx> = app
        .sidebar_entries()
        .into_iter()
        .filter_map(|e| match e {
            SidebarEntry::Article(a) => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(listed.len(), ARTICLES, "the sidebar lists every article once");
    assert!(
        listed.windows(2).all(|w| date_key(w[0]) <= date_key(w[1])),
        "the sidebar lists them by date"
    );
    let columns = app.matrix_columns();
    assert!(
        columns.windows(2).all(|w| date_key(w[0]) <= date_key(w[1])),
        "the matrix too"
    );
    update(&mut app, Action::OpenPicker);
    let Some(parallax::app::Overlay::Picker(picker)) = &app.overlay else {
        panic!("the picker is open")
    };
    assert_eq!(picker.matches, listed, "the picker, before anything is typed, too");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Nothing more is read until the reader lets it (once its first frame is
/// out), so that the first frame is drawn with the machine to itself.
#[test]
fn the_rest_is_read_only_once_let_in() {
    let dir = library("let-in");
    let mut app = opened(&folder(&dir), &Options::default(), Wait::No);
    let first = app.corpus.len();
    std::thread::sleep(Duration::from_millis(300));
    update(&mut app, Action::ArticlesReady);
    assert_eq!(app.corpus.len(), first);
    assert!(matches!(app.progress(), Some(Progress::Loading(done, _)) if done == first));
    app.load_the_rest_in_background();
    until_arrived(&mut app);
    assert_eq!(app.corpus.len(), ARTICLES);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_first_frame_shows_the_articles_asked_for_and_the_rest_arrive_without_moving_them() {
    let dir = library("arrive");
    let mut app = open(&dir, &Options::default(), Wait::No);
    assert_eq!(pane_ids(&app), ["manning-sun-2023", "gabuev-2024"]);
    assert!(
        app.corpus.len() < ARTICLES,
        "only what the first frame needs is read before it"
    );
    assert!(matches!(app.progress(), Some(Progress::Loading(_, total)) if total == ARTICLES));
    let screen = parallax::cli::snapshot(&app);
    let status = screen.lines().last().unwrap_or_default();
    assert!(
        status.contains("loading ") && status.contains(&format!(" of {ARTICLES}")),
        "{status}"
    );
    update(&mut app, Action::OpenSearch);
    let palette = parallax::cli::snapshot(&app);
    assert!(palette.contains("only those read first are searched"), "{palette}");
    update(&mut app, Action::Close);
    // Keys work meanwhile: a theme moves the panes (a jump), then a scroll.
    let wedge = app.map.theme_index("wedge").expect("the wedge theme");
    update(&mut app, Action::SelectTheme(wedge));
    update(&mut app, Action::ScrollDown);
    update(&mut app, Action::ScrollDown);
    let tops: Vec<_> = app.reading.panes.iter().map(|p| p.top).collect();
    let shown = panes_shown(&app);

    until_arrived(&mut app);
    assert_eq!(app.corpus.len(), ARTICLES);
    assert_eq!(pane_ids(&app), ["manning-sun-2023", "gabuev-2024"]);
    assert_eq!(app.reading.panes.iter().map(|p| p.top).collect::<Vec<_>>(), tops);
    assert_eq!(app.theme().map(|t| app.map[t].id.as_str()), Some("wedge"));
    assert_eq!(panes_shown(&app), shown, "the panes show what they showed");
    // The map is anchored in every article now: the copies' passages too.
    let wedge = &app.map[app.theme().unwrap()];
    assert!(wedge.passages.len() >= 2);
    // The jump list still goes back to where the theme jump left from.
    update(&mut app, Action::JumpBack);
    assert_eq!(pane_ids(&app), ["manning-sun-2023", "gabuev-2024"]);
    assert!(
        app.reading.panes.iter().all(|p| p.top.block == BlockIx(0)),
        "{:?}",
        app.reading.panes
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn search_covers_every_article_once_the_library_has_arrived() {
    let dir = library("search");
    let mut app = open(&dir, &Options::default(), Wait::No);
    until_arrived(&mut app);
    update(&mut app, Action::OpenSearch);
    for c in "reverse kissinger".chars() {
        update(&mut app, Action::Input(c));
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        update(&mut app, Action::SearchReady);
        if let Some(Overlay::Search(palette)) = &app.overlay
            && !palette.searching()
            && app.progress().is_none()
        {
            let articles: std::collections::HashSet<_> = palette
                .hits
                .iter()
                .filter_map(|h| app.work.searcher.index.candidate(h.candidate).article)
                .collect();
            assert!(articles.len() > 5, "hits in {} articles", articles.len());
            break;
        }
        assert!(Instant::now() < deadline, "no results");
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_open_list_of_places_holds_the_arrival_until_it_closes() {
    let dir = library("hold");
    let mut app = open(&dir, &Options::default(), Wait::No);
    let first = app.corpus.len();
    update(&mut app, Action::OpenTimeline);
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.progress() != Some(Progress::Held(ARTICLES)) {
        assert!(Instant::now() < deadline, "the library never arrived");
        update(&mut app, Action::ArticlesReady);
        std::thread::sleep(Duration::from_millis(5));
    }
    update(&mut app, Action::ArticlesReady);
    assert_eq!(app.corpus.len(), first, "the timeline's rows are not moved under it");
    let status = parallax::cli::snapshot(&app)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        status.contains(&format!("{ARTICLES} articles read, shown when this closes")),
        "{status}"
    );
    update(&mut app, Action::Close);
    // It was there: the first chance takes it up.
    update(&mut app, Action::ArticlesReady);
    assert!(app.work.loading.is_none());
    assert_eq!(app.corpus.len(), ARTICLES);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_picker_open_when_the_library_arrives_lists_every_article() {
    let dir = library("picker");
    let mut app = open(&dir, &Options::default(), Wait::No);
    update(&mut app, Action::OpenPicker);
    until_arrived(&mut app);
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("the picker stays open");
    };
    assert_eq!(picker.matches.len(), ARTICLES);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_article_asked_for_under_another_file_name_is_found_by_the_head_of_its_file() {
    let dir = library("renamed");
    std::fs::rename(dir.join("gurtov-2024.md"), dir.join("renamed.md")).unwrap();
    let options = Options {
        open: vec!["gurtov-2024".into()],
        ..Options::default()
    };
    let mut app = open(&dir, &options, Wait::No);
    assert_eq!(pane_ids(&app), ["gurtov-2024"]);
    assert!(
        app.work.loading.is_some(),
        "in two stages: found without reading every article"
    );
    until_arrived(&mut app);
    assert_eq!(app.corpus.len(), ARTICLES);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_file_among_the_rest_is_left_out_and_said_when_the_library_arrives() {
    let dir = library("broken");
    std::fs::write(dir.join("zz-broken.md"), "no front matter\n").unwrap();
    let mut app = open(&dir, &Options::default(), Wait::No);
    until_arrived(&mut app);
    assert_eq!(app.corpus.len(), ARTICLES);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("1 error"), "{status}");
    let check = format!("parallax check --articles {}", dir.display());
    assert!(status.contains(&check), "{status}");
    // The command it names lists the broken file.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["check", "--articles", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
    assert!(
        listed.contains("zz-broken.md") && listed.contains("front matter"),
        "{listed}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_snapshot_waits_for_the_whole_library() {
    let dir = library("snapshot");
    let app = open(&dir, &Options::default(), Wait::ForAll);
    assert!(app.work.loading.is_none());
    assert_eq!(app.corpus.len(), ARTICLES);
    assert_eq!(pane_ids(&app), ["manning-sun-2023", "gabuev-2024"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_message_on_screen_does_not_hold_the_arrival() {
    let dir = library("message");
    let mut app = open(&dir, &Options::default(), Wait::No);
    app.overlay = Some(Overlay::Message {
        title: "Problems in your keymap".into(),
        lines: vec!["a line".into()],
    });
    until_arrived(&mut app);
    assert_eq!(app.corpus.len(), ARTICLES);
    assert!(matches!(app.overlay, Some(Overlay::Message { .. })));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_last_session_s_articles_are_read_first() {
    let dir = library("session");
    let session = dir.join("session.toml");
    let wanted = ["yun-sun-2022-copy-00004", "gurtov-2024"];
    let asked = Options {
        open: wanted.iter().map(ToString::to_string).collect(),
        ..Options::default()
    };
    let mut app = open(&dir, &asked, Wait::No);
    assert!(app.work.loading.is_some(), "found by their file names");
    update(&mut app, Action::PageDown);
    parallax::session::save(&session, &app.to_session()).unwrap();
    let top = app.reading.panes[0].top;

    let again = Options {
        session: Some(session),
        ..Options::default()
    };
    let app = open(&dir, &again, Wait::No);
    assert!(app.work.loading.is_some());
    assert_eq!(pane_ids(&app), wanted);
    assert_eq!(app.reading.panes[0].top, top);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_id_in_a_large_library_names_the_closest_not_every_article() {
    let dir = library("unknown");
    let source = Source {
        dir: Some(dir.clone()),
        ..Source::default()
    };
    let options = Options {
        open: vec!["gurtov-2025".into()],
        ..Options::default()
    };
    let Err(error) = parallax::boot::open(&source, &options, Rect::new(0, 0, 120, 36), Wait::No) else {
        panic!("an unknown id is an error");
    };
    let message = error.to_string();
    assert!(message.contains("did you mean `gurtov-2024`?"), "{message}");
    assert!(message.contains(&format!("there are {ARTICLES} articles")), "{message}");
    assert!(message.len() < 200, "{message}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_without_articles_says_what_an_article_is() {
    let dir = std::env::temp_dir().join(format!("parallax-loading-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = Source {
        dir: Some(dir.clone()),
        ..Source::default()
    };
    let Err(error) = parallax::boot::open(&source, &Options::default(), Rect::new(0, 0, 80, 24), Wait::No) else {
        panic!("an empty folder is not a library");
    };
    let message = error.to_string();
    assert!(message.contains(&dir.display().to_string()), "{message}");
    assert!(message.contains("parallax import"), "{message}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_library_whose_files_are_named_otherwise_opens_in_two_stages_every_time() {
    let dir = library("named-otherwise");
    // No file named after its article.
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            n += 1;
            std::fs::rename(&path, dir.join(format!("saved-{n:04}.md"))).unwrap();
        }
    }
    let names = dir.with_extension("names");
    let source = Source {
        dir: Some(dir.clone()),
        names: Some(names.clone()),
        ..Source::default()
    };
    let options = Options {
        open: vec!["gurtov-2024".into()],
        ..Options::default()
    };
    let start = || let_in(opened(&source, &options, Wait::No));
    // The first time, found by the heads of the files; the whole library,
    // once arrived, remembers which file holds which article.
    let mut first = start();
    assert!(first.work.loading.is_some(), "in two stages");
    assert_eq!(pane_ids(&first), ["gurtov-2024"]);
    until_arrived(&mut first);
    assert!(std::fs::read_dir(&names).unwrap().count() == 1, "the names remembered");
    let mut second = start();
    assert!(
        second.work.loading.is_some(),
        "then in two stages, by the name remembered"
    );
    assert!(second.corpus.len() < 10, "{}", second.corpus.len());
    assert_eq!(pane_ids(&second), ["gurtov-2024"]);
    until_arrived(&mut second);
    assert_eq!(second.corpus.len(), ARTICLES);
    // A remembered name that no longer holds its article: found by the heads again.
    let holder = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("id = \"gurtov-2024\"")))
        .unwrap();
    std::fs::rename(&holder, dir.join("moved-again.md")).unwrap();
    let third = start();
    assert!(third.work.loading.is_some());
    assert_eq!(pane_ids(&third), ["gurtov-2024"]);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&names);
}

/// Results on screen when the library arrives came from the index over the
/// articles read first; the palette asks again over the whole library, and
/// never shows a result from one index looked up in another.
#[test]
fn a_search_on_screen_when_the_library_arrives_is_asked_again_over_the_whole_library() {
    let dir = library("search-arrival");
    let mut app = open(&dir, &Options::default(), Wait::No);
    // As the reader runs: the index is built and searched on a thread, the
    // own map kept on another.
    app.search_in_background();
    app.keep_own_map_in_background();
    update(&mut app, Action::OpenSearch);
    for c in "reverse kissinger".chars() {
        update(&mut app, Action::Input(c));
    }
    let answered = |app: &mut App| {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            update(app, Action::SearchReady);
            if let Some(Overlay::Search(palette)) = &app.overlay
                && !palette.searching()
            {
                return palette.hits.clone();
            }
            assert!(Instant::now() < deadline, "no results");
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    assert!(!answered(&mut app).is_empty(), "results over the articles read first");
    until_arrived(&mut app);
    // The own map's keeper answers from its thread with the map over the
    // whole library, and a search index over it.
    let first_stage = std::sync::Arc::clone(&app.work.searcher.index);
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::sync::Arc::ptr_eq(&first_stage, &app.work.searcher.index) {
        assert!(Instant::now() < deadline, "the keeper never answered");
        std::thread::sleep(Duration::from_millis(5));
        update(&mut app, Action::OwnMapReady);
    }
    let Some(Overlay::Search(palette)) = &app.overlay else {
        panic!("the palette stays open")
    };
    assert!(
        palette.searching()
            || palette.hits
                == app
                    .work
                    .searcher
                    .index
                    .search(&parallax::search::Query::parse("reverse kissinger")),
        "results from another index"
    );
    // Drawn as it is (this panicked when the results were of the old index).
    assert!(parallax::cli::snapshot(&app).contains("reverse kissinger"));
    let hits = answered(&mut app);
    let articles: std::collections::HashSet<_> = hits
        .iter()
        .filter_map(|h| app.work.searcher.index.candidate(h.candidate).article)
        .collect();
    assert!(articles.len() > 5, "hits in {} articles", articles.len());
    let _ = std::fs::remove_dir_all(&dir);
}
