//! Where the sidebar, the panes and the status line go on a screen of a
//! given size. Pure, so that update (pane widths, mouse hits) and render
//! agree on it.

use ratatui::layout::Rect;

/// Panes narrower than this are not drawn; fewer panes are shown instead.
pub const MIN_PANE_WIDTH: u16 = 30;
/// The sidebar narrowed to its stance strips and short titles, so that two
/// articles stand side by side on an 80-column terminal.
pub const NARROW_SIDEBAR_WIDTH: u16 = 18;
/// Rows of a pane above its text when the stance line takes one: border,
/// title, byline, stance (a longer summary takes more; see the reader's
/// `header_rows`).
pub const PANE_HEADER_ROWS: u16 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub sidebar: Option<Rect>,
    /// (pane index, area) for each pane shown, left to right.
    pub panes: Vec<(usize, Rect)>,
    pub status: Rect,
    /// The compare panel, below the panes, when it is shown.
    pub compare: Option<Rect>,
    /// Panes left out to the left and to the right of those shown.
    pub hidden_before: usize,
    pub hidden_after: usize,
}

impl Screen {
    /// `focused` is the pane that must stay in view; with `sidebar_focused`
    /// the sidebar keeps its full width even when that hides a pane.
    pub fn compute(
        size: Rect,
        sidebar: bool,
        compare: bool,
        pane_count: usize,
        focused: usize,
        sidebar_focused: bool,
    ) -> Screen {
        let status = Rect {
            y: size.bottom().saturating_sub(1),
            height: size.height.min(1),
            ..size
        };
        let main = Rect {
            height: size.height.saturating_sub(1),
            ..size
        };
        // The sidebar gives way on screens too narrow for it and one pane.
        let full = (main.width / 5).clamp(22, 34);
        let fit = |sidebar_width: u16| usize::from(main.width.saturating_sub(sidebar_width) / MIN_PANE_WIDTH);
        // Narrowed when that shows more of the open panes, unless the sidebar has focus.
        let wanted = if !sidebar_focused && fit(full) < pane_count && fit(NARROW_SIDEBAR_WIDTH) > fit(full) {
            NARROW_SIDEBAR_WIDTH
        } else {
            full
        };
        let sidebar = sidebar && main.width >= wanted + MIN_PANE_WIDTH;
        let sidebar_width = if sidebar { wanted } else { 0 };
        let sidebar_rect = sidebar.then_some(Rect {
            width: sidebar_width,
            ..main
        });
        let mut panes_area = Rect {
            x: main.x + sidebar_width,
            width: main.width - sidebar_width,
            ..main
        };
        // The compare panel takes the lower third of the panes' column, if it leaves them room.
        let compare_height = if compare && panes_area.height >= 18 {
            (panes_area.height / 3).clamp(6, 12)
        } else {
            0
        };
        panes_area.height -= compare_height;
        let compare = (compare_height > 0).then_some(Rect {
            y: panes_area.bottom(),
            height: compare_height,
            ..panes_area
        });
        let fit = usize::from(panes_area.width / MIN_PANE_WIDTH).max(1);
        let shown = pane_count.min(fit);
        let first = if pane_count == 0 {
            0
        } else {
            focused.min(pane_count - 1).saturating_sub(shown.saturating_sub(1))
        };
        let first = first.min(pane_count - shown);
        let mut panes = Vec::with_capacity(shown);
        if shown > 0 && panes_area.width > 0 {
            let base = panes_area.width / shown as u16;
            let extra = panes_area.width % shown as u16;
            let mut x = panes_area.x;
            for i in 0..shown {
                let width = base + u16::from((i as u16) < extra);
                panes.push((first + i, Rect { x, width, ..panes_area }));
                x += width;
            }
        }
        Screen {
            sidebar: sidebar_rect,
            panes,
            status,
            compare,
            hidden_before: first,
            hidden_after: pane_count - first - shown,
        }
    }

    /// The area of pane `index`, if it is shown.
    pub fn pane(&self, index: usize) -> Option<Rect> {
        self.panes.iter().find(|(i, _)| *i == index).map(|(_, r)| *r)
    }
}

/// Columns of text in a pane of this area (borders and a column of padding each side).
pub fn text_width(pane: Rect) -> u16 {
    pane.width.saturating_sub(4).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(w: u16, h: u16) -> Rect {
        Rect::new(0, 0, w, h)
    }

    #[test]
    fn wide_screens_show_every_pane() {
        let s = Screen::compute(rect(200, 60), true, false, 2, 0, false);
        assert_eq!(s.panes.len(), 2);
        assert_eq!(s.sidebar.unwrap().width, 34);
        assert_eq!(s.panes[0].1.width + s.panes[1].1.width, 200 - 34);
        assert_eq!((s.hidden_before, s.hidden_after), (0, 0));
    }

    #[test]
    fn narrow_screens_drop_panes_but_keep_the_focused_one() {
        let s = Screen::compute(rect(80, 24), true, false, 3, 2, true);
        assert_eq!(s.panes.len(), 1);
        assert_eq!(s.panes[0].0, 2);
        assert_eq!((s.hidden_before, s.hidden_after), (2, 0));
        assert!(s.panes[0].1.width >= MIN_PANE_WIDTH);
        let s = Screen::compute(rect(80, 24), false, false, 3, 0, false);
        assert_eq!(s.panes.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(s.hidden_after, 1);
    }

    #[test]
    fn the_compare_panel_takes_the_lower_third() {
        let s = Screen::compute(rect(160, 46), true, true, 2, 0, false);
        let compare = s.compare.unwrap();
        assert_eq!(compare.height, 15 - 3);
        assert_eq!(s.panes[0].1.bottom(), compare.y);
        assert!(
            Screen::compute(rect(160, 12), true, true, 2, 0, false)
                .compare
                .is_none()
        );
    }

    #[test]
    fn at_80_columns_the_sidebar_narrows_so_two_articles_stand_side_by_side() {
        let s = Screen::compute(rect(80, 24), true, false, 2, 0, false);
        assert_eq!(s.sidebar.unwrap().width, NARROW_SIDEBAR_WIDTH);
        assert_eq!(s.panes.len(), 2);
        assert!(s.panes.iter().all(|(_, r)| r.width >= MIN_PANE_WIDTH));
        // It widens when it has focus; the focused pane stays in view.
        let s = Screen::compute(rect(80, 24), true, false, 2, 1, true);
        assert_eq!((s.sidebar.unwrap().width, s.panes.len(), s.panes[0].0), (22, 1, 1));
        // One pane needs no narrowing; three at 120 columns.
        assert_eq!(
            Screen::compute(rect(80, 24), true, false, 1, 0, false)
                .sidebar
                .unwrap()
                .width,
            22
        );
        assert_eq!(Screen::compute(rect(120, 40), true, false, 3, 0, false).panes.len(), 3);
    }

    #[test]
    fn the_sidebar_gives_way_on_narrow_screens() {
        let s = Screen::compute(rect(40, 10), true, false, 1, 0, false);
        assert!(s.sidebar.is_none());
        assert_eq!(s.panes[0].1.width, 40);
    }

    #[test]
    fn tiny_screens_do_not_panic() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 5), (10, 2), (29, 3)] {
            let s = Screen::compute(rect(w, h), true, true, 2, 1, false);
            for (_, r) in &s.panes {
                assert!(r.right() <= w && r.bottom() <= h);
            }
        }
    }
}
