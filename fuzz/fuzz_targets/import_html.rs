//! Any bytes as a saved web page: imported without a panic, and whatever
//! body comes out is an article the loader reads, with no control character.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let html = parallax::sanitize::clean(&String::from_utf8_lossy(bytes));
    let Ok(extracted) = parallax::import::extract_html(&html) else { return };
    if extracted.body.trim().is_empty() {
        return;
    }
    let text = format!("+++\nid = \"fuzz\"\ntitle = \"T\"\n+++\n\n{}\n", extracted.body);
    let mut diagnostics = Vec::new();
    let article = parallax::corpus::parse_article("fuzz.md", text.as_bytes(), &mut diagnostics);
    assert!(article.is_some(), "{diagnostics:?}\n{text}");
    for block in &article.unwrap().blocks {
        assert!(parallax::sanitize::is_clean(&block.text));
    }
});
