//! Checking one candidate against a query: an ASCII passage read where it
//! stands in the corpus, its letters in either case; any other folded
//! first, once a look at its plain letters has not turned it away.

use super::{BEYOND_ASCII, SearchIndex, Survivor};
use crate::search::matching::{phrase_in_either_case, subsequence_in, word_close_in};
use crate::search::{Scope, fold, mask};

impl SearchIndex {
    /// The candidate's folded text, what matching compares: a theme's or
    /// an article's as kept, a passage's folded into `buffer` from the
    /// corpus (lowering its letters, when it is all ASCII, is all there is
    /// to it).
    pub(super) fn folded<'a>(&'a self, id: u32, buffer: &'a mut Vec<u8>) -> &'a [u8] {
        if id >= self.passages_end {
            return &self.folded_texts[(id - self.passages_end) as usize];
        }
        let text = self.text(id);
        buffer.clear();
        if self.masks[id as usize] & BEYOND_ASCII == 0 {
            buffer.extend_from_slice(text.as_bytes());
            buffer.make_ascii_lowercase();
        } else {
            fold(text, buffer);
        }
        buffer
    }

    pub(super) fn folded_string(&self, id: u32, buffer: &mut Vec<u8>) -> String {
        let folded = self.folded(id, buffer);
        std::str::from_utf8(folded)
            .expect("folding writes whole characters")
            .to_string()
    }

    /// Whether candidate `id` passes the prefilter for `needle` (folded):
    /// an ASCII passage read where it stands, any other folded first, into
    /// `buffer`.
    pub(super) fn check(&self, needle: &Needle, scope: Scope, id: u32, buffer: &mut Vec<u8>) -> Option<Survivor> {
        let mask = self.masks[id as usize];
        if needle.mask & !mask != 0 || !scope.admits(self.kind(id)) {
            return None;
        }
        let passage = id < self.passages_end;
        let (span, exact) = if passage && mask & BEYOND_ASCII == 0 {
            needle.matches::<true>(self.passage_bytes(id))?
        } else {
            if passage {
                // Before folding: the needle's bytes that only the same
                // letter in either case folds to must stand in order.
                subsequence_in::<true>(self.passage_bytes(id), &needle.plain)?;
            }
            needle.matches::<false>(self.folded(id, buffer))?
        };
        Some(Survivor {
            id,
            exact,
            span: u16::try_from(if exact { needle.bytes.len() } else { span }).unwrap_or(u16::MAX),
        })
    }
}

/// A query's folded bytes, the characters they hold, and a finder of them
/// as a phrase.
pub(super) struct Needle {
    bytes: Vec<u8>,
    /// Its bytes that nothing but themselves (in either case) fold to:
    /// ASCII, but for the letters `İ` and `K` (the Kelvin sign) lower to and
    /// the quotes and dashes [`fold`] makes plain.
    plain: Vec<u8>,
    /// Its words, longest first.
    words: Vec<Vec<u8>>,
    mask: u64,
    phrase: memchr::memmem::Finder<'static>,
}

impl Needle {
    /// Whether `hay` matches: the span of the needle's characters in it,
    /// and whether it holds the needle as a phrase. `EITHER_CASE` for an
    /// ASCII text not yet folded.
    fn matches<const EITHER_CASE: bool>(&self, hay: &[u8]) -> Option<(usize, bool)> {
        let span = subsequence_in::<EITHER_CASE>(hay, &self.bytes)?;
        if !self.words.iter().all(|word| word_close_in::<EITHER_CASE>(hay, word)) {
            return None;
        }
        // The phrase itself: as tight as a match can be.
        let exact = match EITHER_CASE {
            true => phrase_in_either_case(hay, &self.bytes),
            false => self.phrase.find(hay).is_some(),
        };
        Some((span, exact))
    }

    /// Whether the query holds nothing to look for.
    pub(super) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub(super) fn new(text: &str) -> Needle {
        let mut bytes = Vec::new();
        fold(text, &mut bytes);
        let mut words: Vec<Vec<u8>> = bytes
            .split(|&b| b == b' ')
            .filter(|word| !word.is_empty())
            .map(<[u8]>::to_vec)
            .collect();
        words.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let plain = bytes
            .iter()
            .copied()
            .filter(|b| b.is_ascii() && !matches!(b, b'i' | b'k' | b'\'' | b'"' | b'-'))
            .collect();
        Needle {
            plain,
            words,
            mask: mask(&bytes),
            phrase: memchr::memmem::Finder::new(&bytes).into_owned(),
            bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// However a passage is read (an ASCII one where it stands, any other
    /// looked over before it is folded), it passes exactly when its text
    /// folded in full matches: over the bundled articles and one whose
    /// letters fold to the letters, quotes and dashes a query may hold.
    #[test]
    fn a_passage_passes_as_its_folded_text_does() {
        let mut sources = crate::corpus::bundled_sources();
        let text = "+++\nid = \"odd\"\ntitle = \"Odd\"\n+++\n\nİSTANBUL at 5 \u{212A}, ‘quoted’ and “twice” \
                    — a dash – and CAFÉ. Plain ASCII, Quoted 'so' - dashed. Ǆungla ﬁne.\n";
        sources.push(crate::corpus::SourceFile {
            name: "odd.md".into(),
            bytes: text.as_bytes().to_vec().into(),
        });
        let corpus = Arc::new(crate::corpus::load(&sources).corpus);
        let index = SearchIndex::build(&corpus, &crate::debate::DebateMap::default());
        let needles = [
            "istanbul",
            "i̇stanbul",
            "5 k",
            "'quoted'",
            "\"twice\"",
            "- a dash",
            "café",
            "cafe",
            "plain",
            "ǆungla",
            "fine",
            "the",
            "russia",
            "xi",
            "no limits",
            "e",
            "k",
            "-",
            "'",
        ];
        let (mut buffer, mut passed) = (Vec::new(), 0);
        for needle in needles.map(Needle::new) {
            for id in 0..index.passages_end {
                let mut folded = Vec::new();
                fold(index.text(id), &mut folded);
                let whole = needle.mask & !index.masks[id as usize] == 0;
                let expected = whole.then(|| needle.matches::<false>(&folded)).flatten();
                let found = index.check(&needle, Scope::All, id, &mut buffer);
                assert_eq!(
                    found.map(|s| s.exact),
                    expected.map(|(_, exact)| exact),
                    "{:?}",
                    index.text(id)
                );
                passed += usize::from(found.is_some());
            }
        }
        assert!(passed > 1000, "{passed}");
    }
}
