//! Sentence boundaries within a block, for anchoring and search.
//!
//! A rule-based splitter rather than full Unicode segmentation: it runs at
//! memory speed over a large corpus (search indexes every sentence), and it
//! knows the abbreviations and initials of English prose that UAX #29
//! splits after ("U.S. officials", "Robert A. Manning").

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.N.", "U.K.", "E.U.", "D.C.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Nos.", "vol.", "pp.", "p.",
    "ed.", "eds.", "e.g.", "i.e.", "cf.", "Jr.", "Sr.", "Gen.", "Gov.", "Sen.", "Rep.", "Feb.", "Jan.", "Aug.",
    "Sept.", "Oct.", "Nov.", "Dec.", "vs.", "etc.",
];

/// Byte ranges of the sentences of `text`, surrounding spaces excluded.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // From one sentence end to the next, found by memchr.
    while let Some(found) = memchr::memchr3(b'.', b'?', b'!', &bytes[i..]) {
        i += found;
        let b = bytes[i];
        // Closing quotes and brackets stay with the sentence they close.
        let mut end = i + 1;
        loop {
            let rest = &text[end..];
            let closer = ['"', '\'', ')', ']', '”', '’']
                .into_iter()
                .find(|c| rest.starts_with(*c));
            match closer {
                Some(c) => end += c.len_utf8(),
                None => break,
            }
        }
        let next = text[end..].strip_prefix(' ').and_then(|rest| rest.chars().next());
        let starts_sentence = next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'([".contains(c));
        if starts_sentence && !(b == b'.' && ends_abbreviation(&text[start..i + 1])) {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
        i = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Whether `sentence_so_far` ends with an abbreviation or an initial ("A.").
fn ends_abbreviation(sentence_so_far: &str) -> bool {
    let word = sentence_so_far.rsplit(' ').next().unwrap_or("");
    let word = word.trim_start_matches(['"', '“', '‘', '(', '[']);
    let initial = word.len() == 2 && word.as_bytes()[0].is_ascii_uppercase();
    initial || ABBREVIATIONS.contains(&word)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let leading = piece.len() - piece.trim_start().len();
    let trailing = piece.len() - piece.trim_end().len();
    if leading + trailing < piece.len() {
        out.push(range.start + leading..range.end - trailing);
    }
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
        assert_eq!(
            split("In 2023, it grew. 2024 was more."),
            ["In 2023, it grew.", "2024 was more."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_sentences() {
        assert_eq!(
            split("The U.S. Secretary spoke. Then the U.N. voted. Robert A. Manning agreed."),
            [
                "The U.S. Secretary spoke.",
                "Then the U.N. voted.",
                "Robert A. Manning agreed."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(split("He said “no.” Then left."), ["He said “no.”", "Then left."]);
        assert_eq!(
            split("“They have a marriage of convenience,” he said. “I am not sure.”"),
            ["“They have a marriage of convenience,” he said.", "“I am not sure.”"]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            split("A record $240.1 billion. Up 60 percent."),
            ["A record $240.1 billion.", "Up 60 percent."]
        );
        assert_eq!(split("e.g. this one. Next"), ["e.g. this one.", "Next"]);
    }

    #[test]
    fn empty_and_unterminated_text() {
        assert!(split("").is_empty());
        assert_eq!(split("no end"), ["no end"]);
        assert_eq!(split("中文。 English."), ["中文。 English."]);
    }
}
