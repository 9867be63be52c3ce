//! What the reader reads: the articles and their debate map, loaded together.

use std::path::PathBuf;

use crate::corpus::{self, Corpus, Loaded};
use crate::debate::DebateMap;
use crate::diagnostic::Diagnostic;
use crate::error::Error;

/// The articles and their debate map, with every problem found in either.
pub struct Library {
    pub corpus: Corpus,
    /// The maps and, over them, the reader's own.
    pub map: DebateMap,
    pub diagnostics: Vec<Diagnostic>,
    /// The map files read (the reader's own apart).
    pub maps: Vec<corpus::SourceFile>,
    /// Where the reader's own map is kept.
    pub own_map: Option<PathBuf>,
}

impl Library {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Where the articles come from: the bundled ones, or a folder's.
#[derive(Debug, Clone)]
pub struct Source {
    pub dir: Option<PathBuf>,
    /// Files larger than this are refused with a located error.
    pub max_file_mb: u64,
    /// The folder where which file holds which article is remembered, for
    /// large libraries whose files are not named after their articles
    /// (none: not remembered).
    pub names: Option<PathBuf>,
}

impl Default for Source {
    fn default() -> Source {
        Source {
            dir: None,
            max_file_mb: corpus::DEFAULT_MAX_FILE_MB,
            names: None,
        }
    }
}

/// The folder of the reader's own articles, read beside the bundled ones:
/// `$XDG_DATA_HOME/parallax/articles/`, where `parallax import` puts them.
pub fn own_articles() -> Option<PathBuf> {
    crate::xdg::file("XDG_DATA_HOME", ".local/share", "articles")
}

/// Where an article comes from, as `list` says it: the bundled articles,
/// or its file, named from the library's `folder` when it is in it.
pub fn origin(article: &corpus::Article, folder: Option<&std::path::Path>) -> String {
    let bundled = corpus::bundled_sources().iter().any(|s| s.name == article.file);
    if bundled {
        return "bundled".to_string();
    }
    let file = std::path::Path::new(&article.file);
    let shown = folder.and_then(|folder| file.strip_prefix(folder).ok()).unwrap_or(file);
    crate::sanitize::clean_line(&shown.display().to_string())
}

impl Source {
    /// Where the reader's own map for these articles is kept: in the folder,
    /// or for the bundled articles in the user's data folder.
    pub fn own_map(&self) -> Option<PathBuf> {
        match &self.dir {
            Some(dir) => Some(dir.join(crate::corpus::OWN_MAP_FILE)),
            None => crate::own_map::default_path(),
        }
    }
}

/// The files a library is read from, before any article is parsed.
struct Files {
    /// Articles compiled into the binary.
    bundled: Vec<corpus::SourceFile>,
    /// Article files on disk, listed in name order.
    paths: Vec<PathBuf>,
    maps: Vec<corpus::SourceFile>,
    diagnostics: Vec<Diagnostic>,
    max_bytes: u64,
    /// The reader's own map: where it is kept, and its contents as read now.
    own_path: Option<PathBuf>,
    own: Option<crate::own_map::OwnMap>,
    /// The folder the article files are listed from.
    folder: Option<PathBuf>,
    /// Where which file holds which article is remembered.
    names: Option<PathBuf>,
}

fn files(source: &Source) -> Result<Files, Error> {
    let max_bytes = source.max_file_mb.saturating_mul(1024 * 1024);
    let mut files = Files {
        bundled: Vec::new(),
        paths: Vec::new(),
        maps: Vec::new(),
        diagnostics: Vec::new(),
        max_bytes,
        own_path: source.own_map(),
        own: None,
        folder: None,
        names: source.names.clone(),
    };
    // The bundled articles, and beside them the reader's own; or a folder's.
    let folder = match &source.dir {
        None => {
            files.bundled = corpus::bundled_sources();
            files.maps = corpus::bundled_maps();
            own_articles().filter(|d| d.is_dir())
        }
        Some(dir) => Some(dir.clone()),
    };
    if let Some(folder) = folder {
        let listed = corpus::read_folder(&folder, max_bytes)?;
        files.paths = listed.articles;
        files.maps.extend(listed.maps);
        files.diagnostics = listed.diagnostics;
        files.folder = Some(folder);
    }
    match files.own_path.as_deref().map(crate::own_map::peek) {
        Some(Ok(map)) => files.own = map,
        Some(Err(problem)) => files.diagnostics.push(Diagnostic::warning(
            &files.own_name(),
            crate::diagnostic::Location::START,
            problem,
            "correct it, or let the reader set it aside when it next starts",
        )),
        None => {}
    }
    Ok(files)
}

impl Files {
    fn own_name(&self) -> String {
        self.own_path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    }

    /// The library of the articles `loaded`: the maps anchored in them.
    fn assemble(&self, loaded: Loaded) -> Library {
        let Loaded {
            corpus,
            diagnostics: mut article_problems,
        } = loaded;
        let mut diagnostics = self.diagnostics.clone();
        diagnostics.append(&mut article_problems);
        let own = self.own.as_ref().map(|map| map.source(&self.own_name()));
        let (map, mut map_problems) = crate::debate::load_with_own(&corpus, &self.maps, own.as_ref());
        diagnostics.append(&mut map_problems);
        Library {
            corpus,
            map,
            diagnostics,
            maps: self.maps.clone(),
            own_map: self.own_path.clone(),
        }
    }

    /// Every article read, on every core, and the maps anchored in them.
    fn read_whole(&self) -> Library {
        let loaded = corpus::combine(
            corpus::load(&self.bundled),
            corpus::load_paths(&self.paths, self.max_bytes),
        );
        let library = self.assemble(loaded);
        self.remember_names(&library);
        library
    }

    /// Remembers which file holds which article, for the next opening.
    fn remember_names(&self, library: &Library) {
        if let (Some(folder), Some(names)) = (&self.folder, &self.names)
            && self.paths.len() > staged::WHOLE_UP_TO
        {
            names::remember(names, folder, &library.corpus);
        }
    }
}

/// Loads the bundled articles and map (with the reader's own articles), or
/// those of a folder.
pub fn load(source: &Source) -> Result<Library, Error> {
    Ok(files(source)?.read_whole())
}

/// Loads, and fails with every error found if any file has one.
pub fn load_valid(source: &Source) -> Result<Library, Error> {
    valid(load(source)?)
}

/// The library, or every error found in it if it has any; its warnings
/// stay in its diagnostics for the caller to show.
pub fn valid(library: Library) -> Result<Library, Error> {
    if library.has_errors() {
        return Err(Error::Invalid(
            library.diagnostics.into_iter().filter(Diagnostic::is_error).collect(),
        ));
    }
    Ok(library)
}

pub mod names;
mod search_index;
mod staged;

pub use search_index::search_index;
pub use staged::{Arrival, Loading, Opening, WHOLE_UP_TO, open};
