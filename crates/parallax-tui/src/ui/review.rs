//! The review of suggested passages: a panel at the foot of the screen
//! naming the theme and its claim, which candidate this is, and the keys;
//! the candidate itself shows in its pane, as the current passage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::overlay::window;
use super::text::truncate;
use crate::action::Action;
use crate::app::{App, Review};
use crate::keymap::Context;

pub fn render(frame: &mut Frame, app: &App, review: &Review, theme: Theme) {
    let full = frame.area();
    if full.height < 8 {
        return;
    }
    // Above the status line, the width of the screen.
    let area = Rect::new(full.x, full.bottom().saturating_sub(6), full.width, 5);
    let article = &app.corpus[review.article];
    let title = format!(
        "Suggestions for {} · theme {} of {}",
        article.meta.id,
        review.theme_at + 1,
        review.themes.len()
    );
    let inner = window(frame, area, &title, theme);
    let width = usize::from(inner.width);
    let key = |action| app.keymap.key_for(&[Context::Review, Context::Global], action);
    let Some((theme_id, anchor)) = review.current() else {
        return;
    };
    let Some(shown) = app.map.theme_index(theme_id).map(|t| &app.map[t]) else {
        return;
    };
    let count = review.themes[review.theme_at].1.len();
    // The claim takes what the title leaves of the line.
    let title = truncate(&shown.title, width / 2);
    let claim = truncate(&shown.claim, width.saturating_sub(title.chars().count() + 3));
    let lines = vec![
        Line::from(vec![
            Span::styled(title, theme.title()),
            Span::raw(" — "),
            Span::raw(claim),
        ]),
        Line::from(Span::styled(
            truncate(
                &format!(
                    "candidate {} of {count}, {} (shown in its pane)",
                    review.candidate_at + 1,
                    article[anchor.start_block].label()
                ),
                width,
            ),
            theme.dim(),
        )),
        Line::from(Span::styled(
            truncate(
                &format!(
                    "{} {} {} {}: take it with that stance · {}: not this one · {}/{}: next/previous · {}/{}: theme · {}: close",
                    key(Action::StanceSupports),
                    key(Action::StanceOpposes),
                    key(Action::StanceQualifies),
                    key(Action::StanceReports),
                    key(Action::RejectSuggestion),
                    key(Action::SelectNext),
                    key(Action::SelectPrev),
                    key(Action::NextTheme),
                    key(Action::PrevTheme),
                    key(Action::Close),
                ),
                width,
            ),
            theme.dim(),
        )),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
