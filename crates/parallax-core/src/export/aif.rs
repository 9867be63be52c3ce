//! The map in the Argument Interchange Format, as xAIF JSON (the shape the
//! ARG-tech tools exchange): each passage a locution (L) by its article's
//! authors as participants, asserting (YA) its summary as a proposition (I);
//! each theme's claim a proposition; the reader's own view of a claim a
//! locution of theirs (participant "The Reader"); a passage or view that supports the claim an
//! inference (RA) to it, one that opposes it a conflict (CA). Relations
//! between passages: `supports` and `builds-on` an inference, `rebuts` a
//! conflict, `answers` a transition (TA) from the locution answered to the
//! answer.
//!
//! What AIF has no node for is mapped as documented and named in the
//! output's `parallax.not_held`: a passage that qualifies the claim is an
//! inference named "Qualified Inference" (agreement in part, which plain
//! RA would overstate); one that reports takes no side and joins the claim
//! by nothing; `same-evidence` and `revises` relations have no AIF
//! counterpart and are left out.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::corpus::{Article, Corpus, Role};
use crate::debate::{Anchor, DebateMap, End, PassageAt, RelationKind, Stance};
use crate::ids::ArticleIx;

/// A relation's end that is no passage, as a locution of its own.
struct Unplaced {
    article: ArticleIx,
    anchor: Anchor,
    l: usize,
    i: usize,
}

#[derive(Default)]
struct Graph {
    nodes: Vec<Value>,
    edges: Vec<Value>,
    locutions: Vec<Value>,
    participants: Vec<(String, usize)>,
    not_held: Vec<String>,
}

impl Graph {
    fn node(&mut self, kind: &str, text: &str) -> usize {
        let id = self.nodes.len() + 1;
        self.nodes.push(json!({ "nodeID": id, "text": text, "type": kind }));
        id
    }

    fn edge(&mut self, from: usize, to: usize) {
        let id = self.edges.len() + 1;
        self.edges.push(json!({ "edgeID": id, "fromID": from, "toID": to }));
    }

    /// `from` -> a new node of `kind` -> `to`.
    fn through(&mut self, from: usize, kind: &str, text: &str, to: usize) {
        let middle = self.node(kind, text);
        self.edge(from, middle);
        self.edge(middle, to);
    }

    /// `i`'s stance toward `claim`, as AIF holds it; what it cannot hold,
    /// named (`what` says whose).
    fn stance(&mut self, i: usize, stance: Stance, claim: usize, what: &str) {
        match stance {
            Stance::Supports => self.through(i, "RA", "Default Inference", claim),
            Stance::Opposes => self.through(i, "CA", "Default Conflict", claim),
            Stance::Qualifies => {
                self.through(i, "RA", "Qualified Inference", claim);
                self.not_held.push(format!(
                    "qualifies: {what}: an inference named \"Qualified Inference\" (AIF has no partial support)"
                ));
            }
            Stance::Reports => self
                .not_held
                .push(format!("reports: {what}: no edge to the claim (it takes no side)")),
        }
    }

    fn participant(&mut self, name: &str) -> usize {
        if let Some(&(_, id)) = self.participants.iter().find(|(n, _)| n == name) {
            return id;
        }
        let id = self.participants.len() + 1;
        self.participants.push((name.to_string(), id));
        id
    }

    /// A locution of `speakers` asserting `proposition`: its L and I nodes.
    fn locution<'a>(
        &mut self,
        speakers: impl Iterator<Item = &'a str>,
        text: &str,
        proposition: &str,
    ) -> (usize, usize) {
        let l = self.node("L", text);
        for speaker in speakers {
            let person = self.participant(speaker);
            self.locutions.push(json!({ "nodeID": l, "personID": person }));
        }
        let i = self.node("I", proposition);
        self.through(l, "YA", "Asserting", i);
        (l, i)
    }
}

/// Who speaks the reader's own views.
const READER: &str = "The Reader";

