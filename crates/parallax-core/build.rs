//! Embeds every article (and debate map) in the repository's `articles/`
//! into the binary, so `parallax` works from any directory and a file added
//! there is picked up by the next build.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the articles/ folder is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            path.is_file() && !name.starts_with('.') && name != "README.md" && (ext == "md" || ext == "toml")
        })
        .collect();
    files.sort();
    let mut code = String::from(
        "/// The bundled files: (path shown in messages, contents).\npub static BUNDLED: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).expect("file names are UTF-8");
        writeln!(
            code,
            "    (\"articles/{name}\", include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
