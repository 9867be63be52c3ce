//! The windows over the reading view. Each is a state that answers an
//! action with an [`Outcome`], reading what it needs from a [`Ctx`]; one
//! that closes on a choice names what is to happen as a [`Command`], which
//! `update` carries out through the reading view. No overlay changes the
//! reader's state itself.

mod field;
mod form;
mod list;
mod lists;
mod matrix;
mod palette;
mod picker;
mod review;

pub use field::TextField;
pub use form::{Chosen, Form, Step, Target};
pub use list::offset as list_offset;
pub use palette::Palette;
pub use picker::Picker;
pub use review::Review;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::corpus::Corpus;
use crate::debate::{Anchor, DebateMap, Stance};
use crate::ids::{ArticleIx, RelationIx, ThemeId, ThemeIx};
use crate::keymap::{Context, Keymap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Picker(Picker),
    Help {
        scroll: usize,
    },
    /// A notice the user must see (a broken keymap file), dismissed by any key.
    Message {
        title: String,
        lines: Vec<String>,
    },
    /// The search palette.
    Search(Palette),
    /// Placing a passage on a theme, recording a view, or changing one of
    /// the reader's passages.
    Form(Box<Form>),
    /// The relations of the current passage (indices into the map's), to
    /// go to the other end of one.
    Relations {
        article: ArticleIx,
        items: Vec<RelationIx>,
        selected: usize,
    },
    /// The articles in date order, the events, who answers whom.
    Timeline {
        selected: usize,
    },
    /// The note references on screen, to choose which to follow.
    Notes {
        labels: Vec<String>,
        selected: usize,
    },
    /// Leaving with changes to the reader's map that could not be written:
    /// write them elsewhere, leave without them, or stay.
    Unsaved {
        changes: usize,
        /// Why the map could not be written, as last said.
        why: String,
    },
    /// Themes by articles; the selected cell (a theme, and an index into
    /// [`crate::debate::DebateMap::mapped_articles`]).
    Matrix {
        row: usize,
        column: usize,
    },
    /// Suggested passages for an article, theme by theme.
    Review(Box<Review>),
}

/// What an overlay reads to answer: never the reader's state itself.
pub struct Ctx<'a> {
    pub corpus: &'a Corpus,
    /// The corpus's articles in date order.
    pub by_date: &'a [ArticleIx],
    pub map: &'a DebateMap,
    pub keymap: &'a Keymap,
    pub size: Rect,
    /// Queries searched for, oldest first.
    pub recent_searches: &'a [String],
}

/// An overlay's answer to an action.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Not the overlay's: the reading view handles it.
    Ignored,
    /// Handled; the overlay stays open.
    Stay,
    /// Handled; the overlay closes.
    Close,
    /// The overlay closes, and the command is carried out.
    Then(Command),
    /// The overlay stays open, and the command is carried out.
    Keep(Command),
}

/// What an overlay asks of the reader, carried out by `update`.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Open an article in the focused pane (the picker).
    OpenHere(ArticleIx),
    /// Go to an article: where a pane shows it, else in the focused pane.
    GoToArticle(ArticleIx),
    /// Go to a theme's passage in an article (the matrix).
    GoToThemeIn { theme: ThemeIx, article: ArticleIx },
    /// Go to the other end of a relation, seen from `from`'s article.
    GoToRelationEnd { relation: RelationIx, from: ArticleIx },
    /// Go to the note with this label in the focused pane.
    FollowNote(String),
    /// Go to a search result and keep its query among the recent ones.
    GoToResult { candidate: u32, query: String },
    /// Keep a query among the recent searches.
    Remember(String),
    /// Ask the searcher for a query's results.
    Search { generation: u64, query: String },
    /// Save what a finished form says.
    SaveForm(Box<Form>),
    /// Say something in the status line.
    Say(String),
    /// Leave the reader, first writing the reader's map elsewhere if asked.
    Leave { write_elsewhere: bool },
    /// Show a suggested passage in the pane that shows its article.
    ShowSuggestion { article: ArticleIx, anchor: Anchor },
    /// Take a suggestion as the reader's own passage: its summary is asked for.
    TakeSuggestion {
        article: ArticleIx,
        anchor: Anchor,
        theme: ThemeId,
        stance: Stance,
    },
    /// Turn a suggestion down, for good.
    RejectSuggestion {
        article: ArticleIx,
        anchor: Anchor,
        theme: ThemeId,
    },
}

