//! The reader's own map on disk: written at once, shared with other readers
//! and editors without losing a record, never overwritten when damaged.

use super::change::Op;
use super::*;

fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-own-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn passage(map: &OwnMap, quote: &str) -> OwnPassage {
    OwnPassage {
        id: map.new_id(),
        theme: "wedge".into(),
        article: "gabuev-2024".into(),
        quote: quote.into(),
        prefix: None,
        suffix: None,
        stance: Stance::Opposes,
        summary: format!("On {quote}."),
    }
}

fn place(store: &mut Store, quote: &str) -> OwnPassage {
    let p = passage(store.map(), quote);
    let outcome = store.change(Change {
        ops: vec![Op::AddPassage(p.clone())],
        said: "Placed".into(),
    });
    assert_eq!(outcome.failed, None);
    p
}

fn edit(store: &mut Store, id: &str, summary: &str) -> Outcome {
    let before = store.map().passage(id).unwrap().clone();
    let after = OwnPassage {
        summary: summary.into(),
        ..before.clone()
    };
    store.change(Change {
        ops: vec![Op::SetPassage { before, after }],
        said: "Changed".into(),
    })
}

fn on_disk(path: &Path) -> OwnMap {
    OwnMap::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn quotes(map: &OwnMap) -> Vec<&str> {
    map.passages.iter().map(|p| p.quote.as_str()).collect()
}

use super::store::Outcome;

#[test]
fn every_change_is_written_and_can_be_undone_and_redone() {
    let path = dir("changes").join("map.toml");
    let (mut store, notice) = Store::open(Some(&path));
    assert_eq!(notice, None);
    assert!(!path.exists(), "nothing is written before a change");
    place(&mut store, "one");
    place(&mut store, "two");
    assert_eq!(quotes(&on_disk(&path)), ["one", "two"]);
    store.undo().unwrap();
    assert_eq!(quotes(&on_disk(&path)), ["one"]);
    store.redo().unwrap();
    assert_eq!(quotes(&on_disk(&path)), ["one", "two"]);
    assert_eq!(store.redo(), None, "nothing more to redo");
    // Read back by a new reader, as it was left, ids and all.
    assert_eq!(Store::open(Some(&path)).0.map(), &on_disk(&path));
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [".map.toml.lock", "map.toml"],
        "no temporary file is left behind"
    );
}

#[test]
fn undo_takes_back_only_this_readers_change_not_what_another_saved_meanwhile() {
    let path = dir("undo-shared").join("map.toml");
    let (mut a, _) = Store::open(Some(&path));
    let (mut b, _) = Store::open(Some(&path));
    place(&mut b, "theirs");
    place(&mut a, "ours");
    assert_eq!(quotes(&on_disk(&path)), ["theirs", "ours"]);
    a.undo().unwrap();
    assert_eq!(quotes(&on_disk(&path)), ["theirs"], "B's passage stays");
    // A passage an editor added by hand (no id) survives an undo as well.
    let (mut c, _) = Store::open(Some(&path));
    place(&mut c, "c's");
    let text = std::fs::read_to_string(&path).unwrap();
    let by_hand = "\n[[passages]]\ntheme = \"wedge\"\narticle = \"gurtov-2024\"\nquote = \"by hand\"\nstance = \"supports\"\nsummary = \"Typed in.\"\n";
    std::fs::write(&path, format!("{text}{by_hand}")).unwrap();
    c.undo().unwrap();
    let now = on_disk(&path);
    assert_eq!(quotes(&now), ["theirs", "by hand"]);
    assert!(
        now.passages.iter().all(|p| !p.id.is_empty()),
        "the hand-written record got an id"
    );
}

