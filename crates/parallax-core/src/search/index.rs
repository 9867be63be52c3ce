//! The search index: every candidate and its mask. A passage's text is
//! read where it stands (in the corpus, or in the file of an index saved
//! earlier) and folded as it is checked: the index holds no second copy of
//! the articles' words.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use fuzzy_matcher::FuzzyMatcher;

use super::{Hit, Query, RESULT_LIMIT, SCORED, folded_string, matcher};
use crate::corpus::Corpus;
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

/// A candidate as the index keeps it, in 8 bytes: a passage's article and
/// where it starts in the article's text (its length is in its mask, see
/// [`LENGTH_SHIFT`]); a theme's article (or [`NO_ARTICLE`]) and theme; an
/// article's article. Which it is follows from its id; a theme's or an
/// article's text is the index's own, at its id less `passages_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stored {
    article: u32,
    /// The start of a passage, the theme of a theme candidate.
    start: u32,
}

const NO_ARTICLE: u32 = u32::MAX;

/// A bit that [`mask`] never sets (so no query asks for it), set in the
/// mask of a passage whose text is not all ASCII: folding it is more than
/// lowering its letters.
pub(super) const BEYOND_ASCII: u64 = 1 << 62;

/// Where a passage's length in bytes stands in its mask: bits 46 to 61,
/// which [`mask`] never sets, hold it (a passage is at most
/// [`MAX_CANDIDATE_BYTES`] long). Four bytes a passage less than a field of
/// its own, in an index of a million passages or more.
const LENGTH_SHIFT: u32 = 46;
pub(super) const LENGTH_BITS: u64 = 0xFFFF << LENGTH_SHIFT;

/// A passage's mask with its length kept in it.
fn with_length(mask: u64, length: usize) -> u64 {
    debug_assert!(length <= MAX_CANDIDATE_BYTES, "passages are cut to at most this");
    mask | (length.min(0xFFFF) as u64) << LENGTH_SHIFT
}

mod build;
mod check;
pub mod saved;

use check::Needle;

/// Where an index reads its passages' words and the names of their places.
enum Words {
    /// The corpus it was built from.
    Corpus(Arc<Corpus>),
    /// The file it was saved to.
    Saved(saved::Words),
}

pub struct SearchIndex {
    words: Words,
    /// Each theme's id, for naming a theme found.
    theme_ids: Vec<String>,
    candidates: Vec<Stored>,
    /// Ids below this are passages; then themes up to `themes_end`; then articles.
    passages_end: u32,
    themes_end: u32,
    /// Each candidate's mask: which characters its folded text holds.
    masks: Vec<u64>,
    /// The texts of theme and article candidates, and the same folded.
    texts: Vec<String>,
    folded_texts: Vec<Box<[u8]>>,
}

