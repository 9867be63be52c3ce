//! Writing a file so that it is never seen half-written: a temporary file
//! in the same folder, flushed, renamed over the old one, and the folder
//! flushed. A killed process leaves the old file whole; two processes
//! writing at once each rename a complete file. The session and the
//! reader's own map are written this way.

use std::io::Write;
use std::path::Path;

/// Replaces `path` with `bytes`, creating its folder if need be. The
/// temporary file's name is unique to this write (not only to the process
/// and the clock), so threads and processes writing at once never share
/// one. A file that already exists keeps its permissions.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let prefix = format!(".{}.", path.file_name().and_then(|n| n.to_str()).unwrap_or("file"));
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets what `File::create` would give it (read-write for
    // all less the umask), not a temporary file's owner-only mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    if let Ok(existing) = std::fs::metadata(path) {
        temp.as_file().set_permissions(existing.permissions())?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    pause_for_tests();
    // A failed rename removes the temporary file as the error is dropped.
    temp.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(dir)?.sync_all()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("parallax-atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn many_threads_writing_at_once_each_leave_a_whole_file_and_no_temporary_one() {
        let dir = dir("threads");
        let path = dir.join("file.txt");
        std::thread::scope(|scope| {
            for writer in 0..8u8 {
                let path = &path;
                scope.spawn(move || {
                    for _ in 0..100 {
                        write(path, &[b'a' + writer; 4096]).unwrap();
                    }
                });
            }
        });
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len(), 4096);
        assert!(bytes.iter().all(|b| *b == bytes[0]), "one writer's whole file");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["file.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_keeps_its_permissions_and_a_new_one_is_not_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = dir("modes");
        let path = dir.join("file.txt");
        write(&path, b"one").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_ne!(
            mode & 0o044,
            0,
            "readable by others unless the umask says not: {mode:o}"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&path, b"two").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }
}
