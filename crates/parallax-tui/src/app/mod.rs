//! The reader's state. [`update`] is the only place it changes; the UI
//! only reads it.

mod copy;
mod header;
mod help;
mod jumps;
mod layouts;
mod loading;
mod notes;
mod outbox;
mod overlay;
mod own;
mod panes;
mod passage;
mod reading;
mod relations;
mod saved;
mod search;
mod selection;
mod sidebar;
mod suggestions;
mod themes;
mod update;
mod work;

pub use crate::action::Action;
pub use copy::citation;
pub use header::yours;
pub use help::{HelpLine, HelpRow, help_lines, help_rows, window_width};
pub use jumps::{JumpList, JumpPoint};
pub use outbox::{Effect, Outbox};
pub use overlay::{
    Chosen, Command, Ctx, Form, Outcome, Overlay, Palette, Picker, Review, Step, Target, TextField, list_offset,
};
pub use own::OwnLayer;
pub use reading::{Focus, Pane, Position, Reading, SearchNav};
pub use selection::{Selection, anchor_of as selection_anchor};
pub use sidebar::{SidebarEntry, SidebarPick};
pub use update::update;
pub use work::{Progress, Work};

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::corpus::Corpus;
use crate::debate::DebateMap;
use crate::ids::{ArticleIx, ThemeIx};
use crate::keymap::{Context, Keymap};
use crate::search::{SearchIndex, Searcher};
use layouts::Layouts;

/// Lines of context kept above a passage or hit placed near the top of a pane.
const CONTEXT_LINES: usize = 1;

/// The most panes side by side.
pub const MAX_PANES: usize = 5;

/// The reader's state, in parts: the domain (corpus, map, the reader's own
/// map), the reading view, the open overlay, the laid-out texts, the work
/// under way in the background, and the effects left for the runtime.
pub struct App {
    pub corpus: Arc<Corpus>,
    /// The corpus's articles in date order, as lists show them.
    pub by_date: Vec<ArticleIx>,
    pub map: DebateMap,
    /// The reader's own map and the files under it; `None` where there is
    /// none to write (a snapshot).
    pub own: Option<OwnLayer>,
    pub reading: Reading,
    pub overlay: Option<Overlay>,
    layouts: Layouts,
    pub work: Work,
    /// What the runtime is to do outside the reader's state.
    pub outbox: Outbox,
    pub keymap: Keymap,
    pub size: Rect,
    /// A one-line notice in the status line, cleared by the next action.
    pub status: Option<String>,
    /// Whether to draw in color (off under `NO_COLOR`).
    pub color: bool,
}

impl App {
    /// A reader on `corpus` with a pane per article of `open` (indices),
    /// laid out for a screen of `size`.
    pub fn new(corpus: Corpus, map: DebateMap, keymap: Keymap, open: &[ArticleIx], size: Rect) -> App {
        let corpus = Arc::new(corpus);
        let index = Arc::new(SearchIndex::build(&corpus, &map));
        App::with_searcher(corpus, map, keymap, open, size, Searcher::inline(index))
    }

    /// A reader that draws at once: its search index is built on the search
    /// worker's thread meanwhile, the status line and the palette saying how far.
    pub fn indexing_in_background(
        corpus: Corpus,
        map: DebateMap,
        keymap: Keymap,
        open: &[ArticleIx],
        size: Rect,
    ) -> App {
        let corpus = Arc::new(corpus);
        let searcher = Searcher::spawn_building(
            crate::search::Unindexed {
                corpus: Arc::clone(&corpus),
                map: map.clone(),
            },
            crate::wake::Waker::default(),
        );
        App::with_searcher(corpus, map, keymap, open, size, searcher)
    }

    fn with_searcher(
        corpus: Arc<Corpus>,
        map: DebateMap,
        keymap: Keymap,
        open: &[ArticleIx],
        size: Rect,
        searcher: Searcher,
    ) -> App {
        let panes = open
            .iter()
            .take(MAX_PANES)
            .map(|&article| Pane {
                article,
                top: Position::default(),
            })
            .collect();
        let mut app = App {
            by_date: corpus.date_order(),
            corpus,
            map,
            own: None,
            reading: Reading::new(panes),
            overlay: None,
            layouts: Layouts::default(),
            work: Work {
                searcher,
                loading: None,
            },
            outbox: Outbox::default(),
            keymap,
            size: Rect::default(),
            status: None,
            color: true,
        };
        update(&mut app, Action::Resize(size.width, size.height));
        app
    }

    /// The selected theme (its index in the map), if any.
    pub fn theme(&self) -> Option<ThemeIx> {
        self.reading.theme.as_deref().and_then(|id| self.map.theme_index(id))
    }

    /// Selects a theme by its index in the map (or none).
    fn set_theme(&mut self, theme: Option<ThemeIx>) {
        self.reading.theme = theme.and_then(|t| self.map.theme(t)).map(|t| t.id.clone());
    }

    /// In follow mode, the theme the other panes were last moved to.
    pub fn followed_theme(&self) -> Option<ThemeIx> {
        self.reading
            .followed_theme
            .as_deref()
            .and_then(|id| self.map.theme_index(id))
    }

    /// The keymap context of what has focus.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.reading.focus) {
            (Some(overlay), _) => overlay.context(),
            (None, Focus::Pane) if self.reading.selection.is_some() => Context::Selection,
            (None, Focus::Sidebar) => Context::Sidebar,
            (None, Focus::Pane) => Context::Reader,
        }
    }

    /// The articles the stance matrix has a column for, in date order:
    /// those the map places a passage of, so that a library of thousands
    /// shows the articles that speak to its themes.
    pub fn matrix_columns(&self) -> Vec<ArticleIx> {
        self.map.mapped_articles(&self.by_date)
    }
}

#[cfg(test)]
mod tests;
