//! Text as the screen draws it. Terminals disagree on how wide some
//! sequences are (emoji joined by zero-width joiners, flags, keycaps, emoji
//! with a variation selector or a skin tone) and on what to do with a
//! zero-width character standing alone; disagreement leaves debris when the
//! screen scrolls. Such a sequence is drawn in a form terminals agree on;
//! the text itself (in `show`, search and export) is unchanged.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const ZWJ: char = '\u{200d}';
const KEYCAP: char = '\u{20e3}';

fn is_regional_indicator(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}')
}

fn is_skin_tone(c: char) -> bool {
    ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

/// Characters that take no cell and mean nothing on their own.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') || is_variation_selector(c) || is_skin_tone(c)
}

/// One grapheme as drawn: itself when terminals agree on it, else a form
/// they do.
fn grapheme(g: &str) -> Cow<'_, str> {
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return Cow::Borrowed(g);
    };
    let single = chars.next().is_none();
    if single {
        // A zero-width character alone would share a cell with whatever
        // the terminal puts there.
        return if is_invisible(first) {
            Cow::Borrowed("")
        } else {
            Cow::Borrowed(g)
        };
    }
    // A flag: its two letters.
    if g.chars().all(is_regional_indicator) {
        let letters: String = g
            .chars()
            .map(|c| char::from(b'A' + (u32::from(c) - 0x1f1e6) as u8))
            .collect();
        return Cow::Owned(letters);
    }
    let unstable = g
        .chars()
        .any(|c| c == ZWJ || c == KEYCAP || is_variation_selector(c) || is_skin_tone(c) || is_regional_indicator(c));
    if !unstable {
        // Combining marks and the like: terminals agree.
        return Cow::Borrowed(g);
    }
    // A joined or modified sequence: its first character alone.
    if is_invisible(first) {
        Cow::Borrowed("")
    } else {
        Cow::Owned(first.to_string())
    }
}

/// Whether `text` holds anything terminals may draw differently: most text
/// does not, and is drawn as it is without being split into graphemes.
fn needs_care(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .any(|c| c == KEYCAP || is_invisible(c) || is_regional_indicator(c))
}

/// `text` as drawn.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !needs_care(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for g in text.graphemes(true) {
        let drawn = grapheme(g);
        changed |= drawn != g;
        out.push_str(&drawn);
    }
    if changed { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

/// The columns `text` takes as drawn.
pub fn width(text: &str) -> usize {
    if !needs_care(text) {
        return text.width();
    }
    text.graphemes(true).map(|g| grapheme(g).width()).sum()
}

/// 12345 as "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(5), "5");
        assert_eq!(super::thousands(1234), "1,234");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }

    use super::*;

    #[test]
    fn sequences_terminals_disagree_on_are_drawn_in_a_form_they_agree_on() {
        assert_eq!(safe("a\u{200d}b"), "ab", "a lone joiner takes no cell");
        assert_eq!(safe("🇺🇦 flag"), "UA flag");
        assert_eq!(safe("👨\u{200d}👩\u{200d}👧 family"), "👨 family");
        assert_eq!(safe("👍🏽"), "👍");
        assert_eq!(safe("❤\u{fe0f}"), "❤");
        assert_eq!(safe("1\u{fe0f}\u{20e3}"), "1");
        assert_eq!(safe("café e\u{301}"), "café e\u{301}", "combining marks stay");
        assert_eq!(safe("שלום עולם"), "שלום עולם", "right-to-left text stays");
        assert_eq!(safe("中国"), "中国");
        assert_eq!(width("🇺🇦"), 2);
        assert_eq!(width("a\u{200b}b"), 2);
        assert_eq!(width("👨\u{200d}👩\u{200d}👧"), 2);
        assert_eq!(width("e\u{301}"), 1);
    }
}
