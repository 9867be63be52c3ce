//! `parallax suggest`: where an article likely speaks to the themes it is
//! silent on, for mapping a new article without reading it end to end for
//! every theme.

use std::io::Write;

use serde::Serialize;

use crate::error::Error;
use crate::library::Library;
use crate::suggest::{Rarity, Suggester, Weights};

pub const EXAMPLES: &str = "Examples:
  parallax suggest okafor-2024
  parallax suggest okafor-2024 --theme wedge --limit 10
  parallax suggest okafor-2024 --json

For each theme the article has no passage on (or the one --theme names), its
sentences ranked by how much they sound like the theme: its title, its claim,
and the passages other articles have on it.";

#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// The article
    id: String,
    /// Only this theme (suggested even if the article has passages on it)
    #[arg(long, value_name = "ID")]
    theme: Option<String>,
    /// Suggestions per theme
    #[arg(long, default_value_t = 5)]
    limit: usize,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct JsonSuggestion<'a> {
    theme: &'a str,
    block: &'a str,
    start: usize,
    end: usize,
    score: f64,
    text: &'a str,
}

pub fn run(args: &SuggestArgs, library: &Library, out: &mut impl Write) -> Result<i32, Error> {
    let article = super::find(&library.corpus, &args.id)?;
    let at = library.corpus.index_of(&article.meta.id).expect("found by its id");
    let themes = match &args.theme {
        Some(id) => vec![crate::boot::find_theme(&library.map, id)?],
        None => library
            .map
            .enumerate_themes()
            .filter(|(_, t)| t.passages_of(at).next().is_none())
            .map(|(i, _)| i)
            .collect(),
    };
    let rarity = Rarity::of(&library.corpus);
    let suggester = Suggester::new(&library.corpus, &rarity, at);
    // What the reader turned down in the review is not suggested again.
    let rejected = library
        .own_map
        .as_deref()
        .and_then(|path| crate::own_map::peek(path).ok().flatten())
        .map(|own| own.rejected)
        .unwrap_or_default();
    let mut json = Vec::new();
    if !args.json {
        writeln!(
            out,
            "{}: where it likely speaks to {} theme{}\n",
            article.meta.id,
            themes.len(),
            if themes.len() == 1 { "" } else { "s" }
        )?;
    }
    for t in themes {
        let theme = &library.map[t];
        let ranked = suggester.rank(theme, Weights::DEFAULT, args.limit, &rejected);
        if !args.json {
            writeln!(out, "{} — {}", theme.id, crate::sanitize::clean_line(&theme.title))?;
            if ranked.is_empty() {
                writeln!(out, "  nothing in it sounds like this theme")?;
            }
        }
        for (n, suggestion) in ranked.iter().enumerate() {
            let block = &article[suggestion.anchor.start_block];
            let text = &block.text[suggestion.anchor.start..suggestion.anchor.end];
            if args.json {
                json.push(JsonSuggestion {
                    theme: &theme.id,
                    block: &block.id,
                    start: suggestion.anchor.start,
                    end: suggestion.anchor.end,
                    score: (suggestion.score * 100.0).round() / 100.0,
                    text,
                });
            } else {
                writeln!(
                    out,
                    "  {}. {} ({:.1}) “{}”",
                    n + 1,
                    block.label(),
                    suggestion.score,
                    crate::sanitize::clean_line(text)
                )?;
            }
        }
        if !args.json {
            writeln!(out)?;
        }
    }
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&json).expect("plain data"))?;
    }
    Ok(0)
}
