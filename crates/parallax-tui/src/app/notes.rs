//! Following a note reference: straight to the note when one is on screen,
//! a choice among them when there are several.

use super::jumps::jump_to;
use super::{App, Overlay, Position};
use crate::layout::{DocLine, Mark};

/// The note labels referred to on the focused pane's screen, in reading order, once each.
fn labels_on_screen(app: &App) -> Vec<String> {
    let pane = app.reading.focused_pane;
    let height = app.pane_height(&app.screen(), pane);
    let start = app.scroll_line(pane);
    let (Some(doc), Some(p)) = (app.document(pane), app.reading.panes.get(pane)) else {
        return Vec::new();
    };
    let Some(text) = app.article_text(p.article) else {
        return Vec::new();
    };
    let mut labels: Vec<String> = Vec::new();
    for line in doc.lines.iter().skip(start).take(height) {
        let DocLine::Text { block, range, .. } = line else {
            continue;
        };
        for (r, mark) in &text[*block].marks {
            if let Mark::NoteRef(label) = mark
                && r.start >= range.start
                && r.start < range.end
                && !labels.contains(label)
            {
                labels.push(label.clone());
            }
        }
    }
    labels
}

/// `f`: the note referred to on screen, or a choice when there are several.
pub(super) fn follow(app: &mut App) {
    let Some(article) = app.reading.panes.get(app.reading.focused_pane).map(|p| p.article) else {
        return;
    };
    let labels: Vec<String> = labels_on_screen(app)
        .into_iter()
        .filter(|l| app.corpus[article].note_index(l).is_some())
        .collect();
    match labels.as_slice() {
        [] => app.status = Some("No note reference on screen".into()),
        [label] => go(app, label),
        _ => {
            app.overlay = Some(Overlay::Notes { labels, selected: 0 });
        }
    }
}

/// Goes to the note with `label` in the focused pane's article. A jump.
pub(super) fn go(app: &mut App, label: &str) {
    let pane = app.reading.focused_pane;
    let article = &app.corpus[app.reading.panes[pane].article];
    if let Some(note) = article.note_index(label) {
        let anchor = crate::debate::Anchor {
            start_block: note,
            start: 0,
            end_block: note,
            end: article[note].text.len(),
        };
        let article = app.reading.panes[pane].article;
        jump_to(app, pane, None, Position { block: note, line: 0 });
        app.reading.current_passage = Some((article, anchor));
    }
}
