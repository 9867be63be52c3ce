//! Any bytes as a saved web page, through the whole of `import` but the
//! writing (`import::convert`: the depth check, extraction, cleaning):
//! no panic, and whatever body comes out is an article the loader reads,
//! with no control character in it or in the metadata. Run with a large
//! `-max_len` (see the README) so that deep nesting is tried.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok((extracted, _)) = parallax::import::convert(&String::from_utf8_lossy(bytes), "html") else {
        return;
    };
    for line in extracted.title.iter().chain(&extracted.authors).chain(&extracted.outlet) {
        assert!(parallax::sanitize::is_clean(line), "{line:?}");
    }
    assert!(parallax::sanitize::is_clean(&extracted.body.replace('\n', " ")));
    let text = format!("+++\nid = \"fuzz\"\ntitle = \"T\"\n+++\n\n{}\n", extracted.body);
    let mut diagnostics = Vec::new();
    let article = parallax::corpus::parse_article("fuzz.md", text.as_bytes(), &mut diagnostics);
    assert!(article.is_some(), "{diagnostics:?}\n{text}");
    for block in &article.unwrap().blocks {
        assert!(parallax::sanitize::is_clean(&block.text));
    }
});
