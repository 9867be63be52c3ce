//! The reader's own map in its file, shared with other readers and editors.
//!
//! A save takes an advisory lock (a `.NAME.lock` file beside the map, since
//! the map itself is replaced on every write), reads the file as it stands,
//! gives ids to records written by hand without one, applies this reader's
//! changes to it as operations (see [`super::change`]), writes it atomically
//! and lets go. A symlinked map is written through to its target. A change
//! that could not be written is kept and tried again at the next save; the
//! reader is told, and asked before quitting.

use std::path::{Path, PathBuf};

use super::change::Mode;
use super::{Change, OwnMap, Unusable};

/// The reader's own map as held while the reader runs.
#[derive(Debug, Default)]
pub struct Store {
    path: Option<PathBuf>,
    /// The file as last read or written here.
    base: OwnMap,
    /// What the reader sees: the file, and the changes not yet written.
    map: OwnMap,
    /// The file's identity when last read or written, to see it change.
    stamp: Option<Stamp>,
    undo: Vec<Change>,
    redo: Vec<Change>,
    unsaved: Vec<(Change, Mode)>,
    /// Whether stale temporary files beside the map were looked for.
    swept: bool,
}

/// What a change, an undo or a redo came to.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// What to say beyond the change itself (what arrived, what was set aside).
    pub notes: Vec<String>,
    /// Why the file could not be written; the change is kept in memory.
    pub failed: Option<String>,
}

/// Enough of a file's metadata to see that it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

impl Store {
    /// Opens the map at `path` (none: kept in memory only). A damaged file
    /// is set aside. Returns what the reader should be told.
    pub fn open(path: Option<&Path>) -> (Store, Option<String>) {
        let mut store = Store {
            path: path.map(Path::to_path_buf),
            ..Store::default()
        };
        let Some(path) = path else { return (store, None) };
        let target = resolve_links(path);
        let notice = match super::read(&target) {
            Ok(None) => None,
            Ok(Some((_, mut map))) => {
                map.identify();
                store.base = map.clone();
                store.map = map;
                store.stamp = stamp(&target);
                None
            }
            Err(Unusable::Damaged(problem)) => Some(format!(
                "{problem}; {}, and a new one is started",
                crate::atomic::set_aside(&target)
            )),
            // Never written over: every save reads it again first, and
            // writes once it is a map file again, or gone.
            Err(Unusable::Unreadable(problem)) => Some(format!(
                "{problem}; your changes are kept in memory until it can be written (move it out of the way)"
            )),
        };
        (store, notice)
    }

