//! The keeper of the reader's own map: it writes the reader's changes,
//! watches the file for changes made elsewhere, and rebuilds the map the
//! reader sees (every passage anchored anew), on a thread of its own so that
//! the terminal never waits on a disk or on re-anchoring a large library.
//! Each answer is a [`Report`]; the reader takes it up in `update`.
//!
//! The file is watched through the file system's own notice of changes
//! (inotify on Linux, by `notify`) to the folders on its way, so that an
//! idle reader sleeps; where that cannot be had, it is looked at every
//! [`WATCH_EVERY`].
//!
//! In tests the keeper answers inline, at once, in the same order.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::Watcher;

use super::{Change, OwnMap, Store};
use crate::corpus::{Corpus, SourceFile};
use crate::debate::DebateMap;
use crate::wake::Waker;

/// How often the file is looked at for changes made elsewhere, where the
/// file system gives no notice of them.
const WATCH_EVERY: Duration = Duration::from_millis(400);

/// What the reader asks of the keeper.
#[derive(Debug)]
pub enum Request {
    Change(Change),
    Undo,
    Redo,
    /// The library grew: anchor the map in the whole of it.
    Corpus(Arc<Corpus>),
    /// Write the map as the reader sees it to another file.
    WriteTo(std::path::PathBuf),
}

/// The map after a request, or after the file changed elsewhere.
#[derive(Debug)]
pub struct Report {
    /// The bundled map and the reader's own, anchored in the corpus.
    pub map: DebateMap,
    pub own: OwnMap,
    /// For the status line; `None` when there is nothing to say.
    pub said: Option<String>,
    /// Changes not written to the file (it could not be written).
    pub unsaved: usize,
}

/// What the keeper works from.
struct Keeping {
    store: Store,
    corpus: Arc<Corpus>,
    /// The map files read before the reader's own (the bundled map).
    sources: Vec<SourceFile>,
}

impl Keeping {
    fn answer(&mut self, request: Request) -> Report {
        let said = match request {
            Request::Change(change) => {
                let outcome = self.store.change(change.clone());
                Some(self.say(change.said, outcome))
            }
            Request::Undo => Some(match self.store.undo() {
                Some((change, outcome)) => self.say(format!("Undone: {}", undone(&change.said)), outcome),
                None => "Nothing to undo in this session".into(),
            }),
            Request::Redo => Some(match self.store.redo() {
                Some((change, outcome)) => self.say(format!("Redone: {}", undone(&change.said)), outcome),
                None => "Nothing to redo".into(),
            }),
            Request::Corpus(corpus) => {
                self.corpus = corpus;
                None
            }
            Request::WriteTo(path) => Some(match self.store.write_to(&path) {
                Ok(()) => format!("Your map is written to {}", path.display()),
                Err(e) => format!("Your map could not be written to {}: {e}", path.display()),
            }),
        };
        self.report(said)
    }

    /// What a change came to, for the status line.
    fn say(&self, said: String, outcome: super::store::Outcome) -> String {
        let notes = outcome.notes.join("; ");
        match (outcome.failed, notes.is_empty()) {
            (Some(e), true) => format!("{said}, but your map could not be written ({e}); it is kept in memory"),
            (Some(e), false) => {
                format!("{said}; {notes}; but your map could not be written ({e}); it is kept in memory")
            }
            (None, false) => format!("{said}; {notes}"),
            (None, true) if self.store.path().is_some() => format!("{said} (saved to {})", self.store.name()),
            (None, true) => said,
        }
    }

    fn report(&self, said: Option<String>) -> Report {
        let own = self.store.map().clone();
        let source = own.source(&self.store.name());
        let (map, problems) = crate::debate::load_with_own(&self.corpus, &self.sources, Some(&source));
        let said = match (said, problems.len()) {
            (said, 0) => said,
            (said, n) => Some(format!(
                "{}({n} problem{} in your map: parallax check lists them)",
                said.map(|s| format!("{s} ")).unwrap_or_default(),
                if n == 1 { "" } else { "s" }
            )),
        };
        Report {
            map,
            own,
            said: said.map(|s| crate::sanitize::clean_line(&s)),
            unsaved: self.store.unsaved(),
        }
    }

    fn watch(&mut self) -> Option<Report> {
        let arrived = self.store.refresh()?;
        let said = format!("Your map changed {arrived}");
        Some(self.report(Some(said)))
    }
}

/// What a change said, as the thing undone or redone: without what it
/// says about undoing itself.
fn undone(said: &str) -> String {
    let said = said.split(" (u undoes").next().unwrap_or(said);
    let mut chars = said.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}

