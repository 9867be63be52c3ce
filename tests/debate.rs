//! The debate map: the bundled map against its articles, anchors under
//! edits, validation, jumping, the matrix and the export.

// Shared with other tests and the benchmarks; this one writes no files.
#[allow(dead_code)]
#[path = "../benches/support/copies.rs"]
mod copies;

use std::borrow::Cow;

use parallax::app::{Action, App, update};
use parallax::cli::snapshot;
use parallax::corpus::{self, Corpus, SourceFile};
use parallax::debate::{self, DebateMap, NormalizedArticle, Resolution, Selector, Stance, normalize};
use parallax::ids::{ArticleIx, BlockIx, ThemeIx};
use parallax::keymap::Keymap;
use ratatui::layout::Rect;

fn bundled() -> (Corpus, DebateMap) {
    let corpus = corpus::load(&corpus::bundled_sources()).corpus;
    let (map, problems) = debate::load(&corpus, &corpus::bundled_maps());
    assert!(problems.is_empty(), "{problems:?}");
    (corpus, map)
}

fn source(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.into(),
        bytes: Cow::Owned(text.as_bytes().to_vec()),
    }
}

#[test]
fn every_anchor_in_the_bundled_map_resolves_to_exactly_one_place() {
    let (corpus, map) = bundled();
    let mut passages = 0;
    for theme in &map.themes {
        for passage in &theme.passages {
            let article = &corpus[passage.article];
            let index = NormalizedArticle::new(article);
            let selector = Selector {
                exact: &passage.quote,
                ..Default::default()
            };
            assert_eq!(
                index.resolve(article, &selector),
                Resolution::Exact(passage.anchor),
                "{}: {}",
                theme.id,
                passage.quote
            );
            assert_eq!(normalize(&passage.text(article)), normalize(&passage.quote));
            assert!(!passage.summary.is_empty());
            passages += 1;
        }
    }
    assert!(passages >= 60, "{passages} passages");
}

