//! Anchors that survive edits, after the W3C Web Annotation TextQuoteSelector
//! (as the Hypothesis client uses it): an exact quote with optional prefix and
//! suffix, matched after normalizing white space, quotes and dashes; a
//! position hint that prefers the nearest of several matches; and, when the
//! quote is gone, a fuzzy re-anchor within a bounded number of edits.

use toml::Spanned;

use crate::corpus::{Article, ArticleIx, BlockIx, Corpus};
use crate::diagnostic::{ARTICLE, Diagnostic, LineIndex, Location, unknown_name};
use crate::sanitize::clean_line;

mod closest;
use closest::closest;

/// Where a passage stands: from (block, byte) to (block, byte), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub start_block: BlockIx,
    pub start: usize,
    pub end_block: BlockIx,
    pub end: usize,
}

impl Anchor {
    /// The words of the stretch as they stand in the article now, its blocks
    /// joined by a space.
    pub fn text(&self, article: &Article) -> String {
        let mut parts = Vec::new();
        for block in self.start_block.through(self.end_block) {
            let text = &article[block].text;
            if let Some(range) = self.range_in(block, text.len()) {
                parts.push(&text[range]);
            }
        }
        parts.join(" ")
    }

    /// Up to `chars` characters just before and just after the stretch, in
    /// its first and last blocks: a TextQuoteSelector's prefix and suffix.
    pub fn context(&self, article: &Article, chars: usize) -> (String, String) {
        let before = &article[self.start_block].text[..self.start];
        let after = &article[self.end_block].text[self.end..];
        let prefix: Vec<char> = before.chars().rev().take(chars).collect();
        (prefix.into_iter().rev().collect(), after.chars().take(chars).collect())
    }

    /// Whether the two stretches share any text.
    pub fn overlaps(&self, other: &Anchor) -> bool {
        (self.start_block, self.start) < (other.end_block, other.end)
            && (other.start_block, other.start) < (self.end_block, self.end)
    }

    /// The byte range of `block`'s text that the anchor covers, if any.
    pub fn range_in(&self, block: BlockIx, text_len: usize) -> Option<std::ops::Range<usize>> {
        if block < self.start_block || block > self.end_block {
            return None;
        }
        let start = if block == self.start_block { self.start } else { 0 };
        let end = if block == self.end_block { self.end } else { text_len };
        (start < end).then_some(start..end)
    }
}

/// What a quote selector asks for.
#[derive(Debug, Clone, Default)]
pub struct Selector<'a> {
    pub exact: &'a str,
    pub prefix: Option<&'a str>,
    pub suffix: Option<&'a str>,
    /// A block id; of several matches, the nearest to it wins.
    pub near: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Found exactly once (or the position hint chose among several).
    Exact(Anchor),
    /// Not found as written; the closest text is within the bound.
    Fuzzy {
        anchor: Anchor,
        edits: usize,
        found: String,
    },
    /// Found several times and nothing says which.
    Ambiguous { blocks: Vec<usize> },
    /// Not found; the closest text, its place and distance.
    NotFound {
        closest: String,
        block: usize,
        edits: usize,
    },
    /// Not found as written, and too long to look for a near match.
    TooLong,
}

/// The text of an article, normalized, with where each byte came from.
pub struct NormalizedArticle {
    text: String,
    /// Where the text came from, in runs sorted by `at` (see [`Run`]).
    runs: Vec<Run>,
}

/// From normalized byte `at` up to the next run, the text came from the
/// text of block `block`, from byte `byte` on: one byte for one when
/// `linear`, else all from the character at `byte` (as "..." from "…").
#[derive(Debug, Clone, Copy)]
struct Run {
    at: u32,
    block: u32,
    byte: u32,
    linear: bool,
}

/// Quotes, dashes and white space as matching sees them.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalized(text, &mut out, &mut |_, _, _| {});
    out.trim().to_string()
}

