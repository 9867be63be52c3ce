//! Reader speed: startup of `parallax snapshot`, and the cost of one scroll
//! keypress (update + render) at the start, middle and end of an article.
//! What a user sees in a terminal (first frames, keys, memory, idle) is
//! measured by `cargo bench --bench terminal`.
//!
//! Run with `cargo bench --bench reader`. It prints figures; it asserts nothing.

use std::process::Command;
use std::time::{Duration, Instant};

use parallax::app::{Action, App, update};
use parallax::corpus::{self, Corpus};
use parallax::ids::ArticleIx;
use parallax::keymap::Keymap;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const STARTUP_RUNS: usize = 40;
const KEY_PRESSES: usize = 2000;

fn main() {
    println!("parallax reader benchmark (2-core machine figures vary; compare within one run)\n");
    startup();
    println!();
    scrolling();
}

fn median_and_p99(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let p99 = samples[(samples.len() * 99 / 100).min(samples.len() - 1)];
    (samples[samples.len() / 2], p99)
}

fn time_process(program: &str, args: &[&str]) -> Duration {
    let mut samples = Vec::with_capacity(STARTUP_RUNS);
    for _ in 0..STARTUP_RUNS {
        let start = Instant::now();
        let output = Command::new(program).args(args).output().expect("the program runs");
        samples.push(start.elapsed());
        assert!(
            output.status.success(),
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    median_and_p99(samples).0
}

/// Times the process start beside a bare ratatui program.
fn startup() {
    let root = env!("CARGO_MANIFEST_DIR");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let built = Command::new(cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "--example",
            "bare_side_by_side",
            "--bin",
            "parallax",
        ])
        .current_dir(root)
        .status()
        .expect("cargo runs");
    assert!(built.success());
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| format!("{root}/target"));
    let parallax = format!("{target}/release/parallax");
    let bare = format!("{target}/release/examples/bare_side_by_side");
    let left = format!("{root}/articles/manning-sun-2023.md");
    let right = format!("{root}/articles/gabuev-2024.md");
    let ours = time_process(&parallax, &["snapshot", "--width", "160", "--height", "45"]);
    let baseline = time_process(&bare, &[&left, &right]);
    println!("startup, whole process, median of {STARTUP_RUNS} runs at 160x45:");
    println!("  parallax snapshot (bundled corpus)        {:>8.2} ms", ms(ours));
    println!("  bare ratatui, two files side by side      {:>8.2} ms", ms(baseline));
    println!(
        "  ratio                                     {:>8.2}x (target: within 3x)",
        ms(ours) / ms(baseline)
    );
}