impl Overlay {
    /// The keymap context while this overlay is open.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Picker(_) => Context::Picker,
            Overlay::Help { .. } => Context::Help,
            Overlay::Message { .. } => Context::Message,
            Overlay::Matrix { .. } => Context::Matrix,
            Overlay::Review(_) => Context::Review,
            Overlay::Search(_) => Context::Search,
            Overlay::Notes { .. } | Overlay::Relations { .. } | Overlay::Timeline { .. } => Context::List,
            Overlay::Form(form) if form.takes_text() => Context::Field,
            Overlay::Form(_) | Overlay::Unsaved { .. } => Context::Choice,
        }
    }

    /// Whether it holds places the arrival of a large library would move (a
    /// list of relations, notes, the timeline, the matrix) or is being
    /// filled in: the arrival then waits until it closes.
    pub fn holds_arrival(&self) -> bool {
        matches!(
            self,
            Overlay::Relations { .. }
                | Overlay::Timeline { .. }
                | Overlay::Notes { .. }
                | Overlay::Matrix { .. }
                | Overlay::Form(_)
                | Overlay::Review(_)
        )
    }

    /// The overlay's answer to one action.
    pub fn handle(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        match self {
            Overlay::Picker(picker) => picker.handle(action, ctx),
            Overlay::Search(palette) => palette.handle(action, ctx),
            Overlay::Help { scroll } => lists::help(scroll, action, ctx),
            Overlay::Message { .. } => message(action),
            Overlay::Notes { labels, selected } => lists::notes(labels, selected, action),
            Overlay::Relations {
                article,
                items,
                selected,
            } => lists::relations(*article, items, selected, action),
            Overlay::Timeline { selected } => lists::timeline(selected, action, ctx),
            Overlay::Matrix { row, column } => matrix::handle(row, column, action, ctx),
            Overlay::Form(form) => form_outcome(form, action, ctx),
            Overlay::Unsaved { .. } => unsaved(action),
            Overlay::Review(review) => match action {
                action if arrives_from_outside(action) => Outcome::Ignored,
                action => review.handle(action, ctx),
            },
        }
    }
}

/// Leaving with an unsaved map: yes writes it elsewhere, quit again leaves
/// without it, no stays.
fn unsaved(action: Action) -> Outcome {
    match action {
        Action::Confirm => Outcome::Then(Command::Leave { write_elsewhere: true }),
        Action::Quit => Outcome::Then(Command::Leave { write_elsewhere: false }),
        Action::Close => Outcome::Then(Command::Say(
            "Your changes are kept in memory; your next change tries the file again".into(),
        )),
        action if arrives_from_outside(action) => Outcome::Ignored,
        _ => Outcome::Stay,
    }
}

/// What no window stops: a resize, the shell's suspend and resume, and
/// what arrives from the worker threads.
fn arrives_from_outside(action: Action) -> bool {
    matches!(
        action,
        Action::Resize(..)
            | Action::Suspend
            | Action::Resumed
            | Action::SessionNotSaved(_)
            | Action::SearchReady
            | Action::ArticlesReady
            | Action::OwnMapReady
    )
}

/// A message: any key dismisses it; only resizes, leaving and what arrives
/// from other threads get past it.
fn message(action: Action) -> Outcome {
    match action {
        Action::AnyKey | Action::Close | Action::Select => Outcome::Close,
        Action::Quit => Outcome::Ignored,
        action if arrives_from_outside(action) => Outcome::Ignored,
        _ => Outcome::Stay,
    }
}

fn form_outcome(form: &mut Box<Form>, action: Action, ctx: &Ctx) -> Outcome {
    if matches!(action, Action::Resize(..) | Action::Quit | Action::Suspend) {
        return Outcome::Ignored;
    }
    match form.handle(action, ctx.map) {
        form::Answer::Continue => Outcome::Stay,
        form::Answer::Abandon => Outcome::Then(Command::Say("Nothing saved".into())),
        form::Answer::Done => Outcome::Then(Command::SaveForm(form.clone())),
    }
}
