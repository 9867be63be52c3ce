//! Search speed: load + index time, per-keystroke latency over 100 queries
//! typed one character at a time (back to back, and for the large corpus
//! also at a typist's pace on the search thread), and peak memory, on the bundled corpus and
//! on 5,000 generated articles; and, in the same run, `fzf --filter` over
//! the same candidate lines for some of the queries.
//!
//! Run with `cargo bench --bench search`. It prints figures; it asserts nothing.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parallax::library;
use parallax::search::{Query, SearchIndex, Searcher};

const CHILD: &str = "PARALLAX_SEARCH_BENCH_CHILD";
const ARTICLES: usize = 5000;
const WORDS: usize = 5000;
/// How many of the queries are run whole by parallax and by `fzf --filter`
/// for the comparison (fzf takes seconds a query at 5,000 articles).
const COMPARED: usize = 20;

/// Queries a reader might type: remembered phrases, names, figures, typos.
const HANDWRITTEN: &[&str] = &[
    "reverse kissinger",
    "revers kisinger",
    "240 billion",
    "nevsky",
    "no limits",
    "marriage of convenience",
    "wedge",
    "double veto",
    "junior partner",
    "dual use",
    "machine tools",
    "power of siberia",
    "shanghai cooperation",
    "brics",
    "global south",
    "taiwan strait",
    "nuclear taboo",
    "armageddon",
    "secondary sanctions",
    "yuan",
    "zhongnanhai",
    "harbin institute",
    "crimea 2014",
    "sino-soviet split",
    "nixon",
    "wonderland",
    "vassal state",
    "partnership without limits",
    "quasi-alliance",
    "indivisibility of security",
    "von der leyen",
    "scholz",
    "electric vehicles",
    "south china sea",
    "philippines",
    "fentanyl",
    "win-win",
    "back-to-back",
    "gunpowder",
    "89 percent",
];

fn queries() -> Vec<String> {
    let words = synthetic::vocabulary();
    let mut rng = synthetic::Rng::new(7);
    let mut queries: Vec<String> = HANDWRITTEN.iter().map(|q| q.to_string()).collect();
    while queries.len() < 100 {
        let start = rng.below(words.len() - 3);
        let n = 1 + rng.below(3);
        let mut q = words[start..start + n].join(" ");
        if rng.below(3) == 0 && q.len() > 4 {
            // A typo: one letter left out.
            let at = 1 + rng.below(q.len() - 2);
            if q.is_char_boundary(at) && q.is_char_boundary(at + 1) {
                q.remove(at);
            }
        }
        queries.push(q);
    }
    queries
}

fn median_and_p99(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let p99 = samples[(samples.len() * 99 / 100).min(samples.len() - 1)];
    (samples[samples.len() / 2], p99)
}

/// The time between keys when typing: a brisk typist's ten a second.
const KEY_INTERVAL: Duration = Duration::from_millis(100);
/// How many of the queries are typed at that pace.
const TYPED: usize = 40;

/// Every prefix of every query, submitted as the palette submits them, one
/// after another or a key every `pace`: the time from each key to its results.
fn keystrokes(mut searcher: Searcher, queries: &[String], pace: Option<Duration>) -> Vec<Duration> {
    let mut samples = Vec::new();
    let mut generation = 0;
    for query in queries {
        let chars: Vec<char> = query.chars().collect();
        for n in 1..=chars.len() {
            let prefix: String = chars[..n].iter().collect();
            generation += 1;
            let start = Instant::now();
            searcher.submit(generation, &prefix);
            loop {
                match searcher.try_recv() {
                    Some(response) if response.generation == generation => break,
                    _ => std::thread::sleep(Duration::from_micros(100)),
                }
            }
            let elapsed = start.elapsed();
            samples.push(elapsed);
            if let Some(pace) = pace {
                std::thread::sleep(pace.saturating_sub(elapsed));
            }
        }
    }
    samples
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.to_string()))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// In a fresh process: load and index `dir` (or the bundled corpus), type
/// the queries, and report.
fn child(dir: &str) {
    let start = Instant::now();
    let folder = PathBuf::from(dir);
    let source = library::Source {
        dir: (!dir.is_empty()).then_some(folder),
        ..Default::default()
    };
    let library = library::load(&source).expect("the corpus loads");
    let loaded = start.elapsed();
    let corpus = Arc::new(library.corpus);
    let index = Arc::new(SearchIndex::build(&corpus, &library.map));
    let indexed = start.elapsed();
    let samples = keystrokes(Searcher::inline(Arc::clone(&index)), &queries(), None);
    let (median, p99) = median_and_p99(samples.clone());
    println!("articles {}", corpus.len());
    println!("candidates {}", index.len());
    println!("load_ms {:.1}", loaded.as_secs_f64() * 1e3);
    println!("load_index_ms {:.1}", indexed.as_secs_f64() * 1e3);
    println!("keystrokes {}", samples.len());
    println!("median_us {:.1}", median.as_secs_f64() * 1e6);
    println!("p99_us {:.1}", p99.as_secs_f64() * 1e6);
    if index.len() > 100_000 {
        let typed = &queries()[..TYPED];
        let (median, p99) = median_and_p99(keystrokes(
            Searcher::spawn(Arc::clone(&index), Default::default()),
            typed,
            Some(KEY_INTERVAL),
        ));
        println!("typed_median_us {:.1}", median.as_secs_f64() * 1e6);
        println!("typed_p99_us {:.1}", p99.as_secs_f64() * 1e6);
    }
    // After both runs: the search thread keeps the survivors of a finished scan.
    println!("peak_rss_kb {}", peak_rss_kb());
    // For the comparison: the same queries, whole, without narrowing.
    let mut whole = Vec::new();
    for query in queries().into_iter().take(COMPARED) {
        let start = Instant::now();
        let _ = index.search(&Query::parse(&query));
        whole.push(start.elapsed());
    }
    println!("whole_median_us {:.1}", median_and_p99(whole).0.as_secs_f64() * 1e6);
    let lines: String = (0..index.len() as u32)
        .map(|id| index.text(id).replace('\n', " ") + "\n")
        .collect();
    let file = std::env::temp_dir().join(format!("parallax-fzf-lines-{}.txt", std::process::id()));
    std::fs::write(&file, lines).expect("the candidate lines can be written");
    println!("lines_file {}", file.display());
}