/// Who speaks in an article: its authors, but for an interview's interviewer.
fn voices(article: &Article) -> impl Iterator<Item = &str> {
    let interviewed = article.meta.authors.iter().any(|a| a.role != Role::Interviewer);
    article
        .meta
        .authors
        .iter()
        .filter(move |a| !interviewed || a.role != Role::Interviewer)
        .map(|a| a.name.as_str())
}

/// The locution of a relation's end that no passage holds: one made for
/// words it overlaps before, else its own.
fn unplaced(corpus: &Corpus, graph: &mut Graph, unplaced: &mut Vec<Unplaced>, end: &End) -> (usize, usize) {
    if let Some(u) = unplaced
        .iter()
        .find(|u| u.article == end.article && u.anchor.overlaps(&end.anchor))
    {
        return (u.l, u.i);
    }
    let (l, i) = graph.locution(voices(&corpus[end.article]), &end.quote, &end.quote);
    unplaced.push(Unplaced {
        article: end.article,
        anchor: end.anchor,
        l,
        i,
    });
    (l, i)
}

/// The map as xAIF JSON.
pub fn aif(corpus: &Corpus, map: &DebateMap) -> String {
    let mut graph = Graph::default();
    // Each passage's L and I nodes; the ends no passage holds.
    let mut placed: HashMap<PassageAt, (usize, usize)> = HashMap::new();
    let mut ends: Vec<Unplaced> = Vec::new();
    for (t, theme) in map.enumerate_themes() {
        let claim = graph.node("I", &theme.claim);
        // The reader's own view of the claim: a locution of theirs.
        if let Some(view) = &theme.view {
            let (_, i) = graph.locution(std::iter::once(READER), &view.note, &view.note);
            graph.stance(i, view.stance, claim, &format!("your view on {}", theme.id));
        }
        for (index, passage) in theme.passages.iter().enumerate() {
            let article = &corpus[passage.article];
            let (l, i) = graph.locution(voices(article), &passage.quote, &passage.summary);
            placed.insert(PassageAt { theme: t, index }, (l, i));
            graph.stance(
                i,
                passage.stance,
                claim,
                &format!("{} on {}", article.meta.id, theme.id),
            );
        }
    }
    for relation in &map.relations {
        let kind = relation.kind;
        let (scheme_kind, scheme) = match kind {
            RelationKind::Supports | RelationKind::BuildsOn => ("RA", "Default Inference"),
            RelationKind::Rebuts => ("CA", "Default Conflict"),
            RelationKind::Answers => ("TA", "Default Transition"),
            RelationKind::SameEvidence | RelationKind::Revises => {
                graph.not_held.push(format!(
                    "{}: {} -> {}: AIF has no such relation; left out",
                    kind.name(),
                    corpus[relation.from.article].meta.id,
                    corpus[relation.to.article].meta.id
                ));
                continue;
            }
        };
        let (from, to) = map.relation_passages(relation);
        let mut nodes = |at: Option<PassageAt>, end: &End| match at {
            Some(at) => placed[&at],
            None => unplaced(corpus, &mut graph, &mut ends, end),
        };
        let ((from_l, from_i), (to_l, to_i)) = (nodes(from, &relation.from), nodes(to, &relation.to));
        if scheme_kind == "TA" {
            // A transition runs in dialogue order: from what is answered to the answer.
            graph.through(to_l, scheme_kind, scheme, from_l);
        } else {
            graph.through(from_i, scheme_kind, scheme, to_i);
        }
    }
    let participants: Vec<Value> = graph
        .participants
        .iter()
        .map(|(name, id)| {
            let (first, last) = name.rsplit_once(' ').unwrap_or(("", name));
            json!({ "participantID": id, "firstname": first, "surname": last })
        })
        .collect();
    let xaif = json!({
        "AIF": {
            "nodes": graph.nodes,
            "edges": graph.edges,
            "locutions": graph.locutions,
            "participants": participants,
            "schemefulfillments": [],
            "descriptorfulfillments": [],
        },
        "text": { "txt": "" },
        "dialog": true,
        "ova": {},
        "parallax": {
            "question": map.question,
            "not_held": graph.not_held,
        },
    });
    let mut text = serde_json::to_string_pretty(&xaif).expect("plain data");
    text.push('\n');
    text
}
