//! The command line (search, check, list) beside `rg` and `cat`.

use std::path::Path;
use std::time::Duration;

use crate::common::{Figures, article_files, installed, megabytes, millis, path_str, ratio, run_whole};
use crate::{LARGE, Libraries, PARALLAX, RUNS};

pub(crate) fn command_line(root: &Path, libraries: &Libraries) {
    let dir = path_str(&libraries.copies);
    let files: Vec<String> = article_files(&libraries.copies);
    let home = root.join("home-cli");
    let query = "increases o";
    println!(
        "the command line on the {LARGE} copies ({}), whole process, median of {RUNS} interleaved runs:",
        megabytes(libraries.copies_bytes)
    );
    let search: Vec<String> = ["search", query, "--articles", dir].map(String::from).to_vec();
    let mut rows: Vec<(String, Vec<String>)> = vec![
        (format!("parallax search \"{query}\" --articles DIR"), search.clone()),
        (FIRST_SEARCH.into(), search),
        (
            format!("rg -c \"{query}\" DIR"),
            ["-c", query, dir].map(String::from).to_vec(),
        ),
        (
            "parallax check --articles DIR".into(),
            ["check", "--articles", dir].map(String::from).to_vec(),
        ),
        ("cat DIR/*.md".into(), files),
        (
            "parallax list --articles DIR".into(),
            ["list", "--articles", dir].map(String::from).to_vec(),
        ),
    ];
    if !installed("rg") {
        println!("  rg is not installed (apt-get install ripgrep): its row is left out");
        rows.remove(1);
    }
    fn program(name: &str) -> &str {
        match name.split(' ').next().unwrap() {
            "parallax" => PARALLAX,
            _ if name == FIRST_SEARCH => PARALLAX,
            other => other,
        }
    }
    // A search saves no index of files changed within the last second; the
    // first, not measured, saves the index the next reads back.
    std::thread::sleep(Duration::from_millis(1100));
    run_whole(PARALLAX, &rows[0].1, &home);
    let mut samples: Vec<Vec<(Duration, u64)>> = vec![Vec::new(); rows.len()];
    for _ in 0..RUNS {
        for (row, (name, args)) in rows.iter().enumerate() {
            // The first search of a library builds its index and saves it
            // (for the next run's search to read back).
            if name == FIRST_SEARCH {
                let _ = std::fs::remove_dir_all(home.join("cache"));
            }
            samples[row].push(run_whole(program(name), args, &home));
        }
    }
    let medians: Vec<Duration> = samples
        .iter()
        .map(|s| Figures::of(s.iter().map(|(t, _)| *t).collect()).median)
        .collect();
    for (row, (name, _)) in rows.iter().enumerate() {
        let peak = samples[row].iter().map(|(_, m)| *m).max().unwrap_or(0);
        let against = match name.as_str() {
            FIRST_SEARCH => anchor_ratio(&rows, &medians, "rg", row, ""),
            n if n.starts_with("parallax search") => anchor_ratio(&rows, &medians, "rg", row, "5x"),
            n if n.starts_with("parallax") => anchor_ratio(&rows, &medians, "cat", row, "3x"),
            _ => String::new(),
        };
        println!(
            "  {name:<44} {:>9} {:>9} peak {against}",
            millis(medians[row]),
            megabytes(peak)
        );
    }
    let _ = std::fs::remove_dir_all(home);
    println!();
}

/// The row of a search with no index saved.
const FIRST_SEARCH: &str = "  the same, the first time (saves its index)";

/// "N.NNx `anchor` (target: within `target`)", if the anchor was measured.
fn anchor_ratio(
    rows: &[(String, Vec<String>)],
    medians: &[Duration],
    anchor: &str,
    row: usize,
    target: &str,
) -> String {
    match rows.iter().position(|(name, _)| name.starts_with(anchor)) {
        Some(at) if target.is_empty() => format!("{:.2}x {anchor}", ratio(medians[row], medians[at])),
        Some(at) => format!(
            "{:.2}x {anchor} (target: within {target})",
            ratio(medians[row], medians[at])
        ),
        None => String::new(),
    }
}
