//! `y`: the current passage as a quotation with its citation, for the
//! terminal's clipboard.

use super::App;
use crate::corpus::Article;
use crate::debate::Anchor;
use crate::layout::DocLine;

/// Characters of the quotation named in the status line.
const NAMED_CHARS: usize = 40;

/// What `y` copies: the selection, else the passage last jumped to in the
/// focused pane's article, else the first paragraph that starts on screen.
fn current_passage(app: &App) -> Option<Anchor> {
    let pane = app.reading.panes.get(app.reading.focused_pane)?;
    if let Some(selection) = app.reading.selection.filter(|s| s.article == pane.article) {
        return Some(super::selection::anchor_of(&app.corpus[pane.article], &selection));
    }
    if let Some((article, anchor)) = app.reading.current_passage
        && article == pane.article
    {
        return Some(anchor);
    }
    let doc = app.document(app.reading.focused_pane)?;
    let height = app.pane_height(&app.screen(), app.reading.focused_pane);
    let start = app.scroll_line(app.reading.focused_pane);
    let blocks = &app.corpus[pane.article].blocks;
    let block = doc
        .lines
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .find_map(|(line, l)| match l {
            DocLine::Text { block, .. } if doc.line_showing(*block, 0) == line => Some(*block),
            _ => None,
        })
        .or_else(|| doc.lines.get(start).map(DocLine::block))?;
    Some(Anchor {
        start_block: block,
        start: 0,
        end_block: block,
        end: blocks[block.get()].text.len(),
    })
}

/// The passage's words, its blocks apart by a blank line.
fn quoted_text(article: &Article, anchor: &Anchor) -> String {
    (anchor.start_block.through(anchor.end_block))
        .filter_map(|b| {
            let text = &article.block(b)?.text;
            Some(text[anchor.range_in(b, text.len())?].trim())
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// "— Alexander Gabuev, “Putin and Xi’s Unholy Alliance: …,” Foreign Affairs, April 2024, ¶23."
pub fn citation(article: &Article, anchor: &Anchor) -> String {
    let start = article[anchor.start_block].label();
    let place = if anchor.end_block == anchor.start_block {
        start
    } else {
        format!("{start}–{}", article[anchor.end_block].label())
    };
    format!("— {}, {place}.", article.citation())
}

/// Puts the current passage and its citation where the terminal loop sends
/// it to the clipboard, and says what was copied.
/// How a copied passage is cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cite {
    /// The quote, then "Authors, “Title,” Outlet, date, ¶23" under it.
    Plain,
    /// The quote and Pandoc's `[@id, para. 23]` beside it.
    Pandoc,
}

pub(super) fn copy(app: &mut App, cite: Cite) {
    let Some(anchor) = current_passage(app) else {
        app.status = Some("Nothing to copy here".into());
        return;
    };
    let article = &app.corpus[app.reading.panes[app.reading.focused_pane].article];
    let quote = quoted_text(article, &anchor);
    if quote.is_empty() {
        app.status = Some("Nothing to copy here".into());
        return;
    }
    let named: String = quote.chars().take(NAMED_CHARS).collect();
    let more = if quote.chars().count() > NAMED_CHARS { "…" } else { "" };
    let place = article[anchor.start_block].label();
    app.status = Some(format!(
        "Copied “{named}{more}” with its citation ({}, {place})",
        article.meta.id
    ));
    let text = match cite {
        Cite::Plain => format!("“{quote}”\n{}", citation(article, &anchor)),
        Cite::Pandoc => format!(
            "“{quote}” [@{}, {}]",
            article.meta.id,
            article[anchor.start_block].locator()
        ),
    };
    app.outbox.push(super::Effect::Clipboard(text));
}
