//! Mapping the debate from the keyboard, step by step through update():
//! select sentences, place them on a theme with a stance and a summary,
//! record a view, change, move, delete, undo; kept in the reader's own map.

#[path = "support/own_reader.rs"]
mod own_reader;

use std::path::Path;

use own_reader::{own_path, reader};
use parallax::app::{Action, App, Overlay, Step, update};
use parallax::debate::{self, Stance};
use parallax::ids::{ArticleIx, ThemeIx};
use parallax::keymap::Keymap;
use parallax::own_map::OwnMap;
use ratatui::layout::Rect;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}

fn step(app: &App) -> Option<Step> {
    match &app.overlay {
        Some(Overlay::Form(form)) => Some(form.step),
        _ => None,
    }
}

fn on_disk(path: &Path) -> OwnMap {
    OwnMap::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const SENTENCE: &str = "Any hopes of peeling them away from each other are nothing more than wishful thinking.";

/// The scenario of the issue, as update() steps: search, select, tag with a
/// new theme, its claim, a stance, a summary.
fn place_gabuev_on_a_new_theme(app: &mut App) {
    update(app, Action::OpenSearch);
    type_text(app, "peeling them away");
    update(app, Action::Select);
    assert_eq!(
        app.corpus[app.reading.panes[app.reading.focused_pane].article].meta.id,
        "gabuev-2024"
    );
    update(app, Action::StartSelection);
    let selection = app.reading.selection.expect("a selection at the sentence jumped to");
    let (first, last) = selection.span();
    assert_eq!(first, last, "one sentence");
    update(app, Action::Tag);
    assert_eq!(step(app), Some(Step::Theme));
    type_text(app, "Putin's staying power");
    let Some(Overlay::Form(form)) = &app.overlay else {
        unreachable!()
    };
    assert_eq!(
        form.new_row(),
        Some(form.selected),
        "nothing matches: the new theme is selected"
    );
    update(app, Action::Select);
    assert_eq!(step(app), Some(Step::Claim));
    type_text(app, "Putin will outlast Western hopes of a split.");
    update(app, Action::Select);
    assert_eq!(step(app), Some(Step::Stance));
    update(app, Action::StanceOpposes);
    assert_eq!(step(app), Some(Step::Summary));
    type_text(app, "Gabuev sees no split coming while Putin rules.");
    update(app, Action::Select);
    assert!(app.overlay.is_none(), "saved: {:?}", app.status);
}

#[test]
fn a_passage_placed_from_the_keyboard_is_saved_and_at_once_part_of_the_map() {
    let path = own_path("scenario");
    let mut app = reader(&["gabuev-2024", "manning-sun-2023"], &path);
    place_gabuev_on_a_new_theme(&mut app);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("Placed on “Putin's staying power”: x opposes")
    );

    // Written at once, in the map format.
    let saved = on_disk(&path);
    assert_eq!(saved.themes.len(), 1);
    assert_eq!(saved.themes[0].claim, "Putin will outlast Western hopes of a split.");
    assert_eq!(saved.passages[0].quote, SENTENCE, "the whole sentence");
    assert_eq!(saved.passages[0].stance, Stance::Opposes);

    // Part of the map: the theme is selected, the passage is Gabuev's, marked as the reader's.
    let theme = app.theme().expect("the new theme is selected");
    let t = &app.map[theme];
    assert!(t.mine);
    let gabuev = app.corpus.index_of("gabuev-2024").unwrap();
    assert_eq!(t.stance_of(gabuev), Some(Stance::Opposes));
    assert!(t.passages.iter().all(|p| p.mine));
    let screen = parallax::cli::snapshot(&app);
    assert!(
        screen.contains("✎ Putin's staying power"),
        "the sidebar marks it: {screen}"
    );
    assert!(screen.contains("x opposes · yours · Gabuev sees no split"), "{screen}");

    // In the export, the table, search and the compare panel.
    let json: serde_json::Value =
        serde_json::from_str(&parallax::export::json(&app.corpus, &app.map, &[theme])).unwrap();
    let passage = &json["themes"][0]["passages"][0];
    assert_eq!(passage["mine"], true);
    assert_eq!(passage["quote"], SENTENCE);
    assert_eq!(passage["summary"], "Gabuev sees no split coming while Putin rules.");
    assert!(
        debate::lint(&app.corpus, &app.map).is_empty(),
        "a theme just added, with one passage, is no lint"
    );
    let table = parallax::export::themes_table(&app.corpus, &app.map);
    let row = table.lines().find(|l| l.starts_with("putin-s-staying-power")).unwrap();
    assert!(row.contains("x opposes (yours)"), "{row}");
    let hits = app
        .work
        .searcher
        .index
        .search(&parallax::search::Query::parse("no split coming while putin"));
    assert!(!hits.is_empty(), "the summary is searchable");
    update(&mut app, Action::ToggleCompare);
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("x opposes yours: Gabuev sees no split"), "{screen}");
    update(&mut app, Action::OpenMatrix);
    let screen = parallax::cli::snapshot(&app);
    let row = screen
        .lines()
        .find(|l| l.contains("Putin's staying power") && l.contains("+0"))
        .unwrap();
    assert!(row.contains("x✎"), "the matrix marks it: {row}");
    update(&mut app, Action::Close);
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "no split coming");
    let screen = parallax::cli::snapshot(&app);
    assert!(
        screen.contains("theme   ✎ putin-s-staying"),
        "the palette marks it: {screen}"
    );
    update(&mut app, Action::Close);

    // A restart reads it back: the theme is there and jumps to the passage.
    let mut again = reader(&["manning-sun-2023", "gabuev-2024"], &path);
    let theme = again.map.theme_index("putin-s-staying-power").unwrap();
    update(&mut again, Action::SelectTheme(theme));
    assert_ne!(again.scroll_line(1), 0, "the Gabuev pane moved to the passage");
    let top = parallax::cli::snapshot(&again);
    assert!(top.contains("Any hopes of peeling"), "{top}");
}

