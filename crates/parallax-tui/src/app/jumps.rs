//! The jump list: where jumps left from, to go back (`ctrl-o`) and forward
//! (`ctrl-n`); and the one rule for where a jump to an article lands.

use super::{App, Focus, Pane, Position};
use crate::ids::ArticleIx;

/// What the panes showed when a jump left, to come back to: a jump may move
/// several panes (a theme moves every pane) or focus another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpPoint {
    pub panes: Vec<Pane>,
    pub focus: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    pub points: Vec<JumpPoint>,
    /// Where `jump_back` goes next is `points[index - 1]`.
    pub index: usize,
}

impl JumpList {
    /// A pane was added at `at`: every point shows it too, as it is now.
    pub(super) fn pane_added(&mut self, at: usize, pane: &Pane) {
        for point in &mut self.points {
            point.panes.insert(at.min(point.panes.len()), pane.clone());
            if point.focus >= at {
                point.focus += 1;
            }
        }
    }
}

fn here(app: &App) -> JumpPoint {
    JumpPoint {
        panes: app.reading.panes.clone(),
        focus: app.reading.focused_pane,
    }
}

/// Remembers what the panes show before a jump takes them elsewhere.
pub(super) fn record(app: &mut App) {
    let point = here(app);
    app.reading.jumps.points.truncate(app.reading.jumps.index);
    if app.reading.jumps.points.last() != Some(&point) {
        app.reading.jumps.points.push(point);
    }
    app.reading.jumps.index = app.reading.jumps.points.len();
}

fn restore(app: &mut App, point: &JumpPoint) {
    if point.panes.is_empty() {
        return;
    }
    app.reading.panes = point.panes.clone();
    app.reading.focused_pane = point.focus.min(app.reading.panes.len() - 1);
    app.reading.focus = Focus::Pane;
}

pub(super) fn back(app: &mut App) {
    if app.reading.jumps.index == 0 {
        app.status = Some("No earlier jump".into());
        return;
    }
    if app.reading.jumps.index == app.reading.jumps.points.len() {
        // So that forward comes back here.
        let point = here(app);
        app.reading.jumps.points.push(point);
    }
    app.reading.jumps.index -= 1;
    let point = app.reading.jumps.points[app.reading.jumps.index].clone();
    restore(app, &point);
}

pub(super) fn forward(app: &mut App) {
    if app.reading.jumps.index + 1 >= app.reading.jumps.points.len() {
        app.status = Some("No later jump".into());
        return;
    }
    app.reading.jumps.index += 1;
    let point = app.reading.jumps.points[app.reading.jumps.index].clone();
    restore(app, &point);
}

/// Moves a pane (to another article, if given), focuses it, and records the jump.
pub(super) fn jump_to(app: &mut App, pane: usize, article: Option<ArticleIx>, top: Position) {
    record(app);
    app.reading.focused_pane = pane;
    app.reading.focus = Focus::Pane;
    if let Some(p) = app.reading.panes.get_mut(pane) {
        if let Some(article) = article {
            p.article = article;
        }
        p.top = top;
    }
}

/// The pane a jump to `article` lands in: the focused pane if it shows it,
/// else the first pane that does, else the focused pane, which then opens
/// it. The jump is recorded, and the pane focused; returns the pane and
/// whether it had to open the article.
pub(super) fn to_article(app: &mut App, article: ArticleIx) -> (usize, bool) {
    let focused = app.reading.focused_pane.min(app.reading.panes.len().saturating_sub(1));
    let showing = if app.reading.panes.get(focused).is_some_and(|p| p.article == article) {
        Some(focused)
    } else {
        app.reading.panes.iter().position(|p| p.article == article)
    };
    let pane = showing.unwrap_or(focused);
    record(app);
    app.reading.focused_pane = pane;
    app.reading.focus = Focus::Pane;
    let opened = showing.is_none();
    if opened && let Some(p) = app.reading.panes.get_mut(pane) {
        p.article = article;
        p.top = Position::default();
    }
    (pane, opened)
}

/// Like [`to_article`], but an article no pane shows opens in a new pane
/// beside the focused one while there is room, so that both ends of a
/// relation stay in view. Returns the pane.
pub(super) fn to_article_beside(app: &mut App, article: ArticleIx) -> usize {
    if app.reading.panes.iter().any(|p| p.article == article) || app.reading.panes.len() >= super::MAX_PANES {
        return to_article(app, article).0;
    }
    record(app);
    insert_pane(app, article)
}

/// Opens `article` in a new pane beside the focused one, and focuses it.
pub(super) fn insert_pane(app: &mut App, article: ArticleIx) -> usize {
    let at = (app.reading.focused_pane + 1).min(app.reading.panes.len());
    app.reading.panes.insert(
        at,
        Pane {
            article,
            top: Position::default(),
        },
    );
    app.reading.jumps.pane_added(at, &app.reading.panes[at]);
    app.reading.focused_pane = at;
    app.reading.focus = Focus::Pane;
    at
}
