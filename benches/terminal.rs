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

#[path = "support/copies.rs"]
mod copies;
#[path = "support/pty.rs"]
mod pty;
#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pty::Running;

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
        first_frames(&root, &libraries);
    }
    if wanted("keys") {
        keys(&root, &libraries);
    }
    if wanted("command-line") {
        command_line(&root, &libraries);
    }
    if wanted("memory") {
        memory(&root, &libraries);
    }
    if wanted("import") {
        import(&root);
    }
    if wanted("idle") {
        idle(&root);
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

/// One row of first-frame starts: a program, its arguments, what its
/// screen shows once drawn, and whether its settings are kept between
/// starts (so that what it remembers is used).
struct Start<'a> {
    name: String,
    program: &'a str,
    args: Vec<String>,
    drawn: &'a dyn Fn(&str) -> bool,
    kept_home: bool,
}

fn first_frames(root: &Path, libraries: &Libraries) {
    let article = format!("{}/articles/gabuev-2024.md", env!("CARGO_MANIFEST_DIR"));
    let parallax_drawn = |screen: &str| screen.contains(DRAWN);
    // less's first screen ends with its prompt, the file's name.
    let less_drawn = |screen: &str| screen.lines().last().is_some_and(|l| l.contains("gabuev-2024.md"));
    let folder = |dir: &Path| vec!["--articles".to_string(), dir.display().to_string()];
    let open = |dir: &Path| {
        let mut args = folder(dir);
        args.extend(["--open".to_string(), "gurtov-2024,manning-sun-2023".to_string()]);
        args
    };
    let mut starts = vec![
        Start {
            name: "less, one bundled article".into(),
            program: "less",
            args: vec![article],
            drawn: &less_drawn,
            kept_home: false,
        },
        Start {
            name: "bundled (5 articles)".into(),
            program: PARALLAX,
            args: vec![],
            drawn: &parallax_drawn,
            kept_home: false,
        },
        Start {
            name: format!("{LARGE} articles named ID.md"),
            program: PARALLAX,
            args: folder(&libraries.copies),
            drawn: &parallax_drawn,
            kept_home: false,
        },
        Start {
            name: "500 named otherwise, first start".into(),
            program: PARALLAX,
            args: open(&libraries.renamed_small),
            drawn: &parallax_drawn,
            kept_home: false,
        },
        Start {
            name: format!("{LARGE} named otherwise, first start"),
            program: PARALLAX,
            args: open(&libraries.renamed),
            drawn: &parallax_drawn,
            kept_home: false,
        },
        Start {
            name: format!("{LARGE} named otherwise, later starts"),
            program: PARALLAX,
            args: open(&libraries.renamed),
            drawn: &parallax_drawn,
            kept_home: true,
        },
    ];
    if !installed("less") {
        println!("less is not installed (apt-get install less): the first row is left out");
        starts.remove(0);
    }
    // Later starts meet a library read whole once (as `check` reads it),
    // which remembers which file holds which article.
    for (row, start) in starts.iter().enumerate().filter(|(_, s)| s.kept_home) {
        let mut args = start.args.clone();
        args.truncate(2);
        args.insert(0, "check".into());
        run_whole(PARALLAX, &args, &root.join(format!("home-kept-{row}")));
    }
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); starts.len()];
    for run in 0..RUNS {
        for (row, start) in starts.iter().enumerate() {
            let home = match start.kept_home {
                true => root.join(format!("home-kept-{row}")),
                false => root.join(format!("home-{row}-{run}")),
            };
            let args: Vec<&str> = start.args.iter().map(String::as_str).collect();
            let running = Running::spawn(start.program, &args, &home);
            let drawn = running.wait_for(start.drawn);
            let began = running.began;
            running.quit(&[b"q"]);
            samples[row].push(drawn - began);
            if !start.kept_home {
                let _ = std::fs::remove_dir_all(&home);
            }
        }
    }
    println!("first frame, from the start until the screen is drawn, median of {RUNS} interleaved starts:");
    let medians: Vec<Duration> = samples.into_iter().map(|s| Figures::of(s).median).collect();
    let bundled = starts.iter().position(|s| s.name.starts_with("bundled")).unwrap();
    for (start, median) in starts.iter().zip(&medians) {
        let against = match start.program {
            "less" => String::new(),
            _ if start.name.starts_with("bundled") => match starts[0].program {
                "less" => format!("{:.2}x less (target: within 2x)", ratio(*median, medians[0])),
                _ => String::new(),
            },
            _ => format!(
                "{:.2}x the bundled (target: within 2x)",
                ratio(*median, medians[bundled])
            ),
        };
        println!("  {:<44} {:>9} {against}", start.name, millis(*median));
    }
    println!();
}

