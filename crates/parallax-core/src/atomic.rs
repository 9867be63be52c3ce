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
    let dir = folder_of(path);
    let temp = temp_with(path, bytes)?;
    temp.as_file().sync_all()?;
    pause_for_tests();
    // A failed rename removes the temporary file as the error is dropped.
    temp.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(dir)?.sync_all()
}

/// Replaces `path` with what `write` writes, as [`write`] does, but flushes
/// neither: for
/// a cache, which a crash may cost (what reads it tells a torn file and
/// builds it again) but which is never seen half-written while the
/// machine runs. Temporary files of writers killed before are removed.
pub fn replace_unsynced(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    remove_stale(path);
    let mut temp = temp_with(path, &[])?;
    write(temp.as_file_mut())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A temporary file beside `path` holding `bytes`, not yet flushed.
fn temp_with(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir)?;
    // The process id in the name lets a later start tell a temporary file
    // whose writer died from one still being written (see remove_stale).
    let prefix = format!("{}{}.", temp_prefix(path), std::process::id());
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
    Ok(temp)
}

/// The start of the names of `path`'s temporary files: `.NAME.`.
fn temp_prefix(path: &Path) -> String {
    format!(".{}.", path.file_name().and_then(|n| n.to_str()).unwrap_or("file"))
}

/// Removes the temporary files beside `path` left by writers that are no
/// longer running (killed between writing and renaming).
pub fn remove_stale(path: &Path) {
    let prefix = temp_prefix(path);
    remove_stale_where(folder_of(path), |name| name.starts_with(&prefix));
}

/// Removes every temporary file in `dir`, whatever file it was for, left
/// by writers no longer running: what a killed bulk import left.
pub fn remove_stale_in(dir: &Path) {
    remove_stale_where(dir, |_| true);
}

