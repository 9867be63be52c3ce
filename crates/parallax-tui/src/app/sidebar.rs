//! The sidebar: its rows (the themes, the articles, the focused article's
//! headings), moving among them, and what choosing one does.

use super::jumps::{self, jump_to};
use super::{App, Focus, Position, themes};
use crate::corpus::BlockKind;
use crate::ids::{ArticleIx, BlockIx, ThemeId, ThemeIx};

/// One row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarEntry {
    ThemesHeader,
    Theme(ThemeIx),
    ArticlesHeader,
    Article(ArticleIx),
    ContentsHeader,
    /// A heading of the focused article (block index).
    Heading(BlockIx),
}

impl SidebarEntry {
    pub fn selectable(self) -> bool {
        matches!(
            self,
            SidebarEntry::Theme(_) | SidebarEntry::Article(_) | SidebarEntry::Heading(_)
        )
    }
}

/// What the sidebar's selection is on, so that it stays on it when the map
/// is rebuilt or the library arrives under it: a theme by id (themes move
/// when the reader's map changes), an article by index (articles never do).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SidebarPick {
    /// Nothing chosen yet: the first row that can be.
    #[default]
    First,
    Theme(ThemeId),
    Article(ArticleIx),
    /// A heading of the focused article (block index).
    Heading(BlockIx),
}

impl App {
    /// The row the sidebar's selection is on, if it is there.
    pub fn sidebar_entry(&self) -> Option<SidebarEntry> {
        let entries = self.sidebar_entries();
        entries
            .get(self.sidebar_index(&entries))
            .copied()
            .filter(|e| e.selectable())
    }

    /// The index of the selected row among `entries` (the rows of
    /// [`App::sidebar_entries`]): where the pick is, else the first row that
    /// can be chosen.
    pub fn sidebar_index(&self, entries: &[SidebarEntry]) -> usize {
        let wanted = match &self.reading.sidebar_selected {
            SidebarPick::First => None,
            SidebarPick::Theme(id) => self.map.theme_index(id).map(SidebarEntry::Theme),
            SidebarPick::Article(article) => Some(SidebarEntry::Article(*article)),
            SidebarPick::Heading(block) => Some(SidebarEntry::Heading(*block)),
        };
        wanted
            .and_then(|w| entries.iter().position(|&e| e == w))
            .or_else(|| entries.iter().position(|e| e.selectable()))
            .unwrap_or(0)
    }

    /// Puts the sidebar's selection on `entry`.
    pub(super) fn pick(&mut self, entry: SidebarEntry) {
        self.reading.sidebar_selected = match entry {
            SidebarEntry::Theme(t) => match self.map.theme(t) {
                Some(theme) => SidebarPick::Theme(theme.id.clone()),
                None => return,
            },
            SidebarEntry::Article(a) => SidebarPick::Article(a),
            SidebarEntry::Heading(block) => SidebarPick::Heading(block),
            SidebarEntry::ThemesHeader | SidebarEntry::ArticlesHeader | SidebarEntry::ContentsHeader => return,
        };
    }

    /// The rows of the sidebar: the themes, the articles, then the focused
    /// article's headings.
    pub fn sidebar_entries(&self) -> Vec<SidebarEntry> {
        let mut entries = Vec::new();
        if !self.map.themes.is_empty() {
            entries.push(SidebarEntry::ThemesHeader);
            entries.extend(self.map.theme_indices().map(SidebarEntry::Theme));
        }
        entries.push(SidebarEntry::ArticlesHeader);
        entries.extend(self.by_date.iter().map(|&a| SidebarEntry::Article(a)));
        if let Some(pane) = self.reading.panes.get(self.reading.focused_pane) {
            let article = &self.corpus[pane.article];
            let headings: Vec<SidebarEntry> = article
                .enumerate_blocks()
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
    let mut index = app.sidebar_index(&entries);
    loop {
        let next = if down { index + 1 } else { index.wrapping_sub(1) };
        match entries.get(next) {
            Some(&entry) if entry.selectable() => {
                app.pick(entry);
                return;
            }
            Some(_) => index = next,
            None => return,
        }
    }
}

/// `g`/`G` in the sidebar: its first or last entry that can be selected.
pub(super) fn sidebar_end(app: &mut App, last: bool) {
    let entries = app.sidebar_entries();
    let found = if last {
        entries.iter().rev().find(|e| e.selectable())
    } else {
        entries.iter().find(|e| e.selectable())
    };
    if let Some(&entry) = found {
        app.pick(entry);
    }
}

pub(super) fn select_sidebar(app: &mut App) {
    match app.sidebar_entry() {
        Some(SidebarEntry::Article(article)) => {
            let (pane, opened) = jumps::to_article(app, article);
            // Browsing the sidebar goes on there.
            app.reading.focus = Focus::Sidebar;
            if opened {
                themes::opened_in(app, pane);
            }
        }
        Some(SidebarEntry::Theme(theme)) => themes::select_theme(app, theme),
        Some(SidebarEntry::Heading(block)) => jump_to(app, app.reading.focused_pane, None, Position { block, line: 0 }),
        _ => {}
    }
}
