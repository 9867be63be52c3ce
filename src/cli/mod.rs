//! The command line: what each subcommand does, and its help.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod annotations;
mod export;
mod import;
mod suggest;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::corpus::{self, Corpus};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::library::{Library, Source, load, load_valid};

pub use crate::ui::{buffer_text, snapshot};

const EXAMPLES: &str = "\
Examples:
  parallax                                  open the reader on the bundled articles
  parallax --open yun-sun-2022,gurtov-2024  open these two side by side
  parallax check --articles ~/my-articles   validate a folder of your own articles
  parallax show gabuev-2024 --width 72      print one article as plain text
  parallax keys                             print the key bindings
  parallax snapshot --width 120 --height 40 print the first screen as text
  parallax --theme wedge                    open with every pane at the central question
  parallax export --format md               the comparison, theme by theme
  parallax timeline                         the articles in date order, and who answers whom";

#[derive(Debug, Parser)]
#[command(name = "parallax", version, about = "Read a debate closely: articles side by side, by keyboard, in a terminal.", after_help = EXAMPLES)]
pub struct Cli {
    /// Read the articles of DIR instead of the bundled ones
    #[arg(long, global = true, value_name = "DIR")]
    pub articles: Option<PathBuf>,

    /// The articles of the panes, left to right (default: manning-sun-2023,gabuev-2024)
    #[arg(long, global = true, value_delimiter = ',', value_name = "ID,ID")]
    pub open: Vec<String>,

    /// A keymap file merged over the defaults (default: $XDG_CONFIG_HOME/parallax/keymap.toml)
    #[arg(long, global = true, value_name = "FILE")]
    pub keymap: Option<PathBuf>,

    /// Open with this theme selected, every pane at its passage (see `parallax themes`)
    #[arg(long, global = true, value_name = "ID")]
    pub theme: Option<String>,

    /// Refuse article and map files larger than this many megabytes
    #[arg(long, global = true, value_name = "MB", default_value_t = crate::corpus::DEFAULT_MAX_FILE_MB)]
    pub max_file_mb: u64,

    /// Start clean instead of where the last session left off
    #[arg(long, global = true)]
    pub fresh: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the articles; print a summary of each and every problem found
    #[command(
        after_help = "Examples:\n  parallax check\n  parallax check --articles ~/my-articles\n\nExit status: 0 when there is no error, 1 otherwise."
    )]
    Check,

    /// List the articles: id, date, outlet, authors, title
    #[command(after_help = "Examples:\n  parallax list\n  parallax list --articles ~/my-articles")]
    List,

    /// Print an article as wrapped plain text (headings, speakers, notes at the end)
    #[command(after_help = "Examples:\n  parallax show gurtov-2024\n  parallax show yun-sun-2022 --width 60 | less")]
    Show {
        /// The article's id (see `parallax list`)
        id: String,
        /// Wrap lines to this many columns
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(10..))]
        width: u16,
    },

    /// Print the active key bindings by context, or check a keymap file
    #[command(
        after_help = "Examples:\n  parallax keys\n  parallax keys --keymap my-keys.toml\n  parallax keys --check my-keys.toml\n\nExit status with --check: 0 when the file is valid, 1 otherwise."
    )]
    Keys {
        /// Check FILE and report its problems instead
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
    },

    /// Print the debate map as a table: each theme, and each article's stance
    #[command(
        after_help = "Examples:\n  parallax themes\n  parallax themes --articles ~/my-articles\n\nStances: + supports, x opposes, ~ qualifies, = reports, · silent."
    )]
    Themes,

    /// Import web pages (an address, or saved .html), text (.txt) or Markdown (.md) as articles
    #[command(after_help = import::EXAMPLES)]
    Import(import::ImportArgs),

    /// Where an article likely speaks to the themes it is silent on
    #[command(after_help = suggest::EXAMPLES)]
    Suggest(suggest::SuggestArgs),

    /// Add annotations made in Hypothesis (or W3C Web Annotations) to your own map
    #[command(after_help = annotations::EXAMPLES)]
    ImportAnnotations(annotations::ImportAnnotationsArgs),

    /// Print the articles in date order, the events they refer to, and who answers whom
    #[command(after_help = "Examples:\n  parallax timeline\n  parallax timeline --articles ~/my-articles")]
    Timeline,

    /// Export the comparison of each theme: claim, stances, summaries, quotes with citations
    #[command(after_help = export::EXAMPLES)]
    Export(export::ExportArgs),

    /// Search passages, themes and articles, as the reader's palette does
    #[command(
        after_help = "Examples:\n  parallax search \"reverse kissinger\"\n  parallax search \"240 billion\" --limit 5\n  parallax search '#taiwan' --json\n\nA query starting with # searches themes only; with @, articles only."
    )]
    Search {
        /// The words to look for
        query: String,
        /// At most this many results
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON: a list of {"kind","article","score","text"} with position fields
        #[arg(long)]
        json: bool,
    },

    /// Print the reader's first frame as plain text, then exit
    #[command(
        after_help = "Examples:\n  parallax snapshot\n  parallax snapshot --width 120 --height 40 --open yun-sun-2022,gurtov-2024"
    )]
    Snapshot {
        /// Columns of the screen
        #[arg(long, default_value_t = 160, value_parser = clap::value_parser!(u16).range(1..))]
        width: u16,
        /// Rows of the screen
        #[arg(long, default_value_t = 45, value_parser = clap::value_parser!(u16).range(1..))]
        height: u16,
    },
}

