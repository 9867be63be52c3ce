//! Who answers whom: relations in the map, their validation, the jump to
//! the other end, the timeline, follow mode, and the JSON export.

use std::borrow::Cow;

use parallax::app::{Action, App, Overlay, update};
use parallax::cli::snapshot;
use parallax::corpus::{self, Corpus, SourceFile};
use parallax::debate::{self, DebateMap, RelationKind, timeline};
use parallax::ids::ArticleIx;
use parallax::ids::ThemeIx;
use parallax::keymap::Keymap;
use ratatui::layout::Rect;

fn bundled() -> (Corpus, DebateMap) {
    let corpus = corpus::load(&corpus::bundled_sources()).corpus;
    let (map, problems) = debate::load(&corpus, &corpus::bundled_maps());
    assert!(problems.is_empty(), "{problems:?}");
    (corpus, map)
}

fn reader(open: &[&str]) -> App {
    let (corpus, map) = bundled();
    let open: Vec<ArticleIx> = open.iter().map(|id| corpus.index_of(id).unwrap()).collect();
    App::new(corpus, map, Keymap::defaults(), &open, Rect::new(0, 0, 160, 45))
}

fn id(app: &App, pane: usize) -> &str {
    &app.corpus[app.reading.panes[pane].article].meta.id
}

#[test]
fn each_hinge_question_is_argued_across_articles_by_two_relations_or_more() {
    let (_, map) = bundled();
    for id in ["china-motive", "price", "asymmetry", "coercion"] {
        let theme = &map[map.theme_index(id).unwrap()];
        // A relation is on the theme when one of its ends is one of the theme's passages.
        let on_theme = |end: &debate::End| {
            theme
                .passages
                .iter()
                .any(|p| p.article == end.article && p.anchor.overlaps(&end.anchor))
        };
        let relations: Vec<&str> = map
            .relations
            .iter()
            .filter(|r| r.from.article != r.to.article && (on_theme(&r.from) || on_theme(&r.to)))
            .map(|r| r.summary.as_str())
            .collect();
        assert!(relations.len() >= 2, "{id}: {relations:?}");
    }
}

#[test]
fn the_bundled_map_says_who_answers_whom_across_the_articles() {
    let (corpus, map) = bundled();
    assert!(map.relations.len() >= 12, "{}", map.relations.len());
    let mut pairs: Vec<(ArticleIx, ArticleIx)> = map
        .relations
        .iter()
        .map(|r| (r.from.article.min(r.to.article), r.from.article.max(r.to.article)))
        .filter(|(a, b)| a != b)
        .collect();
    pairs.sort();
    pairs.dedup();
    let articles = corpus.len();
    assert_eq!(
        pairs.len(),
        articles * (articles - 1) / 2,
        "every pair of articles: {pairs:?}"
    );
    let gabuev = corpus.index_of("gabuev-2024").unwrap();
    let manning = corpus.index_of("manning-sun-2023").unwrap();
    // The reverse-Kissinger answer hangs on the sentence that answers:
    // Kissinger's offer set against what U.S. officials cannot offer now.
    let kissinger = map
        .relations
        .iter()
        .find(|r| r.from.article == gabuev && r.from.quote.contains("Kissinger courted communist China"))
        .expect("Gabuev's Kissinger sentence answers something");
    assert!(
        kissinger.from.quote.contains("cannot extend a deal of that sort"),
        "{}",
        kissinger.from.quote
    );
    assert_eq!((kissinger.kind, kissinger.to.article), (RelationKind::Answers, manning));
    assert!(
        kissinger.to.quote.contains("Sino-Soviet tensions"),
        "{}",
        kissinger.to.quote
    );
    let figures = map
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::SameEvidence)
        .count();
    assert!(figures >= 2, "figures that several authors cite");
    assert!(
        map.events
            .iter()
            .any(|e| e.title.contains("Samarkand") && e.date.iso() == "2022-09-15")
    );
}

fn source(text: &str) -> SourceFile {
    SourceFile {
        name: "m.toml".into(),
        bytes: Cow::Owned(text.as_bytes().to_vec()),
    }
}

