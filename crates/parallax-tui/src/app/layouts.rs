//! The laid-out texts: each article's displayed text, built once, and its
//! lines at each width a pane shows it at, built once per width; and where
//! the panes stand in them.

use std::collections::HashMap;
use std::sync::Arc;

use super::header::pane_area;
use super::{App, CONTEXT_LINES, Focus, Position};
use crate::ids::{ArticleIx, BlockIx};
use crate::layout::{ArticleText, Document, Screen, text_width};

/// What has been laid out: kept while a pane shows it, dropped after.
#[derive(Default)]
pub(super) struct Layouts {
    texts: HashMap<ArticleIx, Arc<ArticleText>>,
    documents: HashMap<(ArticleIx, u16), Arc<Document>>,
}

impl Layouts {
    /// Forgets everything laid out (the corpus changed).
    pub(super) fn clear(&mut self) {
        self.texts.clear();
        self.documents.clear();
    }
}

impl App {
    pub fn screen(&self) -> Screen {
        Screen::compute(
            self.size,
            self.reading.sidebar_visible,
            self.reading.compare_visible,
            self.reading.panes.len(),
            self.reading.focused_pane,
            self.reading.focus == Focus::Sidebar,
        )
    }

    /// The text width a pane is laid out at: its own if shown, else that of
    /// the panes that are.
    pub fn pane_width(&self, screen: &Screen, pane: usize) -> u16 {
        pane_area(screen, pane).map_or(1, text_width)
    }

    /// Rows of text in a pane: its area less its header and bottom border.
    pub fn pane_height(&self, screen: &Screen, pane: usize) -> usize {
        let Some(area) = pane_area(screen, pane) else { return 1 };
        usize::from(area.height.saturating_sub(self.header_rows(screen, pane) + 1).max(1))
    }

    /// The laid-out document of a pane at its current width, if built.
    pub fn document(&self, pane: usize) -> Option<&Document> {
        let screen = self.screen();
        let width = self.pane_width(&screen, pane);
        let article = self.reading.panes.get(pane)?.article;
        self.layouts.documents.get(&(article, width)).map(|d| d.as_ref())
    }

    pub fn article_text(&self, article: ArticleIx) -> Option<&ArticleText> {
        self.layouts.texts.get(&article).map(|t| t.as_ref())
    }

    /// The absolute first line a pane shows.
    pub fn scroll_line(&self, pane: usize) -> usize {
        match (self.document(pane), self.reading.panes.get(pane)) {
            (Some(doc), Some(p)) => doc.line_of(p.top.block, p.top.line),
            _ => 0,
        }
    }

    /// The line of a pane's document that shows byte `offset` of `block`'s text.
    pub(super) fn line_showing(&mut self, pane: usize, block: BlockIx, offset: usize) -> Option<usize> {
        let doc = self.pane_document(pane)?;
        let text = self.article_text(self.reading.panes[pane].article)?;
        let shown = text.shown(block)?.shown_offset(offset);
        Some(doc.line_showing(block, shown))
    }

    /// Puts `line` of a pane near its top, with [`CONTEXT_LINES`] above it.
    pub(super) fn place_near_top(&mut self, pane: usize, line: usize) {
        if let Some(doc) = self.pane_document(pane) {
            let (block, line) = doc.position_of(line.saturating_sub(CONTEXT_LINES));
            self.reading.panes[pane].top = Position { block, line };
        }
    }

    /// A pane's document at its current width, built if need be.
    pub(super) fn pane_document(&mut self, pane: usize) -> Option<Arc<Document>> {
        let screen = self.screen();
        let width = self.pane_width(&screen, pane);
        let article = self.reading.panes.get(pane)?.article;
        Some(self.ensure_document(article, width))
    }

    /// Builds (once) what a pane needs to be drawn at its width.
    fn ensure_document(&mut self, article: ArticleIx, width: u16) -> Arc<Document> {
        if let Some(doc) = self.layouts.documents.get(&(article, width)) {
            return Arc::clone(doc);
        }
        let text = Arc::clone(
            self.layouts
                .texts
                .entry(article)
                .or_insert_with(|| Arc::new(ArticleText::new(&self.corpus[article]))),
        );
        let doc = Arc::new(Document::build(&text, width));
        self.layouts.documents.insert((article, width), Arc::clone(&doc));
        doc
    }

    /// Lays out every pane at its width and forgets layouts no pane uses.
    pub(super) fn refresh_layouts(&mut self) {
        let screen = self.screen();
        let wanted: Vec<(ArticleIx, u16)> = (0..self.reading.panes.len())
            .map(|i| (self.reading.panes[i].article, self.pane_width(&screen, i)))
            .collect();
        for &(article, width) in &wanted {
            self.ensure_document(article, width);
        }
        self.layouts.documents.retain(|key, _| wanted.contains(key));
        self.layouts
            .texts
            .retain(|article, _| wanted.iter().any(|(a, _)| a == article));
        for i in 0..self.reading.panes.len() {
            let width = self.pane_width(&screen, i);
            let doc = Arc::clone(&self.layouts.documents[&(self.reading.panes[i].article, width)]);
            let top = &mut self.reading.panes[i].top;
            top.block = top.block.min(doc.last_block());
            top.line = top.line.min(doc.block_lines(top.block).saturating_sub(1));
        }
    }
}