impl SearchIndex {
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
        let article = self.article_of(id);
        match kind {
            Kind::Passage => {
                let (block, block_start) = match &self.words {
                    Words::Corpus(corpus) => {
                        let article = &corpus.articles()[stored.article as usize];
                        let block = article.block_at(stored.start as usize).unwrap_or_default();
                        (block, article.blocks[block.get()].text.range().start)
                    }
                    Words::Saved(saved) => saved.block_at(stored.article, stored.start),
                };
                let start = stored.start.saturating_sub(block_start as u32);
                Candidate {
                    kind,
                    article,
                    block,
                    start,
                    end: start + self.length(id),
                    theme: ThemeIx::default(),
                    text: 0,
                }
            }
            Kind::Theme | Kind::Article => Candidate {
                kind,
                article,
                block: BlockIx::default(),
                start: 0,
                end: 0,
                theme: ThemeIx(if kind == Kind::Theme { stored.start as usize } else { 0 }),
                text: id - self.passages_end,
            },
        }
    }

    /// The article a candidate is in or about, if any.
    fn article_of(&self, id: u32) -> Option<ArticleIx> {
        let article = self.candidates[id as usize].article;
        (article != NO_ARTICLE).then_some(ArticleIx(article as usize))
    }

    /// The candidate's words as they stand in the corpus or the map.
    pub fn text(&self, id: u32) -> &str {
        match self.kind(id) {
            Kind::Passage => self.passage_text(id),
            Kind::Theme | Kind::Article => &self.texts[(id - self.passages_end) as usize],
        }
    }

    /// An article's id.
    pub fn article_id(&self, article: ArticleIx) -> &str {
        match &self.words {
            Words::Corpus(corpus) => &corpus[article].meta.id,
            Words::Saved(saved) => saved.article_id(article),
        }
    }

    /// A block's id in its article.
    pub fn block_id(&self, article: ArticleIx, block: BlockIx) -> &str {
        match &self.words {
            Words::Corpus(corpus) => &corpus[article].blocks[block.get()].id,
            Words::Saved(saved) => saved.block_id(article, block),
        }
    }

    /// A theme's id.
    pub fn theme_id(&self, theme: ThemeIx) -> &str {
        &self.theme_ids[theme.get()]
    }

    /// The length in bytes of passage `id`.
    fn length(&self, id: u32) -> u32 {
        ((self.masks[id as usize] & LENGTH_BITS) >> LENGTH_SHIFT) as u32
    }

    /// A passage's article and its byte range in the article's text.
    fn passage_place(&self, id: u32) -> (u32, std::ops::Range<usize>) {
        let passage = self.candidates[id as usize];
        let start = passage.start as usize;
        (passage.article, start..start + self.length(id) as usize)
    }

    fn passage_text(&self, id: u32) -> &str {
        let (article, range) = self.passage_place(id);
        match &self.words {
            Words::Corpus(corpus) => &corpus.articles()[article as usize].text()[range],
            // Checked as it is read: the file is not trusted to hold whole
            // characters where it says.
            Words::Saved(saved) => std::str::from_utf8(saved.passage(article, range)).unwrap_or_default(),
        }
    }

    /// [`SearchIndex::passage_text`] as bytes: what an ASCII passage is
    /// matched on, with no check that it holds whole characters.
    fn passage_bytes(&self, id: u32) -> &[u8] {
        let (article, range) = self.passage_place(id);
        match &self.words {
            Words::Corpus(corpus) => &corpus.articles()[article as usize].text().as_bytes()[range],
            Words::Saved(saved) => saved.passage(article, range),
        }
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
        if needle.is_empty() {
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
            let mut buffer = Vec::with_capacity(MAX_CANDIDATE_BYTES * 2);
            let mut keep = |id| found.extend(self.check(&needle, query.scope, id, &mut buffer));
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
        let workers = crate::cores::available().min(MAX_WORKERS);
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
        if needle.is_empty() {
            return Vec::new();
        }
        let mut buffer = Vec::new();
        ids.filter_map(|id| self.check(&needle, query.scope, id, &mut buffer))
            .collect()
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
        let mut buffer = Vec::new();
        let mut hits: Vec<Hit> = best
            .filter_map(|s| {
                let score = matcher.fuzzy_match(&self.folded_string(s.id, &mut buffer), &pattern)?;
                // The articles' own words come before our summaries of them.
                let summary = self.kind(s.id) == Kind::Theme && self.article_of(s.id).is_some();
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
        if needle.is_empty() {
            return Vec::new();
        }
        let matcher = matcher();
        let pattern = folded_string(&query.text);
        // Passages stand article by article, in order.
        let passages = &self.candidates[..self.passages_end as usize];
        let first = passages.partition_point(|c| (c.article as usize) < article.get()) as u32;
        let end = passages.partition_point(|c| (c.article as usize) <= article.get()) as u32;
        let mut buffer = Vec::new();
        (first..end)
            .filter(|&id| {
                self.check(&needle, super::Scope::All, id, &mut buffer).is_some()
                    && matcher
                        .fuzzy_match(&self.folded_string(id, &mut buffer), &pattern)
                        .is_some()
            })
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
