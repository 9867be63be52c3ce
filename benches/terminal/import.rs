//! Bulk import beside copying the same files and syncing them.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::PARALLAX;
use crate::common::{Figures, path_str, ratio};

const PAGES: usize = 1000;

const PAGE: &str = include_str!("../../tests/fixtures/import/plain.html");

pub(crate) fn import(root: &Path) {
    let pages = root.join("pages");
    let texts = root.join("texts");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::create_dir_all(&texts).unwrap();
    for n in 0..PAGES {
        // Each by another writer, as a library is: ids of their own.
        let page = PAGE
            .replace("<title>", &format!("<title>Page {n}: "))
            .replace("Okafor", &format!("Okafor{n}"));
        std::fs::write(pages.join(format!("page-{n:04}.html")), page).unwrap();
        let text = format!(
            "Notes {n} on the partnership\n\nBy Writer {n}\n\n{}",
            synthetic_paragraphs(n)
        );
        std::fs::write(texts.join(format!("notes-{n:04}.txt")), text).unwrap();
    }
    println!("import of {PAGES} files into a folder on the disk, whole process, median of 3 interleaved rounds:");
    for (name, from) in [("saved pages", &pages), ("text files", &texts)] {
        let mut ours = Vec::new();
        let mut copied = Vec::new();
        for round in 0..3 {
            let into = root.join(format!("imported-{round}"));
            let start = Instant::now();
            let status = Command::new(PARALLAX)
                .args(["import", path_str(from), "--into", path_str(&into)])
                .env("XDG_STATE_HOME", root.join("home-import"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            ours.push(start.elapsed());
            assert!(status.success());
            let copy = root.join(format!("copied-{round}"));
            let start = Instant::now();
            let status = Command::new("sh")
                .arg("-c")
                .arg(format!(
                    "cp -r '{}' '{}' && sync -f '{}'",
                    from.display(),
                    copy.display(),
                    copy.display()
                ))
                .status()
                .unwrap();
            copied.push(start.elapsed());
            assert!(status.success());
            let _ = std::fs::remove_dir_all(into);
            let _ = std::fs::remove_dir_all(copy);
        }
        let (ours, copied) = (Figures::of(ours).median, Figures::of(copied).median);
        println!(
            "  {name:<12} parallax import DIR {:>7.0} files/s; cp -r and sync {:>7.0} files/s ({:.1}x parallax)",
            PAGES as f64 / ours.as_secs_f64(),
            PAGES as f64 / copied.as_secs_f64(),
            ratio(ours, copied)
        );
    }
    println!();
}

/// Three paragraphs of generated prose, different for each `n`.
fn synthetic_paragraphs(n: usize) -> String {
    let words = [
        "partnership",
        "sanctions",
        "trade",
        "Moscow",
        "Beijing",
        "wedge",
        "energy",
        "security",
    ];
    (0..3)
        .map(|p| {
            (0..60)
                .map(|w| words[(n * 7 + p * 13 + w * w) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
                + "."
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}
