//! The bundled articles against the raw captures they were made from: every
//! line of the article body is kept word for word, and no page furniture is.

use parallax::corpus::{self, Article, Corpus};

fn normalize(text: &str) -> String {
    text.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn bundled() -> Corpus {
    let loaded = corpus::load(&corpus::bundled_sources());
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    loaded.corpus
}

/// The text with each note reference written as its label right where it
/// stands, as printed sources show them ("...2022.1").
fn text_with_note_labels(block: &parallax::corpus::Block) -> String {
    let mut out = String::with_capacity(block.text.len() + 8);
    let mut last = 0;
    for r in block.note_refs() {
        out.push_str(&block.text[last..r.at]);
        out.push_str(&r.label);
        last = r.at;
    }
    out.push_str(&block.text[last..]);
    out
}

/// Each block as printed: a turn's label first, note numbers glued on.
fn block_texts(article: &Article) -> Vec<String> {
    article
        .blocks
        .iter()
        .map(|b| {
            let text = text_with_note_labels(b);
            normalize(&match b.turn_label() {
                Some(label) => format!("{label}: {text}"),
                None => text,
            })
        })
        .collect()
}

/// Everything of the article a reader sees: title, subtitle, blocks, bios.
fn kept_text(article: &Article) -> String {
    let meta = &article.meta;
    let mut parts = vec![meta.title.clone()];
    parts.extend(meta.subtitle.clone());
    parts.extend(block_texts(article));
    parts.extend(meta.authors.iter().filter_map(|a| a.bio.clone()));
    normalize(&parts.join("\n"))
}

/// A capture line without its list bullet or endnote number.
fn strip_list_marker(line: &str) -> &str {
    let line = line.trim_start_matches("• ");
    match line.split_once(". ") {
        Some((number, rest)) if number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => line,
    }
}

struct Capture {
    id: &'static str,
    text: &'static str,
    /// Lines of page furniture, exactly as captured.
    furniture: &'static [&'static str],
    /// Everything from this line on is furniture.
    furniture_from: Option<&'static str>,
}

const CAPTURES: &[Capture] = &[
    Capture {
        id: "gurtov-2024",
        text: include_str!("fixtures/captures/gurtov-2024.txt"),
        furniture: &[
            "By:",
            "June 9, 2024",
            "Volume 22 | Issue 6 | Number 1",
            "Article ID 5847",
            "Share with a colleague:",
            "About the author:",
            "The Asia-Pacific Journal: Japan Focus is a peer-reviewed publication, providing critical analysis of the forces shaping the Asia-Pacific and the world.",
            "JOIN OVER 20,000 SUBSCRIBERS",
            "Our monthly newsletter provides readers with an in-depth analysis of forces shaping the Asia-Pacific and the world.",
            "Since 2002",
            "Asia Pacific Journal: Japan Focus has produced critical reporting on geopolitics, economics, history, environment, and international relations.",
        ],
        furniture_from: None,
    },
    Capture {
        id: "yun-sun-2022",
        text: include_str!("fixtures/captures/yun-sun-2022.txt"),
        furniture: &[
            "Thanks to Lillian Barkley for copy editing this article.",
            "• Lili Pike",
            "Lili Pike",
            "China Reporter",
        ],
        furniture_from: None,
    },
    Capture {
        id: "glantz-freeman-2024",
        text: include_str!("fixtures/captures/glantz-freeman-2024.txt"),
        furniture: &[
            "Russian President Vladimir Putin shakes hands with Chinese President Xi Jinping before a summit in Shanghai, May 21, 2014. (Mark Ralston/Pool via The New York Times)",
            "Putin’s visit to China accomplished exactly what he most sought: to show that both he and Russia still have important friends.",
            "Although Xi has never expressed outright support for Russia's invasion of Ukraine, he appears to see the Ukraine conflict as part of a global struggle against U.S.-led Western hegemony.",
            "PHOTO: Russian President Vladimir Putin shakes hands with Chinese President Xi Jinping before a summit in Shanghai, May 21, 2014. (Mark Ralston/Pool via The New York Times)",
            "The views expressed in this publication are those of the author(s).",
            "PUBLICATION TYPE: Question and Answer",
        ],
        furniture_from: None,
    },
    Capture {
        id: "manning-sun-2023",
        text: include_str!("fixtures/captures/manning-sun-2023.txt"),
        furniture: &[
            "Argument",
            "An expert's point of view on a current event.",
            "By , a distinguished fellow at the Stimson Center and its Reimagining Grand Strategy Program, and , director of the China program at the Stimson Center.",
            "Russian President Vladimir Putin and Chinese President Xi Jinping attend a meeting.",
            "Russian President Vladimir Putin and Chinese President Xi Jinping attend a meeting in Beijing on April 26, 2019. Kenzaburo Fukuhara/Getty Images",
        ],
        furniture_from: Some("Read More On China | War"),
    },
    Capture {
        id: "gabuev-2024",
        text: include_str!("fixtures/captures/gabuev-2024.txt"),
        furniture: &[
            "Russia and China’s growing closeness is one of the most important outcomes of the war in Ukraine.",
            "Russia is replacing its near total reliance on the West with reliance on China.",
        ],
        furniture_from: None,
    },
];

