//! Opening a large library in two stages: the articles the first frame
//! shows at once, every other on a thread of its own while the reader runs.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::{Library, Source, files};
use crate::corpus;
use crate::error::Error;

/// Libraries of up to this many articles are read whole before the first
/// frame: that takes a few tens of milliseconds at most.
pub const WHOLE_UP_TO: usize = 100;

/// A library as the reader opens it.
pub enum Opening {
    Whole(Library),
    /// The articles the first frame needs, and the rest on their way.
    Staged(Library, Loading),
}

/// The whole library, being read on a thread of its own.
pub struct Loading {
    library: Receiver<Library>,
    /// Articles read so far (the first stage's included), of how many.
    done: Arc<AtomicUsize>,
    /// Set once the whole library is sent.
    sent: Arc<AtomicBool>,
    total: usize,
    /// The command that lists the library's problems.
    pub check: String,
    /// Rung when the whole library is there to take.
    pub waker: crate::wake::Waker,
    /// Sent to let the reading of the rest begin (see [`Loading::begin`]).
    begin: Option<mpsc::Sender<()>>,
}

/// What became of the loading.
pub enum Arrival {
    NotYet,
    Arrived(Box<Library>),
    /// The loading thread ended without a library.
    Failed,
}

impl Loading {
    /// Lets the rest of the library be read. Held back until the reader's
    /// first frame is out: thousands of articles read at once allocate
    /// memory fast enough to slow every other thread of the process, the
    /// one drawing the first frame among them.
    pub fn begin(&mut self) {
        if let Some(begin) = self.begin.take() {
            let _ = begin.send(());
        }
    }

    /// Whether the whole library is there to take.
    pub fn arrived(&self) -> bool {
        self.sent.load(Ordering::Acquire)
    }

    /// Articles read so far, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed).min(self.total), self.total)
    }

    pub fn try_take(&self) -> Arrival {
        match self.library.try_recv() {
            Ok(library) => Arrival::Arrived(Box::new(library)),
            Err(TryRecvError::Empty) => Arrival::NotYet,
            Err(TryRecvError::Disconnected) => Arrival::Failed,
        }
    }

    /// Waits for the whole library (for a snapshot, which shows it whole).
    pub fn wait(&mut self) -> Arrival {
        self.begin();
        match self.library.recv() {
            Ok(library) => Arrival::Arrived(Box::new(library)),
            Err(_) => Arrival::Failed,
        }
    }
}

