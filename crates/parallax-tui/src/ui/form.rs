//! The form window: the words it is about, then the step under way (a theme
//! list filtered as one types, a claim, a stance key, a summary, a yes/no).

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Theme;
use super::overlay::{centered, window};
use super::text::truncate;
use crate::app::{App, Chosen, Form, Step, Target, TextField};
use crate::debate::Stance;
use unicode_width::UnicodeWidthStr;

/// Rows of the quote shown at most.
const QUOTE_ROWS: usize = 3;

pub fn render(frame: &mut Frame, app: &App, form: &Form, theme: Theme) {
    let full = frame.area();
    let area = centered(
        full,
        full.width.saturating_sub(4).min(96),
        full.height.saturating_sub(2).min(22),
    );
    let title = match form.target {
        Target::NewPassage { .. } => "Place on a theme (Esc: nothing is saved)",
        Target::Edit { .. } => "Change your passage (Esc: nothing is changed)",
        Target::Move { .. } => "Move your passage to another theme",
        Target::Delete { .. } => "Delete your passage?",
        Target::View { .. } => "Your own view of the claim",
    };
    let inner = window(frame, area, title, theme);
    let width = usize::from(inner.width).max(1);
    // The words, opened by a quotation mark, cut with "…" past a few rows.
    let quoted = format!("“{}”", form.quote);
    let rows = crate::layout::wrap(&quoted, width);
    let cut = rows.len() > QUOTE_ROWS;
    let mut lines: Vec<Line> = rows
        .iter()
        .take(QUOTE_ROWS)
        .enumerate()
        .map(|(i, r)| {
            let text = &quoted[r.clone()];
            let text = if cut && i + 1 == QUOTE_ROWS {
                format!("{text} …")
            } else {
                text.to_string()
            };
            Line::from(Span::styled(text, theme.quote()))
        })
        .collect();
    lines.push(Line::default());
    // The theme and its claim, restated at every step: the one chosen, or
    // the one the passage or view being changed is on.
    let on_theme = match (&form.theme, &form.target) {
        (Some(Chosen::Existing(t)), _) | (None, Target::View { theme: t }) => app.map.theme(*t),
        (None, Target::Edit { passage } | Target::Move { passage } | Target::Delete { passage }) => {
            app.map.theme_index(&passage.theme).and_then(|t| app.map.theme(t))
        }
        _ => None,
    };
    let (name, claim) = match (&form.theme, on_theme) {
        (Some(Chosen::New(title)), _) => (Some(format!("{title} (new)")), form.claim.clone()),
        (_, Some(t)) => (Some(t.title.clone()), t.claim.clone()),
        (_, None) => (None, form.claim.clone()),
    };
    if let Some(name) = name {
        lines.push(Line::from(vec![Span::styled("Theme: ", theme.dim()), Span::raw(name)]));
    }
    // A view's form shows the claim as the words it is about already.
    if !claim.is_empty() && !matches!(form.target, Target::View { .. }) {
        lines.push(Line::from(vec![Span::styled("Claim: ", theme.dim()), Span::raw(claim)]));
    }
    match form.step {
        Step::Theme => {
            lines.push(field_line("Theme", &form.field, theme));
            let rows = usize::from(inner.height).saturating_sub(lines.len() + 1);
            let offset = crate::app::list_offset(form.selected, rows);
            let mut list: Vec<Line> = form
                .matches
                .iter()
                .map(|&t| {
                    let th = &app.map[t];
                    truncate(&format!("{} — {}", th.title, th.claim), width)
                })
                .chain(
                    form.new_row()
                        .map(|_| format!("new theme “{}”", form.field.value().trim())),
                )
                .enumerate()
                .skip(offset)
                .take(rows)
                .map(|(i, text)| {
                    let style = if i == form.selected {
                        theme.selected()
                    } else {
                        ratatui::style::Style::new()
                    };
                    Line::from(Span::styled(truncate(&text, width), style))
                })
                .collect();
            lines.append(&mut list);
        }
        Step::Claim => {
            lines.push(Line::from(Span::styled(
                "What is the new theme's claim, the statement stances are taken toward? (Enter)",
                theme.dim(),
            )));
            lines.push(field_line("Claim", &form.field, theme));
        }
        Step::Stance => {
            let now = form
                .stance
                .map(|s| format!(" (now {} {s})", s.glyph()))
                .unwrap_or_default();
            lines.push(Line::from(Span::styled(
                format!("The stance toward the claim, one key{now}:"),
                theme.dim(),
            )));
            let keys: Vec<Span> = Stance::ALL
                .iter()
                .flat_map(|s| {
                    let current = form.stance == Some(*s);
                    let style = if current {
                        theme.selected()
                    } else {
                        theme.stance(Some(*s))
                    };
                    [Span::styled(format!(" {} {} ", s.glyph(), s), style), Span::raw("  ")]
                })
                .collect();
            lines.push(Line::from(keys));
        }
        Step::Summary => {
            if let Some(stance) = form.stance {
                lines.push(Line::from(vec![
                    Span::styled("Stance: ", theme.dim()),
                    Span::styled(format!("{} {stance}", stance.glyph()), theme.stance(Some(stance))),
                ]));
            }
            let label = if matches!(form.target, Target::View { .. }) {
                "Note"
            } else {
                "Summary"
            };
            lines.push(Line::from(Span::styled(
                format!("{label}, in your own words (Enter saves):"),
                theme.dim(),
            )));
            lines.push(field_line(label, &form.field, theme));
        }
        Step::Confirm => {
            lines.push(Line::from(Span::raw(
                "Delete this passage from your map? y deletes, n keeps it (u undoes a delete)",
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// "Label: text▏" with the cursor where it stands.
fn field_line<'a>(label: &str, field: &TextField, theme: Theme) -> Line<'a> {
    let mut spans = vec![Span::styled(format!("{label}: "), theme.speaker())];
    spans.extend(field_spans(field, usize::MAX, theme));
    Line::from(spans)
}

/// A text field's text with the cursor (▏) where it stands, in at most
/// `width` columns: past them, the text around the cursor.
pub fn field_spans<'a>(field: &TextField, width: usize, theme: Theme) -> Vec<Span<'a>> {
    let value = field.value();
    let at = value
        .char_indices()
        .nth(field.cursor_column_chars())
        .map_or(value.len(), |(i, _)| i);
    // What the field holds is stored as typed; what is drawn is cleaned (a
    // tab or a bidi mark from a map written elsewhere shows as a placeholder).
    let (before, after) = (
        crate::sanitize::clean_line(&value[..at]),
        crate::sanitize::clean_line(&value[at..]),
    );
    let room = width.saturating_sub(1);
    // Keep the cursor in view: cut the start of what is before it when it
    // would not fit, and the end of what is after it.
    let mut before = before.as_str();
    while before.width() > room {
        let mut chars = before.chars();
        chars.next();
        before = chars.as_str();
    }
    let after = truncate(&after, room.saturating_sub(before.width()));
    vec![
        Span::raw(crate::sanitize::clean_line(before)),
        Span::styled("▏", theme.dim()),
        Span::raw(crate::sanitize::clean_line(&after)),
    ]
}
