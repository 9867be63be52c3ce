//! Where an article likely speaks to a theme: its sentences ranked by BM25
//! against what the theme is about, in stemmed words. The query is the
//! theme's title and claim and, as examples, the passages other articles
//! have on it (their quotes and summaries): the map teaches what a passage
//! on the theme sounds like. Nothing is downloaded and no model is run.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::corpus::{Article, BlockKind, Corpus};
use crate::debate::{Anchor, DebateMap, Theme};
use crate::ids::ArticleIx;
use crate::own_map::Rejected;

/// BM25's saturation of a term's frequency, and its length normalization.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// How much each part of a theme weighs in its query.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    pub title: f64,
    pub claim: f64,
    /// Other articles' quotes and summaries on the theme, all together.
    pub examples: f64,
    /// How much of the sentences around a sentence counts toward it: a
    /// position is argued over a paragraph, not in one sentence.
    pub context: f64,
}

impl Weights {
    pub const DEFAULT: Weights = Weights {
        title: 1.0,
        claim: 2.0,
        examples: 1.0,
        context: 0.2,
    };

    /// The claim alone, as a plain lexical ranking has it.
    pub const CLAIM_ONLY: Weights = Weights {
        title: 0.0,
        claim: 1.0,
        examples: 0.0,
        context: 0.0,
    };
}

/// A sentence suggested as a passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub anchor: Anchor,
    pub score: f64,
}

/// Words as the ranking compares them: lowercased, stemmed, without the
/// words every sentence has.
struct Words {
    stemmer: Stemmer,
    /// The authors' names: the map's summaries name them, the articles
    /// seldom do, and a name says nothing of a theme.
    names: Vec<String>,
}

impl Words {
    fn new(corpus: &Corpus) -> Words {
        let mut names: Vec<String> = corpus
            .articles()
            .iter()
            .flat_map(|a| a.meta.authors.iter())
            .flat_map(|a| a.name.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        names.sort();
        names.dedup();
        Words {
            stemmer: Stemmer::create(Algorithm::English),
            names,
        }
    }

    fn of(&self, text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !STOPWORDS.contains(&w.as_str()) && w.chars().count() > 1)
            .filter(|w| self.names.binary_search(w).is_err())
            .map(|w| self.stemmer.stem(&w).into_owned())
            .collect()
    }
}

const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
    "being", "both", "but", "by", "can", "could", "did", "do", "does", "even", "for", "from", "had", "has", "have",
    "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "more", "most", "much",
    "must", "no", "not", "now", "of", "on", "one", "only", "or", "other", "our", "out", "over", "own", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "up", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
    "while", "who", "will", "with", "would", "you",
];

/// An article's sentences, as the ranking sees them.
struct Sentences {
    anchors: Vec<Anchor>,
    terms: Vec<HashMap<String, usize>>,
    lengths: Vec<usize>,
}

impl Sentences {
    fn of(article: &Article, words: &Words) -> Sentences {
        let mut sentences = Sentences {
            anchors: Vec::new(),
            terms: Vec::new(),
            lengths: Vec::new(),
        };
        for (b, block) in article.enumerate_blocks() {
            // Headings and notes are not where a position is argued.
            if matches!(block.kind, BlockKind::Heading { .. } | BlockKind::Note) {
                continue;
            }
            for range in block.sentences() {
                let found = words.of(&block.text[range.clone()]);
                if found.len() < 3 {
                    continue;
                }
                let mut terms = HashMap::new();
                for word in &found {
                    *terms.entry(word.clone()).or_insert(0) += 1;
                }
                sentences.anchors.push(Anchor {
                    start_block: b,
                    start: range.start,
                    end_block: b,
                    end: range.end,
                });
                sentences.lengths.push(found.len());
                sentences.terms.push(terms);
            }
        }
        sentences
    }
}

/// How rare each word is among the corpus's sentences (BM25's idf), in
/// the words the ranking compares.
pub struct Rarity {
    words: Words,
    sentences: f64,
    containing: HashMap<String, usize>,
}

impl Rarity {
    pub fn of(corpus: &Corpus) -> Rarity {
        Rarity::of_articles(corpus, corpus.indices())
    }

    /// Over some articles only: in a large library, those the map places
    /// passages of and the one suggestions are for are enough.
    pub fn of_articles(corpus: &Corpus, articles: impl Iterator<Item = ArticleIx>) -> Rarity {
        let mut rarity = Rarity {
            words: Words::new(corpus),
            sentences: 0.0,
            containing: HashMap::new(),
        };
        for article in articles.map(|a| &corpus[a]) {
            for block in &article.blocks {
                for range in block.sentences() {
                    let mut seen: Vec<String> = rarity.words.of(&block.text[range.clone()]);
                    seen.sort();
                    seen.dedup();
                    rarity.sentences += 1.0;
                    for word in seen {
                        *rarity.containing.entry(word).or_insert(0) += 1;
                    }
                }
            }
        }
        rarity
    }

    fn idf(&self, word: &str) -> f64 {
        let n = self.containing.get(word).copied().unwrap_or(0) as f64;
        ((self.sentences - n + 0.5) / (n + 0.5) + 1.0).ln()
    }
}

