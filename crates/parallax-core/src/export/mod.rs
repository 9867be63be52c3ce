//! The debate map for other tools: a table of stances, and the comparison
//! of each theme as Markdown or JSON.

use std::fmt::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::corpus::Corpus;
use crate::debate::{DebateMap, SILENT_GLYPH, Theme};
use crate::ids::{ArticleIx, ThemeIx};
use crate::search::{Hit, Kind, SearchIndex};

mod aif;
mod annotations;
mod argdown;
mod csl;
pub mod hypothesis;
pub mod plain_text;
pub mod refi_qda;
pub use aif::aif;
pub use annotations::annotations;
pub use argdown::argdown;
pub use csl::csl;

/// How the Markdown export cites the passages it quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Citations {
    /// "— Authors, “Title,” Outlet, date (id, ¶23)" under the quote.
    #[default]
    Plain,
    /// Pandoc's `[@id, para. 23]` beside the quote, for `pandoc --citeproc`
    /// with the bibliography `export --format csl` writes.
    Pandoc,
}

/// One cell of the table: the glyphs of every stance taken, the map's
/// then the reader's own (marked ✎), and the first one's name; "(yours)"
/// where only the reader placed passages.
fn cell(theme: &Theme, article: ArticleIx) -> String {
    let (map, own) = theme.stances_of(article);
    let glyphs = theme.cell_glyphs(article);
    match (map.first(), own.first()) {
        (None, None) => format!("{SILENT_GLYPH} silent"),
        (Some(first), None) => format!("{glyphs} {first}"),
        (None, Some(first)) => format!("{} {first} (yours)", own.iter().map(|s| s.glyph()).collect::<String>()),
        (Some(first), Some(yours)) => format!("{glyphs} {first}, yours {yours}"),
    }
}

/// The map as a table: a row per theme, a stance column per article.
pub fn themes_table(corpus: &Corpus, map: &DebateMap) -> String {
    let mut rows: Vec<Vec<String>> = vec![
        std::iter::once("THEME".to_string())
            .chain(corpus.ids().map(String::from))
            .collect(),
    ];
    for theme in &map.themes {
        let name = match (theme.shared, theme.mine) {
            (true, _) => format!("{} {}", theme.id, crate::debate::SHARED_MARK),
            (false, true) => format!("{} (yours)", theme.id),
            (false, false) => theme.id.to_string(),
        };
        rows.push(
            std::iter::once(name)
                .chain(corpus.indices().map(|article| cell(theme, article)))
                .collect(),
        );
    }
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(&widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.width() + 2));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&format!(
        "\n{} supports  {} opposes  {} qualifies  {} reports  {SILENT_GLYPH} silent  {} a fact the authors share  ✎ / (yours) placed by you\n",
        '+',
        'x',
        '~',
        '=',
        crate::debate::SHARED_MARK
    ));
    out
}

pub fn markdown(corpus: &Corpus, map: &DebateMap, themes: &[ThemeIx]) -> String {
    markdown_cited(corpus, map, themes, Citations::Plain)
}

/// The Markdown export, citing as `citations` says.
pub fn markdown_cited(corpus: &Corpus, map: &DebateMap, themes: &[ThemeIx], citations: Citations) -> String {
    let mut out = String::new();
    if !map.question.is_empty() {
        let _ = writeln!(out, "# {}\n", md(&map.question));
    }
    for &index in themes {
        let theme = &map[index];
        let shared = if theme.shared {
            " (a fact the authors share)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "## {}\n\n**Claim{shared}:** {}\n",
            md(&theme.title),
            md(&theme.claim)
        );
        for passage in &theme.passages {
            let article = &corpus[passage.article];
            let block = &article[passage.anchor.start_block];
            let yours = if passage.mine { " (yours)" } else { "" };
            let cited = match citations {
                Citations::Plain => format!(
                    "> {}\n>\n> — {} ({}, {})",
                    passage.text(article),
                    md(&article.citation()),
                    article.meta.id,
                    block.label()
                ),
                Citations::Pandoc => format!(
                    "> {} [@{}, {}]",
                    passage.text(article),
                    article.meta.id,
                    block.locator()
                ),
            };
            let _ = writeln!(
                out,
                "### {} ({}) — {} {}{yours}\n\n{}\n\n{cited}\n",
                md(&article.author_names()),
                article.meta.date(),
                passage.stance.glyph(),
                passage.stance,
                md(&passage.summary),
            );
        }
        if let Some(view) = &theme.view {
            let _ = writeln!(
                out,
                "### Your view — {} {}\n\n{}\n",
                view.stance.glyph(),
                view.stance,
                md(&view.note)
            );
        }
        let silent: Vec<&str> = corpus
            .indices()
            .filter(|&a| theme.passages_of(a).next().is_none())
            .map(|a| corpus[a].meta.id.as_str())
            .collect();
        if !silent.is_empty() {
            let _ = writeln!(out, "Silent on this theme: {}\n", silent.join(", "));
        }
    }
    out
}

/// Text that is not the authors' (a title, a claim, a summary, a note, a
/// name), made to render as itself in Markdown: on one line, with the
/// characters that open HTML, links, emphasis, code, entities and tables
/// escaped, and with a leading mark of a list, a quote or a heading (or a
/// setext underline) escaped. The authors' quotes are written as they are.
fn md(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(line.len());
    for (i, c) in line.char_indices() {
        let opens_block = i == 0 && matches!(c, '-' | '+' | '=' | '>');
        let ends_ordered_item =
            matches!(c, '.' | ')') && !line[..i].is_empty() && line[..i].bytes().all(|b| b.is_ascii_digit());
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '!' | '~'
        ) || opens_block
            || ends_ordered_item
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Serialize)]
struct JsonExport<'a> {
    question: &'a str,
    articles: Vec<JsonArticle<'a>>,
    themes: Vec<JsonTheme<'a>>,
    relations: Vec<JsonRelation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    events: Vec<JsonEvent<'a>>,
}

