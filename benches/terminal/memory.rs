//! The reader's memory after opening a large library and after a search,
//! beside the corpus on disk and `less`.

use std::path::Path;
use std::time::Duration;

use crate::common::{installed, megabytes, path_str, results_shown};
use crate::pty::{self, Running};
use crate::{DRAWN, LARGE, Libraries, PARALLAX};

pub(crate) fn memory(root: &Path, libraries: &Libraries) {
    println!(
        "memory (resident) of the reader, once the library has loaded and 2 s passed quietly, then after a search:"
    );
    for (name, dir, bytes) in [
        (
            format!("{LARGE} copies of the bundled"),
            &libraries.copies,
            libraries.copies_bytes,
        ),
        (
            format!("{LARGE} generated articles"),
            &libraries.generated,
            libraries.generated_bytes,
        ),
    ] {
        let home = root.join("home-memory");
        let mut reader = Running::spawn(PARALLAX, &["--articles", path_str(dir)], &home);
        reader.wait_steady(
            &|screen| screen.contains(DRAWN) && !screen.contains("loading") && !screen.contains("indexing"),
            Duration::from_secs(2),
        );
        let opened = pty::resident(reader.pid());
        reader.send(b"/");
        reader.wait_for(&|screen| screen.contains("Search:"));
        for (at, key) in "increases o".char_indices() {
            reader.send(key.to_string().as_bytes());
            reader.wait_for(&|screen| results_shown(screen, &"increases o"[..=at]));
        }
        let searched = pty::resident(reader.pid());
        reader.quit(&[b"\x1b", b"q"]);
        let _ = std::fs::remove_dir_all(&home);
        println!(
            "  {name:<32} corpus on disk {:>9}; opened {:>9} ({:.2}x); searched {:>9} ({:.2}x; target: within 1.5x)",
            megabytes(bytes),
            megabytes(opened),
            opened as f64 / bytes as f64,
            megabytes(searched),
            searched as f64 / bytes as f64
        );
    }
    if installed("less") {
        let article = format!("{}/articles/gabuev-2024.md", env!("CARGO_MANIFEST_DIR"));
        let less = Running::spawn("less", &[&article], &root.join("home-less"));
        less.wait_for(&|screen| screen.lines().last().is_some_and(|l| l.contains("gabuev-2024.md")));
        let resident = pty::resident(less.pid());
        less.quit(&[b"q"]);
        println!("  {:<32} {:>9}", "less on one article", megabytes(resident));
    }
    println!();
}
