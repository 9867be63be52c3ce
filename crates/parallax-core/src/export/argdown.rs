//! The map in Argdown syntax: each theme's claim a statement, each passage
//! an argument that supports or attacks it by its stance, the relations as
//! support and attack between arguments. `qualifies` is written as a
//! support tagged #qualifies; `reports`, which takes no side, as an
//! argument tagged #reports with no relation to the claim. A relation that
//! `rebuts` is an attack; `supports`, `builds-on` and `same-evidence` are
//! supports; `answers` is an attack, unless both ends take the same stance
//! on a theme they share. Each relation's kind and summary stand in a
//! comment above it.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::debate::{Anchor, DebateMap, End, PassageAt, RelationKind, Stance};
use crate::ids::{ArticleIx, ThemeIx};

/// An argument of the export: a passage, or a relation's end that is no passage.
struct Argument {
    title: String,
    article: ArticleIx,
    anchor: Anchor,
    /// The theme and stance, for a passage.
    on: Option<(ThemeIx, Stance)>,
}

pub fn argdown(corpus: &Corpus, map: &DebateMap) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "===\ntitle: {}\n===\n", text(&map.question));
    let mut arguments: Vec<Argument> = Vec::new();
    // Each passage's argument.
    let mut of_passage: HashMap<PassageAt, usize> = HashMap::new();
    for (t, theme) in map.theme_indices().zip(&map.themes) {
        // A heading must have words: a theme without a title goes by its id.
        let heading = text(&theme.title);
        let heading = if heading.trim().is_empty() {
            theme.id.as_str()
        } else {
            &heading
        };
        let _ = writeln!(out, "# {}\n", heading.trim());
        let _ = writeln!(out, "[{}]: {}", theme.id, text(&theme.claim));
        let mut reports = Vec::new();
        for (n, passage) in theme.passages.iter().enumerate() {
            let title = format!("{} on {} {}", corpus[passage.article].meta.id, theme.id, n + 1);
            let line = format!("<{title}>: {} #{}", text(&passage.summary), passage.stance);
            match passage.stance {
                Stance::Supports | Stance::Qualifies => {
                    let _ = writeln!(out, "  + {line}");
                }
                Stance::Opposes => {
                    let _ = writeln!(out, "  - {line}");
                }
                Stance::Reports => reports.push(line),
            }
            of_passage.insert(PassageAt { theme: t, index: n }, arguments.len());
            arguments.push(Argument {
                title,
                article: passage.article,
                anchor: passage.anchor,
                on: Some((t, passage.stance)),
            });
        }
        out.push('\n');
        for line in reports {
            let _ = writeln!(out, "{line}\n");
        }
    }
    if map.relations.is_empty() {
        return out;
    }
    out.push_str("# Who answers whom\n\n");
    for relation in &map.relations {
        let (from, to) = map.relation_passages(relation);
        let mut argument = |at: Option<PassageAt>, end: &End| match at {
            Some(at) => of_passage[&at],
            None => argument_of_end(corpus, &mut arguments, end, &mut out),
        };
        let (from, to) = (argument(from, &relation.from), argument(to, &relation.to));
        let (from, to) = (&arguments[from], &arguments[to]);
        let link = if relation.kind == RelationKind::Revises {
            // An author's change of view is neither support nor attack.
            format!("// <{}> revises <{}>", from.title, to.title)
        } else {
            let agree = from.on.zip(to.on).is_some_and(|(a, b)| a == b) || shared_stance(&arguments, from, to);
            let arrow = match relation.kind {
                RelationKind::Rebuts => "->",
                RelationKind::Answers if !agree => "->",
                _ => "+>",
            };
            format!("<{}>\n  {arrow} <{}>", from.title, to.title)
        };
        let _ = writeln!(
            out,
            "// {}: {}\n{link}\n",
            relation.kind.name(),
            text(&relation.summary)
        );
    }
    out
}

/// Whether two arguments' articles take one stance on a theme both speak to.
fn shared_stance(arguments: &[Argument], a: &Argument, b: &Argument) -> bool {
    let on = |end: &Argument| -> Vec<(ThemeIx, Stance)> {
        arguments
            .iter()
            .filter(|x| x.article == end.article && x.anchor.overlaps(&end.anchor))
            .filter_map(|x| x.on)
            .collect()
    };
    let (left, right) = (on(a), on(b));
    left.iter().any(|l| right.contains(l))
}

/// The argument for words of a relation's end that no theme holds: one
/// written out before for words it overlaps, else a new one, written out.
fn argument_of_end(corpus: &Corpus, arguments: &mut Vec<Argument>, end: &End, out: &mut String) -> usize {
    if let Some(found) = arguments
        .iter()
        .position(|a| a.on.is_none() && a.article == end.article && a.anchor.overlaps(&end.anchor))
    {
        return found;
    }
    let article = &corpus[end.article].meta.id;
    let title = format!("{article} passage {}", arguments.len() + 1);
    let _ = writeln!(out, "<{title}>: “{}”\n", text(&end.quote));
    arguments.push(Argument {
        title,
        article: end.article,
        anchor: end.anchor,
        on: None,
    });
    arguments.len() - 1
}

/// Text with the characters Argdown gives a meaning to replaced by plain
/// ones that read the same.
fn text(raw: &str) -> String {
    raw.chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            '<' => '‹',
            '>' => '›',
            '#' => '№',
            '@' => '＠',
            '*' => '∗',
            '_' => '‗',
            '/' => '∕',
            '\\' => '∖',
            '{' => '❴',
            '}' => '❵',
            '\n' | '\r' => ' ',
            c => c,
        })
        .collect()
}
