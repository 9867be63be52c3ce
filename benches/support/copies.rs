//! A large library for measurement and tests: the bundled articles copied
//! under new ids, with the bundled map. Generated on demand, never committed.

use std::borrow::Cow;
use std::path::Path;

use parallax::corpus::{SourceFile, bundled_maps, bundled_sources};

/// The bundled articles and copies of them under new ids (`ID-copy-00000`,
/// named `ID-copy-00000.md`), `articles` in all.
pub fn sources(articles: usize) -> Vec<SourceFile> {
    let bundled: Vec<SourceFile> = bundled_sources()
        .into_iter()
        .map(|source| SourceFile {
            name: file_name(&source.name),
            bytes: source.bytes,
        })
        .collect();
    let mut all = bundled.clone();
    for copy in 0..articles.saturating_sub(bundled.len()) {
        let source = &bundled[copy % bundled.len()];
        let id = source.name.trim_end_matches(".md");
        let new_id = format!("{id}-copy-{copy:05}");
        let text = String::from_utf8_lossy(&source.bytes).replacen(
            &format!("id = \"{id}\""),
            &format!("id = \"{new_id}\""),
            1,
        );
        all.push(SourceFile {
            name: format!("{new_id}.md"),
            bytes: Cow::Owned(text.into_bytes()),
        });
    }
    all
}

fn file_name(name: &str) -> String {
    name.rsplit('/').next().unwrap_or(name).to_string()
}

/// Writes [`sources`] and the bundled map to `dir`. Returns the bytes written.
pub fn write_copies(dir: &Path, articles: usize) -> u64 {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("the folder can be made");
    let mut bytes = 0;
    for source in bundled_maps().into_iter().chain(sources(articles)) {
        std::fs::write(dir.join(file_name(&source.name)), &source.bytes).expect("a file can be written");
        bytes += source.bytes.len() as u64;
    }
    bytes
}
