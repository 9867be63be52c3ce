//! `parallax import-annotations`: annotations made in Hypothesis (or any
//! W3C Web Annotations) become the reader's own passages, on the themes
//! their tags name, anchored like any passage.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::debate::Stance;
use crate::error::Error;
use crate::import::annotations::{Incoming, article_for, read, theme_id_for};
use crate::library::{Source, load_valid};
use crate::own_map::change::{Change, Op};
use crate::own_map::{OwnPassage, OwnTheme, store::Store};

pub const EXAMPLES: &str = "Examples:
  parallax import-annotations hypothesis-export.json
  parallax import-annotations hypothesis-export.json --new-themes
  parallax import-annotations mine.jsonld

The page an annotation is on must be an article here: its url in the front
matter (parallax import fills it from a saved page), or its urn in W3C
annotations that parallax wrote. A tag that names a theme (its id) places
the passage on it; a tag supports, opposes, qualifies or reports is its
stance (reports when none is); --new-themes makes the other tags themes.";

#[derive(Debug, clap::Args)]
pub struct ImportAnnotationsArgs {
    /// A Hypothesis export (JSON) or W3C Web Annotations (JSON-LD)
    file: PathBuf,
    /// Make a theme of each tag that names none (else such annotations are
    /// listed and left out)
    #[arg(long)]
    new_themes: bool,
}

pub fn run(args: &ImportAnnotationsArgs, source: &Source, out: &mut impl Write) -> Result<i32, Error> {
    let bytes = crate::files::read_regular(&args.file, crate::files::LIMIT).map_err(|source| Error::ReadFile {
        path: args.file.display().to_string(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let found = read(&text).map_err(|why| Error::NotAnnotations {
        path: args.file.display().to_string(),
        why,
    })?;
    let library = load_valid(source)?;
    let path = library.own_map.clone().ok_or(Error::NoOwnMap)?;
    let (mut store, notice) = Store::open(Some(&path));
    if let Some(notice) = notice {
        writeln!(out, "{notice}")?;
    }
    let mut plan = Plan::default();
    for (n, annotation) in found.annotations.iter().enumerate() {
        plan.place(&library, &store, n + 1, annotation, args.new_themes);
    }
    let placed: Vec<OwnPassage> = plan.passages.clone();
    if !plan.passages.is_empty() {
        let ops = plan
            .themes
            .iter()
            .cloned()
            .map(Op::AddTheme)
            .chain(plan.passages.iter().cloned().map(Op::AddPassage))
            .collect();
        let outcome = store.change(Change {
            ops,
            said: format!("{} annotations imported", plan.passages.len()),
        });
        if let Some(why) = outcome.failed {
            return Err(Error::WriteFile {
                path: path.display().to_string(),
                source: std::io::Error::other(why),
            });
        }
    }
    report(out, &path, &plan, &placed, source, &found.skipped)?;
    Ok(0)
}

/// What the import will add, and what it leaves out and why.
#[derive(Default)]
struct Plan {
    themes: Vec<OwnTheme>,
    passages: Vec<OwnPassage>,
    skipped: Vec<String>,
    already: usize,
    without_stance: usize,
}

impl Plan {
    fn place(
        &mut self,
        library: &crate::library::Library,
        store: &Store,
        n: usize,
        annotation: &Incoming,
        new_themes: bool,
    ) {
        let articles = library
            .corpus
            .articles()
            .iter()
            .map(|a| (&a.meta.id, a.meta.url.as_deref()));
        let Some(article) = article_for(&annotation.uri, articles) else {
            self.skipped.push(format!(
                "annotation {n}: no article here is the page {} (import the page first: parallax import FILE)",
                annotation.uri
            ));
            return;
        };
        let stance = annotation.tags.iter().find_map(|t| {
            Stance::ALL
                .into_iter()
                .find(|s| s.name().eq_ignore_ascii_case(t.trim()))
        });
        if stance.is_none() {
            self.without_stance += 1;
        }
        let mut themes = Vec::new();
        let mut unknown = Vec::new();
        for tag in annotation
            .tags
            .iter()
            .filter(|t| !Stance::ALL.iter().any(|s| s.name().eq_ignore_ascii_case(t.trim())))
        {
            match library.map.theme_index(tag.trim()) {
                Some(t) => themes.push(library.map[t].id.to_string()),
                None if new_themes => {
                    let id = theme_id_for(tag).to_string();
                    if id.is_empty() {
                        continue;
                    }
                    if !self.themes.iter().any(|t| t.id == id) && !store.map().themes.iter().any(|t| t.id == id) {
                        self.themes.push(OwnTheme {
                            id: id.clone(),
                            title: tag.trim().to_string(),
                            claim: String::new(),
                        });
                    }
                    themes.push(id);
                }
                None => unknown.push(tag.trim().to_string()),
            }
        }
        if themes.is_empty() {
            self.skipped.push(if unknown.is_empty() {
                format!("annotation {n}: it has no tag that names a theme")
            } else {
                format!(
                    "annotation {n}: its tags name no theme here ({}); --new-themes makes them themes",
                    unknown.join(", ")
                )
            });
            return;
        }
        for theme in themes {
            let same =
                |p: &OwnPassage| p.theme == theme && p.article == article.as_str() && p.quote == annotation.exact;
            if store.map().passages.iter().any(same) || self.passages.iter().any(same) {
                self.already += 1;
                continue;
            }
            let mut passage = OwnPassage {
                id: String::new(),
                theme,
                article: article.to_string(),
                quote: annotation.exact.clone(),
                prefix: annotation.prefix.clone(),
                suffix: annotation.suffix.clone(),
                stance: stance.unwrap_or(Stance::Reports),
                summary: annotation.text.clone(),
            };
            passage.id = store.map().new_id();
            while self.passages.iter().any(|p| p.id == passage.id) {
                passage.id = store.map().new_id();
            }
            self.passages.push(passage);
        }
    }
}

fn report(
    out: &mut impl Write,
    path: &Path,
    plan: &Plan,
    placed: &[OwnPassage],
    source: &Source,
    unreadable: &[String],
) -> Result<(), Error> {
    let themes = if plan.themes.is_empty() {
        String::new()
    } else {
        let ids: Vec<&str> = plan.themes.iter().map(|t| t.id.as_str()).collect();
        format!(
            " ({} new theme{}: {})",
            ids.len(),
            if ids.len() == 1 { "" } else { "s" },
            ids.join(", ")
        )
    };
    writeln!(
        out,
        "imported {} passage{} into {}{themes}",
        placed.len(),
        if placed.len() == 1 { "" } else { "s" },
        path.display()
    )?;
    if plan.without_stance > 0 {
        writeln!(out, "{} without a stance tag, placed as reports", plan.without_stance)?;
    }
    if plan.already > 0 {
        writeln!(out, "{} already in your map, left as they are", plan.already)?;
    }
    // Anchored as any passage: those whose words are not in their article are kept, unplaced.
    if !placed.is_empty() {
        let map = load_valid(source)?.map;
        for unplaced in &map.unplaced {
            if let Some(p) = placed
                .iter()
                .find(|p| p.quote == unplaced.quote && map[unplaced.theme].id == p.theme.as_str())
            {
                writeln!(
                    out,
                    "not anchored in {}, kept as unplaced (parallax check says why): {} “{}”",
                    p.article, p.theme, p.quote
                )?;
            }
        }
    }
    for skipped in unreadable.iter().chain(&plan.skipped) {
        writeln!(out, "skipped: {skipped}")?;
    }
    Ok(())
}
