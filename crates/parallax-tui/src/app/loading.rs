//! The rest of a large library arriving while the reader runs: the reader
//! moves over to it keeping what the user sees (panes, places, theme, jump
//! list, selection, search), so the arrival is seen only in the lists. The
//! articles it already has keep their indices, and themes are held by id,
//! so nothing is remapped.

use std::sync::Arc;

use super::{App, Overlay, own, search};
use crate::library::{Arrival, Library, Loading};
use crate::own_map::keeper::Request;

/// Takes up the whole library if it has arrived and nothing open waits.
pub(super) fn receive(app: &mut App) {
    let Some(loading) = &app.work.loading else { return };
    if app.overlay.as_ref().is_some_and(Overlay::holds_arrival) {
        return;
    }
    match loading.try_take() {
        Arrival::NotYet => {}
        Arrival::Failed => {
            app.work.loading = None;
            app.status = Some("The other articles could not be loaded; start the reader again to retry".into());
        }
        Arrival::Arrived(library) => {
            if let Some(loading) = app.work.loading.take() {
                take_up(app, *library, &loading);
            }
        }
    }
}

/// Moves the reader over to `library`, which holds every article it shows.
fn take_up(app: &mut App, library: Library, loading: &Loading) {
    let Library {
        corpus,
        map,
        diagnostics,
        ..
    } = library;
    // The whole library keeps the first stage's articles at their indices
    // (see `corpus::append`), so every place the reader holds stays true.
    debug_assert!(
        app.corpus
            .articles()
            .iter()
            .zip(corpus.articles())
            .all(|(before, now)| before.meta.id == now.meta.id)
    );
    app.by_date = corpus.date_order();
    app.corpus = Arc::new(corpus);
    app.map = map;
    app.layouts.clear();
    app.refresh_layouts();
    // The reader's own map is anchored in the whole library by its keeper,
    // whose report brings the map and a search index over it; meanwhile the
    // library's map (with the own map as it was read at start) stands.
    if app.own.is_some() {
        own::send(app, Request::Corpus(Arc::clone(&app.corpus)));
    } else {
        search::reindex(app);
    }
    if let Some(Overlay::Picker(picker)) = &mut app.overlay {
        picker.filter(&app.corpus, &app.by_date);
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if errors + warnings > 0 {
        app.status = Some(format!(
            "{} articles loaded; {} in their files (an article with an error is left out): `{}` lists them",
            crate::layout::display::thousands(app.corpus.len()),
            problems(errors, warnings),
            loading.check
        ));
    }
}

fn problems(errors: usize, warnings: usize) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, w) => count(w, "warning"),
        (e, 0) => count(e, "error"),
        (e, w) => format!("{} and {}", count(e, "error"), count(w, "warning")),
    }
}
