//! The reading view: the panes and where each stands, what has focus, the
//! sidebar's selection, the compare panel, the selected and followed theme
//! (by id), a selection being made, the current passage, and the jumps.

use super::{JumpList, Selection, SidebarPick};
use crate::ids::{ArticleIx, BlockIx, ThemeId};

/// Where a pane is: the block at its top and the line within that block.
/// Anchored to a block, not a screen line, so it survives a new width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub block: BlockIx,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pane {
    /// Index into the corpus's articles.
    pub article: ArticleIx,
    pub top: Position,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Pane,
}

/// Where a search jump went, and the other hits of its query there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchNav {
    pub query: String,
    pub article: ArticleIx,
    /// (block, byte range in its text) of each matching sentence, in order.
    pub hits: Vec<(BlockIx, std::ops::Range<usize>)>,
}

/// What the reader is looking at and where.
#[derive(Debug, Clone)]
pub struct Reading {
    pub panes: Vec<Pane>,
    pub focus: Focus,
    /// The pane that has focus, or had it last while the sidebar has it.
    pub focused_pane: usize,
    pub sidebar_visible: bool,
    /// The sidebar's selected row, by what it shows.
    pub sidebar_selected: SidebarPick,
    pub compare_visible: bool,
    /// The first open article the compare panel shows (it scrolls by article).
    pub compare_scroll: usize,
    /// The selected theme, by id: it stays selected when the map is rebuilt
    /// or the library arrives. `App::theme` gives its index.
    pub(super) theme: Option<ThemeId>,
    /// Whether the other panes follow the focused one to the theme of the
    /// passage at its top, and the theme they were last moved to (by id).
    pub follow: bool,
    pub(super) followed_theme: Option<ThemeId>,
    /// Sentences being selected in a pane.
    pub selection: Option<Selection>,
    /// Where a mouse press in a pane's text was: (pane, sentence).
    pub drag_from: Option<(usize, usize)>,
    /// The passage last jumped to (a theme's, a search hit, a note): its
    /// article and where it stands. What `y` copies.
    pub current_passage: Option<(ArticleIx, crate::debate::Anchor)>,
    /// The hits that `n` and `N` step through after a search jump.
    pub search_nav: Option<SearchNav>,
    pub jumps: JumpList,
    /// Queries searched for, oldest first; saved with the session.
    pub recent_searches: Vec<String>,
}

impl Reading {
    /// A view of `panes`, the first focused, nothing selected.
    pub fn new(panes: Vec<Pane>) -> Reading {
        Reading {
            panes,
            focus: Focus::Pane,
            focused_pane: 0,
            sidebar_visible: true,
            sidebar_selected: SidebarPick::First,
            compare_visible: false,
            compare_scroll: 0,
            theme: None,
            follow: false,
            followed_theme: None,
            selection: None,
            drag_from: None,
            current_passage: None,
            search_nav: None,
            jumps: JumpList::default(),
            recent_searches: Vec::new(),
        }
    }

    /// The articles open in the panes, left to right.
    pub fn open_articles(&self) -> Vec<ArticleIx> {
        self.panes.iter().map(|p| p.article).collect()
    }
}
