//! REFI-QDA (QDA-XML 1.0): the map as a project of qualitative analysis for
//! MAXQDA, NVivo, ATLAS.ti or QualCoder (`.qdpx`, a zip of `project.qde` and
//! each article's plain text under `sources/`), or as its codebook alone
//! (`.qdc`).
//!
//! Articles are text sources (their outlet, date and form as variables,
//! their authors as cases); themes are codes with the claim as description,
//! each with a child code per stance; every passage is a coded selection
//! with its summary; the reader's views are notes; relations are links
//! between selections; the articles silent on a theme are a set. Positions
//! count code points over exactly the text written under `sources/`, and
//! every GUID is a UUID v5 of a stable name, so that a re-export diffs
//! cleanly.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;

use quick_xml::escape::escape;

pub use super::plain_text::LineEnding;
use super::plain_text::PlainText;
use crate::corpus::{Article, Corpus};
use crate::debate::{DebateMap, End, PassageAt, Stance};

const STANCES: [(Stance, &str, &str); 4] = [
    (Stance::Supports, "#2E7D32", "The passage supports the theme's claim."),
    (Stance::Opposes, "#C62828", "The passage opposes the theme's claim."),
    (
        Stance::Qualifies,
        "#F9A825",
        "The passage agrees with the claim in part, or with conditions.",
    ),
    (
        Stance::Reports,
        "#1565C0",
        "The passage reports a fact without taking a side.",
    ),
];

/// A GUID from a stable name, as REFI-QDA writes them.
fn guid(name: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, format!("parallax:{name}").as_bytes())
        .hyphenated()
        .to_string()
        .to_uppercase()
}

fn theme_code(theme: &str) -> String {
    guid(&format!("code/{theme}"))
}

fn stance_code(theme: &str, stance: Stance) -> String {
    guid(&format!("code/{theme}/{stance}"))
}

/// `project.qde` and the sources' texts, zipped.
pub fn qdpx(corpus: &Corpus, map: &DebateMap, ending: LineEnding) -> std::io::Result<Vec<u8>> {
    let texts: Vec<PlainText> = corpus.articles().iter().map(|a| PlainText::of(a, ending)).collect();
    let project = project(corpus, map, &texts);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("project.qde", options)?;
    zip.write_all(project.as_bytes())?;
    for (article, text) in corpus.articles().iter().zip(&texts) {
        zip.start_file(format!("sources/{}.txt", source_guid(&article.meta.id)), options)?;
        zip.write_all(text.text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn source_guid(article: &str) -> String {
    guid(&format!("source/{article}"))
}

/// The codebook alone (`.qdc`): the themes and their stances.
pub fn qdc(map: &DebateMap) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        out,
        "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"parallax {}\">",
        env!("CARGO_PKG_VERSION")
    );
    codes(&mut out, map);
    out.push_str("</CodeBook>\n");
    out
}

fn codes(out: &mut String, map: &DebateMap) {
    out.push_str("<Codes>\n");
    for theme in &map.themes {
        let shared = if theme.shared {
            " (a fact the authors share)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<Code guid=\"{}\" name=\"{}\" isCodable=\"false\"><Description>{}{shared}</Description>",
            theme_code(&theme.id),
            escape(&theme.title),
            escape(&theme.claim)
        );
        if theme.view.is_some() {
            let _ = writeln!(out, "<NoteRef targetGUID=\"{}\"/>", view_note(&theme.id));
        }
        for (stance, color, description) in STANCES {
            let _ = writeln!(
                out,
                "<Code guid=\"{}\" name=\"{stance}\" isCodable=\"true\" color=\"{color}\"><Description>{description}</Description></Code>",
                stance_code(&theme.id, stance)
            );
        }
        out.push_str("</Code>\n");
    }
    out.push_str("</Codes>\n");
}

fn view_note(theme: &str) -> String {
    guid(&format!("note/view/{theme}"))
}

/// A coded selection: a passage on a theme.
struct Selection<'a> {
    guid: String,
    theme: &'a str,
    stance: Option<Stance>,
    span: (usize, usize),
    description: String,
}

