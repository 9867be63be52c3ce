//! Fuzzy search over the whole debate: the sentences of every article, the
//! themes (title, claim, summaries) and the articles (title, authors, outlet).
//!
//! Each keystroke runs a cheap prefilter over every candidate (a bitmask of
//! the characters it holds, then an in-order byte scan of its text, read
//! where it stands in its article and folded as it is read),
//! keeps the survivors for the next, longer query, and scores only the most
//! promising of them with fuzzy-matcher's `SkimMatcherV2`. Candidates are
//! sentence-sized (long sentences are cut), so no alignment is large.

mod index;
mod matching;
mod worker;

pub use index::{Candidate, Kind, Prefiltered, SearchIndex, Survivor, saved};
pub use matching::{WORD_SLACK, subsequence, word_close, words_close};
pub use worker::{Response, Searcher, Unindexed};

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// What the palette holds at most.
pub const RESULT_LIMIT: usize = 200;
/// How many prefiltered candidates are scored by the full matcher.
const SCORED: usize = 250;
/// Queries longer than this are cut: a sentence-sized candidate cannot
/// match more, and the alignment cost grows with the query.
pub const MAX_QUERY_CHARS: usize = 256;

/// Which kinds of result a query asks for, from its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// `#`: themes only.
    Themes,
    /// `@`: articles (title, authors, outlet) only.
    Articles,
}

impl Scope {
    fn admits(self, kind: Kind) -> bool {
        match self {
            Scope::All => true,
            Scope::Themes => kind == Kind::Theme,
            Scope::Articles => kind == Kind::Article,
        }
    }
}

/// A query split into its scope prefix and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub scope: Scope,
    pub text: String,
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        let (scope, text) = if let Some(rest) = raw.strip_prefix('#') {
            (Scope::Themes, rest)
        } else if let Some(rest) = raw.strip_prefix('@') {
            (Scope::Articles, rest)
        } else {
            (Scope::All, raw)
        };
        let text: String = text.trim().chars().take(MAX_QUERY_CHARS).collect();
        Query { scope, text }
    }
}

/// One result: a candidate, its score, and whether it holds the query as a
/// phrase (such results rank first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub candidate: u32,
    pub score: i64,
    pub exact: bool,
}

/// Lower-cased text with typographic quotes and dashes made plain, so that
/// "no limits" finds “no limits”.
pub fn fold(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // A run of ASCII goes in lowercased at once; the character after it
        // is folded on its own.
        let run = ascii_prefix(&bytes[at..]);
        let start = out.len();
        out.extend_from_slice(&bytes[at..at + run]);
        out[start..].make_ascii_lowercase();
        at += run;
        let Some(c) = text[at..].chars().next() else { break };
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => out.push(b'\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => out.push(b'"'),
            '\u{2010}'..='\u{2015}' => out.push(b'-'),
            c => {
                let mut buf = [0u8; 4];
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        at += c.len_utf8();
    }
}

/// How many bytes at the start of `bytes` are ASCII, looked at eight at a
/// time: most of an article's text is.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// [`fold`], as a string.
pub fn folded_string(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    fold(text, &mut out);
    String::from_utf8(out).expect("folding writes whole characters")
}

/// The bits of the characters a folded text holds; a query's bits must all
/// be among a candidate's for it to match.
pub fn mask(folded: &[u8]) -> u64 {
    folded.iter().fold(0u64, |mask, &b| mask | MASK_BITS[usize::from(b)])
}

/// The mask of an ASCII text as folded, without folding it: its letters
/// count whatever their case.
fn mask_of_ascii(text: &[u8]) -> u64 {
    // Four masks at once: one would wait on itself at every byte.
    let mut chunks = text.chunks_exact(4);
    let mut masks = [0u64; 4];
    for chunk in &mut chunks {
        for (mask, &b) in masks.iter_mut().zip(chunk) {
            *mask |= EITHER_CASE_BITS[usize::from(b)];
        }
    }
    let rest = chunks
        .remainder()
        .iter()
        .fold(0, |mask, &b| mask | EITHER_CASE_BITS[usize::from(b)]);
    masks.iter().fold(rest, |all, mask| all | mask)
}

/// [`MASK_BITS`] with a capital letter's bit its small letter's.
const EITHER_CASE_BITS: [u64; 256] = {
    let mut bits = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        bits[b] = MASK_BITS[(b as u8).to_ascii_lowercase() as usize];
        b += 1;
    }
    bits
};

/// Each byte's bit in a [`mask`]: a letter or digit its own, a space none,
/// any byte of a character beyond ASCII the top one, the rest sharing ten
/// (bits 36 to 45: the index keeps a passage's length above them).
const MASK_BITS: [u64; 256] = {
    let mut bits = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        bits[b] = match b as u8 {
            b'a'..=b'z' => 1 << (b as u8 - b'a'),
            b'0'..=b'9' => 1 << (26 + b as u8 - b'0'),
            b' ' => 0,
            0x80.. => 1 << 63,
            other => 1 << (36 + other % 10),
        };
        b += 1;
    }
    bits
};

/// The matcher used for scores and highlights: case-insensitive, with its
/// alignment bounded.
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case().element_limit(256 * 1024)
}

