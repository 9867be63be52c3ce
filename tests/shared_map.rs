//! One own map, several writers: readers in other processes, an editor
//! writing the file by hand, each reader's undo. Nothing acknowledged is
//! lost, a field changed on one side keeps that side's value, and an undo
//! takes back only the undoer's own change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parallax::debate::Stance;
use parallax::own_map::{Change, Op, OwnMap, OwnPassage, Store};
use proptest::prelude::*;

mod pty;

fn map_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-shared-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("map.toml")
}

fn on_disk(path: &Path) -> OwnMap {
    OwnMap::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn new_passage(store: &Store, quote: &str) -> OwnPassage {
    OwnPassage {
        id: store.map().new_id(),
        theme: "wedge".into(),
        article: "gabuev-2024".into(),
        quote: quote.into(),
        prefix: None,
        suffix: None,
        stance: Stance::Opposes,
        summary: format!("First said of {quote}."),
    }
}

fn place(store: &mut Store, quote: &str) -> OwnPassage {
    let passage = new_passage(store, quote);
    let outcome = store.change(Change {
        ops: vec![Op::AddPassage(passage.clone())],
        said: "Placed".into(),
    });
    assert_eq!(outcome.failed, None, "acknowledged");
    passage
}

/// A writer in a process of its own: this test binary again, told by the
/// environment to save into a map and say what it kept.
const WRITER_MAP: &str = "PARALLAX_TEST_WRITER_MAP";
const WRITER_NAME: &str = "PARALLAX_TEST_WRITER_NAME";
const ROUNDS: usize = 25;

#[test]
fn several_processes_saving_into_one_map_at_the_same_moment_lose_nothing() {
    if let (Some(path), Some(name)) = (std::env::var_os(WRITER_MAP), std::env::var_os(WRITER_NAME)) {
        return write_as_one_of_several(Path::new(&path), &name.to_string_lossy());
    }
    let path = map_path("processes");
    let writers: Vec<_> = (0..4)
        .map(|n| {
            std::process::Command::new(std::env::current_exe().unwrap())
                .args([
                    "several_processes_saving_into_one_map_at_the_same_moment_lose_nothing",
                    "--exact",
                    "--nocapture",
                ])
                .env(WRITER_MAP, &path)
                .env(WRITER_NAME, format!("w{n}"))
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut kept = Vec::new();
    for writer in writers {
        let out = writer.wait_with_output().unwrap();
        assert!(out.status.success());
        let said = String::from_utf8(out.stdout).unwrap();
        kept.extend(said.lines().filter_map(|l| l.strip_prefix("kept: ")).map(String::from));
    }
    assert_eq!(kept.len(), 4 * (ROUNDS - ROUNDS / 5), "every writer reported");
    let mut on_file: Vec<String> = on_disk(&path).passages.into_iter().map(|p| p.quote).collect();
    on_file.sort();
    kept.sort();
    assert_eq!(on_file, kept, "every acknowledged passage is there, and no undone one");
}

/// Places ROUNDS passages, undoing every fifth at once; prints what it kept.
fn write_as_one_of_several(path: &Path, name: &str) {
    let (mut store, _) = Store::open(Some(path));
    for round in 0..ROUNDS {
        let quote = format!("{name} round {round}");
        place(&mut store, &quote);
        if round % 5 == 4 {
            let (_, outcome) = store.undo().unwrap();
            assert_eq!(outcome.failed, None);
        } else {
            println!("kept: {quote}");
        }
    }
}

/// One step of the property test below.
#[derive(Debug, Clone)]
enum Step {
    /// A reader places a new passage.
    Place(usize),
    /// A reader changes the summary of the n-th passage it sees.
    Edit(usize, usize, u8),
    /// A reader undoes its last change (only taken when that was a placement).
    Undo(usize),
    /// A reader looks at the file for changes made elsewhere.
    Refresh(usize),
    /// An editor changes the n-th passage's summary in the file.
    HandEdit(usize, u8),
    /// An editor adds a passage, without an id.
    HandAdd,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..2usize).prop_map(Step::Place),
        3 => (0..2usize, 0..8usize, any::<u8>()).prop_map(|(r, n, t)| Step::Edit(r, n, t)),
        2 => (0..2usize).prop_map(Step::Undo),
        1 => (0..2usize).prop_map(Step::Refresh),
        2 => (0..8usize, any::<u8>()).prop_map(|(n, t)| Step::HandEdit(n, t)),
        1 => Just(Step::HandAdd),
    ]
}

/// What the file must hold: each passage's quote and summary.
type Model = BTreeMap<String, String>;

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn two_readers_and_an_editor_over_one_map_lose_nothing(steps in prop::collection::vec(step(), 1..24)) {
        let path = map_path("property");
        let mut readers = [Store::open(Some(&path)).0, Store::open(Some(&path)).0];
        // What each reader placed last, when its last change was a placement.
        let mut last_placed: [Option<OwnPassage>; 2] = [None, None];
        let mut model = Model::new();
        for (n, step) in steps.into_iter().enumerate() {
            match step {
                Step::Place(r) => {
                    let quote = format!("placed {n}");
                    let passage = place(&mut readers[r], &quote);
                    model.insert(quote, passage.summary.clone());
                    last_placed[r] = Some(passage);
                }
                Step::Edit(r, which, text) => {
                    let seen = &readers[r].map().passages;
                    if seen.is_empty() {
                        continue;
                    }
                    let before = seen[which % seen.len()].clone();
                    let after = OwnPassage { summary: format!("edit {n} ({text})"), ..before.clone() };
                    let outcome = readers[r].change(Change {
                        ops: vec![Op::SetPassage { before, after: after.clone() }],
                        said: "Changed".into(),
                    });
                    prop_assert_eq!(outcome.failed, None);
                    // Ours wins, whatever stood: present again, with this summary.
                    model.insert(after.quote.clone(), after.summary.clone());
                    last_placed[r] = None;
                }
                Step::Undo(r) => {
                    let Some(placed) = last_placed[r].take() else { continue };
                    let (_, outcome) = readers[r].undo().unwrap();
                    prop_assert_eq!(outcome.failed, None);
                    // Taken back only if no one changed it since.
                    if model.get(&placed.quote) == Some(&placed.summary) {
                        model.remove(&placed.quote);
                    }
                }
                Step::Refresh(r) => {
                    readers[r].refresh();
                }
                Step::HandEdit(which, text) => {
                    if !path.exists() {
                        continue;
                    }
                    let mut map = on_disk(&path);
                    if map.passages.is_empty() {
                        continue;
                    }
                    let index = which % map.passages.len();
                    map.passages[index].summary = format!("by hand {n} ({text})");
                    model.insert(map.passages[index].quote.clone(), map.passages[index].summary.clone());
                    std::fs::write(&path, map.to_toml()).unwrap();
                }
                Step::HandAdd => {
                    let quote = format!("typed {n}");
                    let record = format!(
                        "\n[[passages]]\ntheme = \"wedge\"\narticle = \"gurtov-2024\"\nquote = \"{quote}\"\nstance = \"supports\"\nsummary = \"Typed {n}.\"\n"
                    );
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    std::fs::write(&path, format!("{text}{record}")).unwrap();
                    model.insert(quote, format!("Typed {n}."));
                }
            }
        }
        let held: Model = if path.exists() {
            on_disk(&path).passages.into_iter().map(|p| (p.quote, p.summary)).collect()
        } else {
            Model::new()
        };
        prop_assert_eq!(held, model);
    }
}

