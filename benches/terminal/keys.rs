//! Search keys, from each key to its results on screen, and the first
//! search of a session (when the index is built).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::{Figures, megabytes, millis, path_str, results_shown};
use crate::pty::Running;
use crate::{DRAWN, LARGE, Libraries, PARALLAX};

/// The time between keys: a brisk typist's ten a second.
const KEY_INTERVAL: Duration = Duration::from_millis(100);

/// Queries typed one key at a time: phrases a reader remembers, names,
/// a typo, and the slow case, a common word and the start of the next.
const QUERIES: &[&str] = &[
    "increases o",
    "reverse kissinger",
    "revers kisinger",
    "240 billion",
    "nevsky",
    "marriage of convenience",
    "wedge",
    "junior partner",
    "power of siberia",
    "secondary sanctions",
    "the economic",
    "global south",
];

pub(crate) fn keys(root: &Path, libraries: &Libraries) {
    println!(
        "search, from a key to its results on screen, queries typed one key at a time ({} queries, ten keys a second, each once the last is answered):",
        QUERIES.len()
    );
    println!(
        "  {:<52} {:>6} {:>9} {:>9} {:>9} {:>12} {:>12}",
        "library", "keys", "median", "p99", "max", "first 2 keys", "later keys"
    );
    let bundled: [&str; 0] = [];
    let copies = ["--articles", path_str(&libraries.copies)];
    let generated = ["--articles", path_str(&libraries.generated)];
    let mut slowest = Vec::new();
    for (name, args) in [
        ("bundled (5 articles)".to_string(), &bundled[..]),
        (
            format!("{LARGE} copies of the bundled ({})", megabytes(libraries.copies_bytes)),
            &copies[..],
        ),
        (
            format!(
                "{LARGE} generated, no repeated sentence ({})",
                megabytes(libraries.generated_bytes)
            ),
            &generated[..],
        ),
    ] {
        let typed = type_queries(args, &root.join("home-keys"), QUERIES);
        let _ = std::fs::remove_dir_all(root.join("home-keys"));
        let all = Figures::of(typed.iter().flatten().copied().collect());
        let first = Figures::of(typed.iter().flat_map(|q| q.iter().take(2)).copied().collect());
        let later = Figures::of(typed.iter().flat_map(|q| q.iter().skip(2)).copied().collect());
        println!(
            "  {name:<52} {:>6} {:>9} {:>9} {:>9} {:>12} {:>12}",
            all.count,
            millis(all.median),
            millis(all.p99),
            millis(all.max),
            millis(first.median),
            millis(later.median)
        );
        slowest.push((name, typed));
    }
    println!("  the slowest keys (the query as typed so far):");
    for (name, typed) in slowest {
        let mut keys: Vec<(Duration, String)> = QUERIES
            .iter()
            .zip(&typed)
            .flat_map(|(query, times)| {
                query
                    .char_indices()
                    .zip(times)
                    .map(|((at, key), time)| (*time, query[..at + key.len_utf8()].to_string()))
            })
            .collect();
        keys.sort_by_key(|k| std::cmp::Reverse(k.0));
        let shown: Vec<String> = keys
            .iter()
            .take(4)
            .map(|(t, q)| format!("\"{q}\" {}", millis(*t)))
            .collect();
        println!("    {name}: {}", shown.join(", "));
    }
    println!("  target: median within 16 ms, p99 within 50 ms at {LARGE} articles");
    // The index is built when the palette first opens: the first search of
    // a session waits for it.
    for (name, args) in [
        (format!("{LARGE} copies of the bundled"), &copies[..]),
        (format!("{LARGE} generated"), &generated[..]),
    ] {
        let waits: Vec<Duration> = (0..3).map(|_| first_search(args, &root.join("home-first"))).collect();
        let _ = std::fs::remove_dir_all(root.join("home-first"));
        println!(
            "  first search of a session, {name}: `/` and a key to its results, median of 3: {}",
            millis(Figures::of(waits).median)
        );
    }
    println!();
}

/// Opens the reader on `args`, waits for the whole library, then opens the
/// palette and types a key: the time until its results are on screen.
fn first_search(args: &[&str], home: &Path) -> Duration {
    let mut reader = Running::spawn(PARALLAX, args, home);
    reader.wait_steady(
        &|screen| screen.contains(DRAWN) && !screen.contains("loading"),
        Duration::from_secs(1),
    );
    let pressed = Instant::now();
    reader.send(b"/");
    reader.wait_for(&|screen| screen.contains("Search:"));
    reader.send(b"w");
    let answered = reader.wait_for(&|screen| results_shown(screen, "w"));
    reader.quit(&[b"\x1b", b"q"]);
    answered - pressed
}

/// Opens the reader on `args` and, once the library is whole and indexed,
/// types each query into the search palette a key at a time, waiting for
/// each key's results. The time from each key to its results, by query.
fn type_queries(args: &[&str], home: &Path, queries: &[&str]) -> Vec<Vec<Duration>> {
    let mut reader = Running::spawn(PARALLAX, args, home);
    reader.wait_for(&|screen| screen.contains(DRAWN));
    // The palette says while the library loads or its index is built; the
    // index over the whole library follows the library's arrival.
    reader.send(b"/");
    reader.wait_steady(
        &|screen| screen.contains("Search:") && !screen.contains("indexing") && !screen.contains("loading"),
        Duration::from_secs(1),
    );
    reader.send(b"\x1b");
    reader.wait_for(&|screen| !screen.contains("Search:"));
    let mut typed = Vec::new();
    for query in queries {
        reader.send(b"/");
        reader.wait_for(&|screen| screen.contains("Search:"));
        let mut keys = Vec::new();
        for (at, key) in query.char_indices() {
            let prefix = &query[..at + key.len_utf8()];
            let pressed = Instant::now();
            reader.send(key.to_string().as_bytes());
            let answered = reader.wait_for(&|screen| results_shown(screen, prefix));
            keys.push(answered - pressed);
            // A brisk typist's ten keys a second (as the search benchmark
            // types): the next key 100 ms after this one, or once it is answered.
            std::thread::sleep(KEY_INTERVAL.saturating_sub(pressed.elapsed()));
        }
        typed.push(keys);
        reader.send(b"\x1b");
        reader.wait_for(&|screen| !screen.contains("Search:"));
    }
    reader.quit(&[b"q"]);
    typed
}
