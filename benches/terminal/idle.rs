//! CPU and bytes written to the terminal while nothing happens.

use std::path::Path;
use std::time::Duration;

use crate::common::{installed, results_shown};
use crate::pty::{self, Running};
use crate::{DRAWN, PARALLAX};

/// How long a reader is watched while nothing happens.
const IDLE: Duration = Duration::from_secs(20);

pub(crate) fn idle(root: &Path) {
    let article = format!("{}/articles/gabuev-2024.md", env!("CARGO_MANIFEST_DIR"));
    println!(
        "idle over {} s, nothing on screen changing: share of a core, bytes written to the terminal:",
        IDLE.as_secs()
    );
    let cases = [
        Idle {
            name: "parallax, nothing pressed",
            program: PARALLAX,
            args: vec![],
            keys: b"",
            quit: &[b"q"],
        },
        Idle {
            name: "parallax, search palette open on results",
            program: PARALLAX,
            args: vec![],
            keys: b"/nevsky",
            quit: &[b"\x1b", b"q"],
        },
        Idle {
            name: "less on one article",
            program: "less",
            args: vec![article.as_str()],
            keys: b"",
            quit: &[b"q"],
        },
    ];
    for Idle {
        name,
        program,
        args,
        keys,
        quit,
    } in cases
    {
        if !installed(program) {
            println!("  {name:<44} {program} is not installed");
            continue;
        }
        let mut running = Running::spawn(program, &args, &root.join("home-idle"));
        running.wait_for(&|screen| screen.contains(DRAWN) || screen.contains("gabuev-2024.md"));
        running.send(keys);
        if !keys.is_empty() {
            running.wait_for(&|screen| results_shown(screen, "nevsky"));
        }
        // Let whatever the keys started settle before measuring.
        std::thread::sleep(Duration::from_secs(1));
        let (ticks, bytes) = (pty::cpu_ticks(running.pid()), running.written());
        std::thread::sleep(IDLE);
        let used = pty::cpu_ticks(running.pid()) - ticks;
        let written = running.written() - bytes;
        running.quit(quit);
        println!(
            "  {name:<44} {:>6.2}% {written:>6} bytes",
            used as f64 / 100.0 / IDLE.as_secs_f64() * 100.0
        );
    }
    let _ = std::fs::remove_dir_all(root.join("home-idle"));
    println!("  target: 0.00% and no bytes");
}

/// A program left idle: started, `keys` typed and answered, then watched.
struct Idle<'a> {
    name: &'a str,
    program: &'a str,
    args: Vec<&'a str>,
    keys: &'a [u8],
    quit: &'a [&'a [u8]],
}
