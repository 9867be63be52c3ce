//! How the import tests run parallax: in a fresh folder of the test's own,
//! the data and state folders inside it, as a user's would be.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh, empty folder for one test, named after the test binary and `name`.
pub fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "parallax-{}-{name}-{}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The real binary, its data in `data` and its state in `data/state`.
pub fn parallax(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .env("XDG_STATE_HOME", data.join("state"))
        .output()
        .unwrap()
}

/// What it said: its output, then its errors (none, where all is well).
pub fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
