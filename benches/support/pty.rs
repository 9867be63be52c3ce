//! Programs run as a user meets them: in a pseudo-terminal of a given
//! size, their screen kept up to date by a terminal emulator, keys typed
//! in, the moment the screen shows something taken from outside. Also
//! what a process costs: its CPU time and memory, read from /proc.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Columns and rows of the pseudo-terminal.
pub const COLS: u16 = 160;
pub const ROWS: u16 = 45;

/// How long a screen is waited for before the benchmark gives up.
const PATIENCE: Duration = Duration::from_secs(120);

/// A program running in a pseudo-terminal, its screen kept up to date.
pub struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Bytes the program has written to the terminal so far.
    written: Arc<AtomicU64>,
    pump: std::thread::JoinHandle<()>,
    /// When the program was spawned.
    pub began: Instant,
}

impl Running {
    /// Starts `program` with `args`, with fresh settings folders under
    /// `home` (configuration, state, data and cache).
    pub fn spawn(program: &str, args: &[&str], home: &Path) -> Running {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
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
            ("XDG_CACHE_HOME", "cache"),
        ] {
            command.env(variable, home.join(folder));
        }
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let written = Arc::new(AtomicU64::new(0));
        let mut reader = pty.master.try_clone_reader().expect("the terminal can be read");
        let writer = pty.master.take_writer().expect("the terminal can be written");
        let began = Instant::now();
        let child = pty.slave.spawn_command(command).expect("the program starts");
        drop(pty.slave);
        let feed = Arc::clone(&parser);
        let count = Arc::clone(&written);
        let pump = std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                count.fetch_add(n as u64, Ordering::Relaxed);
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Running {
            child,
            writer,
            master: pty.master,
            parser,
            written,
            pump,
            began,
        }
    }

    /// Waits until the screen passes `done`; the moment it did.
    pub fn wait_for(&self, done: &dyn Fn(&str) -> bool) -> Instant {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if done(&self.screen()) {
                return Instant::now();
            }
            assert!(
                Instant::now() < deadline,
                "the screen did not come in time; it shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_micros(100));
        }
    }

    /// Waits until the screen has passed `done` for `steady` without a break.
    pub fn wait_steady(&self, done: &dyn Fn(&str) -> bool, steady: Duration) {
        let deadline = Instant::now() + PATIENCE;
        let mut since: Option<Instant> = None;
        while since.is_none_or(|at| at.elapsed() < steady) {
            since = match done(&self.screen()) {
                true => since.or(Some(Instant::now())),
                false => None,
            };
            assert!(Instant::now() < deadline, "the screen did not settle in time");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// The screen's text, row by row.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Bytes written to the terminal since the start.
    pub fn written(&self) -> u64 {
        self.written.load(Ordering::Relaxed)
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the program runs")
    }

    pub fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Quits with the keys of `quit`, one at a time (an Esc sent together
    /// with the next key would read as alt and that key), and waits for
    /// the end.
    pub fn quit(mut self, quit: &[&[u8]]) {
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

/// User and system CPU time of a process, in clock ticks of 1/100 s.
pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process's stat");
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

/// The resident memory of a process, in bytes.
pub fn resident(pid: u32) -> u64 {
    status_bytes(pid, "VmRSS:").expect("a resident size")
}

/// The most resident memory a process has had so far, in bytes (none once
/// it has ended).
pub fn high_water(pid: u32) -> Option<u64> {
    status_bytes(pid, "VmHWM:")
}

fn status_bytes(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kib = status.lines().find_map(|line| line.strip_prefix(field))?;
    Some(kib.trim().trim_end_matches("kB").trim().parse::<u64>().ok()? * 1024)
}