/// Themes are named by id in what the reader keeps selected, so a theme
/// added or removed before them (by placing a passage on a new theme, or
/// undoing it) moves neither the sidebar's selection nor the theme.
#[test]
fn what_is_selected_stays_selected_when_a_new_theme_comes_and_goes() {
    use parallax::app::SidebarEntry;
    let path = own_path("selection-stays");
    let mut app = reader(&["gabuev-2024", "manning-sun-2023"], &path);
    let gurtov = app.corpus.index_of("gurtov-2024").unwrap();
    update(&mut app, Action::FocusPrev);
    while app.sidebar_entry() != Some(SidebarEntry::Article(gurtov)) {
        update(&mut app, Action::SelectNext);
    }
    place_gabuev_on_a_new_theme(&mut app);
    let new_theme = app.theme().expect("the new theme is selected");
    assert_eq!(app.map[new_theme].title, "Putin's staying power");
    assert_eq!(
        app.sidebar_entry(),
        Some(SidebarEntry::Article(gurtov)),
        "the sidebar stays on the article chosen there"
    );

    // A bundled theme selected, then the new one undone: both stay put.
    update(&mut app, Action::SelectTheme(ThemeIx(0)));
    let first = app.map.themes[0].id.clone();
    update(&mut app, Action::FocusPrev);
    update(&mut app, Action::SelectNext);
    let chosen = app.sidebar_entry();
    let Some(SidebarEntry::Theme(chosen_theme)) = chosen else {
        panic!("a theme row is chosen: {chosen:?}")
    };
    let chosen_id = app.map[chosen_theme].id.clone();
    update(&mut app, Action::Undo);
    assert!(
        app.map.themes.iter().all(|t| t.title != "Putin's staying power"),
        "undone"
    );
    assert_eq!(app.theme().map(|t| app.map[t].id.clone()), Some(first));
    let Some(SidebarEntry::Theme(after)) = app.sidebar_entry() else {
        panic!("still on a theme row")
    };
    assert_eq!(app.map[after].id, chosen_id);
}

