//! Searching without blocking the reader: queries go to a worker thread,
//! a newer query cancels the one under way, and every response carries the
//! generation of its query so that stale results are never shown.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use super::{Hit, Prefiltered, Query, SearchIndex};
use crate::wake::Waker;

/// The results of one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub generation: u64,
    pub hits: Vec<Hit>,
}

/// What the last query's prefilter found, for narrowing when the query grows.
#[derive(Default)]
struct Narrowing {
    query: Option<Query>,
    found: Prefiltered,
}

impl Narrowing {
    /// Runs `query`, checking only what the last query's prefilter left when
    /// it extends the last query. `None` when cancelled.
    fn run(&mut self, index: &SearchIndex, query: Query, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Vec<Hit>> {
        let extends = self.query.as_ref().is_some_and(|last| {
            last.scope == query.scope && !last.text.is_empty() && query.text.starts_with(&last.text)
        });
        let within = extends.then_some(&self.found);
        let Some(found) = index.prefilter(&query, within, cancelled) else {
            self.query = None;
            return None;
        };
        let hits = index.rank(&query, &found.survivors);
        self.found = found;
        self.query = Some(query);
        Some(hits)
    }

    /// Checks the next candidates the last scan stopped before, unless
    /// `interrupted`; false when there is nothing left to check or it was.
    fn finish_step(&mut self, index: &SearchIndex, interrupted: &dyn Fn() -> bool) -> bool {
        let Some(query) = &self.query else { return false };
        let from = self.found.scanned_to as usize;
        if from >= index.len() || interrupted() {
            return false;
        }
        // Survivors of most of the index would narrow the next key little
        // and hold memory: such a scan is left where it stopped.
        if self.found.survivors.len() > index.len() / FINISH_UNLESS_ONE_IN {
            return false;
        }
        // Each step on every core: finished in the time between two keys
        // even when most of a scan is left.
        let threads = crate::cores::available();
        let to = (from + FINISH_STEP).min(index.len());
        let ids: Vec<u32> = (from as u32..to as u32).collect();
        let parts = crate::cores::map_runs(&ids, threads, |_, run| match (run.first(), run.last()) {
            (Some(&first), Some(&last)) => index.survivors_among(query, first..last + 1),
            _ => Vec::new(),
        });
        self.found.survivors.extend(parts.into_iter().flatten());
        self.found.scanned_to = to as u32;
        true
    }
}

/// Candidates checked at a time while finishing a scan between keystrokes:
/// a few milliseconds' work, so that a new key waits no longer.
const FINISH_STEP: usize = 16 * 1024;
/// A scan is finished only while fewer than one candidate in this many has
/// passed it.
const FINISH_UNLESS_ONE_IN: usize = 8;

enum Mode {
    /// Answers at once, on the caller's thread (tests, scripts).
    Inline {
        narrowing: Narrowing,
        responses: VecDeque<Response>,
    },
    /// Answers from a worker thread.
    Thread {
        requests: Sender<Request>,
        responses: Receiver<Response>,
    },
}

pub struct Searcher {
    pub index: Arc<SearchIndex>,
    /// The newest generation asked for; the worker gives up on older ones.
    latest: Arc<AtomicU64>,
    mode: Mode,
    /// While the index is being built on the worker thread: where it will
    /// come from, and how far it is (articles done, of how many).
    building: Option<Building>,
    /// Rung when a response or the index built is there to take.
    pub waker: Waker,
}

struct Building {
    index: Receiver<Arc<SearchIndex>>,
    /// Set once the worker has begun: it builds when first asked.
    started: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: usize,
}

/// What the worker thread is asked.
enum Request {
    /// Get the index ready: a query is coming.
    Prepare,
    Query(u64, String),
}

/// What a search is over, before its index is built.
pub struct Unindexed {
    pub corpus: Arc<crate::corpus::Corpus>,
    pub map: crate::debate::DebateMap,
}

impl Searcher {
    pub fn inline(index: Arc<SearchIndex>) -> Searcher {
        let mode = Mode::Inline {
            narrowing: Narrowing::default(),
            responses: VecDeque::new(),
        };
        Searcher {
            index,
            latest: Arc::new(AtomicU64::new(0)),
            mode,
            building: None,
            waker: Waker::default(),
        }
    }