#[test]
fn relations_are_validated_with_located_problems() {
    let (corpus, _) = bundled();
    let relation = |kind: &str, from: &str, to: &str| {
        format!(
            "[[relations]]\nkind = \"{kind}\"\nsummary = \"S.\"\nfrom = {{ article = \"gabuev-2024\", quote = \"{from}\" }}\nto = {{ article = \"gabuev-2024\", quote = \"{to}\" }}\n"
        )
    };
    let one = "Any hopes of peeling them away from each other are nothing more than wishful thinking.";
    let other =
        "For now, however, Beijing and Moscow have demonstrated a remarkable ability to manage their differences.";
    let (map, problems) = debate::load(&corpus, &[source(&relation("rebuts", one, other))]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map.relations.len(), 1);
    let cases = [
        (relation("refutes", one, other), "unknown variant `refutes`", 2),
        (
            relation("answers", one, one),
            "the relation's two ends are the same passage",
            2,
        ),
        (
            relation("answers", one, "words that stand nowhere in the article"),
            "the quote is not in `gabuev-2024`",
            5,
        ),
        (
            relation("answers", one, other).replace("summary = \"S.\"\n", ""),
            "the relation has no summary",
            2,
        ),
        (
            "[[events]]\ndate = \"spring 2022\"\ntitle = \"T\"\n".to_string(),
            "`spring 2022` is not a date",
            2,
        ),
    ];
    for (text, message, line) in cases {
        let (map, problems) = debate::load(&corpus, &[source(&text)]);
        assert!(map.relations.is_empty() && map.events.is_empty());
        assert_eq!(problems.len(), 1, "{message}: {problems:?}");
        assert!(
            problems[0].is_error() && problems[0].message.contains(message),
            "{}",
            problems[0]
        );
        assert_eq!(
            (problems[0].file.as_str(), problems[0].line),
            ("m.toml", line),
            "{}",
            problems[0]
        );
    }
}

#[test]
fn from_the_kissinger_passage_r_and_enter_land_on_the_passage_it_answers() {
    let mut app = reader(&["gabuev-2024", "manning-sun-2023"]);
    let kissinger = app.map.theme_index("kissinger").unwrap();
    update(&mut app, Action::SelectTheme(kissinger));
    // Gabuev's first passage on the theme (the reverse Kissinger entertained
    // to no avail) answers nobody; the next (Kissinger's offer set against
    // what cannot be offered now) answers Manning and Sun.
    update(&mut app, Action::NextPassage);
    // The pane's header says what the current passage answers.
    let screen = snapshot(&app);
    assert!(screen.contains("↔ answers Manning and Sun"), "{screen}");
    assert!(screen.contains('↔'), "marked in the margin");
    let before = app.reading.panes.clone();
    update(&mut app, Action::ListRelations);
    let Some(Overlay::Relations { items, .. }) = &app.overlay else {
        panic!("the relations: {:?}", app.overlay)
    };
    // The same sentence also answers Manning and Sun on the price of a
    // wedge, and Gurtov answers it.
    assert_eq!(items.len(), 3);
    assert!(snapshot(&app).contains("answers Manning and Sun (2023)"));
    update(&mut app, Action::Select);
    assert_eq!(
        (app.reading.focused_pane, id(&app, 1)),
        (1, "manning-sun-2023"),
        "the pane that shows it"
    );
    let screen = snapshot(&app);
    let top = parallax::app::App::scroll_line(&app, 1);
    assert!(top > 0);
    assert!(screen.contains("Sino-Soviet tensions were obvious"), "{screen}");
    assert!(
        app.status.as_deref().unwrap().contains("answered by Gabuev"),
        "{:?}",
        app.status
    );
    // A jump: ctrl-o goes back.
    update(&mut app, Action::JumpBack);
    assert_eq!(app.reading.panes, before);
    // The compare panel names the theme's relations.
    update(&mut app, Action::ToggleCompare);
    let screen = snapshot(&app);
    assert!(
        screen.contains("↔ Gabuev answers Manning and Sun: Gabuev answers the Nixon-Kissinger"),
        "{screen}"
    );
}

