//! What every import must give, whatever it was given: metadata and body
//! with no control character, and a body the article loader reads.

use parallax::import::Extracted;

pub fn check(extracted: &Extracted) {
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
}
