//! Writing a file so that it is never seen half-written: a temporary file
//! in the same folder, flushed, renamed over the old one, and the folder
//! flushed. A killed process leaves the old file whole; two processes
//! writing at once each rename a complete file. The session and the
//! reader's own map are written this way.

use std::io::Write;
use std::path::Path;

/// Replaces `path` with `bytes`, creating its folder if need be.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let unique = format!(
        ".{}.{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let temp = dir.join(unique);
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        pause_for_tests();
        std::fs::rename(&temp, path)?;
        std::fs::File::open(dir)?.sync_all()
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Moves a file that cannot be used out of the way, as `NAME.bak`, never
/// deleting it. Returns what became of it, for a notice.
pub fn set_aside(path: &Path) -> String {
    let backup = path.with_extension(match path.extension() {
        Some(ext) => format!("{}.bak", ext.to_string_lossy()),
        None => "bak".to_string(),
    });
    let name = backup
        .file_name()
        .map_or_else(|| backup.display().to_string(), |n| n.to_string_lossy().into_owned());
    match std::fs::rename(path, &backup) {
        Ok(()) => format!("set aside as {name}"),
        Err(e) => format!("not used (it could not be set aside: {e})"),
    }
}

/// Fault injection for the tests that kill the process mid-save: with
/// `PARALLAX_SAVE_PAUSE_MS` set, a save waits after writing the temporary
/// file and before renaming it.
fn pause_for_tests() {
    if let Some(ms) = std::env::var("PARALLAX_SAVE_PAUSE_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