fn remove_stale_where(dir: &Path, wanted: impl Fn(&str) -> bool) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str().filter(|n| wanted(n)) else {
            continue;
        };
        if writer_of(name).is_some_and(|pid| !running(pid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process that wrote a temporary file, from its name
/// `.NAME.PID.RANDOM.tmp`; None for any other name.
fn writer_of(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let mut parts = rest.rsplitn(3, '.');
    let (_random, pid, file) = (parts.next()?, parts.next()?, parts.next()?);
    if file.is_empty() {
        return None;
    }
    pid.parse().ok()
}

/// Whether a process with this id runs (where that cannot be told, it is
/// taken to run, so that nothing in use is removed).
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Moves a file that cannot be used out of the way, never deleting it nor
/// another set aside before: `NAME.bak`, else `NAME.2.bak`, `NAME.3.bak`...
/// Returns what became of it, for a notice.
pub fn set_aside(path: &Path) -> String {
    let file_name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut last_error = None;
    for n in 1..1000 {
        let name = match n {
            1 => format!("{file_name}.bak"),
            n => format!("{file_name}.{n}.bak"),
        };
        let backup = path.with_file_name(&name);
        // A hard link fails when the name is taken, so two readers setting
        // files aside at once never take the same name.
        let moved = match std::fs::hard_link(path, &backup) {
            Ok(()) => std::fs::remove_file(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            // No hard links here: a rename, once the name is seen free.
            Err(_) if !backup.exists() => std::fs::rename(path, &backup),
            Err(_) => continue,
        };
        match moved {
            Ok(()) => return crate::sanitize::clean_line(&format!("set aside as {name}")),
            Err(e) => last_error = Some(e),
        }
        break;
    }
    match last_error {
        Some(e) => format!("not used (it could not be set aside: {e})"),
        None => "not used (no free name to set it aside under)".to_string(),
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

/// Files written together, as a bulk import writes them: each to a
/// temporary name in its folder, not yet flushed; `commit` flushes them
/// all with one sync of the file system, renames each into place and
/// flushes the folders once. Until then no file is seen under its name, and
/// a crash leaves only temporary files (which `remove_stale_in` removes);
/// after it, every file is whole. One sync for the batch, not two a file.
#[derive(Debug, Default)]
pub struct Batch {
    pending: Vec<(tempfile::TempPath, std::path::PathBuf)>,
    /// The names the pending files will take.
    names: std::collections::HashSet<std::path::PathBuf>,
    /// When the first pending file was written.
    since: Option<std::time::Instant>,
}

/// A batch is put in place once it is this old, so that an import stopped
/// halfway loses at most about this much of what it had done.
const BATCH_AGE: std::time::Duration = std::time::Duration::from_secs(1);

impl Batch {
    /// Whether the batch is due to be committed: its first file is old enough.
    pub fn due(&self) -> bool {
        self.since.is_some_and(|t| t.elapsed() >= BATCH_AGE)
    }

    /// Writes `bytes` to a temporary file that `commit` will rename to `path`.
    pub fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let temp = temp_with(path, bytes)?;
        if !self.names.insert(path.to_path_buf()) {
            self.pending.retain(|(_, to)| to != path);
        }
        self.pending.push((temp.into_temp_path(), path.to_path_buf()));
        self.since.get_or_insert_with(std::time::Instant::now);
        Ok(())
    }

    /// Whether a file for `path` waits to be committed.
    pub fn holds(&self, path: &Path) -> bool {
        self.names.contains(path)
    }

    /// Flushes every file written, then puts each in place. On an error the
    /// files not yet renamed are removed, and the error says how many were.
    pub fn commit(self) -> std::io::Result<usize> {
        let Some((_, first)) = self.pending.first() else {
            return Ok(0);
        };
        sync_files(folder_of(first), &self.pending)?;
        let mut folders: Vec<std::path::PathBuf> = Vec::new();
        let mut placed = 0;
        for (temp, to) in self.pending {
            temp.persist(&to).map_err(|e| e.error)?;
            placed += 1;
            let folder = folder_of(&to).to_path_buf();
            if !folders.contains(&folder) {
                folders.push(folder);
            }
        }
        for folder in folders {
            std::fs::File::open(folder)?.sync_all()?;
        }
        Ok(placed)
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Every file's data on disk: on Linux one `syncfs` of the file system
/// they are on (they share a folder's), elsewhere each file flushed.
fn sync_files(folder: &Path, files: &[(tempfile::TempPath, std::path::PathBuf)]) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if files.iter().all(|(_, to)| folder_of(to) == folder) && rustix::fs::syncfs(std::fs::File::open(folder)?).is_ok() {
        return Ok(());
    }
    for (temp, _) in files {
        std::fs::File::open(temp)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod batch_tests {
    use super::*;

    #[test]
    fn a_batch_shows_nothing_until_committed_then_every_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
        std::fs::write(&b, "old").unwrap();
        let mut batch = Batch::default();
        batch.write(&a, b"first").unwrap();
        batch.write(&b, b"second").unwrap();
        batch.write(&a, b"first, again").unwrap();
        assert!(batch.holds(&a) && batch.holds(&b));
        assert!(!a.exists(), "nothing under its name before the commit");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "old");
        assert_eq!(batch.commit().unwrap(), 2);
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "first, again");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "second");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    }

    #[test]
    fn temporary_files_of_writers_that_died_are_removed_and_no_other_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let mine = std::process::id();
        let names = [
            format!(".smith-2024.md.{dead}.aB3xYz.tmp"),
            format!(".jones.md.{mine}.Qw7eRt.tmp"),
            format!(".notes.{dead}.tmp"),
            "smith-2024.md".to_string(),
        ];
        for name in &names {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_stale_in(dir.path());
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [names[1].clone(), names[2].clone(), names[3].clone()]);
    }

    #[test]
    fn a_batch_is_due_once_its_first_file_is_a_second_old() {
        let dir = tempfile::tempdir().unwrap();
        let mut batch = Batch::default();
        assert!(!batch.due(), "an empty batch is never due");
        batch.write(&dir.path().join("a.md"), b"x").unwrap();
        batch.since = std::time::Instant::now().checked_sub(BATCH_AGE * 2);
        batch.write(&dir.path().join("b.md"), b"x").unwrap();
        assert!(batch.due(), "a later write does not make the batch younger");
    }

    #[test]
    fn a_batch_dropped_uncommitted_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut batch = Batch::default();
        batch.write(&dir.path().join("a.md"), b"text").unwrap();
        drop(batch);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
