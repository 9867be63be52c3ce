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

/// Loads the bundled articles and map, or those of `dir`.
/// Where the articles come from: the bundled ones, or a folder's.
#[derive(Debug, Clone)]
pub struct Source {
    pub dir: Option<PathBuf>,
    /// Files larger than this are refused with a located error.
    pub max_file_mb: u64,
}

impl Default for Source {
    fn default() -> Source {
        Source {
            dir: None,
            max_file_mb: corpus::DEFAULT_MAX_FILE_MB,
        }
    }
}

/// The folder of the reader's own articles, read beside the bundled ones:
/// `$XDG_DATA_HOME/parallax/articles/`, where `parallax import` puts them.
pub fn own_articles() -> Option<PathBuf> {
    crate::xdg::file("XDG_DATA_HOME", ".local/share", "articles")
}

/// Where an article comes from, as `list` says it: the bundled articles, or its file.
pub fn origin(article: &corpus::Article) -> String {
    let bundled = corpus::bundled_sources().iter().any(|s| s.name == article.file);
    if bundled {
        "bundled".to_string()
    } else {
        article.file.clone()
    }
}

impl Source {
    /// Where the reader's own map for these articles is kept: in the folder,
    /// or for the bundled articles in the user's data folder.
    pub fn own_map(&self) -> Option<PathBuf> {
        match &self.dir {
            Some(dir) => Some(dir.join(crate::own_map::FOLDER_FILE)),
            None => crate::own_map::default_path(),
        }
    }
}

pub fn load(source: &Source) -> Result<Library, Error> {
    let dir = source.dir.as_ref();
    let max_bytes = source.max_file_mb.saturating_mul(1024 * 1024);
    let (loaded, maps, mut diagnostics) = match dir {
        None => {
            let bundled = corpus::load(&corpus::bundled_sources());
            let mut maps = corpus::bundled_maps();
            let mut diagnostics = Vec::new();
            // The reader's own articles, read beside the bundled ones.
            let loaded = match own_articles().filter(|d| d.is_dir()) {
                Some(own) => {
                    let files = corpus::read_folder(&own, max_bytes)?;
                    maps.extend(files.maps);
                    diagnostics.extend(files.diagnostics);
                    corpus::combine(bundled, corpus::load_paths(&files.articles))
                }
                None => bundled,
            };
            (loaded, maps, diagnostics)
        }
        Some(dir) => {
            let files = corpus::read_folder(dir, max_bytes)?;
            (corpus::load_paths(&files.articles), files.maps, files.diagnostics)
        }
    };
    let Loaded {
        corpus,
        diagnostics: mut article_problems,
    } = loaded;
    diagnostics.append(&mut article_problems);
    let own_map = source.own_map();
    let own = match own_map.as_deref().map(crate::own_map::peek) {
        Some(Ok(Some(map))) => Some(map.source(&own_map.as_ref().map(|p| p.display().to_string()).unwrap_or_default())),
        Some(Err(problem)) => {
            let name = own_map.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
            diagnostics.push(Diagnostic::warning(
                &name,
                crate::diagnostic::Location::START,
                problem,
                "correct it, or let the reader set it aside when it next starts",
            ));
            None
        }
        _ => None,
    };
    let (map, mut map_problems) = crate::debate::load_with_own(&corpus, &maps, own.as_ref());
    diagnostics.append(&mut map_problems);
    Ok(Library {
        corpus,
        map,
        diagnostics,
        maps,
        own_map,
    })
}

/// Loads, and fails with every error found if any file has one.
pub fn load_valid(source: &Source) -> Result<Library, Error> {
    let library = load(source)?;
    if library.has_errors() {
        return Err(Error::Invalid(
            library.diagnostics.into_iter().filter(Diagnostic::is_error).collect(),
        ));
    }
    for warning in &library.diagnostics {
        eprintln!("{warning}");
    }
    Ok(library)
}
