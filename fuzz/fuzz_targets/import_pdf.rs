//! Any bytes as a PDF, through the whole of importing one but the writing
//! (`import::convert_pdf`: parsing, glyphs, layout, metadata, cleaning):
//! no panic escapes (a damaged file is refused), and whatever body comes out
//! is an article the loader reads, with no control character in it or in
//! the metadata. Start from the seeds: PDFs of the shapes the tests make.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok((extracted, _)) = parallax::import::convert_pdf(bytes) else {
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
