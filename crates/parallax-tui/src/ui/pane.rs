//! An article pane: header, the visible lines of its text, position, and the
//! passages of the selected theme marked by stance.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Theme;
use super::text::truncate;
use crate::app::{App, Focus};
use crate::corpus::BlockKind;
use crate::debate::{SILENT_GLYPH, Stance};
use crate::ids::ArticleIx;
use crate::ids::BlockIx;
use crate::layout::{ArticleText, DocLine, Document, Mark, Screen, display};

/// A stretch of shown text that stands out.
struct Highlight {
    block: BlockIx,
    range: Range<usize>,
    kind: Lit,
}

/// What the margin beside a line shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gutter {
    None,
    Stance(Stance),
    Selection,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lit {
    /// A passage of the selected theme, by its stance.
    Passage(Stance),
    /// A hit of the last search.
    SearchHit,
    /// Sentences being selected.
    Selection,
}

pub fn render(frame: &mut Frame, app: &App, screen: &Screen, pane: usize, area: Rect, theme: Theme) {
    let focused = app.reading.focus == Focus::Pane && app.reading.focused_pane == pane;
    let Some(state) = app.reading.panes.get(pane) else {
        return;
    };
    let article = &app.corpus[state.article];
    let (Some(doc), Some(text)) = (app.document(pane), app.article_text(state.article)) else {
        return;
    };
    let header_rows = app.header_rows(screen, pane);
    let height = usize::from(area.height.saturating_sub(header_rows + 1).max(1));
    let start = app.scroll_line(pane);

    let mut block = Block::bordered().border_style(theme.border(focused));
    let first_shown = screen.panes.first().map(|p| p.0) == Some(pane);
    let last_shown = screen.panes.last().map(|p| p.0) == Some(pane);
    if first_shown && screen.hidden_before > 0 {
        block = block.title(Line::from(format!("◀ {} more ", screen.hidden_before)).style(theme.border(false)));
    }
    if last_shown && screen.hidden_after > 0 {
        block = block.title(
            Line::from(format!(" {} more ▶", screen.hidden_after))
                .style(theme.border(false))
                .right_aligned(),
        );
    }
    block = block.title_bottom(Line::from(format!(" {} ", position(doc, start, height))).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let width = usize::from(inner.width.saturating_sub(2));
    let meta = &article.meta;
    let byline = article.byline();
    // The current passage answers, or is answered by, another: say so first.
    let byline = match relation_note(app, state.article) {
        Some(note) => format!("{note} · {byline}"),
        None => byline,
    };
    let mut lines = vec![
        Line::from(Span::styled(truncate(&meta.title, width), theme.title())),
        Line::from(Span::styled(truncate(&byline, width), theme.dim())),
    ];
    lines.extend(theme_lines(app, pane, width, area.height, theme));
    lines.truncate(usize::from(header_rows - 1));
    let highlights = highlights(app, state.article, text);
    let body: Vec<(Line, Gutter)> = doc
        .lines
        .iter()
        .skip(start)
        .take(height)
        .map(|line| body_line(text, line, &highlights, theme))
        .collect();
    let gutter: Vec<Gutter> = body.iter().map(|(_, mark)| *mark).collect();
    lines.extend(body.into_iter().map(|(line, _)| line));
    let padded = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), padded);

    // A passage that answers or is answered by another: marked in the right margin.
    let first_body_row = inner.y + header_rows - 1;
    let ends = relation_ends(app, state.article);
    if !ends.is_empty() && inner.width > 2 {
        for (row, line) in doc.lines.iter().skip(start).take(height).enumerate() {
            let DocLine::Text { block, range, .. } = line else {
                continue;
            };
            let shown = &text[*block];
            let (from, to) = (shown.text_offset(range.start), shown.text_offset(range.end));
            let here = crate::debate::Anchor {
                start_block: *block,
                start: from,
                end_block: *block,
                end: to.max(from + 1),
            };
            let y = first_body_row + row as u16;
            // The frame may be smaller than the screen the state was laid
            // out for while a resize is under way: only cells it has.
            if y < inner.bottom()
                && ends.iter().any(|e| e.overlaps(&here))
                && let Some(cell) = frame.buffer_mut().cell_mut((inner.right() - 1, y))
            {
                cell.set_char('↔').set_style(theme.note_ref());
            }
        }
    }
    // The stance of a passage, or the selection, in the margin beside each
    // of its lines: a shape, so that it reads without color.
    for (row, mark) in gutter.into_iter().enumerate() {
        let y = first_body_row + row as u16;
        if y >= inner.bottom() || inner.width == 0 {
            continue;
        }
        let (glyph, style) = match mark {
            Gutter::Stance(stance) => (stance.glyph(), theme.stance(Some(stance))),
            Gutter::Selection => ('▌', theme.selection()),
            Gutter::None => continue,
        };
        if let Some(cell) = frame.buffer_mut().cell_mut((inner.x, y)) {
            cell.set_char(glyph).set_style(style);
        }
    }
}