#[test]
fn a_relation_to_an_article_no_pane_shows_opens_it_beside() {
    let mut app = reader(&["gabuev-2024"]);
    let kissinger = app.map.theme_index("kissinger").unwrap();
    update(&mut app, Action::SelectTheme(kissinger));
    update(&mut app, Action::ListRelations);
    update(&mut app, Action::Select);
    assert_eq!(app.reading.panes.len(), 2);
    assert_eq!(
        (id(&app, 0), id(&app, 1), app.reading.focused_pane),
        ("gabuev-2024", "manning-sun-2023", 1)
    );
    // Without a passage with relations on screen, r says so.
    let mut app = reader(&["glantz-freeman-2024"]);
    update(&mut app, Action::ListRelations);
    assert!(app.overlay.is_none());
    assert!(app.status.as_deref().unwrap().starts_with("No passage here"));
}

#[test]
fn the_timeline_puts_the_articles_in_date_order_with_events_and_relations() {
    let (corpus, map) = bundled();
    let rows = timeline::rows(&corpus, &map);
    let articles: Vec<&str> = rows
        .iter()
        .filter_map(|r| match r {
            timeline::Row::Article { article, .. } => Some(corpus[*article].meta.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        articles,
        [
            "yun-sun-2022",
            "manning-sun-2023",
            "gabuev-2024",
            "glantz-freeman-2024",
            "gurtov-2024"
        ]
    );
    let text = timeline::text(&corpus, &map);
    let samarkand = text.find("Samarkand").unwrap();
    let sun = text.find("yun-sun-2022").unwrap();
    assert!(
        samarkand < sun,
        "the Samarkand meeting comes before the interview about it"
    );
    assert!(text.contains("September 2022    ▶"), "a month shown as a month: {text}");
    assert!(text.contains("answers Robert A. Manning and Yun Sun (2023)"), "{text}");

    // In the reader: T, then Enter on an article opens it.
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"]);
    update(&mut app, Action::OpenTimeline);
    assert_eq!(app.context(), parallax::keymap::Context::List);
    assert!(snapshot(&app).contains("Timeline"));
    let Some(Overlay::Timeline { selected }) = app.overlay else {
        unreachable!()
    };
    let gurtov_row = rows
        .iter()
        .position(|r| matches!(r, timeline::Row::Article { article, .. } if corpus[*article].meta.id == "gurtov-2024"))
        .unwrap();
    for _ in selected..gurtov_row {
        update(&mut app, Action::SelectNext);
    }
    update(&mut app, Action::Select);
    assert!(app.overlay.is_none());
    assert_eq!(id(&app, 0), "gurtov-2024", "opened in the focused pane");
}

#[test]
fn follow_mode_keeps_the_other_panes_on_the_theme_at_the_top() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"]);
    update(&mut app, Action::ToggleFollow);
    assert!(app.reading.follow);
    assert!(snapshot(&app).contains("· follow"));
    // Scroll the first pane line by line until a passage of some theme is at its top.
    let mut followed = None;
    for _ in 0..400 {
        update(&mut app, Action::ScrollDown);
        if let Some(theme) = app.followed_theme() {
            followed = Some(theme);
            break;
        }
    }
    let theme = followed.expect("the first pane reached a passage");
    let gabuev = app.reading.panes[1].article;
    let t = &app.map[theme];
    match t.passages_of(gabuev).next() {
        Some(_) => {
            // Where selecting that theme puts the pane: its first passage on it.
            let mut chosen = reader(&["manning-sun-2023", "gabuev-2024"]);
            update(&mut chosen, Action::SelectTheme(theme));
            assert_ne!(app.scroll_line(1), 0);
            assert_eq!(
                app.scroll_line(1),
                chosen.scroll_line(1),
                "its passage on “{}”",
                t.title
            );
        }
        None => assert_eq!(app.scroll_line(1), 0, "silent: it stays"),
    }
    // Off: the other pane stays put while this one scrolls on.
    update(&mut app, Action::ToggleFollow);
    let other = app.scroll_line(1);
    for _ in 0..200 {
        update(&mut app, Action::ScrollDown);
    }
    assert_eq!(app.scroll_line(1), other);
}

#[test]
fn the_json_export_carries_relations_and_events() {
    let (corpus, map) = bundled();
    let json: serde_json::Value = serde_json::from_str(&parallax::export::json(&corpus, &map, &[ThemeIx(0)])).unwrap();
    let relations = json["relations"].as_array().unwrap();
    assert_eq!(relations.len(), map.relations.len());
    for key in ["kind", "summary", "from", "to"] {
        assert!(relations[0].get(key).is_some(), "{key}");
    }
    assert!(relations[0]["from"]["article"].is_string() && relations[0]["to"]["quote"].is_string());
    assert_eq!(json["events"].as_array().unwrap().len(), map.events.len());
}

#[test]
fn the_timeline_keeps_the_selected_row_a_third_of_the_way_down_its_window_and_stays_full() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"]);
    update(&mut app, Action::Resize(100, 16));
    let rows = timeline::rows(&app.corpus, &app.map);
    let lines_of = |row: &timeline::Row| match row {
        timeline::Row::Article { relations, .. } => 1 + relations.len(),
        timeline::Row::Event { .. } => 1,
    };
    let total: usize = rows.iter().map(lines_of).sum();
    update(&mut app, Action::OpenTimeline);
    let Some(Overlay::Timeline { selected }) = app.overlay else {
        unreachable!()
    };
    for _ in 0..selected {
        update(&mut app, Action::SelectPrev);
    }
    for (index, row) in rows.iter().enumerate() {
        let screen = snapshot(&app);
        // The window's text rows: within its borders.
        let rows_of_screen: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
        let top = rows_of_screen
            .iter()
            .position(|r| r.iter().collect::<String>().contains("┌ Timeline:"))
            .unwrap();
        let title: String = rows_of_screen[top].iter().collect();
        let left = title[..title.find("┌ Timeline:").unwrap()].chars().count();
        let right = rows_of_screen[top].iter().rposition(|&c| c == '┐').unwrap();
        let window: Vec<String> = rows_of_screen[top + 1..]
            .iter()
            .take_while(|r| r.get(left) != Some(&'└'))
            .map(|r| r[left + 1..right].iter().collect())
            .collect();
        let height = window.len();
        let key = match row {
            timeline::Row::Event { title, .. } => title.chars().take(20).collect::<String>(),
            timeline::Row::Article { article, .. } => app.corpus[*article].meta.title.chars().take(20).collect(),
        };
        let at = window
            .iter()
            .position(|l| l.contains(&key) && l.contains(&row.date_text(&app.corpus)))
            .unwrap_or_else(|| panic!("row {index} ({key}) not in view:\n{}", window.join("\n")));
        let before: usize = rows.iter().take(index).map(lines_of).sum();
        // A third of the way down, until the last rows are in view: then
        // the window stays full, the rows above the selected one shown.
        let offset = before.saturating_sub(height / 3).min(total.saturating_sub(height));
        assert_eq!(at, before - offset, "row {index}");
        let filled = window.iter().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(filled, height.min(total), "row {index}: the window is full");
        // Marks say what is out of view.
        let bottom: String = rows_of_screen[top + 1 + height].iter().collect();
        assert_eq!(bottom.contains("↑"), offset > 0, "row {index}: {bottom}");
        assert_eq!(bottom.contains("↓"), offset + height < total, "row {index}: {bottom}");
        update(&mut app, Action::SelectNext);
    }
}

