//! A library's search index, kept between runs of `parallax search`: read
//! from the cache when nothing it was built from has changed since, else
//! built from the files and saved for the next run. The files are always
//! looked at first (listed, and each one's size, times and inode taken);
//! the cache is never trusted over them.

use std::sync::Arc;

use super::{Files, Source, files, valid};
use crate::error::Error;
use crate::search::SearchIndex;
use crate::search::saved::{self, Opened};

/// A file changed this recently may change again within the grain of the
/// file system's clock without its times showing it: an index built from
/// it is not saved.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(1);

/// How many libraries' indexes the cache keeps, the last used: each is
/// about the size of its articles' text.
const KEEP: usize = 8;

/// The library's search index and the warnings it was read with.
pub fn search_index(source: &Source) -> Result<Opened, Error> {
    // The reader's own map is read with the listing: its stamp is taken
    // before, so that a change made meanwhile is never keyed as read.
    let own_map = source
        .own_map()
        .filter(|path| path.exists())
        .map(|path| Stamp::of(&path));
    let files = files(source)?;
    let cache = cache_file(source);
    let key = Key::of(&files, source, own_map);
    if let (Some(cache), Some(key)) = (&cache, &key)
        && let Some(opened) = saved::open(cache, &key.bytes)
    {
        // Marked as used, so that the cache keeps it before others.
        let _ = std::fs::File::options()
            .write(true)
            .open(cache)
            .and_then(|file| file.set_modified(std::time::SystemTime::now()));
        return Ok(opened);
    }
    let mut library = valid(files.read_whole())?;
    let warnings: Vec<String> = library.diagnostics.iter().map(ToString::to_string).collect();
    let corpus = Arc::new(std::mem::take(&mut library.corpus));
    let index = SearchIndex::build(&corpus, &library.map);
    if let (Some(cache), Some(key)) = (cache, key)
        && key.settled
    {
        // A cache that cannot be written costs the next search its speed, nothing more.
        let _ = crate::atomic::replace_unsynced(&cache, |file| saved::save(&index, &key.bytes, &warnings, file));
        if let Some(folder) = cache.parent() {
            keep_last_used(folder, KEEP);
        }
    }
    Ok(Opened { index, warnings })
}

/// Removes all but the `keep` indexes of `folder` last used (written, or
/// read back).
fn keep_last_used(folder: &std::path::Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let mut indexes: Vec<(std::time::SystemTime, std::path::PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "index"))
        .filter_map(|path| Some((std::fs::metadata(&path).ok()?.modified().ok()?, path)))
        .collect();
    indexes.sort_by_key(|(used, _)| std::cmp::Reverse(*used));
    for (_, path) in indexes.into_iter().skip(keep) {
        let _ = std::fs::remove_file(path);
    }
}

/// Where the index of the library read from `source` is kept:
/// `$XDG_CACHE_HOME/parallax/search/UUID.index`, named from its folder.
fn cache_file(source: &Source) -> Option<std::path::PathBuf> {
    let place = match &source.dir {
        Some(dir) => std::fs::canonicalize(dir).ok()?.into_os_string().into_encoded_bytes(),
        None => b"bundled".to_vec(),
    };
    let name = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, &place);
    Some(crate::xdg::file("XDG_CACHE_HOME", ".cache", "search")?.join(format!("{name}.index")))
}

/// What an index is built from, as bytes to compare: this program, how
/// the library is read, and each of its files (its path, size, times and
/// inode; a map's whole text).
struct Key {
    bytes: Vec<u8>,
    /// Whether every file is older than [`SETTLED`].
    settled: bool,
}