/// Appends `text` normalized to `out`. Before each piece it appends,
/// `on_piece(where in out, where in text, linear)` is told where it comes
/// from: a piece is linear when its bytes stand for as many bytes of `text`
/// one for one, else it stands for the one character at that place.
fn push_normalized(text: &str, out: &mut String, on_piece: &mut impl FnMut(usize, usize, bool)) {
    // Most text is plain ASCII words between single spaces: each run of it
    // is copied whole, so that only what normalizing changes goes a
    // character at a time.
    let bytes = text.as_bytes();
    let mut from = 0;
    while from < bytes.len() {
        let mut end = from;
        let mut after_space = out.is_empty() || out.ends_with(' ');
        while let Some(&b) = bytes.get(end) {
            match b {
                b' ' if !after_space => after_space = true,
                b if b.is_ascii() && !b.is_ascii_whitespace() => after_space = false,
                _ => break,
            }
            end += 1;
        }
        if end > from {
            on_piece(out.len(), from, true);
            out.push_str(&text[from..end]);
            from = end;
            continue;
        }
        let c = text[from..].chars().next().expect("a character starts here");
        let replacement: &str = match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => "\"",
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => "'",
            '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
            '\u{2026}' => "...",
            c if c.is_whitespace() => {
                if out.is_empty() || out.ends_with(' ') {
                    ""
                } else {
                    " "
                }
            }
            _ => {
                on_piece(out.len(), from, true);
                out.push(c);
                from += c.len_utf8();
                continue;
            }
        };
        if !replacement.is_empty() {
            on_piece(out.len(), from, replacement.len() == 1);
            out.push_str(replacement);
        }
        from += c.len_utf8();
    }
}

impl NormalizedArticle {
    pub fn new(article: &Article) -> NormalizedArticle {
        // Normalizing only ever shortens text: sized once, never grown.
        let bytes = article.blocks.iter().map(|b| b.text.len() + 1).sum();
        let mut text = String::with_capacity(bytes);
        let mut runs: Vec<Run> = Vec::new();
        let mut record = |at: usize, block: usize, byte: usize, linear: bool| {
            let (at, block, byte) = (at as u32, block as u32, byte as u32);
            // A piece that carries on the run before it, one for one, adds nothing.
            let carries_on = runs
                .last()
                .is_some_and(|r| r.linear && linear && r.block == block && r.byte + (at - r.at) == byte);
            if !carries_on {
                runs.push(Run {
                    at,
                    block,
                    byte,
                    linear,
                });
            }
        };
        for (index, block) in article.blocks.iter().enumerate() {
            if !text.is_empty() && !text.ends_with(' ') {
                let previous = index.saturating_sub(1);
                record(text.len(), previous, article.blocks[previous].text.len(), true);
                text.push(' ');
            }
            push_normalized(&block.text, &mut text, &mut |at, byte, linear| {
                record(at, index, byte, linear)
            });
        }
        NormalizedArticle { text, runs }
    }

    /// The block and the byte in its text that normalized byte `at` came
    /// from (`at` within the text).
    fn origin(&self, at: usize) -> (u32, u32) {
        let run = self.runs[self.runs.partition_point(|r| r.at as usize <= at) - 1];
        let byte = if run.linear {
            run.byte + (at as u32 - run.at)
        } else {
            run.byte
        };
        (run.block, byte)
    }

    /// The anchor of normalized bytes `start..end` (character boundaries).
    fn anchor(&self, article: &Article, start: usize, end: usize) -> Anchor {
        let (start_block, start_byte) = self.origin(start);
        let last = self.text[..end].chars().next_back().map_or(1, char::len_utf8);
        let (end_block, last_byte) = self.origin(end - last);
        let end_text = &article.blocks[end_block as usize].text;
        let last_len = end_text[last_byte as usize..].chars().next().map_or(0, char::len_utf8);
        Anchor {
            start_block: BlockIx(start_block as usize),
            start: start_byte as usize,
            end_block: BlockIx(end_block as usize),
            end: last_byte as usize + last_len,
        }
    }