fn project(corpus: &Corpus, map: &DebateMap, texts: &[PlainText]) -> String {
    let user = guid("user/parallax");
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        out,
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"{}\" origin=\"parallax {}\" creatingUserGUID=\"{user}\">",
        escape(format!("parallax: {}", map.question)),
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "<Users><User guid=\"{user}\" name=\"parallax\"/></Users>");
    out.push_str("<CodeBook>\n");
    codes(&mut out, map);
    out.push_str("</CodeBook>\n");
    out.push_str("<Variables>\n");
    for variable in VARIABLES {
        let _ = writeln!(
            out,
            "<Variable guid=\"{}\" name=\"{variable}\" typeOfVariable=\"Text\"/>",
            guid(&format!("variable/{variable}"))
        );
    }
    out.push_str("</Variables>\n");
    cases(&mut out, corpus);
    let (selections, links) = selections_and_links(corpus, map, texts);
    out.push_str("<Sources>\n");
    for (a, article) in corpus.enumerate() {
        source(&mut out, article, &selections[a.get()], &user);
    }
    out.push_str("</Sources>\n");
    let views: Vec<_> = map.themes.iter().filter_map(|t| Some((t, t.view.as_ref()?))).collect();
    if !views.is_empty() {
        out.push_str("<Notes>\n");
        for (theme, view) in views {
            let _ = writeln!(
                out,
                "<Note guid=\"{}\" name=\"{}\" creatingUser=\"{user}\"><PlainTextContent>{}</PlainTextContent></Note>",
                view_note(&theme.id),
                escape(format!("Your view: {}", theme.title)),
                escape(format!("{} {}: {}", view.stance.glyph(), view.stance, view.note))
            );
        }
        out.push_str("</Notes>\n");
    }
    if !links.is_empty() {
        out.push_str("<Links>\n");
        out.push_str(&links.concat());
        out.push_str("</Links>\n");
    }
    silent_sets(&mut out, corpus, map);
    let _ = writeln!(out, "<Description>{}</Description>", escape(not_held(map)));
    out.push_str("</Project>\n");
    out
}

const VARIABLES: [&str; 3] = ["outlet", "published", "form"];

fn cases(out: &mut String, corpus: &Corpus) {
    let mut authors: Vec<&str> = corpus
        .articles()
        .iter()
        .flat_map(|a| a.meta.authors.iter().map(|p| p.name.as_str()))
        .collect();
    authors.sort_unstable();
    authors.dedup();
    if authors.is_empty() {
        return;
    }
    out.push_str("<Cases>\n");
    for name in authors {
        let _ = write!(
            out,
            "<Case guid=\"{}\" name=\"{}\">",
            guid(&format!("case/{name}")),
            escape(name)
        );
        for article in corpus
            .articles()
            .iter()
            .filter(|a| a.meta.authors.iter().any(|p| p.name == name))
        {
            let _ = write!(out, "<SourceRef targetGUID=\"{}\"/>", source_guid(&article.meta.id));
        }
        out.push_str("</Case>\n");
    }
    out.push_str("</Cases>\n");
}

/// Every passage as a selection of its article, and every relation as a
/// link between the passages its ends stand on
/// ([`DebateMap::relation_passages`]), an end no passage holds being a
/// selection of its own.
fn selections_and_links<'a>(
    corpus: &Corpus,
    map: &'a DebateMap,
    texts: &[PlainText],
) -> (Vec<Vec<Selection<'a>>>, Vec<String>) {
    let mut selections: Vec<Vec<Selection>> = corpus.indices().map(|_| Vec::new()).collect();
    let mut of_passage = HashMap::new();
    for (theme_ix, theme) in map.enumerate_themes() {
        for (index, passage) in theme.passages.iter().enumerate() {
            let article = &corpus[passage.article];
            let name = format!("selection/{}/{}/{}", theme.id, article.meta.id, passage.quote);
            let yours = if passage.mine { "yours: " } else { "" };
            of_passage.insert(PassageAt { theme: theme_ix, index }, guid(&name));
            selections[passage.article.get()].push(Selection {
                guid: guid(&name),
                theme: &theme.id,
                stance: Some(passage.stance),
                span: texts[passage.article.get()].span(article, &passage.anchor),
                description: format!(
                    "{} {}: {yours}{}",
                    passage.stance.glyph(),
                    passage.stance,
                    passage.summary
                ),
            });
        }
    }
    let mut unheld_ends = HashSet::new();
    let mut guid_of = |end: &End, at: Option<PassageAt>| -> String {
        if let Some(at) = at {
            return of_passage[&at].clone();
        }
        let article = &corpus[end.article];
        let end_guid = guid(&format!("end/{}/{}", article.meta.id, end.quote));
        if unheld_ends.insert(end_guid.clone()) {
            selections[end.article.get()].push(Selection {
                guid: end_guid.clone(),
                theme: "",
                stance: None,
                span: texts[end.article.get()].span(article, &end.anchor),
                description: "The end of a relation that is no passage of the map.".into(),
            });
        }
        end_guid
    };
    let mut links = Vec::new();
    for relation in &map.relations {
        let (from, to) = map.relation_passages(relation);
        let (origin, target) = (guid_of(&relation.from, from), guid_of(&relation.to, to));
        links.push(format!(
            "<Link guid=\"{}\" name=\"{}\" direction=\"OneWay\" originGUID=\"{origin}\" targetGUID=\"{target}\"/>\n",
            guid(&format!(
                "link/{}/{}/{}",
                relation.kind.name(),
                relation.from.quote,
                relation.to.quote
            )),
            escape(format!("{}: {}", relation.kind.name(), relation.summary))
        ));
    }
    for list in &mut selections {
        list.sort_by_key(|s| s.span);
    }
    (selections, links)
}

