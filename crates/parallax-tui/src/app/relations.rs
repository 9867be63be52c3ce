//! Who answers whom, in the reader: the relations of the current passage
//! (`r`) and a jump to the other end; the timeline (`T`); and follow mode,
//! which keeps the other panes on the theme at the top of the focused one.

use super::{App, Overlay, jumps, themes};
use crate::debate::{Anchor, End, timeline};
use crate::ids::{ArticleIx, RelationIx, ThemeIx};

/// The relations of the focused pane's current passage, or, when it has
/// none, those with an end on screen there.
fn here(app: &App) -> Option<(ArticleIx, Vec<RelationIx>)> {
    let pane = app.reading.focused_pane;
    let article = app.reading.panes.get(pane)?.article;
    if let Some((a, anchor)) = app.reading.current_passage.filter(|(a, _)| *a == article) {
        let found = app.map.relations_at(a, &anchor);
        if !found.is_empty() {
            return Some((article, found));
        }
    }
    let top = app.scroll_line(pane);
    let bottom = top + app.pane_height(&app.screen(), pane);
    let doc = app.document(pane)?;
    // By whole blocks: a relation whose paragraph is on screen is here.
    let on_screen = |end: &End| {
        let first = doc.start_of(end.anchor.start_block).unwrap_or(usize::MAX);
        let last = doc
            .start_of(end.anchor.end_block)
            .map_or(0, |s| s + doc.block_lines(end.anchor.end_block));
        end.article == article && first < bottom && last > top
    };
    let found: Vec<RelationIx> = RelationIx::all(app.map.relations.len())
        .filter(|&r| on_screen(&app.map[r].from) || on_screen(&app.map[r].to))
        .collect();
    Some((article, found))
}

/// `r`: the list of relations here.
pub(super) fn list(app: &mut App) {
    match here(app) {
        Some((article, items)) if !items.is_empty() => {
            app.overlay = Some(Overlay::Relations {
                article,
                items,
                selected: 0,
            })
        }
        _ => app.status = Some("No passage here answers or is answered by another".into()),
    }
}

/// Goes to the other end of a relation: in the pane that shows its article,
/// or opening it in the focused one. A jump.
pub(super) fn go(app: &mut App, relation: RelationIx, article: ArticleIx) {
    let End {
        article: target,
        anchor,
        ..
    } = app.map[relation].other_end(article).clone();
    let pane = jumps::to_article_beside(app, target);
    super::passage::land(app, pane, anchor);
    app.status = Some(format!("Here: {}", app.map[relation].described(target, &app.corpus)));
}

/// `T`: the timeline, at the focused pane's article.
pub(super) fn open_timeline(app: &mut App) {
    let article = app.reading.panes.get(app.reading.focused_pane).map(|p| p.article);
    let selected = timeline::rows(&app.corpus, &app.map)
        .iter()
        .position(|r| matches!(r, timeline::Row::Article { article: a, .. } if Some(*a) == article))
        .unwrap_or(0);
    app.overlay = Some(Overlay::Timeline { selected });
}

/// `F`: follow mode on or off.
pub(super) fn toggle_follow(app: &mut App) {
    app.reading.follow = !app.reading.follow;
    app.reading.followed_theme = None;
    app.status = Some(if app.reading.follow {
        "Follow mode: the other panes keep to the theme at the top of this one".into()
    } else {
        "Follow mode off".into()
    });
    follow(app);
}

/// The theme of the passage at the top of the focused pane, if one is there.
fn theme_at_top(app: &mut App) -> Option<ThemeIx> {
    let pane = app.reading.focused_pane;
    let article = app.reading.panes.get(pane)?.article;
    let top = app.scroll_line(pane) + super::CONTEXT_LINES;
    let passages: Vec<(ThemeIx, Anchor)> = app
        .map
        .enumerate_themes()
        .flat_map(|(t, theme)| theme.passages_of(article).map(move |p| (t, p.anchor)))
        .collect();
    passages.into_iter().find_map(|(theme, anchor)| {
        let first = app.line_showing(pane, anchor.start_block, anchor.start)?;
        let last = app.line_showing(pane, anchor.end_block, anchor.end.saturating_sub(1))?;
        (first <= top && top <= last).then_some(theme)
    })
}

/// In follow mode, after the focused pane moved: when the theme at its top
/// changed, every other pane goes to its passage on it, or stays where it
/// is when its article is silent.
pub(super) fn follow(app: &mut App) {
    if !app.reading.follow {
        return;
    }
    let Some(theme) = theme_at_top(app) else { return };
    if app.followed_theme() == Some(theme) {
        return;
    }
    app.reading.followed_theme = Some(app.map[theme].id.clone());
    let focused = app.reading.focused_pane;
    for pane in (0..app.reading.panes.len()).filter(|&p| p != focused) {
        themes::place_at_theme(app, pane, theme);
    }
    app.status = Some(format!("Following “{}”", app.map[theme].title));
}