/// Queries typed one key at a time: phrases a reader remembers, names,
/// a typo, and the slow case, a common word and the start of the next.
const QUERIES: &[&str] = &[
    "increases o",
    "reverse kissinger",
    "revers kisinger",
    "240 billion",
    "nevsky",
    "marriage of convenience",
    "wedge",
    "junior partner",
    "power of siberia",
    "secondary sanctions",
    "the economic",
    "global south",
];

fn keys(root: &Path, libraries: &Libraries) {
    println!(
        "search, from a key to its results on screen, queries typed one key at a time ({} queries, a key after each answer):",
        QUERIES.len()
    );
    println!(
        "  {:<52} {:>6} {:>9} {:>9} {:>9} {:>12} {:>12}",
        "library", "keys", "median", "p99", "max", "first 2 keys", "later keys"
    );
    let bundled: [&str; 0] = [];
    let copies = ["--articles", path_str(&libraries.copies)];
    let generated = ["--articles", path_str(&libraries.generated)];
    let mut slowest = Vec::new();
    for (name, args) in [
        ("bundled (5 articles)".to_string(), &bundled[..]),
        (
            format!("{LARGE} copies of the bundled ({})", megabytes(libraries.copies_bytes)),
            &copies[..],
        ),
        (
            format!(
                "{LARGE} generated, no repeated sentence ({})",
                megabytes(libraries.generated_bytes)
            ),
            &generated[..],
        ),
    ] {
        let typed = type_queries(args, &root.join("home-keys"), QUERIES);
        let _ = std::fs::remove_dir_all(root.join("home-keys"));
        let all = Figures::of(typed.iter().flatten().copied().collect());
        let first = Figures::of(typed.iter().flat_map(|q| q.iter().take(2)).copied().collect());
        let later = Figures::of(typed.iter().flat_map(|q| q.iter().skip(2)).copied().collect());
        println!(
            "  {name:<52} {:>6} {:>9} {:>9} {:>9} {:>12} {:>12}",
            all.count,
            millis(all.median),
            millis(all.p99),
            millis(all.max),
            millis(first.median),
            millis(later.median)
        );
        slowest.push((name, typed));
    }
    println!("  the slowest keys (the query as typed so far):");
    for (name, typed) in slowest {
        let mut keys: Vec<(Duration, String)> = QUERIES
            .iter()
            .zip(&typed)
            .flat_map(|(query, times)| {
                query
                    .char_indices()
                    .zip(times)
                    .map(|((at, key), time)| (*time, query[..at + key.len_utf8()].to_string()))
            })
            .collect();
        keys.sort_by_key(|k| std::cmp::Reverse(k.0));
        let shown: Vec<String> = keys
            .iter()
            .take(4)
            .map(|(t, q)| format!("\"{q}\" {}", millis(*t)))
            .collect();
        println!("    {name}: {}", shown.join(", "));
    }
    println!("  target: median within 16 ms, p99 within 50 ms at {LARGE} articles");
    // The index is built when the palette first opens: the first search of
    // a session waits for it.
    for (name, args) in [
        (format!("{LARGE} copies of the bundled"), &copies[..]),
        (format!("{LARGE} generated"), &generated[..]),
    ] {
        let waits: Vec<Duration> = (0..3).map(|_| first_search(args, &root.join("home-first"))).collect();
        let _ = std::fs::remove_dir_all(root.join("home-first"));
        println!(
            "  first search of a session, {name}: `/` and a key to its results, median of 3: {}",
            millis(Figures::of(waits).median)
        );
    }
    println!();
}

