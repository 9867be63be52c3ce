//! `parallax import`: files, folders of them, and pages at an address
//! become articles; one that cannot never stops the others.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use crate::error::Error;
use crate::import::{ImportError, Imported, Options, fetch, files_below, import_file, import_url};

pub const EXAMPLES: &str = "Examples:
  parallax import ~/Downloads/article.html
  parallax import ~/Downloads/report.pdf
  parallax import https://www.example.org/2024/05/an-essay
  parallax import notes.txt --id smith-2024
  parallax import ~/Downloads/reports --into ~/my-articles

By default the articles go to $XDG_DATA_HOME/parallax/articles/ (~/.local/share/parallax/articles/),
which the reader reads beside the bundled articles. A folder is read whole, every PDF, saved page,
text and Markdown file below it. A PDF must have text in it: run OCR on a scan first. An article
already imported from the same file or address, with the same title, is left as it is; an existing
file is never replaced without --force.
Exit status: 0 when nothing was refused, 1 otherwise.";

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Files, folders (every file below) or web addresses (http:// or https://)
    #[arg(required = true)]
    what: Vec<String>,
    /// The folder to write the articles to (default: your own articles folder)
    #[arg(long, value_name = "DIR")]
    into: Option<PathBuf>,
    /// The id of the article (one file only)
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// Replace an article of the same id
    #[arg(long)]
    force: bool,
    /// Seconds to wait for a page at an address
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    timeout: u64,
}

/// One thing to import.
enum Item {
    File(PathBuf),
    Page(String),
}

pub fn run(args: &ImportArgs, max_file_mb: u64, out: &mut impl Write) -> Result<i32, Error> {
    let mut items = Vec::new();
    for what in &args.what {
        let path = PathBuf::from(what);
        if fetch::is_url(what) {
            items.push(Item::Page(what.clone()));
        } else if path.is_dir() {
            let below = files_below(&path).map_err(|source| Error::ReadFolder {
                path: path.display().to_string(),
                source,
            })?;
            items.extend(below.into_iter().map(Item::File));
        } else {
            items.push(Item::File(path));
        }
    }
    if args.id.is_some() && items.len() > 1 {
        writeln!(out, "--id names one article: import one file with it")?;
        return Ok(2);
    }
    let Some(folder) = args.into.clone().or_else(crate::import::default_folder) else {
        writeln!(
            out,
            "no folder to import into: give one with --into DIR (HOME is not set)"
        )?;
        return Ok(2);
    };
    let mut options = Options::new(folder, max_file_mb.saturating_mul(1024 * 1024));
    // Many articles are put in place together, with one flush for all.
    if items.len() > 1 {
        options = options.in_batch();
    }
    options.id = args.id.clone();
    options.force = args.force;
    // Into the reader's own folder, the bundled articles' ids are taken too.
    if args.into.is_none() {
        options.taken = crate::corpus::load(&crate::corpus::bundled_sources())
            .corpus
            .ids()
            .map(String::from)
            .collect();
    }
    let timeout = Duration::from_secs(args.timeout.max(1));
    // A bar on a terminal when there is more than one thing to import.
    let bar = (items.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(items.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut tally = Tally::default();
    for item in &items {
        let (shown, result) = match item {
            Item::File(path) => (path.display().to_string(), import_file(path, &options)),
            Item::Page(url) => (url.clone(), import_url(url, &options, timeout)),
        };
        if let Some(bar) = &bar {
            bar.set_message(crate::sanitize::clean_line(&shown));
        }
        let line = tally.add(result);
        match &bar {
            Some(bar) => bar.suspend(|| writeln!(out, "{line}"))?,
            None => writeln!(out, "{line}")?,
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Err(e) = options.commit() {
        writeln!(
            out,
            "the imported articles could not all be put in place in {}: {e}; import again (those in place are left as they are)",
            crate::sanitize::clean_line(&options.into.display().to_string())
        )?;
        return Ok(1);
    }
    if items.len() > 1 {
        writeln!(
            out,
            "{} imported, {} already there, {} refused",
            tally.imported, tally.already, tally.refused
        )?;
    }
    Ok(i32::from(tally.refused > 0))
}

#[derive(Default)]
struct Tally {
    imported: usize,
    already: usize,
    refused: usize,
}

impl Tally {
    /// Counts one outcome; returns what to say of it.
    fn add(&mut self, result: Result<Imported, ImportError>) -> String {
        let said = match result {
            Ok(imported) => {
                self.imported += 1;
                let mut said = format!("imported {} -> {}", imported.id, imported.path.display());
                for note in &imported.notes {
                    said.push_str(&format!("\n  {note}"));
                }
                said
            }
            Err(e @ ImportError::AlreadyThere { .. }) => {
                self.already += 1;
                format!("skipped: {e}")
            }
            Err(e) => {
                self.refused += 1;
                format!("error: {e}")
            }
        };
        crate::sanitize::clean(&said)
    }
}
