//! The search palette: typing, results, jumping, and stepping through the
//! other hits of a query with `n` and `N`.

use super::{App, Command, Focus, Outcome, Overlay, Palette, SearchNav, jumps};
use crate::ids::BlockIx;
use crate::search::{Kind, Query};

pub(super) fn open(app: &mut App) {
    app.overlay = Some(Overlay::Search(Palette::default()));
    // The index is built once a search is coming.
    app.work.searcher.prepare();
}

/// Takes the responses that have arrived; only those of the palette's
/// newest query are kept.
pub(super) fn receive(app: &mut App) {
    while let Some(response) = app.work.searcher.try_recv() {
        if let Some(Overlay::Search(palette)) = &mut app.overlay
            && response.generation == palette.generation
        {
            palette.hits = response.hits;
            palette.hits_for = palette.query.value().to_string();
            palette.selected = 0;
        }
    }
}

/// Keeps a query among the recent searches (once, newest last).
pub(super) fn remember(app: &mut App, query: &str) {
    if query.trim().is_empty() {
        return;
    }
    app.reading.recent_searches.retain(|q| q != query);
    app.reading.recent_searches.push(query.to_string());
    let excess = app
        .reading
        .recent_searches
        .len()
        .saturating_sub(crate::session::RECENT_SEARCHES);
    app.reading.recent_searches.drain(..excess);
}

/// A new searcher over the articles and the map as they are now; the
/// palette's query is asked again of it, since results are looked up in
/// the index they came from.
pub(super) fn reindex(app: &mut App) {
    app.work.searcher = app
        .work
        .searcher
        .rebuilt(std::sync::Arc::clone(&app.corpus), app.map.clone());
    resubmit(app);
}

/// Asks again for the palette's query, over a new index: its results so
/// far were over the old one.
pub(super) fn resubmit(app: &mut App) {
    if !matches!(app.overlay, Some(Overlay::Search(_))) {
        return;
    }
    if let Some(Overlay::Search(palette)) = &mut app.overlay {
        palette.hits.clear();
        palette.hits_for.clear();
        if let Outcome::Keep(Command::Search { generation, query }) = palette.submit() {
            app.work.searcher.submit(generation, &query);
        }
        receive(app);
    }
}

/// Goes where a result is: a passage opens in the focused pane, a theme is
/// selected, an article is opened.
pub(super) fn jump(app: &mut App, candidate: u32, query: &str) {
    let c = app.work.searcher.index.candidate(candidate);
    app.reading.focus = Focus::Pane;
    match c.kind {
        Kind::Theme => {
            app.reading.search_nav = None;
            super::themes::select_theme(app, c.theme);
        }
        Kind::Article => {
            let (pane, opened) = jumps::to_article(app, c.article.unwrap_or_default());
            if opened {
                super::themes::opened_in(app, pane);
            }
        }
        Kind::Passage => {
            let article = c.article.unwrap_or_default();
            let (pane, _) = jumps::to_article(app, article);
            let parsed = Query::parse(query);
            let index = std::sync::Arc::clone(&app.work.searcher.index);
            let hits = index
                .hits_in_article(&parsed, article)
                .into_iter()
                .map(|id| {
                    let h = index.candidate(id);
                    (h.block, h.start as usize..h.end as usize)
                })
                .collect();
            app.reading.search_nav = Some(SearchNav {
                query: parsed.text,
                article,
                hits,
            });
            place_at(app, pane, c.block, c.start as usize..c.end as usize);
        }
    }
}

/// Puts the sentence at `range` of `block` where a passage lands.
fn place_at(app: &mut App, pane: usize, block: BlockIx, range: std::ops::Range<usize>) {
    let anchor = crate::debate::Anchor {
        start_block: block,
        start: range.start,
        end_block: block,
        end: range.end,
    };
    super::passage::land(app, pane, anchor);
}

/// `n` / `N` after a search: the next or previous hit in the focused pane.
/// Returns false when the focused pane shows another article.
pub(super) fn step(app: &mut App, forward: bool) -> bool {
    let pane = app.reading.focused_pane;
    let Some(nav) = app.reading.search_nav.clone() else {
        return false;
    };
    if app.reading.panes.get(pane).map(|p| p.article) != Some(nav.article) {
        return false;
    }
    let current = app.scroll_line(pane) + super::CONTEXT_LINES;
    let lines: Vec<(usize, usize)> = nav
        .hits
        .iter()
        .enumerate()
        .filter_map(|(i, (block, range))| Some((app.line_showing(pane, *block, range.start)?, i)))
        .collect();
    let target = if forward {
        lines.iter().find(|(line, _)| *line > current)
    } else {
        lines.iter().rev().find(|(line, _)| *line < current)
    };
    match target {
        Some(&(_, i)) => {
            jumps::record(app);
            let (block, range) = nav.hits[i].clone();
            place_at(app, pane, block, range);
            app.status = Some(format!("“{}”: hit {} of {}", nav.query, i + 1, nav.hits.len()));
        }
        None => {
            app.status = Some(format!(
                "No {} hit for “{}”",
                if forward { "later" } else { "earlier" },
                nav.query
            ))
        }
    }
    true
}