#[test]
fn a_field_changed_on_one_side_keeps_that_sides_value_and_a_clash_sets_theirs_aside() {
    let path = dir("fields").join("map.toml");
    let (mut a, _) = Store::open(Some(&path));
    let p = place(&mut a, "shared");
    let (mut b, _) = Store::open(Some(&path));
    // B changes the stance; A then changes the summary: both stand.
    let before = b.map().passage(&p.id).unwrap().clone();
    b.change(Change {
        ops: vec![Op::SetPassage {
            before: before.clone(),
            after: OwnPassage {
                stance: Stance::Qualifies,
                ..before
            },
        }],
        said: "Changed".into(),
    });
    let outcome = edit(&mut a, &p.id, "A's summary.");
    assert!(outcome.notes.iter().all(|n| !n.contains("set aside")), "{outcome:?}");
    let now = on_disk(&path);
    let merged = now.passage(&p.id).unwrap();
    assert_eq!(
        (merged.stance, merged.summary.as_str()),
        (Stance::Qualifies, "A's summary.")
    );
    // Both change the summary: A's (the later) wins, B's is set aside and said.
    b.refresh();
    edit(&mut b, &p.id, "B's summary.");
    let outcome = edit(&mut a, &p.id, "A's second.");
    let said = outcome.notes.join("; ");
    assert!(said.contains("“shared”") && said.contains("set aside"), "{said}");
    let now = on_disk(&path);
    assert_eq!(now.passage(&p.id).unwrap().summary, "A's second.");
    assert_eq!(now.set_aside.len(), 1);
    assert_eq!(now.set_aside[0].passage.as_ref().unwrap().summary, "B's summary.");
    // An undo after another's change leaves theirs and says so.
    edit(&mut b, &p.id, "B again.");
    let (_, outcome) = a.undo().unwrap();
    assert!(outcome.notes.join(" ").contains("changed elsewhere"), "{outcome:?}");
    assert_eq!(on_disk(&path).passage(&p.id).unwrap().summary, "B again.");
}

#[test]
fn the_same_sentence_placed_twice_stays_twice() {
    let path = dir("twice").join("map.toml");
    let (mut a, _) = Store::open(Some(&path));
    let (mut b, _) = Store::open(Some(&path));
    place(&mut a, "same");
    place(&mut b, "same");
    place(&mut a, "same");
    assert_eq!(quotes(&on_disk(&path)), ["same", "same", "same"]);
}

#[test]
fn changes_made_elsewhere_are_taken_up_and_said() {
    let path = dir("refresh").join("map.toml");
    let (mut a, _) = Store::open(Some(&path));
    assert_eq!(a.refresh(), None);
    let (mut b, _) = Store::open(Some(&path));
    place(&mut b, "theirs");
    let said = a.refresh().unwrap();
    assert!(said.contains("1 passage added"), "{said}");
    assert_eq!(quotes(a.map()), ["theirs"]);
    assert_eq!(a.refresh(), None, "said once");
}

#[test]
fn a_damaged_file_is_set_aside_under_a_name_of_its_own_never_overwritten() {
    let path = dir("damaged").join("map.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "[[passages]]\ntheme = \"wedge\"\nstance = oops\n").unwrap();
    assert!(peek(&path).unwrap_err().contains(":3:"), "peeking names the line");
    assert!(path.exists(), "peeking leaves the file alone");
    let (mut store, notice) = Store::open(Some(&path));
    let notice = notice.unwrap();
    assert!(
        notice.contains("map.toml:3:") && notice.contains("set aside as map.toml.bak"),
        "{notice}"
    );
    assert!(path.with_extension("toml.bak").exists() && !path.exists());
    assert_eq!(store.map(), &OwnMap::default());
    // Damaged by another hand while the reader runs: set aside under a new name, ours written.
    place(&mut store, "one");
    std::fs::write(&path, "garbage = [").unwrap();
    let p = passage(store.map(), "two");
    let outcome = store.change(Change {
        ops: vec![Op::AddPassage(p)],
        said: "Placed".into(),
    });
    let said = outcome.notes.join("; ");
    assert!(said.contains("set aside as map.toml.2.bak"), "{said}");
    assert_eq!(quotes(&on_disk(&path)), ["one", "two"]);
    assert_eq!(
        std::fs::read_to_string(path.with_extension("toml.2.bak")).unwrap(),
        "garbage = ["
    );
    assert!(
        std::fs::read_to_string(path.with_extension("toml.bak"))
            .unwrap()
            .contains("oops")
    );
}

