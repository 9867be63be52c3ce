//! An article wrapped to one width: its lines, and where each block starts.
//! Built once per (article, width) and kept; frames only read it.

use std::ops::Range;

use super::{Shown, shown, wrap_shown};
use crate::corpus::{Article, BlockIx, BlockKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    /// A line of a block's shown text: the block, the byte range, the indent.
    Text {
        block: BlockIx,
        range: Range<usize>,
        indent: u16,
    },
    /// Space between blocks; belongs to the block above it.
    Blank { block: BlockIx },
    /// The "Notes" heading before the endnotes.
    NotesHeading { block: BlockIx },
}

impl DocLine {
    pub fn block(&self) -> BlockIx {
        match self {
            DocLine::Text { block, .. } | DocLine::Blank { block } | DocLine::NotesHeading { block } => *block,
        }
    }
}

/// The shown text of every block of an article: width-independent.
#[derive(Debug, Clone)]
pub struct ArticleText {
    pub blocks: Vec<Shown>,
    pub kinds: Vec<BlockKind>,
}

impl ArticleText {
    pub fn new(article: &Article) -> ArticleText {
        ArticleText {
            blocks: article.blocks.iter().map(shown).collect(),
            kinds: article.blocks.iter().map(|b| b.kind.clone()).collect(),
        }
    }
}

impl std::ops::Index<BlockIx> for ArticleText {
    type Output = Shown;

    fn index(&self, at: BlockIx) -> &Shown {
        &self.blocks[at.get()]
    }
}

impl ArticleText {
    pub fn shown(&self, at: BlockIx) -> Option<&Shown> {
        self.blocks.get(at.get())
    }

    pub fn kind(&self, at: BlockIx) -> Option<&BlockKind> {
        self.kinds.get(at.get())
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    pub width: u16,
    pub lines: Vec<DocLine>,
    /// The first line each block owns: its first text line, or the "Notes"
    /// heading before the first note (see [`Document::start_of`]).
    block_start: Vec<usize>,
}

impl Document {
    pub fn build(text: &ArticleText, width: u16) -> Document {
        let mut lines = Vec::new();
        let mut block_start = Vec::with_capacity(text.blocks.len());
        let mut in_notes = false;
        for (index, (shown, kind)) in BlockIx::all(text.blocks.len()).zip(text.blocks.iter().zip(&text.kinds)) {
            block_start.push(lines.len());
            if matches!(kind, BlockKind::Note) && !in_notes {
                in_notes = true;
                lines.push(DocLine::NotesHeading { block: index });
                lines.push(DocLine::Blank { block: index });
            }
            let text_start = lines.len();
            for (indent, range) in wrap_shown(shown, usize::from(width)) {
                lines.push(DocLine::Text {
                    block: index,
                    range,
                    indent: u16::try_from(indent).unwrap_or(0),
                });
            }
            if text_start == lines.len() {
                lines.push(DocLine::Blank { block: index });
            }
            lines.push(DocLine::Blank { block: index });
        }
        Document {
            width,
            lines,
            block_start,
        }
    }

    /// Lines a block owns: its text, the blank after it, and the "Notes"
    /// heading before the first note. Every line of the document is owned by
    /// one block, so any line can be the top of a pane.
    pub fn block_lines(&self, block: BlockIx) -> usize {
        let start = self.block_start.get(block.get()).copied().unwrap_or(self.lines.len());
        let end = self
            .block_start
            .get(block.get() + 1)
            .copied()
            .unwrap_or(self.lines.len());
        end.saturating_sub(start)
    }

    /// The block and line-within-block at an absolute line.
    pub fn position_of(&self, line: usize) -> (BlockIx, usize) {
        match self.lines.get(line) {
            None => (self.last_block(), 0),
            Some(l) => {
                let block = l.block();
                (block, line.saturating_sub(self.block_start[block.get()]))
            }
        }
    }

    /// The line of `block` that shows byte `shown_offset` of its shown text.
    pub fn line_showing(&self, block: BlockIx, shown_offset: usize) -> usize {
        let Some(&first) = self.block_start.get(block.get()) else {
            return 0;
        };
        first
            + self.lines[first..]
                .iter()
                .take_while(|l| l.block() == block)
                .position(|l| matches!(l, DocLine::Text { range, .. } if range.end > shown_offset))
                .unwrap_or(0)
    }

    /// The first line `block` owns, if the document has it.
    pub fn start_of(&self, block: BlockIx) -> Option<usize> {
        self.block_start.get(block.get()).copied()
    }

    /// The last block (the first when there is none).
    pub fn last_block(&self) -> BlockIx {
        BlockIx(self.block_start.len().saturating_sub(1))
    }

    pub fn line_of(&self, block: BlockIx, line_in_block: usize) -> usize {
        match self.block_start.get(block.get()) {
            Some(start) => (start + line_in_block).min(self.lines.len().saturating_sub(1)),
            None => 0,
        }
    }
}