    /// Where `quote` stands in the text, leftmost first and not overlapping.
    /// Looked for by its first bytes, then compared whole: a finder's set-up
    /// grows with what it looks for, and a map has a finder to set up for
    /// every quote, most of them found once.
    fn occurrences(&self, quote: &str) -> Vec<usize> {
        const HEAD: usize = 24;
        let (text, quote) = (self.text.as_bytes(), quote.as_bytes());
        let finder = memchr::memmem::Finder::new(&quote[..quote.len().min(HEAD)]);
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = text.get(from..).and_then(|rest| finder.find(rest)).map(|at| from + at) {
            if text[at..].starts_with(quote) {
                found.push(at);
                from = at + quote.len().max(1);
            } else {
                from = at + 1;
            }
        }
        found
    }

    pub fn resolve(&self, article: &Article, selector: &Selector) -> Resolution {
        let exact = normalize(selector.exact);
        if exact.is_empty() {
            return Resolution::NotFound {
                closest: String::new(),
                block: 0,
                edits: 0,
            };
        }
        let prefix = selector.prefix.map(normalize).unwrap_or_default();
        let suffix = selector.suffix.map(normalize).unwrap_or_default();
        let matches: Vec<usize> = self
            .occurrences(&exact)
            .into_iter()
            .filter(|&at| self.text[..at].trim_end().ends_with(prefix.as_str()))
            .filter(|&at| self.text[at + exact.len()..].trim_start().starts_with(suffix.as_str()))
            .collect();
        let chosen = match (matches.as_slice(), selector.near) {
            ([], _) => None,
            ([one], _) => Some(*one),
            (several, Some(near)) => several
                .iter()
                .copied()
                .min_by_key(|&at| (self.origin(at).0 as usize).abs_diff(near)),
            (several, None) => {
                let mut blocks: Vec<usize> = several.iter().map(|&at| self.origin(at).0 as usize).collect();
                blocks.dedup();
                return Resolution::Ambiguous { blocks };
            }
        };
        if let Some(at) = chosen {
            return Resolution::Exact(self.anchor(article, at, at + exact.len()));
        }
        // The approximate search costs quote x article; past a bound a map
        // could stall loading, so a long quote must match as written.
        let work = exact.chars().count().saturating_mul(self.text.len());
        if exact.chars().count() > MAX_FUZZY_QUOTE_CHARS || work > MAX_FUZZY_WORK {
            return Resolution::TooLong;
        }
        let (start, end, edits) = closest(&self.text, &exact);
        let found = self.text[start..end].to_string();
        if edits <= max_edits(&exact) && end > start {
            Resolution::Fuzzy {
                anchor: self.anchor(article, start, end),
                edits,
                found,
            }
        } else {
            let block = if start < self.text.len() {
                self.origin(start).0 as usize
            } else {
                0
            };
            Resolution::NotFound {
                closest: found,
                block,
                edits,
            }
        }
    }
}

/// Quotes longer than this are not searched for approximately.
pub const MAX_FUZZY_QUOTE_CHARS: usize = 600;
/// The most quote-characters x article-bytes an approximate search may take.
const MAX_FUZZY_WORK: usize = 100_000_000;

/// The most edits a re-anchored quote may differ by: a tenth of its length.
pub fn max_edits(quote: &str) -> usize {
    (quote.chars().count() / 10).max(2)
}

/// The normalized texts of the articles quotes were last looked for in.
/// Passages come sorted by article, so a few at a time are enough (a
/// relation's two ends are two); keeping every article's would cost several
/// times the corpus.
#[derive(Default)]
pub(super) struct Normalized(Vec<(ArticleIx, NormalizedArticle)>);

/// How many articles' normalized texts are kept.
const NORMALIZED_KEPT: usize = 8;

impl Normalized {
    fn of(&mut self, index: ArticleIx, article: &crate::corpus::Article) -> &NormalizedArticle {
        let at = match self.0.iter().position(|(i, _)| *i == index) {
            Some(at) => at,
            None => {
                if self.0.len() >= NORMALIZED_KEPT {
                    self.0.remove(0);
                }
                self.0.push((index, NormalizedArticle::new(article)));
                self.0.len() - 1
            }
        };
        &self.0[at].1
    }
}

