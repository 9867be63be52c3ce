//! Any bytes as an article file: parsed without a panic, and whatever is
//! kept is clean and laid out within its width.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let mut diagnostics = Vec::new();
    if let Some(article) = parallax::corpus::parse_article("fuzz.md", bytes, &mut diagnostics) {
        for block in &article.blocks {
            assert!(parallax::sanitize::is_clean(&block.text));
            let _ = block.sentences();
            let shown = parallax::layout::shown(block);
            for (_, range) in parallax::layout::wrap_shown(&shown, 17) {
                let _ = &shown.text[range];
            }
        }
    }
    for d in &diagnostics {
        assert!(parallax::sanitize::is_clean(&d.to_string()));
    }
});
