//! Your own map to Hypothesis and back: `export --format hypothesis` writes
//! what Hypothesis's import reads, and `import-annotations` reads it (or W3C
//! annotations) into an own map equal to the one exported.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const PAGED: &str = "+++\nid = \"paged\"\ntitle = \"A Page on the Tie\"\noutlet = \"O\"\npublished = \"2024-05\"\nform = \"essay\"\nsource = \"s\"\nurl = \"https://example.org/a-page\"\n\n[[authors]]\nname = \"Ann Author\"\n+++\n\nThe tie is firm, Ann writes, whatever Washington offers.\n\nTrade doubled; the “no limits” line still holds — for now.\n";

const MINE: &str = "[[passages]]\nid = \"aaaaaaaaaa\"\ntheme = \"wedge\"\narticle = \"paged\"\nquote = \"The tie is firm\"\nstance = \"opposes\"\nsummary = \"Ann: firm, whatever is offered.\"\n\n[[passages]]\nid = \"bbbbbbbbbb\"\ntheme = \"trade\"\narticle = \"paged\"\nquote = \"Trade doubled; the “no limits” line still holds\"\nstance = \"reports\"\nsummary = \"Ann: trade doubled.\"\n\n[[passages]]\nid = \"cccccccccc\"\ntheme = \"price\"\narticle = \"paged\"\nquote = \"whatever Washington offers\"\nstance = \"qualifies\"\nsummary = \"Ann: no offer would do.\"\n";