#[test]
fn the_map_covers_the_debate() {
    let (corpus, map) = bundled();
    assert!(
        map.themes.len() >= 20,
        "the central question, the hinge questions and the points around them"
    );
    let wedge = &map.themes[0];
    assert_eq!(wedge.id, "wedge", "the central question comes first");
    for article in corpus.indices() {
        assert!(
            wedge.stance_of(article).is_some(),
            "{} takes a position on the wedge",
            corpus[article].meta.id
        );
    }
    for theme in &map.themes {
        let mut articles: Vec<ArticleIx> = theme.passages.iter().map(|p| p.article).collect();
        articles.dedup();
        assert!(articles.len() >= 2, "{} cites at least two articles", theme.id);
        // A claim divides the authors, or is marked as a fact they share.
        let mut stances: Vec<Stance> = theme.passages.iter().map(|p| p.stance).collect();
        stances.sort();
        stances.dedup();
        assert!(theme.shared || stances.len() >= 2, "{} compares nothing", theme.id);
    }
    // The questions the wedge debate turns on, each spoken to by three articles or more.
    for id in ["china-motive", "price", "asymmetry", "coercion"] {
        let theme = &map[map.theme_index(id).unwrap_or_else(|| panic!("a theme {id}"))];
        let mut articles: Vec<ArticleIx> = theme.passages.iter().map(|p| p.article).collect();
        articles.sort();
        articles.dedup();
        assert!(articles.len() >= 3, "{id}: {} articles", articles.len());
        assert!(!theme.shared);
    }
    for id in [
        "kissinger",
        "dependence",
        "alliance",
        "convenience",
        "us-pushes",
        "ukraine",
        "military-aid",
        "trade",
        "energy",
        "sanctions",
        "taiwan",
        "europe",
        "global-south",
        "nuclear",
        "us-strategy",
    ] {
        assert!(map.theme_index(id).is_some(), "a theme on {id}");
    }
    // The bundled map passes its own lint.
    let warnings = debate::lint(&corpus, &map);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn changes_over_time_are_shared_facts_with_dated_claims_not_disagreements() {
    let (corpus, map) = bundled();
    let open: Vec<ArticleIx> = corpus.indices().collect();
    for id in ["dependence", "military-aid", "trade"] {
        let theme = &map[map.theme_index(id).unwrap()];
        assert!(theme.shared, "{id}");
        assert!(!theme.disagreement_among(&open), "{id} is no disagreement");
        // An earlier observation is a report of its time, never a rebuttal.
        assert!(theme.passages.iter().all(|p| p.stance != Stance::Opposes), "{id}");
    }
    for id in ["dependence", "military-aid"] {
        let claim = &map[map.theme_index(id).unwrap()].claim;
        assert!(claim.starts_with("By 2024,"), "{id}: {claim}");
    }
    // Sun's 2022 view of Russia's independence is reported as of its date.
    let sun = corpus.index_of("yun-sun-2022").unwrap();
    let dependence = &map[map.theme_index("dependence").unwrap()];
    assert_eq!(dependence.stance_of(sun), Some(Stance::Reports));
    assert!(
        dependence
            .passages_of(sun)
            .next()
            .unwrap()
            .summary
            .contains("September 2022")
    );
}

#[test]
fn the_known_misreadings_stay_fixed() {
    let (corpus, map) = bundled();
    let id = |a: &str| corpus.index_of(a).unwrap();
    let theme = |t: &str| &map[map.theme_index(t).unwrap()];
    // Gurtov argues that China backs the war; Manning and Sun call its line pro-Russian.
    assert_eq!(theme("ukraine").stance_of(id("gurtov-2024")), Some(Stance::Supports));
    assert_ne!(
        theme("ukraine").stance_of(id("manning-sun-2023")),
        Some(Stance::Opposes)
    );
    // The restraint argument is Manning and Sun's; no one is said to oppose it on Taiwan.
    assert!(!theme("taiwan").passages.iter().any(|p| p.stance == Stance::Opposes));
    assert!(theme("taiwan").passages_of(id("gurtov-2024")).next().is_none());
    // Glantz and Freeman's "door wide open" is about the Global South, not Beijing.
    assert!(
        !theme("us-strategy")
            .passages
            .iter()
            .any(|p| p.quote.contains("door remains wide open"))
    );
    assert!(
        theme("global-south")
            .passages
            .iter()
            .any(|p| p.quote.contains("door remains wide open"))
    );
    // Gabuev on Europe: China's Western ties, not Russia's trade with the EU.
    let gabuev_europe = theme("europe").passages_of(id("gabuev-2024")).next().unwrap();
    assert!(
        gabuev_europe.quote.contains("far more important"),
        "{}",
        gabuev_europe.quote
    );
    // No straw men: nobody is mapped against "an alliance without limits".
    assert!(!theme("alliance").claim.contains("without limits"));
}

#[test]
fn the_lint_warns_of_a_theme_that_compares_nothing_and_of_words_not_the_authors() {
    let corpus = one_article("Some words of the article here. Other words of it there.\n");
    let (map, problems) = debate::load(&corpus, &[source("m.toml", &map_with("quote = \"Some words of\""))]);
    assert!(problems.is_empty(), "{problems:?}");
    let warnings = debate::lint(&corpus, &map);
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warnings.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("every passage of theme `x` supports its claim"),
        "{messages:?}"
    );
    assert!(messages[1].contains("theme `x` cites 1 article"), "{messages:?}");
    assert!(
        warnings
            .iter()
            .all(|w| !w.is_error() && w.file == "m.toml" && w.line == 2)
    );
    // Marked as a shared fact, one stance is fine.
    let shared = map_with("quote = \"Some words of\"").replace("claim = \"C\"", "claim = \"C\"\nshared = true");
    let (map, _) = debate::load(&corpus, &[source("m.toml", &shared)]);
    let warnings = debate::lint(&corpus, &map);
    assert_eq!(warnings.len(), 1, "{warnings:?}");

    // In an interview, the introduction and the interviewer's turns are not the interviewee's position.
    let (corpus, map) = bundled();
    let sun_intro = "[[passages]]\ntheme = \"wedge\"\narticle = \"yun-sun-2022\"\nquote = \"Less than three weeks later, Russia invaded Ukraine.\"\nstance = \"opposes\"\nsummary = \"S.\"\n\n[[passages]]\ntheme = \"wedge\"\narticle = \"yun-sun-2022\"\nquote = \"But China has been basically conforming with them so far.\"\nstance = \"opposes\"\nsummary = \"S.\"\n";
    let mut maps = corpus::bundled_maps();
    maps.push(source("mine.toml", sun_intro));
    let (map_with_mine, problems) = debate::load(&corpus, &maps);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map_with_mine.themes[0].passages.len(), map.themes[0].passages.len() + 2);
    let warnings = debate::lint(&corpus, &map_with_mine);
    let lines: Vec<(usize, &str)> = warnings.iter().map(|w| (w.line, w.message.as_str())).collect();
    assert_eq!(warnings.len(), 2, "{lines:?}");
    assert!(
        warnings[0].message.contains("the introduction") && warnings[0].line == 4,
        "{lines:?}"
    );
    assert!(
        warnings[1].message.contains("the interviewer's turn (Lili Pike)") && warnings[1].line == 11,
        "{lines:?}"
    );
    assert!(warnings.iter().all(|w| w.file == "mine.toml"));
}

