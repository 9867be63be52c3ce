//! Where parallax keeps a user's files, after the XDG base directories.

use std::path::PathBuf;

/// `$VAR/parallax/NAME`, or `~/FALLBACK/parallax/NAME` when the variable is
/// unset or empty (e.g. `XDG_STATE_HOME`, `.local/state`).
pub fn file(var: &str, fallback: &str, name: &str) -> Option<PathBuf> {
    let base = std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(fallback)))?;
    Some(base.join("parallax").join(name))
}