/// "↔ answers Manning and Sun (r)" when this pane's article holds the
/// current passage and it has relations.
fn relation_note(app: &App, article: ArticleIx) -> Option<String> {
    let (_, anchor) = app.reading.current_passage.filter(|(a, _)| *a == article)?;
    let relations = app.map.relations_at(article, &anchor);
    let first = app.map[*relations.first()?].described(article, &app.corpus);
    Some(match relations.len() {
        1 => format!("↔ {first} (r)"),
        n => format!("↔ {first}, and {} more (r)", n - 1),
    })
}

/// The passages of `article` that are an end of a relation.
fn relation_ends(app: &App, article: ArticleIx) -> Vec<crate::debate::Anchor> {
    app.map
        .relations
        .iter()
        .flat_map(|r| [&r.from, &r.to])
        .filter(|end| end.article == article)
        .map(|end| end.anchor)
        .collect()
}

/// The header's lines after the byline: the pane's stance on the theme
/// shown and its whole summary (to a limit, then a word on the compare
/// panel), its silence, or a rule when no theme is shown.
fn theme_lines(app: &App, pane: usize, width: usize, height: u16, theme: Theme) -> Vec<Line<'static>> {
    let Some(shown) = app.shown_theme().and_then(|t| app.map.theme(t)) else {
        return vec![Line::from(Span::styled("─".repeat(width), theme.border(false)))];
    };
    let Some(passage) = app.header_passage(pane) else {
        return vec![Line::from(Span::styled(
            truncate(&format!("{SILENT_GLYPH} silent on “{}”", shown.title), width),
            theme.stance(None),
        ))];
    };
    let (mut texts, cut) = app.header_summary(pane, width, height);
    if cut && let Some(last) = texts.last_mut() {
        *last = format!("{}…", truncate(last, width.saturating_sub(1)).trim_end_matches('…'));
    }
    let label = format!(
        "{} {} · {}",
        passage.stance.glyph(),
        passage.stance,
        crate::app::yours(passage)
    );
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| match text.strip_prefix(&label).filter(|_| i == 0) {
            Some(rest) => Line::from(vec![
                Span::styled(label.clone(), theme.stance(Some(passage.stance))),
                Span::styled(rest.to_string(), theme.dim()),
            ]),
            None => Line::from(Span::styled(text, theme.dim())),
        })
        .collect()
}

fn highlights(app: &App, article: ArticleIx, text: &ArticleText) -> Vec<Highlight> {
    let mut out = Vec::new();
    if let Some(nav) = app.reading.search_nav.as_ref().filter(|nav| nav.article == article) {
        for (block, range) in &nav.hits {
            let shown = &text[*block];
            let range = shown.shown_offset(range.start)..shown.shown_offset(range.end);
            out.push(Highlight {
                block: *block,
                range,
                kind: Lit::SearchHit,
            });
        }
    }
    if let Some(selection) = app.reading.selection.filter(|s| s.article == article) {
        let anchor = crate::app::selection_anchor(&app.corpus[article], &selection);
        push_anchor(&mut out, app, article, text, &anchor, Lit::Selection);
    }
    let Some(shown) = app.shown_theme().and_then(|t| app.map.theme(t)) else {
        return out;
    };
    for passage in shown.passages_of(article) {
        push_anchor(
            &mut out,
            app,
            article,
            text,
            &passage.anchor,
            Lit::Passage(passage.stance),
        );
    }
    out
}

