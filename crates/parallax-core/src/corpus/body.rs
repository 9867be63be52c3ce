//! The Markdown body: headings, paragraphs, interview turns, lists, set-off
//! blocks and endnotes, parsed by pulldown-cmark into [`Block`]s.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Author, Block, BlockKind, BlockText, NoteRef};
use crate::diagnostic::{Diagnostic, Location};

/// Parses `source[body_start..]` into blocks; their lines are `source`'s.
pub(super) fn parse_body(
    file: &str,
    source: &str,
    body_start: usize,
    authors: &[Author],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    let body = &source[body_start..];
    let mut builder = BodyBuilder {
        authors,
        ..BodyBuilder::default()
    };
    // The words are most of the body: grown once, then shrunk to them.
    builder.text.reserve(body.len());
    let mut refs_seen: Vec<(String, usize)> = Vec::new();
    for (event, range) in Parser::new_ext(body, Options::ENABLE_OLD_FOOTNOTES).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(tag) => builder.start(tag, range),
            Event::End(tag) => builder.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => builder.push_text(&t, range),
            Event::InlineMath(t) | Event::DisplayMath(t) => builder.push_text(&t, range),
            Event::SoftBreak | Event::HardBreak => builder.push_text(" ", range),
            Event::FootnoteReference(label) => {
                refs_seen.push((label.to_string(), range.start));
                builder.push_note_ref(&label, range);
            }
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }
    builder.finish_open();
    let BodyBuilder {
        mut blocks,
        texts,
        mut text,
        starts,
        ..
    } = builder;
    check_notes(file, source, &blocks, &starts, &refs_seen, diagnostics);
    let lines = crate::diagnostic::LineIndex::new(source);
    for (block, &start) in blocks.iter_mut().zip(&starts) {
        block.line = u32::try_from(lines.location(start).line).unwrap_or(u32::MAX);
    }
    assign_ids(&mut blocks);
    text.shrink_to_fit();
    let text = std::sync::Arc::new(text);
    for (block, range) in blocks.iter_mut().zip(texts) {
        block.text = BlockText::new(&text, range);
    }
    blocks
}

#[derive(Default)]
struct BodyBuilder<'a> {
    /// Whose labels open interview turns.
    authors: &'a [Author],
    /// The author whose turn it is: from a paragraph opened by their label
    /// (`**YS:**`) until the next label or heading.
    turn: Option<usize>,
    /// The blocks, their words not yet in them: those are in `text`, at
    /// the range of `texts` of the same place, in order.
    blocks: Vec<Block>,
    texts: Vec<Range<usize>>,
    /// The words of every block, one after another.
    text: String,
    /// Where each block starts in the file, and the open block.
    starts: Vec<usize>,
    open_start: usize,
    /// The block being built; its words are in `scratch` until it is done.
    open: Option<Block>,
    quote_depth: usize,
    item_depth: usize,
    in_note: bool,
    /// Whether the open strong span began a paragraph: it may be a speaker's label.
    leading_strong: bool,
    /// The open block's words, in room kept from block to block.
    scratch: String,
}