#[test]
fn in_follow_mode_the_headers_and_margins_follow_the_theme_the_panes_moved_to() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"]);
    let wedge = app.map.theme_index("wedge").unwrap();
    update(&mut app, Action::SelectTheme(wedge));
    update(&mut app, Action::ToggleFollow);
    let gabuev = app.reading.panes[1].article;
    // Scroll the first pane until the panes follow a theme other than the selected one
    // on which Gabuev speaks.
    let mut followed = None;
    for _ in 0..600 {
        update(&mut app, Action::ScrollDown);
        if let Some(theme) = app.followed_theme().filter(|&t| t != wedge)
            && app.map[theme].passages_of(gabuev).next().is_some()
        {
            followed = Some(theme);
            break;
        }
    }
    let theme = followed.expect("the panes followed another theme");
    assert_eq!(app.theme(), Some(wedge), "the selection stays");
    assert_eq!(app.shown_theme(), Some(theme));
    let passage = app.header_passage(1).unwrap();
    assert_eq!(passage.article, gabuev);
    assert!(
        app.map[theme].passages.iter().any(|p| std::ptr::eq(p, passage)),
        "the header is of the followed theme"
    );
    let screen = snapshot(&app);
    let summary_start: String = passage.summary.chars().take(20).collect();
    assert!(screen.contains(&summary_start), "{summary_start}: {screen}");
}