#[test]
fn a_renamed_theme_is_found_by_its_old_id_and_a_shared_fact_is_marked_and_skipped() {
    let corpus = one_article("Some words of the article here. Other words of it there.\n");
    let map = "[[themes]]\nid = \"figures\"\naliases = [\"trade\"]\nshared = true\ntitle = \"Figures\"\nclaim = \"C\"\n\n[[passages]]\ntheme = \"trade\"\narticle = \"t\"\nquote = \"Some words of\"\nstance = \"supports\"\nsummary = \"S.\"\n\n[[passages]]\ntheme = \"figures\"\narticle = \"t\"\nquote = \"Other words of\"\nstance = \"opposes\"\nsummary = \"S.\"\n";
    let (map, problems) = debate::load(&corpus, &[source("m.toml", map)]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map.theme_index("trade"), Some(ThemeIx(0)), "the old id finds the theme");
    assert_eq!(map.themes[0].passages.len(), 2, "a map naming the old id adds to it");
    assert!(
        !map.themes[0].disagreement_among(&[ArticleIx(0)]),
        "a shared fact is no disagreement"
    );
    // An alias that another theme already uses is an error.
    let clash = "[[themes]]\nid = \"a\"\ntitle = \"A\"\nclaim = \"C\"\n\n[[themes]]\nid = \"b\"\naliases = [\"a\"]\ntitle = \"B\"\nclaim = \"C\"\n";
    let (_, problems) = debate::load(&corpus, &[source("m.toml", clash)]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("duplicate theme id `a`") && problems[0].line == 7,
        "{}",
        problems[0]
    );

    // In the reader: marked in the sidebar, skipped by `d`.
    let mut app = reader(&["manning-sun-2023", "gabuev-2024", "gurtov-2024"], 160, 45);
    let trade = app.map.theme_index("trade").unwrap();
    let screen = snapshot(&app);
    assert!(screen.contains("≡ Trade since the invasion"), "{screen}");
    for _ in 0..app.map.themes.len() {
        update(&mut app, Action::NextDisagreement);
        assert!(!app.map[app.theme().unwrap()].shared);
    }
    assert_ne!(app.theme(), Some(trade));
}

#[test]
fn the_wedge_essays_flatly_disagree_and_the_trade_figures_agree() {
    let (corpus, map) = bundled();
    let wedge = &map[map.theme_index("wedge").unwrap()];
    let fp = corpus.index_of("manning-sun-2023").unwrap();
    let fa = corpus.index_of("gabuev-2024").unwrap();
    assert_eq!(wedge.stance_of(fp), Some(Stance::Supports));
    assert_eq!(wedge.stance_of(fa), Some(Stance::Opposes));
    assert!(wedge.disagreement_among(&[fp, fa]));
    let trade = &map[map.theme_index("trade").unwrap()];
    let figures = trade.passages.iter().filter(|p| p.quote.contains("$240")).count();
    assert_eq!(figures, 3, "three articles give the same $240 billion");
}

const FRONT: &str = "+++\nid = \"t\"\ntitle = \"T\"\noutlet = \"O\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"s\"\n\n[[authors]]\nname = \"N\"\n+++\n\n";

fn one_article(body: &str) -> Corpus {
    let loaded = corpus::load(&[source("t.md", &format!("{FRONT}{body}"))]);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    loaded.corpus
}

#[test]
fn the_lint_warns_of_a_theme_with_no_passage_even_ones_own() {
    let corpus = one_article("Some words of the article here.\n");
    let empty = "[[themes]]\nid = \"empty\"\ntitle = \"E\"\nclaim = \"C\"\n";
    let own = source(
        "my-map.toml",
        "[[themes]]\nid = \"mine\"\ntitle = \"M\"\nclaim = \"C\"\n",
    );
    let (map, problems) = debate::load_with_own(&corpus, &[source("m.toml", empty)], Some(&own));
    assert!(problems.is_empty(), "{problems:?}");
    let warnings: Vec<String> = debate::lint(&corpus, &map).iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].starts_with("m.toml:2:1: warning: theme `empty` has no passage"),
        "{warnings:?}"
    );
    assert!(warnings[1].contains("theme `mine` has no passage"), "{warnings:?}");
}

fn map_with(passage: &str) -> String {
    format!(
        "[[themes]]\nid = \"x\"\ntitle = \"X\"\nclaim = \"C\"\n\n[[themes.passages]]\narticle = \"t\"\n{passage}\nstance = \"supports\"\nsummary = \"S.\"\n"
    )
}

#[test]
fn anchors_survive_rewrapping_and_typography() {
    let corpus = one_article("The two have shown a\nremarkable   ability to manage\ntheir differences — so far.\n");
    let map = map_with("quote = \"a remarkable ability to manage their differences - so far\"");
    let (map, problems) = debate::load(&corpus, &[source("m.toml", &map)]);
    assert!(problems.is_empty(), "{problems:?}");
    let passage = &map.themes[0].passages[0];
    assert_eq!(
        passage.text(&corpus[ArticleIx(0)]),
        "a remarkable ability to manage their differences — so far"
    );
}

#[test]
fn a_changed_word_re_anchors_with_a_warning() {
    let corpus = one_article("First. The two have shown a notable ability to manage their differences. Last.\n");
    let map = map_with("quote = \"The two have shown a remarkable ability to manage their differences.\"");
    let (map, problems) = debate::load(&corpus, &[source("m.toml", &map)]);
    assert_eq!(problems.len(), 1);
    assert!(!problems[0].is_error());
    assert!(problems[0].message.contains("re-anchored"), "{}", problems[0]);
    assert_eq!((problems[0].file.as_str(), problems[0].line), ("m.toml", 8));
    let text = map.themes[0].passages[0].text(&corpus[ArticleIx(0)]);
    assert!(text.contains("notable ability to manage their differences"), "{text}");
}

