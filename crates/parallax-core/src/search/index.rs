//! The search index: every candidate, its folded text and its mask.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use fuzzy_matcher::FuzzyMatcher;

use super::{Hit, Query, RESULT_LIMIT, SCORED, fold, folded_string, mask, matcher, subsequence, word_close};
use crate::corpus::Corpus;
use crate::debate::DebateMap;
use crate::ids::{ArticleIx, BlockIx, ThemeIx};

/// Sentences longer than this are cut into candidates of about this size, so
/// that no single alignment is large.
const MAX_CANDIDATE_BYTES: usize = 400;
/// How much a summary of ours scores below an author's own words.
const SUMMARY_PENALTY: i64 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Passage,
    Theme,
    Article,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Passage => "passage",
            Kind::Theme => "theme",
            Kind::Article => "article",
        }
    }
}

/// Something a query can find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub kind: Kind,
    /// The article (passages and articles; for a theme's summary, its article).
    pub article: Option<ArticleIx>,
    /// For passages: the block and the byte range of the sentence in its text.
    pub block: BlockIx,
    pub start: u32,
    pub end: u32,
    /// For themes: the theme.
    pub theme: ThemeIx,
    /// For themes and articles: index into the index's own texts.
    text: u32,
}

/// A candidate as the index keeps it, in 16 bytes: a passage's article,
/// block and byte range; a theme's article (or [`NO_ARTICLE`]), theme and
/// text; an article's article and text. Which it is follows from its id.
#[derive(Debug, Clone, Copy)]
struct Stored {
    article: u32,
    /// The block of a passage, the theme of a theme candidate.
    block: u32,
    /// The start of a passage; the index of a theme's or article's text.
    start: u32,
    end: u32,
}

const NO_ARTICLE: u32 = u32::MAX;

pub struct SearchIndex {
    candidates: Vec<Stored>,
    /// Ids below this are passages; then themes up to `themes_end`; then articles.
    passages_end: u32,
    themes_end: u32,
    /// The folded texts of all candidates, one after another.
    folded: Vec<u8>,
    /// `folded[bounds[i]..bounds[i + 1]]` belongs to candidate `i`.
    bounds: Vec<u32>,
    masks: Vec<u64>,
    /// The texts of theme and article candidates.
    texts: Vec<String>,
}

impl SearchIndex {
    /// Indexes the corpus and the map, in reading order: articles' sentences
    /// first (article by article), then themes, then the articles themselves.
    pub fn build(corpus: &Corpus, map: &DebateMap) -> SearchIndex {
        SearchIndex::build_counting(corpus, map, &std::sync::atomic::AtomicUsize::new(0))
    }

    /// [`SearchIndex::build`], counting in `done` the articles indexed so far.
    /// The articles' sentences are indexed on every core, a run of articles
    /// each, and joined in order.
    pub fn build_counting(corpus: &Corpus, map: &DebateMap, done: &std::sync::atomic::AtomicUsize) -> SearchIndex {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        SearchIndex::build_in(corpus, map, done, threads)
    }

