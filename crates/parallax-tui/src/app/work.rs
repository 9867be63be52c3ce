//! Work under way in the background: the search worker, and the rest of a
//! large library being read; how far it is.

use std::sync::Arc;

use super::{App, Overlay};
use crate::search::Searcher;

/// The threads working for the reader.
pub struct Work {
    /// Runs searches for the palette (on a worker thread in the terminal).
    pub searcher: Searcher,
    /// The rest of a large library, while it is read in the background.
    pub loading: Option<crate::library::Loading>,
}

impl App {
    /// What is under way in the background: reading the rest of the
    /// library, then indexing it.
    pub fn progress(&self) -> Option<Progress> {
        if let Some(loading) = &self.work.loading {
            let (done, total) = loading.progress();
            if loading.arrived() && self.overlay.as_ref().is_some_and(Overlay::holds_arrival) {
                return Some(Progress::Held(total));
            }
            return Some(Progress::Loading(done, total));
        }
        self.work
            .searcher
            .indexing()
            .map(|(done, total)| Progress::Indexing(done, total))
    }

    /// Writes and rebuilds the reader's own map on a thread of its own
    /// from now on, which also watches its file for changes made elsewhere.
    pub fn keep_own_map_in_background(&mut self) {
        if let Some(own) = self.own.take() {
            let keeper = own.keeper.spawn();
            self.own = Some(super::OwnLayer::new(keeper));
        }
    }

    /// Lets the rest of a large library be read from now on, once the first
    /// frame is out (see [`crate::library::Loading::begin`]).
    pub fn load_the_rest_in_background(&mut self) {
        if let Some(loading) = &mut self.work.loading {
            loading.begin();
        }
    }

    /// Searches on a worker thread from now on, so typing never waits.
    pub fn search_in_background(&mut self) {
        if !self.work.searcher.threaded() {
            self.work.searcher =
                Searcher::spawn(Arc::clone(&self.work.searcher.index), self.work.searcher.waker.clone());
        }
    }
}

/// Work under way in the background that the user waits on for some things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Articles read, of how many: until all are, only those read are shown.
    Loading(usize, usize),
    /// Every article read, waiting until the open list or form closes.
    Held(usize),
    /// Articles indexed for search, of how many.
    Indexing(usize, usize),
}

impl Progress {
    /// For the status line: "loading 1,234 of 5,000".
    pub fn short(self) -> String {
        use crate::layout::display::thousands;
        match self {
            Progress::Loading(done, total) => format!("loading {} of {}", thousands(done), thousands(total)),
            Progress::Held(total) => format!("{} articles read, shown when this closes", thousands(total)),
            Progress::Indexing(done, total) => format!("indexing {} of {}", thousands(done), thousands(total)),
        }
    }

    /// For the search palette, saying what its results cover meanwhile.
    pub fn for_search(self) -> String {
        match self {
            Progress::Loading(..) | Progress::Held(..) => format!(
                "{} articles; until all are, only those read first are searched",
                self.short()
            ),
            Progress::Indexing(..) => format!("{} articles; results come when it is done", self.short()),
        }
    }
}
