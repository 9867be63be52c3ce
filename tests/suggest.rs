//! Suggested passages: for each bundled article in turn, its own passages
//! hidden, how often the passage it truly has on a theme is among the first
//! suggestions; and `parallax suggest` as a user runs it.

use std::process::Command;

use parallax::suggest::{Weights, recall};

fn bundled() -> (parallax::corpus::Corpus, parallax::debate::DebateMap) {
    let corpus = parallax::corpus::load(&parallax::corpus::bundled_sources()).corpus;
    let (map, problems) = parallax::debate::load(&corpus, &parallax::corpus::bundled_maps());
    assert!(problems.is_empty(), "{problems:?}");
    (corpus, map)
}

#[test]
fn the_true_passage_is_mostly_among_the_first_five_and_the_map_teaches_more_than_the_claim() {
    let (corpus, map) = bundled();
    let (claim_only, cells) = recall(&corpus, &map, Weights::CLAIM_ONLY, &[5, 10]);
    let (taught, _) = recall(&corpus, &map, Weights::DEFAULT, &[5, 10]);
    println!(
        "{cells} cells; recall@5 / @10: claim alone {:.2} / {:.2}, with the map's passages {:.2} / {:.2}",
        claim_only[0], claim_only[1], taught[0], taught[1]
    );
    assert!(cells > 80, "{cells}");
    assert!(taught[0] >= RECALL_AT_5, "recall@5 {:.2}", taught[0]);
    assert!(taught[0] > claim_only[0] + 0.05, "{taught:?} against {claim_only:?}");
    assert!(taught[1] >= taught[0]);
}

/// What the ranking reaches on the bundled map (see README, "Suggested passages").
const RECALL_AT_5: f64 = 0.55;

#[test]
fn parallax_suggest_ranks_an_articles_sentences_for_the_themes_it_is_silent_on() {
    let data = std::env::temp_dir().join(format!("parallax-suggest-{}", std::process::id()));
    let texts = suggested(&data, "gabuev-2024", "kissinger", 3);
    assert_eq!(texts.len(), 3);
    assert!(texts.iter().any(|t| t.contains("Kissinger")), "{texts:?}");
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["suggest", "gurtov-2024"])
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("gurtov-2024: where it likely speaks to "), "{text}");
    // Only the themes it is silent on.
    assert!(text.contains("\nkissinger — The Kissinger analogy\n  1. ¶"), "{text}");
    assert!(!text.contains("\nwedge — "), "{text}");
}

#[test]
fn parallax_suggest_leaves_out_what_the_reader_turned_down_and_still_gives_the_limit() {
    let data = std::env::temp_dir().join(format!("parallax-suggest-rejected-{}", std::process::id()));
    let suggest = || suggested(&data, "gabuev-2024", "kissinger", 3);
    let before = suggest();
    std::fs::create_dir_all(data.join("parallax")).unwrap();
    let turned_down = toml::to_string(&toml::toml! {
        [[rejected]]
        theme = "kissinger"
        article = "gabuev-2024"
        quote = (before[0].as_str())
    })
    .unwrap();
    std::fs::write(data.join("parallax/map.toml"), turned_down).unwrap();
    let after = suggest();
    assert_eq!(after.len(), 3, "{after:?}");
    assert!(!after.contains(&before[0]), "{after:?}");
    assert_eq!(after[..2], before[1..], "the rest move up");
    let _ = std::fs::remove_dir_all(&data);
}

/// What `parallax suggest --json` gives an article on a theme: the sentences.
fn suggested(data: &std::path::Path, article: &str, theme: &str, limit: usize) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "suggest",
            article,
            "--theme",
            theme,
            "--json",
            "--limit",
            &limit.to_string(),
        ])
        .env("XDG_DATA_HOME", data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}
