//! Drawing the reader. Reads the [`App`]; changes nothing.

mod compare;
mod form;
mod matrix;
mod overlay;
mod palette;
mod pane;
mod relations;
mod review;
mod sidebar;
mod snapshot;
mod style;
mod text;

pub use snapshot::{buffer_text, snapshot};

pub use style::Theme;

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Focus, Overlay};

pub fn render(frame: &mut Frame, app: &App) {
    let theme = Theme::new(app.color);
    let screen = app.screen();
    if let Some(area) = screen.sidebar {
        sidebar::render(frame, app, area, theme);
    }
    for (pane, area) in &screen.panes {
        pane::render(frame, app, &screen, *pane, *area, theme);
    }
    if let Some(area) = screen.compare {
        compare::render(frame, app, &screen, area, theme);
    }
    status_line(frame, app, &screen, theme);
    match &app.overlay {
        Some(Overlay::Picker(picker)) => overlay::picker(frame, app, picker, theme),
        Some(Overlay::Help { scroll }) => overlay::help(frame, app, *scroll, theme),
        Some(Overlay::Message { title, lines }) => {
            overlay::message(frame, title, lines, "Press any key to go on.", theme);
        }
        Some(Overlay::Unsaved { changes, why }) => overlay::unsaved(frame, app, *changes, why, theme),
        Some(Overlay::Matrix { row, column }) => matrix::render(frame, app, *row, *column, theme),
        Some(Overlay::Form(f)) => form::render(frame, app, f, theme),
        Some(Overlay::Relations {
            article,
            items,
            selected,
        }) => relations::list(frame, app, *article, items, *selected, theme),
        Some(Overlay::Timeline { selected }) => relations::timeline(frame, app, *selected, theme),
        Some(Overlay::Notes { labels, selected }) => overlay::notes(frame, app, labels, *selected, theme),
        Some(Overlay::Search(palette)) => palette::render(frame, app, palette, theme),
        Some(Overlay::Review(review)) => review::render(frame, app, review, theme),
        None => {}
    }
}

fn status_line(frame: &mut Frame, app: &App, screen: &crate::layout::Screen, theme: Theme) {
    let area = screen.status;
    if area.height == 0 {
        return;
    }
    let where_ = match (app.reading.focus, app.reading.panes.get(app.reading.focused_pane)) {
        (Focus::Sidebar, _) => "sidebar".to_string(),
        (Focus::Pane, Some(p)) => format!(
            "pane {} of {}: {}",
            app.reading.focused_pane + 1,
            app.reading.panes.len(),
            app.corpus[p.article].meta.id
        ),
        (Focus::Pane, None) => String::new(),
    };
    let hidden = screen.hidden_before + screen.hidden_after;
    let theme_words = app
        .theme()
        .and_then(|t| app.map.theme(t))
        .map(|t| format!("theme: {}", t.id));
    let follow = app.reading.follow.then(|| "follow".to_string());
    let progress = app.progress().map(|p| p.short());
    // Where the reader is, most said first; with a message to show, the
    // theme's words go first, then the pane's, so the message stays whole.
    let join = |parts: &[Option<&String>]| -> String {
        parts
            .iter()
            .flatten()
            .map(|s| s.as_str())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let wheres = [
        join(&[Some(&where_), theme_words.as_ref(), follow.as_ref(), progress.as_ref()]),
        join(&[Some(&where_), follow.as_ref(), progress.as_ref()]),
        join(&[follow.as_ref(), progress.as_ref()]),
    ];
    let compose = |where_: &str| match (&app.status, where_.is_empty()) {
        (Some(status), false) => format!(" {where_} · {status}"),
        (Some(status), true) => format!(" {status}"),
        (None, _) => format!(" {where_}"),
    };
    let left = compose(&wheres[0]);
    let width = usize::from(area.width);
    // The right side gives way first: the hidden count, then all of it;
    // the left is cut with "…" and a space always stands between them.
    let help = "? help ";
    let full = match hidden {
        0 => help.to_string(),
        1 => format!("1 pane hidden · {help}"),
        n => format!("{n} panes hidden · {help}"),
    };
    let room_for = |right: &str| width.saturating_sub(unicode_width::UnicodeWidthStr::width(right) + 1);
    let right = [full.as_str(), help, ""]
        .into_iter()
        .find(|right| room_for(right) >= 24.min(unicode_width::UnicodeWidthStr::width(left.as_str())))
        .unwrap_or("");
    let right_width = unicode_width::UnicodeWidthStr::width(right);
    let fits = |left: &String| unicode_width::UnicodeWidthStr::width(left.as_str()) <= room_for(right);
    let left = if app.status.is_some() && !fits(&left) {
        wheres
            .iter()
            .skip(1)
            .map(|w| compose(w))
            .find(fits)
            .unwrap_or_else(|| compose(&wheres[2]))
    } else {
        left
    };
    let left = text::truncate(&left, room_for(right));
    let gap = width.saturating_sub(unicode_width::UnicodeWidthStr::width(left.as_str()) + right_width);
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(gap)),
        Span::raw(right.to_string()),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.status()), area);
}
