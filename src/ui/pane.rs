//! An article pane: header, the visible lines of its text, position.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Theme;
use super::text::truncate;
use crate::app::{App, Focus};
use crate::corpus::BlockKind;
use crate::layout::{ArticleText, DocLine, Document, Mark, PANE_HEADER_ROWS, Screen, text_height};

pub fn render(frame: &mut Frame, app: &App, screen: &Screen, pane: usize, area: Rect, theme: Theme) {
    let focused = app.focus == Focus::Pane && app.focused_pane == pane;
    let Some(state) = app.panes.get(pane) else { return };
    let article = &app.corpus.articles[state.article];
    let (Some(doc), Some(text)) = (app.document(pane), app.article_text(state.article)) else {
        return;
    };
    let height = usize::from(text_height(area));
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
    let byline = format!("{} · {} · {}", article.author_names(), meta.outlet, meta.published);
    let mut lines = vec![
        Line::from(Span::styled(truncate(&meta.title, width), theme.title())),
        Line::from(Span::styled(truncate(&byline, width), theme.dim())),
        Line::from(Span::styled("─".repeat(width), theme.border(false))),
    ];
    lines.truncate(usize::from(PANE_HEADER_ROWS - 1));
    lines.extend(
        doc.lines
            .iter()
            .skip(start)
            .take(height)
            .map(|line| body_line(text, line, theme)),
    );
    let padded = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), padded);
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

fn body_line<'a>(text: &'a ArticleText, line: &DocLine, theme: Theme) -> Line<'a> {
    match line {
        DocLine::Blank { .. } => Line::default(),
        DocLine::NotesHeading { .. } => Line::from(Span::styled("Notes", theme.heading())),
        DocLine::Text { block, range, indent } => {
            let shown = &text.blocks[*block];
            let base = match text.kinds[*block] {
                BlockKind::Heading { .. } => theme.heading(),
                BlockKind::Quote => theme.quote(),
                BlockKind::Note { .. } => theme.dim(),
                _ => ratatui::style::Style::new(),
            };
            let mut spans = Vec::new();
            if *indent > 0 {
                spans.push(Span::raw(" ".repeat(usize::from(*indent))));
            }
            let mut at = range.start;
            for (mark_range, mark) in &shown.marks {
                let start = mark_range.start.max(range.start);
                let end = mark_range.end.min(range.end);
                if start >= end {
                    continue;
                }
                if at < start {
                    spans.push(Span::styled(&shown.text[at..start], base));
                }
                let style = match mark {
                    Mark::Speaker => theme.speaker(),
                    Mark::NoteRef(_) => theme.note_ref(),
                    Mark::NoteLabel => theme.note_ref(),
                };
                spans.push(Span::styled(&shown.text[start..end], style));
                at = end;
            }
            if at < range.end {
                spans.push(Span::styled(&shown.text[at..range.end], base));
            }
            Line::from(spans)
        }
    }
}