    /// The map as the reader sees it.
    pub fn map(&self) -> &OwnMap {
        &self.map
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file's name as messages give it.
    pub fn name(&self) -> String {
        self.path.as_ref().map_or_else(
            || "your map".to_string(),
            |p| crate::sanitize::clean_line(&p.display().to_string()),
        )
    }

    /// How many changes are made but not written.
    pub fn unsaved(&self) -> usize {
        self.unsaved.len()
    }

    /// Makes the reader's change and writes it.
    pub fn change(&mut self, change: Change) -> Outcome {
        self.redo.clear();
        self.undo.push(change.clone());
        self.commit(change, Mode::Ours)
    }

    /// Takes back this reader's last change; `None` when there is none.
    /// Returns the change taken back, and what became of it.
    pub fn undo(&mut self) -> Option<(Change, Outcome)> {
        let change = self.undo.pop()?;
        self.redo.push(change.clone());
        let outcome = self.commit(change.inverse(), Mode::Careful);
        Some((change, outcome))
    }

    pub fn redo(&mut self) -> Option<(Change, Outcome)> {
        let change = self.redo.pop()?;
        self.undo.push(change.clone());
        let outcome = self.commit(change.clone(), Mode::Careful);
        Some((change, outcome))
    }

    fn commit(&mut self, change: Change, mode: Mode) -> Outcome {
        let in_memory = change.apply(&mut self.map, mode);
        self.unsaved.push((change, mode));
        let (mut outcome, applied) = self.save();
        if !applied {
            // The file was not read: what the change did in memory is what happened.
            outcome.notes.splice(0..0, in_memory);
        }
        outcome
    }

    /// Writes the changes not yet written into the file as it stands;
    /// says whether they were applied to it (even if writing then failed).
    fn save(&mut self) -> (Outcome, bool) {
        let mut outcome = Outcome::default();
        let Some(path) = self.path.clone() else {
            self.unsaved.clear();
            self.base = self.map.clone();
            return (outcome, false);
        };
        let target = resolve_links(&path);
        let _lock = match lock(&target) {
            Ok(lock) => lock,
            Err(e) => {
                outcome.failed = Some(format!("{} could not be locked: {e}", self.name()));
                return (outcome, false);
            }
        };
        let mut theirs = match super::read(&target) {
            Ok(Some((_, map))) => map,
            Ok(None) => {
                if self.stamp.is_some() {
                    outcome
                        .notes
                        .push(format!("{} was removed elsewhere; written again", self.name()));
                }
                OwnMap::default()
            }
            Err(Unusable::Damaged(problem)) => {
                let kept = crate::atomic::set_aside(&target);
                outcome.notes.push(format!("{problem} elsewhere: {kept}"));
                self.base.clone()
            }
            Err(Unusable::Unreadable(problem)) => {
                outcome.failed = Some(problem);
                return (outcome, false);
            }
        };
        theirs.identify();
        if let Some(arrived) = arrived(&self.base, &theirs) {
            outcome.notes.push(arrived);
        }
        self.base = theirs.clone();
        for (change, mode) in &self.unsaved {
            outcome.notes.extend(change.apply(&mut theirs, *mode));
        }
        self.map = theirs;
        // Temporary files left by processes that died mid-save are removed
        // before the first write, not at the start: finding them lists the
        // map's folder, which in a library of thousands of articles is a
        // millisecond of the first frame.
        if !self.swept {
            crate::atomic::remove_stale(&target);
            self.swept = true;
        }
        match crate::atomic::write(&target, self.map.to_toml().as_bytes()) {
            Ok(()) => {
                self.base = self.map.clone();
                self.unsaved.clear();
                self.stamp = stamp(&target);
            }
            Err(e) => outcome.failed = Some(format!("{} could not be written: {e}", self.name())),
        }
        (outcome, true)
    }

    /// Takes up what another reader or an editor wrote since the file was
    /// last read or written here; says what arrived, if anything did. A
    /// file that is not a map now (an editor half-way through) waits.
    pub fn refresh(&mut self) -> Option<String> {
        let target = resolve_links(self.path.as_ref()?);
        let now = stamp(&target);
        if now == self.stamp {
            return None;
        }
        self.stamp = now;
        let mut theirs = match super::read(&target) {
            Ok(Some((_, map))) => map,
            Ok(None) => {
                return Some(format!(
                    "{} was removed elsewhere; your next change writes it again",
                    self.name()
                ));
            }
            Err(_) => return None,
        };
        theirs.identify();
        let said = arrived(&self.base, &theirs);
        self.base = theirs.clone();
        for (change, mode) in &self.unsaved {
            change.apply(&mut theirs, *mode);
        }
        self.map = theirs;
        said
    }

    /// Writes the map as the reader sees it to `path` (for a reader who
    /// cannot save to the usual place and is leaving).
    pub fn write_to(&self, path: &Path) -> std::io::Result<()> {
        crate::atomic::write(path, self.map.to_toml().as_bytes())
    }
}

/// What changed from `base` to `now`, said in a line; `None` when nothing did.
fn arrived(base: &OwnMap, now: &OwnMap) -> Option<String> {
    let added = now.passages.iter().filter(|p| base.passage(&p.id).is_none()).count();
    let removed = base.passages.iter().filter(|p| now.passage(&p.id).is_none()).count();
    let changed = now
        .passages
        .iter()
        .filter(|p| base.passage(&p.id).is_some_and(|b| b != *p))
        .count();
    let themes = now.themes != base.themes;
    let views = now.views != base.views;
    let mut parts = Vec::new();
    for (n, what) in [(added, "added"), (changed, "changed"), (removed, "removed")] {
        if n > 0 {
            parts.push(format!("{n} passage{} {what}", if n == 1 { "" } else { "s" }));
        }
    }
    if themes {
        parts.push("themes changed".into());
    }
    if views {
        parts.push("views changed".into());
    }
    (!parts.is_empty()).then(|| format!("from elsewhere: {}", parts.join(", ")))
}

/// Where a link (or a chain of them) ends, so that the file written is the
/// target and the link stays a link.
pub(super) fn resolve_links(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&path) {
            Ok(target) if target.is_absolute() => path = target,
            Ok(target) => path = path.parent().unwrap_or(Path::new(".")).join(target),
            Err(_) => break,
        }
    }
    path
}

fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&metadata);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        len: metadata.len(),
        modified: metadata.modified().ok(),
        inode,
    })
}

/// Holds the lock on the map at `target` until dropped. Where the file
/// system has no locks, saves go on without one.
fn lock(target: &Path) -> std::io::Result<Option<std::fs::File>> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("map");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(format!(".{name}.lock")))?;
    match file.lock() {
        Ok(()) => Ok(Some(file)),
        Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(None),
        Err(e) => Err(e),
    }
}
