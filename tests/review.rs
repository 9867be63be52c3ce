//! Reviewing suggested passages in the reader: `S` on an article shows its
//! candidates theme by theme in its pane; a stance key takes one through
//! the tagging form, `d` turns one down for good, in the reader's map.

#[path = "support/own_reader.rs"]
mod own_reader;

use std::path::Path;

use own_reader::{own_path, reader};
use parallax::app::{Action, App, Overlay, Step, update};
use parallax::own_map::OwnMap;

fn review(app: &App) -> &parallax::app::Review {
    match &app.overlay {
        Some(Overlay::Review(review)) => review,
        other => panic!("the review: {other:?}"),
    }
}

fn own(path: &Path) -> OwnMap {
    OwnMap::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_suggestion_is_shown_taken_with_a_stance_or_turned_down_for_good() {
    let path = own_path("flow");
    let mut app = reader(&["gurtov-2024", "manning-sun-2023"], &path);
    let gurtov = app.corpus.index_of("gurtov-2024").unwrap();
    update(&mut app, Action::ReviewSuggestions);
    let first = review(&app).clone();
    // Only the themes Gurtov is silent on, each with candidates.
    assert!(!first.themes.is_empty());
    for (theme, candidates) in &first.themes {
        let theme = &app.map[app.map.theme_index(theme).unwrap()];
        assert!(theme.passages_of(gurtov).next().is_none(), "{}", theme.id);
        assert!(!candidates.is_empty() && candidates.len() <= 5);
    }
    // The candidate is the current passage, in Gurtov's pane.
    let (_, shown) = first.current().unwrap();
    assert_eq!(app.reading.current_passage, Some((gurtov, *shown)));
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("Suggestions for gurtov-2024 · theme 1 of"), "{screen}");
    assert!(screen.contains("candidate 1 of"), "{screen}");

    // j: the next candidate, shown.
    update(&mut app, Action::SelectNext);
    let (_, second) = review(&app).current().unwrap();
    let second = *second;
    assert_eq!(app.reading.current_passage, Some((gurtov, second)));

    // d: turned down, written to the reader's map, not suggested again.
    let (theme, _) = review(&app).current().map(|(t, a)| (t.clone(), *a)).unwrap();
    update(&mut app, Action::RejectSuggestion);
    assert!(
        !review(&app)
            .themes
            .iter()
            .any(|(t, c)| *t == theme && c.contains(&second))
    );
    update(&mut app, Action::Close);
    // As the runtime does after every key: what the keeper reported is taken up.
    update(&mut app, Action::OwnMapReady);
    let rejected = own(&path).rejected;
    assert_eq!(rejected.len(), 1);
    assert_eq!(
        (rejected[0].theme.as_str(), rejected[0].article.as_str()),
        (theme.as_str(), "gurtov-2024")
    );
    update(&mut app, Action::ReviewSuggestions);
    assert!(
        !review(&app)
            .themes
            .iter()
            .any(|(t, c)| *t == theme && c.contains(&second)),
        "not suggested again"
    );

    // A stance key: the tagging form, theme and stance chosen, asks for the summary.
    let (taken_theme, taken) = review(&app).current().map(|(t, a)| (t.clone(), *a)).unwrap();
    update(&mut app, Action::StanceQualifies);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form: {:?}", app.overlay)
    };
    assert_eq!(form.step, Step::Summary);
    for c in "Gurtov, in passing.".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Select);
    update(&mut app, Action::OwnMapReady);
    let placed = own(&path).passages;
    assert_eq!(placed.len(), 1);
    assert_eq!(
        (
            placed[0].theme.as_str(),
            placed[0].article.as_str(),
            placed[0].stance.name()
        ),
        (taken_theme.as_str(), "gurtov-2024", "qualifies")
    );
    assert_eq!(placed[0].quote, taken.text(&app.corpus[gurtov]));
    // The theme is no longer one Gurtov is silent on.
    update(&mut app, Action::ReviewSuggestions);
    assert!(!review(&app).themes.iter().any(|(t, _)| *t == taken_theme));
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[path = "pty/mod.rs"]
mod pty;

#[test]
fn in_a_terminal_s_reviews_d_turns_down_and_the_map_keeps_it() {
    let data = pty::state_dir("review-data");
    let mut s = pty::start_with_data("review", &data, &["--open", "gurtov-2024,manning-sun-2023"], &[]);
    s.wait_text("pane 1 of 2: gurtov-2024");
    s.key("S");
    let screen = s.wait_text("Suggestions for gurtov-2024 · theme 1 of");
    assert!(screen.contains("d: not this one"), "{screen}");
    s.key("d");
    s.wait_text("Turned down: it is not suggested again");
    s.key("\x1b");
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let kept = std::fs::read_to_string(data.join("parallax/map.toml")).unwrap();
    assert!(
        kept.contains("[[rejected]]") && kept.contains("article = \"gurtov-2024\""),
        "{kept}"
    );
    let _ = std::fs::remove_dir_all(&data);
}
