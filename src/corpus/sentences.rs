//! Sentence boundaries within a block, for anchoring and search.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.N.", "U.K.", "E.U.", "D.C.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Nos.", "vol.", "pp.", "p.",
    "ed.", "eds.", "e.g.", "i.e.", "cf.", "Jr.", "Sr.", "Gen.", "Gov.", "Sen.", "Rep.",
];

/// Byte ranges of the sentences of `text`, trailing spaces excluded.
/// Splits on Unicode sentence boundaries (UAX #29), then joins a break that
/// follows a common abbreviation ("U.S. officials").
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut joining = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let trimmed = piece.trim_end();
        if trimmed.is_empty() {
            continue;
        }
        let range = start..start + trimmed.len();
        match out.last_mut() {
            Some(last) if joining => last.end = range.end,
            _ => out.push(range),
        }
        let last_word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
        joining = ABBREVIATIONS
            .iter()
            .any(|a| last_word.ends_with(a) && starts_word(last_word, a));
    }
    out
}

fn starts_word(word: &str, abbreviation: &str) -> bool {
    let rest = &word[..word.len() - abbreviation.len()];
    rest.chars().last().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_sentence_ends() {
        assert_eq!(split("One. Two? Three!"), ["One.", "Two?", "Three!"]);
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        assert_eq!(
            split("The U.S. Secretary spoke. Then the U.N. voted."),
            ["The U.S. Secretary spoke.", "Then the U.N. voted."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(split("He said “no.” Then left."), ["He said “no.”", "Then left."]);
    }
}