#[test]
fn an_article_known_to_its_year_stands_in_the_window_its_text_implies() {
    let (corpus, map) = bundled();
    let rows = timeline::rows(&corpus, &map);
    let manning = corpus.index_of("manning-sun-2023").unwrap();
    let at = |wanted: &dyn Fn(&timeline::Row) -> bool| rows.iter().position(wanted).unwrap();
    let article = at(&|r| matches!(r, timeline::Row::Article { article, .. } if *article == manning));
    let moscow =
        at(&|r| matches!(r, timeline::Row::Event { title, .. } if title.contains("Xi's state visit to Moscow")));
    let controls = at(&|r| matches!(r, timeline::Row::Event { title, .. } if title.contains("export controls")));
    assert!(
        controls < article && article < moscow,
        "written before the visit it looks forward to"
    );
    assert_eq!(rows[article].date_text(&corpus), "Jan–Feb 2023");
    assert!(timeline::text(&corpus, &map).contains("Jan–Feb 2023      ▶ Robert A. Manning and Yun Sun"));
}

#[test]
fn a_relation_reads_as_a_sentence_whose_verb_agrees_with_its_authors() {
    let (corpus, map) = bundled();
    let sentences: Vec<String> = map.relations.iter().map(|r| r.sentence(&corpus)).collect();
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("Glantz and Freeman rebut Manning and Sun")),
        "{sentences:?}"
    );
    assert!(
        sentences.iter().any(|s| s.starts_with("Gabuev rebuts Manning and Sun")),
        "{sentences:?}"
    );
    assert!(
        !sentences.iter().any(|s| s.contains(" and Freeman rebuts")),
        "{sentences:?}"
    );
}

#[test]
fn exports_join_a_relations_ends_on_one_theme_where_the_same_words_stand_on_several() {
    let (_, map) = bundled();
    let held = |end: &debate::End| -> Vec<ThemeIx> {
        map.enumerate_themes()
            .filter(|(_, t)| {
                t.passages
                    .iter()
                    .any(|p| p.article == end.article && p.anchor.overlaps(&end.anchor))
            })
            .map(|(ix, _)| ix)
            .collect()
    };
    let mut chosen_over_the_first = 0;
    for relation in &map.relations {
        let (from_themes, to_themes) = (held(&relation.from), held(&relation.to));
        let (from, to) = map.relation_passages(relation);
        for (end, at) in [(&relation.from, from), (&relation.to, to)] {
            if let Some(at) = at {
                let passage = map.passage(at);
                assert!(passage.article == end.article && passage.anchor.overlaps(&end.anchor));
            }
        }
        assert_eq!(from.is_some(), !from_themes.is_empty(), "{}", relation.summary);
        assert_eq!(to.is_some(), !to_themes.is_empty(), "{}", relation.summary);
        if from_themes.iter().any(|t| to_themes.contains(t)) {
            let (from, to) = (from.unwrap(), to.unwrap());
            assert_eq!(from.theme, to.theme, "{}", relation.summary);
            if from.theme != from_themes[0] || to.theme != to_themes[0] {
                chosen_over_the_first += 1;
            }
        }
    }
    // The bundled map has such a relation: Gabuev's sentence on Kissinger's
    // offer is a passage on two themes and answers Manning and Sun on one.
    assert!(chosen_over_the_first > 0);
}
