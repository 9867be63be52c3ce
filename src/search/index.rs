//! The search index: every candidate, its folded text and its mask.

use fuzzy_matcher::FuzzyMatcher;

use super::{Hit, Query, RESULT_LIMIT, SCORED, fold, folded_string, mask, matcher, subsequence, words_close};
use crate::corpus::Corpus;
use crate::debate::DebateMap;

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
    pub article: Option<u32>,
    /// For passages: the block and the byte range of the sentence in its text.
    pub block: u32,
    pub start: u32,
    pub end: u32,
    /// For themes: the theme.
    pub theme: u32,
    /// For themes and articles: index into the index's own texts.
    text: u32,
}

pub struct SearchIndex {
    candidates: Vec<Candidate>,
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
    pub fn build_counting(corpus: &Corpus, map: &DebateMap, done: &std::sync::atomic::AtomicUsize) -> SearchIndex {
        // Sized up front: growing by doubling would briefly hold twice the
        // folded corpus, the largest part of the index.
        let text_bytes: usize = corpus
            .articles
            .iter()
            .flat_map(|a| &a.blocks)
            .map(|b| b.text.len())
            .sum();
        let estimated_candidates = text_bytes / 80 + 16;
        let mut index = SearchIndex {
            candidates: Vec::with_capacity(estimated_candidates),
            folded: Vec::with_capacity(text_bytes + text_bytes / 64 + 4096),
            bounds: Vec::with_capacity(estimated_candidates + 1),
            masks: Vec::with_capacity(estimated_candidates),
            texts: Vec::new(),
        };
        index.bounds.push(0);
        for (a, article) in corpus.articles.iter().enumerate() {
            done.store(a, std::sync::atomic::Ordering::Relaxed);
            for (b, block) in article.blocks.iter().enumerate() {
                for sentence in block.sentences() {
                    for piece in cut(&block.text, sentence.clone()) {
                        let candidate = Candidate {
                            kind: Kind::Passage,
                            article: Some(a as u32),
                            block: b as u32,
                            start: piece.start as u32,
                            end: piece.end as u32,
                            theme: 0,
                            text: 0,
                        };
                        index.push(candidate, &block.text[piece]);
                    }
                }
            }
        }
        for (t, theme) in map.themes.iter().enumerate() {
            index.push_text(Kind::Theme, None, t, format!("{} — {}", theme.title, theme.claim));
            for passage in &theme.passages {
                index.push_text(Kind::Theme, Some(passage.article), t, passage.summary.clone());
            }
        }
        for (a, article) in corpus.articles.iter().enumerate() {
            let text = format!(
                "{} · {} · {}",
                article.meta.title,
                article.author_names(),
                article.meta.outlet
            );
            index.push_text(Kind::Article, Some(a), 0, text);
        }
        done.store(corpus.articles.len(), std::sync::atomic::Ordering::Relaxed);
        index.folded.shrink_to_fit();
        index.candidates.shrink_to_fit();
        index.bounds.shrink_to_fit();
        index.masks.shrink_to_fit();
        index
    }

    fn push(&mut self, candidate: Candidate, text: &str) {
        let start = self.folded.len();
        fold(text, &mut self.folded);
        self.masks.push(mask(&self.folded[start..]));
        self.bounds.push(self.folded.len() as u32);
        self.candidates.push(candidate);
    }

