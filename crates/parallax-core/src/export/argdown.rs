//! The map in Argdown syntax: each theme's claim a statement, each passage
//! an argument that supports or attacks it by its stance, the relations as
//! support and attack between arguments. `qualifies` is written as a
//! support tagged #qualifies; `reports`, which takes no side, as an
//! argument tagged #reports with no relation to the claim. A relation that
//! `rebuts` is an attack; `supports`, `builds-on` and `same-evidence` are
//! supports; `answers` is an attack, unless both ends take the same stance
//! on a theme they share. Each relation's kind and summary stand in a
//! comment above it.

use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::debate::{Anchor, DebateMap, End, RelationKind, Stance};
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
        let from = argument_for(corpus, &mut arguments, &relation.from, &mut out);
        let to = argument_for(corpus, &mut arguments, &relation.to, &mut out);
        let agree = arguments[from].on.zip(arguments[to].on).is_some_and(|(a, b)| a == b)
            || shared_stance(&arguments, from, to);
        let arrow = match relation.kind {
            RelationKind::Rebuts => "->",
            RelationKind::Answers if !agree => "->",
            _ => "+>",
        };
        let _ = writeln!(
            out,
            "// {}: {}\n<{}>\n  {arrow} <{}>\n",
            relation.kind.name(),
            text(&relation.summary),
            arguments[from].title,
            arguments[to].title
        );
    }
    out
}

/// Whether two arguments' articles take one stance on a theme both speak to.
fn shared_stance(arguments: &[Argument], a: usize, b: usize) -> bool {
    let on = |i: usize| -> Vec<(ThemeIx, Stance)> {
        arguments
            .iter()
            .filter(|x| x.article == arguments[i].article && x.anchor.overlaps(&arguments[i].anchor))
            .filter_map(|x| x.on)
            .collect()
    };
    let (left, right) = (on(a), on(b));
    left.iter().any(|l| right.contains(l))
}

/// The argument for a relation's end: a passage it overlaps, or a new one
/// (written out) for words no theme holds.
fn argument_for(corpus: &Corpus, arguments: &mut Vec<Argument>, end: &End, out: &mut String) -> usize {
    if let Some(found) = arguments
        .iter()
        .position(|a| a.article == end.article && a.anchor.overlaps(&end.anchor))
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
