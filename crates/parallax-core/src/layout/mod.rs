//! How blocks are laid out as lines: the text a block shows (speaker labels
//! and note markers included), its marked ranges, and wrapping.

pub mod display;
mod document;
mod screen;
mod wrap;

pub use document::{ArticleText, DocLine, Document};
pub use screen::{MIN_PANE_WIDTH, NARROW_SIDEBAR_WIDTH, PANE_HEADER_ROWS, Screen, text_width};
pub use wrap::wrap;

use std::ops::Range;

use crate::corpus::{Block, BlockKind};

/// What a range of a block's shown text is, for styling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// The label that opens an interview turn.
    Speaker,
    /// A reference to an endnote.
    NoteRef(String),
    /// The number of a note at the start of the note itself.
    NoteLabel,
}

/// A block's text as shown: speaker label and note markers included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    pub marks: Vec<(Range<usize>, Mark)>,
    /// Columns each line after the first is indented by (list items, notes).
    pub hanging_indent: usize,
    /// Bytes shown before the block's own text (bullet, note number, speaker).
    prefix_len: usize,
    /// Note markers inserted into the text: (offset in the block's text, bytes).
    inserted: Vec<(usize, usize)>,
}

impl Shown {
    /// Where byte `shown` of the shown text stands in the block's own text
    /// (the inverse of [`Shown::shown_offset`]; inside a label or a note
    /// marker, the place it stands at).
    pub fn text_offset(&self, shown: usize) -> usize {
        let mut offset = shown.saturating_sub(self.prefix_len);
        for &(at, len) in &self.inserted {
            if offset >= at + len {
                offset -= len;
            } else if offset >= at {
                return at;
            } else {
                break;
            }
        }
        offset
    }

    /// Where byte `offset` of the block's own text stands in the shown text.
    pub fn shown_offset(&self, offset: usize) -> usize {
        let inserted: usize = self
            .inserted
            .iter()
            .filter(|(at, _)| *at <= offset)
            .map(|(_, len)| len)
            .sum();
        self.prefix_len + offset + inserted
    }
}

/// The text a block shows, with its marks.
pub fn shown(block: &Block) -> Shown {
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut hanging_indent = 0;
    match &block.kind {
        BlockKind::ListItem => {
            text.push_str("• ");
            hanging_indent = 2;
        }
        BlockKind::Note => {
            let label = block.note_label().unwrap_or_default();
            let start = text.len();
            text.push_str(&format!("[{label}]"));
            marks.push((start..text.len(), Mark::NoteLabel));
            text.push(' ');
            hanging_indent = text.chars().count();
        }
        _ => {}
    }
    if let Some(label) = block.turn_label() {
        let start = text.len();
        text.push_str(label);
        text.push(':');
        marks.push((start..text.len(), Mark::Speaker));
        if !block.text.is_empty() {
            text.push(' ');
        }
    }
    let prefix_len = text.len();
    let mut inserted = Vec::new();
    let mut last = 0;
    for note in block.note_refs() {
        text.push_str(&block.text[last..note.at]);
        let start = text.len();
        text.push_str(&format!("[{}]", note.label));
        marks.push((start..text.len(), Mark::NoteRef(note.label.to_string())));
        inserted.push((note.at, text.len() - start));
        last = note.at;
    }
    text.push_str(&block.text[last..]);
    Shown {
        text,
        marks,
        hanging_indent,
        prefix_len,
        inserted,
    }
}

/// Wraps a shown block to `width`, honouring its hanging indent: returns,
/// per line, the indent in columns and the byte range of the shown text.
pub fn wrap_shown(shown: &Shown, width: usize) -> Vec<(usize, Range<usize>)> {
    let indent = shown.hanging_indent.min(width.saturating_sub(8));
    let first = wrap(&shown.text, width);
    let Some(first_line) = first.first().cloned() else {
        return Vec::new();
    };
    if indent == 0 || first.len() == 1 {
        return first.into_iter().map(|r| (0, r)).collect();
    }
    let rest_start = first[1].start;
    let mut out = vec![(0, first_line)];
    out.extend(
        wrap(&shown.text[rest_start..], width - indent)
            .into_iter()
            .map(|r| (indent, r.start + rest_start..r.end + rest_start)),
    );
    out
}
