//! `parallax export`: the comparison in the formats other tools read.

use std::io::Write;
use std::path::PathBuf;

use crate::error::Error;
use crate::library::Library;

pub const EXAMPLES: &str = "Examples:
  parallax export --format md > debate.md
  parallax export --format json --theme wedge | jq .
  parallax export --format argdown > debate.argdown
  parallax export --format annotations > mine.jsonld
  parallax export --format annotations --all > map.jsonld
  parallax export --format csl > refs.json
  parallax export --format md --citations pandoc > debate.md
  parallax export --format qdpx debate.qdpx
  parallax export --format qdc > themes.qdc
  parallax export --format aif > debate.json
  parallax export --format hypothesis > for-hypothesis.json";

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// md (Markdown), json, argdown, annotations (W3C Web Annotation JSON-LD),
    /// csl (CSL-JSON), qdpx (a REFI-QDA project), qdc (a REFI-QDA codebook)
    /// or aif (xAIF JSON)
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    format: ExportFormat,
    /// Only this theme
    #[arg(long, value_name = "ID")]
    theme: Option<String>,
    /// With --format annotations or hypothesis: the bundled map's passages
    /// too, not only yours
    #[arg(long)]
    all: bool,
    /// With --format md: cite as `plain` text under each quote, or as
    /// `pandoc` citations ([@id, para. 23]) for `pandoc --citeproc
    /// --bibliography` with what `--format csl` writes
    #[arg(long, value_enum, default_value_t = CitationStyle::Plain)]
    citations: CitationStyle,
    /// With --format qdpx: how the articles' lines end, `lf` as REFI-QDA
    /// has it, or `crlf` for desktop tools that count a line ending as two
    /// characters when they place a coded selection
    #[arg(long, value_enum, default_value_t = LineEndings::Lf)]
    line_endings: LineEndings,
    /// Write to this file instead of standard output (needed for qdpx)
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LineEndings {
    Lf,
    Crlf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
    /// W3C Web Annotations (JSON-LD) of your own passages (with --all, every passage)
    Annotations,
    /// Argdown: claims as statements, passages as arguments, relations between them
    Argdown,
    /// CSL-JSON: the articles as a bibliography (Pandoc, Zotero, reference managers)
    Csl,
    /// REFI-QDA project: articles, codes, coded passages, notes and links
    /// for MAXQDA, NVivo, ATLAS.ti, QualCoder
    Qdpx,
    /// REFI-QDA codebook: the themes and their stances as codes
    Qdc,
    /// AIF (xAIF JSON): locutions, propositions, inferences and conflicts
    /// for the argument-mining and argument-mapping tools
    Aif,
    /// Hypothesis export: your passages (with --all, every one) as
    /// annotations of their articles' pages, for Hypothesis's import
    Hypothesis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CitationStyle {
    Plain,
    Pandoc,
}

pub fn run(args: &ExportArgs, library: &Library, out: &mut impl Write) -> Result<i32, Error> {
    let themes = match &args.theme {
        Some(id) => vec![crate::boot::find_theme(&library.map, id)?],
        None => library.map.theme_indices().collect(),
    };
    // The map narrowed to the themes asked for.
    let narrowed = || {
        let mut map = library.map.clone();
        map.themes = themes.iter().map(|&t| library.map[t].clone()).collect();
        map
    };
    let bytes = match args.format {
        ExportFormat::Md => {
            let citations = match args.citations {
                CitationStyle::Plain => crate::export::Citations::Plain,
                CitationStyle::Pandoc => crate::export::Citations::Pandoc,
            };
            crate::export::markdown_cited(&library.corpus, &library.map, &themes, citations).into_bytes()
        }
        ExportFormat::Csl => crate::export::csl(&library.corpus).into_bytes(),
        ExportFormat::Json => crate::export::json(&library.corpus, &library.map, &themes).into_bytes(),
        ExportFormat::Argdown => crate::export::argdown(&library.corpus, &narrowed()).into_bytes(),
        ExportFormat::Annotations => crate::export::annotations(&library.corpus, &narrowed(), args.all).into_bytes(),
        ExportFormat::Qdc => crate::export::refi_qda::qdc(&narrowed()).into_bytes(),
        ExportFormat::Aif => crate::export::aif(&library.corpus, &narrowed()).into_bytes(),
        ExportFormat::Hypothesis => {
            let export = crate::export::hypothesis::hypothesis(
                &library.corpus,
                &narrowed(),
                args.all,
                &crate::export::hypothesis::now(),
            );
            for left_out in &export.left_out {
                eprintln!("parallax: left out: {left_out}");
            }
            export.json.into_bytes()
        }
        ExportFormat::Qdpx => {
            if args.file.is_none() {
                return Err(Error::ArchiveNeedsFile { format: "qdpx".into() });
            }
            let ending = match args.line_endings {
                LineEndings::Lf => crate::export::refi_qda::LineEnding::Lf,
                LineEndings::Crlf => crate::export::refi_qda::LineEnding::CrLf,
            };
            crate::export::refi_qda::qdpx(&library.corpus, &narrowed(), ending)?
        }
    };
    match &args.file {
        Some(path) => crate::atomic::write(path, &bytes).map_err(|source| Error::WriteFile {
            path: path.display().to_string(),
            source,
        })?,
        None => out.write_all(&bytes)?,
    }
    Ok(0)
}
