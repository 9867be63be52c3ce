//! Any text as a debate map over the bundled articles: read without a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{self, Corpus, SourceFile};

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| corpus::load(&corpus::bundled_sources()).corpus)
}

fuzz_target!(|bytes: &[u8]| {
    let file = SourceFile { name: "fuzz.toml".into(), bytes: bytes.to_vec().into() };
    let (map, diagnostics) = parallax::debate::load(corpus(), &[file]);
    for theme in &map.themes {
        for passage in &theme.passages {
            let _ = passage.text(&corpus()[passage.article]);
        }
    }
    for d in &diagnostics {
        assert!(parallax::sanitize::is_clean(&d.to_string()));
    }
});