#[test]
fn esc_at_any_step_saves_nothing() {
    let path = own_path("esc");
    let mut app = reader(&["gabuev-2024"], &path);
    let steps: [&[Action]; 4] = [
        &[],
        &[Action::Select],
        &[Action::Select, Action::Input('c'), Action::Select],
        &[
            Action::Select,
            Action::Input('c'),
            Action::Select,
            Action::StanceSupports,
        ],
    ];
    for actions in steps {
        update(&mut app, Action::StartSelection);
        update(&mut app, Action::Tag);
        type_text(&mut app, "Zq9 new");
        for &action in actions {
            update(&mut app, action);
        }
        assert!(step(&app).is_some());
        update(&mut app, Action::Close);
        assert!(app.overlay.is_none());
        assert_eq!(app.status.as_deref(), Some("Nothing saved"));
        assert!(!path.exists(), "nothing written");
        update(&mut app, Action::Close);
    }
}

#[test]
fn the_selection_grows_and_shrinks_by_sentences_across_paragraphs_and_the_view_follows() {
    let path = own_path("select");
    let mut app = reader(&["gabuev-2024"], &path);
    update(&mut app, Action::StartSelection);
    assert_eq!(app.context(), parallax::keymap::Context::Selection);
    let start = app.reading.selection.unwrap();
    assert_eq!(start.span(), (0, 0), "the first sentence on screen");
    for _ in 0..40 {
        update(&mut app, Action::SelectNext);
    }
    let grown = app.reading.selection.unwrap();
    assert_eq!(grown.span(), (0, 40));
    let anchor = parallax::app::selection_anchor(&app.corpus[grown.article], &grown);
    assert!(anchor.end_block > anchor.start_block, "across paragraphs");
    assert!(app.scroll_line(0) > 0, "the view followed");
    for _ in 0..39 {
        update(&mut app, Action::SelectPrev);
    }
    assert_eq!(app.reading.selection.unwrap().span(), (0, 1));
    // Drawn distinctly, under NO_COLOR too: reversed, with a bar in the margin.
    app.color = false;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 45)).unwrap();
    terminal.draw(|f| parallax::ui::render(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let reversed = (0..45u16)
        .flat_map(|y| (0..160u16).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer[(x, y)].modifier.contains(ratatui::style::Modifier::REVERSED))
        .count();
    assert!(reversed > 20, "{reversed} reversed cells");
    assert!(parallax::cli::snapshot(&app).contains('▌'));
    // y copies the selection; Esc ends it.
    update(&mut app, Action::CopyPassage);
    assert!(on_clipboard(&mut app).unwrap().starts_with("“Just a decade ago"));
    update(&mut app, Action::Close);
    assert!(app.reading.selection.is_none());
    assert_eq!(app.context(), parallax::keymap::Context::Reader);
    // A selection ends when its pane shows another article.
    update(&mut app, Action::StartSelection);
    update(&mut app, Action::OpenPicker);
    type_text(&mut app, "gurtov");
    update(&mut app, Action::Select);
    assert!(app.reading.selection.is_none());
}

#[test]
fn a_mouse_drag_selects_sentences() {
    let path = own_path("drag");
    let mut app = reader(&["gabuev-2024"], &path);
    let pane = app.screen().pane(0).unwrap();
    let (x, y) = (pane.x + 3, pane.y + 4);
    update(&mut app, Action::ClickAt(x, y));
    update(&mut app, Action::DragAt(x + 10, y + 6));
    let selection = app.reading.selection.expect("a selection");
    let (first, last) = selection.span();
    assert_eq!(first, 0);
    assert!(last >= 1, "{last}");
}

#[test]
fn your_view_of_a_claim_is_recorded_shown_and_exported() {
    let path = own_path("view");
    let mut app = reader(&["gabuev-2024", "manning-sun-2023"], &path);
    update(&mut app, Action::NextTheme);
    update(&mut app, Action::RecordView);
    assert_eq!(step(&app), Some(Step::Stance));
    update(&mut app, Action::StanceQualifies);
    type_text(&mut app, "Only on Ukraine, and only for a while.");
    update(&mut app, Action::Select);
    let wedge = &app.map.themes[0];
    assert_eq!(wedge.view.as_ref().unwrap().stance, Stance::Qualifies);
    update(&mut app, Action::ToggleCompare);
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("You: ~ qualifies Only on Ukraine"), "{screen}");
    let json: serde_json::Value =
        serde_json::from_str(&parallax::export::json(&app.corpus, &app.map, &[ThemeIx(0)])).unwrap();
    assert_eq!(json["themes"][0]["view"]["stance"], "qualifies");
    assert_eq!(
        json["themes"][0]["view"]["note"],
        "Only on Ukraine, and only for a while."
    );
    assert_eq!(on_disk(&path).views.len(), 1);
    // Recorded again: replaced, not doubled.
    update(&mut app, Action::RecordView);
    update(&mut app, Action::StanceSupports);
    update(&mut app, Action::ClearInput);
    type_text(&mut app, "Changed my mind.");
    update(&mut app, Action::Select);
    assert_eq!(on_disk(&path).views.len(), 1);
    assert_eq!(app.map.themes[0].view.as_ref().unwrap().note, "Changed my mind.");
}

