//! The compare panel: for the selected theme, each open article's stance,
//! summary and citation, side by side under its pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::Theme;
use crate::app::App;
use crate::debate::SILENT_GLYPH;
use crate::layout::Screen;

pub fn render(frame: &mut Frame, app: &App, screen: &Screen, area: Rect, theme: Theme) {
    let selected = app.theme.and_then(|t| app.map.themes.get(t));
    let title = match selected {
        Some(t) => format!(" Compare: {} ", t.claim),
        None => " Compare ".to_string(),
    };
    let block = Block::bordered().title(title).border_style(theme.border(false));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(selected) = selected else {
        let hint = "Select a theme (] or [, or Enter in the sidebar) to compare the authors' stances.";
        frame.render_widget(
            Paragraph::new(Span::styled(hint, theme.dim())).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    for (pane, pane_area) in &screen.panes {
        let column = Rect {
            x: pane_area.x + 1,
            width: pane_area.width.saturating_sub(2),
            ..inner
        };
        let article_index = app.panes[*pane].article;
        let article = &app.corpus.articles[article_index];
        let mut lines = vec![Line::from(Span::styled(article.author_names(), theme.title()))];
        let passages: Vec<_> = selected.passages_of(article_index).collect();
        if passages.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("{SILENT_GLYPH} silent"),
                theme.stance(None),
            )));
        }
        for passage in passages {
            let block_id = &article.blocks[passage.anchor.start_block].id;
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} {} ", passage.stance.glyph(), passage.stance),
                    theme.stance(Some(passage.stance)),
                ),
                Span::raw(passage.summary.clone()),
                Span::styled(
                    format!(" ({}, {}; {block_id})", article.meta.outlet, article.meta.published),
                    theme.dim(),
                ),
            ]));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), column);
    }
}
