//! The keeper of the reader's own map: it writes the reader's changes,
//! watches the file for changes made elsewhere, and rebuilds the map the
//! reader sees (every passage anchored anew), on a thread of its own so that
//! the terminal never waits on a disk or on re-anchoring a large library.
//! Each answer is a [`Report`]; the reader takes it up in `update`.
//!
//! In tests the keeper answers inline, at once, in the same order.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use super::{Change, OwnMap, Store};
use crate::corpus::{Corpus, SourceFile};
use crate::debate::DebateMap;
use crate::wake::Waker;

/// How often the file is looked at for changes made elsewhere.
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
        requests: Sender<Request>,
        reports: Receiver<Report>,
    },
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
        let (request_tx, request_rx) = mpsc::channel::<Request>();
        let (report_tx, report_rx) = mpsc::channel();
        for report in reports {
            let _ = report_tx.send(report);
        }
        std::thread::Builder::new()
            .name("own map".into())
            .spawn(move || {
                loop {
                    let report = match request_rx.recv_timeout(WATCH_EVERY) {
                        Ok(request) => Some(keeping.answer(request)),
                        Err(RecvTimeoutError::Timeout) => keeping.watch(),
                        Err(RecvTimeoutError::Disconnected) => return,
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
                requests: request_tx,
                reports: report_rx,
            },
        }
    }

    pub fn send(&mut self, request: Request) {
        match &mut self.mode {
            Mode::Inline { keeping, reports } => reports.push_back(keeping.answer(request)),
            Mode::Thread { requests, .. } => {
                let _ = requests.send(request);
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
