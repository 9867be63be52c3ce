//! The sidebar: its rows (the themes, the articles, the focused article's
//! headings), moving among them, and what choosing one does.

use super::jumps::{self, jump_to};
use super::{App, Focus, Position, themes};
use crate::corpus::BlockKind;

/// One row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarEntry {
    ThemesHeader,
    Theme(usize),
    ArticlesHeader,
    Article(usize),
    ContentsHeader,
    /// A heading of the focused article (block index).
    Heading(usize),
}

impl SidebarEntry {
    pub fn selectable(self) -> bool {
        matches!(
            self,
            SidebarEntry::Theme(_) | SidebarEntry::Article(_) | SidebarEntry::Heading(_)
        )
    }
}

impl App {
    /// The rows of the sidebar: the themes, the articles, then the focused
    /// article's headings.
    pub fn sidebar_entries(&self) -> Vec<SidebarEntry> {
        let mut entries = Vec::new();
        if !self.map.themes.is_empty() {
            entries.push(SidebarEntry::ThemesHeader);
            entries.extend((0..self.map.themes.len()).map(SidebarEntry::Theme));
        }
        entries.push(SidebarEntry::ArticlesHeader);
        entries.extend((0..self.corpus.articles.len()).map(SidebarEntry::Article));
        if let Some(pane) = self.panes.get(self.focused_pane) {
            let article = &self.corpus.articles[pane.article];
            let headings: Vec<SidebarEntry> = article
                .blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| matches!(b.kind, BlockKind::Heading { .. }))
                .map(|(i, _)| SidebarEntry::Heading(i))
                .collect();
            if !headings.is_empty() {
                entries.push(SidebarEntry::ContentsHeader);
                entries.extend(headings);
            }
        }
        entries
    }
}

pub(super) fn move_sidebar(app: &mut App, down: bool) {
    let entries = app.sidebar_entries();
    let mut index = app.sidebar_selected.min(entries.len().saturating_sub(1));
    loop {
        let next = if down { index + 1 } else { index.wrapping_sub(1) };
        match entries.get(next) {
            Some(entry) if entry.selectable() => {
                app.sidebar_selected = next;
                return;
            }
            Some(_) => index = next,
            None => return,
        }
    }
}

pub(super) fn select_sidebar(app: &mut App) {
    let entries = app.sidebar_entries();
    match entries.get(app.sidebar_selected) {
        Some(SidebarEntry::Article(article)) => {
            let article = *article;
            let (pane, opened) = jumps::to_article(app, article);
            // Browsing the sidebar goes on there.
            app.focus = Focus::Sidebar;
            if opened {
                themes::opened_in(app, pane);
            }
            // The contents below now list this article's headings.
            if let Some(index) = app
                .sidebar_entries()
                .iter()
                .position(|e| *e == SidebarEntry::Article(article))
            {
                app.sidebar_selected = index;
            }
        }
        Some(SidebarEntry::Theme(theme)) => themes::select_theme(app, *theme),
        Some(SidebarEntry::Heading(block)) => {
            let block = *block;
            jump_to(app, app.focused_pane, None, Position { block, line: 0 });
        }
        _ => {}
    }
}
