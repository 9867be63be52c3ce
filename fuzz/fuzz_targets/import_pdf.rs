//! Any bytes as a PDF, through the whole of importing one but the writing
//! (`import::convert_pdf`: parsing, glyphs, layout, metadata, cleaning):
//! no panic escapes (a damaged file is refused), and whatever body comes out
//! is an article the loader reads, with no control character in it or in
//! the metadata. Start from the seeds: PDFs of the shapes the tests make.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "shared/imported.rs"]
mod imported;

fuzz_target!(|bytes: &[u8]| {
    if let Ok((extracted, _)) = parallax::import::convert_pdf(bytes) {
        imported::check(&extracted);
    }
});
