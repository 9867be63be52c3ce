//! `parallax import`: articles as people keep them (saved web pages, text
//! copied out of a browser, Markdown) made into articles of the reader's
//! format, word for word, with what could be found of who wrote them, where
//! and when, and nothing invented.

pub mod annotations;
pub mod fetch;
mod front_matter;
mod html;
mod markdown;
mod pdf;
mod text;

pub use html::extract as extract_html;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::{Published, slug};

/// What an importer found in a file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    /// The standfirst, or a description of the article.
    pub subtitle: Option<String>,
    /// Where the article lives, when the file says.
    pub url: Option<String>,
    /// The body in the article format's Markdown.
    pub body: String,
    /// Labels that open interview turns (`**Label:**`).
    pub speakers: Vec<String>,
    /// What was guessed, to be checked.
    pub guesses: Vec<String>,
}

/// Where and how to import.
#[derive(Debug)]
pub struct Options {
    pub into: PathBuf,
    pub id: Option<String>,
    pub force: bool,
    pub max_bytes: u64,
    /// Ids taken besides the folder's files (the bundled articles').
    pub taken: Vec<String>,
    /// The articles already in the folder, by where they were imported from
    /// and their title: read once, on the first import.
    pub already: std::sync::OnceLock<std::sync::Mutex<HashMap<String, String>>>,
    /// Where many imports wait to be put in place together (`commit`);
    /// without it each article is written and flushed on its own.
    batch: Option<std::sync::Mutex<crate::atomic::Batch>>,
}

impl Options {
    pub fn new(into: PathBuf, max_bytes: u64) -> Options {
        Options {
            into,
            id: None,
            force: false,
            max_bytes,
            taken: Vec::new(),
            already: std::sync::OnceLock::new(),
            batch: None,
        }
    }

    /// Imports from here on are put in place together, a batch at a time
    /// and the rest by `commit`; what an import killed before left in the
    /// folder is cleared away first.
    pub fn in_batch(mut self) -> Options {
        crate::atomic::remove_stale_in(&self.into);
        self.batch = Some(std::sync::Mutex::new(crate::atomic::Batch::default()));
        self
    }

    /// Puts the articles of the batch in place, with one flush for all;
    /// returns how many.
    pub fn commit(&mut self) -> std::io::Result<usize> {
        match self.batch.take() {
            Some(batch) => batch
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .commit(),
            None => Ok(0),
        }
    }

    /// Whether an article file is there, or waits in the batch.
    fn file_taken(&self, file: &Path) -> bool {
        file.exists()
            || self
                .batch
                .as_ref()
                .and_then(|b| b.lock().ok())
                .is_some_and(|b| b.holds(file))
    }

    /// The article already imported from `from` under `title`, if any.
    fn already_there(&self, from: &str, title: &str) -> Option<String> {
        let key = format!("Imported by parallax from {from}\n{title}");
        self.already().lock().ok()?.get(&key).cloned()
    }

    fn note_imported(&self, from: &str, title: &str, id: &str) {
        if let Ok(mut already) = self.already().lock() {
            already.insert(format!("Imported by parallax from {from}\n{title}"), id.to_string());
        }
    }

    fn already(&self) -> &std::sync::Mutex<HashMap<String, String>> {
        self.already.get_or_init(|| {
            let mut found = HashMap::new();
            let files = crate::corpus::read_folder(&self.into, self.max_bytes)
                .map(|f| f.articles)
                .unwrap_or_default();
            for file in files {
                let Ok(bytes) = crate::files::read_regular(&file, self.max_bytes) else {
                    continue;
                };
                let mut ignored = Vec::new();
                if let Some(article) = crate::corpus::parse_article("", &bytes, &mut ignored) {
                    found.insert(
                        format!("{}\n{}", article.meta.source, article.meta.title),
                        article.meta.id.to_string(),
                    );
                }
            }
            std::sync::Mutex::new(found)
        })
    }
}