impl BodyBuilder<'_> {
    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => self.open_block(BlockKind::Heading { level: level as u8 }, range),
            Tag::Paragraph => {
                if self.in_note || self.item_depth > 0 {
                    match &self.open {
                        Some(_) => push_space(&mut self.scratch),
                        None => self.open_block(BlockKind::Paragraph, range),
                    }
                } else if self.quote_depth > 0 {
                    self.open_block(BlockKind::Quote, range);
                } else {
                    self.open_block(BlockKind::Paragraph, range);
                }
            }
            Tag::Item => {
                self.finish_open();
                self.item_depth += 1;
                self.open_block(BlockKind::ListItem, range);
            }
            Tag::FootnoteDefinition(label) => {
                self.in_note = true;
                self.open_block(BlockKind::Note, range);
                // A note's id is made from its label, known only here.
                if let Some(note) = &mut self.open {
                    note.id = ecow::eco_format!("n{label}");
                }
            }
            Tag::BlockQuote(_) => {
                self.finish_open();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock => self.open_block(BlockKind::Paragraph, range),
            Tag::Strong => {
                self.leading_strong =
                    matches!(&self.open, Some(b) if b.kind == BlockKind::Paragraph && self.scratch.is_empty());
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => self.finish_open(),
            TagEnd::Paragraph if !self.in_note && self.item_depth == 0 => self.finish_open(),
            TagEnd::Item => {
                self.finish_open();
                self.item_depth = self.item_depth.saturating_sub(1);
            }
            TagEnd::FootnoteDefinition => {
                self.finish_open();
                self.in_note = false;
            }
            TagEnd::BlockQuote(_) => {
                self.finish_open();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::Strong if self.leading_strong => {
                self.leading_strong = false;
                // A speaker's label opens their turn; a bold lead-in that
                // names no speaker stays ordinary text.
                if let Some(open) = &mut self.open
                    && let Some(label) = self.scratch.strip_suffix(':').map(str::trim)
                    && let Some(speaker) = self.authors.iter().position(|a| a.speaker.iter().any(|s| s == label))
                {
                    open.extras_mut().turn_label = Some(label.into());
                    self.turn = Some(speaker);
                    self.scratch.clear();
                }
            }
            _ => {}
        }
    }

    fn open_block(&mut self, kind: BlockKind, span: Range<usize>) {
        self.finish_open();
        if matches!(kind, BlockKind::Heading { .. }) {
            self.turn = None;
        }
        self.open = Some(Block {
            id: ecow::EcoString::new(),
            kind,
            text: BlockText::default(),
            line: 0,
            speaker: super::NO_SPEAKER,
            extras: None,
        });
        self.open_start = span.start;
    }

    fn push_text(&mut self, text: &str, range: Range<usize>) {
        if self.open.is_none() {
            self.open_block(BlockKind::Paragraph, range);
        }
        push_collapsed(&mut self.scratch, text);
    }

    fn push_note_ref(&mut self, label: &str, range: Range<usize>) {
        if self.open.is_none() {
            self.open_block(BlockKind::Paragraph, range);
        }
        let note = NoteRef {
            at: self.scratch.len(),
            label: label.into(),
        };
        let open = self.open.as_mut().expect("a block was just opened");
        open.extras_mut().note_refs.push(note);
    }

    fn finish_open(&mut self) {
        let Some(mut block) = self.open.take() else { return };
        // Built piece by piece in room kept for the next block, the words
        // are copied once, after the blocks' before them.
        let trimmed = self.scratch.trim_end().len();
        for r in block.note_refs_mut() {
            r.at = r.at.min(trimmed);
        }
        if block.kind == BlockKind::Paragraph {
            block.set_speaker(self.turn);
        }
        if trimmed > 0 || block.turn_label().is_some() {
            let start = self.text.len();
            self.text.push_str(&self.scratch[..trimmed]);
            self.texts.push(start..self.text.len());
            self.starts.push(self.open_start);
            self.blocks.push(block);
        }
        self.scratch.clear();
    }
}

/// Appends `text` with each run of white space made one space, and none
/// at the start of `out` or after a space already there.
fn push_collapsed(out: &mut String, text: &str) {
    if single_spaced(text) {
        // Nothing to collapse but a space the text may start with.
        let after_space = out.is_empty() || out.ends_with(' ');
        out.push_str(if after_space {
            text.strip_prefix(' ').unwrap_or(text)
        } else {
            text
        });
        return;
    }
    // Runs between white space go in whole; each white space character
    // becomes at most one space.
    let bytes = text.as_bytes();
    let (mut from, mut at) = (0, 0);
    while at < bytes.len() {
        let (width, space) = match bytes[at] {
            b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => (1, true),
            b if b.is_ascii() => (1, false),
            _ => {
                let c = text[at..].chars().next().expect("a character starts here");
                (c.len_utf8(), c.is_whitespace())
            }
        };
        if space {
            out.push_str(&text[from..at]);
            push_space(out);
            from = at + width;
        }
        at += width;
    }
    out.push_str(&text[from..]);
}

