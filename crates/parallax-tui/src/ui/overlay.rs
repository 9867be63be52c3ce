//! Windows drawn over the reader: the article picker, help, and messages.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::Theme;
use super::text::truncate;
use crate::action::Action;
use crate::app::{App, HelpRow, Picker};

/// A box centered in `area`, at most `width` by `height`.
pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Like [`window`], with marks in the border when there is more above
/// (`offset` lines) or below.
pub(super) fn window_with_more(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    above: usize,
    below: usize,
    theme: Theme,
) -> Rect {
    let inner = window(frame, area, title, theme);
    let mut marks = Vec::new();
    if above > 0 {
        marks.push(format!("↑ {above} more"));
    }
    if below > 0 {
        marks.push(format!("↓ {below} more"));
    }
    if !marks.is_empty() {
        let line = Line::from(Span::styled(format!(" {} ", marks.join(" · ")), theme.dim())).right_aligned();
        frame.render_widget(Block::default().title_bottom(line), area);
    }
    inner
}

/// Clears `area`, draws a bordered window titled `title` there, and returns
/// the area inside it.
pub(super) fn window(frame: &mut Frame, area: Rect, title: &str, theme: Theme) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

pub fn picker(frame: &mut Frame, app: &App, picker: &Picker, theme: Theme) {
    let rows = u16::try_from(picker.matches.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4)
        .max(6);
    let area = centered(frame.area(), 90.min(frame.area().width.saturating_sub(4)).max(20), rows);
    let inner = window(frame, area, "Open article", theme);
    let width = usize::from(inner.width);
    let mut lines = vec![
        Line::from(
            [Span::styled("> ", theme.speaker())]
                .into_iter()
                .chain(super::form::field_spans(&picker.query, width.saturating_sub(2), theme))
                .collect::<Vec<_>>(),
        ),
        Line::default(),
    ];
    let list_rows = usize::from(inner.height.saturating_sub(2));
    let offset = crate::app::list_offset(picker.selected, list_rows);
    for (i, &article) in picker.matches.iter().enumerate().skip(offset).take(list_rows) {
        let a = &app.corpus[article];
        let text = format!("{:<20} {} ({})", a.meta.id, a.meta.title, a.byline());
        let style = if i == picker.selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(Span::styled(truncate(&text, width), style)));
    }
    if picker.matches.is_empty() {
        lines.push(Line::from(Span::styled("No article matches", theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn help(frame: &mut Frame, app: &App, scroll: usize, theme: Theme) {
    let area = help_area(frame.area());
    let title = match app.keymap.user_file() {
        Some(file) => format!("Help · keys: the defaults with {file}"),
        None => "Help · keys: the defaults".to_string(),
    };
    let rows = crate::app::help_rows(&app.keymap, usize::from(area.width.saturating_sub(2)));
    let height = usize::from(area.height.saturating_sub(2));
    let below = rows.len().saturating_sub(scroll + height);
    let inner = window_with_more(frame, area, &title, scroll, below, theme);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|row| match row {
            HelpRow::Context(title) => Line::from(Span::styled(title, theme.section())),
            HelpRow::Binding { keys, text } => Line::from(vec![
                Span::styled(format!("  {keys:<22}  "), theme.speaker()),
                Span::raw(text),
            ]),
            HelpRow::Mark { mark, text } => Line::from(vec![
                Span::styled(format!("  {mark:<22}  "), mark_style(&mark, theme)),
                Span::raw(text),
            ]),
            HelpRow::Blank => Line::default(),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Where the help window stands on a screen of `full`.
fn help_area(full: Rect) -> Rect {
    centered(
        full,
        crate::app::window_width(full.width),
        full.height.saturating_sub(2),
    )
}

/// The note references on screen, each with the start of its note.
pub fn notes(frame: &mut Frame, app: &App, labels: &[String], selected: usize, theme: Theme) {
    let full = frame.area();
    let rows = u16::try_from(labels.len()).unwrap_or(u16::MAX).saturating_add(2);
    let area = centered(full, full.width.saturating_sub(4).min(90), rows);
    let inner = window(frame, area, "Follow which note? (Enter follows, Esc leaves)", theme);
    let width = usize::from(inner.width);
    let article = app
        .reading
        .panes
        .get(app.reading.focused_pane)
        .map(|p| &app.corpus[p.article]);
    let offset = crate::app::list_offset(selected, usize::from(inner.height));
    let lines: Vec<Line> = labels
        .iter()
        .enumerate()
        .skip(offset)
        .map(|(i, label)| {
            let note = article
                .and_then(|a| a.note_index(label).map(|n| a[n].text.as_str()))
                .unwrap_or("");
            let style = if i == selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Line::from(Span::styled(truncate(&format!("[{label}] {note}"), width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A stance mark in its own style; other marks as keys are shown.
fn mark_style(mark: &str, theme: Theme) -> ratatui::style::Style {
    let stance = crate::debate::Stance::ALL
        .into_iter()
        .find(|s| mark.starts_with(s.glyph()));
    match stance {
        Some(stance) => theme.stance(Some(stance)),
        None if mark.starts_with(crate::debate::SILENT_GLYPH) => theme.stance(None),
        None => theme.speaker(),
    }
}

pub fn message(frame: &mut Frame, title: &str, body: &[String], hint: &str, theme: Theme) {
    let full = frame.area();
    let width = full.width.saturating_sub(4).min(100);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    for text in body {
        for range in crate::layout::wrap(text, inner_width) {
            lines.push(Line::raw(text[range].to_string()));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(hint.to_string(), theme.dim())));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(full, width, height);
    let inner = window(frame, area, title, theme);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Asked on leaving when changes to the reader's map could not be written.
pub fn unsaved(frame: &mut Frame, app: &App, changes: usize, why: &str, theme: Theme) {
    // The key that brought the reader here (global) first, then the choice's.
    use crate::keymap::Context;
    let key = |action| app.keymap.key_for(&[Context::Global, Context::Choice], action);
    let body = [
        format!(
            "{changes} change{} to your map could not be written. {why}",
            if changes == 1 { "" } else { "s" }
        ),
        "They are lost if you leave now.".to_string(),
    ];
    let hint = format!(
        "{}: write your map to a new file in your home folder and leave · {}: leave without them · {}: stay",
        key(Action::Confirm),
        key(Action::Quit),
        key(Action::Close)
    );
    message(frame, "Your map is not saved", &body, &hint, theme);
}
