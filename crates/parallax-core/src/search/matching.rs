//! Whether a candidate's text matches a folded query: its characters in
//! order, each word's letters close together, the phrase itself. Each test
//! reads a text either folded already or, when it is all ASCII, as it
//! stands, its letters taken in either case: the index need not keep a
//! folded copy of the articles to read most of them.

/// Whether `needle` occurs in `hay` in order; the span from the first to
/// the last byte matched (leftmost, greedy), as a cheap tightness measure.
pub fn subsequence(hay: &[u8], needle: &[u8]) -> Option<usize> {
    subsequence_in::<false>(hay, needle)
}

/// [`subsequence`]; with `EITHER_CASE`, in an ASCII text not yet folded.
pub(crate) fn subsequence_in<const EITHER_CASE: bool>(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut at = 0;
    let mut first = None;
    for &b in needle {
        let found = find::<EITHER_CASE>(b, &hay[at..])?;
        first.get_or_insert(at + found);
        at += found + 1;
    }
    Some(at - first.unwrap_or(0))
}

/// How many bytes more than a query word's own length its letters may span
/// in a candidate. Beyond that the letters are scattered across other words
/// (fzf and nucleo penalize such gaps; here they do not match at all), while
/// a word with a few letters missing or doubled ("kisinger") still matches.
/// A constant, so a longer query never admits what a shorter one refused,
/// and narrowing by the last query's survivors stays right.
pub const WORD_SLACK: usize = 3;

/// Whether every word of `needle` (split at spaces) has its letters, in
/// order, within [`WORD_SLACK`] bytes of its length somewhere in `hay`.
pub fn words_close(hay: &[u8], needle: &[u8]) -> bool {
    needle
        .split(|&b| b == b' ')
        .filter(|word| !word.is_empty())
        .all(|word| word_close(hay, word))
}

/// Whether `word` occurs in order within some window of its length and
/// [`WORD_SLACK`] bytes. The windows are a few bytes long: a plain loop
/// walks one faster than a call to search it.
pub fn word_close(hay: &[u8], word: &[u8]) -> bool {
    word_close_in::<false>(hay, word)
}

/// [`word_close`]; with `EITHER_CASE`, in an ASCII text not yet folded.
pub(crate) fn word_close_in<const EITHER_CASE: bool>(hay: &[u8], word: &[u8]) -> bool {
    let [first, rest @ ..] = word else {
        return true;
    };
    let span = word.len() + WORD_SLACK;
    let last = word[word.len() - 1];
    let mut from = 0;
    while let Some(found) = find::<EITHER_CASE>(*first, &hay[from..]) {
        let start = from + found;
        // The word's last letter stands at least its length from its first,
        // within the window: where it does not, no match starts here (and
        // where the window runs past the text, none starts further on).
        let (earliest, end) = (start + word.len() - 1, (start + span).min(hay.len()));
        if earliest >= end {
            return false;
        }
        if !hay[earliest..end].iter().any(|&b| fold_byte::<EITHER_CASE>(b) == last) {
            from = start + 1;
            continue;
        }
        let mut wanted = rest.iter();
        let mut next = wanted.next();
        for &b in &hay[start + 1..end] {
            match next {
                None => return true,
                Some(&w) if w == fold_byte::<EITHER_CASE>(b) => next = wanted.next(),
                Some(_) => {}
            }
        }
        if next.is_none() {
            return true;
        }
        from = start + 1;
    }
    false
}

/// Whether `phrase` (folded) stands in `hay`, an ASCII text not yet
/// folded, its letters in either case.
pub(crate) fn phrase_in_either_case(hay: &[u8], phrase: &[u8]) -> bool {
    let Some(&first) = phrase.first() else {
        return true;
    };
    let mut from = 0;
    while let Some(found) = find::<true>(first, &hay[from..]) {
        let start = from + found;
        match hay.get(start..start + phrase.len()) {
            Some(window) if window.eq_ignore_ascii_case(phrase) => return true,
            Some(_) => from = start + 1,
            None => return false,
        }
    }
    false
}