/// The reader's handle on the keeper.
pub struct Keeper {
    mode: Mode,
    /// Rung by the keeper's thread when a report is ready.
    pub waker: Waker,
    /// The map as last reported, for the reader's look-ups.
    own: OwnMap,
    path: Option<std::path::PathBuf>,
}

enum Mode {
    Inline {
        keeping: Box<Keeping>,
        reports: VecDeque<Report>,
    },
    Thread {
        requests: Requests,
        reports: Receiver<Report>,
    },
}

/// The way to the keeper's thread. Its watcher holds a sender of its own,
/// so the thread is told to stop when this goes, rather than left waiting
/// on a channel that never closes.
struct Requests(Sender<Message>);

impl Drop for Requests {
    fn drop(&mut self) {
        let _ = self.0.send(Message::Stop);
    }
}

/// What the keeper's thread is told.
enum Message {
    Request(Request),
    /// A folder on the way to the file changed.
    Look,
    /// The reader is done with the keeper.
    Stop,
}

/// The file system's notice of changes to the folders on the way to the
/// file: the nearest that exists, for the file itself and for where a link
/// leads.
struct Watch {
    watcher: notify::RecommendedWatcher,
    folders: Vec<PathBuf>,
}

impl Watch {
    /// Watches the folders of the file at `path`, telling the keeper's
    /// thread of every change in them; none where the file system cannot.
    fn start(path: &Path, tell: Sender<Message>) -> Option<Watch> {
        let watcher = notify::recommended_watcher(move |_| {
            let _ = tell.send(Message::Look);
        })
        .ok()?;
        let mut watch = Watch {
            watcher,
            folders: Vec::new(),
        };
        watch.follow(path).then_some(watch)
    }

    /// Watches the folders now on the way to the file (one may have come
    /// to exist, or gone); false when one cannot be watched.
    fn follow(&mut self, path: &Path) -> bool {
        let folders = folders_of(path);
        if folders == self.folders {
            return true;
        }
        for folder in &self.folders {
            let _ = self.watcher.unwatch(folder);
        }
        self.folders = folders;
        self.folders
            .iter()
            .all(|folder| self.watcher.watch(folder, notify::RecursiveMode::NonRecursive).is_ok())
    }
}

/// The nearest existing folder on the way to the file at `path`, and to
/// where it leads if it is a link.
fn folders_of(path: &Path) -> Vec<PathBuf> {
    let mut folders = Vec::new();
    for file in [path.to_path_buf(), super::store::resolve_links(path)] {
        let mut folder = file.parent().map(Path::to_path_buf).unwrap_or_default();
        while !folder.as_os_str().is_empty() && !folder.is_dir() {
            folder = folder.parent().map(Path::to_path_buf).unwrap_or_default();
        }
        let folder = if folder.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            folder
        };
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    folders
}

impl Keeper {
    /// A keeper answering at once, on the caller's thread.
    pub fn inline(store: Store, corpus: Arc<Corpus>, sources: Vec<SourceFile>) -> Keeper {
        Keeper {
            waker: Waker::default(),
            own: store.map().clone(),
            path: store.path().map(std::path::Path::to_path_buf),
            mode: Mode::Inline {
                keeping: Box::new(Keeping { store, corpus, sources }),
                reports: VecDeque::new(),
            },
        }
    }

    /// Moves the work to a thread of its own, which rings the waker when a
    /// report is ready and watches the file meanwhile.
    pub fn spawn(self) -> Keeper {
        let waker = self.waker.clone();
        let Mode::Inline { keeping, reports } = self.mode else {
            return self;
        };
        let mut keeping = *keeping;
        let (request_tx, request_rx) = mpsc::channel::<Message>();
        let (report_tx, report_rx) = mpsc::channel();
        for report in reports {
            let _ = report_tx.send(report);
        }
        let path = self.path.clone();
        let tell = request_tx.clone();
        std::thread::Builder::new()
            .name("own map".into())
            .spawn(move || {
                let mut watch = path.as_deref().and_then(|path| Watch::start(path, tell));
                loop {
                    let message = match watch {
                        Some(_) => request_rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                        None => request_rx.recv_timeout(WATCH_EVERY),
                    };
                    let report = match message {
                        Ok(Message::Request(request)) => Some(keeping.answer(request)),
                        Ok(Message::Look) | Err(RecvTimeoutError::Timeout) => {
                            if let (Some(watching), Some(path)) = (&mut watch, &path)
                                && !watching.follow(path)
                            {
                                watch = None;
                            }
                            keeping.watch()
                        }
                        Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                    };
                    if let Some(report) = report {
                        if report_tx.send(report).is_err() {
                            return;
                        }
                        waker.wake();
                    }
                }
            })
            .expect("a thread for the own map can be started");
        Keeper {
            waker: self.waker,
            own: self.own,
            path: self.path,
            mode: Mode::Thread {
                requests: Requests(request_tx),
                reports: report_rx,
            },
        }
    }