/// The words of `text`: its runs between white space. A block's text is
/// single-spaced as built, so its spaces are counted (see [`spaces`])
/// rather than its words split out one by one.
pub(super) fn words(text: &str) -> usize {
    if !single_spaced(text) {
        return text.split_whitespace().count();
    }
    let text = text.trim_matches(' ');
    match text.is_empty() {
        true => 0,
        false => spaces(text.as_bytes()) + 1,
    }
}

/// How many spaces `bytes` holds, counted a byte-sized sum at a time: a
/// count kept in a byte is added up sixteen or thirty-two at once, one kept
/// in a `usize` two.
fn spaces(bytes: &[u8]) -> usize {
    bytes
        .chunks(usize::from(u8::MAX))
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b' '))))
        .sum()
}

/// A finder of two spaces, made once: a finder made for each piece of text
/// cost more than the search.
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Whether the only white space in `text` is single spaces (as in most of
/// a paragraph's text, a line at a time), found with a few vectorized scans
/// rather than character by character.
fn single_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(b'\x0b', b'\x0c', bytes).is_none()
        && DOUBLE_SPACE.find(bytes).is_none()
        // White space beyond ASCII: U+0085, U+00A0 (C2 ..), U+1680 (E1 ..),
        // U+2000-U+200A, U+2028, U+2029, U+202F, U+205F (E2 ..), U+3000 (E3 ..).
        && memchr::memchr3(0xc2, 0xe1, 0xe3, bytes).is_none()
        && memchr::memchr_iter(0xe2, bytes).all(|at| {
            !matches!(
                (bytes.get(at + 1), bytes.get(at + 2)),
                (Some(0x80), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)) | (Some(0x81), Some(0x9f))
            )
        })
}

