//! An article as plain text: its blocks apart by a blank line, each note
//! after its label, and where a passage stands in it in code points. The
//! REFI-QDA sources and the Web Annotations' position selectors count over
//! this text.

use crate::corpus::Article;
use crate::debate::Anchor;
use crate::ids::BlockIx;

/// How lines end in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineEnding {
    /// `\n`, as the standard has it.
    #[default]
    Lf,
    /// `\r\n`, for desktop tools that count a line ending as two characters
    /// when they place a selection.
    CrLf,
}

impl LineEnding {
    fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
        }
    }
}

/// An article's plain text: its blocks apart by a blank line, each note
/// after its label.
pub struct PlainText {
    pub text: String,
    /// Where each block's own text starts, in code points.
    starts: Vec<usize>,
    ending: LineEnding,
}

impl PlainText {
    pub fn of(article: &Article, ending: LineEnding) -> PlainText {
        let mut text = String::new();
        let mut chars = 0;
        let mut starts = Vec::with_capacity(article.blocks.len());
        let push = |text: &mut String, chars: &mut usize, piece: &str| {
            for line in piece.split_inclusive('\n') {
                let (body, ended) = match line.strip_suffix('\n') {
                    Some(body) => (body, true),
                    None => (line, false),
                };
                text.push_str(body);
                *chars += body.chars().count();
                if ended {
                    text.push_str(ending.as_str());
                    *chars += ending.as_str().len();
                }
            }
        };
        for (i, block) in article.blocks.iter().enumerate() {
            if i > 0 {
                push(&mut text, &mut chars, "\n\n");
            }
            if let Some(label) = block.note_label() {
                push(&mut text, &mut chars, &format!("[{label}] "));
            }
            starts.push(chars);
            push(&mut text, &mut chars, &block.text);
        }
        text.push_str(ending.as_str());
        PlainText { text, starts, ending }
    }

    /// The code point at byte `offset` of block `block`'s text.
    fn position(&self, article: &Article, block: BlockIx, offset: usize) -> usize {
        let before = &article[block].text[..offset];
        let extra = match self.ending {
            LineEnding::Lf => 0,
            LineEnding::CrLf => before.matches('\n').count(),
        };
        self.starts[block.get()] + before.chars().count() + extra
    }

    /// The start and end (exclusive) of an anchored stretch, in code points.
    pub fn span(&self, article: &Article, anchor: &Anchor) -> (usize, usize) {
        (
            self.position(article, anchor.start_block, anchor.start),
            self.position(article, anchor.end_block, anchor.end),
        )
    }
}
