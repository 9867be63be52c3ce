//! `export --format aif` read back by the `xaif` package: every passage a
//! locution of its authors asserting its summary, every stance and relation
//! the argument relation the export documents, and what AIF cannot hold
//! named in the output.

#[path = "support/clients.rs"]
mod clients;

use std::path::PathBuf;
use std::process::Command;

use parallax::debate::{RelationKind, Stance};
use serde_json::Value;

fn data_home() -> PathBuf {
    let home = std::env::temp_dir().join(format!("parallax-aif-{}", std::process::id()));
    std::fs::create_dir_all(home.join("parallax")).unwrap();
    std::fs::write(
        home.join("parallax/map.toml"),
        "[[passages]]\nid = \"f0e1d2c3b4\"\ntheme = \"wedge\"\narticle = \"glantz-freeman-2024\"\nquote = \"The door remains wide open to U.S. policy initiatives.\"\nstance = \"supports\"\nsummary = \"Mine: the door is open.\"\n\n[[views]]\ntheme = \"wedge\"\nstance = \"opposes\"\nnote = \"Mine: no wedge will hold.\"\n",
    )
    .unwrap();
    home
}

#[test]
fn xaif_reads_every_passage_stance_and_relation_back() {
    let data = data_home();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["export", "--format", "aif"])
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = data.join("debate.json");
    std::fs::write(&file, &out.stdout).unwrap();
    let exported: Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = clients::read_back("aif", &[&file]);
    let (corpus, map) = clients::bundled_with_own(&data.join("parallax/map.toml"));

    let locutions = report["locutions"].as_array().unwrap();
    let relations = report["relations"].as_array().unwrap();
    let related = |from: &str, to: &str| -> Vec<&str> {
        relations
            .iter()
            .filter(|r| r[0] == from && r[1] == to)
            .map(|r| r[2].as_str().unwrap())
            .collect()
    };
    for theme in &map.themes {
        for passage in &theme.passages {
            let article = &corpus[passage.article];
            let locution = locutions
                .iter()
                .find(|l| l["text"] == passage.quote.as_str() && l["proposition"] == passage.summary.as_str())
                .unwrap_or_else(|| panic!("{} / {}: {}", theme.id, article.meta.id, passage.quote));
            assert_eq!(locution["asserting"], "Asserting");
            let speaker = locution["speaker"].as_str().unwrap();
            assert!(article.meta.authors.iter().any(|a| a.name == speaker), "{speaker}");
            let expected: &[&str] = match passage.stance {
                Stance::Supports => &["Default Inference"],
                Stance::Opposes => &["Default Conflict"],
                Stance::Qualifies => &["Qualified Inference"],
                Stance::Reports => &[],
            };
            assert_eq!(
                related(&passage.summary, &theme.claim),
                expected,
                "{}: {}",
                theme.id,
                passage.summary
            );
        }
    }
    assert!(
        locutions.iter().any(|l| l["proposition"] == "Mine: the door is open."),
        "the reader's own passage"
    );
    // The reader's view: a locution of theirs, in conflict with the claim it opposes.
    let view = locutions
        .iter()
        .find(|l| l["proposition"] == "Mine: no wedge will hold.")
        .expect("the reader's view");
    assert_eq!(view["speaker"], "The Reader");
    let wedge = &map[map.theme_index("wedge").unwrap()];
    assert_eq!(related("Mine: no wedge will hold.", &wedge.claim), ["Default Conflict"]);
    // Between passages: inferences and conflicts by kind, answers as transitions.
    let between = relations
        .iter()
        .filter(|r| !map.themes.iter().any(|t| r[1] == t.claim.as_str()))
        .count();
    let count = |kinds: &[RelationKind]| map.relations.iter().filter(|r| kinds.contains(&r.kind)).count();
    assert_eq!(
        between,
        count(&[RelationKind::Supports, RelationKind::BuildsOn, RelationKind::Rebuts])
    );
    let transitions = report["transitions"].as_array().unwrap();
    assert_eq!(transitions.len(), count(&[RelationKind::Answers]));
    assert!(
        transitions
            .iter()
            .any(|t| t[0].as_str().unwrap().starts_with("Sino-Soviet tensions")
                && t[1]
                    .as_str()
                    .unwrap()
                    .starts_with("Whereas former Secretary of State Henry Kissinger")),
        "Gabuev's answer follows what it answers: {transitions:?}"
    );
    // What AIF cannot hold is named.
    let not_held: Vec<&str> = exported["parallax"]["not_held"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for kind in ["qualifies: ", "reports: ", "same-evidence: ", "revises: "] {
        assert!(not_held.iter().any(|n| n.starts_with(kind)), "{kind}: {not_held:?}");
    }
    let _ = std::fs::remove_dir_all(&data);
}
