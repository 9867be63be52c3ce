//! Search: ranking on the bundled debate, non-ASCII text, edge-case queries,
//! and the palette through update().

// Shared with other tests and the benchmarks; this one writes no files.
#[allow(dead_code)]
#[path = "../benches/support/copies.rs"]
mod copies;

use parallax::app::{Action, App, Overlay, update};
use parallax::corpus::{self, Corpus};
use parallax::debate::{self, DebateMap};
use parallax::keymap::Keymap;
use parallax::search::{Kind, Query, SearchIndex, highlight_ranges, matcher};
use ratatui::layout::Rect;
use std::sync::Arc;

fn bundled() -> (Arc<Corpus>, DebateMap) {
    let corpus = Arc::new(corpus::load(&corpus::bundled_sources()).corpus);
    let (map, _) = debate::load(&corpus, &corpus::bundled_maps());
    (corpus, map)
}

/// (kind, article id, text) of the first `n` results.
fn top(index: &SearchIndex, corpus: &Corpus, query: &str, n: usize) -> Vec<(Kind, String, String)> {
    index
        .search(&Query::parse(query))
        .into_iter()
        .take(n)
        .map(|hit| {
            let c = index.candidate(hit.candidate);
            let article = c.article.map(|a| corpus[a].meta.id.to_string()).unwrap_or_default();
            (c.kind, article, index.text(hit.candidate).to_string())
        })
        .collect()
}

#[test]
fn half_remembered_words_find_the_passage_first() {
    let (corpus, map) = bundled();
    let index = SearchIndex::build(&corpus, &map);
    let cases = [
        // The Foreign Affairs section on the analogy, by its heading or its words.
        ("revers kisinger", "gabuev-2024", "reverse kissinger"),
        ("reverse kissinger", "gabuev-2024", "reverse kissinger"),
        ("nevsky", "gabuev-2024", "Nevsky"),
        (
            "living in wonderland",
            "yun-sun-2022",
            "we are really living in Wonderland",
        ),
        ("double veto", "yun-sun-2022", "they can have a double veto"),
        (
            "89 percent",
            "gurtov-2024",
            "some 89 percent of the ‘high-priority’ imports",
        ),
        ("article 5", "manning-sun-2023", "There is no Article 5-type agreement"),
        (
            "heixiazi",
            "glantz-freeman-2024",
            "Heixiazi or Bolshoy Ussuriysky Island",
        ),
    ];
    for (query, article, words) in cases {
        let results = top(&index, &corpus, query, 1);
        let (kind, id, text) = &results[0];
        assert_eq!((*kind, id.as_str()), (Kind::Passage, article), "{query}: {results:?}");
        assert!(text.to_lowercase().contains(&words.to_lowercase()), "{query}: {text}");
    }
}

#[test]
fn the_trade_figure_finds_every_article_that_gives_it_on_the_first_screen() {
    let (corpus, map) = bundled();
    let index = SearchIndex::build(&corpus, &map);
    let results = top(&index, &corpus, "240 billion", 12);
    for article in ["gabuev-2024", "glantz-freeman-2024", "gurtov-2024"] {
        assert!(
            results
                .iter()
                .any(|(kind, id, text)| *kind == Kind::Passage && id == article && text.contains("240")),
            "{article}: {results:?}"
        );
    }
}

/// Precision as well as recall: every passage a query finds holds the words
/// named (so no result is letters scattered across a long sentence), and
/// the passages expected are all found.
#[test]
fn queries_find_what_they_name_and_nothing_scattered() {
    let (corpus, map) = bundled();
    let index = SearchIndex::build(&corpus, &map);
    // (query, words every passage found must hold, passages that must be found, how many passages at most)
    let table: [(&str, &[&str], &[&str], usize); 7] = [
        ("power of siberia", &["power of siberia"], &["glantz-freeman-2024"], 1),
        ("siberia", &["siberia"], &["glantz-freeman-2024"], 1),
        ("revers kisinger", &["kissinger"], &["gabuev-2024"], 3),
        ("nevsky", &["nevsky"], &["gabuev-2024"], 4),
        (
            "240 billion",
            &["240", "billion"],
            &["gabuev-2024", "glantz-freeman-2024", "gurtov-2024"],
            4,
        ),
        ("heixiazi", &["heixiazi"], &["glantz-freeman-2024"], 1),
        ("samarkand", &["samarkand"], &["yun-sun-2022"], 10),
    ];
    for (query, words, expected, most) in table {
        let passages: Vec<(String, String)> = top(&index, &corpus, query, 200)
            .into_iter()
            .filter(|(kind, _, _)| *kind == Kind::Passage)
            .map(|(_, id, text)| (id, text.to_lowercase()))
            .collect();
        for (id, text) in &passages {
            for word in words {
                assert!(text.contains(word), "{query}: {id} {text:?} lacks {word:?}");
            }
        }
        for article in expected {
            assert!(
                passages.iter().any(|(id, _)| id == article),
                "{query}: {article} not found"
            );
        }
        assert!(
            passages.len() <= most,
            "{query}: {} passages: {passages:?}",
            passages.len()
        );
    }
}

