//! Reading article files into a [`Corpus`], with every problem located.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::body::parse_body;
use super::meta::{RawMeta, is_valid_id};
use super::{Article, Author, Corpus, Meta, Published};
use crate::diagnostic::{Diagnostic, Location};
use crate::error::Error;
use crate::sanitize::clean_line;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// One file to load: its name as shown in messages, and its bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub bytes: Cow<'static, [u8]>,
}

/// What a load gives: the articles that loaded, and every problem found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The articles compiled into the binary (`articles/*.md`).
pub fn bundled_sources() -> Vec<SourceFile> {
    embedded::BUNDLED
        .iter()
        .filter(|(name, _)| name.ends_with(".md"))
        .map(|(name, text)| SourceFile {
            name: (*name).to_string(),
            bytes: Cow::Borrowed(text.as_bytes()),
        })
        .collect()
}

/// The debate maps compiled into the binary (`articles/*.toml`).
pub fn bundled_maps() -> Vec<SourceFile> {
    embedded::BUNDLED
        .iter()
        .filter(|(name, _)| name.ends_with(".toml"))
        .map(|(name, text)| SourceFile {
            name: (*name).to_string(),
            bytes: Cow::Borrowed(text.as_bytes()),
        })
        .collect()
}

/// The largest article or map file read unless the user raises the limit:
/// about ten times the longest article of the bundled debate's kind of
/// source, and small enough to open in a second or two.
pub const DEFAULT_MAX_FILE_MB: u64 = crate::files::LIMIT / (1024 * 1024);

/// The file name of the reader's own map in a folder of articles, which the
/// folder reader passes over: it is read over the other maps, as the reader's.
pub const OWN_MAP_FILE: &str = "my-map.toml";

/// The files of a user's folder.
#[derive(Debug, Default)]
pub struct FolderFiles {
    /// Article files, read when loaded (one at a time, to keep memory low).
    pub articles: Vec<PathBuf>,
    pub maps: Vec<SourceFile>,
    /// Files passed over or unreadable.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the article files (`*.md`, except `README.md`) of a folder, and its
/// debate maps (`*.toml`). Other files are reported and passed over. Article
/// files are only listed, not opened, so that listing thousands is quick:
/// each is read, and its size checked, when it is loaded.
pub fn read_folder(dir: &Path, max_file_bytes: u64) -> Result<FolderFiles, Error> {
    let read_error = |source| Error::ReadFolder {
        path: crate::sanitize::clean_line(&dir.display().to_string()),
        source,
    };
    // Every path is the folder's and a name, so paths compared as bytes
    // are in the order of their names: sorting paths component by component
    // costs more than the listing itself in a folder of thousands.
    let mut entries: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)
        .map_err(read_error)?
        .filter_map(Result::ok)
        .map(|entry| {
            let path = entry.path();
            // The entry's type comes with the listing; a link is followed.
            let is_dir = match entry.file_type() {
                Ok(kind) if !kind.is_symlink() => kind.is_dir(),
                _ => path.is_dir(),
            };
            (path, is_dir)
        })
        .collect();
    entries.sort_unstable_by(|a, b| {
        a.0.as_os_str()
            .as_encoded_bytes()
            .cmp(b.0.as_os_str().as_encoded_bytes())
    });
    let mut files = FolderFiles::default();
    for (path, is_dir) in entries {
        let Some(file_name) = path.file_name() else { continue };
        let file_name = file_name.to_string_lossy();
        let ext = file_name.rsplit_once('.').map_or("", |(_, ext)| ext);
        if file_name.starts_with('.') || file_name == "README.md" || is_dir {
            continue;
        }
        if ext == "md" {
            files.articles.push(path);
            continue;
        }
        let name = path.display().to_string();
        if ext != "toml" {
            files.diagnostics.push(Diagnostic::warning(
                &name,
                Location::START,
                "not an article file (articles end in .md, debate maps in .toml); passed over",
                "move it out of the articles folder, or rename it if it is an article",
            ));
            continue;
        }
        // The reader's own map is read over the others, as theirs.
        if file_name == OWN_MAP_FILE {
            continue;
        }
        match read_limited(&path, max_file_bytes) {
            Ok(bytes) => files.maps.push(SourceFile {
                name,
                bytes: Cow::Owned(bytes),
            }),
            Err(problem) => files.diagnostics.push(problem),
        }
    }
    Ok(files)
}

