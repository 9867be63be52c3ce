//! Selecting whole sentences in a pane: `v` starts at the current sentence,
//! `j`/`k` move the selection's free end by a sentence (across paragraphs,
//! the view following), a mouse drag selects from where it was pressed.

use super::{App, Position};
use crate::corpus::Article;
use crate::debate::Anchor;
use crate::ids::ArticleIx;
use crate::layout::DocLine;

/// A run of whole sentences of one pane's article: from `anchor`, where it
/// started, to `cursor`, the end that moves; indices into [`Article::sentences`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub pane: usize,
    pub article: ArticleIx,
    pub anchor: usize,
    pub cursor: usize,
}

impl Selection {
    /// The first and last sentence selected.
    pub fn span(&self) -> (usize, usize) {
        (self.anchor.min(self.cursor), self.anchor.max(self.cursor))
    }
}

/// Where the selected sentences stand in the article.
pub fn anchor_of(article: &Article, selection: &Selection) -> Anchor {
    let all = article.sentences();
    let (first, last) = selection.span();
    let (start_block, start) = (all[first].0, all[first].1.start);
    let (end_block, end) = (all[last].0, all[last].1.end);
    Anchor {
        start_block,
        start,
        end_block,
        end,
    }
}

/// `v`: selects the current sentence of the focused pane: the one last
/// jumped to, else the first that starts on screen.
pub(super) fn start(app: &mut App) {
    let pane = app.reading.focused_pane;
    let Some(article) = app.reading.panes.get(pane).map(|p| p.article) else {
        return;
    };
    let corpus = std::sync::Arc::clone(&app.corpus);
    let all = corpus[article].sentences();
    if all.is_empty() {
        app.status = Some("This article has no text to select".into());
        return;
    }
    let jumped = app
        .reading
        .current_passage
        .filter(|(a, _)| *a == article)
        .and_then(|(_, anchor)| {
            all.iter()
                .position(|(b, r)| *b == anchor.start_block && r.end > anchor.start)
        });
    let top = app.scroll_line(pane);
    let on_screen = || {
        all.iter()
            .position(|(b, r)| app.line_showing(pane, *b, r.start).is_some_and(|line| line >= top))
    };
    let first = jumped.or_else(on_screen).unwrap_or(0);
    app.reading.selection = Some(Selection {
        pane,
        article,
        anchor: first,
        cursor: first,
    });
    app.status = Some("Selecting: j/k grow or shrink by a sentence, t places it on a theme, Esc ends".into());
}

/// `j` / `k` while selecting: the free end moves by a sentence.
pub(super) fn extend(app: &mut App, forward: bool) {
    let Some(mut selection) = app.reading.selection else {
        return;
    };
    let count = app.corpus[selection.article].sentences().len();
    selection.cursor = if forward {
        (selection.cursor + 1).min(count.saturating_sub(1))
    } else {
        selection.cursor.saturating_sub(1)
    };
    app.reading.selection = Some(selection);
    follow(app, selection.pane, selection.article, selection.cursor);
}

/// Scrolls a pane so that sentence `index` is on screen.
fn follow(app: &mut App, pane: usize, article: ArticleIx, index: usize) {
    let corpus = std::sync::Arc::clone(&app.corpus);
    let Some((block, range)) = corpus[article].sentences().get(index) else {
        return;
    };
    let (Some(first), Some(last)) = (
        app.line_showing(pane, *block, range.start),
        app.line_showing(pane, *block, range.end.saturating_sub(1)),
    ) else {
        return;
    };
    let height = app.pane_height(&app.screen(), pane);
    let top = app.scroll_line(pane);
    let new_top = if first < top {
        first
    } else if last >= top + height {
        (last + 1).saturating_sub(height)
    } else {
        return;
    };
    if let Some(doc) = app.pane_document(pane) {
        let (block, line) = doc.position_of(new_top);
        app.reading.panes[pane].top = Position { block, line };
    }
}

/// The sentence under a screen cell of a pane's text, if any.
pub(super) fn sentence_at(app: &App, pane: usize, column: u16, row: u16) -> Option<usize> {
    let screen = app.screen();
    let area = screen.pane(pane)?;
    let first_row = area.y + app.header_rows(&screen, pane);
    let first_column = area.x + 2;
    if row < first_row || column < first_column {
        return None;
    }
    let doc = app.document(pane)?;
    let article = app.reading.panes[pane].article;
    let text = app.article_text(article)?;
    let line = app.scroll_line(pane) + usize::from(row - first_row);
    let DocLine::Text { block, range, indent } = doc.lines.get(line)? else {
        return None;
    };
    let shown = &text[*block];
    // The byte of the line at that column (characters, as the line is drawn).
    let skip = usize::from(column - first_column).saturating_sub(usize::from(*indent));
    let in_line = shown.text[range.clone()]
        .char_indices()
        .nth(skip)
        .map_or(range.end - range.start, |(at, _)| at);
    let offset = shown.text_offset(range.start + in_line);
    app.corpus[article]
        .sentences()
        .iter()
        .position(|(b, r)| *b == *block && offset < r.end.max(r.start + 1))
}

/// A mouse press in a pane's text: where a drag would start.
pub(super) fn press(app: &mut App, pane: usize, column: u16, row: u16) {
    app.reading.drag_from = sentence_at(app, pane, column, row).map(|s| (pane, s));
}

/// A drag with the button held: the sentences from the press to here.
pub(super) fn drag(app: &mut App, column: u16, row: u16) {
    let Some((pane, from)) = app.reading.drag_from else {
        return;
    };
    let Some(to) = sentence_at(app, pane, column, row) else {
        return;
    };
    app.reading.focused_pane = pane;
    app.reading.selection = Some(Selection {
        pane,
        article: app.reading.panes[pane].article,
        anchor: from,
        cursor: to,
    });
}