    /// A searcher whose index is built on its worker thread once it is
    /// first asked for (see [`Searcher::prepare`]): the reader draws and
    /// takes keys at once, and one who never searches never holds an index
    /// (about the size of the articles' text). Queries wait for it there.
    pub fn spawn_building(what: Unindexed, waker: Waker) -> Searcher {
        let (index_tx, index_rx) = mpsc::channel();
        let index_waker = waker.clone();
        let started = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let total = what.corpus.len();
        let (begun, counter) = (Arc::clone(&started), Arc::clone(&done));
        // Until the index is built, an empty one: no query has results to look up.
        let empty = Arc::new(SearchIndex::build(&Default::default(), &Default::default()));
        let mut searcher = Searcher::start(empty, waker, move || {
            begun.store(true, Ordering::Relaxed);
            let index = Arc::new(SearchIndex::build_counting(&what.corpus, &what.map, &counter));
            let _ = index_tx.send(Arc::clone(&index));
            index_waker.wake();
            index
        });
        searcher.building = Some(Building {
            index: index_rx,
            started,
            done,
            total,
        });
        searcher
    }

    /// While the index is being built: articles indexed, of how many.
    pub fn indexing(&self) -> Option<(usize, usize)> {
        self.building
            .as_ref()
            .filter(|b| b.started.load(Ordering::Relaxed))
            .map(|b| (b.done.load(Ordering::Relaxed), b.total))
            .filter(|(done, total)| done < total)
    }

    /// Asks the worker to get its index ready for queries about to come (the
    /// search palette has opened). A searcher answering inline has it.
    pub fn prepare(&self) {
        if let Mode::Thread { requests, .. } = &self.mode {
            let _ = requests.send(Request::Prepare);
        }
    }

    pub fn spawn(index: Arc<SearchIndex>, waker: Waker) -> Searcher {
        let worker_index = Arc::clone(&index);
        Searcher::start(index, waker, move || worker_index)
    }