/// Where byte `b` of a folded needle first stands in `hay`.
fn find<const EITHER_CASE: bool>(b: u8, hay: &[u8]) -> Option<usize> {
    match EITHER_CASE && b.is_ascii_lowercase() {
        true => memchr::memchr2(b, b.to_ascii_uppercase(), hay),
        false => memchr::memchr(b, hay),
    }
}

fn fold_byte<const EITHER_CASE: bool>(b: u8) -> u8 {
    match EITHER_CASE {
        true => b.to_ascii_lowercase(),
        false => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sentence of the bundled articles.
    fn bundled_sentences() -> Vec<String> {
        let corpus = crate::corpus::load(&crate::corpus::bundled_sources()).corpus;
        corpus
            .articles()
            .iter()
            .flat_map(|a| &a.blocks)
            .flat_map(|b| b.sentences().into_iter().map(|s| b.text[s].to_string()))
            .collect()
    }

    /// Word closeness as its definition says it, letter by letter: some
    /// window of the word's length and the slack, starting at the word's
    /// first letter, holds the rest of the word in order.
    fn close_by_definition(hay: &[u8], word: &[u8]) -> bool {
        let Some((&first, rest)) = word.split_first() else {
            return true;
        };
        (0..hay.len()).filter(|&s| hay[s] == first).any(|s| {
            let window = &hay[s + 1..(s + word.len() + WORD_SLACK).min(hay.len())];
            let mut wanted = rest.iter().peekable();
            for b in window {
                if wanted.peek() == Some(&b) {
                    wanted.next();
                }
            }
            wanted.peek().is_none()
        })
    }

    #[test]
    fn word_closeness_is_its_definition() {
        let mut texts: Vec<String> = bundled_sentences().iter().map(|s| s.to_ascii_lowercase()).collect();
        texts.extend(["increase his", "incr eases", "inxcxrxeasesx", "ss", "s", "", "aaa"].map(String::from));
        let words = [
            "increases",
            "russia",
            "kisinger",
            "xi",
            "s",
            "ss",
            "aaa",
            "wedge",
            "the",
            "partnership",
            "zzz",
            "e",
        ];
        let mut held = 0;
        for text in &texts {
            for word in words.map(str::as_bytes) {
                let expected = close_by_definition(text.as_bytes(), word);
                assert_eq!(word_close(text.as_bytes(), word), expected, "{word:?} in {text:?}");
                held += usize::from(expected);
            }
        }
        assert!(held > 1000, "{held}");
    }

    /// Read in either case in ASCII text, a needle is found where it is
    /// found in the text lowered: in order and spanning as much, each word
    /// close, the phrase itself.
    #[test]
    fn either_case_in_ascii_text_is_the_text_lowered() {
        let mut texts: Vec<String> = bundled_sentences().into_iter().filter(|t| t.is_ascii()).collect();
        texts.push("NO LIMITS, No Limits; [x] {y} @Z `z` ReVeRsE KiSsInGeR".into());
        let needles = [
            "no limits",
            "xi",
            "putin",
            "wedge",
            "s",
            "[x]",
            "@z",
            "`z`",
            "1",
            "zzz",
            "é",
            "revers kisinger",
            "the",
            "of the",
        ];
        let (mut found, mut phrases) = (0, 0);
        for text in &texts {
            let lowered = text.to_ascii_lowercase();
            let (hay, lower) = (text.as_bytes(), lowered.as_bytes());
            for needle in needles.map(str::as_bytes) {
                let expected = subsequence(lower, needle);
                assert_eq!(subsequence_in::<true>(hay, needle), expected, "{needle:?} in {text}");
                found += usize::from(expected.is_some());
                for word in needle.split(|&b| b == b' ') {
                    assert_eq!(
                        word_close_in::<true>(hay, word),
                        word_close(lower, word),
                        "{word:?} in {text}"
                    );
                }
                let phrase = memchr::memmem::find(lower, needle).is_some();
                assert_eq!(phrase_in_either_case(hay, needle), phrase, "{needle:?} in {text}");
                phrases += usize::from(phrase);
            }
        }
        assert!(texts.len() > 100, "{} texts", texts.len());
        assert!(found > 100 && phrases > 50, "{found} found, {phrases} phrases");
    }
}
