//! Any bytes as a saved web page, through the whole of `import` but the
//! writing (`import::convert`: the depth check, extraction, cleaning):
//! no panic, and whatever body comes out is an article the loader reads,
//! with no control character in it or in the metadata. Run with a large
//! `-max_len` (see the README) so that deep nesting is tried.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "shared/imported.rs"]
mod imported;

fuzz_target!(|bytes: &[u8]| {
    if let Ok((extracted, _)) = parallax::import::convert(&String::from_utf8_lossy(bytes), "html") {
        imported::check(&extracted);
    }
});