    /// [`SearchIndex::build_counting`] on `threads` threads.
    fn build_in(
        corpus: &Corpus,
        map: &DebateMap,
        done: &std::sync::atomic::AtomicUsize,
        threads: usize,
    ) -> SearchIndex {
        let articles = corpus.articles();
        let run = articles.len().div_ceil(threads.max(1)).max(1);
        let mut parts = std::thread::scope(|scope| {
            let indexing: Vec<_> = articles
                .chunks(run)
                .enumerate()
                .map(|(n, part)| scope.spawn(move || SearchIndex::of_articles(part, n * run, done)))
                .collect();
            indexing
                .into_iter()
                .map(|part| part.join().expect("indexing does not panic"))
                .collect::<Vec<_>>()
                .into_iter()
        });
        // The first run's vectors become the index's and the others are
        // appended, each freed once copied: a large vector grows in place
        // (the allocator remaps it), so while joining the folded text is
        // held once and the other runs' share of it again, not twice.
        let mut index = parts.next().unwrap_or_else(|| SearchIndex::of_articles(&[], 0, done));
        let rest: Vec<SearchIndex> = parts.collect();
        index.folded.reserve_exact(rest.iter().map(|p| p.folded.len()).sum());
        index.candidates.reserve_exact(rest.iter().map(SearchIndex::len).sum());
        index.bounds.reserve_exact(rest.iter().map(SearchIndex::len).sum());
        index.masks.reserve_exact(rest.iter().map(SearchIndex::len).sum());
        for part in rest {
            let offset = index.folded.len() as u32;
            index.folded.extend_from_slice(&part.folded);
            index.bounds.extend(part.bounds[1..].iter().map(|b| b + offset));
            index.candidates.extend_from_slice(&part.candidates);
            index.masks.extend_from_slice(&part.masks);
        }
        index.passages_end = index.candidates.len() as u32;
        for (t, theme) in map.theme_indices().zip(&map.themes) {
            index.push_text(None, t, format!("{} — {}", theme.title, theme.claim));
            for passage in &theme.passages {
                index.push_text(Some(passage.article), t, passage.summary.clone());
            }
        }
        index.themes_end = index.candidates.len() as u32;
        for (a, article) in corpus.enumerate() {
            let text = format!(
                "{} · {} · {}",
                article.meta.title,
                article.author_names(),
                article.meta.outlet
            );
            index.push_text(Some(a), ThemeIx::default(), text);
        }
        done.store(corpus.len(), std::sync::atomic::Ordering::Relaxed);
        index.folded.shrink_to_fit();
        index.candidates.shrink_to_fit();
        index.bounds.shrink_to_fit();
        index.masks.shrink_to_fit();
        index
    }

