//! What the export tests share: a format's real client, run on a file and
//! read back as JSON, and the bundled map with a reader's own map over it.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Runs `.ci/<folder>/check.py` (a client of the format, from PyPI) on
/// `files` and reads what it printed.
pub fn read_back(folder: &str, files: &[&Path]) -> Value {
    let script = format!("{}/.ci/{folder}/check.py", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .arg(script)
        .args(files)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 is needed for this test ({e}), with the packages in .ci/{folder}/requirements.txt")
        });
    assert!(
        out.status.success(),
        "the client refused the export (pip install -r .ci/{folder}/requirements.txt if it is missing): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The bundled corpus, and the bundled map with the own map at `own` over it.
pub fn bundled_with_own(own: &Path) -> (parallax::corpus::Corpus, parallax::debate::DebateMap) {
    let corpus = parallax::corpus::load(&parallax::corpus::bundled_sources()).corpus;
    let own = parallax::corpus::SourceFile {
        name: "map.toml".into(),
        bytes: std::borrow::Cow::Owned(std::fs::read(own).unwrap()),
    };
    let (map, problems) = parallax::debate::load_with_own(&corpus, &parallax::corpus::bundled_maps(), Some(&own));
    assert!(problems.is_empty(), "{problems:?}");
    (corpus, map)
}
