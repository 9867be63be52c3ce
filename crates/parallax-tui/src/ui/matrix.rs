//! The stance matrix: themes by articles, a glyph per cell, and how many
//! articles support and oppose each claim.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::overlay::{centered, window};
use super::text::truncate;
use crate::app::App;
use crate::debate::{OWN_MARK, SILENT_GLYPH};
use crate::ids::ArticleIx;

/// The widest a column's author label may be.
const MAX_LABEL: usize = 12;
/// Columns of the counts at the end of each row: " +2 x1 split".
const COUNTS: usize = 13;
/// Articles listed under the matrix.
const LEGEND_ARTICLES: usize = 8;

/// Each column's label: its article's authors' surnames, as the sidebar
/// names them, cut to fit; the year added where two would read the same.
fn column_labels(app: &App, columns: &[ArticleIx]) -> Vec<String> {
    let mut labels: Vec<String> = columns
        .iter()
        .map(|&a| truncate(&app.corpus[a].surnames().replace(", ", "/"), MAX_LABEL))
        .collect();
    let mut uses: HashMap<String, usize> = HashMap::new();
    for label in &labels {
        *uses.entry(label.clone()).or_default() += 1;
    }
    for (label, &a) in labels.iter_mut().zip(columns) {
        if uses[label.as_str()] > 1 {
            let year = app.corpus[a].meta.published.map_or(0, |p| p.year % 100);
            *label = format!("{}'{year:02}", truncate(label, MAX_LABEL - 3));
        }
    }
    labels
}

/// An article's cell: every stance the map gives it on the theme, each in
/// its color, then the reader's own and their mark (`~+✎`); the silent
/// glyph when none. Returns the columns used.
fn cell_spans(
    debate_theme: &crate::debate::Theme,
    article: ArticleIx,
    selected: bool,
    theme: Theme,
    spans: &mut Vec<Span<'static>>,
) -> usize {
    let (map, own) = debate_theme.stances_of(article);
    let mark = |style: Style| if selected { style.patch(theme.selected()) } else { style };
    if map.is_empty() && own.is_empty() {
        spans.push(Span::styled(SILENT_GLYPH.to_string(), mark(theme.stance(None))));
        return 1;
    }
    for stance in map.iter().chain(&own) {
        spans.push(Span::styled(
            stance.glyph().to_string(),
            mark(theme.stance(Some(*stance))),
        ));
    }
    if !own.is_empty() {
        spans.push(Span::styled(OWN_MARK.to_string(), mark(theme.dim())));
    }
    map.len() + own.len() + usize::from(!own.is_empty())
}

/// What the marks mean, under the matrix.
const LEGEND: &str =
    "+ supports  x opposes  ~ qualifies  = reports  · silent  ✎ yours   arrows move, Enter opens the passage";

/// An article's line in the legend: its column's label, id and credit.
fn legend_line(app: &App, article: ArticleIx, label: &str, cell: usize) -> String {
    let a = &app.corpus[article];
    format!("{label:<width$} {} ({})", a.meta.id, a.credit(), width = cell - 1)
}

pub fn render(frame: &mut Frame, app: &App, row: usize, column: usize, theme: Theme) {
    let columns = app.matrix_columns();
    let labels = column_labels(app, &columns);
    // Wide enough for its label and for the most stances one article takes on a theme.
    let widest_cell = app
        .map
        .themes
        .iter()
        .flat_map(|t| columns.iter().map(move |&a| t.cell_glyphs(a).chars().count()))
        .max()
        .unwrap_or(1);
    let cell = labels
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(1)
        .max(3)
        .max(widest_cell)
        + 1;
    let longest_title = app.map.themes.iter().map(|t| t.title.width()).max().unwrap_or(0);
    let full = frame.area();
    // As many columns as fit beside the theme titles (at least 8 columns
    // of them), scrolled so that the selected one is in view.
    let room = usize::from(full.width).saturating_sub(COUNTS + 4 + 8);
    let shown = (room / cell).clamp(1, columns.len().max(1));
    let first = column
        .saturating_sub(shown - 1)
        .min(columns.len().saturating_sub(shown));
    let visible = &columns[first.min(columns.len())..(first + shown).min(columns.len())];
    let cells = visible.len() * cell + COUNTS;
    let title_width = longest_title
        .min(usize::from(full.width).saturating_sub(cells + 4))
        .max(8);
    let listed = visible.len().min(LEGEND_ARTICLES);
    // Wide enough for the legend's lines too, as the screen allows.
    let legend_width = visible
        .iter()
        .take(listed)
        .map(|&a| legend_line(app, a, "", cell).width())
        .chain([LEGEND.width()])
        .max()
        .unwrap_or(0);
    let width = (title_width + cells + 3)
        .max(legend_width + 2)
        .min(usize::from(crate::app::window_width(full.width)).max(title_width + cells + 3));
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let height = u16::try_from(app.map.themes.len() + listed + 5).unwrap_or(u16::MAX);
    let area = centered(full, width, height);
    let title = if visible.len() < columns.len() {
        format!(
            "Stance matrix: themes by articles {}-{} of {} that speak to them",
            first + 1,
            first + visible.len(),
            columns.len()
        )
    } else {
        "Stance matrix: themes by articles".to_string()
    };
    let inner = window(frame, area, &title, theme);

    let mut header = vec![Span::raw(" ".repeat(title_width + 1))];
    for (i, label) in labels.iter().enumerate().skip(first).take(visible.len()) {
        let style = if i == column { theme.selected() } else { theme.title() };
        let pad = (cell - 1).saturating_sub(label.width());
        header.push(Span::styled(format!(" {label}{}", " ".repeat(pad)), style));
    }
    header.push(Span::styled(" agree/split", theme.dim()));
    let mut lines = vec![Line::from(header)];

    let rows = usize::from(inner.height).saturating_sub(listed + 3);
    let offset = crate::app::list_offset(row, rows);
    for (t, debate_theme) in app.map.themes.iter().enumerate().skip(offset).take(rows) {
        let title_style = if t == row { theme.title() } else { Style::new() };
        let title = truncate(&debate_theme.title, title_width);
        let pad = title_width.saturating_sub(title.width());
        let mut spans = vec![Span::styled(format!("{title}{} ", " ".repeat(pad)), title_style)];
        for (i, &a) in visible.iter().enumerate() {
            let selected = t == row && first + i == column;
            spans.push(Span::raw(" "));
            let used = cell_spans(debate_theme, a, selected, theme, &mut spans);
            spans.push(Span::raw(" ".repeat(cell.saturating_sub(1 + used))));
        }
        // Agreement among every article that speaks to the theme, shown or not.
        let (supports, opposes) = debate_theme.agreement(&columns);
        let split = if debate_theme.disagreement_among(&columns) {
            " split"
        } else {
            ""
        };
        spans.push(Span::styled(format!(" +{supports} x{opposes}{split}"), theme.dim()));
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    let text_width = usize::from(inner.width);
    for (&a, label) in visible.iter().zip(&labels[first..]).take(listed) {
        let text = legend_line(app, a, label, cell);
        lines.push(Line::from(Span::styled(truncate(&text, text_width), theme.dim())));
    }
    lines.push(Line::from(Span::styled(truncate(LEGEND, text_width), theme.dim())));
    frame.render_widget(Paragraph::new(lines), inner);
}
