//! The one place where text from files is made safe to show.
//!
//! Every byte that reaches the terminal comes from text that went through
//! [`clean`], so no file can send the terminal a control sequence (a title
//! change, a clipboard write, a cursor move) or reorder what is shown with
//! bidirectional overrides. Such characters are replaced by visible
//! placeholders rather than dropped, so the reader can see that they were there.

/// Columns between tab stops when tabs are expanded.
pub const TAB_WIDTH: usize = 4;

/// Returns `text` with line ends made `\n`, tabs expanded to spaces, a leading
/// byte-order mark dropped, and every control, escape or bidirectional
/// formatting character replaced by a visible placeholder.
pub fn clean(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Most text has nothing to replace: one pass over its bytes says so.
    if !needs_cleaning(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut column = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\r' => {
                // CRLF and a lone CR both end a line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c => {
                match placeholder(c) {
                    Some(shown) => out.push_str(&shown),
                    None => out.push(c),
                }
                column += 1;
            }
        }
    }
    out
}

/// Whether `text` holds a byte sequence [`clean`] changes: a C0 control
/// other than a line feed (tabs and CRs included), DEL, or the UTF-8 of a
/// C1 control or a bidirectional formatting character.
fn needs_cleaning(text: &str) -> bool {
    let bytes = text.as_bytes();
    has_control(bytes)
        || memchr::memchr(0x7f, bytes).is_some()
        || memchr::memchr3_iter(0xc2, 0xd8, 0xe2, bytes).any(|i| match bytes[i] {
            // U+0080..U+009F
            0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            // U+061C
            0xd8 => bytes.get(i + 1) == Some(&0x9c),
            // U+200E, U+200F, U+202A..U+202E; U+2066..U+2069
            _ => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0x8e | 0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
        })
}

/// Whether `bytes` holds a C0 control other than a line feed. Eight bytes
/// at a time: a word with no byte below 0x20 (most of them) is passed over
/// whole, the others looked at byte by byte.
fn has_control(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let control = |b: &u8| *b < 0x20 && *b != b'\n';
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // Nonzero exactly when some byte of x is below 0x20.
        if x.wrapping_sub(ONES * 0x20) & !x & HIGH_BITS != 0 && word.iter().any(control) {
            return true;
        }
    }
    words.remainder().iter().any(control)
}

/// Cleans a single line of text (a title, a name, a message): like [`clean`],
/// and line ends become visible too, so the result stays on one line.
pub fn clean_line(text: &str) -> String {
    clean(text).replace('\n', "\u{2424}")
}

/// The visible stand-in for a character that must not reach the terminal
/// as itself, or `None` when the character is safe.
fn placeholder(c: char) -> Option<String> {
    let code = c as u32;
    match code {
        // C0 controls: the Control Pictures block has a glyph for each (␀ ␛ …).
        0x00..=0x1f => char::from_u32(0x2400 + code).map(String::from),
        0x7f => Some("\u{2421}".to_string()),
        // C1 controls (CSI, OSC, DCS… in their 8-bit forms).
        0x80..=0x9f => Some(format!("\u{27e8}U+{code:04X}\u{27e9}")),
        // Bidirectional embeddings, overrides, isolates and marks.
        0x200e | 0x200f | 0x061c | 0x202a..=0x202e | 0x2066..=0x2069 => Some(format!("\u{27e8}U+{code:04X}\u{27e9}")),
        _ => None,
    }
}

/// How many characters [`clean`] shows as placeholders in `text` (a tab,
/// a line end and a byte-order mark at the start are not counted).
pub fn placeholders_needed(text: &str) -> usize {
    if !needs_cleaning(text) {
        return 0;
    }
    text.chars()
        .filter(|&c| !matches!(c, '\n' | '\r' | '\t') && placeholder(c).is_some())
        .count()
}

/// True when `text` holds nothing that [`clean`] would replace.
pub fn is_clean(text: &str) -> bool {
    !needs_cleaning(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character [`clean`] replaces, and its neighbours in UTF-8.
    fn interesting() -> Vec<char> {
        let mut chars: Vec<char> = (0..=0x7fu32).chain(0x80..=0xa0).filter_map(char::from_u32).collect();
        chars.extend(
            [
                0x061b, 0x061c, 0x061d, 0x200d, 0x200e, 0x200f, 0x2010, 0x2029, 0x202a, 0x202e, 0x202f, 0x2065, 0x2066,
                0x2069, 0x206a, 0x2014, 0x201c, 0x2019, 0xfeff, 0x4e2d, 0x1f44d,
            ]
            .into_iter()
            .filter_map(char::from_u32),
        );
        chars
    }

    #[test]
    fn the_quick_check_finds_exactly_what_cleaning_changes() {
        let pad = "abcdefghi\n";
        for c in interesting() {
            let mut texts = vec![c.to_string(), format!("a{c}b"), format!("{c}{c}")];
            // At every place in a word of eight bytes, and beside a line feed.
            for before in 0..=pad.len() {
                texts.push(format!("{}{c}{}", &pad[..before], &pad[before..]));
            }
            for text in texts {
                let changed = text
                    .chars()
                    .any(|c| c != '\n' && (c == '\t' || c == '\r' || placeholder(c).is_some()));
                assert_eq!(needs_cleaning(&text), changed, "U+{:04X}", c as u32);
                assert!(is_clean(&clean(&text)), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn escape_sequences_become_visible() {
        let hostile = "a\u{1b}]0;pwned\u{7}b\u{1b}[2Jc";
        let cleaned = clean(hostile);
        assert_eq!(cleaned, "a\u{241b}]0;pwned\u{2407}b\u{241b}[2Jc");
        assert!(is_clean(&cleaned));
    }

    #[test]
    fn c1_del_and_bidi_are_shown_as_placeholders() {
        assert_eq!(clean("x\u{9b}y"), "x\u{27e8}U+009B\u{27e9}y");
        assert_eq!(clean("\u{7f}"), "\u{2421}");
        assert_eq!(clean("a\u{202e}b"), "a\u{27e8}U+202E\u{27e9}b");
        assert_eq!(
            clean("\u{2066}\u{200f}"),
            "\u{27e8}U+2066\u{27e9}\u{27e8}U+200F\u{27e9}"
        );
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(clean("a\tb"), "a   b");
        assert_eq!(clean("abcd\tb"), "abcd    b");
        assert_eq!(clean("x\n\ty"), "x\n    y");
    }

    #[test]
    fn line_ends_and_bom_are_normalized() {
        assert_eq!(clean("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean_line("a\nb"), "a\u{2424}b");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "Xi’s “no limits” — 中国 é 👍 $240 billion";
        assert_eq!(clean(text), text);
    }
}
