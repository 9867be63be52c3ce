//! `export --format qdpx` and `--format qdc` read back by a client of the
//! format: the `qualitative-coding` package's REFI-QDA reader validates the
//! project against the schema, and every coded selection, read out of the
//! plain text the project carries, is the passage's quote: nothing shifted,
//! in code points, whatever the characters.

#[path = "support/clients.rs"]
mod clients;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A data folder whose own map adds a passage and a view of the reader's.
fn data_home(name: &str) -> PathBuf {
    let home = std::env::temp_dir().join(format!("parallax-refi-{name}-{}", std::process::id()));
    std::fs::create_dir_all(home.join("parallax")).unwrap();
    std::fs::write(
        home.join("parallax/map.toml"),
        "[[passages]]\nid = \"a1b2c3d4e5\"\ntheme = \"wedge\"\narticle = \"gabuev-2024\"\nquote = \"Certainly, the Sino-Russian relationship is not without its strains\"\nstance = \"qualifies\"\nsummary = \"Mine: strains there are.\"\n\n[[views]]\ntheme = \"wedge\"\nstance = \"qualifies\"\nnote = \"Only on particular issues, if at all.\"\n",
    )
    .unwrap();
    home
}

fn export(args: &[&str], data: &Path) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("export")
        .args(args)
        .env("XDG_DATA_HOME", data)
        .env("XDG_STATE_HOME", data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

/// What the REFI-QDA reader finds in the project (and the codebook).
fn read_back(qdpx: &Path, qdc: Option<&Path>) -> Value {
    let files: Vec<&Path> = std::iter::once(qdpx).chain(qdc).collect();
    clients::read_back("refi-qda", &files)
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every passage of the map is a selection whose text is its quote, coded
/// with its theme's code for its stance.
fn assert_every_passage_is_coded(report: &Value, corpus: &parallax::corpus::Corpus, map: &parallax::debate::DebateMap) {
    let selections = report["selections"].as_array().unwrap();
    for theme in &map.themes {
        for passage in &theme.passages {
            let article = corpus[passage.article].meta.id.as_str();
            let found = selections.iter().find(|s| {
                s["source"] == article
                    && words(s["text"].as_str().unwrap()) == words(&passage.quote)
                    && s["codes"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|c| report["codes"][c.as_str().unwrap()] == passage.stance.name())
                    && s["description"].as_str().unwrap().contains(&passage.summary)
            });
            assert!(found.is_some(), "{} / {article}: {}", theme.id, passage.quote);
        }
    }
}

#[test]
fn the_project_validates_and_every_coded_span_is_the_passages_quote() {
    let data = data_home("bundled");
    let qdpx = data.join("debate.qdpx");
    export(&["--format", "qdpx", qdpx.to_str().unwrap()], &data);
    let qdc = data.join("themes.qdc");
    let codebook = export(&["--format", "qdc"], &data);
    std::fs::write(&qdc, &codebook.stdout).unwrap();
    let report = read_back(&qdpx, Some(&qdc));

    // The library as the command saw it: the bundled map and the own map above.
    let (corpus, map) = clients::bundled_with_own(&data.join("parallax/map.toml"));
    assert!(
        map.themes[0].passages.iter().any(|p| p.mine),
        "the reader's own passage is in"
    );
    assert_every_passage_is_coded(&report, &corpus, &map);

    // Sources: UTF-8 without a BOM, lines ending in LF only.
    for (name, source) in report["sources"].as_object().unwrap() {
        assert_eq!(source["bom"], false, "{name}");
        assert_eq!(source["crlf"], 0, "{name}");
    }
    // A link per relation, the reader's view as a note, a set of silent
    // articles per theme that has any, and the codebook the project's own.
    assert_eq!(report["links"].as_array().unwrap().len(), map.relations.len());
    assert!(
        report["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l[0].as_str().unwrap().starts_with("revises: "))
    );
    let notes = report["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("Only on particular issues")),
        "{notes:?}"
    );
    let sets = report["sets"].as_array().unwrap();
    assert!(
        sets.iter()
            .any(|s| s[0] == "silent: The Kissinger analogy" && s[1] == 3),
        "{sets:?}"
    );
    assert_eq!(report["codebook_matches_project"], true);

    // GUIDs are UUID v5 of stable names: the same map exports the same bytes.
    let again = data.join("again.qdpx");
    export(&["--format", "qdpx", again.to_str().unwrap()], &data);
    assert_eq!(std::fs::read(&qdpx).unwrap(), std::fs::read(&again).unwrap());

    // With CRLF line endings the positions still land on the quotes.
    let crlf = data.join("crlf.qdpx");
    export(
        &["--format", "qdpx", "--line-endings", "crlf", crlf.to_str().unwrap()],
        &data,
    );
    let report = read_back(&crlf, None);
    for (name, source) in report["sources"].as_object().unwrap() {
        assert_eq!(source["lone_lf"], 0, "{name}");
        assert!(source["crlf"].as_u64().unwrap() > 0, "{name}");
    }
    assert_every_passage_is_coded(&report, &corpus, &map);
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn emoji_cjk_and_combining_marks_shift_no_position() {
    let data = data_home("unicode");
    let articles = data.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        articles.join("wide.md"),
        "+++\nid = \"wide\"\ntitle = \"中文 👍🏽 Title\"\noutlet = \"O\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"s\"\n\n[[authors]]\nname = \"Zoë Ñandú\"\n+++\n\n中国和俄罗斯的关系 很好 👍🏽👨‍👩‍👧 café naïve e\u{301}e\u{301} 𝕏 first words here.\n\nA second 🇺🇦 paragraph, its words after flags: the quoted end.\n\n> A quoted line with ﬁ ligature and Ω sign, then the words we code.\n",
    )
    .unwrap();
    std::fs::write(
        articles.join("map.toml"),
        "[[themes]]\nid = \"t\"\ntitle = \"T\"\nclaim = \"C\"\n\n[[themes.passages]]\narticle = \"wide\"\nquote = \"first words here.\"\nstance = \"supports\"\nsummary = \"One.\"\n\n[[themes.passages]]\narticle = \"wide\"\nquote = \"its words after flags: the quoted end.\"\nstance = \"opposes\"\nsummary = \"Two.\"\n\n[[themes.passages]]\narticle = \"wide\"\nquote = \"naïve e\u{301}e\u{301} 𝕏 first words here. A second 🇺🇦 paragraph\"\nstance = \"qualifies\"\nsummary = \"Across blocks.\"\n\n[[themes.passages]]\narticle = \"wide\"\nquote = \"then the words we code.\"\nstance = \"reports\"\nsummary = \"Three.\"\n",
    )
    .unwrap();
    std::fs::remove_file(data.join("parallax/map.toml")).unwrap();
    let qdpx = data.join("wide.qdpx");
    export(
        &[
            "--articles",
            articles.to_str().unwrap(),
            "--format",
            "qdpx",
            qdpx.to_str().unwrap(),
        ],
        &data,
    );
    let report = read_back(&qdpx, None);
    let texts: Vec<&str> = report["selections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["source"] == "wide")
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    for quote in [
        "first words here.",
        "its words after flags: the quoted end.",
        "then the words we code.",
    ] {
        assert!(texts.contains(&quote), "{quote}: {texts:?}");
    }
    assert!(
        texts
            .iter()
            .any(|t| words(t) == "naïve e\u{301}e\u{301} 𝕏 first words here. A second 🇺🇦 paragraph"),
        "{texts:?}"
    );
    let _ = std::fs::remove_dir_all(&data);
}
