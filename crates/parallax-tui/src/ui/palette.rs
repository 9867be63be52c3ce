//! The search palette: the query, and the ranked results with the matched
//! characters highlighted (computed for the rows on screen only).

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::overlay::{centered, window};
use super::text::truncate;
use crate::app::{App, Palette};
use crate::search::{Kind, Query, highlight_ranges, matcher};

/// Characters of context kept before the first match in a long result.
const LEAD: usize = 12;

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, theme: Theme) {
    let full = frame.area();
    let area = centered(
        full,
        full.width.saturating_sub(4).min(120),
        full.height.saturating_sub(4).min(26),
    );
    let inner = window(frame, area, "Search: # themes only, @ articles only", theme);
    let width = usize::from(inner.width);
    let status = if palette.query.value().is_empty() {
        String::new()
    } else if palette.searching() {
        "searching…".to_string()
    } else {
        format!(
            "{} result{}",
            palette.hits.len(),
            if palette.hits.len() == 1 { "" } else { "s" }
        )
    };
    let mut lines = vec![
        Line::from(
            [Span::styled("/ ", theme.speaker())]
                .into_iter()
                .chain(super::form::field_spans(
                    &palette.query,
                    width.saturating_sub(status.width() + 4),
                    theme,
                ))
                .chain([Span::styled(format!("  {status}"), theme.dim())])
                .collect::<Vec<_>>(),
        ),
        Line::default(),
    ];
    let rows = usize::from(inner.height).saturating_sub(2);
    if let Some(progress) = app.progress() {
        lines.push(Line::from(Span::styled(progress.for_search(), theme.dim())));
    }
    if palette.query.value().is_empty() {
        lines.push(Line::from(Span::styled(
            "Type words you remember: “reverse kissinger”, “240 billion”, “nevsky”. Enter jumps; n/N then step through the other hits.",
            theme.dim(),
        )));
        if !app.reading.recent_searches.is_empty() {
            let recent: Vec<&str> = app.reading.recent_searches.iter().rev().map(String::as_str).collect();
            lines.push(Line::from(Span::styled(
                truncate(
                    &crate::sanitize::clean_line(&format!("Recent (up brings them back): {}", recent.join(" · "))),
                    width,
                ),
                theme.dim(),
            )));
        }
    }
    let query = Query::parse(&palette.hits_for);
    let matcher = matcher();
    let offset = crate::app::list_offset(palette.selected, rows);
    for (i, hit) in palette.hits.iter().enumerate().skip(offset).take(rows) {
        let candidate = app.work.searcher.index.candidate(hit.candidate);
        let kind = match candidate.kind {
            Kind::Passage => "passage",
            Kind::Theme => "theme  ",
            Kind::Article => "article",
        };
        let source = match (candidate.kind, candidate.article) {
            (Kind::Theme, _) => app.map.theme(candidate.theme).map_or("", |t| t.id.as_str()),
            (_, Some(a)) => app.corpus[a].meta.id.as_str(),
            _ => "",
        };
        let text = app.work.searcher.index.text(hit.candidate);
        // A summary of the reader's own, or a theme they added, says so.
        let yours = match (candidate.kind, candidate.article, app.map.theme(candidate.theme)) {
            (Kind::Theme, None, Some(t)) => t.mine,
            (Kind::Theme, Some(a), Some(t)) => t.passages_of(a).any(|p| p.mine && p.summary == text),
            _ => false,
        };
        let source = if yours {
            format!("✎ {source}")
        } else {
            source.to_string()
        };
        let prefix = format!("{kind} {:<20} ", truncate(&source, 20));
        let selected = i == palette.selected;
        let base = if selected { theme.selected() } else { Style::new() };
        let mut spans = vec![Span::styled(prefix.clone(), base.patch(theme.dim()))];
        spans.extend(snippet(
            &matcher,
            text,
            &query.text,
            width.saturating_sub(prefix.width()),
            base,
            theme,
        ));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The result's text, from a little before its first match, fitted to
/// `width`, with the matched characters highlighted.
fn snippet<'a>(
    matcher: &fuzzy_matcher::skim::SkimMatcherV2,
    text: &'a str,
    query: &str,
    width: usize,
    base: Style,
    theme: Theme,
) -> Vec<Span<'a>> {
    let ranges = highlight_ranges(matcher, text, query);
    let first = ranges.first().map_or(0, |r| r.start);
    let mut start = 0;
    if text[..first].width() + query.width() > width.saturating_sub(4) {
        start = text[..first].char_indices().rev().nth(LEAD).map_or(0, |(i, _)| i);
    }
    let mut spans = Vec::new();
    if start > 0 {
        spans.push(Span::styled("…", base.patch(theme.dim())));
    }
    let mut used = usize::from(start > 0);
    let mut at = start;
    let mark = base
        .patch(theme.note_ref())
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut cuts: Vec<(usize, bool)> = vec![(at, false)];
    for r in ranges.iter().filter(|r| r.end > start) {
        cuts.push((r.start.max(start), true));
        cuts.push((r.end, false));
    }
    cuts.push((text.len(), false));
    for pair in cuts.windows(2) {
        let ((from, highlighted), (to, _)) = (pair[0], pair[1]);
        if from >= to || from < at {
            continue;
        }
        let piece = &text[from..to];
        let room = width.saturating_sub(used);
        if room == 0 {
            break;
        }
        let piece = if piece.width() > room {
            truncate_str(piece, room)
        } else {
            piece
        };
        used += piece.width();
        spans.push(Span::styled(piece, if highlighted { mark } else { base }));
        at = to;
    }
    spans
}

/// The longest prefix of `text` that fits in `width` columns.
fn truncate_str(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            return &text[..i];
        }
        used += w;
    }
    text
}