type Query = HashMap<String, f64>;

fn add(query: &mut Query, words: &Words, text: &str, weight: f64) {
    if weight == 0.0 {
        return;
    }
    for word in words.of(text) {
        *query.entry(word).or_insert(0.0) += weight;
    }
}

/// What a theme is about: its title and claim, and the passages other
/// articles have on it (their quotes and summaries), each passage weighing
/// the same; `except` is the article whose passages are no examples (the
/// one suggestions are for).
fn query(theme: &Theme, corpus: &Corpus, except: ArticleIx, words: &Words, weights: Weights) -> Query {
    let mut query = Query::new();
    add(&mut query, words, &theme.title, weights.title);
    add(&mut query, words, &theme.claim, weights.claim);
    let examples: Vec<_> = theme.passages.iter().filter(|p| p.article != except).collect();
    let each = weights.examples / examples.len().max(1) as f64;
    for passage in examples {
        add(&mut query, words, &passage.text(&corpus[passage.article]), each);
        add(&mut query, words, &passage.summary, each);
    }
    query
}

/// The ranking of one article's sentences: built once, asked per theme.
pub struct Suggester<'a> {
    corpus: &'a Corpus,
    article: ArticleIx,
    rarity: &'a Rarity,
    sentences: Sentences,
}

impl<'a> Suggester<'a> {
    pub fn new(corpus: &'a Corpus, rarity: &'a Rarity, article: ArticleIx) -> Suggester<'a> {
        Suggester {
            corpus,
            article,
            rarity,
            sentences: Sentences::of(&corpus[article], &rarity.words),
        }
    }

    /// The article's sentences, best first, for `theme`, but for those the
    /// reader turned down.
    pub fn rank(&self, theme: &Theme, weights: Weights, limit: usize, rejected: &[Rejected]) -> Vec<Suggestion> {
        let query = query(theme, self.corpus, self.article, &self.rarity.words, weights);
        let average = self.sentences.lengths.iter().sum::<usize>() as f64 / self.sentences.lengths.len().max(1) as f64;
        // A sentence like the claim, or like the passages others have on it.
        let own: Vec<f64> = (0..self.sentences.anchors.len())
            .map(|s| {
                let length = self.sentences.lengths[s] as f64;
                query
                    .iter()
                    .map(|(word, weight)| {
                        let tf = self.sentences.terms[s].get(word).copied().unwrap_or(0) as f64;
                        if tf == 0.0 {
                            return 0.0;
                        }
                        weight * self.rarity.idf(word) * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / average))
                    })
                    .sum()
            })
            .collect();
        let article = &self.corpus[self.article];
        let turned_down: Vec<&str> = rejected
            .iter()
            .filter(|r| r.theme == theme.id.as_str() && r.article == article.meta.id.as_str())
            .map(|r| r.quote.as_str())
            .collect();
        let mut scored: Vec<Suggestion> = (0..own.len())
            .map(|s| {
                // The sentences just before and after in the same block.
                let same_block =
                    |t: usize| self.sentences.anchors[t].start_block == self.sentences.anchors[s].start_block;
                let around: f64 = [s.checked_sub(1), Some(s + 1)]
                    .into_iter()
                    .flatten()
                    .filter(|&t| t < own.len() && same_block(t))
                    .map(|t| own[t])
                    .sum();
                Suggestion {
                    anchor: self.sentences.anchors[s],
                    score: own[s] + weights.context * around,
                }
            })
            .filter(|s| {
                s.score > 0.0 && (turned_down.is_empty() || !turned_down.contains(&s.anchor.text(article).as_str()))
            })
            .collect();
        scored.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.anchor.start_block.cmp(&b.anchor.start_block))
        });
        scored.truncate(limit);
        scored
    }
}

/// How often the passage an article truly has on a theme is among the
/// first `k` suggestions when its own passages are hidden: over every
/// (theme, article) cell of the map that holds a passage, for each `k`.
pub fn recall(corpus: &Corpus, map: &DebateMap, weights: Weights, ks: &[usize]) -> (Vec<f64>, usize) {
    let rarity = Rarity::of(corpus);
    let mut hits = vec![0usize; ks.len()];
    let mut cells = 0;
    let deepest = ks.iter().copied().max().unwrap_or(0);
    for article in corpus.indices() {
        let suggester = Suggester::new(corpus, &rarity, article);
        for theme in &map.themes {
            let truth: Vec<&Anchor> = theme.passages_of(article).map(|p| &p.anchor).collect();
            if truth.is_empty() {
                continue;
            }
            cells += 1;
            let ranked = suggester.rank(theme, weights, deepest, &[]);
            let first_hit = ranked.iter().position(|s| truth.iter().any(|t| t.overlaps(&s.anchor)));
            for (i, &k) in ks.iter().enumerate() {
                hits[i] += usize::from(first_hit.is_some_and(|at| at < k));
            }
        }
    }
    let recalls = hits.iter().map(|&h| h as f64 / cells.max(1) as f64).collect();
    (recalls, cells)
}