impl Cli {
    fn source(&self) -> crate::library::Source {
        crate::library::Source {
            dir: self.articles.clone(),
            max_file_mb: self.max_file_mb,
            names: crate::library::names::user_folder(),
        }
    }
}

fn reader_options(cli: &Cli) -> crate::boot::Options {
    crate::boot::Options {
        open: cli.open.clone(),
        keymap: cli.keymap.clone(),
        theme: cli.theme.clone(),
        session: None,
        fresh: cli.fresh,
    }
}

/// Runs the command line; returns the process exit status.
pub fn run(cli: Cli) -> Result<i32, Error> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        None => {
            drop(out);
            let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
            let options = crate::boot::Options {
                session: crate::session::default_path(),
                ..reader_options(&cli)
            };
            let size = Rect::new(0, 0, width, height);
            let mut booted = crate::boot::open(&cli.source(), &options, size, crate::boot::Wait::No)?;
            warn(&booted.warnings);
            crate::runtime::run(&mut booted.app, options.session.as_deref())?;
            Ok(0)
        }
        Some(Command::Keys { check: Some(file) }) => {
            let text = crate::files::read_regular(&file, crate::files::LIMIT).map_err(|source| Error::ReadFile {
                path: crate::sanitize::clean_line(&file.display().to_string()),
                source,
            })?;
            let name = file.display().to_string();
            let (_, problems) = crate::keymap::Keymap::with_user_file(&name, &String::from_utf8_lossy(&text));
            for problem in &problems {
                writeln!(out, "{problem}")?;
            }
            if problems.is_empty() {
                writeln!(out, "{}: ok", crate::sanitize::clean_line(&name))?;
            }
            Ok(i32::from(!problems.is_empty()))
        }
        Some(Command::Keys { check: None }) => {
            let (keymap, notice) = crate::boot::load_keymap(cli.keymap.as_deref());
            if let Some(notice) = notice {
                for line in notice.lines {
                    eprintln!("{line}");
                }
            }
            write!(out, "{}", keymap.describe())?;
            Ok(0)
        }
        Some(Command::Snapshot { width, height }) => {
            let size = Rect::new(0, 0, width, height);
            let booted = crate::boot::open(&cli.source(), &reader_options(&cli), size, crate::boot::Wait::ForAll)?;
            warn(&booted.warnings);
            write!(out, "{}", snapshot(&booted.app))?;
            Ok(0)
        }
        Some(Command::Search { ref query, limit, json }) => {
            let opened = kept(crate::library::search_index(&cli.source())?);
            for warning in &opened.warnings {
                // Cleaned again: these may have been read from the cache.
                eprintln!("{}", crate::sanitize::clean_line(warning));
            }
            let index = &opened.index;
            let hits = index.search(&crate::search::Query::parse(query));
            let hits = &hits[..hits.len().min(limit)];
            let text = if json {
                crate::export::search_json(index, hits)
            } else {
                crate::export::search_text(index, hits)
            };
            write!(out, "{text}")?;
            Ok(0)
        }
        Some(Command::Themes) => {
            let library = load_valid_warned(&cli.source())?;
            write!(out, "{}", crate::export::themes_table(&library.corpus, &library.map))?;
            Ok(0)
        }
        Some(Command::Import(ref args)) => import::run(args, cli.max_file_mb, &mut out),
        Some(Command::Suggest(ref args)) => {
            let library = load_valid_warned(&cli.source())?;
            suggest::run(args, library, &mut out)
        }
        Some(Command::ImportAnnotations(ref args)) => annotations::run(args, &cli.source(), &mut out),
        Some(Command::Timeline) => {
            let library = load_valid_warned(&cli.source())?;
            write!(out, "{}", crate::debate::timeline::text(&library.corpus, &library.map))?;
            Ok(0)
        }
        Some(Command::Export(ref args)) => {
            let library = load_valid_warned(&cli.source())?;
            export::run(args, library, &mut out)
        }
        Some(Command::Check) => {
            let library = kept(load(&cli.source())?);
            check(library, &mut out)?;
            Ok(i32::from(library.has_errors()))
        }
        Some(Command::List) => {
            let source = cli.source();
            let corpus = &load_valid_warned(&source)?.corpus;
            let folder = source.dir.clone().or_else(crate::library::own_articles);
            list(corpus, folder.as_deref(), &mut out)?;
            Ok(0)
        }
        Some(Command::Show { ref id, width }) => {
            let corpus = &load_valid_warned(&cli.source())?.corpus;
            let article = find(corpus, id)?;
            out.write_all(crate::show::plain_text(article, usize::from(width)).as_bytes())?;
            Ok(0)
        }
    }
}