/// A file's bytes, or a located error when it cannot be read, is not a
/// regular file, or holds more than `max_file_bytes`.
fn read_limited(path: &Path, max_file_bytes: u64) -> Result<Vec<u8>, Diagnostic> {
    crate::files::read_regular(path, max_file_bytes).map_err(|e| {
        Diagnostic::error(
            &crate::sanitize::clean_line(&path.display().to_string()),
            Location::START,
            match e {
                crate::files::ReadError::TooLarge { .. } => e.to_string(),
                _ => format!("cannot read the file: {e}"),
            },
            e.help(),
        )
    })
}

/// What parsing one file gave.
type Parsed = (String, Option<Article>, Vec<Diagnostic>);

/// Parses every file, then checks the articles against each other.
pub fn load(files: &[SourceFile]) -> Loaded {
    let parsed = files
        .iter()
        .map(|file| {
            let mut diagnostics = Vec::new();
            let article = parse_article(&file.name, &file.bytes, &mut diagnostics);
            (file.name.clone(), article, diagnostics)
        })
        .collect();
    collect(parsed)
}

/// Reads and parses the article files at `paths`, on every core, each file
/// read only when its turn comes so that a large folder is never held in
/// memory twice.
pub fn load_paths(paths: &[PathBuf], max_file_bytes: u64) -> Loaded {
    load_paths_counting(paths, max_file_bytes, crate::cores::available(), &AtomicUsize::new(0))
}

/// [`load_paths`] on `threads` threads, adding one to `done` for each file.
pub fn load_paths_counting(paths: &[PathBuf], max_file_bytes: u64, threads: usize, done: &AtomicUsize) -> Loaded {
    let parsed: Vec<Parsed> = crate::cores::map_runs(paths, threads, |_, run| {
        run.iter()
            .map(|path| {
                let name = path.display().to_string();
                let mut diagnostics = Vec::new();
                let article = match read_limited(path, max_file_bytes) {
                    Ok(bytes) => parse_article(&name, &bytes, &mut diagnostics),
                    Err(problem) => {
                        diagnostics.push(problem);
                        None
                    }
                };
                done.fetch_add(1, Ordering::Relaxed);
                (name, article, diagnostics)
            })
            .collect::<Vec<Parsed>>()
    })
    .into_iter()
    .flatten()
    .collect();
    collect(parsed)
}

/// The articles of `second` added to `first`'s: an id both use is a located
/// error naming both files, and the second article is left out.
pub fn combine(first: Loaded, second: Loaded) -> Loaded {
    let mut combined = append(first, second);
    combined.corpus = std::mem::take(&mut combined.corpus).sorted_by_date();
    combined
}

/// The articles of `second` after `first`'s, which keep their places: a
/// library read in two stages keeps the first stage's articles at the
/// indices the reader already uses. `second` stays in its own order (date
/// order, as read); an id both use is a located error naming both files,
/// and the second article is left out.
pub fn append(mut first: Loaded, second: Loaded) -> Loaded {
    first.diagnostics.extend(second.diagnostics);
    for article in second.corpus.articles {
        if let Err((article, at)) = first.corpus.push(article) {
            first.diagnostics.push(Diagnostic::error(
                &article.file,
                article.id_at,
                format!(
                    "duplicate id `{}`: {} uses it too",
                    article.meta.id, first.corpus[at].file
                ),
                "give each article its own id (parallax import --id ID chooses one)",
            ));
        }
    }
    first
}

/// Gathers parsed files in their order, rejecting a second use of an id,
/// then puts them in date order (the undated first), then by id.
fn collect(parsed: Vec<Parsed>) -> Loaded {
    let mut loaded = Loaded::default();
    for (name, article, mut diagnostics) in parsed {
        loaded.diagnostics.append(&mut diagnostics);
        let Some(article) = article else { continue };
        if let Err((article, at)) = loaded.corpus.push(article) {
            loaded.diagnostics.push(Diagnostic::error(
                &name,
                article.id_at,
                format!(
                    "duplicate id `{}`: {} uses it too",
                    article.meta.id, loaded.corpus[at].file
                ),
                "give each article its own id",
            ));
        }
    }
    loaded.corpus = std::mem::take(&mut loaded.corpus).sorted_by_date();
    loaded
}