#[test]
fn a_reader_sees_another_readers_change_at_once_and_its_undo_leaves_it() {
    let data = pty::state_dir("shared-undo");
    let open = ["--open", "gabuev-2024,manning-sun-2023"];
    let mut a = pty::start_with_data("shared-a", &data, &open, &[]);
    pty::place_a_passage(&mut a);
    // B records a view while A runs.
    let mut b = pty::start_with_data("shared-b", &data, &open, &[]);
    b.wait_text("pane 1 of 2: gabuev-2024");
    b.key("]");
    b.wait_text("theme: wedge");
    b.key("V");
    b.wait_text("The stance toward the claim, one key:");
    b.key("~");
    b.key("Only for a while.");
    b.key("\r");
    b.wait_text("Your view: ~ qualifies");
    // A is told without a key pressed.
    let started = Instant::now();
    a.wait_text("Your map changed from elsewhere: views changed");
    assert!(started.elapsed() < Duration::from_secs(3));
    // A's undo takes back A's passage, not B's view.
    a.key("u");
    a.wait_text("Undone");
    let file = data.join("parallax/map.toml");
    let map = on_disk(&file);
    assert!(map.passages.is_empty(), "{map:?}");
    assert_eq!(map.views.len(), 1, "B's view stays");
    assert_eq!(map.views[0].note, "Only for a while.");
    for mut reader in [a, b] {
        reader.key("q");
        assert!(reader.wait_exit().success());
    }
}

#[test]
fn leaving_with_changes_that_could_not_be_saved_asks_and_writes_them_elsewhere() {
    let data = pty::state_dir("unsaved");
    // The map's place is taken by a folder: nothing can be written there.
    std::fs::create_dir_all(data.join("parallax/map.toml")).unwrap();
    let home = data.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let home_env = home.to_string_lossy().into_owned();
    let mut s = pty::start_with_data(
        "unsaved",
        &data,
        &["--open", "gabuev-2024,manning-sun-2023"],
        &[("HOME", &home_env)],
    );
    s.wait_text("could not be read: it is a folder");
    // Any key puts the notice away (scrolling up at the top moves nothing).
    s.key("k");
    pty::place_a_passage(&mut s);
    s.key("q");
    s.wait_text("Your map is not saved");
    s.key("\u{1b}");
    s.wait_text("Your changes are kept in memory");
    s.key("q");
    s.wait_text("Your map is not saved");
    s.key("y");
    assert!(s.wait_exit().success());
    let written = on_disk(&home.join("parallax-unsaved-map.toml"));
    assert_eq!(written.passages.len(), 1);
    assert_eq!(written.passages[0].quote, pty::PEELING);
}