    /// The sentences of `articles` (the first of which is article `first`
    /// of the corpus), as an index of passages alone; `done` counts them.
    fn of_articles(
        articles: &[crate::corpus::Article],
        first: usize,
        done: &std::sync::atomic::AtomicUsize,
    ) -> SearchIndex {
        // Sized up front: growing by doubling would briefly hold twice the
        // folded text, the largest part of the index.
        let text_bytes: usize = articles.iter().flat_map(|a| &a.blocks).map(|b| b.text.len()).sum();
        let estimated_candidates = text_bytes / 80 + 16;
        let mut index = SearchIndex {
            candidates: Vec::with_capacity(estimated_candidates),
            passages_end: 0,
            themes_end: 0,
            folded: Vec::with_capacity(text_bytes + text_bytes / 64 + 4096),
            bounds: Vec::with_capacity(estimated_candidates + 1),
            masks: Vec::with_capacity(estimated_candidates),
            texts: Vec::new(),
        };
        index.bounds.push(0);
        for (a, article) in articles.iter().enumerate() {
            for (b, block) in article.blocks.iter().enumerate() {
                for sentence in block.sentences_once() {
                    for piece in cut(&block.text, sentence) {
                        let candidate = Stored {
                            article: (first + a) as u32,
                            block: b as u32,
                            start: piece.start as u32,
                            end: piece.end as u32,
                        };
                        index.push(candidate, &block.text[piece]);
                    }
                }
            }
            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        index
    }

    fn push(&mut self, candidate: Stored, text: &str) {
        let start = self.folded.len();
        fold(text, &mut self.folded);
        self.masks.push(mask(&self.folded[start..]));
        self.bounds.push(self.folded.len() as u32);
        self.candidates.push(candidate);
    }

    fn push_text(&mut self, article: Option<ArticleIx>, theme: ThemeIx, text: String) {
        let candidate = Stored {
            article: article.map_or(NO_ARTICLE, |a| a.get() as u32),
            block: theme.get() as u32,
            start: self.texts.len() as u32,
            end: 0,
        };
        self.push(candidate, &text);
        self.texts.push(text);
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    fn kind(&self, id: u32) -> Kind {
        if id < self.passages_end {
            Kind::Passage
        } else if id < self.themes_end {
            Kind::Theme
        } else {
            Kind::Article
        }
    }

    pub fn candidate(&self, id: u32) -> Candidate {
        let stored = self.candidates[id as usize];
        let kind = self.kind(id);
        let article = (stored.article != NO_ARTICLE).then_some(ArticleIx(stored.article as usize));
        match kind {
            Kind::Passage => Candidate {
                kind,
                article,
                block: BlockIx(stored.block as usize),
                start: stored.start,
                end: stored.end,
                theme: ThemeIx::default(),
                text: 0,
            },
            Kind::Theme | Kind::Article => Candidate {
                kind,
                article,
                block: BlockIx::default(),
                start: 0,
                end: 0,
                theme: ThemeIx(stored.block as usize),
                text: stored.start,
            },
        }
    }

    /// The candidate's words as they stand in the corpus or the map.
    pub fn text<'a>(&'a self, corpus: &'a Corpus, id: u32) -> &'a str {
        let c = self.candidate(id);
        match c.kind {
            Kind::Passage => {
                let block = &corpus[c.article.unwrap_or_default()].blocks[c.block.get()];
                &block.text[c.start as usize..c.end as usize]
            }
            Kind::Theme | Kind::Article => &self.texts[c.text as usize],
        }
    }

    /// The candidate's folded text: what matching compares.
    fn folded_text(&self, id: u32) -> &str {
        std::str::from_utf8(self.folded_bytes(id)).expect("folding writes whole characters")
    }

    fn folded_bytes(&self, id: u32) -> &[u8] {
        let i = id as usize;
        &self.folded[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }

    /// Whether candidate `id` passes the prefilter for `needle` (folded).
    fn check(&self, needle: &Needle, scope: super::Scope, id: u32) -> Option<Survivor> {
        if needle.mask & !self.masks[id as usize] != 0 || !scope.admits(self.kind(id)) {
            return None;
        }
        let hay = self.folded_bytes(id);
        let span = subsequence(hay, &needle.bytes)?;
        if !needle.words.iter().all(|word| word_close(hay, word)) {
            return None;
        }
        // The phrase itself: as tight as a match can be.
        let exact = needle.phrase.find(hay).is_some();
        Some(Survivor {
            id,
            exact,
            span: u16::try_from(if exact { needle.bytes.len() } else { span }).unwrap_or(u16::MAX),
        })
    }

    /// The candidates that pass the prefilter for `query`, in id order.
    ///
    /// The scan stops once [`SCORED`] candidates hold the query as a phrase:
    /// none further on can rank before them (see [`SearchIndex::rank`]), so
    /// a common query costs a fraction of the corpus. Given the result of a
    /// query this one extends (`within`), only its survivors are checked, and
    /// the candidates past where it stopped. `None` when `cancelled` says so
    /// part way.
    pub fn prefilter(
        &self,
        query: &Query,
        within: Option<&Prefiltered>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Prefiltered> {
        let needle = Needle::new(&query.text);
        let everything = self.candidates.len() as u32;
        if needle.bytes.is_empty() {
            return Some(Prefiltered {
                survivors: Vec::new(),
                scanned_to: everything,
            });
        }
        let (earlier, from): (&[Survivor], u32) = match within {
            Some(last) => (&last.survivors, last.scanned_to),
            None => (&[], 0),
        };
        // The work in chunks, in id order: the earlier survivors, then the rest.
        let chunks = earlier
            .chunks(CHUNK)
            .map(Chunk::Earlier)
            .chain((from..everything).step_by(CHUNK).map(|start| {
                let end = start.saturating_add(CHUNK as u32).min(everything);
                Chunk::Range(start..end)
            }));
        let chunks: Vec<Chunk> = chunks.collect();
        let check = |chunk: &Chunk| -> Option<Vec<Survivor>> {
            if cancelled() {
                return None;
            }
            let mut found = Vec::new();
            let mut keep = |id| found.extend(self.check(&needle, query.scope, id));
            match chunk {
                Chunk::Earlier(survivors) => survivors.iter().for_each(|s| keep(s.id)),
                Chunk::Range(ids) => ids.clone().for_each(keep),
            }
            Some(found)
        };
        // Chunk by chunk in id order; the first to hold enough phrases ends it.
        let mut survivors: Vec<Survivor> = Vec::new();
        let mut phrases = 0;
        let mut take = |found: Vec<Survivor>| {
            for survivor in found {
                phrases += usize::from(survivor.exact);
                survivors.push(survivor);
                if phrases >= SCORED {
                    return Some(survivor.id + 1);
                }
            }
            None
        };
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_WORKERS));
        let stopped_at = if workers == 1 || chunks.len() <= 1 {
            let mut stopped_at = None;
            for chunk in &chunks {
                stopped_at = take(check(chunk)?);
                if stopped_at.is_some() {
                    break;
                }
            }
            stopped_at
        } else {
            // Workers take chunks as they come free; their results are taken
            // here in order, and the workers told to stop once enough are.
            let next = AtomicUsize::new(0);
            let stop = AtomicBool::new(false);
            std::thread::scope(|scope| {
                let (sender, results) = mpsc::channel();
                for _ in 0..workers {
                    let sender = sender.clone();
                    let (next, stop, chunks, check) = (&next, &stop, &chunks, &check);
                    scope.spawn(move || {
                        while !stop.load(Ordering::Relaxed) {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(chunk) = chunks.get(i) else { break };
                            if sender.send((i, check(chunk))).is_err() {
                                break;
                            }
                        }
                    });
                }
                drop(sender);
                let mut waiting = std::collections::BTreeMap::new();
                let mut wanted = 0;
                let mut outcome = Some(None);
                'results: for (i, found) in results {
                    waiting.insert(i, found);
                    while let Some(found) = waiting.remove(&wanted) {
                        wanted += 1;
                        match found {
                            None => {
                                outcome = None;
                                break 'results;
                            }
                            Some(found) => {
                                if let Some(at) = take(found) {
                                    outcome = Some(Some(at));
                                    break 'results;
                                }
                            }
                        }
                    }
                }
                stop.store(true, Ordering::Relaxed);
                outcome
            })?
        };
        Some(Prefiltered {
            survivors,
            scanned_to: stopped_at.unwrap_or(everything),
        })
    }

    /// The candidates among `ids` that pass the prefilter for `query`, in
    /// id order, all of them: on this thread, without stopping early.
    pub fn survivors_among(&self, query: &Query, ids: std::ops::Range<u32>) -> Vec<Survivor> {
        let needle = Needle::new(&query.text);
        if needle.bytes.is_empty() {
            return Vec::new();
        }
        ids.filter_map(|id| self.check(&needle, query.scope, id)).collect()
    }

    /// Ranks prefiltered candidates: phrase matches first, then by the
    /// matcher's score, ties by position; at most [`RESULT_LIMIT`].
    pub fn rank(&self, query: &Query, survivors: &[Survivor]) -> Vec<Hit> {
        // Only the most promising are scored in full: phrase matches (the
        // earliest first), then the tightest scattered ones, then the earliest.
        // A heap of the best so far, its worst on top: no copy of the survivors.
        let mut heap = std::collections::BinaryHeap::with_capacity(SCORED + 1);
        for s in survivors {
            heap.push((!s.exact, s.span, s.id));
            if heap.len() > SCORED {
                heap.pop();
            }
        }
        let best = heap.into_iter().map(|(phrase_missing, span, id)| Survivor {
            id,
            exact: !phrase_missing,
            span,
        });
        let matcher = matcher();
        let pattern = folded_string(&query.text);
        let mut hits: Vec<Hit> = best
            .filter_map(|s| {
                let score = matcher.fuzzy_match(self.folded_text(s.id), &pattern)?;
                // The articles' own words come before our summaries of them.
                let c = self.candidate(s.id);
                let summary = c.kind == Kind::Theme && c.article.is_some();
                Some(Hit {
                    candidate: s.id,
                    score: score - if summary { SUMMARY_PENALTY } else { 0 },
                    exact: s.exact,
                })
            })
            .collect();
        hits.sort_by(|a, b| {
            b.exact
                .cmp(&a.exact)
                .then(b.score.cmp(&a.score))
                .then(a.candidate.cmp(&b.candidate))
        });
        hits.truncate(RESULT_LIMIT);
        hits
    }

    /// Every result of a query, at once (for the command line and tests).
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let found = self.prefilter(query, None, &|| false).unwrap_or_default();
        self.rank(query, &found.survivors)
    }