    pub fn send(&mut self, request: Request) {
        match &mut self.mode {
            Mode::Inline { keeping, reports } => reports.push_back(keeping.answer(request)),
            Mode::Thread { requests, .. } => {
                let _ = requests.0.send(Message::Request(request));
            }
        }
    }

    /// The next report, if one is ready.
    pub fn try_recv(&mut self) -> Option<Report> {
        let report = match &mut self.mode {
            Mode::Inline { reports, .. } => reports.pop_front(),
            Mode::Thread { reports, .. } => reports.try_recv().ok(),
        }?;
        self.own = report.own.clone();
        Some(report)
    }

    /// Looks at the file for changes made elsewhere now (the thread does so
    /// on its own).
    pub fn watch_now(&mut self) {
        if let Mode::Inline { keeping, reports } = &mut self.mode
            && let Some(report) = keeping.watch()
        {
            reports.push_back(report);
        }
    }

    /// The map as last reported.
    pub fn own(&self) -> &OwnMap {
        &self.own
    }

    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }
}

impl std::fmt::Debug for Keeper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keeper")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::own_map::{Change, Op, OwnPassage};

    /// The folders watched for a file: the nearest that exists on its way,
    /// and, for a link, on the way to where it leads.
    #[test]
    fn the_nearest_existing_folders_on_the_way_are_watched() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().to_path_buf();
        let file = root.join("a/b/map.toml");
        assert_eq!(folders_of(&file), vec![root.clone()]);
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        assert_eq!(folders_of(&file), vec![root.join("a/b")]);
        let elsewhere = root.join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(elsewhere.join("map.toml"), root.join("a/b/link.toml")).unwrap();
        assert_eq!(
            folders_of(&root.join("a/b/link.toml")),
            vec![root.join("a/b"), elsewhere]
        );
    }

    /// A watch follows the file's folder once it is made: a change there is
    /// told, where before only the nearest existing folder was watched.
    #[test]
    fn a_watch_follows_the_folder_once_it_is_made() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().to_path_buf();
        let file = root.join("new/map.toml");
        let (tell, told) = mpsc::channel();
        let mut watch = Watch::start(&file, tell).expect("the file system tells of changes here");
        assert_eq!(watch.folders, vec![root.clone()]);
        std::fs::create_dir(root.join("new")).unwrap();
        told.recv_timeout(Duration::from_secs(10))
            .expect("the folder made is told");
        assert!(watch.follow(&file));
        assert_eq!(watch.folders, vec![root.join("new")]);
        while told.try_recv().is_ok() {}
        std::fs::write(&file, "").unwrap();
        assert!(matches!(told.recv_timeout(Duration::from_secs(10)), Ok(Message::Look)));
    }

    /// A keeper on its thread, its map's folder not made yet, is told of the
    /// map another writer makes there, and of that writer's next change (by
    /// then only the new folder tells of it), with nothing asked of it.
    #[test]
    fn a_keeper_on_its_thread_sees_a_map_made_where_there_was_no_folder() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("new/folder/map.toml");
        let corpus = Arc::new(crate::corpus::load(&crate::corpus::bundled_sources()).corpus);
        let keeper = Keeper::inline(Store::open(Some(&path)).0, corpus, crate::corpus::bundled_maps());
        let mut keeper = keeper.spawn();
        let (mut other, _) = Store::open(Some(&path));
        for (n, quote) in ["Just a decade ago", "no reverse Kissinger"].into_iter().enumerate() {
            let passage = OwnPassage {
                id: other.map().new_id(),
                theme: "wedge".into(),
                article: "gabuev-2024".into(),
                quote: quote.into(),
                prefix: None,
                suffix: None,
                stance: crate::debate::Stance::Opposes,
                summary: "Placed elsewhere.".into(),
            };
            let outcome = other.change(Change {
                ops: vec![Op::AddPassage(passage)],
                said: "Placed".into(),
            });
            assert_eq!(outcome.failed, None);
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            let report = loop {
                if let Some(report) = keeper.try_recv()
                    && report.own.passages.len() == n + 1
                {
                    break report;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "no report of change {n} made elsewhere"
                );
                std::thread::sleep(Duration::from_millis(20));
            };
            assert!(
                report
                    .said
                    .as_deref()
                    .is_some_and(|s| s.starts_with("Your map changed")),
                "{:?}",
                report.said
            );
        }
    }
}