#[test]
fn a_quote_that_is_gone_names_the_closest_text_and_where() {
    let corpus = one_article("Para one.\n\nNothing here resembles the quote at all, nothing.\n");
    let map = map_with("quote = \"an entirely different sentence about something else\"");
    let (map, problems) = debate::load(&corpus, &[source("m.toml", &map)]);
    assert!(map.themes[0].passages.is_empty());
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert!(p.is_error() && p.message.contains("the quote is not in `t`"), "{p}");
    assert!(p.message.contains("t.md:"), "the closest text is located: {p}");
}

#[test]
fn a_duplicated_sentence_needs_a_prefix_or_a_position_hint() {
    let corpus = one_article("Before one. The same words stand here.\n\nBefore two. The same words stand here.\n");
    let (_, problems) = debate::load(
        &corpus,
        &[source("m.toml", &map_with("quote = \"The same words stand here.\""))],
    );
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.contains("stands 2 times") && problems[0].message.contains("p1, p2"),
        "{}",
        problems[0]
    );

    let (map, problems) = debate::load(
        &corpus,
        &[source(
            "m.toml",
            &map_with("quote = \"The same words stand here.\"\nprefix = \"Before two.\""),
        )],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map.themes[0].passages[0].anchor.start_block, BlockIx(1));

    let (map, problems) = debate::load(
        &corpus,
        &[source(
            "m.toml",
            &map_with("quote = \"The same words stand here.\"\nnear = \"p2\""),
        )],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map.themes[0].passages[0].anchor.start_block, BlockIx(1));
}

#[test]
fn map_problems_are_located_with_what_to_do() {
    let corpus = one_article("Some words of the article here.\n");
    let cases = [
        (map_with("quote = \"Some words of\"").replace("article = \"t\"", "article = \"tt\""), "unknown article `tt`", 7),
        (map_with("quote = \"Some words of\"").replace("stance = \"supports\"\n", ""), "no stance", 8),
        (map_with("quote = \"Some words of\"").replace("summary = \"S.\"\n", ""), "no summary", 8),
        (map_with("quote = \"Some\""), "shorter than three words", 8),
        (map_with(&format!("quote = \"{}\"", "absent ".repeat(120))), "too long (over 600 characters)", 8),
        (map_with("quote = \"Some words of\"").replace("\"supports\"", "\"agrees\""), "unknown variant `agrees`", 9),
        (
            "[[passages]]\ntheme = \"wedg\"\narticle = \"t\"\nquote = \"Some words of\"\nstance = \"supports\"\nsummary = \"S.\"\n"
                .to_string(),
            "unknown theme `wedg`",
            2,
        ),
    ];
    for (text, message, line) in cases {
        let (_, problems) = debate::load(&corpus, &[source("m.toml", &text)]);
        assert_eq!(problems.len(), 1, "{message}: {problems:?}");
        assert!(problems[0].message.contains(message), "{}", problems[0]);
        assert_eq!(problems[0].line, line, "{}", problems[0]);
        assert!(!problems[0].help.is_empty());
    }
}

