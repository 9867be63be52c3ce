//! `export --format md` read back by a CommonMark reader: whatever a
//! reader or a map's author wrote in a title, a claim, a summary or a note
//! renders as those words, never as HTML, a link, a heading or a comment
//! that hides the rest of the document.

use parallax::corpus;
use parallax::debate;
use parallax::ids::ThemeIx;
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag};

/// The rendered text of a Markdown document, and whether any HTML or link was made.
fn rendered(markdown: &str) -> (String, usize, usize) {
    let mut text = String::new();
    let (mut html, mut links) = (0, 0);
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            Event::Html(_) | Event::InlineHtml(_) => html += 1,
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => links += 1,
            _ => {}
        }
    }
    (text, html, links)
}

fn export_with(summary: &str, title: &str) -> String {
    let corpus = corpus::load(&corpus::bundled_sources()).corpus;
    let (mut map, _) = debate::load(&corpus, &corpus::bundled_maps());
    map.themes[0].title = title.to_string();
    map.themes[0].claim = summary.to_string();
    map.themes[0].passages[0].summary = summary.to_string();
    parallax::export::markdown(&corpus, &map, &[ThemeIx(0)])
}

#[test]
fn a_comment_a_script_a_link_or_a_heading_in_a_summary_is_only_words() {
    let summary = "<!-- hides </script> [x](http://y) ![i](j) # not a heading &amp; `code` *em*";
    let markdown = export_with(summary, "## Title <b>bold</b>");
    let (text, html, links) = rendered(&markdown);
    assert_eq!((html, links), (0, 0), "{markdown}");
    assert!(text.contains(summary), "{text}");
    assert!(text.contains("## Title <b>bold</b>"), "{text}");
    assert!(
        text.contains("that would attenuate the partnership"),
        "nothing after the summary is hidden: {text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_summary_renders_as_its_own_words(summary in "([ -~]|[\u{a0}-\u{17f}]){1,80}") {
        let markdown = export_with(&summary, "Title");
        let (text, html, links) = rendered(&markdown);
        prop_assert_eq!((html, links), (0, 0));
        let words = summary.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert!(text.contains(&words), "{:?} not in {:?}", words, text);
    }
}
