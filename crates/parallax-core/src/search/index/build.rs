//! Building the search index: the articles' sentences on every core, then
//! the themes and the articles themselves.

use super::{NO_ARTICLE, SearchIndex, Stored, cut};
use crate::corpus::Corpus;
use crate::debate::DebateMap;
use crate::ids::{ArticleIx, ThemeIx};
use crate::search::{fold, mask};

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
        SearchIndex::build_in(corpus, map, done, crate::cores::available())
    }

    /// [`SearchIndex::build_counting`] on `threads` threads.
    fn build_in(
        corpus: &Corpus,
        map: &DebateMap,
        done: &std::sync::atomic::AtomicUsize,
        threads: usize,
    ) -> SearchIndex {
        let mut parts = crate::cores::map_runs(corpus.articles(), threads, |first, run| {
            SearchIndex::of_articles(run, first, done)
        })
        .into_iter();
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
}
