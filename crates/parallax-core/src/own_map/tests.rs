//! The reader's own map on disk: written at once, merged with changes made
//! elsewhere, never overwritten when damaged.

use super::*;

fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-own-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn passage(quote: &str) -> OwnPassage {
    OwnPassage {
        theme: "wedge".into(),
        article: "gabuev-2024".into(),
        quote: quote.into(),
        prefix: None,
        suffix: None,
        stance: Stance::Opposes,
        summary: format!("On {quote}."),
    }
}

#[test]
fn every_change_is_written_and_can_be_undone_and_redone() {
    let path = dir("changes").join("map.toml");
    let mut file = OwnFile::open(Some(&path)).file;
    assert!(!path.exists(), "nothing is written before a change");
    file.change(|m| m.passages.push(passage("one"))).unwrap();
    file.change(|m| m.passages.push(passage("two"))).unwrap();
    let on_disk = || OwnMap::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(on_disk().passages.len(), 2);
    file.undo().unwrap();
    assert_eq!(on_disk().passages, [passage("one")]);
    file.redo().unwrap();
    assert_eq!(on_disk().passages.len(), 2);
    assert_eq!(file.redo().unwrap(), None, "nothing more to redo");
    // Read back by a new reader, as it was left.
    assert_eq!(OwnFile::open(Some(&path)).file.map, on_disk());
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn changes_made_elsewhere_are_merged_not_overwritten() {
    let path = dir("merge").join("map.toml");
    let mut ours = OwnFile::open(Some(&path)).file;
    ours.change(|m| m.passages.push(passage("shared"))).unwrap();
    // Another parallax (or an editor) adds one passage and removes none.
    let mut theirs = OwnFile::open(Some(&path)).file;
    theirs.change(|m| m.passages.push(passage("theirs"))).unwrap();
    let notice = ours.change(|m| m.passages.push(passage("ours"))).unwrap();
    assert!(notice.unwrap().contains("changed elsewhere"));
    let quotes: Vec<String> = OwnMap::parse(&std::fs::read_to_string(&path).unwrap())
        .unwrap()
        .passages
        .into_iter()
        .map(|p| p.quote)
        .collect();
    assert_eq!(quotes, ["shared", "ours", "theirs"], "both sides' work is kept");
    // A removal elsewhere is kept too.
    theirs = OwnFile::open(Some(&path)).file;
    theirs.change(|m| m.passages.retain(|p| p.quote != "shared")).unwrap();
    ours.change(|m| {
        m.views.push(OwnView {
            theme: "wedge".into(),
            stance: Stance::Qualifies,
            note: "Mine.".into(),
        })
    })
    .unwrap();
    let now = OwnMap::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(!now.passages.iter().any(|p| p.quote == "shared"));
    assert_eq!((now.passages.len(), now.views.len()), (2, 1));
}

#[test]
fn a_damaged_file_is_set_aside_with_its_location_never_overwritten() {
    let path = dir("damaged").join("map.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "[[passages]]\ntheme = \"wedge\"\nstance = oops\n").unwrap();
    assert!(peek(&path).unwrap_err().contains(":3:"), "peeking names the line");
    assert!(path.exists(), "peeking leaves the file alone");
    let opened = OwnFile::open(Some(&path));
    let notice = opened.notice.unwrap();
    assert!(
        notice.contains("map.toml:3:") && notice.contains("set aside as map.toml.bak"),
        "{notice}"
    );
    assert!(path.with_extension("toml.bak").exists() && !path.exists());
    assert_eq!(opened.file.map, OwnMap::default());
    // Damaged by another hand while the reader runs: set aside again, ours written.
    let mut file = opened.file;
    file.change(|m| m.passages.push(passage("one"))).unwrap();
    std::fs::write(&path, "garbage = [").unwrap();
    let notice = file.change(|m| m.passages.push(passage("two"))).unwrap().unwrap();
    assert!(notice.contains("damaged elsewhere"), "{notice}");
    assert_eq!(
        OwnMap::parse(&std::fs::read_to_string(&path).unwrap())
            .unwrap()
            .passages
            .len(),
        2
    );
}

#[test]
fn the_file_is_a_map_in_the_bundled_format() {
    let mut map = OwnMap::default();
    map.themes.push(OwnTheme {
        id: "mine-1".into(),
        title: "Mine".into(),
        claim: "A claim.".into(),
    });
    map.passages.push(passage(
        "Any hopes of peeling them away from each other are nothing more than wishful thinking.",
    ));
    map.views.push(OwnView {
        theme: "wedge".into(),
        stance: Stance::Supports,
        note: "My view.".into(),
    });
    let corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
    let (merged, problems) =
        crate::debate::load_with_own(&corpus, &crate::corpus::bundled_maps(), Some(&map.source("map.toml")));
    assert!(problems.is_empty(), "{problems:?}");
    let mine = &merged.themes[merged.theme_index("mine-1").unwrap()];
    assert!(mine.mine);
    let wedge = &merged.themes[0];
    assert_eq!(wedge.passages.iter().filter(|p| p.mine).count(), 1);
    assert_eq!(wedge.view.as_ref().map(|v| v.stance), Some(Stance::Supports));
}