pub fn find<'a>(corpus: &'a Corpus, id: &str) -> Result<&'a corpus::Article, Error> {
    corpus.get(id).ok_or_else(|| Error::unknown_article(id, corpus.ids()))
}

/// Each article's words, counted on every core: over a large library the
/// count is most of what `check` does once the articles are read.
fn word_counts(corpus: &Corpus) -> Vec<usize> {
    crate::cores::map_runs(corpus.articles(), crate::cores::available(), |_, run| {
        run.iter().map(corpus::Article::word_count).collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

fn check(loaded: &Library, out: &mut impl Write) -> std::io::Result<()> {
    for (article, words) in loaded.corpus.articles().iter().zip(word_counts(&loaded.corpus)) {
        writeln!(
            out,
            "ok  {:<22} {:>6} words  {:>3} paragraphs  {:>3} notes",
            article.meta.id,
            words,
            article.paragraph_count(),
            article.note_count()
        )?;
    }
    if !loaded.map.themes.is_empty() {
        let passages: usize = loaded.map.themes.iter().map(|t| t.passages.len()).sum();
        writeln!(
            out,
            "ok  debate map: {} themes, {passages} passages and {} relations anchored, {} events",
            loaded.map.themes.len(),
            loaded.map.relations.len(),
            loaded.map.events.len()
        )?;
    }
    let mut lint = crate::debate::lint(&loaded.corpus, &loaded.map);
    // What an imported or hand-written article leaves unknown.
    for article in loaded.corpus.articles() {
        for (what, help) in article.meta.unknowns() {
            lint.push(crate::diagnostic::Diagnostic::warning(
                &article.file,
                crate::diagnostic::Location::START,
                what,
                help,
            ));
        }
    }
    for diagnostic in loaded.diagnostics.iter().chain(&lint) {
        writeln!(out, "{diagnostic}")?;
    }
    for orphan in &loaded.map.unplaced {
        writeln!(
            out,
            "orphan: your passage on “{}” in {} is no longer found: “{}”",
            loaded.map[orphan.theme].title, loaded.corpus[orphan.article].meta.id, orphan.quote
        )?;
    }
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = loaded.diagnostics.len() + lint.len() - errors;
    writeln!(
        out,
        "{} article{} loaded, {errors} error{}, {warnings} warning{}",
        loaded.corpus.len(),
        plural(loaded.corpus.len()),
        plural(errors),
        plural(warnings)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The articles as a table; their files named from the library's `folder`.
fn list(corpus: &Corpus, folder: Option<&std::path::Path>, out: &mut impl Write) -> std::io::Result<()> {
    let unknown = |s: String| if s.is_empty() { "?".to_string() } else { s };
    let rows: Vec<[String; 6]> = corpus
        .articles()
        .iter()
        .map(|a| {
            [
                a.meta.id.to_string(),
                a.meta.published.map_or_else(|| "?".to_string(), |p| p.iso()),
                unknown(crate::sanitize::clean_line(&a.meta.outlet)),
                unknown(crate::sanitize::clean_line(&a.author_names())),
                crate::library::origin(a, folder),
                crate::sanitize::clean_line(&a.meta.title),
            ]
        })
        .collect();
    let header = ["ID", "DATE", "OUTLET", "AUTHORS", "FROM", "TITLE"].map(String::from);
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.width() + 2));
        }
        line.push_str(&row[5]);
        writeln!(out, "{line}")?;
    }
    if corpus.articles().iter().any(|a| !a.meta.unknowns().is_empty()) {
        writeln!(out, "\n? not known (parallax check says what to add)")?;
    }
    if let Some(folder) = folder
        && rows.iter().any(|row| row[4] != "bundled")
    {
        let folder = crate::sanitize::clean_line(&folder.display().to_string());
        writeln!(out, "\nFROM names the files in {folder}")?;
    }
    Ok(())
}

/// The library, every warning in it said on stderr; or its errors.
fn load_valid_warned(source: &Source) -> Result<&'static Library, Error> {
    let library = load_valid(source)?;
    warn(&library.diagnostics);
    Ok(kept(library))
}

/// A library (or what is built over it), kept until the process ends: a
/// command reads it once, and its allocations (hundreds of thousands in a
/// large library) go back with the process at exit rather than one by one,
/// which took longer than listing the articles.
fn kept<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// Says warnings on stderr, one a line.
fn warn(warnings: &[Diagnostic]) {
    for warning in warnings {
        eprintln!("{warning}");
    }
}
