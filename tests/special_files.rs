//! Files that are not files: a named pipe (FIFO) or a device wherever
//! parallax reads (an article, a folder's map, the reader's own map, a
//! keymap, the saved session, an import input). Each is refused by name at
//! once, with what to do; nothing waits on a pipe or reads a device forever.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod pty;

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-special-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fifo(path: &Path) {
    nix::unistd::mkfifo(path, nix::sys::stat::Mode::from_bits_truncate(0o644)).unwrap();
}

/// Runs the binary with the reader's files kept under `home`; kills it and
/// fails if it has not ended within 20 seconds (a hang).
fn parallax(home: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("parallax {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn a_fifo_among_the_articles_or_as_a_folders_map_is_named_and_passed_over() {
    let dir = folder("articles");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/articles/gabuev-2024.md"),
        dir.join("gabuev-2024.md"),
    )
    .unwrap();
    fifo(&dir.join("pipe.md"));
    fifo(&dir.join("debate.toml"));
    let out = parallax(&dir, &["check", "--articles", dir.to_str().unwrap()]);
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for name in ["pipe.md", "debate.toml"] {
        let line = text
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {text}"));
        assert!(
            line.contains("a named pipe (FIFO), not a regular file") && line.contains("give the path of a file"),
            "{line}"
        );
    }
    assert!(text.contains("1 article"), "the real article is still read: {text}");
}

#[test]
fn a_fifo_as_the_own_map_keymap_or_import_input_is_refused_by_name() {
    let home = folder("own");
    let dir = home.join("articles");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/articles/gurtov-2024.md"),
        dir.join("gurtov-2024.md"),
    )
    .unwrap();
    fifo(&dir.join("my-map.toml"));
    let out = parallax(&home, &["themes", "--articles", dir.to_str().unwrap()]);
    assert!(said(&out).contains("my-map.toml"), "{}", said(&out));
    assert!(said(&out).contains("not a regular file"), "{}", said(&out));

    let keymap = home.join("keymap.toml");
    fifo(&keymap);
    let out = parallax(&home, &["keys", "--check", keymap.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        said(&out).contains("keymap.toml") && said(&out).contains("not a regular file"),
        "{}",
        said(&out)
    );

    let input = home.join("page.html");
    fifo(&input);
    let into = home.join("imported");
    let out = parallax(
        &home,
        &["import", input.to_str().unwrap(), "--into", into.to_str().unwrap()],
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(
        said(&out).contains("page.html") && said(&out).contains("not a regular file"),
        "{}",
        said(&out)
    );
}

#[test]
fn a_device_is_never_read_as_a_file() {
    let home = folder("device");
    let into = home.join("imported");
    let out = parallax(&home, &["import", "/dev/zero", "--into", into.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        said(&out).contains("/dev/zero") && said(&out).contains("a device"),
        "{}",
        said(&out)
    );
    let out = parallax(&home, &["keys", "--check", "/dev/zero"]);
    assert!(said(&out).contains("a device, not a regular file"), "{}", said(&out));
}

#[test]
fn the_reader_draws_its_first_frame_whatever_its_own_files_are() {
    let home = folder("reader");
    let keymap = home.join("keymap.toml");
    fifo(&keymap);
    for file in ["data/parallax/map.toml", "state/parallax/session.toml"] {
        std::fs::create_dir_all(home.join(file).parent().unwrap()).unwrap();
        fifo(&home.join(file));
    }
    let mut command = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    command.args(["--keymap", keymap.to_str().unwrap()]);
    command.env("XDG_DATA_HOME", home.join("data"));
    command.env("PARALLAX_TEST_STATE_HOME", home.join("state"));
    let mut s = pty::Session::start_command("special-reader", command, 160, 45);
    // The whole notice, not its first row: the screen may be read between
    // the writes that draw it.
    let screen = s.wait_text("it is a named pipe (FIFO)");
    assert!(screen.contains("Keymap not read"), "{screen}");
    s.key("\r");
    s.wait_text("pane 1 of");
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// A named pipe among the articles already in the folder imported into is
/// passed over when the import looks for what the folder holds.
#[test]
fn a_fifo_in_the_folder_imported_into_does_not_hold_up_the_import() {
    let into = folder("import-into");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/articles/gurtov-2024.md"),
        into.join("gurtov-2024.md"),
    )
    .unwrap();
    fifo(&into.join("pipe.md"));
    let text_file = into.join("notes.txt");
    std::fs::write(
        &text_file,
        "Notes on the partnership\n\nBy A. Writer\n\nA paragraph of notes.\n",
    )
    .unwrap();
    let out = parallax(
        &into,
        &["import", text_file.to_str().unwrap(), "--into", into.to_str().unwrap()],
    );
    let text = said(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("imported "), "{text}");
}