impl Key {
    /// `own_map`: the stamp of the reader's own map, if there is one (none
    /// within when it could not be taken).
    fn of(files: &Files, source: &Source, own_map: Option<Option<Stamp>>) -> Option<Key> {
        let now = std::time::SystemTime::now();
        let mut key = Key {
            bytes: Vec::new(),
            settled: true,
        };
        key.stamp(&Stamp::of(&std::env::current_exe().ok()?)?, now);
        key.bytes.extend_from_slice(&source.max_file_mb.to_le_bytes());
        key.text(&source.dir.as_ref().map(|d| d.display().to_string()).unwrap_or_default());
        key.count(files.diagnostics.len());
        for diagnostic in &files.diagnostics {
            key.text(&diagnostic.to_string());
        }
        key.count(files.maps.len());
        for map in &files.maps {
            key.text(&map.name);
            key.count(map.bytes.len());
            key.bytes.extend_from_slice(&map.bytes);
        }
        match own_map {
            Some(stamp) => key.stamp(&stamp?, now),
            None => key.count(0),
        }
        let stamps = crate::cores::map_runs(&files.paths, crate::cores::available(), |_, run| {
            run.iter().map(|path| Stamp::of(path)).collect::<Option<Vec<Stamp>>>()
        });
        key.count(files.paths.len());
        for (path, stamp) in files
            .paths
            .iter()
            .zip(stamps.into_iter().collect::<Option<Vec<_>>>()?.iter().flatten())
        {
            key.text(&path.display().to_string());
            key.stamp(stamp, now);
        }
        Some(key)
    }

    fn count(&mut self, n: usize) {
        self.bytes.extend_from_slice(&(n as u64).to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.bytes.extend_from_slice(text.as_bytes());
    }

    fn stamp(&mut self, stamp: &Stamp, now: std::time::SystemTime) {
        for n in stamp.numbers {
            self.bytes.extend_from_slice(&n.to_le_bytes());
        }
        // A time in the future is as unsettled as one just past.
        let settled = |time: std::time::SystemTime| now.duration_since(time).is_ok_and(|age| age >= SETTLED);
        self.settled &= settled(stamp.modified) && settled(stamp.changed);
    }
}

/// What tells a file changed: its size, when its contents and its inode
/// last changed (to the nanosecond), and its inode and device.
struct Stamp {
    numbers: [i64; 7],
    modified: std::time::SystemTime,
    changed: std::time::SystemTime,
}

impl Stamp {
    #[cfg(unix)]
    fn of(path: &std::path::Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        let time = |seconds: i64, nanos: i64| {
            let since = std::time::Duration::new(seconds.unsigned_abs(), nanos.clamp(0, 999_999_999) as u32);
            if seconds >= 0 {
                std::time::UNIX_EPOCH + since
            } else {
                std::time::UNIX_EPOCH - since
            }
        };
        Some(Stamp {
            numbers: [
                meta.size() as i64,
                meta.mtime(),
                meta.mtime_nsec(),
                meta.ctime(),
                meta.ctime_nsec(),
                meta.ino() as i64,
                meta.dev() as i64,
            ],
            modified: time(meta.mtime(), meta.mtime_nsec()),
            changed: time(meta.ctime(), meta.ctime_nsec()),
        })
    }

    /// Without an inode's change time a file's change cannot be told for
    /// sure: no key, and no cache.
    #[cfg(not(unix))]
    fn of(_: &std::path::Path) -> Option<Stamp> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Of ten indexes, the eight last used stay; other files are left.
    #[test]
    fn the_cache_keeps_the_indexes_last_used() {
        let temp = tempfile::tempdir().unwrap();
        let folder = temp.path();
        let day = std::time::Duration::from_secs(86_400);
        let long_ago = std::time::SystemTime::now() - 30 * day;
        for n in 0..10u32 {
            let path = folder.join(format!("{n}.index"));
            std::fs::write(&path, "").unwrap();
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(long_ago + n * day).unwrap();
        }
        std::fs::write(folder.join("notes.txt"), "").unwrap();
        keep_last_used(folder, 8);
        let mut left: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "2.index",
                "3.index",
                "4.index",
                "5.index",
                "6.index",
                "7.index",
                "8.index",
                "9.index",
                "notes.txt"
            ]
        );
    }
}