/// The most an article's text may hold, as cleaned: its blocks' words are
/// kept at u32 offsets into one text (see [`super::BlockText`]), which is
/// no longer than the source; half the offsets' reach leaves room to spare.
const MAX_ARTICLE_BYTES: usize = (u32::MAX / 2) as usize;

/// Parses one article file. Problems are added to `diagnostics`; the article
/// is returned only when none of them is an error.
pub fn parse_article(name: &str, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<Article> {
    let errors_before = diagnostics.iter().filter(|d| d.is_error()).count();
    let source = decode(name, bytes, diagnostics)?;
    if source.len() > MAX_ARTICLE_BYTES {
        diagnostics.push(Diagnostic::error(
            name,
            Location::START,
            "too large to read: its text is over 2 GB",
            "split it into several articles",
        ));
        return None;
    }
    let (front, body_start) = split_front_matter(name, &source, diagnostics)?;
    let meta = parse_meta(name, &source, front, diagnostics);
    let authors = meta.as_ref().map(|m| m.authors.as_slice()).unwrap_or_default();
    let mut blocks = parse_body(name, &source, body_start, authors, diagnostics);
    // Kept for the life of the reader: no room left over from building.
    blocks.shrink_to_fit();
    if !blocks.iter().any(|b| !matches!(b.kind, super::BlockKind::Note)) {
        diagnostics.push(Diagnostic::error(
            name,
            Location::of_offset(&source, body_start),
            "the article has no body",
            "write its text after the closing `+++` line",
        ));
    }
    let errors_after = diagnostics.iter().filter(|d| d.is_error()).count();
    let meta = meta?;
    // The id's quoted value stands in the front matter, before the body.
    let id_offset = source[..body_start].find(&format!("\"{}\"", meta.id)).unwrap_or(0);
    let id_at = Location::of_offset(&source, id_offset);
    (errors_after == errors_before).then(|| Article {
        file: name.to_string(),
        id_at,
        meta,
        blocks,
        sentences: std::sync::OnceLock::new(),
    })
}

/// UTF-8 text, cleaned; binary files and invalid UTF-8 are located errors.
fn decode(name: &str, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    if let Some(at) = memchr::memchr(0, bytes) {
        let prefix = String::from_utf8_lossy(&bytes[..at]);
        diagnostics.push(Diagnostic::error(
            name,
            Location::of_offset(&prefix, prefix.len()),
            "not an article: the file holds NUL bytes, so it is binary, not text",
            "articles are UTF-8 Markdown files; remove this file from the folder or save it as text",
        ));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(crate::sanitize::clean(text)),
        Err(e) => {
            let prefix = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            diagnostics.push(Diagnostic::error(
                name,
                Location::of_offset(&prefix, prefix.len()),
                "invalid UTF-8",
                "save the file as UTF-8 (most editors offer it under \"Save with encoding\")",
            ));
            None
        }
    }
}

/// Returns the front matter text and where the body starts.
fn split_front_matter<'a>(name: &str, source: &'a str, diagnostics: &mut Vec<Diagnostic>) -> Option<(&'a str, usize)> {
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        diagnostics.push(Diagnostic::error(
            name,
            Location::START,
            "missing front matter: an article starts with a line `+++`",
            "begin the file with `+++`, then id, title, authors, outlet, published, form and source, then `+++` (see articles/README.md)",
        ));
        return None;
    }
    let front_start = first.len();
    let mut offset = front_start;
    for line in lines {
        if line.trim_end() == "+++" {
            return Some((&source[front_start..offset], offset + line.len()));
        }
        offset += line.len();
    }
    diagnostics.push(Diagnostic::error(
        name,
        Location::START,
        "the front matter is not closed",
        "add a line `+++` after the last field, before the article's text",
    ));
    None
}

