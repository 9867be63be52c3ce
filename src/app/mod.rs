//! The reader's state. [`update`] is the only place it changes; the UI
//! only reads it.

mod copy;
mod help;
mod jumps;
mod loading;
mod notes;
mod outbox;
mod overlay;
mod own;
mod panes;
mod relations;
mod saved;
mod search;
mod selection;
mod sidebar;
mod themes;
mod update;

pub use crate::action::Action;
pub use copy::citation;
pub use help::{HelpLine, help_lines};
pub use jumps::{JumpList, JumpPoint};
pub use outbox::{Effect, Outbox};
pub use overlay::{
    Chosen, Command, Ctx, Form, Outcome, Overlay, Palette, Picker, Step, Target, TextField, list_offset,
};
pub use own::OwnLayer;
pub use selection::{Selection, anchor_of as selection_anchor, sentences};
pub use sidebar::{SidebarEntry, SidebarPick};
pub use update::update;

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::corpus::Corpus;
use crate::debate::DebateMap;
use crate::keymap::{Context, Keymap};
use crate::layout::{ArticleText, Document, Screen, text_height, text_width};
use crate::search::{SearchIndex, Searcher};

/// Lines of context kept above a passage or hit placed near the top of a pane.
const CONTEXT_LINES: usize = 1;

/// The most panes side by side.
pub const MAX_PANES: usize = 5;

/// Where a pane is: the block at its top and the line within that block.
/// Anchored to a block, not a screen line, so it survives a new width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub block: usize,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pane {
    /// Index into the corpus's articles.
    pub article: usize,
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
    pub article: usize,
    /// (block, byte range in its text) of each matching sentence, in order.
    pub hits: Vec<(usize, std::ops::Range<usize>)>,
}

pub struct App {
    /// Runs searches for the palette (on a worker thread in the terminal).
    pub searcher: Searcher,
    /// The hits that `n` and `N` step through after a search jump.
    pub search_nav: Option<SearchNav>,
    /// Queries searched for, oldest first; saved with the session.
    pub recent_searches: Vec<String>,
    pub corpus: Arc<Corpus>,
    pub map: DebateMap,
    /// The selected theme, by id: it stays selected when the map is rebuilt
    /// or the library arrives. [`App::theme`] gives its index.
    theme: Option<String>,
    pub compare_visible: bool,
    /// The first open article the compare panel shows (it scrolls by article).
    pub compare_scroll: usize,
    pub keymap: Keymap,
    pub size: Rect,
    pub panes: Vec<Pane>,
    pub focus: Focus,
    /// The pane that has focus, or had it last while the sidebar has it.
    pub focused_pane: usize,
    pub sidebar_visible: bool,
    /// The sidebar's selected row, by what it shows.
    pub sidebar_selected: SidebarPick,
    pub overlay: Option<Overlay>,
    pub jumps: JumpList,
    /// A one-line notice in the status line, cleared by the next action.
    pub status: Option<String>,
    /// Whether to draw in color (off under `NO_COLOR`).
    pub color: bool,
    /// The passage last jumped to (a theme's, a search hit, a note): its
    /// article and where it stands. What `y` copies.
    pub current_passage: Option<(usize, crate::debate::Anchor)>,
    /// Sentences being selected in a pane.
    pub selection: Option<Selection>,
    /// Where a mouse press in a pane's text was: (pane, sentence).
    pub drag_from: Option<(usize, usize)>,
    /// Whether the other panes follow the focused one to the theme of the
    /// passage at its top, and the theme they were last moved to.
    pub follow: bool,
    followed_theme: Option<String>,
    /// The reader's own map and the files under it; `None` where there is
    /// none to write (a snapshot).
    pub own: Option<OwnLayer>,
    /// The rest of a large library, while it is read in the background.
    pub loading: Option<crate::library::Loading>,
    /// What the runtime is to do outside the reader's state.
    pub outbox: Outbox,
    texts: HashMap<usize, Arc<ArticleText>>,
    documents: HashMap<(usize, u16), Arc<Document>>,
}

impl App {
    /// A reader on `corpus` with a pane per article of `open` (indices),
    /// laid out for a screen of `size`.
    pub fn new(corpus: Corpus, map: DebateMap, keymap: Keymap, open: &[usize], size: Rect) -> App {
        let index = Arc::new(SearchIndex::build(&corpus, &map));
        App::with_searcher(Arc::new(corpus), map, keymap, open, size, Searcher::inline(index))
    }