fn furniture_lines(capture: &Capture) -> Vec<String> {
    let lines: Vec<String> = capture.text.lines().map(normalize).filter(|l| !l.is_empty()).collect();
    let tail = capture
        .furniture_from
        .and_then(|from| lines.iter().position(|l| l == from))
        .map_or(&[][..], |at| &lines[at..]);
    capture
        .furniture
        .iter()
        .map(|l| normalize(l))
        .chain(tail.iter().cloned())
        .collect()
}

#[test]
fn every_body_line_of_every_capture_is_kept_word_for_word() {
    let corpus = bundled();
    for capture in CAPTURES {
        let article = corpus.get(capture.id).expect(capture.id);
        let kept = kept_text(article);
        let furniture = furniture_lines(capture);
        let mut checked = 0;
        for line in capture.text.lines().map(normalize).filter(|l| !l.is_empty()) {
            if furniture.contains(&line) {
                continue;
            }
            let line = normalize(strip_list_marker(&line));
            assert!(
                kept.contains(&line),
                "{}: line not found in the article:\n{line}",
                capture.id
            );
            checked += 1;
        }
        assert!(checked >= 10, "{}: only {checked} lines checked", capture.id);
    }
}

#[test]
fn no_furniture_line_is_kept_in_the_body() {
    let corpus = bundled();
    for capture in CAPTURES {
        let article = corpus.get(capture.id).expect(capture.id);
        let blocks = block_texts(article);
        let furniture = furniture_lines(capture);
        let body_lines: Vec<String> = capture
            .text
            .lines()
            .map(normalize)
            .filter(|l| !l.is_empty() && !furniture.contains(l))
            .collect();
        for line in &furniture {
            assert!(
                !blocks.contains(line),
                "{}: furniture kept as a block: {line}",
                capture.id
            );
            // A pull quote repeats the body; anything else must be gone entirely.
            if !body_lines.iter().any(|b| b.contains(line.as_str())) {
                assert!(
                    !blocks.iter().any(|b| b.contains(line.as_str())),
                    "{}: furniture kept in the body: {line}",
                    capture.id
                );
            }
        }
    }
}

#[test]
fn a_lead_printed_twice_is_kept_once() {
    let corpus = bundled();
    let article = corpus.get("manning-sun-2023").unwrap();
    let lead = block_texts(article)
        .iter()
        .filter(|b| b.starts_with("It may seem counterintuitive"))
        .count();
    assert_eq!(lead, 1);
}

#[test]
fn gurtov_note_numbers_are_explicit_references() {
    let corpus = bundled();
    let article = corpus.get("gurtov-2024").unwrap();
    let refs: Vec<&str> = article
        .blocks
        .iter()
        .flat_map(|b| b.note_refs().iter().map(|r| r.label.as_str()))
        .collect();
    assert_eq!(refs, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    assert_eq!(article.note_count(), 10);
    // "$240.1 billion" is a figure, not note 1.
    assert!(
        article
            .blocks
            .iter()
            .any(|b| b.text.contains("a record $240.1 billion"))
    );
    let first = article.blocks.iter().find(|b| !b.note_refs().is_empty()).unwrap();
    assert!(first.text[..first.note_refs()[0].at].ends_with("in February 2022."));
}
