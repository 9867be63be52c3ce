//! Building the search index: the articles' sentences on every core, then
//! the themes and the articles themselves.

use std::sync::Arc;

use super::{BEYOND_ASCII, NO_ARTICLE, SearchIndex, Stored, Words, cut, with_length};
use crate::corpus::Corpus;
use crate::debate::DebateMap;
use crate::ids::{ArticleIx, ThemeIx};
use crate::search::{fold, mask, mask_of_ascii};

impl SearchIndex {
    /// Indexes the corpus and the map, in reading order: articles' sentences
    /// first (article by article), then themes, then the articles themselves.
    pub fn build(corpus: &Arc<Corpus>, map: &DebateMap) -> SearchIndex {
        SearchIndex::build_counting(corpus, map, &std::sync::atomic::AtomicUsize::new(0))
    }

    /// [`SearchIndex::build`], counting in `done` the articles indexed so far.
    /// The articles' sentences are indexed on every core, a run of articles
    /// each, and joined in order.
    pub fn build_counting(corpus: &Arc<Corpus>, map: &DebateMap, done: &std::sync::atomic::AtomicUsize) -> SearchIndex {
        SearchIndex::build_in(corpus, map, done, crate::cores::available())
    }

    /// [`SearchIndex::build_counting`] on `threads` threads.
    fn build_in(
        corpus: &Arc<Corpus>,
        map: &DebateMap,
        done: &std::sync::atomic::AtomicUsize,
        threads: usize,
    ) -> SearchIndex {
        let mut parts = crate::cores::map_runs(corpus.articles(), threads, |first, run| {
            Passages::of_articles(run, first, done)
        })
        .into_iter();
        let mut passages = parts.next().unwrap_or_default();
        let rest: Vec<Passages> = parts.collect();
        // Grown once to the whole, not by doubling as each run is appended.
        let more: usize = rest.iter().map(|p| p.candidates.len()).sum();
        passages.candidates.reserve_exact(more);
        passages.masks.reserve_exact(more);
        for part in rest {
            passages.candidates.extend_from_slice(&part.candidates);
            passages.masks.extend_from_slice(&part.masks);
        }
        let mut index = SearchIndex {
            words: Words::Corpus(Arc::clone(corpus)),
            theme_ids: map.themes.iter().map(|theme| theme.id.to_string()).collect(),
            candidates: passages.candidates,
            passages_end: 0,
            themes_end: 0,
            masks: passages.masks,
            texts: Vec::new(),
            folded_texts: Vec::new(),
        };
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
        index.candidates.shrink_to_fit();
        index.masks.shrink_to_fit();
        index
    }

    fn push_text(&mut self, article: Option<ArticleIx>, theme: ThemeIx, text: String) {
        let mut folded = Vec::with_capacity(text.len());
        fold(&text, &mut folded);
        self.candidates.push(Stored {
            article: article.map_or(NO_ARTICLE, |a| a.get() as u32),
            start: theme.get() as u32,
        });
        self.masks.push(mask(&folded));
        self.texts.push(text);
        self.folded_texts.push(folded.into_boxed_slice());
    }
}

/// The passages of a run of articles, and their masks.
#[derive(Default, Debug)]
struct Passages {
    candidates: Vec<Stored>,
    masks: Vec<u64>,
}

impl Passages {
    /// The sentences of `articles` (the first of which is article `first`
    /// of the corpus); `done` counts them.
    fn of_articles(
        articles: &[crate::corpus::Article],
        first: usize,
        done: &std::sync::atomic::AtomicUsize,
    ) -> Passages {
        let text_bytes: usize = articles.iter().flat_map(|a| &a.blocks).map(|b| b.text.len()).sum();
        let estimated = text_bytes / 80 + 16;
        let mut passages = Passages {
            candidates: Vec::with_capacity(estimated),
            masks: Vec::with_capacity(estimated),
        };
        let mut folded = Vec::new();
        for (a, article) in articles.iter().enumerate() {
            for block in &article.blocks {
                for sentence in block.sentences() {
                    for piece in cut(&block.text, sentence) {
                        passages.candidates.push(Stored {
                            article: (first + a) as u32,
                            start: (block.text.range().start + piece.start) as u32,
                        });
                        let mask = mask_of_text(&block.text[piece.clone()], &mut folded);
                        passages.masks.push(with_length(mask, piece.len()));
                    }
                }
            }
            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        passages
    }
}

/// The mask of `text` folded, and whether it is [`BEYOND_ASCII`];
/// `folded` is room to fold it in, needed only when it is.
fn mask_of_text(text: &str, folded: &mut Vec<u8>) -> u64 {
    if text.is_ascii() {
        return mask_of_ascii(text.as_bytes());
    }
    folded.clear();
    fold(text, folded);
    mask(folded) | BEYOND_ASCII
}

#[cfg(test)]
mod tests {
    use super::super::LENGTH_BITS;
    use super::*;

    /// Indexed on every core in runs of articles and joined, the passages
    /// are those of one run over every article: the same candidates and
    /// masks, in the same order.
    #[test]
    fn an_index_built_in_parts_is_the_one_built_whole() {
        let corpus = Arc::new(crate::corpus::load(&crate::corpus::bundled_sources()).corpus);
        let (map, _) = crate::debate::load(&corpus, &crate::corpus::bundled_maps());
        let done = std::sync::atomic::AtomicUsize::new(0);
        let whole = Passages::of_articles(corpus.articles(), 0, &done);
        // Runs of two articles: three of them, the last shorter.
        let built = SearchIndex::build_in(&corpus, &map, &done, 3);
        let passages = built.passages_end as usize;
        assert_eq!(passages, whole.candidates.len());
        assert_eq!(built.candidates[..passages], whole.candidates[..]);
        assert_eq!(built.masks[..passages], whole.masks[..]);
        assert!(built.len() > passages, "themes and articles follow");
    }

    /// A passage folded as it is checked (its letters lowered, when it is
    /// all ASCII) is its text folded in full, and its mask that text's.
    #[test]
    fn passages_fold_as_their_text_does() {
        let corpus = Arc::new(crate::corpus::load(&crate::corpus::bundled_sources()).corpus);
        let index = SearchIndex::build(&corpus, &DebateMap::default());
        let (mut buffer, mut ascii, mut beyond) = (Vec::new(), 0, 0);
        for id in 0..index.len() as u32 {
            let text = index.text(id);
            let mut expected = Vec::new();
            fold(text, &mut expected);
            assert_eq!(index.folded(id, &mut buffer), &expected[..], "{text:?}");
            let stored = index.masks[id as usize];
            assert_eq!(stored & !(BEYOND_ASCII | LENGTH_BITS), mask(&expected), "{text:?}");
            let passage = id < index.passages_end;
            assert_eq!(stored & BEYOND_ASCII != 0, passage && !text.is_ascii(), "{text:?}");
            let capital = text.bytes().any(|b| b.is_ascii_uppercase());
            match text.is_ascii() {
                true => ascii += usize::from(capital),
                false => beyond += usize::from(capital),
            }
        }
        assert!(ascii > 100 && beyond > 100, "both ways are taken: {ascii} / {beyond}");
    }
}