#[test]
fn a_users_map_adds_passages_to_an_existing_theme() {
    let corpus = one_article("My own view: the wedge will never work, whatever anyone says.\n");
    let mine = "[[passages]]\ntheme = \"x\"\narticle = \"t\"\nquote = \"the wedge will never work\"\nstance = \"opposes\"\nsummary = \"Mine.\"\n";
    let (map, problems) = debate::load(
        &corpus,
        &[
            source("a.toml", &map_with("quote = \"My own view\"")),
            source("b.toml", mine),
        ],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let stances: Vec<Stance> = map.themes[0].passages.iter().map(|p| p.stance).collect();
    assert_eq!(stances, [Stance::Supports, Stance::Opposes]);
}

fn reader(open: &[&str], width: u16, height: u16) -> App {
    let (corpus, map) = bundled();
    let open: Vec<ArticleIx> = open.iter().map(|id| corpus.index_of(id).unwrap()).collect();
    App::new(corpus, map, Keymap::defaults(), &open, Rect::new(0, 0, width, height))
}

/// The first body rows of a pane in the rendered screen, as one string.
fn pane_top(screen: &str, app: &App, pane: usize, rows: usize) -> String {
    let area = app.screen().pane(pane).unwrap();
    let first_body = usize::from(area.y) + 4;
    screen
        .lines()
        .skip(first_body)
        .take(rows)
        .map(|line| {
            let chars: Vec<char> = line.chars().collect();
            let start = usize::from(area.x) + 2;
            let end = (usize::from(area.right()) - 1).min(chars.len());
            chars
                .get(start..end)
                .map(|c| c.iter().collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(text: &str, n: usize) -> String {
    text.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

#[test]
fn selecting_a_theme_moves_every_pane_to_its_passage_at_several_widths() {
    for (width, height) in [(120, 40), (160, 45), (200, 60)] {
        let mut app = reader(&["manning-sun-2023", "gabuev-2024"], width, height);
        let wedge = app.map.theme_index("wedge").unwrap();
        update(&mut app, Action::NextTheme);
        assert_eq!(app.theme(), Some(wedge));
        let screen = snapshot(&app);
        for pane in 0..2 {
            let article = app.reading.panes[pane].article;
            let passage = app.map[wedge].passages_of(article).next().unwrap();
            let top = pane_top(&screen, &app, pane, 4);
            let top = top.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                top.contains(&words(&passage.quote, 3)),
                "{width}x{height} pane {pane}: {top}\n{screen}"
            );
        }
        assert!(
            screen.contains("+ supports ·") && screen.contains("x opposes ·"),
            "{screen}"
        );
    }
}

#[test]
fn a_silent_pane_says_so_and_stays_put() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"], 160, 45);
    update(&mut app, Action::ScrollDown);
    let before = app.reading.panes[0].top;
    let trade = app.map.theme_index("trade").unwrap();
    update(&mut app, Action::SelectTheme(trade));
    assert_eq!(
        app.reading.panes[0].top, before,
        "manning-sun-2023 gives no trade figures"
    );
    assert_ne!(app.scroll_line(1), 0, "gabuev-2024 moves to its figures");
    let screen = snapshot(&app);
    assert!(screen.contains("· silent on “Trade since the invasion”"), "{screen}");
}

#[test]
fn n_and_shift_n_step_through_the_passages_of_the_theme_and_go_round() {
    let mut app = reader(&["gabuev-2024"], 120, 40);
    let kissinger = app.map.theme_index("kissinger").unwrap();
    update(&mut app, Action::SelectTheme(kissinger));
    let first = app.scroll_line(0);
    update(&mut app, Action::NextPassage);
    let second = app.scroll_line(0);
    assert!(second > first, "{first} -> {second}");
    // Past the last, round to the first, as ] goes round the themes, and said.
    update(&mut app, Action::NextPassage);
    assert_eq!(app.scroll_line(0), first);
    assert_eq!(
        app.status.as_deref(),
        Some("Past the last passage on this theme: back to the first")
    );
    update(&mut app, Action::PrevPassage);
    assert_eq!(app.scroll_line(0), second);
    assert_eq!(
        app.status.as_deref(),
        Some("Before the first passage on this theme: on to the last")
    );
    update(&mut app, Action::PrevPassage);
    assert_eq!(app.scroll_line(0), first);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.scroll_line(0), second, "passage steps are jumps");
}

#[test]
fn next_disagreement_visits_only_themes_that_divide_the_open_articles() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"], 160, 45);
    let open = app.reading.open_articles();
    let mut seen = Vec::new();
    for _ in 0..30 {
        update(&mut app, Action::NextDisagreement);
        let theme = app.theme().unwrap();
        assert!(app.map[theme].disagreement_among(&open), "{}", app.map[theme].id);
        if seen.contains(&theme) {
            break;
        }
        seen.push(theme);
    }
    assert_eq!(app.map[seen[0]].id, "wedge");
    let expected = app.map.themes.iter().filter(|t| t.disagreement_among(&open)).count();
    assert_eq!(seen.len(), expected);
}

#[test]
fn the_matrix_shows_glyphs_and_counts_and_opens_a_passage() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"], 160, 45);
    update(&mut app, Action::OpenMatrix);
    let screen = snapshot(&app);
    let row = screen
        .lines()
        .find(|l| l.contains("The wedge: can Washington pry them apart?"))
        .unwrap();
    // Articles in corpus order: yun-sun-2022, manning-sun-2023, gabuev-2024, glantz-freeman-2024, gurtov-2024.
    let cells = &row[row.find("apart?").unwrap() + "apart?".len()..];
    let glyphs: String = cells.chars().filter(|c| "+x~=·".contains(*c)).collect();
    assert!(glyphs.starts_with("~+x~~"), "{row}");
    assert!(row.contains("+1 x1 split"), "{row}");
    // Columns are named by author, as the sidebar names the articles.
    let header = screen.lines().find(|l| l.contains("agree/split")).unwrap();
    for label in ["Sun", "Manning/Sun", "Gabuev", "Glantz/Free…", "Gurtov"] {
        assert!(header.contains(label), "{label}: {header}");
    }
    let trade = screen
        .lines()
        .find(|l| l.contains("Trade since the invasion") && l.contains(" +0"))
        .unwrap();
    assert!(trade.contains("+0 x0") && !trade.contains("split"), "{trade}");
    let europe = screen
        .lines()
        .find(|l| l.contains("Europe") && l.contains(" +1"))
        .unwrap();
    assert!(europe.contains("+1 x2 split"), "{europe}");
    insta::assert_snapshot!(screen);

    // Down to the price of a wedge, left to yun-sun-2022, Enter.
    update(&mut app, Action::SelectNext);
    update(&mut app, Action::SelectNext);
    update(&mut app, Action::SelectLeft);
    update(&mut app, Action::Select);
    assert!(app.overlay.is_none());
    assert_eq!(app.map[app.theme().unwrap()].id, "price");
    assert_eq!(app.corpus[app.reading.panes[0].article].meta.id, "yun-sun-2022");
    let top = pane_top(&snapshot(&app), &app, 0, 4);
    assert!(
        top.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("I would say that there needs to be a trade-off"),
        "{top}"
    );
}

#[test]
fn the_matrix_opens_a_passage_in_the_pane_that_shows_its_article() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"], 160, 45);
    update(&mut app, Action::ScrollDown);
    update(&mut app, Action::OpenMatrix);
    // The cursor starts on the focused pane's article; one right is gabuev-2024.
    update(&mut app, Action::SelectRight);
    update(&mut app, Action::Select);
    let ids: Vec<&str> = app
        .reading
        .panes
        .iter()
        .map(|p| app.corpus[p.article].meta.id.as_str())
        .collect();
    assert_eq!(ids, ["manning-sun-2023", "gabuev-2024"], "no pane is replaced");
    assert_eq!(app.reading.focused_pane, 1);
    assert_ne!(app.scroll_line(1), 0);
    update(&mut app, Action::JumpBack);
    assert_eq!((app.reading.focused_pane, app.scroll_line(1)), (0, 0));
    assert_eq!(app.scroll_line(0), 1, "the first pane is where it was");
}