    /// A worker thread that, once first asked, gets its index from `index`
    /// (at once, or by building it), then answers queries from it; `shown`
    /// is the index results are looked up in meanwhile.
    fn start(
        shown: Arc<SearchIndex>,
        waker: Waker,
        index: impl FnOnce() -> Arc<SearchIndex> + Send + 'static,
    ) -> Searcher {
        let worker_waker = waker.clone();
        let (request_tx, request_rx) = mpsc::channel::<Request>();
        let (response_tx, response_rx) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let worker_latest = Arc::clone(&latest);
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                // Built when first asked for: a Prepare or a query.
                let Ok(mut pending) = request_rx.recv() else {
                    return;
                };
                let worker_index = index();
                let mut narrowing = Narrowing::default();
                let mut answered = 0;
                loop {
                    if let Request::Prepare = pending {
                        // Between keystrokes, the last scan is finished, so
                        // that the next key checks only what it left.
                        let waiting = || worker_latest.load(Ordering::Relaxed) != answered;
                        while narrowing.finish_step(&worker_index, &waiting) {}
                        let Ok(next) = request_rx.recv() else {
                            return;
                        };
                        pending = next;
                    }
                    let mut request = std::mem::replace(&mut pending, Request::Prepare);
                    // Only the newest query waiting matters.
                    while let Ok(newer) = request_rx.try_recv() {
                        if let Request::Query(..) = newer {
                            request = newer;
                        }
                    }
                    let Request::Query(generation, text) = request else {
                        continue;
                    };
                    answered = generation;
                    let cancelled = || worker_latest.load(Ordering::Relaxed) != generation;
                    if let Some(hits) = narrowing.run(&worker_index, Query::parse(&text), &cancelled) {
                        if response_tx.send(Response { generation, hits }).is_err() {
                            return;
                        }
                        worker_waker.wake();
                    }
                }
            })
            .expect("a search thread can be started");
        Searcher {
            index: shown,
            latest,
            mode: Mode::Thread {
                requests: request_tx,
                responses: response_rx,
            },
            building: None,
            waker,
        }
    }

    /// A searcher over `corpus` and `map`, answering as this one does: inline,
    /// its index built now; or from a thread, its index built there.
    /// One that had its index (or was building it) gets the new one ready
    /// at once; one never asked waits to be.
    pub fn rebuilt(&self, corpus: Arc<crate::corpus::Corpus>, map: crate::debate::DebateMap) -> Searcher {
        match self.mode {
            Mode::Inline { .. } => Searcher::inline(Arc::new(SearchIndex::build(&corpus, &map))),
            Mode::Thread { .. } => {
                let searcher = Searcher::spawn_building(Unindexed { corpus, map }, self.waker.clone());
                let asked = self.building.as_ref().is_none_or(|b| b.started.load(Ordering::Relaxed));
                if asked {
                    searcher.prepare();
                }
                searcher
            }
        }
    }

    /// Asks for the results of `query`, superseding any earlier request.
    pub fn submit(&mut self, generation: u64, query: &str) {
        self.latest.store(generation, Ordering::Relaxed);
        match &mut self.mode {
            Mode::Inline { narrowing, responses } => {
                if let Some(hits) = narrowing.run(&self.index, Query::parse(query), &|| false) {
                    responses.push_back(Response { generation, hits });
                }
            }
            Mode::Thread { requests, .. } => {
                let _ = requests.send(Request::Query(generation, query.to_string()));
            }
        }
    }

    /// Whether the searcher answers from a thread of its own.
    pub fn threaded(&self) -> bool {
        matches!(self.mode, Mode::Thread { .. })
    }

    /// A response, if one has arrived. The index built on the worker comes
    /// first: every response after it is over that index.
    pub fn try_recv(&mut self) -> Option<Response> {
        if let Some(building) = &self.building
            && let Ok(index) = building.index.try_recv()
        {
            self.index = index;
            self.building = None;
        }
        match &mut self.mode {
            Mode::Inline { responses, .. } => responses.pop_front(),
            Mode::Thread { responses, .. } => responses.try_recv().ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn searcher(threaded: bool) -> Searcher {
        let corpus = Arc::new(crate::corpus::load(&crate::corpus::bundled_sources()).corpus);
        let (map, _) = crate::debate::load(&corpus, &crate::corpus::bundled_maps());
        let index = Arc::new(SearchIndex::build(&corpus, &map));
        if threaded {
            Searcher::spawn(index, Waker::default())
        } else {
            Searcher::inline(index)
        }
    }

    fn wait(searcher: &mut Searcher) -> Response {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            if let Some(r) = searcher.try_recv() {
                return r;
            }
            assert!(std::time::Instant::now() < deadline, "no response");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }

    /// The bundled articles and forty copies of them (more candidates than a
    /// finishing step checks): common phrases occur more often than a scan
    /// needs before it stops.
    fn copied_index() -> SearchIndex {
        let bundled = crate::corpus::bundled_sources();
        let mut files = bundled.clone();
        for copy in 0..40 {
            for source in &bundled {
                let id = source.name.rsplit('/').next().unwrap().trim_end_matches(".md");
                let text = String::from_utf8_lossy(&source.bytes).replacen(
                    &format!("id = \"{id}\""),
                    &format!("id = \"{id}-{copy}\""),
                    1,
                );
                files.push(crate::corpus::SourceFile {
                    name: format!("{id}-{copy}.md"),
                    bytes: std::borrow::Cow::Owned(text.into_bytes()),
                });
            }
        }
        let corpus = Arc::new(crate::corpus::load(&files).corpus);
        SearchIndex::build(&corpus, &Default::default())
    }

    #[test]
    fn a_scan_stopped_early_is_finished_between_keys_and_the_next_key_goes_on_from_it() {
        let index = copied_index();
        let everything = index.len() as u32;
        let mut narrowing = Narrowing::default();
        let query = "beijing";
        narrowing.run(&index, Query::parse(query), &|| false).unwrap();
        let stopped_at = narrowing.found.scanned_to;
        assert!(stopped_at < everything, "a frequent word stops early");
        // A key waiting interrupts the finishing at once.
        assert!(!narrowing.finish_step(&index, &|| true));
        assert_eq!(narrowing.found.scanned_to, stopped_at);
        while narrowing.finish_step(&index, &|| false) {}
        assert_eq!(narrowing.found.scanned_to, everything);
        assert_eq!(
            narrowing.found.survivors,
            index.survivors_among(&Query::parse(query), 0..everything)
        );
        for next in ["beijing ", "beijing a", "beijing and", "beijing and m"] {
            let hits = narrowing.run(&index, Query::parse(next), &|| false).unwrap();
            assert_eq!(hits, index.search(&Query::parse(next)), "{next:?}");
        }
    }

    #[test]
    fn a_scan_that_most_of_the_index_passes_is_left_where_it_stopped() {
        let index = copied_index();
        let mut narrowing = Narrowing::default();
        narrowing.run(&index, Query::parse("e"), &|| false).unwrap();
        while narrowing.finish_step(&index, &|| false) {}
        let found = &narrowing.found;
        assert!((found.scanned_to as usize) < index.len(), "not finished");
        assert!(found.survivors.len() > index.len() / FINISH_UNLESS_ONE_IN);
        // The next key still gives what searching afresh gives.
        let hits = narrowing.run(&index, Query::parse("en"), &|| false).unwrap();
        assert_eq!(hits, index.search(&Query::parse("en")));
    }

    #[test]
    fn a_survivor_takes_eight_bytes() {
        assert_eq!(std::mem::size_of::<crate::search::Survivor>(), 8);
    }

    #[test]
    fn the_worker_answers_the_newest_query_and_tags_it() {
        let mut s = searcher(true);
        for (generation, query) in ["n", "ne", "nev", "nevs", "nevsky"].iter().enumerate() {
            s.submit(generation as u64 + 1, query);
        }
        // Older queries may be answered or dropped, but the last is answered,
        // and every answer names its own generation.
        let mut last = wait(&mut s);
        while last.generation != 5 {
            last = wait(&mut s);
        }
        assert!(!last.hits.is_empty());
        let expected = s.index.search(&Query::parse("nevsky"));
        assert_eq!(last.hits, expected);
    }

    #[test]
    fn an_index_built_on_the_worker_answers_as_one_built_at_once() {
        let corpus = Arc::new(crate::corpus::load(&crate::corpus::bundled_sources()).corpus);
        let (map, _) = crate::debate::load(&corpus, &crate::corpus::bundled_maps());
        let expected = SearchIndex::build(&corpus, &map).search(&Query::parse("nevsky"));
        let mut s = Searcher::spawn_building(Unindexed { corpus, map }, Waker::default());
        assert!(s.threaded());
        // Asked before the index is there, answered once it is.
        s.submit(1, "nevsky");
        let response = wait(&mut s);
        assert_eq!((response.generation, &response.hits), (1, &expected));
        assert_eq!(s.indexing(), None);
        assert_eq!(
            s.index.search(&Query::parse("nevsky")),
            expected,
            "the built index is the searcher's"
        );
    }

    /// No index is built until one is asked for: a reader who never
    /// searches never holds one. Prepared, it is built and taken up; a
    /// searcher rebuilt from one that had its index gets its own at once.
    #[test]
    fn the_index_is_built_only_once_asked_for() {
        let corpus = Arc::new(crate::corpus::load(&crate::corpus::bundled_sources()).corpus);
        let (map, _) = crate::debate::load(&corpus, &crate::corpus::bundled_maps());
        let unindexed = || Unindexed {
            corpus: Arc::clone(&corpus),
            map: map.clone(),
        };
        let built = |s: &mut Searcher| {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
            while s.index.is_empty() {
                assert!(std::time::Instant::now() < deadline, "no index");
                s.try_recv();
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        };
        let mut idle = Searcher::spawn_building(unindexed(), Waker::default());
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(idle.try_recv().is_none());
        assert!(idle.index.is_empty(), "built without being asked");
        assert_eq!(idle.indexing(), None, "no progress said for an index not begun");
        // A searcher rebuilt from one never asked waits too.
        let mut rebuilt = idle.rebuilt(Arc::clone(&corpus), map.clone());
        std::thread::sleep(std::time::Duration::from_millis(200));
        rebuilt.try_recv();
        assert!(rebuilt.index.is_empty());
        idle.prepare();
        built(&mut idle);
        assert_eq!(idle.indexing(), None);
        let mut again = idle.rebuilt(Arc::clone(&corpus), map.clone());
        built(&mut again);
        assert_eq!(again.index.len(), idle.index.len());
    }

    #[test]
    fn narrowing_gives_the_same_results_as_a_fresh_search() {
        let mut s = searcher(false);
        let mut generation = 0;
        for query in [
            "r",
            "re",
            "rev",
            "reve",
            "rever",
            "revers",
            "revers k",
            "revers kis",
            "revers kisinger",
        ] {
            generation += 1;
            s.submit(generation, query);
            let response = s.try_recv().unwrap();
            assert_eq!(response.hits, s.index.search(&Query::parse(query)), "{query}");
        }
        // Deleting a character is not an extension: a full search again.
        s.submit(generation + 1, "revers kisinge");
        assert_eq!(
            s.try_recv().unwrap().hits,
            s.index.search(&Query::parse("revers kisinge"))
        );
    }
}