#[test]
fn an_exact_phrase_ranks_above_a_scattered_match_and_ties_go_by_position() {
    let (corpus, map) = bundled();
    let index = SearchIndex::build(&corpus, &map);
    let hits = index.search(&Query::parse("no limits"));
    let first_scattered = hits.iter().position(|h| !h.exact).unwrap_or(hits.len());
    assert!(first_scattered > 0 && hits[..first_scattered].iter().all(|h| h.exact));
    assert!(hits[first_scattered..].iter().all(|h| !h.exact));
    for pair in hits.windows(2) {
        if pair[0].exact == pair[1].exact && pair[0].score == pair[1].score {
            assert!(pair[0].candidate < pair[1].candidate, "ties keep reading order");
        }
    }
}

#[test]
fn prefixes_narrow_the_scope() {
    let (corpus, map) = bundled();
    let index = SearchIndex::build(&corpus, &map);
    let themes = top(&index, &corpus, "#taiwan", 50);
    assert!(!themes.is_empty() && themes.iter().all(|(kind, ..)| *kind == Kind::Theme));
    let articles = top(&index, &corpus, "@glantz", 50);
    assert_eq!(articles.len(), 1);
    assert_eq!(
        (articles[0].0, articles[0].1.as_str()),
        (Kind::Article, "glantz-freeman-2024")
    );
}

#[test]
fn empty_short_and_very_long_queries() {
    let (corpus, map) = bundled();
    let index = SearchIndex::build(&corpus, &map);
    assert!(index.search(&Query::parse("")).is_empty());
    assert!(index.search(&Query::parse("   ")).is_empty());
    assert!(!index.search(&Query::parse("z")).is_empty());
    let long = "reverse kissinger ".repeat(60);
    assert_eq!(long.chars().count(), 1080);
    assert!(index.search(&Query::parse(&long)).is_empty());
}

#[test]
fn non_ascii_candidates_and_queries() {
    let text = "+++\nid = \"u\"\ntitle = \"U\"\noutlet = \"O\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"s\"\n\n[[authors]]\nname = \"N\"\n+++\n\nThe café in Zürich served crème brûlée. 中国和俄罗斯的关系很好。 Smile 👍🏽 please. Ἀλέξανδρος Νέφσκι fought.\n";
    let loaded = corpus::load(&[corpus::SourceFile {
        name: "u.md".into(),
        bytes: text.as_bytes().to_vec().into(),
    }]);
    let corpus = Arc::new(loaded.corpus);
    let index = SearchIndex::build(&corpus, &DebateMap::default());
    let m = matcher();
    for query in ["crème brûlée", "CAFÉ", "俄罗斯", "👍🏽", "νέφσκι", "zurich", "é", "中"] {
        let hits = index.search(&Query::parse(query));
        for hit in &hits {
            let text = index.text(hit.candidate);
            for range in highlight_ranges(&m, text, &Query::parse(query).text) {
                assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            }
        }
        if query != "zurich" {
            assert!(!hits.is_empty(), "{query}");
        }
    }
    let hits = index.search(&Query::parse("俄罗斯"));
    let text = index.text(hits[0].candidate);
    let shown: String = highlight_ranges(&m, text, "俄罗斯")
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(shown, "俄罗斯");
}