/// Opens the reader on `args`, waits for the whole library, then opens the
/// palette and types a key: the time until its results are on screen.
fn first_search(args: &[&str], home: &Path) -> Duration {
    let mut reader = Running::spawn(PARALLAX, args, home);
    reader.wait_steady(
        &|screen| screen.contains(DRAWN) && !screen.contains("loading"),
        Duration::from_secs(1),
    );
    let pressed = Instant::now();
    reader.send(b"/");
    reader.wait_for(&|screen| screen.contains("Search:"));
    reader.send(b"w");
    let answered = reader.wait_for(&|screen| results_shown(screen, "w"));
    reader.quit(&[b"\x1b", b"q"]);
    answered - pressed
}

/// Opens the reader on `args` and, once the library is whole and indexed,
/// types each query into the search palette a key at a time, waiting for
/// each key's results. The time from each key to its results, by query.
fn type_queries(args: &[&str], home: &Path, queries: &[&str]) -> Vec<Vec<Duration>> {
    let mut reader = Running::spawn(PARALLAX, args, home);
    reader.wait_for(&|screen| screen.contains(DRAWN));
    // The palette says while the library loads or its index is built; the
    // index over the whole library follows the library's arrival.
    reader.send(b"/");
    reader.wait_steady(
        &|screen| screen.contains("Search:") && !screen.contains("indexing") && !screen.contains("loading"),
        Duration::from_secs(1),
    );
    reader.send(b"\x1b");
    reader.wait_for(&|screen| !screen.contains("Search:"));
    let mut typed = Vec::new();
    for query in queries {
        reader.send(b"/");
        reader.wait_for(&|screen| screen.contains("Search:"));
        let mut keys = Vec::new();
        for (at, key) in query.char_indices() {
            let prefix = &query[..at + key.len_utf8()];
            let pressed = Instant::now();
            reader.send(key.to_string().as_bytes());
            let answered = reader.wait_for(&|screen| results_shown(screen, prefix));
            keys.push(answered - pressed);
            // A brisk typist's pace, so that each key meets a settled reader.
            std::thread::sleep(Duration::from_millis(40));
        }
        typed.push(keys);
        reader.send(b"\x1b");
        reader.wait_for(&|screen| !screen.contains("Search:"));
    }
    reader.quit(&[b"q"]);
    typed
}