    /// A reader that draws at once: its search index is built on the search
    /// worker's thread meanwhile, the status line and the palette saying how far.
    pub fn indexing_in_background(corpus: Corpus, map: DebateMap, keymap: Keymap, open: &[usize], size: Rect) -> App {
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
        open: &[usize],
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
            searcher,
            search_nav: None,
            recent_searches: Vec::new(),
            corpus,
            map,
            theme: None,
            compare_visible: false,
            compare_scroll: 0,
            keymap,
            size: Rect::default(),
            panes,
            focus: Focus::Pane,
            focused_pane: 0,
            sidebar_visible: true,
            sidebar_selected: SidebarPick::First,
            overlay: None,
            jumps: JumpList::default(),
            status: None,
            color: true,
            outbox: Outbox::default(),
            current_passage: None,
            selection: None,
            drag_from: None,
            follow: false,
            followed_theme: None,
            own: None,
            loading: None,
            texts: HashMap::new(),
            documents: HashMap::new(),
        };
        update(&mut app, Action::Resize(size.width, size.height));
        app
    }

    /// The selected theme (its index in the map), if any.
    pub fn theme(&self) -> Option<usize> {
        self.theme.as_deref().and_then(|id| self.map.theme_index(id))
    }

    /// Selects a theme by its index in the map (or none).
    fn set_theme(&mut self, theme: Option<usize>) {
        self.theme = theme.and_then(|t| self.map.themes.get(t)).map(|t| t.id.clone());
    }

    /// In follow mode, the theme the other panes were last moved to.
    pub fn followed_theme(&self) -> Option<usize> {
        self.followed_theme.as_deref().and_then(|id| self.map.theme_index(id))
    }

    /// The keymap context of what has focus.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.focus) {
            (Some(overlay), _) => overlay.context(),
            (None, Focus::Pane) if self.selection.is_some() => Context::Selection,
            (None, Focus::Sidebar) => Context::Sidebar,
            (None, Focus::Pane) => Context::Reader,
        }
    }

    pub fn screen(&self) -> Screen {
        Screen::compute(
            self.size,
            self.sidebar_visible,
            self.compare_visible,
            self.panes.len(),
            self.focused_pane,
            self.focus == Focus::Sidebar,
        )
    }

    /// The text width a pane is laid out at: its own if shown, else that of
    /// the panes that are.
    pub fn pane_width(&self, screen: &Screen, pane: usize) -> u16 {
        pane_area(screen, pane).map_or(1, text_width)
    }

    pub fn pane_height(&self, screen: &Screen, pane: usize) -> usize {
        usize::from(pane_area(screen, pane).map_or(1, text_height))
    }

    /// The laid-out document of a pane at its current width, if built.
    pub fn document(&self, pane: usize) -> Option<&Document> {
        let screen = self.screen();
        let width = self.pane_width(&screen, pane);
        let article = self.panes.get(pane)?.article;
        self.documents.get(&(article, width)).map(|d| d.as_ref())
    }

    pub fn article_text(&self, article: usize) -> Option<&ArticleText> {
        self.texts.get(&article).map(|t| t.as_ref())
    }

    /// The absolute first line a pane shows.
    pub fn scroll_line(&self, pane: usize) -> usize {
        match (self.document(pane), self.panes.get(pane)) {
            (Some(doc), Some(p)) => doc.line_of(p.top.block, p.top.line),
            _ => 0,
        }
    }

    /// The articles open in the panes, left to right.
    pub fn open_articles(&self) -> Vec<usize> {
        self.panes.iter().map(|p| p.article).collect()
    }

    /// The articles the stance matrix has a column for, in corpus order:
    /// those the map places a passage of, so that a library of thousands
    /// shows the articles that speak to its themes.
    pub fn matrix_columns(&self) -> Vec<usize> {
        self.map.mapped_articles(self.corpus.articles.len())
    }

    /// What is under way in the background: reading the rest of the
    /// library, then indexing it.
    pub fn progress(&self) -> Option<Progress> {
        if let Some(loading) = &self.loading {
            let (done, total) = loading.progress();
            if loading.arrived() && self.overlay.as_ref().is_some_and(Overlay::holds_arrival) {
                return Some(Progress::Held(total));
            }
            return Some(Progress::Loading(done, total));
        }
        self.searcher
            .indexing()
            .map(|(done, total)| Progress::Indexing(done, total))
    }

    /// Searches on a worker thread from now on, so typing never waits.
    pub fn search_in_background(&mut self) {
        if !self.searcher.threaded() {
            self.searcher = Searcher::spawn(Arc::clone(&self.searcher.index), self.searcher.waker.clone());
        }
    }

    /// The line of a pane's document that shows byte `offset` of `block`'s text.
    fn line_showing(&mut self, pane: usize, block: usize, offset: usize) -> Option<usize> {
        let doc = self.pane_document(pane)?;
        let text = self.article_text(self.panes[pane].article)?;
        let shown = text.blocks.get(block)?.shown_offset(offset);
        Some(doc.line_showing(block, shown))
    }

    /// Puts `line` of a pane near its top, with [`CONTEXT_LINES`] above it.
    fn place_near_top(&mut self, pane: usize, line: usize) {
        if let Some(doc) = self.pane_document(pane) {
            let (block, line) = doc.position_of(line.saturating_sub(CONTEXT_LINES));
            self.panes[pane].top = Position { block, line };
        }
    }

    /// A pane's document at its current width, built if need be.
    fn pane_document(&mut self, pane: usize) -> Option<Arc<Document>> {
        let screen = self.screen();
        let width = self.pane_width(&screen, pane);
        let article = self.panes.get(pane)?.article;
        Some(self.ensure_document(article, width))
    }

    /// Builds (once) what a pane needs to be drawn at its width.
    fn ensure_document(&mut self, article: usize, width: u16) -> Arc<Document> {
        if let Some(doc) = self.documents.get(&(article, width)) {
            return Arc::clone(doc);
        }
        let text = Arc::clone(
            self.texts
                .entry(article)
                .or_insert_with(|| Arc::new(ArticleText::new(&self.corpus.articles[article]))),
        );
        let doc = Arc::new(Document::build(&text, width));
        self.documents.insert((article, width), Arc::clone(&doc));
        doc
    }

    /// Lays out every pane at its width and forgets layouts no pane uses.
    fn refresh_layouts(&mut self) {
        let screen = self.screen();
        let wanted: Vec<(usize, u16)> = (0..self.panes.len())
            .map(|i| (self.panes[i].article, self.pane_width(&screen, i)))
            .collect();
        for &(article, width) in &wanted {
            self.ensure_document(article, width);
        }
        self.documents.retain(|key, _| wanted.contains(key));
        self.texts.retain(|article, _| wanted.iter().any(|(a, _)| a == article));
        for i in 0..self.panes.len() {
            let width = self.pane_width(&screen, i);
            let doc = Arc::clone(&self.documents[&(self.panes[i].article, width)]);
            let top = &mut self.panes[i].top;
            top.block = top.block.min(doc.block_start.len().saturating_sub(1));
            top.line = top.line.min(doc.block_lines(top.block).saturating_sub(1));
        }
    }
}

