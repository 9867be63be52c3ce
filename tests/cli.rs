//! The non-interactive command line, run as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        // The tests' own, kept for the run: never the user's.
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join(format!("parallax-cli-cache-{}", std::process::id())),
        )
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn check_passes_on_the_bundled_corpus() {
    let output = parallax(&["check"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("ok  gurtov-2024"), "{text}");
    assert!(text.contains("10 notes"), "{text}");
    assert!(text.contains("5 articles loaded, 0 errors, 0 warnings"), "{text}");
}

#[test]
fn check_fails_with_located_messages_on_a_broken_folder() {
    let dir = temp_dir("broken");
    std::fs::write(dir.join("bad.md"), "+++\nid = \"bad\"\ntitle = 3\n+++\n\nText.\n").unwrap();
    std::fs::write(dir.join("blob.md"), b"\0\x01\x02").unwrap();
    std::fs::write(dir.join("notes.txt"), "scratch").unwrap();
    let output = parallax(&["check", "--articles", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let bad = dir.join("bad.md").display().to_string();
    assert!(text.contains(&format!("{bad}:3:9: error: invalid type")), "{text}");
    assert!(text.contains("blob.md:1:1: error: not an article"), "{text}");
    assert!(text.contains("notes.txt:1:1: warning: not an article file"), "{text}");
    assert!(text.contains("0 articles loaded, 2 errors, 1 warning"), "{text}");
}

#[test]
fn a_users_folder_replaces_the_bundled_articles() {
    let dir = temp_dir("own");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/articles/gabuev-2024.md"),
        dir.join("gabuev-2024.md"),
    )
    .unwrap();
    std::fs::write(
        dir.join("mine.md"),
        "+++\nid = \"mine\"\ntitle = \"Mine\"\noutlet = \"Blog\"\npublished = \"2025\"\nform = \"essay\"\nsource = \"Written by hand.\"\n\n[[authors]]\nname = \"A. Reader\"\n+++\n\nMy own words.\n",
    )
    .unwrap();
    let output = parallax(&["list", "--articles", dir.to_str().unwrap()]);
    assert!(output.status.success());
    let text = stdout(&output);
    // The header, an article a line, and which folder the files are named from.
    let (table, folder) = text.split_once("\n\n").unwrap();
    assert_eq!(table.lines().count(), 3, "{text}");
    assert!(text.contains("mine") && text.contains("A. Reader") && text.contains("gabuev-2024"));
    assert!(table.contains("  mine.md  "), "{text}");
    assert_eq!(folder.trim(), format!("FROM names the files in {}", dir.display()));
}

#[test]
fn list_prints_a_table_of_the_five_articles() {
    let text = stdout(&parallax(&["list"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(lines[0].starts_with("ID") && lines[0].contains("DATE") && lines[0].contains("TITLE"));
    assert!(lines[1].starts_with("yun-sun-2022") && lines[1].contains("2022-09") && lines[1].contains("Grid"));
    assert!(text.contains("Mary Glantz and Carla Freeman"));
}

#[test]
fn show_wraps_to_the_width_and_puts_notes_at_the_end() {
    let output = parallax(&["show", "gurtov-2024", "--width", "50"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for line in text.lines() {
        assert!(unicode_width(line) <= 50, "too wide: {line}");
    }
    let notes = text.find("\nNotes\n").expect("a Notes section");
    let last_heading = text.find("Win-Win Diplomacy").unwrap();
    assert!(notes > last_heading);
    assert!(text[notes..].contains("[10] Adam S. Posner"));
    assert!(text.contains("February 2022.[1]"));
    assert!(text.contains("About the authors"));
}

#[test]
fn show_marks_speakers_and_supplied_headlines() {
    let text = stdout(&parallax(&["show", "glantz-freeman-2024"]));
    assert!(
        text.lines()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
            .contains("[headline supplied]")
    );
    assert!(text.contains("\nGlantz: For Russia"));
}

#[test]
fn show_an_unknown_id_names_the_known_ones() {
    let output = parallax(&["show", "nope"]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("no article has the id `nope`") && err.contains("gabuev-2024"),
        "{err}"
    );
}

#[test]
fn every_command_has_help_with_examples() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["list", "--help"],
        &["show", "--help"],
    ] {
        let text = stdout(&parallax(args));
        assert!(text.contains("Examples:"), "{args:?}: {text}");
    }
}

#[test]
fn keys_prints_the_bindings_by_context() {
    let text = stdout(&parallax(&["keys"]));
    for context in ["[global]", "[reader]", "[sidebar]", "[picker]", "[help]"] {
        assert!(text.contains(context), "{context} in {text}");
    }
    assert!(
        text.lines().any(|l| l.contains("ctrl-o") && l.contains("jump_back")),
        "{text}"
    );
}

#[test]
fn keys_check_reports_a_bad_file_and_exits_1() {
    let dir = temp_dir("keys");
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[reader]\nj = \"scroll_down\"\nk = \"scrol_up\"\n").unwrap();
    let output = parallax(&["keys", "--check", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(&format!(
            "{}:3:5: error: unknown action `scrol_up`; did you mean `scroll_up`?",
            bad.display()
        )),
        "{text}"
    );
    let good = dir.join("good.toml");
    std::fs::write(&good, "[reader]\nn = \"scroll_down\"\n").unwrap();
    assert!(parallax(&["keys", "--check", good.to_str().unwrap()]).status.success());
}

#[test]
fn snapshot_prints_the_first_frame() {
    let text = stdout(&parallax(&[
        "snapshot",
        "--width",
        "100",
        "--height",
        "20",
        "--open",
        "gurtov-2024,yun-sun-2022",
    ]));
    assert_eq!(text.lines().count(), 20);
    assert!(text.contains("The China-Russia Partnership") && text.contains("What the U.S. gets wrong"));
    assert!(text.lines().all(|l| unicode_width(l) <= 100));
    let output = parallax(&["snapshot", "--open", "nope"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn themes_prints_a_stance_table() {
    let text = stdout(&parallax(&["themes"]));
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("THEME") && header.contains("manning-sun-2023") && header.contains("gabuev-2024"));
    let wedge = text.lines().find(|l| l.starts_with("wedge ")).unwrap();
    assert!(wedge.contains("+ supports") && wedge.contains("x opposes"), "{wedge}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("kissinger ") && l.contains("· silent")),
        "{text}"
    );
}

#[test]
fn export_prints_markdown_and_json() {
    let md = stdout(&parallax(&["export", "--format", "md", "--theme", "wedge"]));
    assert!(
        md.contains("## The wedge") && md.contains("**Claim:**") && md.contains("— x opposes"),
        "{md}"
    );
    let output = parallax(&["export", "--format", "json"]);
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(value["themes"].as_array().unwrap().len() >= 15);
    let output = parallax(&["export", "--theme", "wedgie"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no theme has the id `wedgie`"));
}

#[test]
fn snapshot_with_a_theme_opens_at_its_passages() {
    let text = stdout(&parallax(&[
        "snapshot",
        "--theme",
        "kissinger",
        "--width",
        "160",
        "--height",
        "40",
    ]));
    assert!(text.contains("theme: kissinger"), "{text}");
    assert!(text.contains("+ supports ·") && text.contains("x opposes ·"), "{text}");
}

#[test]
fn check_reports_map_problems_with_their_place() {
    let dir = temp_dir("map");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/articles/gabuev-2024.md"),
        dir.join("gabuev-2024.md"),
    )
    .unwrap();
    std::fs::write(
        dir.join("map.toml"),
        "[[themes]]\nid = \"w\"\ntitle = \"W\"\nclaim = \"C\"\n\n[[themes.passages]]\narticle = \"gabuev-2024\"\nquote = \"Western policymakers should abandon the idea that they can drive a spoon\"\nstance = \"opposes\"\nsummary = \"S.\"\n\n[[themes.passages]]\narticle = \"gabuev-2025\"\nquote = \"a b c\"\nstance = \"opposes\"\nsummary = \"S.\"\n",
    )
    .unwrap();
    let output = parallax(&["check", "--articles", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let map = dir.join("map.toml").display().to_string();
    assert!(
        text.contains(&format!(
            "{map}:8:9: warning: the quote is not in `gabuev-2024` as written; re-anchored"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{map}:13:11: error: unknown article `gabuev-2025`; did you mean `gabuev-2024`?"
        )),
        "{text}"
    );
}

#[test]
fn search_prints_ranked_results_and_json() {
    let text = stdout(&parallax(&["search", "revers kisinger", "--limit", "3"]));
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.lines().next().unwrap().contains("gabuev-2024"), "{text}");
    let output = parallax(&["search", "240 billion", "--json", "--limit", "5"]);
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 5);
    for key in ["kind", "article", "score", "text"] {
        assert!(hits[0].get(key).is_some(), "{key}");
    }
    assert_eq!(hits[0]["kind"], "passage");
    assert!(hits[0]["start"].is_u64() && hits[0]["block"].is_string());
    assert_eq!(stdout(&parallax(&["search", "qqqqzzzz"])), "no results\n");
}

fn unicode_width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

#[test]
fn a_reader_of_the_output_that_stops_early_ends_it_quietly() {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["export", "--format", "json"])
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("parallax-cli-pipe-no-own-map"),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read the first bytes, as `head -c` does, then close the pipe.
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "nothing said of the closed pipe"
    );
}

/// `parallax search` keeps its index in the cache and reads it back while
/// no file has changed, but never over the files: an article changed (even
/// to the same size, its time set back), added or removed, or a damaged
/// cache, and the results are the files' own.
#[test]
fn search_reads_its_cache_only_while_the_files_are_unchanged() {
    let dir = temp_dir("cached-articles");
    let cache = temp_dir("cached-search");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/articles")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let d = dir.to_str().unwrap();
    let search = |query: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["search", query, "--articles", d, "--json"])
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        stdout(&output)
    };
    let saved = || {
        let files: Vec<_> = std::fs::read_dir(cache.join("parallax/search"))
            .map(|entries| entries.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        assert!(files.len() <= 1, "{files:?}");
        files.first().map(|file| {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(file).unwrap().ino()
        })
    };
    // Files changed within the last second are not trusted to show a
    // second change in their times: nothing is saved until they settle.
    let first = search("increases the competitiveness");
    assert_eq!(saved(), None, "files just written: no cache");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(search("increases the competitiveness"), first);
    let cached = saved().expect("saved once the files settled");
    assert_eq!(search("increases the competitiveness"), first, "read back");
    assert_eq!(saved(), Some(cached), "read, not written again");
    assert!(first.contains("gabuev-2024"), "{first}");

    // The same sentence, changed to the same size, its time set back.
    let article = dir.join("gabuev-2024.md");
    let modified = std::fs::metadata(&article).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&article).unwrap();
    assert!(text.contains("It also increases the competitiveness"));
    std::fs::write(
        &article,
        text.replace(
            "It also increases the competitiveness",
            "It also amplifies the competitiveness",
        ),
    )
    .unwrap();
    std::fs::File::options()
        .write(true)
        .open(&article)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(std::fs::metadata(&article).unwrap().len(), text.len() as u64);
    let changed = search("amplifies the competitiveness");
    assert!(changed.contains("\"gabuev-2024\""), "{changed}");
    assert!(!search("increases the competitiveness").contains("gabuev-2024"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(search("amplifies the competitiveness"), changed);
    let rebuilt = saved().expect("saved again");
    assert_ne!(rebuilt, cached, "the stale cache replaced");

    // A damaged cache is built again.
    let file = std::fs::read_dir(cache.join("parallax/search"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&file, bytes).unwrap();
    assert_eq!(search("amplifies the competitiveness"), changed);
    assert_ne!(saved(), Some(rebuilt), "the damaged cache replaced");

    // An article added, then removed.
    let added = dir.join("added.md");
    std::fs::write(
        &added,
        "+++\nid = \"added\"\ntitle = \"Added\"\n+++\n\nIt amplifies the competitiveness of all.\n",
    )
    .unwrap();
    assert!(search("amplifies the competitiveness").contains("\"added\""));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(search("amplifies the competitiveness").contains("\"added\""));
    std::fs::remove_file(&added).unwrap();
    assert_eq!(search("amplifies the competitiveness"), changed);

    // The reader's own map, made once the cache is saved again.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(!search("zygote sailor").contains("zygote"));
    std::fs::write(
        dir.join("my-map.toml"),
        "[[passages]]\nid = \"f0e1d2c3b4\"\ntheme = \"wedge\"\narticle = \"glantz-freeman-2024\"\nquote = \"The door remains wide open to U.S. policy initiatives.\"\nstance = \"supports\"\nsummary = \"Mine: a zygote sailor.\"\n",
    )
    .unwrap();
    assert!(search("zygote sailor").contains("Mine: a zygote sailor."));
}