fn reader() -> App {
    let corpus = corpus::load(&corpus::bundled_sources()).corpus;
    let (map, _) = debate::load(&corpus, &corpus::bundled_maps());
    let open = [
        corpus.index_of("manning-sun-2023").unwrap(),
        corpus.index_of("gabuev-2024").unwrap(),
    ];
    App::new(corpus, map, Keymap::defaults(), &open, Rect::new(0, 0, 160, 45))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}

fn palette(app: &App) -> &parallax::app::Palette {
    match &app.overlay {
        Some(Overlay::Search(palette)) => palette,
        other => panic!("the palette is not open: {other:?}"),
    }
}

#[test]
fn the_palette_types_searches_and_cancels() {
    let mut app = reader();
    let before = app.reading.panes.clone();
    update(&mut app, Action::OpenSearch);
    assert_eq!(app.context(), parallax::keymap::Context::Search);
    type_text(&mut app, "nevsky");
    let p = palette(&app);
    assert_eq!(p.query, "nevsky");
    assert!(!p.searching(), "results of the query typed are shown");
    assert!(!p.hits.is_empty());
    update(&mut app, Action::DeleteChar);
    assert_eq!(palette(&app).query, "nevsk");
    update(&mut app, Action::Close);
    assert!(app.overlay.is_none());
    assert_eq!(app.reading.panes, before, "Esc leaves everything where it was");
}

#[test]
fn stale_results_are_never_shown() {
    let mut app = reader();
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "nevsky");
    let generation = palette(&app).generation;
    let fresh = palette(&app).hits.clone();
    // A response for an older query arrives late: it is dropped.
    let Some(Overlay::Search(p)) = &mut app.overlay else {
        unreachable!()
    };
    p.generation += 1;
    p.query.edit(Action::Input('x'));
    app.work.searcher.submit(generation, "wedge");
    update(&mut app, Action::SearchReady);
    assert_eq!(palette(&app).hits, fresh);
    assert!(palette(&app).searching());
}

#[test]
fn enter_on_a_passage_opens_it_and_n_steps_through_the_other_hits() {
    let mut app = reader();
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "nevsky");
    update(&mut app, Action::Select);
    assert!(app.overlay.is_none());
    // Gabuev is open in the second pane: the jump goes there, and the first
    // pane keeps its article.
    let gabuev = app.corpus.index_of("gabuev-2024").unwrap();
    let manning = app.corpus.index_of("manning-sun-2023").unwrap();
    assert_eq!(
        (app.reading.panes[0].article, app.reading.panes[1].article),
        (manning, gabuev)
    );
    assert_eq!(app.reading.focused_pane, 1);
    let nav = app.reading.search_nav.clone().unwrap();
    assert!(nav.hits.len() >= 4, "{:?}", nav.hits);
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("Nevsky"), "{screen}");
    let first = app.scroll_line(1);
    assert!(first > 0);
    update(&mut app, Action::NextPassage);
    assert!(app.scroll_line(1) > first, "n moves on to a later hit");
    let status = app.status.clone().unwrap();
    assert!(
        status.contains("“nevsky”: hit") && status.contains(&format!("of {}", nav.hits.len())),
        "{status}"
    );
    update(&mut app, Action::JumpBack);
    assert_eq!(app.scroll_line(1), first);
    update(&mut app, Action::JumpBack);
    assert_eq!(
        (app.scroll_line(1), app.reading.focused_pane),
        (0, 0),
        "back where the search started"
    );
}

#[test]
fn a_search_jump_to_an_article_open_nowhere_replaces_the_focused_one_and_ctrl_o_brings_it_back() {
    let mut app = reader();
    update(&mut app, Action::ScrollDown);
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "power of siberia");
    update(&mut app, Action::Select);
    let article = &app.corpus[app.reading.panes[0].article].meta.id;
    assert_eq!(article, "glantz-freeman-2024");
    assert_eq!(app.reading.focused_pane, 0);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.corpus[app.reading.panes[0].article].meta.id, "manning-sun-2023");
    assert_eq!(app.scroll_line(0), 1, "where it was");
    update(&mut app, Action::JumpForward);
    assert_eq!(app.corpus[app.reading.panes[0].article].meta.id, "glantz-freeman-2024");
}