/// Appends one space unless the text is empty or already ends in one, so
/// runs of white space (line breaks in the file) read as a single space.
fn push_space(text: &mut String) {
    if !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

fn check_notes(
    file: &str,
    source: &str,
    blocks: &[Block],
    starts: &[usize],
    refs_seen: &[(String, usize)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Each note by its label, with where it starts.
    let mut defined: HashMap<&str, usize> = HashMap::new();
    for (block, &start) in blocks.iter().zip(starts) {
        if let Some(label) = block.note_label()
            && defined.insert(label, start).is_some()
        {
            diagnostics.push(Diagnostic::error(
                file,
                Location::of_offset(source, start),
                format!("note `[^{label}]` is defined twice"),
                "give each note its own label, or merge the two",
            ));
        }
    }
    let mut referenced = HashSet::new();
    for (label, at) in refs_seen {
        referenced.insert(label.as_str());
        if !defined.contains_key(label.as_str()) {
            diagnostics.push(Diagnostic::error(
                file,
                Location::of_offset(source, *at),
                format!("note reference `[^{label}]` has no note"),
                format!("add a line `[^{label}]: ...` with the note's text at the end of the article, or remove the reference"),
            ));
        }
    }
    for (label, start) in defined {
        if !referenced.contains(label) {
            diagnostics.push(Diagnostic::warning(
                file,
                Location::of_offset(source, start),
                format!("note `[^{label}]` is never referenced"),
                format!("mark where it belongs in the text with `[^{label}]`, or remove the note"),
            ));
        }
    }
}

fn assign_ids(blocks: &mut [Block]) {
    let (mut headings, mut paragraphs, mut items, mut quotes) = (0, 0, 0, 0);
    for block in blocks {
        block.id = match &block.kind {
            BlockKind::Heading { .. } => {
                headings += 1;
                ecow::eco_format!("h{headings}")
            }
            BlockKind::Paragraph => {
                paragraphs += 1;
                ecow::eco_format!("p{paragraphs}")
            }
            BlockKind::ListItem => {
                items += 1;
                ecow::eco_format!("li{items}")
            }
            BlockKind::Quote => {
                quotes += 1;
                ecow::eco_format!("q{quotes}")
            }
            // Named from its label as it was opened.
            BlockKind::Note => continue,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bold lead-in that names no speaker is ordinary text: its block is
    /// the block the same words written plainly make, nothing kept apart.
    #[test]
    fn a_lead_in_naming_no_speaker_leaves_a_plain_block() {
        let parse = |source: &str| parse_body("a.md", source, 0, &[], &mut Vec::new());
        let bold = parse("**Note:** Some text.\n");
        assert_eq!(bold[0].text, "Note: Some text.");
        assert_eq!(bold, parse("Note: Some text.\n"));
    }

    /// A speaker's turn runs from their label through the paragraphs after
    /// it, a bold lead-in naming no one among them, until a heading.
    #[test]
    fn a_turn_runs_until_the_next_label_or_heading() {
        let authors = [Author {
            name: "Yun Sun".into(),
            role: super::super::Role::Interviewee,
            speaker: vec!["YS".into()],
            affiliation: None,
            bio: None,
        }];
        let source = "**YS:** First.\n\nGoes on.\n\n**Note:** Still hers.\n\n## Next\n\nNobody's.\n";
        let blocks = parse_body("a.md", source, 0, &authors, &mut Vec::new());
        let turns: Vec<(&str, Option<&str>, Option<usize>)> = blocks
            .iter()
            .map(|b| (b.text.as_str(), b.turn_label(), b.speaker()))
            .collect();
        assert_eq!(
            turns,
            [
                ("First.", Some("YS"), Some(0)),
                ("Goes on.", None, Some(0)),
                ("Note: Still hers.", None, Some(0)),
                ("Next", None, None),
                ("Nobody's.", None, None),
            ]
        );
    }

    /// Spaces are counted right past a byte's worth in a row and across
    /// the chunks the count is kept in.
    #[test]
    fn spaces_are_counted_across_chunks() {
        for length in [0, 1, 254, 255, 256, 600, 1000] {
            let all = " ".repeat(length);
            assert_eq!(spaces(all.as_bytes()), length);
            let every_third: String = (0..length).map(|i| if i % 3 == 0 { ' ' } else { 'x' }).collect();
            assert_eq!(spaces(every_third.as_bytes()), length.div_ceil(3));
        }
    }

    /// Every sequence of up to four pieces (words, ASCII and other white
    /// space, characters that share a first byte with white space), pushed
    /// whole and in two parts, comes out as a character at a time would.
    #[test]
    fn white_space_collapses_as_character_by_character() {
        let pieces = [
            "word", " ", "  ", "\n", "\t", "\r\n", "\u{b}", "\u{a0}", "\u{85}", "\u{2009}", "\u{3000}", "\u{1680}",
            "\u{205f}", "’", "—", "é", "©",
        ];
        let reference = |out: &mut String, text: &str| {
            for c in text.chars() {
                if c.is_whitespace() {
                    push_space(out);
                } else {
                    out.push(c);
                }
            }
        };
        let mut sequence = [0usize; 4];
        let n = pieces.len();
        for combination in 0..n.pow(4) {
            let mut rest = combination;
            for slot in sequence.iter_mut() {
                *slot = rest % n;
                rest /= n;
            }
            let text: String = sequence.iter().map(|&i| pieces[i]).collect();
            assert_eq!(words(&text), text.split_whitespace().count(), "{text:?}");
            for start in ["", "a", "a "] {
                let mut expected = start.to_string();
                reference(&mut expected, &text);
                let mut whole = start.to_string();
                push_collapsed(&mut whole, &text);
                assert_eq!(whole, expected, "{text:?} after {start:?}");
                let half = pieces[sequence[0]].len() + pieces[sequence[1]].len();
                let mut parts = start.to_string();
                push_collapsed(&mut parts, &text[..half]);
                push_collapsed(&mut parts, &text[half..]);
                assert_eq!(parts, expected, "{text:?} in two after {start:?}");
            }
        }
    }
}
