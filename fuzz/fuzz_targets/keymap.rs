//! Any text as a user's keymap file: merged without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let (keymap, problems) = parallax::keymap::Keymap::with_user_file("fuzz.toml", &text);
    let _ = keymap.describe();
    for p in &problems {
        assert!(parallax::sanitize::is_clean(&p.to_string()));
    }
});