/// Whether the palette shows `query` and the count of its results (not
/// "searching…" or an earlier query's).
fn results_shown(screen: &str, query: &str) -> bool {
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

fn command_line(root: &Path, libraries: &Libraries) {
    let dir = path_str(&libraries.copies);
    let files: Vec<String> = article_files(&libraries.copies);
    let home = root.join("home-cli");
    let query = "increases o";
    println!(
        "the command line on the {LARGE} copies ({}), whole process, median of {RUNS} interleaved runs:",
        megabytes(libraries.copies_bytes)
    );
    let mut rows: Vec<(String, Vec<String>)> = vec![
        (
            format!("parallax search \"{query}\" --articles DIR"),
            ["search", query, "--articles", dir].map(String::from).to_vec(),
        ),
        (
            format!("rg -c \"{query}\" DIR"),
            ["-c", query, dir].map(String::from).to_vec(),
        ),
        (
            "parallax check --articles DIR".into(),
            ["check", "--articles", dir].map(String::from).to_vec(),
        ),
        ("cat DIR/*.md".into(), files),
        (
            "parallax list --articles DIR".into(),
            ["list", "--articles", dir].map(String::from).to_vec(),
        ),
    ];
    if !installed("rg") {
        println!("  rg is not installed (apt-get install ripgrep): its row is left out");
        rows.remove(1);
    }
    fn program(name: &str) -> &str {
        match name.split(' ').next().unwrap() {
            "parallax" => PARALLAX,
            other => other,
        }
    }
    let mut samples: Vec<Vec<(Duration, u64)>> = vec![Vec::new(); rows.len()];
    for _ in 0..RUNS {
        for (row, (name, args)) in rows.iter().enumerate() {
            samples[row].push(run_whole(program(name), args, &home));
        }
    }
    let medians: Vec<Duration> = samples
        .iter()
        .map(|s| Figures::of(s.iter().map(|(t, _)| *t).collect()).median)
        .collect();
    for (row, (name, _)) in rows.iter().enumerate() {
        let peak = samples[row].iter().map(|(_, m)| *m).max().unwrap_or(0);
        let against = match name.as_str() {
            n if n.starts_with("parallax search") => anchor_ratio(&rows, &medians, "rg", row, "5x"),
            n if n.starts_with("parallax") => anchor_ratio(&rows, &medians, "cat", row, "3x"),
            _ => String::new(),
        };
        println!(
            "  {name:<44} {:>9} {:>9} peak {against}",
            millis(medians[row]),
            megabytes(peak)
        );
    }
    let _ = std::fs::remove_dir_all(home);
    println!();
}

/// "N.NNx `anchor` (target: within `target`)", if the anchor was measured.
fn anchor_ratio(
    rows: &[(String, Vec<String>)],
    medians: &[Duration],
    anchor: &str,
    row: usize,
    target: &str,
) -> String {
    match rows.iter().position(|(name, _)| name.starts_with(anchor)) {
        Some(at) => format!(
            "{:.2}x {anchor} (target: within {target})",
            ratio(medians[row], medians[at])
        ),
        None => String::new(),
    }
}

/// Runs a command to its end, its output thrown away; its time and peak
/// memory (the last high-water mark read while it ran: the kernel's own
/// figure, from wait4, counts the benchmark's memory at the spawn).
fn run_whole(program: &str, args: &[String], home: &Path) -> (Duration, u64) {
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

fn memory(root: &Path, libraries: &Libraries) {
    println!(
        "memory (resident) of the reader, once the library has loaded and 2 s passed quietly, then after a search:"
    );
    for (name, dir, bytes) in [
        (
            format!("{LARGE} copies of the bundled"),
            &libraries.copies,
            libraries.copies_bytes,
        ),
        (
            format!("{LARGE} generated articles"),
            &libraries.generated,
            libraries.generated_bytes,
        ),
    ] {
        let home = root.join("home-memory");
        let mut reader = Running::spawn(PARALLAX, &["--articles", path_str(dir)], &home);
        reader.wait_steady(
            &|screen| screen.contains(DRAWN) && !screen.contains("loading") && !screen.contains("indexing"),
            Duration::from_secs(2),
        );
        let opened = pty::resident(reader.pid());
        reader.send(b"/");
        reader.wait_for(&|screen| screen.contains("Search:"));
        for (at, key) in "increases o".char_indices() {
            reader.send(key.to_string().as_bytes());
            reader.wait_for(&|screen| results_shown(screen, &"increases o"[..=at]));
        }
        let searched = pty::resident(reader.pid());
        reader.quit(&[b"\x1b", b"q"]);
        let _ = std::fs::remove_dir_all(&home);
        println!(
            "  {name:<32} corpus on disk {:>9}; opened {:>9} ({:.2}x); searched {:>9} ({:.2}x; target: within 1.5x)",
            megabytes(bytes),
            megabytes(opened),
            opened as f64 / bytes as f64,
            megabytes(searched),
            searched as f64 / bytes as f64
        );
    }
    if installed("less") {
        let article = format!("{}/articles/gabuev-2024.md", env!("CARGO_MANIFEST_DIR"));
        let less = Running::spawn("less", &[&article], &root.join("home-less"));
        less.wait_for(&|screen| screen.lines().last().is_some_and(|l| l.contains("gabuev-2024.md")));
        let resident = pty::resident(less.pid());
        less.quit(&[b"q"]);
        println!("  {:<32} {:>9}", "less on one article", megabytes(resident));
    }
    println!();
}

const PAGES: usize = 1000;
const PAGE: &str = include_str!("../tests/fixtures/import/plain.html");

fn import(root: &Path) {
    let pages = root.join("pages");
    let texts = root.join("texts");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::create_dir_all(&texts).unwrap();
    for n in 0..PAGES {
        // Each by another writer, as a library is: ids of their own.
        let page = PAGE
            .replace("<title>", &format!("<title>Page {n}: "))
            .replace("Okafor", &format!("Okafor{n}"));
        std::fs::write(pages.join(format!("page-{n:04}.html")), page).unwrap();
        let text = format!(
            "Notes {n} on the partnership\n\nBy Writer {n}\n\n{}",
            synthetic_paragraphs(n)
        );
        std::fs::write(texts.join(format!("notes-{n:04}.txt")), text).unwrap();
    }
    println!("import of {PAGES} files into a folder on the disk, whole process, median of 3 interleaved rounds:");
    for (name, from) in [("saved pages", &pages), ("text files", &texts)] {
        let mut ours = Vec::new();
        let mut copied = Vec::new();
        for round in 0..3 {
            let into = root.join(format!("imported-{round}"));
            let start = Instant::now();
            let status = Command::new(PARALLAX)
                .args(["import", path_str(from), "--into", path_str(&into)])
                .env("XDG_STATE_HOME", root.join("home-import"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            ours.push(start.elapsed());
            assert!(status.success());
            let copy = root.join(format!("copied-{round}"));
            let start = Instant::now();
            let status = Command::new("sh")
                .arg("-c")
                .arg(format!(
                    "cp -r '{}' '{}' && sync -f '{}'",
                    from.display(),
                    copy.display(),
                    copy.display()
                ))
                .status()
                .unwrap();
            copied.push(start.elapsed());
            assert!(status.success());
            let _ = std::fs::remove_dir_all(into);
            let _ = std::fs::remove_dir_all(copy);
        }
        let (ours, copied) = (Figures::of(ours).median, Figures::of(copied).median);
        println!(
            "  {name:<12} parallax import DIR {:>7.0} files/s; cp -r and sync {:>7.0} files/s ({:.1}x parallax)",
            PAGES as f64 / ours.as_secs_f64(),
            PAGES as f64 / copied.as_secs_f64(),
            ratio(ours, copied)
        );
    }
    println!();
}

/// Three paragraphs of generated prose, different for each `n`.
fn synthetic_paragraphs(n: usize) -> String {
    let words = [
        "partnership",
        "sanctions",
        "trade",
        "Moscow",
        "Beijing",
        "wedge",
        "energy",
        "security",
    ];
    (0..3)
        .map(|p| {
            (0..60)
                .map(|w| words[(n * 7 + p * 13 + w * w) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
                + "."
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// How long a reader is watched while nothing happens.
const IDLE: Duration = Duration::from_secs(20);

fn idle(root: &Path) {
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

/// Median, 99th percentile and maximum of some durations.
struct Figures {
    count: usize,
    median: Duration,
    p99: Duration,
    max: Duration,
}

impl Figures {
    fn of(mut samples: Vec<Duration>) -> Figures {
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

fn article_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

fn installed(program: &str) -> bool {
    program == PARALLAX || Command::new(program).arg("--version").output().is_ok()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn millis(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}