#[test]
fn enter_on_a_theme_selects_it_and_on_an_article_opens_it() {
    let mut app = reader();
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "#kissinger analogy");
    update(&mut app, Action::Select);
    assert_eq!(app.map[app.theme().unwrap()].id, "kissinger");
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "@gurtov");
    update(&mut app, Action::Select);
    assert_eq!(app.corpus[app.reading.panes[0].article].meta.id, "gurtov-2024");
}

#[test]
fn the_palette_renders_kinds_and_highlights() {
    let mut app = reader();
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "revers kisinger");
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("/ revers kisinger"), "{screen}");
    assert!(screen.contains("passage gabuev-2024"), "{screen}");
    assert!(screen.contains("results"), "{screen}");
}

#[test]
fn the_search_field_deletes_words_and_clears_and_brings_back_recent_searches() {
    let mut app = reader();
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "power of sib");
    update(&mut app, Action::DeleteWord);
    assert_eq!(palette(&app).query, "power of ");
    update(&mut app, Action::DeleteWord);
    assert_eq!(palette(&app).query, "power ");
    update(&mut app, Action::ClearInput);
    assert_eq!(palette(&app).query, "");
    assert!(palette(&app).hits.is_empty());
    // Two searches made...
    for query in ["nevsky", "240 billion"] {
        type_text(&mut app, query);
        update(&mut app, Action::Select);
        update(&mut app, Action::OpenSearch);
    }
    // ...come back with up in the empty palette, newest first, with results.
    update(&mut app, Action::SelectPrev);
    assert_eq!(palette(&app).query, "240 billion");
    assert!(!palette(&app).hits.is_empty() && !palette(&app).searching());
    update(&mut app, Action::SelectPrev);
    assert_eq!(palette(&app).query, "nevsky");
    update(&mut app, Action::SelectPrev);
    assert_eq!(palette(&app).query, "nevsky");
    assert_eq!(app.status.as_deref(), Some("No earlier search"));
    // Down moves through the results; a typed character ends the recall.
    update(&mut app, Action::SelectNext);
    assert_eq!(palette(&app).selected, 1);
    update(&mut app, Action::SelectPrev);
    assert_eq!((palette(&app).query.value(), palette(&app).selected), ("nevsky", 0));
    type_text(&mut app, " prince");
    update(&mut app, Action::SelectPrev);
    assert_eq!(
        palette(&app).query,
        "nevsky prince",
        "up in a typed query moves the selection only"
    );
    // The keys: ctrl-w and ctrl-u in the palette.
    let keys = &app.keymap;
    let key = |k: &str| {
        keys.action(
            parallax::keymap::Context::Search,
            parallax::keymap::Key::parse(k).unwrap(),
        )
    };
    assert_eq!(key("ctrl-w"), Some(Action::DeleteWord));
    assert_eq!(key("ctrl-u"), Some(Action::ClearInput));
}

#[test]
fn y_copies_the_passage_jumped_to_with_its_citation() {
    let mut app = reader();
    // Before any jump: the paragraph at the top of the focused pane.
    update(&mut app, Action::CopyPassage);
    let copied = on_clipboard(&mut app).unwrap();
    assert!(copied.starts_with("“It may seem counterintuitive"), "{copied}");
    assert!(
        copied.ends_with("— Robert A. Manning and Yun Sun, “Washington Is Missing a Chance to Turn China Against Russia,” Foreign Policy, 2023, ¶1."),
        "{copied}"
    );
    // After a search jump: the sentence found, cited by its paragraph.
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "prince alexander nevsky traveled");
    update(&mut app, Action::Select);
    update(&mut app, Action::CopyPassage);
    let copied = on_clipboard(&mut app).unwrap();
    let (quote, citation) = copied.split_once('\n').unwrap();
    assert!(
        quote.starts_with("““Prince Alexander Nevsky traveled to the Horde"),
        "{quote}"
    );
    assert!(quote.ends_with('”') && !quote.contains('\n'));
    assert!(
        citation.starts_with("— Alexander Gabuev, “Putin and Xi’s Unholy Alliance"),
        "{citation}"
    );
    assert!(
        citation.ends_with("China,” Foreign Affairs, April 2024, ¶12."),
        "{citation}"
    );
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("Copied ““Prince Alexander") && status.contains("gabuev-2024, ¶12"),
        "{status}"
    );
    // After a theme jump: that author's passage on the theme.
    let wedge = app.map.theme_index("wedge").unwrap();
    update(&mut app, Action::SelectTheme(wedge));
    update(&mut app, Action::CopyPassage);
    let gabuev = app.reading.panes[app.reading.focused_pane].article;
    let passage = app.map[wedge].passages_of(gabuev).next().unwrap().clone();
    let copied = on_clipboard(&mut app).unwrap();
    let words: String = passage.quote.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    assert!(copied.starts_with(&format!("“{words}")), "{copied}");
}