    /// Every sentence of one article that matches, in reading order: the
    /// places `n` and `N` step through after a search.
    pub fn hits_in_article(&self, query: &Query, article: ArticleIx) -> Vec<u32> {
        let needle = Needle::new(&query.text);
        if needle.bytes.is_empty() {
            return Vec::new();
        }
        let matcher = matcher();
        let pattern = folded_string(&query.text);
        // Passages stand article by article, in order.
        let passages = &self.candidates[..self.passages_end as usize];
        let first = passages.partition_point(|c| (c.article as usize) < article.get()) as u32;
        let end = passages.partition_point(|c| (c.article as usize) <= article.get()) as u32;
        (first..end)
            .filter(|&id| self.check(&needle, super::Scope::All, id).is_some())
            .filter(|&id| matcher.fuzzy_match(self.folded_text(id), &pattern).is_some())
            .collect()
    }
}

/// Candidates checked at a time on one thread: small enough that a common
/// query stops soon after it has enough phrases, large enough that a
/// thread's start is a small part of its work.
const CHUNK: usize = 16 * 1024;
/// The most threads a prefilter runs on.
const MAX_WORKERS: usize = 4;

/// A part of a prefilter's work: survivors of the last query, or ids.
enum Chunk<'a> {
    Earlier(&'a [Survivor]),
    Range(std::ops::Range<u32>),
}