/// A pane's area if shown, else that of the panes that are: a hidden pane is
/// laid out as it would be shown.
fn pane_area(screen: &Screen, pane: usize) -> Option<Rect> {
    screen.pane(pane).or(screen.panes.first().map(|p| p.1))
}

/// Work under way in the background that the user waits on for some things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Articles read, of how many: until all are, only those read are shown.
    Loading(usize, usize),
    /// Every article read, waiting until the open list or form closes.
    Held(usize),
    /// Articles indexed for search, of how many.
    Indexing(usize, usize),
}

impl Progress {
    /// For the status line: "loading 1,234 of 5,000".
    pub fn short(self) -> String {
        use crate::layout::display::thousands;
        match self {
            Progress::Loading(done, total) => format!("loading {} of {}", thousands(done), thousands(total)),
            Progress::Held(total) => format!("{} articles read, shown when this closes", thousands(total)),
            Progress::Indexing(done, total) => format!("indexing {} of {}", thousands(done), thousands(total)),
        }
    }

    /// For the search palette, saying what its results cover meanwhile.
    pub fn for_search(self) -> String {
        match self {
            Progress::Loading(..) | Progress::Held(..) => format!(
                "{} articles; until all are, only those read first are searched",
                self.short()
            ),
            Progress::Indexing(..) => format!("{} articles; results come when it is done", self.short()),
        }
    }
}

#[cfg(test)]
mod tests;