/// Where a map's quote is meant to stand: its article and words, and what
/// chooses among several places with the same words.
pub(super) struct QuoteRef<'a> {
    pub article: &'a Spanned<String>,
    pub quote: &'a Spanned<String>,
    pub prefix: Option<&'a str>,
    pub suffix: Option<&'a str>,
    pub near: Option<&'a Spanned<String>>,
}

/// Finds a quote in its article: the article's index, the anchor and the
/// quote as cleaned; every problem as a located diagnostic.
pub(super) fn anchor_quote(
    corpus: &Corpus,
    file: &str,
    lines: &LineIndex,
    raw: &QuoteRef,
    normalized: &mut Normalized,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(ArticleIx, Anchor, String)> {
    let at = |offset: usize| lines.location(offset);
    let errors_before = diagnostics.len();
    let Some(article_index) = corpus.index_of(raw.article.get_ref()) else {
        diagnostics.push(unknown_name(
            file,
            at(raw.article.span().start),
            &ARTICLE,
            raw.article.get_ref(),
            corpus.ids(),
        ));
        return None;
    };
    let article = &corpus[article_index];
    if raw.quote.get_ref().split_whitespace().count() < 3 {
        diagnostics.push(Diagnostic::error(
            file,
            at(raw.quote.span().start),
            "the quote is shorter than three words",
            "quote enough words to find the passage again after edits",
        ));
    }
    let near = match &raw.near {
        None => None,
        Some(id) => match article.block_index(id.get_ref()).map(BlockIx::get) {
            Some(block) => Some(block),
            None => {
                diagnostics.push(Diagnostic::error(
                    file,
                    at(id.span().start),
                    format!("`{}` has no block `{}`", article.meta.id, id.get_ref()),
                    "name a block id such as \"p12\" (see `parallax show` and articles/README.md), or remove `near`",
                ));
                None
            }
        },
    };
    if diagnostics.len() > errors_before {
        return None;
    }
    let index = normalized.of(article_index, article);
    // TOML escapes can put control characters into strings: clean them as
    // the articles' text was cleaned, so that they match it.
    let (exact, prefix, suffix) = (
        clean_line(raw.quote.get_ref()),
        raw.prefix.map(clean_line),
        raw.suffix.map(clean_line),
    );
    let selector = Selector {
        exact: &exact,
        prefix: prefix.as_deref(),
        suffix: suffix.as_deref(),
        near,
    };
    let quote_at = at(raw.quote.span().start);
    let anchor = match index.resolve(article, &selector) {
        Resolution::Exact(anchor) => anchor,
        Resolution::Fuzzy { anchor, edits, found } => {
            diagnostics.push(Diagnostic::warning(
                file,
                quote_at,
                format!(
                    "the quote is not in `{}` as written; re-anchored to text {edits} edit(s) away: \"{found}\"",
                    article.meta.id
                ),
                "update the quote to the article's words",
            ));
            anchor
        }
        Resolution::Ambiguous { blocks } => {
            let ids: Vec<&str> = blocks.iter().map(|&b| article.blocks[b].id.as_str()).collect();
            diagnostics.push(Diagnostic::error(
                file,
                quote_at,
                format!(
                    "the quote stands {} times in `{}` (in {})",
                    ids.len().max(2),
                    article.meta.id,
                    ids.join(", ")
                ),
                "add a prefix or suffix (the words around it), or near = \"<block id>\"",
            ));
            return None;
        }
        Resolution::TooLong => {
            diagnostics.push(Diagnostic::error(
                file,
                quote_at,
                format!(
                    "the quote is not in `{}` as written, and it is too long (over {} characters) to look for a near match",
                    article.meta.id,
                    MAX_FUZZY_QUOTE_CHARS
                ),
                "copy the quote from the article as it is now, or quote less of it",
            ));
            return None;
        }
        Resolution::NotFound { closest, block, edits } => {
            let block = &article.blocks[block];
            let where_ = Location {
                line: block.line as usize,
                column: 1,
            };
            diagnostics.push(Diagnostic::error(
                file,
                quote_at,
                format!(
                    "the quote is not in `{}`; the closest text ({edits} edits away) is at {}:{}:{} ({}): \"{closest}\"",
                    article.meta.id, article.file, where_.line, where_.column, block.id
                ),
                "copy the quote from the article as it is now",
            ));
            return None;
        }
    };
    Some((article_index, anchor, exact))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each normalized byte came from, kept in runs, is where a
    /// character-at-a-time normalizing puts it, at every character of every
    /// bundled article and of one full of what normalizing changes.
    #[test]
    fn normalized_text_knows_where_each_character_came_from() {
        // What normalizing made of each character, and where it stood.
        let by_character = |article: &Article| {
            let mut text = String::new();
            let mut origin: Vec<(u32, u32)> = Vec::new();
            for (index, block) in article.blocks.iter().enumerate() {
                if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                    origin.push((index as u32 - 1, article.blocks[index - 1].text.len() as u32));
                }
                for (at, c) in block.text.char_indices() {
                    let before = text.len();
                    push_normalized(&c.to_string(), &mut text, &mut |_, _, _| {});
                    origin.extend(std::iter::repeat_n((index as u32, at as u32), text.len() - before));
                }
            }
            (text, origin)
        };
        let mut corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
        let odd = "+++\nid = \"odd\"\ntitle = \"Odd\"\noutlet = \"O\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"S\"\n\n[[authors]]\nname = \"A\"\n+++\n\nIt’s “odd”\u{a0}\u{a0}— quite… odd   café.\n\nÉtude — 中国\u{2009}x.\n";
        let mut problems = Vec::new();
        let article =
            crate::corpus::parse_article("odd.md", odd.as_bytes(), &mut problems).expect("the article parses");
        corpus = crate::corpus::Corpus::new(corpus.articles().iter().cloned().chain([article]).collect());
        for article in corpus.articles() {
            let normalized = NormalizedArticle::new(article);
            let (text, origin) = by_character(article);
            assert_eq!(normalized.text, text, "{}", article.meta.id);
            for (at, _) in text.char_indices() {
                assert_eq!(normalized.origin(at), origin[at], "{} at {at}", article.meta.id);
            }
        }
    }

    /// Looking for a quote by its first bytes and comparing it whole finds
    /// it where a search for the whole quote does: leftmost first, never
    /// overlapping, in text that repeats itself and in every bundled article.
    #[test]
    fn a_quote_is_found_where_a_search_for_all_of_it_finds_it() {
        let corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
        let mut texts: Vec<String> = corpus
            .articles()
            .iter()
            .map(|a| NormalizedArticle::new(a).text)
            .collect();
        texts.push("a".repeat(100));
        texts.push("ab".repeat(60) + " abc " + &"ab".repeat(30));
        for text in texts {
            let article = NormalizedArticle { text, runs: Vec::new() };
            let text = article.text.as_str();
            let mut quotes: Vec<String> = vec!["a".repeat(30), "ab".repeat(20), "abab".into(), "absent from it".into()];
            for start in (0..text.len()).step_by(997).filter(|&s| text.is_char_boundary(s)) {
                for len in [5, 23, 24, 25, 60, 200] {
                    if let Some(quote) = text.get(start..(start + len).min(text.len())) {
                        quotes.push(quote.to_string());
                    }
                }
            }
            for quote in quotes.iter().filter(|q| !q.is_empty()) {
                let whole: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), quote.as_bytes()).collect();
                assert_eq!(article.occurrences(quote), whole, "{quote:?}");
            }
        }
    }

    #[test]
    fn normalizes_quotes_dashes_and_space() {
        assert_eq!(normalize(" “No  limits”—‘ever’\n… "), "\"No limits\"-'ever' ...");
    }

    #[test]
    fn a_very_long_quote_is_not_searched_for_approximately() {
        let corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
        let article = &corpus.articles()[0];
        let index = NormalizedArticle::new(article);
        let quote = "word ".repeat(2000);
        let resolution = index.resolve(
            article,
            &Selector {
                exact: &quote,
                ..Default::default()
            },
        );
        assert_eq!(resolution, Resolution::TooLong);
    }
}
