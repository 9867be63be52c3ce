//! Starting the reader: which articles, which keys, which theme, the last
//! session; what to tell the user comes back as data.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::app::{Action, App, Overlay, update};
use crate::corpus::Corpus;
use crate::debate::DebateMap;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::ids::ArticleIx;
use crate::keymap::Keymap;
use crate::library::{Arrival, Library, Opening, Source};

/// The panes the reader opens with when none are asked for: the wedge
/// argument beside its rebuttal.
pub const DEFAULT_OPEN: [&str; 2] = ["manning-sun-2023", "gabuev-2024"];

/// Article indices for `--open`, or the default opening.
pub fn resolve_open(corpus: &Corpus, open: &[String]) -> Result<Vec<ArticleIx>, Error> {
    if open.is_empty() {
        let defaults: Vec<ArticleIx> = DEFAULT_OPEN.iter().filter_map(|id| corpus.index_of(id)).collect();
        if defaults.len() == DEFAULT_OPEN.len() {
            return Ok(defaults);
        }
        return Ok(corpus.indices().take(2).collect());
    }
    open.iter()
        .map(|id| {
            corpus
                .index_of(id)
                .ok_or_else(|| Error::unknown_article(id, corpus.ids()))
        })
        .collect()
}

/// The user's keymap file: `--keymap FILE`, else `$XDG_CONFIG_HOME/parallax/keymap.toml`
/// (or `~/.config/parallax/keymap.toml`) when it exists.
pub fn user_keymap_path(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    let path = crate::xdg::file("XDG_CONFIG_HOME", ".config", "keymap.toml")?;
    path.exists().then_some(path)
}

/// Something the user must be told before reading on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub lines: Vec<String>,
}

/// The keymap, with a notice for the user when their file has problems.
pub fn load_keymap(explicit: Option<&Path>) -> (Keymap, Option<Notice>) {
    let Some(path) = user_keymap_path(explicit) else {
        return (Keymap::defaults(), None);
    };
    let name = path.display().to_string();
    match crate::files::read_regular(&path, crate::files::LIMIT) {
        Err(e) => (
            Keymap::defaults(),
            Some(Notice {
                title: "Keymap not read".into(),
                lines: vec![crate::sanitize::clean_line(&format!(
                    "{name}: cannot read the file: {e}"
                ))],
            }),
        ),
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let (keymap, problems) = Keymap::with_user_file(&name, &text);
            let notice = (!problems.is_empty()).then(|| Notice {
                title: "Problems in your keymap".into(),
                lines: problems
                    .iter()
                    .map(ToString::to_string)
                    .chain(["These lines are skipped; the rest of the file applies.".to_string()])
                    .collect(),
            });
            (keymap, notice)
        }
    }
}

/// Whether to draw in color: not when `NO_COLOR` is set to anything.
pub fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// What the command line asks of the reader.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub open: Vec<String>,
    pub keymap: Option<PathBuf>,
    pub theme: Option<String>,
    /// Where the session is saved; with `fresh`, it is not read, only written.
    pub session: Option<PathBuf>,
    pub fresh: bool,
}

/// Whether the reader shows the library as it loads, or waits until it is whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Draws at once; a large library's other articles arrive meanwhile.
    No,
    /// Waits for every article (a snapshot shows the library whole).
    ForAll,
}

/// A reader ready to run, and the warnings found in its library (which the
/// command line shows before the reader takes the screen).
pub struct Booted {
    pub app: App,
    pub warnings: Vec<Diagnostic>,
}

/// The reader's state for a screen of `size`: the library opened (a large
/// one in two stages, see [`crate::library::open`]), panes opened, keys
/// loaded (a problem in the user's file shown as a message), theme selected,
/// the last session taken up.
pub fn open(source: &Source, options: &Options, size: Rect, wait: Wait) -> Result<Booted, Error> {
    // The last session comes back unless the command line says where to start.
    let explicit = !options.open.is_empty() || options.theme.is_some() || options.fresh;
    let saved = match options.session.as_deref().filter(|_| !explicit) {
        Some(path) => crate::session::load(path),
        None => crate::session::Loaded::None,
    };
    let (wanted, required) = match &saved {
        _ if !options.open.is_empty() => (options.open.clone(), true),
        crate::session::Loaded::Session(session) if !session.panes.is_empty() => {
            (session.panes.iter().map(|p| p.article.clone()).collect(), true)
        }
        _ => (DEFAULT_OPEN.iter().map(ToString::to_string).collect(), false),
    };
    let (library, loading) = match crate::library::open(source, &wanted, required, wait == Wait::No)? {
        Opening::Whole(library) => (library, None),
        Opening::Staged(library, mut loading) => match wait {
            Wait::No => (library, Some(loading)),
            Wait::ForAll => match loading.wait() {
                Arrival::Arrived(library) => (*library, None),
                Arrival::NotYet | Arrival::Failed => (crate::library::load(source)?, None),
            },
        },
    };
    let mut library = crate::library::valid(library)?;
    if library.corpus.articles().is_empty() {
        return Err(Error::NoArticles {
            folder: source
                .dir
                .as_ref()
                .map_or_else(String::new, |d| crate::sanitize::clean_line(&d.display().to_string())),
        });
    }
    let warnings = std::mem::take(&mut library.diagnostics);
    let mut app = prepare(library, options, size, saved)?;
    app.work.loading = loading;
    Ok(Booted { app, warnings })
}

fn prepare(library: Library, options: &Options, size: Rect, saved: crate::session::Loaded) -> Result<App, Error> {
    let open = resolve_open(&library.corpus, &options.open)?;
    let theme = options
        .theme
        .as_deref()
        .map(|id| find_theme(&library.map, id))
        .transpose()?;
    let (keymap, notice) = load_keymap(options.keymap.as_deref());
    let (store, own_notice) = crate::own_map::Store::open(library.own_map.as_deref());
    let mut app = App::indexing_in_background(library.corpus, library.map, keymap, &open, size);
    app.color = color_wanted();
    let keeper = crate::own_map::keeper::Keeper::inline(store, Arc::clone(&app.corpus), library.maps);
    app.own = Some(crate::app::OwnLayer::new(keeper));
    if let Some(theme) = theme {
        update(&mut app, Action::SelectTheme(theme));
    }
    let notices = match saved {
        crate::session::Loaded::None => Vec::new(),
        crate::session::Loaded::Session(saved) => app.restore(&saved),
        crate::session::Loaded::SetAside(notice) => vec![notice],
    };
    if !notices.is_empty() {
        app.status = Some(crate::sanitize::clean_line(&notices.join("; ")));
    }
    if let Some(notice) = own_notice {
        app.status = Some(match app.status.take() {
            Some(status) => format!("{notice}; {status}"),
            None => notice,
        });
    }
    app.overlay = notice.map(|Notice { title, lines }| Overlay::Message { title, lines });
    Ok(app)
}

/// The index of theme `id`, or an error naming the themes there are.
pub fn find_theme(map: &DebateMap, id: &str) -> Result<crate::ids::ThemeIx, Error> {
    map.theme_index(id).ok_or_else(|| Error::UnknownTheme {
        id: crate::sanitize::clean_line(id),
        known: map.themes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", "),
    })
}