#[derive(Serialize)]
struct JsonRelation<'a> {
    kind: &'a str,
    summary: &'a str,
    from: JsonEnd<'a>,
    to: JsonEnd<'a>,
}

#[derive(Serialize)]
struct JsonEnd<'a> {
    article: &'a str,
    quote: String,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    date: String,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: &'a str,
    title: &'a str,
    authors: Vec<&'a str>,
    outlet: &'a str,
    published: String,
    published_precision: &'a str,
}

#[derive(Serialize)]
struct JsonTheme<'a> {
    id: &'a str,
    title: &'a str,
    claim: &'a str,
    /// A fact the authors share rather than a point they dispute.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    shared: bool,
    passages: Vec<JsonPassage<'a>>,
    /// The reader's own stance on the claim, if recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<JsonView<'a>>,
}

#[derive(Serialize)]
struct JsonView<'a> {
    stance: &'a str,
    note: &'a str,
}

#[derive(Serialize)]
struct JsonPassage<'a> {
    article: &'a str,
    stance: &'a str,
    quote: String,
    summary: &'a str,
    block: &'a str,
    /// The article's date, so a 2022 passage is not read as a 2024 answer.
    published: String,
    citation: String,
    /// Placed by the reader, in their own map.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    mine: bool,
}

pub fn json<'a>(corpus: &'a Corpus, map: &'a DebateMap, themes: &[ThemeIx]) -> String {
    let export = JsonExport {
        question: &map.question,
        articles: corpus
            .articles()
            .iter()
            .map(|a| JsonArticle {
                id: &a.meta.id,
                title: &a.meta.title,
                authors: a.meta.authors.iter().map(|x| x.name.as_str()).collect(),
                outlet: &a.meta.outlet,
                published: a.meta.iso_date(),
                published_precision: a.meta.published.map_or("unknown", |p| p.precision()),
            })
            .collect(),
        themes: themes
            .iter()
            .map(|&i| {
                let theme = &map[i];
                JsonTheme {
                    id: &theme.id,
                    title: &theme.title,
                    claim: &theme.claim,
                    shared: theme.shared,
                    view: theme.view.as_ref().map(|v| JsonView {
                        stance: v.stance.name(),
                        note: &v.note,
                    }),
                    passages: theme
                        .passages
                        .iter()
                        .map(|p| {
                            let article = &corpus[p.article];
                            JsonPassage {
                                article: &article.meta.id,
                                stance: p.stance.name(),
                                quote: p.text(article),
                                summary: &p.summary,
                                block: &article[p.anchor.start_block].id,
                                published: article.meta.iso_date(),
                                mine: p.mine,
                                citation: article.citation(),
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
        relations: map
            .relations
            .iter()
            .map(|r| {
                let end = |e: &'a crate::debate::End| JsonEnd {
                    article: &corpus[e.article].meta.id,
                    quote: e.anchor.text(&corpus[e.article]),
                };
                JsonRelation {
                    kind: r.kind.name(),
                    summary: &r.summary,
                    from: end(&r.from),
                    to: end(&r.to),
                }
            })
            .collect(),
        events: map
            .events
            .iter()
            .map(|e| JsonEvent {
                date: e.date.iso(),
                title: &e.title,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&export).expect("the export is plain data");
    text.push('\n');
    text
}

#[derive(Serialize)]
struct JsonHit<'a> {
    kind: &'a str,
    article: Option<&'a str>,
    score: i64,
    text: &'a str,
    /// Passages: the block and the byte range of the sentence in its text.
    block: Option<&'a str>,
    start: Option<u32>,
    end: Option<u32>,
    /// Themes: the theme's id.
    theme: Option<&'a str>,
}

fn json_hit<'a>(index: &'a SearchIndex, hit: &Hit) -> JsonHit<'a> {
    let c = index.candidate(hit.candidate);
    let passage = c.kind == Kind::Passage;
    JsonHit {
        kind: c.kind.name(),
        article: c.article.map(|a| index.article_id(a)),
        score: hit.score,
        text: index.text(hit.candidate),
        block: c.article.filter(|_| passage).map(|a| index.block_id(a, c.block)),
        start: passage.then_some(c.start),
        end: passage.then_some(c.end),
        theme: (c.kind == Kind::Theme).then(|| index.theme_id(c.theme)),
    }
}

/// Search results as JSON, best first.
pub fn search_json(index: &SearchIndex, hits: &[Hit]) -> String {
    let hits: Vec<JsonHit> = hits.iter().map(|h| json_hit(index, h)).collect();
    let mut text = serde_json::to_string_pretty(&hits).expect("search results are plain data");
    text.push('\n');
    text
}

/// Search results as lines: kind, where, score, text.
pub fn search_text(index: &SearchIndex, hits: &[Hit]) -> String {
    let mut out = String::new();
    for hit in hits {
        let h = json_hit(index, hit);
        let place = match (h.theme, h.article, h.block) {
            (Some(theme), _, _) => format!("#{theme}"),
            (None, Some(article), Some(block)) => format!("{article}:{block}"),
            (None, Some(article), None) => article.to_string(),
            _ => String::new(),
        };
        // Cleaned again: an index read from the cache is words from a file.
        let (place, text) = (crate::sanitize::clean_line(&place), crate::sanitize::clean(h.text));
        let _ = writeln!(out, "{:<8} {:<26} {:>5}  {}", h.kind, place, h.score, text);
    }
    if hits.is_empty() {
        out.push_str("no results\n");
    }
    out
}
