//! The first frame as a user meets it: the real binary started in a
//! pseudo-terminal, timed until its screen shows the panes; then one key
//! pressed, timed until the pane has moved. And what the reader costs
//! while nothing happens: its CPU time over a few idle seconds.

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

/// A program running in a 120x36 pseudo-terminal, its screen kept up to date.
struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    pump: std::thread::JoinHandle<()>,
    began: Instant,
}

impl Running {
    /// Starts `program` with `args`, with fresh settings folders under `home`.
    fn spawn(program: &str, args: &[&str], home: &Path) -> Running {
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
        let writer = pty.master.take_writer().expect("the terminal can be written");
        let began = Instant::now();
        let child = pty.slave.spawn_command(command).expect("the reader starts");
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
        Running {
            child,
            writer,
            master: pty.master,
            parser,
            pump,
            began,
        }
    }

    /// Waits until the screen passes `done`; the moment it did.
    fn wait_for(&self, done: &dyn Fn(&vt100::Screen) -> bool) -> Instant {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if done(self.parser.lock().unwrap().screen()) {
                return Instant::now();
            }
            assert!(Instant::now() < deadline, "the reader did not draw in time");
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Quits with the keys of `quit`, one at a time, and waits for the end.
    fn quit(mut self, quit: &[&[u8]]) {
        for key in quit {
            self.send(key);
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.wait();
        drop(self.writer);
        drop(self.master);
        let _ = self.pump.join();
    }
}

/// Starts `program` with `args` in a 120x36 pseudo-terminal, with fresh
/// settings folders under `home`.
pub fn start(program: &str, args: &[&str], home: &Path) -> Start {
    let mut running = Running::spawn(program, args, home);
    let drawn = running.wait_for(&|screen| screen.contents().contains(DRAWN));
    let row = |screen: &vt100::Screen| screen.contents().lines().nth(FIRST_TEXT_ROW).unwrap_or("").to_string();
    let before = row(running.parser.lock().unwrap().screen());
    let pressed = Instant::now();
    running.send(b"j");
    let moved = running.wait_for(&|screen| row(screen) != before);
    let key_while_loading = running.screen().contains("loading ");
    let began = running.began;
    running.quit(&[b"q"]);
    Start {
        first_frame: drawn - began,
        key: moved - pressed,
        key_while_loading,
    }
}

/// A program left idle: started with `args`, drawn (its screen showing
/// `drawn`), then `keys` typed and their answer on screen (`answered`);
/// `quit` ends it, key by key (an Esc sent together with the next key would
/// read as alt and that key).
pub struct Idle<'a> {
    pub program: &'a str,
    pub args: Vec<&'a str>,
    pub drawn: &'a str,
    pub keys: &'a [u8],
    pub answered: &'a str,
    pub quit: &'a [&'a [u8]],
}

/// The share of one core (in percent) a program takes over `window` while
/// nothing happens.
pub fn idle_cpu(idle: &Idle, home: &Path, window: Duration) -> f64 {
    let mut running = Running::spawn(idle.program, &idle.args, home);
    running.wait_for(&|screen| screen.contents().contains(idle.drawn));
    running.send(idle.keys);
    running.wait_for(&|screen| screen.contents().contains(idle.answered));
    // Let whatever the keys started settle before measuring.
    std::thread::sleep(Duration::from_millis(500));
    let pid = running.child.process_id().expect("the program runs");
    let before = cpu_ticks(pid);
    std::thread::sleep(window);
    let used = cpu_ticks(pid) - before;
    running.quit(idle.quit);
    // Linux counts CPU time in clock ticks of 1/100 s.
    used as f64 / 100.0 / window.as_secs_f64() * 100.0
}

/// User and system CPU time of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process's stat");
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}