#[test]
fn a_pane_opened_while_a_theme_is_selected_starts_at_its_passage() {
    let mut app = reader(&["manning-sun-2023"], 200, 60);
    let kissinger = app.map.theme_index("kissinger").unwrap();
    update(&mut app, Action::SelectTheme(kissinger));
    // `a` opens the next article not open: yun-sun-2022, silent on the analogy.
    update(&mut app, Action::AddPane);
    assert_eq!(app.corpus[app.reading.panes[1].article].meta.id, "yun-sun-2022");
    assert_eq!(app.scroll_line(1), 0);
    assert!(app.status.as_deref().unwrap().contains("silent on"), "{:?}", app.status);
    // `o` and Gabuev: the pane opens at his passage on the analogy.
    update(&mut app, Action::OpenPicker);
    for c in "gabuev".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Select);
    let gabuev = app.corpus.index_of("gabuev-2024").unwrap();
    assert_eq!(app.reading.panes[1].article, gabuev);
    let passage = app.map[kissinger].passages_of(gabuev).next().unwrap().clone();
    let top = pane_top(&snapshot(&app), &app, 1, 4);
    let top = top.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(top.contains(&words(&passage.quote, 3)), "{top}");
}

#[test]
fn the_compare_panel_shows_each_authors_stance_and_citation() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"], 160, 45);
    update(&mut app, Action::ToggleCompare);
    update(&mut app, Action::NextTheme);
    let screen = snapshot(&app);
    assert!(
        screen.contains("Compare: The wedge: can Washington pry them apart?"),
        "{screen}"
    );
    assert!(
        screen.contains("Claim: Washington can pry China and Russia apart"),
        "{screen}"
    );
    assert!(
        screen.contains("1 Robert A. Manning and Yun Sun · Foreign Policy · 2023")
            && screen.contains("2 Alexander Gabuev · Foreign Affairs · April 2024"),
        "{screen}"
    );
    assert!(
        screen.contains("+ supports Manning and Sun see a transactional union"),
        "{screen}"
    );
    assert!(
        screen.contains("x opposes Gabuev tells Western policymakers"),
        "{screen}"
    );
    assert!(screen.contains("(¶"), "citations name paragraphs as ¶: {screen}");
    update(&mut app, Action::ToggleCompare);
    assert!(!snapshot(&app).contains("Compare:"));
    assert!(
        app.overlay.is_none(),
        "the panel is part of the screen, not a window over it"
    );
}

