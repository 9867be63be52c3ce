//! The first frame as a user meets it: the real binary started in a
//! pseudo-terminal, timed until its screen shows the panes; then one key
//! pressed, timed until the pane has moved.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What the status line shows once the first frame is drawn.
const DRAWN: &str = "pane 1 of 2";
/// The screen row of the first pane's first line of text.
const FIRST_TEXT_ROW: usize = 4;

/// One start: time to the first frame, and from a key to the pane moving.
pub struct Start {
    pub first_frame: Duration,
    pub key: Duration,
    /// Whether the library was still loading when the key was answered.
    pub key_while_loading: bool,
}

/// Starts `program` with `args` in a 120x36 pseudo-terminal, with fresh
/// settings folders under `home`.
pub fn start(program: &str, args: &[&str], home: &Path) -> Start {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 36,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.env("TERM", "xterm-256color");
    for (variable, folder) in [
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
    ] {
        command.env(variable, home.join(folder));
    }
    let parser = Arc::new(Mutex::new(vt100::Parser::new(36, 120, 0)));
    let mut reader = pty.master.try_clone_reader().expect("the terminal can be read");
    let mut writer = pty.master.take_writer().expect("the terminal can be written");
    let began = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("the reader starts");
    drop(pty.slave);
    let feed = Arc::clone(&parser);
    let pump = std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed.lock().unwrap().process(&buf[..n]);
        }
    });
    let wait_for = |done: &dyn Fn(&vt100::Screen) -> bool| -> Instant {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if done(parser.lock().unwrap().screen()) {
                return Instant::now();
            }
            assert!(Instant::now() < deadline, "the reader did not draw in time");
            std::thread::sleep(Duration::from_micros(200));
        }
    };
    let drawn = wait_for(&|screen| screen.contents().contains(DRAWN));
    let row = |screen: &vt100::Screen| screen.contents().lines().nth(FIRST_TEXT_ROW).unwrap_or("").to_string();
    let before = row(parser.lock().unwrap().screen());
    let pressed = Instant::now();
    writer.write_all(b"j").unwrap();
    writer.flush().unwrap();
    let moved = wait_for(&|screen| row(screen) != before);
    let key_while_loading = parser.lock().unwrap().screen().contents().contains("loading ");
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
    drop(writer);
    drop(pty.master);
    let _ = pump.join();
    Start {
        first_frame: drawn - began,
        key: moved - pressed,
        key_while_loading,
    }
}
