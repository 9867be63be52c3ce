//! Properties that must hold for any input.

use parallax::app::{Action, App, Position, update};
use parallax::corpus;
use parallax::debate::{self, NormalizedArticle, Resolution, Selector, normalize};
use parallax::keymap::Keymap;
use parallax::layout::wrap;
use parallax::sanitize::{clean, is_clean};
use proptest::prelude::*;
use ratatui::layout::Rect;

/// Words of several scripts and widths, for text that stresses wrapping.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,12}",
        "[A-Z][a-z]{0,8}",
        Just("中国".to_string()),
        Just("e\u{301}te\u{301}".to_string()),
        Just("👍🏽".to_string()),
        Just("Ἀλέξανδρος".to_string()),
        "[a-z]{20,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn wrapping_never_exceeds_the_width_and_loses_no_text(words in prop::collection::vec(word(), 0..60), width in 1usize..50) {
        let text = words.join(" ");
        let lines = wrap(&text, width);
        for range in &lines {
            let line = &text[range.clone()];
            // A single grapheme wider than the width (a CJK character at width 1) stands alone.
            let single = unicode_segmentation::UnicodeSegmentation::graphemes(line, true).count() == 1;
            prop_assert!(parallax::layout::display::width(line) <= width || single, "{line:?} is wider than {width} as drawn");
        }
        let kept: String = lines.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join("");
        let original: String = text.split(' ').collect();
        prop_assert_eq!(kept.replace(' ', ""), original);
    }

    #[test]
    fn sanitizing_leaves_no_control_character(text in any::<String>()) {
        let cleaned = clean(&text);
        prop_assert!(is_clean(&cleaned));
        prop_assert_eq!(clean(&cleaned), cleaned.clone(), "cleaning twice changes nothing");
    }

    #[test]
    fn the_loader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut diagnostics = Vec::new();
        let _ = corpus::parse_article("any.md", &bytes, &mut diagnostics);
    }

    #[test]
    fn the_loader_never_panics_on_near_articles(body in "[\\PC\\n*_>#\\[\\]^:-]{0,300}", title in "\\PC{0,20}") {
        let text = format!("+++\nid = \"a\"\ntitle = {title:?}\noutlet = \"o\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"s\"\n[[authors]]\nname = \"n\"\n+++\n{body}");
        let mut diagnostics = Vec::new();
        if let Some(article) = corpus::parse_article("a.md", text.as_bytes(), &mut diagnostics) {
            for block in &article.blocks {
                prop_assert!(is_clean(&block.text));
                for s in block.sentences() {
                    prop_assert!(block.text.is_char_boundary(s.start) && block.text.is_char_boundary(s.end));
                }
            }
        }
    }

    #[test]
    fn the_map_parser_never_panics(text in "\\PC{0,400}") {
        let corpus = corpus::load(&corpus::bundled_sources()).corpus;
        let _ = debate::load(&corpus, &[corpus::SourceFile { name: "m.toml".into(), bytes: text.into_bytes().into() }]);
    }

    #[test]
    fn the_keymap_parser_never_panics(text in "(\\[[a-z]{0,8}\\]\n|[a-zA-Z?\\[\\]-]{1,10} = \"[a-z_]{0,14}\"\n|\\PC{0,20}\n){0,12}") {
        let _ = Keymap::with_user_file("k.toml", &text);
    }

    #[test]
    fn anchors_round_trip(words in prop::collection::vec("[a-z]{2,9}", 12..80), start in 0usize..1000, len in 3usize..9) {
        // Paragraphs of the words; a quote of some consecutive words.
        let paragraphs: Vec<String> = words.chunks(7).map(|c| c.join(" ")).collect();
        let body = paragraphs.join("\n\n");
        let text = format!("+++\nid = \"a\"\ntitle = \"T\"\noutlet = \"o\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"s\"\n[[authors]]\nname = \"n\"\n+++\n\n{body}\n");
        let mut diagnostics = Vec::new();
        let article = corpus::parse_article("a.md", text.as_bytes(), &mut diagnostics).unwrap();
        let start = start % (words.len() - len);
        let quote = words[start..start + len].join(" ");
        let index = NormalizedArticle::new(&article);
        let all = normalize(&article.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" "));
        let occurrences = all.match_indices(quote.as_str()).count();
        match index.resolve(&article, &Selector { exact: &quote, ..Default::default() }) {
            Resolution::Exact(anchor) => {
                prop_assert_eq!(occurrences, 1);
                let mut found = Vec::new();
                for block in anchor.start_block.through(anchor.end_block) {
                    let t = &article[block].text;
                    if let Some(r) = anchor.range_in(block, t.len()) {
                        found.push(&t[r]);
                    }
                }
                prop_assert_eq!(found.join(" "), quote);
            }
            Resolution::Ambiguous { .. } => prop_assert!(occurrences > 1),
            other => prop_assert!(false, "{other:?} for {quote:?}"),
        }
    }
}

