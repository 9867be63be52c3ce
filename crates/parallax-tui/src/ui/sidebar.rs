//! The sidebar: the themes with their stance strips, the articles (authors,
//! outlet and date), then the focused article's contents.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Theme;
use super::text::truncate;
use crate::app::{App, Focus, SidebarEntry, list_offset};
use crate::debate::{OWN_MARK, SHARED_MARK};
use crate::ids::ThemeIx;

pub fn render(frame: &mut Frame, app: &App, area: Rect, theme: Theme) {
    let focused = app.reading.focus == Focus::Sidebar;
    let block = Block::bordered().border_style(theme.border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let entries = app.sidebar_entries();
    let selected = app.sidebar_index(&entries);
    let offset = list_offset(selected, rows);
    let focused_article = app.reading.panes.get(app.reading.focused_pane).map(|p| p.article);
    let screen = app.screen();
    let hidden: Vec<bool> = (0..app.reading.panes.len()).map(|p| screen.pane(p).is_none()).collect();
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(index, entry)| {
            let (text, style) = match entry {
                SidebarEntry::ThemesHeader => return themes_header(&hidden, width, theme),
                SidebarEntry::Theme(t) => {
                    let style = if app.theme() == Some(*t) {
                        theme.title()
                    } else {
                        ratatui::style::Style::new()
                    };
                    let strip = stance_strip(app, *t, &hidden, theme);
                    // A shared fact is marked as such: it is no point of dispute.
                    let debate_theme = &app.map[*t];
                    let marked = match (debate_theme.shared, debate_theme.mine) {
                        (true, _) => format!("{SHARED_MARK} {}", debate_theme.title),
                        (false, true) => format!("{OWN_MARK} {}", debate_theme.title),
                        (false, false) => debate_theme.title.clone(),
                    };
                    let strip_width = strip.len() + 1;
                    let title = truncate(&marked, width.saturating_sub(strip_width));
                    let title_style = selection_style(index == selected, focused, style, theme);
                    let mut spans = strip;
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(title, title_style));
                    return Line::from(spans);
                }
                SidebarEntry::ArticlesHeader => ("ARTICLES".to_string(), theme.section()),
                SidebarEntry::ContentsHeader => ("CONTENTS".to_string(), theme.section()),
                SidebarEntry::Article(a) => {
                    let article = &app.corpus[*a];
                    let panes: String = app
                        .reading
                        .panes
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.article == *a)
                        .map(|(i, _)| char::from_digit(i as u32 + 1, 10).unwrap_or('+'))
                        .collect();
                    let marker = if panes.is_empty() { " ".to_string() } else { panes };
                    let style = if Some(*a) == focused_article {
                        theme.title()
                    } else {
                        ratatui::style::Style::new()
                    };
                    let mut parts = vec![article.surnames()];
                    if !article.meta.outlet.is_empty() {
                        parts.push(article.meta.outlet.clone());
                    }
                    parts.push(article.meta.published.map_or_else(|| "?".to_string(), |p| p.iso()));
                    (format!("{marker} {}", parts.join(" · ")), style)
                }
                SidebarEntry::Heading(block) => {
                    let text = focused_article.map_or("", |a| app.corpus[a][*block].text.as_str());
                    (format!("  {text}"), theme.dim())
                }
            };
            let style = selection_style(index == selected && entry.selectable(), focused, style, theme);
            Line::from(Span::styled(truncate(&text, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected row stands out in reverse while the sidebar has focus, and
/// underlined otherwise.
fn selection_style(selected: bool, focused: bool, style: ratatui::style::Style, theme: Theme) -> ratatui::style::Style {
    match (selected, focused) {
        (true, true) => theme.selected(),
        (true, false) => style.add_modifier(ratatui::style::Modifier::UNDERLINED),
        (false, _) => style,
    }
}

/// The pane numbers over the stance strips, as small raised figures so
/// that "¹²" reads as the panes 1 and 2, not as a count of themes; then the
/// heading; the panes not on screen dimmed and named.
fn themes_header(hidden: &[bool], width: usize, theme: Theme) -> Line<'static> {
    const RAISED: [char; 9] = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut spans: Vec<Span> = hidden
        .iter()
        .enumerate()
        .map(|(pane, &hidden)| {
            let digit = RAISED.get(pane).copied().unwrap_or('⁺').to_string();
            Span::styled(digit, if hidden { theme.dim() } else { theme.section() })
        })
        .collect();
    spans.push(Span::styled(" THEMES", theme.section()));
    let names: Vec<String> = (0..hidden.len())
        .filter(|&p| hidden[p])
        .map(|p| (p + 1).to_string())
        .collect();
    if !names.is_empty() {
        let plural = if names.len() > 1 { "s" } else { "" };
        let note = format!(" · pane{plural} {} hidden", names.join(", "));
        let room = width.saturating_sub(hidden.len() + " THEMES".len());
        spans.push(Span::styled(truncate(&note, room), theme.dim()));
    }
    Line::from(spans)
}

/// One glyph per open pane: that article's stance on the theme, by shape
/// and color; dimmed for a pane not on screen.
fn stance_strip(app: &App, theme_index: ThemeIx, hidden: &[bool], theme: Theme) -> Vec<Span<'static>> {
    let debate_theme = &app.map[theme_index];
    app.reading
        .panes
        .iter()
        .zip(hidden)
        .map(|(pane, &hidden)| {
            let stance = debate_theme.stance_of(pane.article);
            let glyph = stance.map_or(crate::debate::SILENT_GLYPH, |s| s.glyph());
            let style = theme.stance(stance);
            let style = if hidden {
                style.add_modifier(ratatui::style::Modifier::DIM)
            } else {
                style
            };
            Span::styled(glyph.to_string(), style)
        })
        .collect()
}
