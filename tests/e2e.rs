//! The real binary in a real pseudo-terminal: keys in, screen read back.

use std::io::Read;
use std::time::{Duration, Instant};

#[path = "../benches/support/copies.rs"]
mod copies;

mod pty;

use portable_pty::CommandBuilder;
use pty::{PEELING, Session, config_dir, place_a_passage, run_with_data, start_with_data, state_dir};

/// The text inside the box titled `title`, its lines joined by spaces.
fn boxed_text(screen: &str, title: &str) -> String {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let Some(top) = lines.iter().position(|l| l.iter().collect::<String>().contains(title)) else {
        return String::new();
    };
    let left = lines[top].iter().position(|&c| c == '┌').unwrap_or(0);
    let right = lines[top].iter().rposition(|&c| c == '┐').unwrap_or(lines[top].len());
    let mut text = Vec::new();
    for line in &lines[top + 1..] {
        if line.get(left) == Some(&'└') {
            break;
        }
        text.push(
            line.get(left + 1..right.min(line.len()))
                .map(|c| c.iter().collect::<String>())
                .unwrap_or_default(),
        );
    }
    text.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn read_scroll_focus_pick_help_resize_quit() {
    let mut s = Session::start("walk", &[], 110, 32);
    let screen = s.wait_text("pane 1 of 2: manning-sun-2023");
    assert!(screen.contains("Washington Is Missing") && screen.contains("Putin and Xi"));
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    assert!(screen.contains("It may seem counterintuitive"));

    // Scroll the first pane a page: its first paragraph leaves the screen.
    s.key(" ");
    s.wait_for("a page scrolled", |s| !s.contains("It may seem counterintuitive"));

    // Focus the second pane, then choose another article for it.
    s.key("\t");
    s.wait_text("pane 2 of 2: gabuev-2024");
    s.key("o");
    s.wait_text("Open article");
    s.key("gurtov");
    s.wait_text("> gurtov");
    s.key("\r");
    let screen = s.wait_text("pane 2 of 2: gurtov-2024");
    assert!(screen.contains("The China-Russia Partnership"), "{screen}");

    // Help lists the bindings, and Esc closes it.
    s.key("?");
    s.wait_text("Help · keys: the defaults");
    s.key("\x1b");
    s.wait_for("help to close", |s| !s.contains("Keys (from your keymap)"));

    // A narrower terminal shows fewer panes and says how many are hidden.
    s.resize(70, 24);
    s.wait_text("more");

    s.key("q");
    let status = s.wait_exit();
    assert!(status.success());
    s.assert_restored();
}

#[test]
fn selecting_a_theme_by_key_moves_both_panes_to_their_passages() {
    let mut s = Session::start("theme", &[], 160, 45);
    s.wait_text("pane 1 of 2: manning-sun-2023");
    s.key("]");
    let screen = s.wait_text("theme: wedge");
    assert!(screen.contains("+ supports · Manning and Sun"), "{screen}");
    assert!(screen.contains("x opposes · Gabuev tells Western"), "{screen}");
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Rather, it’s a pragmatic, somewhat transactional union"),
        "{screen}"
    );
    assert!(
        flat.contains("To come to terms with this development, Western policymakers"),
        "{screen}"
    );
    s.key("m");
    s.wait_text("Stance matrix");
    s.key("\x1b");
    s.wait_for("the matrix to close", |s| !s.contains("Stance matrix"));
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_search_jumps_to_the_passage() {
    let mut s = Session::start("search", &[], 140, 40);
    s.wait_text("pane 1 of 2: manning-sun-2023");
    s.key("/");
    s.wait_text("Search: # themes only");
    s.key("nevsky");
    s.wait_for("results", |screen| {
        screen.contains("/ nevsky") && screen.contains("passage gabuev-2024")
    });
    s.key("\r");
    // Gabuev is open in the second pane: the jump goes there, the first
    // pane keeps Manning and Sun.
    let screen = s.wait_text("pane 2 of 2: gabuev-2024");
    assert!(
        screen.contains("Nevsky") && screen.contains("Washington Is Missing"),
        "{screen}"
    );
    s.key("n");
    s.wait_text("“nevsky”: hit");
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_jump_replaces_a_pane_only_where_no_pane_shows_the_article_and_ctrl_o_brings_it_back() {
    let mut s = Session::start("replace", &[], 140, 40);
    s.wait_text("pane 1 of 2: manning-sun-2023");
    s.key("/");
    s.wait_text("Search: # themes only");
    s.key("power of siberia");
    s.wait_for("results", |screen| screen.contains("passage glantz-freeman-2024"));
    s.key("\r");
    let screen = s.wait_text("pane 1 of 2: glantz-freeman-2024");
    assert!(!screen.contains("Washington Is Missing"), "{screen}");
    s.key("\x0f");
    let screen = s.wait_text("pane 1 of 2: manning-sun-2023");
    assert!(
        screen.contains("Washington Is Missing") && screen.contains("Putin and Xi"),
        "{screen}"
    );
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn j_scrolls_on_past_the_end_of_every_paragraph() {
    let mut s = Session::start("scroll", &[], 120, 36);
    let mut screen = s.wait_text("pane 1 of 2: manning-sun-2023");
    // Line by line through the first paragraphs: every j moves the text.
    let mut seen = Vec::new();
    for _ in 0..30 {
        let before = screen.clone();
        s.key("j");
        screen = s.wait_for("j to move the pane", |now| now != before);
        seen.push(first_pane_top(&screen));
    }
    assert!(
        seen.iter().any(|top| top.starts_with("Since the start of the war")),
        "the second paragraph came to the top: {seen:?}"
    );
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn y_copies_the_passage_with_its_citation_through_osc_52() {
    use base64::Engine;
    let mut s = Session::start("copy", &[], 140, 40);
    s.wait_text("pane 1 of 2: manning-sun-2023");
    s.key("/");
    s.wait_text("Search: # themes only");
    s.key("prince alexander nevsky traveled");
    s.wait_for("results", |screen| screen.contains("passage gabuev-2024"));
    s.key("\r");
    s.wait_text("pane 2 of 2: gabuev-2024");
    s.key("y");
    s.wait_text("Copied ““Prince Alexander");
    let raw = s.raw.lock().unwrap().clone();
    let raw = String::from_utf8_lossy(&raw);
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + "\x1b]52;c;".len();
    let end = start + raw[start..].find('\x07').expect("the sequence ends");
    let copied = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..end])
        .unwrap();
    let copied = String::from_utf8(copied).unwrap();
    assert!(
        copied.starts_with("““Prince Alexander Nevsky traveled to the Horde"),
        "{copied}"
    );
    assert!(
        copied.contains("\n— Alexander Gabuev, “Putin and Xi’s Unholy Alliance"),
        "{copied}"
    );
    assert!(copied.ends_with("Foreign Affairs, April 2024, ¶12."), "{copied}");
    s.key("q");
    assert!(s.wait_exit().success());
}

/// The first text row of the first pane.
fn first_pane_top(screen: &str) -> String {
    screen
        .lines()
        .nth(4)
        .and_then(|l| l.split('│').nth(3))
        .unwrap_or("")
        .trim()
        .to_string()
}

/// Kills the reader once its save has written the temporary file (the
/// save waits before the rename under PARALLAX_SAVE_PAUSE_MS).
fn kill_when_the_save_starts(s: &mut Session, dir: &std::path::Path) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let temp_written = || {
        std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            })
            .unwrap_or(false)
    };
    while !temp_written() {
        assert!(Instant::now() < deadline, "the save did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = nix::unistd::Pid::from_raw(s.child.process_id().unwrap() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL).unwrap();
    s.wait_exit();
}

#[test]
fn sigterm_saves_the_session_and_the_next_start_restores_it() {
    let state = state_dir("sigterm");
    let mut s = Session::start_with_state("restore-1", &state, &[]);
    let start = s.wait_text("pane 1 of 2: manning-sun-2023");
    let first_top = first_pane_top(&start);
    for _ in 0..4 {
        s.key("}");
    }
    let moved = s.wait_for("the pane to move", |screen| first_pane_top(screen) != first_top);
    let top = first_pane_top(&moved);
    let pid = nix::unistd::Pid::from_raw(s.child.process_id().unwrap() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    s.wait_exit();
    s.assert_restored();
    assert!(state.join("parallax/session.toml").exists());

    let s = Session::start_with_state("restore-2", &state, &[]);
    let screen = s.wait_text("pane 1 of 2: manning-sun-2023");
    assert_eq!(first_pane_top(&screen), top, "{screen}");
}

#[test]
fn a_kill_during_a_save_leaves_the_previous_session_whole() {
    let state = state_dir("kill");
    let file = state.join("parallax/session.toml");
    // A first session, saved on quit.
    let mut s = Session::start_with_state("kill-1", &state, &[]);
    s.wait_text("pane 1 of 2");
    s.key("}");
    s.key("}");
    s.key("q");
    s.wait_exit();
    let saved = std::fs::read_to_string(&file).unwrap();

    // A second one is killed while its save is paused before the rename.
    let mut s = Session::start_with_state("kill-2", &state, &[("PARALLAX_SAVE_PAUSE_MS", "20000")]);
    s.wait_text("pane 1 of 2");
    for _ in 0..5 {
        s.key("}");
    }
    s.key("q");
    kill_when_the_save_starts(&mut s, file.parent().unwrap());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        saved,
        "the previous session is intact"
    );

    // And it is what the next start takes up, without complaint, clearing
    // away the temporary file the killed save left.
    let s = Session::start_with_state("kill-3", &state, &[]);
    let screen = s.wait_text("pane 1 of 2");
    assert!(!screen.contains("set aside"), "{screen}");
    let left: Vec<String> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_damaged_session_is_kept_aside_with_a_notice() {
    let state = state_dir("damaged");
    std::fs::create_dir_all(state.join("parallax")).unwrap();
    std::fs::write(
        state.join("parallax/session.toml"),
        "version = \"what\"\x1b]0;pwned\x07",
    )
    .unwrap();
    let s = Session::start_with_state("damaged", &state, &[]);
    s.wait_text("Saved session set aside as session.toml.bak; starting afresh");
    assert!(state.join("parallax/session.toml.bak").exists());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(
        !raw.contains("\x1b]0;"),
        "nothing from the file reaches the terminal as a command"
    );
}

#[test]
fn a_hostile_article_cannot_command_the_terminal() {
    let dir = state_dir("hostile-article");
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/escape-sequences.md"
    );
    std::fs::copy(fixture, dir.join("escapes.md")).unwrap();
    let mut s = Session::start(
        "hostile",
        &["--articles", dir.to_str().unwrap(), "--open", "escapes"],
        120,
        30,
    );
    let screen = s.wait_text("pane 1 of 1: escapes");
    assert!(
        screen.contains("␛]0;pwned␇"),
        "the escape is shown as a placeholder:\n{screen}"
    );
    assert!(screen.contains("⟨U+202E⟩evil"), "{screen}");
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let raw = s.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    for sequence in [
        "\x1b]0;", "\x1b]2;", "\x1b]52;", "\x1bP", "\u{9b}", "\u{202e}", "\u{2066}", "\u{200f}",
    ] {
        assert!(!text.contains(sequence), "{sequence:?} reached the terminal");
    }
}

#[test]
fn a_resize_storm_and_held_keys_leave_the_reader_responsive_and_right() {
    let mut s = Session::start("storm", &[], 120, 36);
    s.wait_text("pane 1 of 2");
    for i in 0..300u16 {
        s.resize(60 + (i * 7) % 140, 15 + (i * 3) % 40);
    }
    s.resize(100, 30);
    // The size a key is read at is the one last reported before it: a
    // storm's late report would scroll the j's at another width than the k's.
    s.wait_for("the frame at 100x30", |screen| {
        let lines: Vec<&str> = screen.lines().collect();
        lines.len() == 30
            && lines[0].starts_with('┌')
            && lines[0].ends_with('┐')
            && lines[0].chars().count() == 100
            && lines[28].starts_with('└')
    });
    // A held-down key: hundreds of presses at once.
    s.send(&"j".repeat(400));
    s.send(&"k".repeat(400));
    s.key("\t");
    // The last frame is drawn for the last size: 30 rows, borders closed.
    let screen = s.wait_for("the last frame at 100x30", |screen| {
        screen.contains("pane 2 of 2: gabuev-2024") && screen.lines().count() == 30
    });
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[28].starts_with('└') && lines[0].starts_with('┌'), "{screen}");
    assert!(
        screen.contains("It may seem counterintuitive"),
        "400 down, 400 up: back at the top\n{screen}"
    );
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn ctrl_z_gives_the_terminal_back_then_takes_it_again() {
    // Under a shell with job control the process stops until `fg`; here its
    // process group has no shell, so the kernel lets it run on at once: what
    // can be seen is the terminal given back and taken again, whole.
    let mut s = Session::start("suspend", &[], 100, 30);
    s.wait_text("pane 1 of 2: manning-sun-2023");
    let before = s.raw.lock().unwrap().len();
    s.key("\x1a");
    s.wait_for("the reader to come back", |_| {
        let raw = s.raw.lock().unwrap();
        let after = String::from_utf8_lossy(&raw[before..]).to_string();
        after
            .find("\x1b[?1049l")
            .is_some_and(|left| after[left..].contains("\x1b[?1049h"))
    });
    s.key("\t");
    let screen = s.wait_text("pane 2 of 2: gabuev-2024");
    assert!(
        screen.contains("Washington Is Missing"),
        "the whole screen is drawn again:\n{screen}"
    );
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_user_keymap_rebinds_quit() {
    let dir = config_dir("keys");
    let file = dir.join("keys.toml");
    std::fs::write(&file, "[global]\nq = \"none\"\nQ = \"quit\"\n").unwrap();
    let mut s = Session::start("rebind", &["--keymap", file.to_str().unwrap()], 100, 30);
    s.wait_text("pane 1 of 2");
    s.key("q");
    // The reader is still there to show its help, which binds quit to Q alone.
    s.key("?");
    let screen = s.wait_text("Quit parallax");
    let line = screen.lines().find(|l| l.contains("Quit parallax")).unwrap();
    let keys: Vec<&str> = line
        .split("Quit parallax")
        .next()
        .unwrap()
        .split(|c: char| c == ',' || c.is_whitespace() || c == '│')
        .filter(|k| !k.is_empty())
        .collect();
    assert!(keys.contains(&"Q") && !keys.contains(&"q"), "quit is bound to {keys:?}");
    s.key("?");
    s.key("Q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_broken_keymap_line_is_reported_and_the_rest_of_the_file_applies() {
    let dir = config_dir("broken-keys");
    let file = dir.join("keys.toml");
    std::fs::write(
        &file,
        "[reader]\nj = \"scrol_down\"\nk = page_down\nctrl-y = \"page_down\"\n",
    )
    .unwrap();
    let mut s = Session::start("broken", &["--keymap", file.to_str().unwrap()], 120, 30);
    // Wait for the whole message: the screen may be read while it is being drawn.
    s.wait_for("the located error", |screen| {
        let message = boxed_text(screen, "Problems in your keymap");
        message.contains("keys.toml:2:5: error: unknown action `scrol_down`; did you mean `scroll_down`?")
            && message.contains("keys.toml:3:")
            && message.contains("the rest of the file applies")
            && message.contains("Press any key")
    });
    s.key("x");
    s.wait_for("the message to go", |s| !s.contains("Problems in your keymap"));
    // The valid line of the file applies: ctrl-y (unbound by default) pages down.
    s.key("\x19");
    s.wait_for("a page scrolled", |s| {
        !s.contains("It may seem counterintuitive, but the political")
    });
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores() {
    let mut s = Session::start("ctrl-c", &[], 100, 30);
    s.wait_text("pane 1 of 2");
    s.key("\x03");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in [nix::sys::signal::Signal::SIGTERM, nix::sys::signal::Signal::SIGHUP] {
        let mut s = Session::start("sigterm", &[], 100, 30);
        s.wait_text("pane 1 of 2");
        let pid = nix::unistd::Pid::from_raw(s.child.process_id().unwrap() as i32);
        nix::sys::signal::kill(pid, signal).unwrap();
        s.wait_exit();
        s.assert_restored();
    }
}

#[test]
fn a_closed_terminal_ends_the_reader() {
    use nix::pty::{ForkptyResult, forkpty};
    use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
    // The terminal goes away (its window is closed) while the reader runs:
    // the reader must end, not spin on a dead terminal.
    let program = std::ffi::CString::new(env!("CARGO_BIN_EXE_parallax")).unwrap();
    let config = std::ffi::CString::new(format!("XDG_CONFIG_HOME={}", config_dir("hangup").display())).unwrap();
    let term = std::ffi::CString::new("TERM=xterm-256color").unwrap();
    // SAFETY: the child only calls execve, which is async-signal-safe.
    let size = nix::pty::Winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let fork = unsafe { forkpty(Some(&size), None) }.expect("a pseudo-terminal");
    let ForkptyResult { master, fork_result } = fork;
    let child = match fork_result {
        nix::unistd::ForkResult::Child => {
            let _ = nix::unistd::execve(&program, &[program.as_c_str()], &[config.as_c_str(), term.as_c_str()]);
            std::process::exit(127);
        }
        nix::unistd::ForkResult::Parent { child } => child,
    };
    let mut master = std::fs::File::from(master);
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !String::from_utf8_lossy(&seen).contains("help") {
        let mut buf = [0u8; 4096];
        let n = master.read(&mut buf).unwrap_or(0);
        seen.extend_from_slice(&buf[..n]);
        assert!(Instant::now() < deadline && n > 0, "the reader did not start");
    }
    drop(master);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match waitpid(child, Some(WaitPidFlag::WNOHANG)).unwrap() {
            WaitStatus::StillAlive => {
                if Instant::now() > deadline {
                    let _ = nix::sys::signal::kill(child, nix::sys::signal::Signal::SIGKILL);
                    panic!("the reader still runs after its terminal closed");
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            status => {
                assert!(!matches!(status, WaitStatus::Exited(_, 101)), "it panicked: {status:?}");
                break;
            }
        }
    }
}

#[test]
fn a_panic_restores_the_terminal_then_prints_its_report() {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    command.env("PARALLAX_PANIC_AFTER_FIRST_FRAME", "1");
    let mut s = Session::start_command("panic", command, 100, 30);
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    let left = raw.rfind("\x1b[?1049l").expect("the alternate screen was left");
    let report = raw.find("panicked").expect("the panic report is printed");
    assert!(report > left, "the report comes after the restore");
}

#[test]
fn a_passage_placed_in_the_reader_is_in_themes_export_and_the_next_start() {
    let data = state_dir("own-map");
    let mut s = start_with_data("own-1", &data, &["--open", "gabuev-2024,manning-sun-2023"], &[]);
    place_a_passage(&mut s);
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();

    let themes = run_with_data(&data, &["themes"]);
    let row = themes
        .lines()
        .find(|l| l.starts_with("putin-s-staying-power"))
        .unwrap_or_else(|| panic!("{themes}"));
    assert!(row.contains("(yours)") && row.contains("x opposes (yours)"), "{row}");
    let export: serde_json::Value =
        serde_json::from_str(&run_with_data(&data, &["export", "--format", "json"])).unwrap();
    let theme = export["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "putin-s-staying-power")
        .unwrap();
    assert_eq!(theme["passages"][0]["quote"], PEELING, "the whole sentence");
    assert_eq!(
        theme["passages"][0]["summary"],
        "Gabuev sees no split coming while Putin rules."
    );
    assert_eq!(theme["passages"][0]["mine"], true);

    // The next start shows the theme in the sidebar, and jumps to it.
    let mut s = start_with_data("own-2", &data, &["--open", "manning-sun-2023,gabuev-2024"], &[]);
    s.wait_text("✎ Putin's staying");
    s.key("[");
    s.wait_text("theme: putin-s-staying-power");
    s.wait_text("hopes of peeling them away");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_kill_while_the_map_is_being_saved_leaves_the_last_whole_map() {
    let data = state_dir("own-kill");
    let mut s = start_with_data("own-kill-1", &data, &["--open", "gabuev-2024,manning-sun-2023"], &[]);
    place_a_passage(&mut s);
    s.key("q");
    s.wait_exit();
    let file = data.join("parallax/map.toml");
    let saved = std::fs::read_to_string(&file).unwrap();

    // A second reader records a view; its save is killed before the rename.
    let mut s = start_with_data(
        "own-kill-2",
        &data,
        &["--open", "gabuev-2024,manning-sun-2023"],
        &[("PARALLAX_SAVE_PAUSE_MS", "20000")],
    );
    s.wait_text("pane 1 of 2: gabuev-2024");
    s.key("]");
    s.wait_text("theme: wedge");
    s.key("V");
    s.wait_text("The stance toward the claim, one key:");
    s.key("~");
    s.key("Only for a while.");
    s.key("\r");
    kill_when_the_save_starts(&mut s, file.parent().unwrap());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), saved, "the last whole map");
    assert!(parallax::own_map::OwnMap::parse(&saved).is_ok());
    let themes = run_with_data(&data, &["themes"]);
    assert!(themes.contains("putin-s-staying-power"), "{themes}");
}

#[test]
fn r_and_enter_go_from_an_answer_to_the_passage_it_answers() {
    let mut s = Session::start(
        "relation",
        &["--open", "gabuev-2024,manning-sun-2023", "--theme", "kissinger"],
        140,
        40,
    );
    // Gabuev's first passage on the theme answers nobody; the next one
    // (Kissinger's offer set against what cannot be offered now) does.
    s.wait_text("x opposes · Gabuev recalls");
    s.key("n");
    s.wait_text("↔ answers Manning and Sun");
    s.key("r");
    s.wait_text("Who answers whom here");
    s.key("\r");
    let screen = s.wait_text("pane 2 of 2: manning-sun-2023");
    assert!(screen.contains("Sino-Soviet tensions were obvious"), "{screen}");
    s.key("\x0f");
    s.wait_text("pane 1 of 2: gabuev-2024");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn scrolling_through_text_terminals_disagree_on_leaves_no_debris() {
    let dir = state_dir("unicode-articles");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile/unicode.md"),
        dir.join("unicode.md"),
    )
    .unwrap();
    let mut s = Session::start(
        "unicode",
        &["--articles", dir.to_str().unwrap(), "--open", "unicode"],
        100,
        30,
    );
    // The first screen, whole and settled (the index for search built).
    let before = s.wait_for("the first screen", |screen| {
        screen.contains("A family") && screen.contains("? help") && !screen.contains("indexing")
    });
    // Every row keeps its borders: nothing drawn over them.
    let borders_intact = |screen: &str| {
        screen.lines().take(28).skip(1).all(|row| {
            let chars: Vec<char> = row.chars().collect();
            chars.first() == Some(&'│') && chars.last() == Some(&'│')
        })
    };
    assert!(borders_intact(&before), "{before}");
    for _ in 0..25 {
        s.key("j");
    }
    let top_row = |screen: &str| screen.lines().nth(4).unwrap_or("").to_string();
    let down = s.wait_for("the text to scroll", |screen| !top_row(screen).contains("A family"));
    assert!(borders_intact(&down), "{down}");
    for _ in 0..25 {
        s.key("k");
    }
    // Down and back up: the same screen, cell for cell.
    s.wait_for("the screen as it was before scrolling", |screen| screen == before);
    // The joined and modified sequences are drawn in a form terminals agree on.
    assert!(before.contains("flags UA CN RU US"), "{before}");
    assert!(!before.contains('\u{200d}'), "no zero-width joiner alone on screen");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_large_library_opens_takes_keys_and_then_offers_every_article() {
    let dir = std::env::temp_dir().join(format!("parallax-e2e-library-of-2000-{}", std::process::id()));
    copies::write_copies(&dir, 2000);
    // One article unlike the copies, last by name, to find once all have arrived.
    let last = corpus_article("zz-quagga-2024", "A Zebra Quagga Lexicon");
    std::fs::write(dir.join("zz-quagga-2024.md"), last).unwrap();
    let folder = dir.display().to_string();
    let mut s = Session::start("large", &["--articles", &folder], 120, 36);
    s.wait_text("pane 1 of 2: manning-sun-2023");
    s.key("j");
    s.wait_for("the pane to scroll", |screen| {
        !screen.contains("It may seem counterintuitive")
    });
    s.key("o");
    s.wait_text("Open article");
    s.key("quagga");
    s.wait_text("A Zebra Quagga Lexicon");
    s.key("\r");
    s.wait_text("pane 1 of 2: zz-quagga-2024");
    s.key("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A short article of our own with `id` and `title`.
fn corpus_article(id: &str, title: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"{title}\"\noutlet = \"Test\"\npublished = \"2024-01-01\"\nform = \"essay\"\nsource = \"Written for a test.\"\n\n[[authors]]\nname = \"A. Tester\"\n+++\n\nA paragraph of the article, long enough to be read as one.\n"
    )
}