fn scrolling() {
    let bundled = corpus::load(&corpus::bundled_sources()).corpus;
    let longest = bundled.indices().max_by_key(|&i| bundled[i].word_count()).unwrap();
    let longest_id = bundled[longest].meta.id.clone();
    let synthetic = synthetic_article(&bundled, 2 * 1024 * 1024);
    println!("one scroll keypress (update + render of a 160x45 frame), {KEY_PRESSES} presses per place:");
    println!(
        "  {:<34} {:>8} {:>12} {:>12}",
        "article, place", "lines", "median", "p99"
    );
    for (name, corpus, article) in [
        (longest_id.as_str(), bundled, longest),
        ("synthetic 2 MB", synthetic, ArticleIx(0)),
    ] {
        let mut app = App::new(
            corpus,
            Default::default(),
            Keymap::defaults(),
            &[article],
            Rect::new(0, 0, 160, 45),
        );
        let lines = app.document(0).unwrap().lines.len();
        // The real backend, writing its escape sequences to nowhere, so that
        // the figures include diffing and encoding but no terminal.
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 160, 45)),
        };
        let mut terminal = Terminal::with_options(CrosstermBackend::new(std::io::sink()), options).unwrap();
        for (place, fraction) in [("start", 0.0), ("middle", 0.5), ("end", 0.97)] {
            update(&mut app, Action::Top);
            let target = (lines as f64 * fraction) as usize;
            while app.scroll_line(0) < target {
                let before = app.scroll_line(0);
                update(&mut app, Action::PageDown);
                if app.scroll_line(0) == before {
                    break;
                }
            }
            let mut samples = Vec::with_capacity(KEY_PRESSES);
            for i in 0..KEY_PRESSES {
                let action = if i % 2 == 0 {
                    Action::ScrollDown
                } else {
                    Action::ScrollUp
                };
                let start = Instant::now();
                update(&mut app, action);
                terminal.draw(|frame| parallax::ui::render(frame, &app)).unwrap();
                samples.push(start.elapsed());
            }
            let (median, p99) = median_and_p99(samples);
            println!(
                "  {:<34} {:>8} {:>9.1} us {:>9.1} us",
                format!("{name}, {place} (line {})", app.scroll_line(0)),
                lines,
                us(median),
                us(p99)
            );
        }
    }
    let (median, p99) = bare_frames();
    println!(
        "  {:<34} {:>8} {:>9.1} us {:>9.1} us",
        "bare ratatui frame, same screen",
        "",
        us(median),
        us(p99)
    );
    println!("  target: under 1 ms wherever the pane is; p99 on a shared 2-core machine includes preemption");
}

/// The cost of a frame for ratatui alone: a sidebar and two bordered panes
/// of ready-made lines, scrolled by one line each frame, to the same sink.
fn bare_frames() -> (Duration, Duration) {
    use ratatui::layout::{Constraint, Layout};
    use ratatui::widgets::{Block, Paragraph};
    let text: Vec<String> = (0..400)
        .map(|i| format!("{i:>4} the quick brown fox jumps over the lazy dog, again and again"))
        .collect();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 160, 45)),
    };
    let mut terminal = Terminal::with_options(CrosstermBackend::new(std::io::sink()), options).unwrap();
    let mut samples = Vec::with_capacity(KEY_PRESSES);
    for i in 0..KEY_PRESSES {
        let start = Instant::now();
        terminal
            .draw(|frame| {
                let [side, a, b] =
                    Layout::horizontal([Constraint::Length(32), Constraint::Fill(1), Constraint::Fill(1)])
                        .areas(frame.area());
                let lines = |from: usize| {
                    text[from..from + 45]
                        .iter()
                        .map(|l| ratatui::text::Line::raw(l.as_str()))
                        .collect::<Vec<_>>()
                };
                frame.render_widget(Paragraph::new(lines(0)).block(Block::bordered()), side);
                frame.render_widget(Paragraph::new(lines(i % 2)).block(Block::bordered()), a);
                frame.render_widget(Paragraph::new(lines(0)).block(Block::bordered()), b);
            })
            .unwrap();
        samples.push(start.elapsed());
    }
    median_and_p99(samples)
}

/// An article of about `bytes`, made of the bundled paragraphs repeated.
fn synthetic_article(bundled: &Corpus, bytes: usize) -> Corpus {
    let paragraphs: Vec<&str> = bundled
        .articles()
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.text.as_str()))
        .filter(|t| t.len() > 200)
        .collect();
    let mut text = String::from(
        "+++\nid = \"synthetic\"\ntitle = \"Synthetic\"\noutlet = \"Bench\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"Generated.\"\n\n[[authors]]\nname = \"Bench\"\n+++\n\n",
    );
    let mut i = 0;
    while text.len() < bytes {
        if i % 40 == 0 {
            text.push_str(&format!("## Section {}\n\n", i / 40 + 1));
        }
        text.push_str(paragraphs[i % paragraphs.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    let loaded = corpus::load(&[corpus::SourceFile {
        name: "synthetic.md".into(),
        bytes: std::borrow::Cow::Owned(text.into_bytes()),
    }]);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    loaded.corpus
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000_000.0
}