/// The files below `dir` that import reads (saved pages, text, Markdown), in
/// name order; hidden files and folders passed by.
pub fn files_below(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_file() && IMPORTED.contains(&extension_of(&path).as_str()) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The kinds of file import reads.
const IMPORTED: [&str; 7] = ["html", "htm", "txt", "text", "md", "markdown", "pdf"];

fn extension_of(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// An article written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub id: String,
    pub path: PathBuf,
    /// What was guessed or not found, and what to do about it.
    pub notes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {problem}; {help}")]
    Refused {
        file: String,
        problem: String,
        help: &'static str,
    },
    #[error("{file}: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}: already there, as {id}")]
    AlreadyThere { file: String, id: String },
}

fn refused(file: &Path, problem: impl Into<String>, help: &'static str) -> ImportError {
    ImportError::Refused {
        file: file.display().to_string(),
        problem: problem.into(),
        help,
    }
}

/// Imports one file into `options.into`.
pub fn import_file(path: &Path, options: &Options) -> Result<Imported, ImportError> {
    let io = |source| ImportError::Io {
        file: path.display().to_string(),
        source,
    };
    let bytes = crate::files::read_regular(path, options.max_bytes).map_err(|e| match e {
        crate::files::ReadError::Io(e) => io(e),
        crate::files::ReadError::TooLarge { .. } => refused(
            path,
            e.to_string(),
            "raise the limit with --max-file-mb N if you mean to import it",
        ),
        e => refused(path, e.to_string(), e.help()),
    })?;
    let extension = extension_of(path);
    let from = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    import_bytes(path, &bytes, &extension, &from, None, options)
}

/// Fetches the page at `url` and imports it as a saved page; the page's own
/// canonical address, else `url` after redirects, becomes the article's.
pub fn import_url(url: &str, options: &Options, timeout: std::time::Duration) -> Result<Imported, ImportError> {
    let page = fetch::fetch(url, options.max_bytes, timeout).map_err(|why| ImportError::Refused {
        file: url.to_string(),
        problem: why.problem,
        help: why.help,
    })?;
    // The address names the page in messages; its last part stands in for a title.
    let named = Path::new(page.url.trim_end_matches('/'));
    import_bytes(named, &page.bytes, page.kind, &page.url, Some(&page.url), options)
}

/// Imports the text of a file or page: `path` names it in messages and
/// stands in for a title, `from` says where it came from, `url` is its
/// address when it was fetched.
fn import_bytes(
    path: &Path,
    bytes: &[u8],
    extension: &str,
    from: &str,
    url: Option<&str>,
    options: &Options,
) -> Result<Imported, ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refused(
            path,
            "the file is empty",
            "import a file with an article's text in it",
        ));
    }
    let (mut extracted, replaced) = if extension == "pdf" || bytes.starts_with(b"%PDF-") {
        convert_pdf(bytes).map_err(|Refusal { problem, help }| refused(path, problem, help))?
    } else {
        if bytes.contains(&0) {
            return Err(refused(
                path,
                "the file is binary, not text",
                "import a PDF (.pdf), a saved web page (.html), a text file (.txt) or Markdown (.md)",
            ));
        }
        convert(&String::from_utf8_lossy(bytes), extension)
            .map_err(|Refusal { problem, help }| refused(path, problem, help))?
    };
    if extracted.url.is_none() {
        extracted.url = url.map(String::from);
    }
    if replaced > 0 {
        extracted.guesses.push(format!(
            "{replaced} control or direction character{} (raw, or written as entities) {} shown as visible placeholders such as ␛ or ⟨U+202E⟩, so that no terminal, pager or diff acts on {}",
            if replaced == 1 { "" } else { "s" },
            if replaced == 1 { "is" } else { "are" },
            if replaced == 1 { "it" } else { "them" },
        ));
    }
    write_article(path, extracted, from, options)
}

/// Why a file's text makes no article, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub problem: String,
    pub help: &'static str,
}

impl Refusal {
    fn new(problem: impl Into<String>, help: &'static str) -> Refusal {
        Refusal {
            problem: problem.into(),
            help,
        }
    }
}

