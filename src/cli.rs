//! The command line: what each subcommand does, and its help.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use unicode_width::UnicodeWidthStr;

use crate::corpus::{self, Corpus, Loaded};
use crate::diagnostic::Diagnostic;
use crate::error::Error;

const EXAMPLES: &str = "\
Examples:
  parallax                                  open the reader on the bundled articles
  parallax --open yun-sun-2022,gurtov-2024  open these two side by side
  parallax check --articles ~/my-articles   validate a folder of your own articles
  parallax show gabuev-2024 --width 72      print one article as plain text
  parallax keys                             print the key bindings
  parallax snapshot --width 120 --height 40 print the first screen as text";

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

/// Runs the command line; returns the process exit status.
pub fn run(cli: Cli) -> Result<i32, Error> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        None => {
            drop(out);
            let corpus = load_valid(cli.articles.as_ref())?;
            let open = crate::reader::resolve_open(&corpus, &cli.open)?;
            let (keymap, message) = crate::reader::load_keymap(cli.keymap.as_deref());
            let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
            let mut app =
                crate::reader::new_app(corpus, keymap, &open, ratatui::layout::Rect::new(0, 0, width, height));
            app.overlay = message;
            crate::tui::run(&mut app)?;
            Ok(0)
        }
        Some(Command::Keys { check: Some(file) }) => {
            let text = std::fs::read(&file).map_err(|source| Error::ReadFile {
                path: file.display().to_string(),
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
            let (keymap, message) = crate::reader::load_keymap(cli.keymap.as_deref());
            if let Some(crate::app::Overlay::Message { lines, .. }) = message {
                for line in lines {
                    eprintln!("{line}");
                }
            }
            write!(out, "{}", keymap.describe())?;
            Ok(0)
        }
        Some(Command::Snapshot { width, height }) => {
            let corpus = load_valid(cli.articles.as_ref())?;
            let open = crate::reader::resolve_open(&corpus, &cli.open)?;
            let (keymap, message) = crate::reader::load_keymap(cli.keymap.as_deref());
            let mut app =
                crate::reader::new_app(corpus, keymap, &open, ratatui::layout::Rect::new(0, 0, width, height));
            app.overlay = message;
            write!(out, "{}", crate::reader::snapshot(&app))?;
            Ok(0)
        }
        Some(Command::Check) => {
            let loaded = load(cli.articles.as_ref())?;
            check(&loaded, &mut out)?;
            Ok(i32::from(loaded.has_errors()))
        }
        Some(Command::List) => {
            let corpus = load_valid(cli.articles.as_ref())?;
            list(&corpus, &mut out)?;
            Ok(0)
        }
        Some(Command::Show { id, width }) => {
            let corpus = load_valid(cli.articles.as_ref())?;
            let article = find(&corpus, &id)?;
            out.write_all(crate::show::plain_text(article, usize::from(width)).as_bytes())?;
            Ok(0)
        }
    }
}

/// Loads the bundled articles, or those of `dir`.
pub fn load(dir: Option<&PathBuf>) -> Result<Loaded, Error> {
    match dir {
        None => Ok(corpus::load(&corpus::bundled_sources())),
        Some(dir) => {
            let mut files = corpus::read_folder(dir)?;
            let mut loaded = corpus::load(&files.articles);
            files.diagnostics.append(&mut loaded.diagnostics);
            loaded.diagnostics = files.diagnostics;
            Ok(loaded)
        }
    }
}

/// Loads, and fails with every error found if any file has one.
pub fn load_valid(dir: Option<&PathBuf>) -> Result<Corpus, Error> {
    let loaded = load(dir)?;
    if loaded.has_errors() {
        return Err(Error::Invalid(
            loaded.diagnostics.into_iter().filter(Diagnostic::is_error).collect(),
        ));
    }
    for warning in &loaded.diagnostics {
        eprintln!("{warning}");
    }
    Ok(loaded.corpus)
}

pub fn find<'a>(corpus: &'a Corpus, id: &str) -> Result<&'a corpus::Article, Error> {
    corpus.get(id).ok_or_else(|| Error::UnknownArticle {
        id: crate::sanitize::clean_line(id),
        known: corpus.ids().collect::<Vec<_>>().join(", "),
    })
}

fn check(loaded: &Loaded, out: &mut impl Write) -> std::io::Result<()> {
    for article in &loaded.corpus.articles {
        writeln!(
            out,
            "ok  {:<22} {:>6} words  {:>3} paragraphs  {:>3} notes",
            article.meta.id,
            article.word_count(),
            article.paragraph_count(),
            article.note_count()
        )?;
    }
    for diagnostic in &loaded.diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = loaded.diagnostics.len() - errors;
    writeln!(
        out,
        "{} article{} loaded, {errors} error{}, {warnings} warning{}",
        loaded.corpus.articles.len(),
        plural(loaded.corpus.articles.len()),
        plural(errors),
        plural(warnings)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn list(corpus: &Corpus, out: &mut impl Write) -> std::io::Result<()> {
    let rows: Vec<[String; 5]> = corpus
        .articles
        .iter()
        .map(|a| {
            [
                a.meta.id.clone(),
                a.meta.published.iso(),
                crate::sanitize::clean_line(&a.meta.outlet),
                crate::sanitize::clean_line(&a.author_names()),
                crate::sanitize::clean_line(&a.meta.title),
            ]
        })
        .collect();
    let header = ["ID", "DATE", "OUTLET", "AUTHORS", "TITLE"].map(String::from);
    let mut widths = [0usize; 4];
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
        line.push_str(&row[4]);
        writeln!(out, "{line}")?;
    }
    Ok(())
}