/// The bundled articles and copies of them, `articles` in all: common
/// phrases then occur more often than the prefilter scores.
fn copied(articles: usize) -> (Arc<Corpus>, DebateMap) {
    let corpus = Arc::new(corpus::load(&copies::sources(articles)).corpus);
    let (map, _) = debate::load(&corpus, &corpus::bundled_maps());
    (corpus, map)
}

/// Every survivor of a query, by prefiltering on from wherever the last
/// prefilter stopped until none is left unchecked.
fn every_survivor(index: &SearchIndex, query: &Query) -> Vec<parallax::search::Survivor> {
    let mut all = Vec::new();
    let mut from = parallax::search::Prefiltered::default();
    loop {
        let found = index.prefilter(query, Some(&from), &|| false).unwrap();
        all.extend(found.survivors);
        if found.scanned_to as usize >= index.len() {
            return all;
        }
        from = parallax::search::Prefiltered {
            survivors: Vec::new(),
            scanned_to: found.scanned_to,
        };
    }
}

#[test]
fn a_scan_that_stops_at_enough_phrases_ranks_as_a_whole_scan_would() {
    let (corpus, map) = copied(65);
    let index = SearchIndex::build(&corpus, &map);
    let mut stopped_early = 0;
    for query in [
        "the",
        "china",
        "russia and",
        "of the",
        "in the united",
        "war",
        "kissinger",
        "revers kisinger",
        "a",
        "beijing",
    ] {
        let query = Query::parse(query);
        let first = index.prefilter(&query, None, &|| false).unwrap();
        stopped_early += usize::from((first.scanned_to as usize) < index.len());
        let whole = index.rank(&query, &every_survivor(&index, &query));
        assert_eq!(index.search(&query), whole, "{query:?}");
    }
    assert!(stopped_early >= 5, "common queries stop early ({stopped_early})");
}

#[test]
fn typing_a_query_gives_at_each_key_what_searching_it_afresh_gives() {
    let (corpus, map) = copied(65);
    let index = std::sync::Arc::new(SearchIndex::build(&corpus, &map));
    let mut searcher = parallax::search::Searcher::inline(std::sync::Arc::clone(&index));
    let mut generation = 0;
    for typed in [
        "the united states",
        "in the war",
        "china and russia",
        "revers kisinger",
        "no limits",
    ] {
        for end in 1..=typed.len() {
            generation += 1;
            searcher.submit(generation, &typed[..end]);
            let response = searcher.try_recv().expect("an inline search answers at once");
            assert_eq!(
                response.hits,
                index.search(&Query::parse(&typed[..end])),
                "{:?}",
                &typed[..end]
            );
        }
    }
}

/// The text `y` left for the terminal's clipboard, if any.
fn on_clipboard(app: &mut App) -> Option<String> {
    app.outbox.take().into_iter().find_map(|effect| match effect {
        parallax::app::Effect::Clipboard(text) => Some(text),
        _ => None,
    })
}

#[test]
fn shift_y_copies_the_passage_with_a_pandoc_citation() {
    let mut app = reader();
    assert_eq!(
        app.keymap.action(
            parallax::keymap::Context::Reader,
            parallax::keymap::Key::parse("Y").unwrap()
        ),
        Some(Action::CopyPassagePandoc)
    );
    update(&mut app, Action::OpenSearch);
    type_text(&mut app, "prince alexander nevsky traveled");
    update(&mut app, Action::Select);
    update(&mut app, Action::CopyPassagePandoc);
    let copied = on_clipboard(&mut app).unwrap();
    assert!(
        copied.starts_with("““Prince Alexander Nevsky traveled to the Horde"),
        "{copied}"
    );
    assert!(copied.ends_with("” [@gabuev-2024, para. 12]"), "{copied}");
}
