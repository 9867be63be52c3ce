//! A pane's header: the title, the byline, then the article's stance on the
//! theme shown and its whole summary, over as many lines as it takes (up to
//! a limit; the compare panel has the rest). The header's height is the
//! reader's state, not only the drawing's: the rows of text below it, the
//! scrolling and the mouse all count from it.

use ratatui::layout::Rect;

use super::App;
use crate::debate::Passage;
use crate::ids::ThemeIx;
use crate::layout::{PANE_HEADER_ROWS, Screen, text_width, wrap};

/// Lines of a summary in a header at most: in a short pane one, in a
/// middling one two, else three.
fn summary_lines(pane_height: u16) -> usize {
    match pane_height {
        0..16 => 1,
        16..30 => 2,
        _ => 3,
    }
}

impl App {
    /// The theme whose passages a pane marks and heads: in follow mode, the
    /// theme the panes were moved to; else the selected one.
    pub fn shown_theme(&self) -> Option<ThemeIx> {
        self.reading
            .follow
            .then(|| self.followed_theme())
            .flatten()
            .or(self.theme())
    }

    /// The passage whose stance and summary head a pane: the current passage
    /// if it is the pane's on the theme shown, else its first there.
    pub fn header_passage(&self, pane: usize) -> Option<&Passage> {
        let article = self.reading.panes.get(pane)?.article;
        let theme = self.map.theme(self.shown_theme()?)?;
        let current = self.reading.current_passage.filter(|(a, _)| *a == article);
        theme
            .passages_of(article)
            .find(|p| current.is_some_and(|(_, anchor)| anchor == p.anchor))
            .or_else(|| theme.passages_of(article).next())
    }

    /// The header's stance line and summary, wrapped to `width`: its lines,
    /// and whether the summary was cut short.
    pub fn header_summary(&self, pane: usize, width: usize, area_height: u16) -> (Vec<String>, bool) {
        let Some(passage) = self.header_passage(pane) else {
            return (Vec::new(), false);
        };
        let text = format!(
            "{} {} · {}{}",
            passage.stance.glyph(),
            passage.stance,
            yours(passage),
            passage.summary
        );
        let most = summary_lines(area_height);
        let ranges = wrap(&text, width.max(1));
        let cut = ranges.len() > most;
        let lines = ranges.into_iter().take(most).map(|r| text[r].to_string()).collect();
        (lines, cut)
    }

    /// Rows of a pane above its text, its top border included.
    pub fn header_rows(&self, screen: &Screen, pane: usize) -> u16 {
        let Some(area) = pane_area(screen, pane) else {
            return PANE_HEADER_ROWS;
        };
        let (lines, _) = self.header_summary(pane, usize::from(text_width(area)), area.height);
        let extra = u16::try_from(lines.len().saturating_sub(1)).unwrap_or(0);
        PANE_HEADER_ROWS + extra
    }
}

/// "yours · " for the reader's own passage.
pub fn yours(passage: &Passage) -> &'static str {
    if passage.mine { "yours · " } else { "" }
}

/// A pane's area if shown, else that of the panes that are: a hidden pane is
/// laid out as it would be shown.
pub(super) fn pane_area(screen: &Screen, pane: usize) -> Option<Rect> {
    screen.pane(pane).or(screen.panes.first().map(|p| p.1))
}