/// A query's folded bytes, the characters they hold, and a finder of them
/// as a phrase.
struct Needle {
    bytes: Vec<u8>,
    /// Its words, longest first.
    words: Vec<Vec<u8>>,
    mask: u64,
    phrase: memchr::memmem::Finder<'static>,
}

impl Needle {
    fn new(text: &str) -> Needle {
        let mut bytes = Vec::new();
        fold(text, &mut bytes);
        let mut words: Vec<Vec<u8>> = bytes
            .split(|&b| b == b' ')
            .filter(|word| !word.is_empty())
            .map(<[u8]>::to_vec)
            .collect();
        words.sort_by_key(|word| std::cmp::Reverse(word.len()));
        Needle {
            words,
            mask: mask(&bytes),
            phrase: memchr::memmem::Finder::new(&bytes).into_owned(),
            bytes,
        }
    }
}

/// A candidate that passed the prefilter: whether it holds the query as a
/// phrase, and how many bytes its match spans (a phrase's own length). Eight
/// bytes: a short query can leave a million of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Survivor {
    pub id: u32,
    pub span: u16,
    pub exact: bool,
}

/// The candidates that passed a prefilter, among those up to `scanned_to`
/// (every candidate, unless the scan stopped early).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefiltered {
    pub survivors: Vec<Survivor>,
    pub scanned_to: u32,
}

/// A sentence's range, cut at spaces into pieces of at most about
/// [`MAX_CANDIDATE_BYTES`].
fn cut(text: &str, sentence: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_CANDIDATE_BYTES {
        let mut limit = start + MAX_CANDIDATE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let end = text[start..limit].rfind(' ').map_or(limit, |space| start + space);
        let end = if end == start { limit } else { end };
        pieces.push(start..end);
        start = end + usize::from(text[end..].starts_with(' '));
    }
    if start < sentence.end {
        pieces.push(start..sentence.end);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Indexed on every core in runs of articles and joined, the passages
    /// are those of one run over every article: the same candidates, texts
    /// and bounds, in the same order.
    #[test]
    fn an_index_built_in_parts_is_the_one_built_whole() {
        let corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
        let (map, _) = crate::debate::load(&corpus, &crate::corpus::bundled_maps());
        let done = std::sync::atomic::AtomicUsize::new(0);
        let mut whole = SearchIndex::of_articles(corpus.articles(), 0, &done);
        (whole.passages_end, whole.themes_end) = (whole.len() as u32, whole.len() as u32);
        // Runs of two articles: three of them, the last shorter.
        let built = SearchIndex::build_in(&corpus, &map, &done, 3);
        let passages = built.passages_end as usize;
        assert_eq!(passages, whole.len());
        assert_eq!(built.folded[..whole.folded.len()], whole.folded[..]);
        assert_eq!(built.bounds[..=passages], whole.bounds[..]);
        assert_eq!(built.masks[..passages], whole.masks[..]);
        for id in 0..passages as u32 {
            assert_eq!(built.candidate(id), whole.candidate(id), "{id}");
        }
        assert!(built.len() > passages, "themes and articles follow");
    }

    #[test]
    fn long_sentences_are_cut_at_spaces_without_losing_text() {
        let text = "word ".repeat(300) + "end";
        let pieces = cut(&text, 0..text.len());
        assert!(pieces.len() > 1);
        for p in &pieces {
            assert!(p.end - p.start <= MAX_CANDIDATE_BYTES);
        }
        let joined: Vec<&str> = pieces.iter().map(|p| &text[p.clone()]).collect();
        assert_eq!(joined.join(" "), text.trim_end());
        let wide = "中".repeat(500);
        let pieces = cut(&wide, 0..wide.len());
        assert_eq!(pieces.iter().map(|p| &wide[p.clone()]).collect::<String>(), wide);
    }
}