    fn push_text(&mut self, kind: Kind, article: Option<usize>, theme: usize, text: String) {
        let candidate = Candidate {
            kind,
            article: article.map(|a| a as u32),
            block: 0,
            start: 0,
            end: 0,
            theme: theme as u32,
            text: self.texts.len() as u32,
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

    pub fn candidate(&self, id: u32) -> &Candidate {
        &self.candidates[id as usize]
    }

    /// The candidate's words as they stand in the corpus or the map.
    pub fn text<'a>(&'a self, corpus: &'a Corpus, id: u32) -> &'a str {
        let c = &self.candidates[id as usize];
        match c.kind {
            Kind::Passage => {
                let block = &corpus.articles[c.article.unwrap_or(0) as usize].blocks[c.block as usize];
                &block.text[c.start as usize..c.end as usize]
            }
            Kind::Theme | Kind::Article => &self.texts[c.text as usize],
        }
    }

    /// The candidate's folded text: what matching compares.
    fn folded_text(&self, id: u32) -> &str {
        let i = id as usize;
        let bytes = &self.folded[self.bounds[i] as usize..self.bounds[i + 1] as usize];
        std::str::from_utf8(bytes).expect("folding writes whole characters")
    }

    /// The candidates that pass the prefilter for `query`, checking only
    /// `within` when given (the survivors of a shorter query). Returns `None`
    /// when `cancelled` says so part way.
    pub fn prefilter(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<(u32, bool, usize)>> {
        let mut needle = Vec::new();
        fold(&query.text, &mut needle);
        if needle.is_empty() {
            return Some(Vec::new());
        }
        let needle_mask = mask(&needle);
        let finder = memchr::memmem::Finder::new(&needle);
        let mut survivors = Vec::new();
        let mut check = |id: u32| {
            let i = id as usize;
            if needle_mask & !self.masks[i] != 0 || !query.scope.admits(self.candidates[i].kind) {
                return;
            }
            let hay = &self.folded[self.bounds[i] as usize..self.bounds[i + 1] as usize];
            if let Some(span) = subsequence(hay, &needle)
                && words_close(hay, &needle)
            {
                survivors.push((id, finder.find(hay).is_some(), span));
            }
        };
        match within {
            Some(ids) => {
                for (n, &id) in ids.iter().enumerate() {
                    if n % 4096 == 0 && cancelled() {
                        return None;
                    }
                    check(id);
                }
            }
            None => {
                for id in 0..self.candidates.len() as u32 {
                    if id % 4096 == 0 && cancelled() {
                        return None;
                    }
                    check(id);
                }
            }
        }
        Some(survivors)
    }

    /// Ranks prefiltered candidates: phrase matches first, then by the
    /// matcher's score, ties by position; at most [`RESULT_LIMIT`].
    pub fn rank(&self, query: &Query, mut survivors: Vec<(u32, bool, usize)>) -> Vec<Hit> {
        // Only the most promising are scored in full: phrase matches, then
        // the tightest scattered ones, then the earliest.
        let key = |&(id, exact, span): &(u32, bool, usize)| (!exact, span, id);
        if survivors.len() > SCORED {
            survivors.select_nth_unstable_by_key(SCORED, key);
            survivors.truncate(SCORED);
        }
        let matcher = matcher();
        let pattern = folded_string(&query.text);
        let mut hits: Vec<Hit> = survivors
            .into_iter()
            .filter_map(|(id, exact, _)| {
                let score = matcher.fuzzy_match(self.folded_text(id), &pattern)?;
                // The articles' own words come before our summaries of them.
                let c = &self.candidates[id as usize];
                let summary = c.kind == Kind::Theme && c.article.is_some();
                Some(Hit {
                    candidate: id,
                    score: score - if summary { SUMMARY_PENALTY } else { 0 },
                    exact,
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
        let survivors = self.prefilter(query, None, &|| false).unwrap_or_default();
        self.rank(query, survivors)
    }

    /// Every sentence of one article that matches, in reading order: the
    /// places `n` and `N` step through after a search.
    pub fn hits_in_article(&self, query: &Query, article: usize) -> Vec<u32> {
        let passages = Query {
            scope: super::Scope::All,
            text: query.text.clone(),
        };
        let matcher = matcher();
        let pattern = folded_string(&query.text);
        let mut ids: Vec<u32> = self
            .prefilter(&passages, None, &|| false)
            .unwrap_or_default()
            .into_iter()
            .map(|(id, _, _)| id)
            .filter(|&id| {
                let c = &self.candidates[id as usize];
                c.kind == Kind::Passage && c.article == Some(article as u32)
            })
            .filter(|&id| matcher.fuzzy_match(self.folded_text(id), &pattern).is_some())
            .collect();
        ids.sort_unstable();
        ids
    }
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