fn parse_meta(name: &str, source: &str, front: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Meta> {
    // The front matter is a slice of `source`, so its offset is known.
    let front_offset = front.as_ptr() as usize - source.as_ptr() as usize;
    let at = |offset: usize| Location::of_offset(source, front_offset + offset);
    let raw: RawMeta = match toml::from_str(front) {
        Ok(raw) => raw,
        Err(e) => {
            let message = e.message().trim().replace('\n', " ");
            let help = if message.contains("unknown field") {
                "remove the field or correct its spelling; articles/README.md lists the fields"
            } else if message.contains("missing field") {
                "add the field to the front matter; articles/README.md lists the fields"
            } else if message.contains("invalid type") {
                "write the value with the type named; articles/README.md shows an example"
            } else if message.contains("unknown variant") {
                "use one of the values named"
            } else {
                "correct the TOML syntax of the front matter; articles/README.md shows an example"
            };
            diagnostics.push(Diagnostic::error(
                name,
                at(e.span().map_or(0, |s| s.start)),
                message,
                help,
            ));
            return None;
        }
    };
    let mut ok = true;
    let mut fail = |offset: usize, message: String, help: &str| {
        diagnostics.push(Diagnostic::error(name, at(offset), message, help));
        ok = false;
    };
    if !is_valid_id(raw.id.get_ref()) {
        fail(
            raw.id.span().start,
            format!("invalid id `{}`", raw.id.get_ref()),
            "use lowercase letters, digits and hyphens, e.g. \"smith-2024\"",
        );
    }
    let published = raw.published.as_ref().map(|p| (p, Published::parse(p.get_ref())));
    if let Some((written, None)) = &published {
        fail(
            written.span().start,
            format!("invalid date `{}`", written.get_ref()),
            "write the date as \"YYYY-MM-DD\", or \"YYYY-MM\" or \"YYYY\" when only the month or year is known",
        );
    }
    let published = published.and_then(|(_, p)| p);
    let published_between = raw.published_between.as_ref().and_then(|between| {
        let dates: Vec<Option<Published>> = between.get_ref().iter().map(|d| Published::parse(d)).collect();
        let window = match dates.as_slice() {
            [Some(first), Some(last)] if first.iso() <= last.iso() => Some((*first, *last)),
            _ => None,
        };
        // The window must lie within what `published` says.
        let within = |d: &Published| {
            published.is_none_or(|p| p.year == d.year && p.month.is_none_or(|m| Some(m) == d.month))
        };
        match window {
            Some((first, last)) if within(&first) && within(&last) => Some((first, last)),
            _ => {
                fail(
                    between.span().start,
                    format!("invalid published_between `{:?}`", between.get_ref()),
                    "write the first and last dates the text allows, in order and within `published`, e.g. [\"2023-01\", \"2023-02\"]",
                );
                None
            }
        }
    });
    if raw.title.trim().is_empty() {
        fail(
            0,
            "the title is empty".into(),
            "give the article a title (mark it title_source = \"supplied\" if it is ours)",
        );
    }
    // TOML escapes ("\u001b") can put control characters back into strings
    // the file held as plain text: clean every value once more.
    let line = |s: String| clean_line(&s);
    let lines = |s: Option<String>| s.map(line);
    let mut authors: Vec<Author> = raw
        .authors
        .into_iter()
        .map(|a| Author {
            name: line(a.name),
            role: a.role,
            speaker: a.speaker.into_iter().map(line).collect(),
            affiliation: lines(a.affiliation),
            bio: lines(a.bio),
        })
        .collect();
    // Collected in the room the front matter's list was read into, which
    // grew past the list's length; kept for every article of a library.
    authors.shrink_to_fit();
    ok.then(|| Meta {
        id: raw.id.into_inner().into(),
        title: line(raw.title),
        title_source: raw.title_source,
        title_note: lines(raw.title_note),
        subtitle: lines(raw.subtitle),
        authors,
        outlet: line(raw.outlet),
        published,
        published_between,
        published_note: lines(raw.published_note),
        form: raw.form,
        source: line(raw.source),
        url: raw.url.map(line).filter(|u| !u.is_empty()),
    })
}