#[test]
fn what_the_reader_wrote_is_stored_as_written() {
    let path = dir("verbatim").join("map.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "[[passages]]\nid = \"x1\"\ntheme = \"wedge\"\narticle = \"gabuev-2024\"\nquote = \"q\"\nstance = \"reports\"\nsummary = \"tab\there, \u{200f}\u{5e9}\u{5dc}\u{5d5}\u{5dd}\"\n";
    std::fs::write(&path, text).unwrap();
    let (mut store, _) = Store::open(Some(&path));
    place(&mut store, "another");
    let map = on_disk(&path);
    assert_eq!(
        map.passage("x1").unwrap().summary,
        "tab\there, \u{200f}\u{5e9}\u{5dc}\u{5d5}\u{5dd}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_map_is_written_through_to_its_target() {
    let dir = dir("symlink");
    let target = dir.join("dotfiles").join("map.toml");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "").unwrap();
    let link = dir.join("map.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (mut store, _) = Store::open(Some(&link));
    place(&mut store, "through");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(quotes(&on_disk(&target)), ["through"]);
}

#[test]
fn stale_temporary_files_are_removed_at_the_first_save_and_live_ones_kept() {
    let path = dir("stale").join("map.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    // No process has id 4194305 (above the largest Linux allows).
    let stale = path.with_file_name(".map.toml.4194305.AbCdEf.tmp");
    let live = path.with_file_name(format!(".map.toml.{}.AbCdEf.tmp", std::process::id()));
    std::fs::write(&stale, "half").unwrap();
    std::fs::write(&live, "being written").unwrap();
    let (mut store, _) = Store::open(Some(&path));
    assert!(stale.exists(), "left until the map is written");
    place(&mut store, "first");
    assert!(!stale.exists() && live.exists());
    assert_eq!(quotes(&on_disk(&path)), ["first"]);
}

#[test]
fn a_file_that_cannot_be_read_is_never_written_over_and_changes_stay_in_memory() {
    let path = dir("unreadable").join("map.toml");
    std::fs::create_dir_all(&path).unwrap();
    let (mut store, notice) = Store::open(Some(&path));
    assert!(notice.unwrap().contains("not a regular file"));
    let p = passage(store.map(), "kept");
    let outcome = store.change(Change {
        ops: vec![Op::AddPassage(p)],
        said: "Placed".into(),
    });
    assert!(outcome.failed.unwrap().contains("a folder"));
    assert_eq!(quotes(store.map()), ["kept"]);
    assert_eq!(store.unsaved(), 1);
    assert!(path.is_dir());
    let elsewhere = path.with_file_name("elsewhere.toml");
    store.write_to(&elsewhere).unwrap();
    assert_eq!(quotes(&on_disk(&elsewhere)), ["kept"]);
    // Once the folder is moved out of the way, the next change writes both.
    std::fs::rename(&path, path.with_file_name("moved")).unwrap();
    place(&mut store, "next");
    assert_eq!(quotes(&on_disk(&path)), ["kept", "next"]);
    assert_eq!(store.unsaved(), 0);
}

#[test]
fn the_file_is_a_map_in_the_bundled_format() {
    let mut map = OwnMap::default();
    map.themes.push(OwnTheme {
        id: "mine-1".into(),
        title: "Mine".into(),
        claim: "A claim.".into(),
    });
    let p = passage(
        &map,
        "Any hopes of peeling them away from each other are nothing more than wishful thinking.",
    );
    map.passages.push(p.clone());
    map.set_aside.push(SetAside {
        why: "kept".into(),
        passage: Some(p),
        view: None,
    });
    map.views.push(OwnView {
        theme: "wedge".into(),
        stance: Stance::Supports,
        note: "My view.".into(),
    });
    let corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
    let (merged, problems) =
        crate::debate::load_with_own(&corpus, &crate::corpus::bundled_maps(), Some(&map.source("map.toml")));
    assert!(problems.is_empty(), "{problems:?}");
    let mine = &merged[merged.theme_index("mine-1").unwrap()];
    assert!(mine.mine);
    let wedge = &merged.themes[0];
    assert_eq!(
        wedge.passages.iter().filter(|p| p.mine).count(),
        1,
        "a record set aside is not placed"
    );
    assert_eq!(wedge.view.as_ref().map(|v| v.stance), Some(Stance::Supports));
}
