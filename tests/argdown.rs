//! `export --format argdown` parses with the Argdown reference parser
//! (@argdown/core, from the npm registry) into the map it came from.

use std::path::Path;
use std::process::Command;

/// The reference parser's folder: installed by .ci/run, or here on first use.
fn parser_dir() -> &'static Path {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/argdown"));
    if !dir.join("node_modules/@argdown/core").exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(dir)
            .status()
            .expect("npm (Node.js) is needed for this test: install Node.js and npm");
        assert!(status.success(), "npm ci in {} failed", dir.display());
    }
    dir
}

#[test]
fn the_argdown_export_parses_with_the_reference_parser_into_the_same_map() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["export", "--format", "argdown"])
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("parallax-argdown-no-own-map"),
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let file = std::env::temp_dir().join(format!("parallax-{}.argdown", std::process::id()));
    std::fs::write(&file, &text).unwrap();
    let dir = parser_dir();
    let parsed = Command::new("node")
        .arg(dir.join("check.mjs"))
        .arg(&file)
        .current_dir(dir)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&parsed.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&parsed.stderr)));
    assert!(parsed.status.success(), "{report}");
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{report}");

    // The model the parser built is the map: a statement per theme, an
    // argument per passage, a relation per stance taken and per relation.
    let corpus = parallax::corpus::load(&parallax::corpus::bundled_sources()).corpus;
    let (map, _) = parallax::debate::load(&corpus, &parallax::corpus::bundled_maps());
    assert_eq!(report["statements"], map.themes.len());
    let passages: usize = map.themes.iter().map(|t| t.passages.len()).sum();
    assert!(report["arguments"].as_u64().unwrap() as usize >= passages);
    let relations = report["relations"].as_array().unwrap();
    let taking_sides = map
        .themes
        .iter()
        .flat_map(|t| &t.passages)
        .filter(|p| p.stance != parallax::debate::Stance::Reports)
        .count();
    // An author's change of view (revises) is neither support nor attack:
    // it stands in the export as a comment, not as an Argdown relation.
    let revisions = map
        .relations
        .iter()
        .filter(|r| r.kind == parallax::debate::RelationKind::Revises)
        .count();
    assert!(revisions > 0);
    assert!(text.contains("// revises: "), "the revision is written down");
    assert_eq!(relations.len(), taking_sides + map.relations.len() - revisions);
    let has = |from: &str, kind: &str, to: &str| {
        relations
            .iter()
            .any(|r| r[0].as_str().unwrap().starts_with(from) && r[1] == kind && r[2].as_str().unwrap().starts_with(to))
    };
    assert!(
        has("gabuev-2024 on wedge", "attack", "wedge"),
        "an opposing passage attacks its claim"
    );
    assert!(has("manning-sun-2023 on wedge", "support", "wedge"));
    assert!(
        has("gabuev-2024 on kissinger", "attack", "manning-sun-2023 on kissinger"),
        "the reverse Kissinger answer"
    );
    assert!(
        has("glantz-freeman-2024 on trade", "support", "gabuev-2024 on trade"),
        "the same $240 billion"
    );
    assert!(text.contains("#qualifies") && text.contains("#reports"));
}

/// Parses each text with the reference parser at once; the report of each.
fn parse_all(texts: &[String]) -> Vec<serde_json::Value> {
    let dir = std::env::temp_dir().join(format!("parallax-argdown-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(n, text)| {
            let file = dir.join(format!("case-{n}.argdown"));
            std::fs::write(&file, text).unwrap();
            file
        })
        .collect();
    let parser = parser_dir();
    let parsed = Command::new("node")
        .arg(parser.join("check.mjs"))
        .args(&files)
        .current_dir(parser)
        .output()
        .unwrap();
    String::from_utf8(parsed.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Text of every kind a reader might write: any printable ASCII (Argdown's
/// syntax is made of it), Latin letters beyond, and the odd line break.
fn written() -> impl proptest::strategy::Strategy<Value = String> {
    proptest::string::string_regex("([ -~]|[\u{a0}-\u{17f}]|\n){0,60}").unwrap()
}

#[test]
fn arbitrary_titles_claims_and_summaries_parse_without_an_error() {
    use proptest::strategy::{Strategy, ValueTree};
    let corpus = parallax::corpus::load(&parallax::corpus::bundled_sources()).corpus;
    let (bundled, _) = parallax::debate::load(&corpus, &parallax::corpus::bundled_maps());
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let cases = proptest::collection::vec((written(), written(), written(), written()), 96);
    let texts: Vec<(String, String, String, String)> = cases.new_tree(&mut runner).unwrap().current();
    let exports: Vec<String> = texts
        .iter()
        .map(|(question, title, claim, summary)| {
            let mut map = bundled.clone();
            map.question = question.clone();
            map.themes[0].title = title.clone();
            map.themes[0].claim = claim.clone();
            map.themes[0].passages[0].summary = summary.clone();
            map.relations[0].summary = summary.clone();
            parallax::export::argdown(&corpus, &map)
        })
        .collect();
    let reports = parse_all(&exports);
    assert_eq!(reports.len(), texts.len());
    for ((case, report), export) in texts.iter().zip(&reports).zip(&exports) {
        assert_eq!(
            report["errors"].as_array().unwrap().len(),
            0,
            "{case:?}: {report}\n{}",
            export.lines().take(12).collect::<Vec<_>>().join("\n")
        );
        assert_eq!(report["statements"], bundled.themes.len(), "{case:?}");
    }
}
