//! Following a note reference: straight to the note when one is on screen,
//! a choice among them when there are several.

use super::jumps::jump_to;
use super::{Action, App, Overlay, Position};
use crate::layout::{DocLine, Mark};

/// The note labels referred to on the focused pane's screen, in reading order, once each.
fn labels_on_screen(app: &App) -> Vec<String> {
    let pane = app.focused_pane;
    let height = app.pane_height(&app.screen(), pane);
    let start = app.scroll_line(pane);
    let (Some(doc), Some(p)) = (app.document(pane), app.panes.get(pane)) else {
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
        for (r, mark) in &text.blocks[*block].marks {
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
    let Some(article) = app.panes.get(app.focused_pane).map(|p| p.article) else {
        return;
    };
    let labels: Vec<String> = labels_on_screen(app)
        .into_iter()
        .filter(|l| app.corpus.articles[article].note_index(l).is_some())
        .collect();
    match labels.as_slice() {
        [] => app.status = Some("No note reference on screen".into()),
        [label] => go(app, label),
        _ => {
            app.overlay = Some(Overlay::Notes { labels, selected: 0 });
        }
    }
}

fn go(app: &mut App, label: &str) {
    let pane = app.focused_pane;
    let article = &app.corpus.articles[app.panes[pane].article];
    if let Some(note) = article.note_index(label) {
        let anchor = crate::debate::Anchor {
            start_block: note,
            start: 0,
            end_block: note,
            end: article.blocks[note].text.len(),
        };
        let article = app.panes[pane].article;
        jump_to(app, pane, None, Position { block: note, line: 0 });
        app.current_passage = Some((article, anchor));
    }
}

/// The choice's own actions; false for those it leaves to the reader.
pub(super) fn handle(app: &mut App, action: Action) -> bool {
    let Some(Overlay::Notes { labels, selected }) = app.overlay.take() else {
        return false;
    };
    let selected = match action {
        Action::SelectNext => (selected + 1).min(labels.len() - 1),
        Action::SelectPrev => selected.saturating_sub(1),
        Action::Select => {
            go(app, &labels[selected]);
            return true;
        }
        Action::Close => return true,
        _ => {
            app.overlay = Some(Overlay::Notes { labels, selected });
            return false;
        }
    };
    app.overlay = Some(Overlay::Notes { labels, selected });
    true
}
