//! The compare panel: the selected theme's claim, then every open article's
//! stance, summary and citation, hidden panes included, one article after
//! another from the panel's scroll position.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::Theme;
use super::text::truncate;
use crate::action::Action;
use crate::app::App;
use crate::debate::SILENT_GLYPH;
use crate::ids::ArticleIx;
use crate::keymap::Context;
use crate::layout::{Screen, wrap};

/// Relations of the theme listed above the articles at most.
const RELATIONS_SHOWN: usize = 2;

pub fn render(frame: &mut Frame, app: &App, screen: &Screen, area: Rect, theme: Theme) {
    let selected = app.theme().and_then(|t| app.map.theme(t));
    let title = match selected {
        Some(t) => format!(" Compare: {} ", t.title),
        None => " Compare ".to_string(),
    };
    let mut block = Block::bordered().title(title).border_style(theme.border(false));
    let inner = block.inner(area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let Some(selected) = selected else {
        frame.render_widget(block, area);
        let hint = "Select a theme (] or [, or Enter in the sidebar) to compare the authors' stances.";
        frame.render_widget(
            Paragraph::new(Span::styled(hint, theme.dim())).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let width = usize::from(inner.width).max(1);
    let rows = usize::from(inner.height);
    let claim = if selected.shared {
        format!("Claim (a fact the authors share): {}", selected.claim)
    } else {
        format!("Claim: {}", selected.claim)
    };
    let mut lines: Vec<Line> = wrapped(&claim, width, "", "  ", theme.title());
    if let Some(view) = &selected.view {
        let text = format!("You: {} {} {}", view.stance.glyph(), view.stance, view.note);
        lines.extend(wrapped(&text, width, "", "  ", theme.stance(Some(view.stance))));
    }
    // One entry per open article, from the scroll position on.
    let first = app
        .reading
        .compare_scroll
        .min(app.reading.panes.len().saturating_sub(1));
    let entries: Vec<Vec<Line>> = app
        .reading
        .panes
        .iter()
        .enumerate()
        .skip(first)
        .map(|(pane, state)| entry(app, screen, selected, pane, state.article, width, theme))
        .collect();
    // Who answers whom on this theme, in the rows the first entry leaves.
    let first_entry = entries.first().map_or(0, Vec::len);
    let room = rows.saturating_sub(lines.len() + first_entry);
    lines.extend(relation_lines(app, selected, width, room, theme));
    let mut shown = 0;
    for entry in &entries {
        let room = rows.saturating_sub(lines.len());
        if entry.len() > room && shown > 0 {
            break;
        }
        lines.extend(entry.iter().cloned());
        shown += 1;
    }
    let below = entries.len() - shown;
    if first > 0 || below > 0 {
        // Said in the border, so that it takes no row from the articles.
        let mut parts = Vec::new();
        if first > 0 {
            parts.push(format!("↑ {first} above"));
        }
        if below > 0 {
            parts.push(format!("↓ {below} below"));
        }
        let keys = [Action::CompareDown, Action::CompareUp]
            .map(|action| app.keymap.key_for(&[Context::Reader, Context::Global], action))
            .join("/");
        let more = format!(" {} · {keys} or the wheel ", parts.join(" · "));
        block = block.title_bottom(Line::from(Span::styled(more, theme.dim())).right_aligned());
    }
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The relations one of whose ends is a passage of the theme, in at most
/// `room` lines (a line saying how many more when they do not all fit).
fn relation_lines(
    app: &App,
    selected: &crate::debate::Theme,
    width: usize,
    room: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let on_theme: Vec<usize> = (0..app.map.relations.len())
        .filter(|&r| {
            let relation = &app.map.relations[r];
            [&relation.from, &relation.to].iter().any(|end| {
                selected
                    .passages
                    .iter()
                    .any(|p| p.article == end.article && p.anchor.overlaps(&end.anchor))
            })
        })
        .collect();
    let listed = on_theme.len().min(RELATIONS_SHOWN).min(room);
    let more = on_theme.len() - listed;
    // The "more" line needs a row of its own.
    let listed = if more > 0 && listed == room {
        listed.saturating_sub(1)
    } else {
        listed
    };
    let mut lines = Vec::new();
    for &r in &on_theme[..listed] {
        let relation = &app.map.relations[r];
        let text = format!("↔ {}: {}", relation.sentence(&app.corpus), relation.summary);
        lines.push(Line::from(Span::styled(truncate(&text, width), theme.dim())));
    }
    if on_theme.len() > listed && room > listed {
        let more = format!(
            "↔ {} more (r on a passage lists its relations)",
            on_theme.len() - listed
        );
        lines.push(Line::from(Span::styled(truncate(&more, width), theme.dim())));
    }
    lines
}

/// An article's lines in the panel: who, where and whether its pane is on
/// screen; then each passage's stance, summary and citation.
fn entry(
    app: &App,
    screen: &Screen,
    selected: &crate::debate::Theme,
    pane: usize,
    article_index: ArticleIx,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let article = &app.corpus[article_index];
    let hidden = if screen.pane(pane).is_some() {
        ""
    } else {
        " (pane hidden)"
    };
    let head = format!("{} {}{hidden}", pane + 1, article.credit());
    let mut lines = vec![Line::from(Span::styled(truncate(&head, width), theme.title()))];
    let passages: Vec<_> = selected.passages_of(article_index).collect();
    if passages.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {SILENT_GLYPH} silent"),
            theme.stance(None),
        )));
    }
    for passage in passages {
        let label = format!("{} {}", passage.stance.glyph(), passage.stance);
        let citation = article[passage.anchor.start_block].label();
        let yours = if passage.mine { "yours: " } else { "" };
        let text = format!("{label} {yours}{} ({citation})", passage.summary);
        let mut wrapped = wrapped(&text, width, "  ", "    ", Style::new());
        // The stance label in its color on the first line.
        if let Some(first) = wrapped.first_mut() {
            let line: String = first.spans.iter().map(|s| s.content.as_ref()).collect();
            if let Some(rest) = line.strip_prefix(&format!("  {label}")) {
                *first = Line::from(vec![
                    Span::raw("  "),
                    Span::styled(label.clone(), theme.stance(Some(passage.stance))),
                    Span::raw(rest.to_string()),
                ]);
            }
        }
        lines.extend(wrapped);
    }
    // The reader's passages whose words are no longer found: shown, not dropped.
    let theme_index = app
        .map
        .enumerate_themes()
        .find_map(|(at, t)| std::ptr::eq(t, selected).then_some(at));
    for unplaced in app
        .map
        .unplaced
        .iter()
        .filter(|u| Some(u.theme) == theme_index && u.article == article_index)
    {
        let text = format!(
            "{} {} yours, unplaced (its words are no longer in the article): {} “{}”",
            unplaced.stance.glyph(),
            unplaced.stance,
            unplaced.summary,
            unplaced.quote
        );
        lines.extend(wrapped(&text, width, "  ", "    ", theme.dim()));
    }
    lines
}

/// `text` wrapped to `width`: its first line after `first_indent`, the
/// others after `indent`.
fn wrapped(text: &str, width: usize, first_indent: &str, indent: &str, style: Style) -> Vec<Line<'static>> {
    let first = wrap(text, width.saturating_sub(first_indent.len()));
    let Some(first_range) = first.first().cloned() else {
        return Vec::new();
    };
    let mut lines = vec![Line::from(Span::styled(
        format!("{first_indent}{}", &text[first_range]),
        style,
    ))];
    if let Some(second) = first.get(1) {
        let rest = &text[second.start..];
        for range in wrap(rest, width.saturating_sub(indent.len())) {
            lines.push(Line::from(Span::styled(format!("{indent}{}", &rest[range]), style)));
        }
    }
    lines
}