/// The bundled corpus and map, loaded once for the scrolling properties.
fn bundled() -> &'static (corpus::Corpus, debate::DebateMap) {
    static BUNDLED: std::sync::OnceLock<(corpus::Corpus, debate::DebateMap)> = std::sync::OnceLock::new();
    BUNDLED.get_or_init(|| {
        let corpus = corpus::load(&corpus::bundled_sources()).corpus;
        let (map, _) = debate::load(&corpus, &corpus::bundled_maps());
        (corpus, map)
    })
}

/// A reader showing one article in one pane whose text is `width` columns wide.
fn one_pane(article: usize, width: u16) -> App {
    let (corpus, map) = bundled().clone();
    let mut app = App::new(
        corpus,
        map,
        Keymap::defaults(),
        &[parallax::ids::ArticleIx(article)],
        Rect::new(0, 0, width + 4, 30),
    );
    update(&mut app, Action::ToggleSidebar);
    assert!(app.screen().sidebar.is_none());
    app
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// One line down moves the top exactly one line until the end; one line
    /// up undoes it. By key and by the mouse wheel.
    #[test]
    fn scrolling_moves_one_line_at_a_time(article in 0usize..5, width in 30u16..200, at in 0.0f64..1.0) {
        let mut app = one_pane(article, width);
        let lines = app.document(0).unwrap().lines.len();
        let last_top = lines.saturating_sub(app.pane_height(&app.screen(), 0));
        let start = (at * last_top as f64) as usize;
        let (block, line) = app.document(0).unwrap().position_of(start);
        app.reading.panes[0].top = Position { block, line };
        prop_assert_eq!(app.scroll_line(0), start);
        // Down to the end, one line at a time, then back up.
        for expected in start + 1..=last_top {
            update(&mut app, Action::ScrollDown);
            prop_assert_eq!(app.scroll_line(0), expected, "a line down from {}", expected - 1);
        }
        update(&mut app, Action::ScrollDown);
        prop_assert_eq!(app.scroll_line(0), last_top, "the end stops it");
        for expected in (start..last_top).rev() {
            update(&mut app, Action::ScrollUp);
            prop_assert_eq!(app.scroll_line(0), expected, "a line up from {}", expected + 1);
        }
        // The wheel over the pane: three lines a notch, the same way.
        let pane = app.screen().panes[0].1;
        let (column, row) = (pane.x + 2, pane.y + 6);
        let mut top = start;
        while top < last_top {
            update(&mut app, Action::ScrollAt(column, row, 3));
            let moved = (top + 3).min(last_top);
            prop_assert_eq!(app.scroll_line(0), moved);
            update(&mut app, Action::ScrollAt(column, row, -3));
            prop_assert_eq!(app.scroll_line(0), moved.saturating_sub(3));
            update(&mut app, Action::ScrollAt(column, row, 3));
            top = moved;
        }
    }
}
