//! The real binary in a real pseudo-terminal, as the end-to-end tests
//! drive it: keys in, screen read back, the terminal checked on the way out.

// Each test file uses the part of the harness it needs.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, for checks on the raw bytes.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

pub fn config_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Session {
    pub fn start(name: &str, args: &[&str], cols: u16, rows: u16) -> Session {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        command.args(args);
        Session::start_command(name, command, cols, rows)
    }

    /// Starts with the saved session kept in `state` (XDG_STATE_HOME).
    pub fn start_with_state(name: &str, state: &std::path::Path, env: &[(&str, &str)]) -> Session {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        command.env("PARALLAX_TEST_STATE_HOME", state);
        for (key, value) in env {
            command.env(key, value);
        }
        Session::start_command(name, command, 120, 36)
    }

    pub fn start_command(name: &str, mut command: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        command.env("TERM", "xterm-256color");
        let config = config_dir(name);
        command.env("XDG_CONFIG_HOME", &config);
        // Each test saves its session apart, unless it names the place.
        let state = command
            .get_env("PARALLAX_TEST_STATE_HOME")
            .map(std::path::PathBuf::from)
            .unwrap_or(config.join("state"));
        command.env("XDG_STATE_HOME", state);
        // The reader's own map too, unless the test names the place.
        let data = command
            .get_env("XDG_DATA_HOME")
            .map(std::path::PathBuf::from)
            .unwrap_or(config.join("data"));
        command.env("XDG_DATA_HOME", data);
        command.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(command).expect("the binary starts");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (sink, raw_sink) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session {
            master: pty.master,
            child,
            writer,
            parser,
            raw,
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends one key and gives the program a moment, so that an Esc is not
    /// read together with the next key as alt-key.
    pub fn key(&mut self, keys: &str) {
        self.send(keys);
        std::thread::sleep(Duration::from_millis(120));
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen once `found` holds and two reads 20 ms apart agree: a
    /// frame is written in several pieces, and a screen read between them
    /// would hold half of it.
    pub fn wait_for(&self, what: &str, found: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut last = String::new();
        loop {
            let screen = self.screen();
            if found(&screen) && screen == last {
                return screen;
            }
            last = screen.clone();
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.lock().unwrap().screen_mut().set_size(rows, cols);
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is as it was: main screen, cursor shown, no mouse
    /// reporting, and the line discipline back in cooked mode.
    pub fn assert_restored(&self) {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "left on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
        let termios = self.master.get_termios().expect("termios of the pty");
        let flags = termios.local_flags;
        use nix::sys::termios::LocalFlags;
        assert!(
            flags.contains(LocalFlags::ICANON) && flags.contains(LocalFlags::ECHO),
            "still in raw mode: {flags:?}"
        );
    }
}

impl Drop for Session {
    /// A failed test must not leave the program running.
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

pub fn state_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-e2e-state-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The reader started with its own map kept in `data` (XDG_DATA_HOME).
pub fn start_with_data(name: &str, data: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Session {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    command.args(args);
    command.env("XDG_DATA_HOME", data);
    for (key, value) in env {
        command.env(key, value);
    }
    Session::start_command(name, command, 140, 40)
}

/// A command line run of the binary with the reader's own map in `data`.
pub fn run_with_data(data: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub const PEELING: &str = "Any hopes of peeling them away from each other are nothing more than wishful thinking.";

/// In a reader whose first pane shows gabuev-2024: searches `words`, goes
/// to the Gabuev passage found, selects its sentence and opens the form
/// that places it on a theme.
pub fn tag_a_gabuev_sentence(s: &mut Session, words: &str) {
    s.wait_text("pane 1 of 2: gabuev-2024");
    s.key("/");
    s.wait_text("Search: # themes only");
    s.key(words);
    s.wait_for("results", |screen| screen.contains("passage gabuev-2024"));
    s.key("\r");
    s.wait_for("the jump", |screen| !screen.contains("Search: # themes only"));
    s.key("v");
    s.wait_text("Selecting:");
    s.key("t");
    s.wait_text("Place on a theme");
}

/// Search a Gabuev sentence, select it, place it on a new theme: the keys
/// of the scenario, as a person types them.
pub fn place_a_passage(s: &mut Session) {
    tag_a_gabuev_sentence(s, "peeling them away");
    s.key("Putin's staying power");
    s.wait_text("new theme “Putin's staying power”");
    s.key("\r");
    s.wait_text("What is the new theme's claim");
    s.key("Putin will outlast Western hopes of a split.");
    s.key("\r");
    s.wait_text("The stance toward the claim, one key:");
    s.key("x");
    s.wait_text("in your own words (Enter saves)");
    s.key("Gabuev sees no split coming while Putin rules.");
    s.key("\r");
    s.wait_text("Placed on “Putin's staying power”: x opposes");
}
