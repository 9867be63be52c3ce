//! Speed as the terminal shows it: the release binary in a 160x45
//! pseudo-terminal, timed from a key (or from its start) to the bytes on
//! screen that show the answer, each figure beside its anchor measured in
//! the same run, runs interleaved. Rows: the first frame (bundled, large
//! libraries, named either way) beside `less`; search keys to results on
//! screen at 5,000 articles; the command line beside `rg` and `cat`;
//! memory after opening and after searching beside the corpus on disk;
//! bulk import beside copying the files; CPU and bytes written while idle.
//!
//! Run with `cargo bench --bench terminal` (or name parts after `--`:
//! first-frame, keys, command-line, memory, import, idle). It prints
//! figures; it asserts nothing.

#[path = "../support/copies.rs"]
mod copies;
#[path = "../support/pty.rs"]
mod pty;
#[path = "../support/synthetic.rs"]
mod synthetic;

mod command_line;
mod common;
mod first_frame;
mod idle;
mod import;
mod keys;
mod memory;

use std::path::{Path, PathBuf};

use common::megabytes;

const PARALLAX: &str = env!("CARGO_BIN_EXE_parallax");

/// Starts (or commands) per row, interleaved with their anchors.
const RUNS: usize = 9;

const LARGE: usize = 5000;

/// What the status line shows once the reader's first frame is drawn.
const DRAWN: &str = "pane 1 of 2";

fn main() {
    println!(
        "parallax in a {}x{} pseudo-terminal (2-core machine; compare within one run)\n",
        pty::COLS,
        pty::ROWS
    );
    // Under target/, on the disk, as a user's library is.
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("terminal-bench");
    let _ = std::fs::remove_dir_all(&root);
    // `cargo bench --bench terminal -- keys memory` runs only those parts.
    let asked: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let wanted = |part: &str| asked.is_empty() || asked.iter().any(|a| a == part);
    let libraries = Libraries::write(&root);
    if wanted("first-frame") {
        first_frame::first_frames(&root, &libraries);
    }
    if wanted("keys") {
        keys::keys(&root, &libraries);
    }
    if wanted("command-line") {
        command_line::command_line(&root, &libraries);
    }
    if wanted("memory") {
        memory::memory(&root, &libraries);
    }
    if wanted("import") {
        import::import(&root);
    }
    if wanted("idle") {
        idle::idle(&root);
    }
    let _ = std::fs::remove_dir_all(&root);
}

/// The libraries measured, written once for the run.
struct Libraries {
    /// The bundled articles copied under new ids, named `ID.md`.
    copies: PathBuf,
    copies_bytes: u64,
    /// 500 and 5,000 copies, no file named after its article.
    renamed_small: PathBuf,
    renamed: PathBuf,
    /// Generated articles of 5,000 words, no sentence repeated.
    generated: PathBuf,
    generated_bytes: u64,
}

impl Libraries {
    fn write(root: &Path) -> Libraries {
        print!("writing the libraries… ");
        let copies = root.join("copies");
        let copies_bytes = copies::write_copies(&copies, LARGE);
        let renamed_small = root.join("renamed-500");
        copies::write_copies(&renamed_small, 500);
        rename_all(&renamed_small);
        let renamed = root.join("renamed-5000");
        copies::write_copies(&renamed, LARGE);
        rename_all(&renamed);
        let generated = root.join("generated");
        let generated_bytes = synthetic::write_corpus(&generated, LARGE, 5000, 200, 42);
        println!(
            "{LARGE} copies of the bundled articles ({}), {LARGE} generated articles of 5,000 words ({})\n",
            megabytes(copies_bytes),
            megabytes(generated_bytes)
        );
        Libraries {
            copies,
            copies_bytes,
            renamed_small,
            renamed,
            generated,
            generated_bytes,
        }
    }
}

/// Names every article file of `dir` otherwise than after its article.
fn rename_all(dir: &Path) {
    for (n, entry) in std::fs::read_dir(dir).unwrap().enumerate() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            std::fs::rename(&path, dir.join(format!("saved-{n:05}.md"))).unwrap();
        }
    }
}
