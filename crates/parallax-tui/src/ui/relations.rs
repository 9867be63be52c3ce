//! The relations list (`r`) and the timeline (`T`).

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::overlay::{centered, window};
use super::text::truncate;
use crate::app::App;
use crate::debate::timeline::{self, Row};
use crate::ids::{ArticleIx, RelationIx};

pub fn list(frame: &mut Frame, app: &App, article: ArticleIx, items: &[RelationIx], selected: usize, theme: Theme) {
    let full = frame.area();
    let rows = u16::try_from(items.len() * 2).unwrap_or(u16::MAX).saturating_add(2);
    let area = centered(full, full.width.saturating_sub(4).min(110), rows);
    let inner = window(
        frame,
        area,
        "Who answers whom here (Enter goes to the other end)",
        theme,
    );
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let offset = (selected * 2).saturating_sub(height.saturating_sub(2));
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .flat_map(|(i, &r)| {
            let relation = &app.map[r];
            let other = relation.other_end(article);
            let date = app.corpus[other.article].meta.date();
            let head = format!(
                "{} ({date}): “{}”",
                relation.described(article, &app.corpus),
                other.quote
            );
            let style = if i == selected { theme.selected() } else { Style::new() };
            [
                Line::from(Span::styled(truncate(&head, width), style)),
                Line::from(Span::styled(
                    truncate(&format!("  {}", relation.summary), width),
                    theme.dim(),
                )),
            ]
        })
        .skip(offset)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn timeline(frame: &mut Frame, app: &App, selected: usize, theme: Theme) {
    let full = frame.area();
    let area = centered(
        full,
        crate::app::window_width(full.width),
        full.height.saturating_sub(2),
    );
    let rows = timeline::rows(&app.corpus, &app.map);
    // Each row with its relations under it; the selected row kept in view,
    // a third of the way down, and the window never scrolled past the last
    // row. Only the rows in view are written out.
    let height = usize::from(area.height.saturating_sub(2));
    let row_lines = |row: &Row| match row {
        Row::Article { relations, .. } => 1 + relations.len(),
        Row::Event { .. } => 1,
    };
    let total: usize = rows.iter().map(row_lines).sum();
    let before: usize = rows.iter().take(selected).map(row_lines).sum();
    let offset = before.saturating_sub(height / 3).min(total.saturating_sub(height));
    let below = total.saturating_sub(offset + height);
    let title = "Timeline: the articles, the events, who answers whom (Enter opens)";
    let inner = super::overlay::window_with_more(frame, area, title, offset, below, theme);
    let width = usize::from(inner.width);
    // The line each row starts on, and where the first row written starts.
    let mut at = 0;
    let mut first_written = None;
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let starts = at;
        at += row_lines(row);
        if at <= offset {
            continue;
        }
        if starts >= offset + height {
            break;
        }
        first_written.get_or_insert(starts);
        let style = if i == selected { theme.selected() } else { Style::new() };
        let date = format!("{:<17}", row.date_text(&app.corpus));
        match row {
            Row::Event { title, .. } => lines.push(Line::from(Span::styled(
                truncate(&format!("{date} · {title}"), width),
                theme.dim().patch(style),
            ))),
            Row::Article { article, relations } => {
                let a = &app.corpus[*article];
                let text = format!("{date} ▶ {} — {}", a.surnames(), a.meta.title);
                lines.push(Line::from(Span::styled(
                    truncate(&text, width),
                    theme.title().patch(style),
                )));
                for &r in relations {
                    let text = format!(
                        "{:<17}   {}: {}",
                        "",
                        app.map[r].described(*article, &app.corpus),
                        app.map[r].summary
                    );
                    lines.push(Line::from(Span::styled(truncate(&text, width), theme.dim())));
                }
            }
        }
    }
    // A row in view only in part: its first lines are above the window.
    let above = offset - first_written.unwrap_or(offset);
    let shown: Vec<Line> = lines.into_iter().skip(above).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