/// A file's text, of the kind its extension says, as an article's parts,
/// with every control and direction character shown as a placeholder
/// (whether raw or decoded from an entity by the HTML or Markdown reader),
/// and how many there were. The whole of `import` but the writing.
pub fn convert(raw: &str, extension: &str) -> Result<(Extracted, usize), Refusal> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let extracted = match extension {
        "html" | "htm" => html::extract(raw).map_err(|problem| {
            Refusal::new(
                problem,
                "save the page again with its article text, or copy the text into a .txt file",
            )
        })?,
        "txt" | "text" => text::from_text(&crate::sanitize::clean(raw)),
        "md" | "markdown" => {
            let (found, body) = front_matter::split(raw)?;
            markdown::from_markdown(body, found)
        }
        _ => {
            return Err(Refusal::new(
                format!("unknown kind of file `.{extension}`"),
                "import a PDF (.pdf), a saved web page (.html, .htm), a text file (.txt) or Markdown (.md)",
            ));
        }
    };
    if extracted.body.trim().is_empty() {
        return Err(Refusal::new(
            "no article text was found in it",
            "save the page again with its article text, or copy the text into a .txt file",
        ));
    }
    // A text file is cleaned before it is read (a lone CR ends a line):
    // what it held is counted there.
    let in_text = match extension {
        "txt" | "text" => crate::sanitize::placeholders_needed(raw),
        _ => 0,
    };
    let (extracted, replaced) = clean_extracted(extracted);
    Ok((extracted, replaced + in_text))
}

/// A PDF's article, made safe as `convert` makes a text's: the whole of
/// importing a PDF but the writing.
pub fn convert_pdf(bytes: &[u8]) -> Result<(Extracted, usize), Refusal> {
    pdf::from_pdf(bytes).map(clean_extracted)
}

/// The date at the start of an ISO timestamp, at the precision it gives.
fn date_prefix(text: &str) -> Option<Published> {
    let text = text.trim();
    [10, 7, 4]
        .into_iter()
        .filter(|&n| text.len() >= n && text.is_char_boundary(n))
        .find_map(|n| Published::parse(&text[..n]))
}

/// What was extracted, made safe for every reader of the written file.
fn clean_extracted(extracted: Extracted) -> (Extracted, usize) {
    use crate::sanitize::{clean, clean_line, placeholders_needed};
    let mut replaced = placeholders_needed(&extracted.body);
    let mut line = |text: String| {
        replaced += placeholders_needed(&text);
        clean_line(&text)
    };
    let cleaned = Extracted {
        title: extracted.title.map(&mut line),
        authors: extracted.authors.into_iter().map(&mut line).collect(),
        outlet: extracted.outlet.map(&mut line),
        subtitle: extracted.subtitle.map(&mut line),
        url: extracted.url.map(&mut line),
        speakers: extracted.speakers.into_iter().map(&mut line).collect(),
        body: clean(&extracted.body),
        ..extracted
    };
    (cleaned, replaced)
}

/// The front matter as written.
#[derive(Serialize)]
struct Front<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<FrontAuthor<'a>>,
}

#[derive(Serialize)]
struct FrontAuthor<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    speaker: Vec<&'a str>,
}