/// Byte ranges of the characters of `text` that `query` matches, for
/// highlighting a result on screen. Matching runs on folded text (the
/// matcher ignores only ASCII case); fuzzy-matcher gives character indices
/// into it, which are traced back to byte ranges of `text` here.
pub fn highlight_ranges(matcher: &SkimMatcherV2, text: &str, query: &str) -> Vec<Range<usize>> {
    let mut folded = Vec::with_capacity(text.len());
    // For each character of the folded text, the original character's bytes.
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
    for (byte, c) in text.char_indices() {
        let before = folded.len();
        let mut buf = [0u8; 4];
        fold(c.encode_utf8(&mut buf), &mut folded);
        let added = std::str::from_utf8(&folded[before..]).map_or(0, |s| s.chars().count());
        origin.extend(std::iter::repeat_n(byte..byte + c.len_utf8(), added));
    }
    let folded = String::from_utf8(folded).expect("folding writes whole characters");
    let Some((_, indices)) = matcher.fuzzy_indices(&folded, &folded_string(query)) else {
        return Vec::new();
    };
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for index in indices {
        let Some(range) = origin.get(index).cloned() else {
            continue;
        };
        match ranges.last_mut() {
            Some(last) if last.end == range.start => last.end = range.end,
            Some(last) if last.start == range.start => {}
            _ => ranges.push(range),
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding in runs and masking by table give what a character (and a
    /// byte) at a time gives, on every bundled article and on characters
    /// that fold otherwise.
    #[test]
    fn folding_and_masks_agree_with_a_character_at_a_time() {
        let by_character = |text: &str| {
            let mut out = Vec::new();
            for c in text.chars() {
                match c {
                    'A'..='Z' => out.push(c.to_ascii_lowercase() as u8),
                    c if c.is_ascii() => out.push(c as u8),
                    '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => out.push(b'\''),
                    '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => out.push(b'"'),
                    '\u{2010}'..='\u{2015}' => out.push(b'-'),
                    c => out.extend(c.to_lowercase().collect::<String>().bytes()),
                }
            }
            out
        };
        let by_byte = |folded: &[u8]| {
            folded.iter().fold(0u64, |mask, &b| {
                mask | match b {
                    b'a'..=b'z' => 1 << (b - b'a'),
                    b'0'..=b'9' => 1 << (26 + b - b'0'),
                    b' ' => 0,
                    0x80.. => 1 << 63,
                    other => 1 << (36 + other % 10),
                }
            })
        };
        let corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
        let mut texts: Vec<String> = corpus
            .articles()
            .iter()
            .flat_map(|a| &a.blocks)
            .map(|b| b.text.to_string())
            .collect();
        texts.push(
            "İSTANBUL ΣΊΣΥΦΟΣ Straße Ǆ x\u{2019}s \u{201c}quoted\u{201d} a\u{2014}b ÀÉÎ 中国 👍 ~!@#$%^&*()_+".into(),
        );
        texts.push((0u8..128).map(char::from).collect());
        for text in &texts {
            let mut folded = Vec::new();
            fold(text, &mut folded);
            assert_eq!(folded, by_character(text), "{text:?}");
            assert_eq!(mask(&folded), by_byte(&folded), "{text:?}");
        }
        // The index's own bits: a passage's length, and beyond ASCII.
        let every_byte: Vec<u8> = (0..=255).collect();
        assert_eq!(mask(&every_byte) & (index::LENGTH_BITS | index::BEYOND_ASCII), 0);
    }

    #[test]
    fn prefixes_set_the_scope() {
        assert_eq!(Query::parse("#wedge").scope, Scope::Themes);
        assert_eq!(Query::parse("@gabuev").scope, Scope::Articles);
        assert_eq!(Query::parse(" nevsky ").text, "nevsky");
        assert_eq!(Query::parse(&"x".repeat(1000)).text.len(), MAX_QUERY_CHARS);
    }

    #[test]
    fn folding_makes_quotes_dashes_and_case_plain() {
        let mut out = Vec::new();
        fold("“No Limits”—É", &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), "\"no limits\"-é");
    }

    #[test]
    fn a_word_matches_only_where_its_letters_stand_close() {
        assert!(words_close(b"a power of siberia 2 pipeline", b"power of siberia"));
        assert!(words_close(b"no reverse kissinger", b"revers kisinger"));
        // s..i..b..e..r..i..a spread over a sentence is not "siberia".
        assert!(!words_close(b"still, this is a bare hero in a", b"siberia"));
        assert!(!words_close(b"power of", b"power of siberia"));
        assert!(words_close(b"anything", b""));
    }

    #[test]
    fn subsequence_and_mask() {
        assert_eq!(subsequence(b"reverse kissinger", b"revers kisinger"), Some(17));
        assert_eq!(subsequence(b"abc", b"acb"), None);
        assert_eq!(mask(b"ab") & !mask(b"abc"), 0);
        assert_ne!(mask(b"z") & !mask(b"abc"), 0);
    }

    #[test]
    fn highlights_are_byte_ranges_even_in_non_ascii_text() {
        let m = matcher();
        let text = "Der Zar – café 中国 👍 Nevsky";
        let ranges = highlight_ranges(&m, text, "café中国");
        let shown: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown.concat(), "café中国");
        assert!(highlight_ranges(&m, text, "zzz").is_empty());
    }
}