/// A data home with the paged article among the reader's own, and an own
/// map holding `map` (none when empty).
fn home(name: &str, map: &str) -> PathBuf {
    let home = std::env::temp_dir().join(format!("parallax-hypothesis-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join("parallax/articles")).unwrap();
    std::fs::write(home.join("parallax/articles/paged.md"), PAGED).unwrap();
    if !map.is_empty() {
        std::fs::write(home.join("parallax/map.toml"), map).unwrap();
    }
    home
}

fn parallax(home: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("XDG_DATA_HOME", home)
        .env("XDG_STATE_HOME", home)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The passages of an own map, without the ids each side gives them.
fn passages(home: &Path) -> Vec<(String, String, String, String, String)> {
    let text = std::fs::read_to_string(home.join("parallax/map.toml")).unwrap();
    let map = parallax::own_map::OwnMap::parse(&text).unwrap();
    let mut passages: Vec<_> = map
        .passages
        .into_iter()
        .map(|p| (p.theme, p.article, p.quote, p.stance.name().to_string(), p.summary))
        .collect();
    passages.sort();
    passages
}

#[test]
fn an_own_map_goes_to_hypothesis_and_comes_back_the_same() {
    let from = home("from", MINE);
    let out = parallax(&from, &["export", "--format", "hypothesis"]);
    let export: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The shape Hypothesis's own export has, and its import reads.
    assert!(export["export_date"].as_str().unwrap().contains('T'));
    assert!(export["export_userid"].as_str().unwrap().starts_with("acct:"));
    assert!(export["client_version"].is_string());
    let annotations = export["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 3);
    let first = &annotations[0];
    assert_eq!(first["uri"], "https://example.org/a-page");
    assert_eq!(first["tags"], serde_json::json!(["wedge", "opposes"]));
    assert_eq!(first["text"], "Ann: firm, whatever is offered.");
    assert_eq!(first["target"][0]["source"], "https://example.org/a-page");
    assert_eq!(first["target"][0]["selector"][0]["type"], "TextQuoteSelector");
    assert_eq!(first["target"][0]["selector"][0]["exact"], "The tie is firm");
    assert_eq!(first["document"]["title"][0], "A Page on the Tie");

    let file = from.join("export.json");
    std::fs::write(&file, &out.stdout).unwrap();
    let to = home("to", "");
    let said = parallax(&to, &["import-annotations", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&said.stdout);
    assert!(said.starts_with("imported 3 passages into "), "{said}");
    assert_eq!(passages(&to), passages(&from));
    // Again: nothing doubles.
    let said = parallax(&to, &["import-annotations", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&said.stdout).contains("3 already in your map"));
    assert_eq!(passages(&to), passages(&from));

    // The W3C annotations parallax writes come back the same way.
    let w3c = parallax(&from, &["export", "--format", "annotations"]);
    let file = from.join("mine.jsonld");
    std::fs::write(&file, &w3c.stdout).unwrap();
    let again = home("w3c", "");
    parallax(&again, &["import-annotations", file.to_str().unwrap()]);
    assert_eq!(passages(&again), passages(&from));
    for dir in [from, to, again] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn what_cannot_go_or_come_is_named() {
    // The bundled articles have no page: their passages are named as left out.
    let from = home(
        "left-out",
        "[[passages]]\ntheme = \"wedge\"\narticle = \"gabuev-2024\"\nquote = \"Any hopes of peeling them away\"\nstance = \"opposes\"\nsummary = \"S.\"\n\n[[views]]\ntheme = \"wedge\"\nstance = \"opposes\"\nnote = \"N.\"\n",
    );
    let out = parallax(&from, &["export", "--format", "hypothesis"]);
    let export: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(export["annotations"].as_array().unwrap().len(), 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("left out: 1 passage of gabuev-2024, whose page is not known"),
        "{stderr}"
    );
    assert!(stderr.contains("left out: your view on wedge"), "{stderr}");

    // Coming in: a tag that names no theme, a page not here, a quote not found.
    let file = from.join("made-elsewhere.json");
    let annotation = |uri: &str, exact: &str, tags: &str| {
        format!(
            "{{\"uri\":\"{uri}\",\"text\":\"T.\",\"tags\":{tags},\"target\":[{{\"source\":\"{uri}\",\"selector\":[{{\"type\":\"TextQuoteSelector\",\"exact\":\"{exact}\"}}]}}]}}"
        )
    };
    std::fs::write(
        &file,
        format!(
            "{{\"export_date\":\"2026-01-01T00:00:00Z\",\"export_userid\":\"acct:a@hypothes.is\",\"client_version\":\"1\",\"annotations\":[{},{},{},{}]}}",
            annotation("https://example.org/a-page/", "The tie is firm", "[\"Soft Power\", \"supports\"]"),
            annotation("https://example.org/elsewhere", "The tie is firm", "[\"wedge\"]"),
            annotation("https://example.org/a-page", "Words this page never had", "[\"wedge\"]"),
            annotation("https://example.org/a-page", "Ann writes, whatever Washington offers", "[\"trade\"]"),
        ),
    )
    .unwrap();
    let to = home("incoming", "");
    let said = parallax(&to, &["import-annotations", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&said.stdout);
    assert!(said.starts_with("imported 2 passages"), "{said}");
    assert!(said.contains("2 without a stance tag, placed as reports"), "{said}");
    assert!(
        said.contains(
            "skipped: annotation 1: its tags name no theme here (Soft Power); --new-themes makes them themes"
        ),
        "{said}"
    );
    assert!(
        said.contains("skipped: annotation 2: no article here is the page https://example.org/elsewhere"),
        "{said}"
    );
    assert!(
        said.contains(
            "not anchored in paged, kept as unplaced (parallax check says why): wedge “Words this page never had”"
        ),
        "{said}"
    );
    assert_eq!(said.matches("not anchored").count(), 1, "{said}");
    let with_themes = parallax(&to, &["import-annotations", "--new-themes", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&with_themes.stdout);
    assert!(
        said.contains("imported 1 passage into") && said.contains("1 new theme: soft-power"),
        "{said}"
    );
    let text = std::fs::read_to_string(to.join("parallax/map.toml")).unwrap();
    let map = parallax::own_map::OwnMap::parse(&text).unwrap();
    assert!(
        map.themes
            .iter()
            .any(|t| t.id == "soft-power" && t.title == "Soft Power")
    );
    for dir in [from, to] {
        let _ = std::fs::remove_dir_all(dir);
    }
}