fn write_article(path: &Path, extracted: Extracted, from: &str, options: &Options) -> Result<Imported, ImportError> {
    let mut notes = extracted.guesses.clone();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (title, supplied) = match extracted.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => (title.to_string(), false),
        None => {
            notes.push("no title found: the file's name stands in, marked title_source = \"supplied\"; change it if you know the headline".to_string());
            (stem.replace(['-', '_'], " "), true)
        }
    };
    if extracted.authors.is_empty() {
        notes.push("no author found: add [[authors]] name = \"...\" if you know who wrote it".into());
    }
    if extracted.outlet.is_none() {
        notes.push("no outlet found: add outlet = \"...\" if you know where it was published".into());
    }
    if extracted.published.is_none() {
        notes.push("no date found: add published if you know it".into());
    }
    if !options.force
        && options.id.is_none()
        && let Some(id) = options.already_there(from, &title)
    {
        return Err(ImportError::AlreadyThere {
            file: path.display().to_string(),
            id,
        });
    }
    let id = choose_id(path, &extracted, &title, options)?;
    let file = options.into.join(format!("{id}.md"));
    let authors: Vec<FrontAuthor> = extracted
        .authors
        .iter()
        .map(|name| FrontAuthor {
            name,
            // A bold lead-in with an author's name opens their turns.
            speaker: extracted
                .speakers
                .iter()
                .filter(|s| *s == name)
                .map(String::as_str)
                .collect(),
        })
        .collect();
    let front = Front {
        id: &id,
        title: &title,
        title_source: supplied.then_some("supplied"),
        subtitle: extracted.subtitle.as_deref(),
        outlet: extracted.outlet.as_deref(),
        published: extracted.published.map(|p| p.iso()),
        source: format!("Imported by parallax from {from}"),
        url: extracted.url.as_deref(),
        authors,
    };
    let text = format!(
        "+++\n{}+++\n\n{}\n",
        toml::to_string(&front).expect("plain data"),
        extracted.body.trim_end()
    );
    // What is written must be an article.
    let mut diagnostics = Vec::new();
    if crate::corpus::parse_article(&file.display().to_string(), text.as_bytes(), &mut diagnostics).is_none() {
        let first = diagnostics
            .iter()
            .find(|d| d.is_error())
            .map_or_else(String::new, ToString::to_string);
        return Err(refused(
            path,
            format!("the article made from it is not valid ({first})"),
            "copy the article's text into a .txt file and import that instead",
        ));
    }
    std::fs::create_dir_all(&options.into).map_err(|source| ImportError::Io {
        file: options.into.display().to_string(),
        source,
    })?;
    let written = match &options.batch {
        Some(batch) => {
            let mut batch = batch.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            // Put in place as it goes: an import stopped halfway keeps most
            // of what it did.
            batch.write(&file, text.as_bytes()).and_then(|()| {
                if batch.due() {
                    std::mem::take(&mut *batch).commit().map(drop)
                } else {
                    Ok(())
                }
            })
        }
        None => crate::atomic::write(&file, text.as_bytes()),
    };
    written.map_err(|source| ImportError::Io {
        file: file.display().to_string(),
        source,
    })?;
    options.note_imported(from, &title, &id);
    Ok(Imported { id, path: file, notes })
}

/// `--id`, else the first author's surname and the year, else a slug of
/// the title; a suffix where it is taken.
fn choose_id(path: &Path, extracted: &Extracted, title: &str, options: &Options) -> Result<String, ImportError> {
    let exists =
        |id: &str| options.file_taken(&options.into.join(format!("{id}.md"))) || options.taken.iter().any(|t| t == id);
    if let Some(id) = &options.id {
        if !crate::corpus::is_valid_id(id) {
            return Err(refused(
                path,
                format!("invalid id `{id}`"),
                "use lowercase letters, digits and hyphens, e.g. smith-2024",
            ));
        }
        if exists(id) && !options.force {
            return Err(refused(
                path,
                format!("an article `{id}` is there already"),
                "choose another --id, or --force to replace it",
            ));
        }
        return Ok(id.clone());
    }
    let surname = extracted
        .authors
        .first()
        .and_then(|a| a.split_whitespace().next_back())
        .map(|name| slug(name, usize::MAX, ""));
    let base = match (surname, extracted.published) {
        (Some(name), Some(date)) if !name.is_empty() => format!("{name}-{}", date.year),
        (Some(name), None) if !name.is_empty() => name,
        _ => slug(title, 40, "article"),
    };
    if options.force && !options.taken.contains(&base) {
        return Ok(base);
    }
    Ok(crate::corpus::unused_id(&base, exists))
}

/// Lowercase letters and digits, words joined by hyphens.
/// The words of a run of text as one line: white space folded.
fn fold_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text made safe as Markdown: what the article format would read as
/// markup (emphasis, links, notes, a heading or list at a line's start) is
/// escaped, so the words come through as they are.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // At the start of a paragraph: a heading, a list item, a rule.
    if out.starts_with(['#', '-', '+', '=', '~']) {
        out.insert(0, '\\');
    }
    // "1. " would begin a numbered list: its delimiter is escaped.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 10 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// The default folder of imported articles, created on first use.
pub fn default_folder() -> Option<PathBuf> {
    crate::library::own_articles()
}