/// The compare panel's text, its lines joined.
fn compare_text(screen: &str, app: &App) -> String {
    let area = app.screen().compare.expect("the panel is open");
    screen
        .lines()
        .skip(usize::from(area.y))
        .take(usize::from(area.height))
        .map(|l| {
            l.chars()
                .skip(usize::from(area.x))
                .take(usize::from(area.width))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_compare_panel_shows_an_article_beside_the_claim_even_at_80x24_and_names_its_keys() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = reader(&["manning-sun-2023", "gabuev-2024", "gurtov-2024"], width, height);
        update(&mut app, Action::ToggleCompare);
        update(&mut app, Action::NextTheme);
        let screen = snapshot(&app);
        let panel = compare_text(&screen, &app);
        assert!(panel.contains("Claim: Washington can pry"), "{panel}");
        assert!(
            panel.contains("+ supports Manning and Sun see a transactional"),
            "{width}x{height}: {panel}"
        );
        assert!(panel.contains("below · J/K or the wheel"), "{panel}");
        assert!(!panel.contains("compare_down"), "{panel}");
        // No row left blank above the border while the next article would fit in it.
        // (every article's entry here takes three rows or more)
        let rows: Vec<&str> = panel.lines().collect();
        let blank_rows = rows[1..rows.len() - 1]
            .iter()
            .rev()
            .take_while(|r| r.trim_matches(|c: char| c == '│' || c.is_whitespace()).is_empty())
            .count();
        assert!(blank_rows < 3, "{blank_rows} blank rows where an article fits: {panel}");
    }
}

#[test]
fn a_panes_header_says_the_whole_summary_and_its_text_starts_below_it() {
    let mut app = reader(&["manning-sun-2023", "gabuev-2024"], 120, 40);
    let without = app.pane_height(&app.screen(), 1);
    let wedge = app.map.theme_index("wedge").unwrap();
    update(&mut app, Action::SelectTheme(wedge));
    let screen = snapshot(&app);
    let summary = app.header_passage(1).unwrap().summary.clone();
    let header: String = screen
        .lines()
        .skip(1)
        .take(6)
        .map(|l| {
            l.split('│')
                .filter(|c| !c.is_empty())
                .nth(2)
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        header.contains(&format!("x opposes · {summary}")),
        "{summary} in {header}"
    );
    let rows = app.header_rows(&app.screen(), 1);
    assert!(
        rows > parallax::layout::PANE_HEADER_ROWS,
        "the summary takes more than a line"
    );
    assert_eq!(
        app.pane_height(&app.screen(), 1),
        without - usize::from(rows - parallax::layout::PANE_HEADER_ROWS),
        "the text has the rows the header leaves"
    );
    // At 80x24 a long summary is cut after two lines, with a mark.
    let mut small = reader(&["manning-sun-2023", "gabuev-2024"], 80, 24);
    update(&mut small, Action::SelectTheme(wedge));
    let (lines, cut) = small.header_summary(1, 25, 22);
    assert_eq!((lines.len(), cut), (2, true));
    assert!(snapshot(&small).contains("…"));
}

#[test]
fn the_compare_panel_covers_hidden_panes_and_scrolls() {
    let ids = [
        "yun-sun-2022",
        "manning-sun-2023",
        "gabuev-2024",
        "glantz-freeman-2024",
        "gurtov-2024",
    ];
    let mut app = reader(&ids, 160, 45);
    update(&mut app, Action::ToggleCompare);
    update(&mut app, Action::NextTheme);
    let screen = snapshot(&app);
    let hidden = (0..5)
        .find(|&p| app.screen().pane(p).is_none())
        .expect("a pane is hidden at 160x45");
    let sidebar_header = screen.lines().find(|l| l.contains("THEMES")).unwrap();
    assert!(
        sidebar_header.contains(&format!("pane {} hidden", hidden + 1)),
        "{sidebar_header}"
    );
    // Every article is in the panel: those that fit now, the rest by scrolling.
    let mut seen = String::new();
    for _ in 0..5 {
        seen.push_str(&snapshot(&app));
        update(&mut app, Action::CompareDown);
    }
    for (pane, id) in ids.iter().enumerate() {
        let author = app.corpus.get(id).unwrap().author_names();
        assert!(
            seen.contains(&format!("{} {author} ·", pane + 1)),
            "{author} missing:\n{seen}"
        );
    }
    assert!(seen.contains("(pane hidden)"), "{seen}");
    assert!(seen.contains("below") && seen.contains("above"), "{seen}");
    assert_eq!(app.reading.compare_scroll, 4, "scrolling stops at the last article");
    update(&mut app, Action::CompareUp);
    assert_eq!(app.reading.compare_scroll, 3);
    // The wheel over the panel scrolls it too.
    let panel = app.screen().compare.unwrap();
    update(&mut app, Action::ScrollAt(panel.x + 3, panel.y + 2, -3));
    assert_eq!(app.reading.compare_scroll, 2);
    // A new theme starts from the first article again.
    update(&mut app, Action::NextTheme);
    assert_eq!(app.reading.compare_scroll, 0);
}

#[test]
fn export_of_one_theme_whole() {
    let (corpus, map) = bundled();
    let kissinger = map.theme_index("kissinger").unwrap();
    insta::assert_snapshot!(
        "export_md_kissinger",
        parallax::export::markdown(&corpus, &map, &[kissinger])
    );
    let json = parallax::export::json(&corpus, &map, &[kissinger]);
    insta::assert_snapshot!("export_json_kissinger", json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["articles"].as_array().unwrap().len(), 5);
    for key in ["id", "title", "authors", "outlet", "published"] {
        assert!(value["articles"][0].get(key).is_some(), "{key}");
    }
    let passage = &value["themes"][0]["passages"][0];
    for key in ["article", "stance", "quote", "summary", "published"] {
        assert!(passage.get(key).is_some(), "{key}");
    }
    assert_eq!(value["themes"][0]["id"], "kissinger");
}

#[test]
fn the_matrix_of_a_large_library_has_a_column_per_article_that_speaks_and_scrolls_to_the_selected_one() {
    // 40 copies of Gabuev's article, each placed on the wedge by a map of our own.
    let corpus = corpus::load(&copies::sources(205)).corpus;
    let placed: Vec<&str> = corpus
        .ids()
        .filter(|id| id.starts_with("gabuev-2024-copy-"))
        .take(40)
        .collect();
    let mut extra = String::new();
    for id in &placed {
        extra.push_str(&format!(
            "[[passages]]\ntheme = \"wedge\"\narticle = \"{id}\"\nquote = \"Any hopes of peeling them away from each other are nothing more than wishful thinking.\"\nstance = \"opposes\"\nsummary = \"A copy says no wedge.\"\n\n"
        ));
    }
    let mut maps = corpus::bundled_maps();
    maps.push(corpus::SourceFile {
        name: "copies.toml".into(),
        bytes: std::borrow::Cow::Owned(extra.into_bytes()),
    });
    let (map, problems) = debate::load(&corpus, &maps);
    assert!(problems.is_empty(), "{problems:?}");
    let open = [corpus.index_of("manning-sun-2023").unwrap()];
    let mut app = App::new(corpus, map, Keymap::defaults(), &open, Rect::new(0, 0, 80, 24));
    assert_eq!(
        app.matrix_columns().len(),
        45,
        "the five mapped articles and the 40 copies"
    );
    update(&mut app, Action::OpenMatrix);
    let screen = snapshot(&app);
    assert!(screen.contains("of 45 that speak to them"), "{screen}");
    for _ in 0..30 {
        update(&mut app, Action::SelectRight);
    }
    let Some(parallax::app::Overlay::Matrix { column, .. }) = app.overlay else {
        panic!("the matrix stays open");
    };
    assert_eq!(column, 31, "from the focused article's column, 30 to the right");
    let screen = snapshot(&app);
    let range = screen.lines().next().unwrap();
    let shown: Vec<usize> = range
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert!(shown[0] <= column + 1 && column < shown[1] && shown[2] == 45, "{range}");
    // The wedge row counts every article that opposes, shown or not.
    let wedge_theme = &app.map[app.map.theme_index("wedge").unwrap()];
    let opposing: std::collections::HashSet<ArticleIx> = wedge_theme
        .passages
        .iter()
        .filter(|p| p.stance == Stance::Opposes)
        .map(|p| p.article)
        .collect();
    assert!(opposing.len() > 40);
    let wedge = screen.lines().find(|l| l.contains("The wedge")).unwrap();
    assert!(wedge.contains(&format!("x{}", opposing.len())), "{wedge}");
    // Enter on the wedge row opens that column's article.
    let article = app.matrix_columns()[column];
    update(&mut app, Action::Select);
    assert!(app.overlay.is_none());
    assert_eq!(app.reading.panes[app.reading.focused_pane].article, article);
}

#[test]
fn an_article_without_authors_is_named_by_its_title_never_by_empty_commas() {
    let bare =
        "+++\nid = \"bare\"\ntitle = \"A Page Saved Without a Byline\"\n+++\n\nThe only words of the page are here.\n";
    let other =
        "+++\nid = \"other\"\ntitle = \"Other\"\n\n[[authors]]\nname = \"Ann Author\"\n+++\n\nOther words are there.\n";
    let loaded = corpus::load(&[source("bare.md", bare), source("other.md", other)]);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let map_text = "[[themes]]\nid = \"x\"\ntitle = \"X\"\nclaim = \"C\"\n\n[[themes.passages]]\narticle = \"bare\"\nquote = \"The only words\"\nstance = \"supports\"\nsummary = \"S.\"\n\n[[themes.passages]]\narticle = \"other\"\nquote = \"Other words are there\"\nstance = \"opposes\"\nsummary = \"T.\"\n";
    let (map, problems) = debate::load(&loaded.corpus, &[source("m.toml", map_text)]);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = App::new(
        loaded.corpus,
        map,
        Keymap::defaults(),
        &[ArticleIx(0), ArticleIx(1)],
        Rect::new(0, 0, 160, 45),
    );
    update(&mut app, Action::SelectTheme(ThemeIx(0)));
    update(&mut app, Action::ToggleCompare);
    let mut screens = vec![snapshot(&app)];
    update(&mut app, Action::OpenMatrix);
    screens.push(snapshot(&app));
    update(&mut app, Action::Close);
    update(&mut app, Action::OpenPicker);
    screens.push(snapshot(&app));
    for screen in &screens {
        assert!(!screen.contains("(, ") && !screen.contains(", ,"), "{screen}");
    }
    assert!(
        screens[0].contains("1 A Page Saved Without a Byline · date unknown"),
        "{}",
        screens[0]
    );
    assert!(
        screens[1].contains("bare (A Page Saved Without a Byline · date unknown)"),
        "{}",
        screens[1]
    );
    assert!(
        screens[2].contains("A Page Saved Without a Byline (date unknown)"),
        "{}",
        screens[2]
    );
}
