//! What every part of the terminal benchmark shares: running a command to
//! its end, reading the search palette, and figures as they are printed.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{PARALLAX, pty};

/// Whether the palette shows `query` and the count of its results (not
/// "searching…" or an earlier query's).
pub(crate) fn results_shown(screen: &str, query: &str) -> bool {
    screen.lines().any(|line| {
        line.split_once("/ ").is_some_and(|(_, typed)| {
            typed.strip_prefix(query).is_some_and(|rest| {
                // Past the cursor, drawn as a bar after the last character.
                let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '▏');
                let count = rest.trim_start_matches(|c: char| c.is_ascii_digit());
                count.len() < rest.len() && count.starts_with(" result")
            })
        })
    })
}

/// Runs a command to its end, its output thrown away; its time and peak
/// memory (the last high-water mark read while it ran: the kernel's own
/// figure, from wait4, counts the benchmark's memory at the spawn).
pub(crate) fn run_whole(program: &str, args: &[String], home: &Path) -> (Duration, u64) {
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the program starts");
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break status;
        }
        peak = pty::high_water(child.id()).unwrap_or(peak);
        std::thread::sleep(Duration::from_micros(500));
    };
    let took = start.elapsed();
    // check exits with 1 when it finds problems; anything worse is a failure.
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "{program} {args:?} failed: {status}"
    );
    (took, peak)
}

/// Median, 99th percentile and maximum of some durations.
pub(crate) struct Figures {
    pub(crate) count: usize,
    pub(crate) median: Duration,
    pub(crate) p99: Duration,
    pub(crate) max: Duration,
}

impl Figures {
    pub(crate) fn of(mut samples: Vec<Duration>) -> Figures {
        samples.sort();
        let count = samples.len();
        let at = |share: usize| {
            samples
                .get((count * share / 100).min(count.saturating_sub(1)))
                .copied()
                .unwrap_or_default()
        };
        Figures {
            count,
            median: at(50),
            p99: at(99),
            max: samples.last().copied().unwrap_or_default(),
        }
    }
}

pub(crate) fn article_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

pub(crate) fn installed(program: &str) -> bool {
    program == PARALLAX || Command::new(program).arg("--version").output().is_ok()
}

pub(crate) fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

pub(crate) fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

pub(crate) fn millis(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub(crate) fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}