fn run_child(dir: &str) -> std::collections::HashMap<String, String> {
    let output = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, dir)
        .output()
        .expect("the bench runs itself");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect()
}

/// Median time of `fzf --filter QUERY` over the lines, per whole query.
fn fzf(lines: &Path) -> Option<f64> {
    Command::new("fzf").arg("--version").output().ok()?;
    let mut samples = Vec::new();
    for query in queries().into_iter().take(COMPARED) {
        let input = std::fs::File::open(lines).ok()?;
        let start = Instant::now();
        let mut child = Command::new("fzf")
            .args(["--filter", &query])
            .stdin(input)
            .stdout(Stdio::null())
            .spawn()
            .ok()?;
        child.wait().ok()?;
        samples.push(start.elapsed());
    }
    Some(median_and_p99(samples).0.as_secs_f64() * 1e3)
}

fn directory_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn report(name: &str, figures: &std::collections::HashMap<String, String>, disk_bytes: u64) {
    let f = |k: &str| figures.get(k).cloned().unwrap_or_default();
    let rss_mb = f("peak_rss_kb").parse::<f64>().unwrap_or(0.0) / 1024.0;
    let disk_mb = disk_bytes as f64 / 1e6;
    println!(
        "{name}: {} articles, {} candidates, {:.1} MB on disk",
        f("articles"),
        f("candidates"),
        disk_mb
    );
    println!(
        "  load + index                    {:>9} ms   (load alone {} ms)",
        f("load_index_ms"),
        f("load_ms")
    );
    println!(
        "  keystroke, median ({} keys)   {:>9} us",
        f("keystrokes"),
        f("median_us")
    );
    println!("  keystroke, p99                  {:>9} us", f("p99_us"));
    if figures.contains_key("typed_median_us") {
        println!(
            "  typed, {} keys a second, on the search thread ({TYPED} queries): median {} us, p99 {} us",
            1000 / KEY_INTERVAL.as_millis(),
            f("typed_median_us"),
            f("typed_p99_us")
        );
    }
    println!(
        "  peak RSS                        {:>9.1} MB   ({:.1}x the corpus on disk)",
        rss_mb,
        rss_mb * 1.048576 / disk_mb.max(0.001)
    );
    let ours_ms = f("whole_median_us").parse::<f64>().unwrap_or(0.0) / 1e3;
    let lines = PathBuf::from(f("lines_file"));
    match fzf(&lines) {
        Some(theirs) => println!(
            "  whole query, median of {COMPARED}: parallax {ours_ms:.2} ms, fzf --filter {theirs:.2} ms (same lines; fzf is {:.1}x parallax)",
            theirs / ours_ms.max(1e-6)
        ),
        None => {
            println!("  fzf is not installed (apt-get install fzf): parallax alone, whole query median {ours_ms:.2} ms")
        }
    }
    let _ = std::fs::remove_file(lines);
}

fn main() {
    if let Ok(dir) = std::env::var(CHILD) {
        child(&dir);
        return;
    }
    println!("parallax search benchmark (2-core machine; figures vary, compare within one run)\n");
    let bundled_bytes: u64 = parallax::corpus::bundled_sources()
        .iter()
        .map(|s| s.bytes.len() as u64)
        .sum::<u64>()
        + parallax::corpus::bundled_maps()
            .iter()
            .map(|s| s.bytes.len() as u64)
            .sum::<u64>();
    report("bundled corpus", &run_child(""), bundled_bytes);
    println!();
    let dir = std::env::temp_dir().join(format!("parallax-bench-corpus-{}", std::process::id()));
    print!("generating {ARTICLES} articles of about {WORDS} words… ");
    let _ = std::io::stdout().flush();
    synthetic::write_corpus(&dir, ARTICLES, WORDS, 200, 42);
    println!("done");
    report(
        "synthetic corpus",
        &run_child(dir.to_str().unwrap()),
        directory_bytes(&dir),
    );
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "\ntargets: bundled keystroke median < 2 ms; {ARTICLES} articles: keystroke median < 30 ms, p99 < 100 ms, peak RSS < 3x the corpus on disk"
    );
}
