//! Writes a synthetic corpus for trying parallax on a large folder:
//! `cargo run --release --example synthetic_corpus -- DIR [ARTICLES] [WORDS]`,
//! then `parallax --articles DIR`.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: synthetic_corpus DIR [ARTICLES=1000] [WORDS=5000]");
        std::process::exit(2);
    };
    let articles = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let words = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(5000);
    let bytes = synthetic::write_corpus(std::path::Path::new(dir), articles, words, 200, 42);
    println!(
        "wrote {articles} articles and a map of 200 themes to {dir} ({:.1} MB)",
        bytes as f64 / 1e6
    );
}
