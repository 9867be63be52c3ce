//! A large library for measurement and tests: the bundled articles copied
//! under new ids, with the bundled map. Generated on demand, never committed.

use std::path::Path;

/// The library of bundled articles copied under new ids until there are
/// `articles`, with the bundled map, in `dir`. Returns the bytes written.
pub fn write_copies(dir: &Path, articles: usize) -> u64 {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("the folder can be made");
    let bundled = parallax::corpus::bundled_sources();
    let mut bytes = 0;
    let file_name = |name: &str| Path::new(name).file_name().expect("a file name").to_owned();
    for source in parallax::corpus::bundled_maps().iter().chain(&bundled) {
        std::fs::write(dir.join(file_name(&source.name)), &source.bytes).expect("a file can be written");
        bytes += source.bytes.len() as u64;
    }
    for copy in 0..articles.saturating_sub(bundled.len()) {
        let source = &bundled[copy % bundled.len()];
        let text = String::from_utf8_lossy(&source.bytes);
        let name = file_name(&source.name);
        let id = name.to_string_lossy();
        let id = id.trim_end_matches(".md");
        let new_id = format!("{id}-copy-{copy:05}");
        let text = text.replacen(&format!("id = \"{id}\""), &format!("id = \"{new_id}\""), 1);
        std::fs::write(dir.join(format!("{new_id}.md")), &text).expect("a file can be written");
        bytes += text.len() as u64;
    }
    bytes
}
