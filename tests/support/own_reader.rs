//! A reader on the bundled articles with the reader's own map kept in a
//! file, as it is started: what the tests of the own map share.

use std::path::{Path, PathBuf};

use parallax::app::{App, OwnLayer};
use parallax::corpus;
use parallax::debate;
use parallax::ids::ArticleIx;
use parallax::keymap::Keymap;
use parallax::own_map::Store;
use parallax::own_map::keeper::Keeper;
use ratatui::layout::Rect;

/// A fresh place for an own map, named after the test.
pub fn own_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-own-map-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("map.toml")
}

/// A reader on the bundled articles whose own map is kept at `path`, as
/// the reader is started: the map read over the bundled one.
pub fn reader(open: &[&str], path: &Path) -> App {
    let corpus = corpus::load(&corpus::bundled_sources()).corpus;
    let sources = corpus::bundled_maps();
    let (store, _) = Store::open(Some(path));
    let own = store.map().source("map.toml");
    let (map, problems) = debate::load_with_own(&corpus, &sources, Some(&own));
    assert!(problems.is_empty(), "{problems:?}");
    let open: Vec<ArticleIx> = open.iter().map(|id| corpus.index_of(id).unwrap()).collect();
    let mut app = App::new(corpus, map, Keymap::defaults(), &open, Rect::new(0, 0, 160, 45));
    let keeper = Keeper::inline(store, std::sync::Arc::clone(&app.corpus), sources);
    app.own = Some(OwnLayer::new(keeper));
    app
}