#[test]
fn your_passages_can_be_changed_moved_deleted_and_undone_and_the_bundled_ones_cannot() {
    let path = own_path("change");
    let mut app = reader(&["gabuev-2024", "manning-sun-2023"], &path);
    place_gabuev_on_a_new_theme(&mut app);
    // Edit: stance and summary.
    update(&mut app, Action::EditPassage);
    assert_eq!(
        step(&app),
        Some(Step::Stance),
        "{:?} {:?}",
        app.status,
        app.reading.current_passage
    );
    update(&mut app, Action::StanceQualifies);
    update(&mut app, Action::ClearInput);
    type_text(&mut app, "Edited.");
    update(&mut app, Action::Select);
    assert_eq!(on_disk(&path).passages[0].stance, Stance::Qualifies);
    assert_eq!(on_disk(&path).passages[0].summary, "Edited.");
    // Move to the wedge theme.
    update(&mut app, Action::MovePassage);
    type_text(&mut app, "wedge pry");
    update(&mut app, Action::Select);
    assert_eq!(on_disk(&path).passages[0].theme, "wedge");
    let wedge = &app.map[app.map.theme_index("wedge").unwrap()];
    assert!(wedge.passages.iter().any(|p| p.mine && p.summary == "Edited."));
    // Delete, after a confirmation; n keeps it.
    update(&mut app, Action::DeletePassage);
    assert_eq!(step(&app), Some(Step::Confirm));
    assert_eq!(app.context(), parallax::keymap::Context::Choice);
    update(&mut app, Action::Close);
    assert_eq!(on_disk(&path).passages.len(), 1);
    update(&mut app, Action::DeletePassage);
    update(&mut app, Action::Confirm);
    assert!(on_disk(&path).passages.is_empty());
    // Undo brings it back, redo deletes it again, all on disk, each saying what.
    update(&mut app, Action::Undo);
    assert_eq!(on_disk(&path).passages.len(), 1);
    let said = app.status.clone().unwrap_or_default();
    assert!(said.starts_with("Undone: your passage is deleted (saved to"), "{said}");
    update(&mut app, Action::Redo);
    assert!(on_disk(&path).passages.is_empty());
    let said = app.status.clone().unwrap_or_default();
    assert!(said.starts_with("Redone: your passage is deleted"), "{said}");
    for _ in 0..4 {
        update(&mut app, Action::Undo);
    }
    assert!(
        on_disk(&path).passages.is_empty() && on_disk(&path).themes.is_empty(),
        "back to before the session"
    );
    update(&mut app, Action::Undo);
    assert_eq!(app.status.as_deref(), Some("Nothing to undo in this session"));

    // A bundled passage is read-only.
    update(&mut app, Action::SelectTheme(ThemeIx(0)));
    update(&mut app, Action::EditPassage);
    assert!(app.overlay.is_none());
    assert!(
        app.status.as_deref().unwrap().contains("bundled map's"),
        "{:?}",
        app.status
    );
}