/// Opens the library of `source` showing the articles `wanted` (ids) first.
///
/// A library of up to [`WHOLE_UP_TO`] articles is read whole. A larger one
/// is read in two stages: first the wanted articles, found by the file name
/// `ID.md` that `parallax import` gives (or, when none is found, the first
/// two files by name), with the maps anchored in them; then, on a thread of
/// its own, every article, the maps anchored in all of them. When `required`
/// and a wanted article is not found by its file name, the library is read
/// whole, so that it is looked for in every file. When `spare_a_core`, the
/// rest is read on one core fewer than the machine has, so that the reader
/// stays quick to answer meanwhile.
pub fn open(source: &Source, wanted: &[String], required: bool, spare_a_core: bool) -> Result<Opening, Error> {
    let files = files(source)?;
    if files.bundled.len() + files.paths.len() <= WHOLE_UP_TO {
        return Ok(Opening::Whole(files.read_whole()));
    }
    let bundled = corpus::load(&files.bundled);
    let remembered = match (&files.names, &files.folder) {
        (Some(names), Some(folder)) => super::names::remembered(names, folder),
        _ => Default::default(),
    };
    // Each wanted id: bundled, or the position of its file, `ID.md` or the
    // one the last whole reading found it in. The paths are in the order of
    // their bytes, so a path is found without reading them all.
    let listed_at = |file: &Path| {
        let key = file.as_os_str().as_encoded_bytes();
        files
            .paths
            .binary_search_by(|p| p.as_os_str().as_encoded_bytes().cmp(key))
            .ok()
    };
    let places: Vec<(bool, Option<usize>)> = wanted
        .iter()
        .map(|id| {
            let by_name = files
                .folder
                .as_ref()
                .and_then(|folder| listed_at(&folder.join(format!("{id}.md"))))
                .or_else(|| listed_at(remembered.get(id.as_str())?));
            (bundled.corpus.get(id).is_some(), by_name)
        })
        .collect();
    // Those still not found, when they must be shown (asked for, or the last
    // session's): in the heads of the files, which is quick.
    let missing: Vec<&str> = wanted
        .iter()
        .zip(&places)
        .filter(|(_, (bundled, by_name))| !bundled && by_name.is_none())
        .map(|(id, _)| id.as_str())
        .filter(|_| required)
        .collect();
    let by_head = super::names::find_by_head(&files.paths, &missing);
    let places: Vec<(bool, Option<usize>)> = wanted
        .iter()
        .zip(places)
        .map(|(id, (bundled, by_name))| (bundled, by_name.or_else(|| by_head.get(id.as_str()).copied())))
        .collect();
    let found = places
        .iter()
        .filter(|(bundled, by_name)| *bundled || by_name.is_some())
        .count();
    if required && found < wanted.len() {
        return Ok(Opening::Whole(files.read_whole()));
    }
    let mut first: Vec<usize> = if found == 0 {
        (0..files.paths.len().min(2)).collect()
    } else {
        places.iter().filter_map(|(_, by_name)| *by_name).collect()
    };
    first.sort_unstable();
    first.dedup();
    let first_paths: Vec<PathBuf> = first.iter().map(|&i| files.paths[i].clone()).collect();
    let shown = corpus::combine(bundled, corpus::load_paths(&first_paths, files.max_bytes));
    // A wanted file that does not load, or holds another id, is reported
    // as the whole library reports it.
    if shown.has_errors() || wanted.iter().any(|id| required && shown.corpus.get(id).is_none()) {
        return Ok(Opening::Whole(files.read_whole()));
    }
    // The first stage's map is anchored only in what is loaded; its problems
    // are those of the whole library, reported when that arrives.
    let mut first_library = files.assemble(corpus::Loaded {
        corpus: shown.corpus.clone(),
        diagnostics: Vec::new(),
    });
    first_library.diagnostics.clear();
    let total = shown.corpus.len() + files.paths.len() - first.len();
    let done = Arc::new(AtomicUsize::new(shown.corpus.len()));
    let counter = Arc::clone(&done);
    let sent = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&sent);
    let (sender, receiver) = mpsc::channel();
    let check = match &source.dir {
        Some(dir) => crate::sanitize::clean_line(&format!("parallax check --articles {}", dir.display())),
        None => "parallax check".to_string(),
    };
    let cores = crate::cores::available();
    let threads = if spare_a_core { cores - 1 } else { cores }.max(1);
    let waker = crate::wake::Waker::default();
    let arrived = waker.clone();
    let (begin, begun) = mpsc::channel();
    std::thread::Builder::new().name("load".into()).spawn(move || {
        // Not begun: the reader is gone before its first frame.
        if begun.recv().is_err() {
            return;
        }
        // Listed here rather than before the first frame: thousands of paths.
        let rest: Vec<PathBuf> = files
            .paths
            .iter()
            .enumerate()
            .filter(|(i, _)| first.binary_search(i).is_err())
            .map(|(_, p)| p.clone())
            .collect();
        let rest = corpus::load_paths_counting(&rest, files.max_bytes, threads, &counter);
        let library = files.assemble(corpus::append(shown, rest));
        files.remember_names(&library);
        if sender.send(library).is_ok() {
            flag.store(true, Ordering::Release);
        }
        // Rung also when the thread ended without a library, to say so.
        arrived.wake();
    })?;
    Ok(Opening::Staged(
        first_library,
        Loading {
            library: receiver,
            done,
            sent,
            total,
            check,
            waker,
            begin: Some(begin),
        },
    ))
}
