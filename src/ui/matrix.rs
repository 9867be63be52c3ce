//! The stance matrix: themes by articles, a glyph per cell, and how many
//! articles support and oppose each claim.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::Theme;
use super::text::truncate;
use crate::app::App;
use crate::debate::SILENT_GLYPH;

/// Columns per article in the matrix.
const CELL: usize = 4;

pub fn render(frame: &mut Frame, app: &App, row: usize, column: usize, theme: Theme) {
    let full = frame.area();
    let area = Rect {
        x: full.x + 1.min(full.width),
        y: full.y + 1.min(full.height),
        width: full.width.saturating_sub(2),
        height: full.height.saturating_sub(2),
    };
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(" Stance matrix: themes by articles ")
        .border_style(theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let articles = app.corpus.articles.len();
    let counts_width = 12;
    let title_width = usize::from(inner.width)
        .saturating_sub(articles * CELL + counts_width + 1)
        .max(8);
    let mut lines = Vec::new();
    let mut header = vec![Span::raw(format!("{:<title_width$} ", ""))];
    for i in 0..articles {
        let style = if i == column { theme.selected() } else { theme.title() };
        header.push(Span::styled(format!(" {:<width$}", i + 1, width = CELL - 1), style));
    }
    header.push(Span::styled(" agree/split", theme.dim()));
    lines.push(Line::from(header));

    let rows = usize::from(inner.height).saturating_sub(3 + articles.min(6));
    let offset = row.saturating_sub(rows.saturating_sub(1));
    let open = app.open_articles();
    for (t, debate_theme) in app.map.themes.iter().enumerate().skip(offset).take(rows) {
        let title_style = if t == row {
            theme.title()
        } else {
            ratatui::style::Style::new()
        };
        let mut spans = vec![Span::styled(
            format!("{:<title_width$} ", truncate(&debate_theme.title, title_width)),
            title_style,
        )];
        for a in 0..articles {
            let stance = debate_theme.stance_of(a);
            let glyph = stance.map_or(SILENT_GLYPH, |s| s.glyph());
            let mut style = theme.stance(stance);
            if t == row && a == column {
                style = style.patch(theme.selected());
            }
            spans.push(Span::styled(format!(" {glyph}"), style));
            spans.push(Span::raw(" ".repeat(CELL - 2)));
        }
        let (supports, opposes) = debate_theme.agreement(&(0..articles).collect::<Vec<_>>());
        let split = if debate_theme.disagreement_among(&open) {
            " split"
        } else {
            ""
        };
        spans.push(Span::styled(format!(" +{supports} x{opposes}{split}"), theme.dim()));
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    for (i, article) in app.corpus.articles.iter().enumerate().take(6) {
        let text = format!(
            "{}  {} ({}, {})",
            i + 1,
            article.meta.id,
            article.author_names(),
            article.meta.outlet
        );
        lines.push(Line::from(Span::styled(
            truncate(&text, usize::from(inner.width)),
            theme.dim(),
        )));
    }
    lines.push(Line::from(Span::styled(
        truncate(
            "+ supports  x opposes  ~ qualifies  = reports  · silent   arrows move, Enter opens the passage",
            usize::from(inner.width),
        ),
        theme.dim(),
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}
