//! Bulk import: 1,000 saved pages imported into a folder on the disk, each
//! article written and flushed on its own (two syncs a file, as a single
//! import does) against batches put in place with one flush each (as
//! `parallax import DIR` does), interleaved in the same run; then the real
//! binary on the same folder. Figures are pages a second.

use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax::import::{Options, import_file};

const PAGES: usize = 1000;
const ROUNDS: usize = 3;
const PAGE: &str = include_str!("../tests/fixtures/import/plain.html");

fn main() {
    // Under target/, on the disk: a temporary folder may be in memory,
    // where a sync costs nothing.
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("import-bench");
    let _ = std::fs::remove_dir_all(&root);
    let pages = root.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    let mut files = Vec::new();
    for n in 0..PAGES {
        let file = pages.join(format!("page-{n:04}.html"));
        // Each by another writer, as a library is: ids of their own.
        let page = PAGE
            .replace("<title>", &format!("<title>Page {n}: "))
            .replace("Okafor", &format!("Okafor{n}"));
        std::fs::write(&file, page).unwrap();
        files.push(file);
    }
    let mut single = Vec::new();
    let mut batched = Vec::new();
    for round in 0..ROUNDS {
        single.push(run(&files, &root.join(format!("single-{round}")), false));
        batched.push(run(&files, &root.join(format!("batch-{round}")), true));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (single, batched) = (median(&mut single), median(&mut batched));
    println!("import of {PAGES} saved pages, median of {ROUNDS} interleaved rounds:");
    println!("  each article flushed on its own: {single:>7.0} pages/s");
    println!(
        "  in batches, one flush each:      {batched:>7.0} pages/s ({:.1}x)",
        batched / single
    );
    let into = root.join("cli");
    let start = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["import", pages.to_str().unwrap(), "--into", into.to_str().unwrap()])
        .env("XDG_STATE_HOME", root.join("state"))
        .output()
        .unwrap();
    let seconds = start.elapsed().as_secs_f64();
    let said = String::from_utf8_lossy(&out.stdout);
    println!(
        "  parallax import DIR (release binary): {:.0} pages/s; it said \"{}\"",
        PAGES as f64 / seconds,
        said.lines().last().unwrap_or("")
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// Imports every file into `into`; returns pages a second.
fn run(files: &[PathBuf], into: &Path, batch: bool) -> f64 {
    let _ = std::fs::remove_dir_all(into);
    let mut options = Options::new(into.to_path_buf(), 10 * 1024 * 1024);
    if batch {
        options = options.in_batch();
    }
    let start = Instant::now();
    for file in files {
        import_file(file, &options).unwrap();
    }
    options.commit().unwrap();
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(std::fs::read_dir(into).unwrap().count(), files.len());
    files.len() as f64 / seconds
}