#[test]
fn a_passage_whose_words_are_gone_is_kept_as_unplaced_and_listed_by_check() {
    let dir = own_path("orphan").parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let article = "+++\nid = \"mine\"\ntitle = \"T\"\noutlet = \"O\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"s\"\n\n[[authors]]\nname = \"N\"\n+++\n\nThe first sentence stays. The second will go.\n";
    std::fs::write(dir.join("mine.md"), article).unwrap();
    std::fs::write(
        dir.join("debate.toml"),
        "[[themes]]\nid = \"x\"\ntitle = \"X\"\nclaim = \"C\"\n\n[[themes.passages]]\narticle = \"mine\"\nquote = \"The first sentence stays.\"\nstance = \"supports\"\nsummary = \"S.\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("my-map.toml"),
        "[[passages]]\ntheme = \"x\"\narticle = \"mine\"\nquote = \"The second will go.\"\nstance = \"opposes\"\nsummary = \"Mine.\"\n",
    )
    .unwrap();
    let check = |expect_orphan: bool| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["check", "--articles", dir.to_str().unwrap()])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "an orphan is no error: {text}");
        assert_eq!(
            text.contains("orphan: your passage on “X” in mine is no longer found: “The second will go.”"),
            expect_orphan,
            "{text}"
        );
    };
    check(false);
    std::fs::write(dir.join("mine.md"), article.replace(" The second will go.", "")).unwrap();
    check(true);
    let library = parallax::library::load(&parallax::library::Source {
        dir: Some(dir.clone()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(library.map.unplaced.len(), 1);
    assert_eq!(library.map.unplaced[0].quote, "The second will go.");
    // The compare panel shows it as unplaced rather than dropping it.
    let mut app = App::new(
        library.corpus,
        library.map,
        Keymap::defaults(),
        &[ArticleIx(0)],
        Rect::new(0, 0, 160, 45),
    );
    update(&mut app, Action::ToggleCompare);
    update(&mut app, Action::SelectTheme(ThemeIx(0)));
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("yours, unplaced"), "{screen}");
}

#[test]
fn annotations_are_w3c_web_annotations_with_text_quote_selectors() {
    let path = own_path("annotations");
    let mut app = reader(&["gabuev-2024", "manning-sun-2023"], &path);
    place_gabuev_on_a_new_theme(&mut app);
    let mine: serde_json::Value =
        serde_json::from_str(&parallax::export::annotations(&app.corpus, &app.map, false)).unwrap();
    assert_eq!(mine["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(mine["total"], 1);
    let annotation = &mine["first"]["items"][0];
    assert_eq!(annotation["type"], "Annotation");
    assert_eq!(annotation["motivation"], "classifying");
    assert_eq!(annotation["target"]["source"], "urn:parallax:article:gabuev-2024");
    // The quote, and beside it the position in parallax's text of the article.
    let selector = &annotation["target"]["selector"][0];
    assert_eq!(annotation["target"]["selector"][1]["type"], "TextPositionSelector");
    assert_eq!(selector["type"], "TextQuoteSelector");
    assert_eq!(selector["exact"], SENTENCE);
    assert!(
        selector["prefix"]
            .as_str()
            .unwrap()
            .ends_with("Beijing at this point. ")
    );
    let purposes: Vec<&str> = annotation["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(purposes, ["tagging", "classifying", "commenting"]);
    assert_eq!(annotation["body"][0]["value"], "Putin's staying power");
    assert_eq!(annotation["body"][1]["value"], "opposes");
    let all: serde_json::Value =
        serde_json::from_str(&parallax::export::annotations(&app.corpus, &app.map, true)).unwrap();
    assert!(all["total"].as_u64().unwrap() > 100, "with --all, the bundled map too");
}

#[test]
fn the_new_keys_are_in_help_and_in_parallax_keys_and_can_be_rebound() {
    let keys = Keymap::defaults().describe();
    for name in [
        "start_selection",
        "tag",
        "record_view",
        "edit_passage",
        "move_passage",
        "delete_passage",
        "undo",
        "redo",
        "stance_opposes",
        "list_relations",
        "open_timeline",
        "toggle_follow",
    ] {
        assert!(keys.contains(name), "{name} in `parallax keys`");
    }
    for context in ["[selection]", "[field]", "[choice]", "[list]"] {
        assert!(keys.contains(context), "{context}");
    }
    let help: Vec<String> = parallax::app::help_lines(&Keymap::defaults())
        .into_iter()
        .filter_map(|l| match l {
            parallax::app::HelpLine::Binding { description, .. } => Some(description),
            _ => None,
        })
        .collect();
    assert!(
        help.iter()
            .any(|d| d.starts_with("Place the selected sentences on a theme"))
    );
    // Rebound: `p` places the selection instead of `t`.
    let (keymap, problems) = Keymap::with_user_file("k.toml", "[selection]\nt = \"none\"\np = \"tag\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    let key = |k: &str| {
        keymap.action(
            parallax::keymap::Context::Selection,
            parallax::keymap::Key::parse(k).unwrap(),
        )
    };
    assert_eq!(key("p"), Some(Action::Tag));
    assert_ne!(key("t"), Some(Action::Tag));
}

/// The text `y` left for the terminal's clipboard, if any.
fn on_clipboard(app: &mut App) -> Option<String> {
    app.outbox.take().into_iter().find_map(|effect| match effect {
        parallax::app::Effect::Clipboard(text) => Some(text),
        _ => None,
    })
}

/// Finds a sentence of Gabuev's first paragraph, selects it and tags it
/// with the wedge theme: the form waits for the stance.
fn tag_a_gabuev_sentence_on_the_wedge(app: &mut App) {
    update(app, Action::OpenSearch);
    type_text(app, "ostentatious rapprochement");
    update(app, Action::Select);
    update(app, Action::StartSelection);
    update(app, Action::Tag);
    type_text(app, "The wedge: can");
    update(app, Action::Select);
    assert_eq!(step(app), Some(Step::Stance));
}

#[test]
fn the_authors_stance_stays_in_view_beside_your_own_passage() {
    let path = own_path("beside");
    let mut app = reader(&["gabuev-2024", "manning-sun-2023"], &path);
    let wedge = app.map.theme_index("wedge").unwrap();
    let gabuev = app.corpus.index_of("gabuev-2024").unwrap();
    assert_eq!(app.map[wedge].cell_glyphs(gabuev), "x");
    // A Gabuev sentence of the first paragraph, placed on the wedge as qualifying.
    tag_a_gabuev_sentence_on_the_wedge(&mut app);
    update(&mut app, Action::StanceQualifies);
    type_text(&mut app, "An early view Gabuev reports, not his own.");
    update(&mut app, Action::Select);
    assert!(app.overlay.is_none(), "saved: {:?}", app.status);
    let theme = &app.map[wedge];
    assert_eq!(theme.cell_glyphs(gabuev), "x~✎", "the map's stance, then yours, marked");
    assert_eq!(
        theme.stance_of(gabuev),
        Some(Stance::Opposes),
        "the sidebar strip keeps the author's"
    );
    let table = parallax::export::themes_table(&app.corpus, &app.map);
    let row = table.lines().find(|l| l.starts_with("wedge ")).unwrap();
    assert!(row.contains("x~✎ opposes, yours qualifies"), "{row}");
    update(&mut app, Action::OpenMatrix);
    let screen = parallax::cli::snapshot(&app);
    let row = screen
        .lines()
        .find(|l| l.contains("│The wedge: can Washington"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("x~✎"), "{row}");
}

#[test]
fn the_stance_step_restates_the_claim_and_a_change_shows_the_stance_it_has() {
    let path = own_path("restates");
    let mut app = reader(&["gabuev-2024", "manning-sun-2023"], &path);
    tag_a_gabuev_sentence_on_the_wedge(&mut app);
    let screen = parallax::cli::snapshot(&app);
    assert!(
        screen.contains("Claim: Washington can pry China and Russia apart"),
        "{screen}"
    );
    update(&mut app, Action::StanceQualifies);
    type_text(&mut app, "Reported, not his own.");
    update(&mut app, Action::Select);
    // `e` on it: the claim, and the stance it has now.
    update(&mut app, Action::EditPassage);
    let screen = parallax::cli::snapshot(&app);
    assert!(
        screen.contains("Claim: Washington can pry China and Russia apart"),
        "{screen}"
    );
    assert!(screen.contains("one key (now ~ qualifies):"), "{screen}");
}
