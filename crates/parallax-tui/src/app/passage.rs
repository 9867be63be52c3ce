//! The one rule for where a passage lands in a pane (a theme's, a search
//! hit, a relation's end): its first line near the top, with a line of
//! context above; in the focused pane it becomes the current passage, the
//! one `y` copies and `r` lists the relations of.

use super::App;
use crate::debate::Anchor;

pub(super) fn land(app: &mut App, pane: usize, anchor: Anchor) {
    let Some(article) = app.reading.panes.get(pane).map(|p| p.article) else {
        return;
    };
    if let Some(line) = app.line_showing(pane, anchor.start_block, anchor.start) {
        app.place_near_top(pane, line);
    }
    if pane == app.reading.focused_pane {
        app.reading.current_passage = Some((article, anchor));
    }
}
