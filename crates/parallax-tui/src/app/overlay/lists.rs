//! The small overlays that are a list or a page: help, the note references
//! on screen, the relations of a passage, the timeline.

use super::{Command, Ctx, Outcome, list};
use crate::action::Action;
use crate::debate::timeline;
use crate::ids::{ArticleIx, RelationIx};

/// The help screen scrolls; `?` or Esc closes it.
pub(super) fn help(scroll: &mut usize, action: Action, ctx: &Ctx) -> Outcome {
    // Scrolled by rows as drawn: the help's window, its lines wrapped.
    let width = usize::from(crate::app::window_width(ctx.size.width).saturating_sub(2));
    let lines = crate::app::help_rows(ctx.keymap, width).len();
    let rows = usize::from(ctx.size.height.saturating_sub(4)).max(1);
    let last = lines.saturating_sub(rows);
    *scroll = match action {
        Action::ScrollDown => (*scroll + 1).min(last),
        Action::ScrollUp => scroll.saturating_sub(1),
        Action::PageDown => (*scroll + rows).min(last),
        Action::PageUp => scroll.saturating_sub(rows),
        Action::Top => 0,
        Action::Bottom => last,
        Action::ScrollAt(_, _, delta) => scroll.saturating_add_signed(isize::from(delta)).min(last),
        Action::Close | Action::Help => return Outcome::Close,
        _ => return Outcome::Ignored,
    };
    Outcome::Stay
}

/// Moves a list's cursor, or says the action is not a move.
fn step(selected: &mut usize, len: usize, action: Action) -> Option<Outcome> {
    match action {
        Action::SelectNext => *selected = list::next(*selected, len),
        Action::SelectPrev => *selected = list::prev(*selected),
        Action::Top => *selected = 0,
        Action::Bottom => *selected = len.saturating_sub(1),
        _ => return None,
    }
    Some(Outcome::Stay)
}

/// The note references on screen: Enter follows the chosen one.
pub(super) fn notes(labels: &[String], selected: &mut usize, action: Action) -> Outcome {
    if let Some(moved) = step(selected, labels.len(), action) {
        return moved;
    }
    match action {
        Action::Select => Outcome::Then(Command::FollowNote(labels[*selected].clone())),
        Action::Close => Outcome::Close,
        _ => Outcome::Ignored,
    }
}

/// The relations of a passage in `article`: Enter goes to the other end.
pub(super) fn relations(article: ArticleIx, items: &[RelationIx], selected: &mut usize, action: Action) -> Outcome {
    if let Some(moved) = step(selected, items.len(), action) {
        return moved;
    }
    match action {
        Action::Select => Outcome::Then(Command::GoToRelationEnd {
            relation: items[*selected],
            from: article,
        }),
        Action::Close => Outcome::Close,
        _ => Outcome::Ignored,
    }
}

/// The timeline: Enter on an article goes to it.
pub(super) fn timeline(selected: &mut usize, action: Action, ctx: &Ctx) -> Outcome {
    let rows = timeline::rows(ctx.corpus, ctx.map);
    if let Some(moved) = step(selected, rows.len(), action) {
        return moved;
    }
    match action {
        Action::Select => match rows.get(*selected) {
            Some(timeline::Row::Article { article, .. }) => Outcome::Then(Command::GoToArticle(*article)),
            _ => Outcome::Keep(Command::Say("An event: Enter opens an article".into())),
        },
        Action::Close => Outcome::Close,
        _ => Outcome::Ignored,
    }
}