/// The shown ranges of an anchored stretch, block by block.
fn push_anchor(
    out: &mut Vec<Highlight>,
    app: &App,
    article: ArticleIx,
    text: &ArticleText,
    anchor: &crate::debate::Anchor,
    kind: Lit,
) {
    let article = &app.corpus[article];
    for block in anchor.start_block.through(anchor.end_block) {
        let Some(article_block) = article.block(block) else {
            break;
        };
        if let Some(range) = anchor.range_in(block, article_block.text.len()) {
            let shown = &text[block];
            let range = shown.shown_offset(range.start)..shown.shown_offset(range.end);
            out.push(Highlight { block, range, kind });
        }
    }
}

/// "Top", "Bot", "All" or a percentage, as pagers show it.
fn position(doc: &Document, start: usize, height: usize) -> String {
    let total = doc.lines.len();
    if total <= height && start == 0 {
        "All".into()
    } else if start == 0 {
        "Top".into()
    } else if start + height >= total {
        "Bot".into()
    } else {
        format!("{}%", (start + height) * 100 / total.max(1))
    }
}

/// A line of text, styled by block kind, marks and passages; and the stance
/// of the passage it shows, if any.
fn body_line<'a>(text: &'a ArticleText, line: &DocLine, highlights: &[Highlight], theme: Theme) -> (Line<'a>, Gutter) {
    let DocLine::Text { block, range, indent } = line else {
        return match line {
            DocLine::NotesHeading { .. } => (Line::from(Span::styled("Notes", theme.heading())), Gutter::None),
            _ => (Line::default(), Gutter::None),
        };
    };
    let shown = &text[*block];
    let base = match text.kind(*block).unwrap_or(&BlockKind::Paragraph) {
        BlockKind::Heading { .. } => theme.heading(),
        BlockKind::Quote => theme.quote(),
        BlockKind::Note => theme.dim(),
        _ => Style::new(),
    };
    let marks: Vec<(Range<usize>, Style)> = shown
        .marks
        .iter()
        .map(|(r, mark)| {
            let style = match mark {
                Mark::Speaker => theme.speaker(),
                Mark::NoteRef(_) | Mark::NoteLabel => theme.note_ref(),
            };
            (r.clone(), style)
        })
        .collect();
    let lit: Vec<&Highlight> = highlights
        .iter()
        .filter(|h| h.block == *block && h.range.start < range.end && h.range.end > range.start)
        .collect();
    let mut cuts = vec![range.start, range.end];
    for r in marks.iter().map(|(r, _)| r).chain(lit.iter().map(|h| &h.range)) {
        cuts.extend([r.start, r.end].into_iter().filter(|c| range.contains(c)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    if *indent > 0 {
        spans.push(Span::raw(" ".repeat(usize::from(*indent))));
    }
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mut style = base;
        if let Some((_, mark)) = marks.iter().find(|(r, _)| r.start <= a && b <= r.end) {
            style = style.patch(*mark);
        }
        // A selection shows over everything else.
        let covering = |h: &&&Highlight| h.range.start <= a && b <= h.range.end;
        let top = lit
            .iter()
            .filter(covering)
            .find(|h| h.kind == Lit::Selection)
            .or_else(|| lit.iter().find(covering));
        if let Some(h) = top {
            style = style.patch(match h.kind {
                Lit::Passage(stance) => theme.passage(stance),
                Lit::SearchHit => theme.search_hit(),
                Lit::Selection => theme.selection(),
            });
        }
        spans.push(Span::styled(display::safe(&shown.text[a..b]), style));
    }
    let mark = if lit.iter().any(|h| h.kind == Lit::Selection) {
        Gutter::Selection
    } else {
        lit.iter()
            .find_map(|h| match h.kind {
                Lit::Passage(stance) => Some(Gutter::Stance(stance)),
                _ => None,
            })
            .unwrap_or(Gutter::None)
    };
    (Line::from(spans), mark)
}