fn source(out: &mut String, article: &Article, selections: &[Selection], user: &str) {
    let guid_ = source_guid(&article.meta.id);
    let _ = writeln!(
        out,
        "<TextSource guid=\"{guid_}\" name=\"{}\" plainTextPath=\"internal://{guid_}.txt\" creatingUser=\"{user}\">",
        escape(article.meta.id.as_str())
    );
    let _ = writeln!(out, "<Description>{}</Description>", escape(article.citation()));
    for selection in selections {
        let _ = write!(
            out,
            "<PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\" creatingUser=\"{user}\"><Description>{}</Description>",
            selection.guid,
            escape(selection.description.chars().take(60).collect::<String>()),
            selection.span.0,
            selection.span.1,
            escape(&selection.description)
        );
        if let Some(stance) = selection.stance {
            let _ = write!(
                out,
                "<Coding guid=\"{}\" creatingUser=\"{user}\"><CodeRef targetGUID=\"{}\"/></Coding>",
                guid(&format!("coding/{}", selection.guid)),
                stance_code(selection.theme, stance)
            );
        }
        out.push_str("</PlainTextSelection>\n");
    }
    let values = [
        article.meta.outlet.clone(),
        article.meta.published.map(|p| p.iso()).unwrap_or_default(),
        article.meta.form.map(|f| f.to_string()).unwrap_or_default(),
    ];
    for (variable, value) in VARIABLES.iter().zip(values) {
        if !value.is_empty() {
            let _ = writeln!(
                out,
                "<VariableValue><VariableRef targetGUID=\"{}\"/><TextValue>{}</TextValue></VariableValue>",
                guid(&format!("variable/{variable}")),
                escape(&value)
            );
        }
    }
    out.push_str("</TextSource>\n");
}

/// For each theme, the articles silent on it.
fn silent_sets(out: &mut String, corpus: &Corpus, map: &DebateMap) {
    let mut sets = String::new();
    for theme in &map.themes {
        let silent: Vec<&Article> = corpus
            .enumerate()
            .filter(|&(a, _)| theme.passages_of(a).next().is_none())
            .map(|(_, article)| article)
            .collect();
        if silent.is_empty() {
            continue;
        }
        let _ = write!(
            sets,
            "<Set guid=\"{}\" name=\"{}\"><Description>The articles that say nothing on this theme.</Description>",
            guid(&format!("set/silent/{}", theme.id)),
            escape(format!("silent: {}", theme.title))
        );
        for article in silent {
            let _ = write!(sets, "<MemberSource targetGUID=\"{}\"/>", source_guid(&article.meta.id));
        }
        sets.push_str("</Set>\n");
    }
    if !sets.is_empty() {
        let _ = write!(out, "<Sets>\n{sets}</Sets>\n");
    }
}

/// What the project says of itself: the question, and what REFI-QDA
/// cannot hold of the map.
fn not_held(map: &DebateMap) -> String {
    let mut said = format!("The debate: {}", map.question);
    if !map.events.is_empty() {
        let events: Vec<String> = map
            .events
            .iter()
            .map(|e| format!("{} {}", e.date.iso(), e.title))
            .collect();
        let _ = write!(
            said,
            " Not held by REFI-QDA, which has no dated events: the timeline's {} ({}).",
            if events.len() == 1 { "event" } else { "events" },
            events.join("; ")
        );
    }
    if !map.unplaced.is_empty() {
        let _ = write!(
            said,
            " Left out: {} of your passages whose words are no longer in their article.",
            map.unplaced.len()
        );
    }
    said
}
