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

use serde_json::{Value, json};

use crate::corpus::{Article, Corpus, Role};
use crate::debate::{Anchor, DebateMap, End, RelationKind, Stance};
use crate::ids::ArticleIx;

/// A locution placed in the graph: a passage (on a theme) or a relation's
/// end that is no passage.
#[derive(Clone, Copy)]
struct Placed {
    article: ArticleIx,
    anchor: Anchor,
    theme: Option<usize>,
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

    /// A locution of `article`'s authors asserting `proposition`: its L and
    /// I nodes.
    fn locution(&mut self, article: &Article, text: &str, proposition: &str) -> (usize, usize) {
        let l = self.node("L", text);
        for author in voices(article) {
            let person = self.participant(&author.name);
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
fn voices(article: &Article) -> Vec<&crate::corpus::Author> {
    let voices: Vec<_> = article
        .meta
        .authors
        .iter()
        .filter(|a| a.role != Role::Interviewer)
        .collect();
    if voices.is_empty() {
        article.meta.authors.iter().collect()
    } else {
        voices
    }
}

/// The passages an end overlaps (a relation on one theme joins the passages
/// on that theme), else a locution of its own for words no theme holds.
fn ends(corpus: &Corpus, graph: &mut Graph, placed: &mut Vec<Placed>, end: &End) -> Vec<Placed> {
    let found: Vec<Placed> = placed
        .iter()
        .filter(|p| p.article == end.article && p.anchor.overlaps(&end.anchor))
        .copied()
        .collect();
    if !found.is_empty() {
        return found;
    }
    let (l, i) = graph.locution(&corpus[end.article], &end.quote, &end.quote);
    let own = Placed {
        article: end.article,
        anchor: end.anchor,
        theme: None,
        l,
        i,
    };
    placed.push(own);
    vec![own]
}

/// The map as xAIF JSON.
pub fn aif(corpus: &Corpus, map: &DebateMap) -> String {
    let mut graph = Graph::default();
    let mut placed: Vec<Placed> = Vec::new();
    for (t, theme) in map.themes.iter().enumerate() {
        let claim = graph.node("I", &theme.claim);
        // The reader's own view of the claim: a locution of theirs.
        if let Some(view) = &theme.view {
            let l = graph.node("L", &view.note);
            let person = graph.participant(READER);
            graph.locutions.push(json!({ "nodeID": l, "personID": person }));
            let i = graph.node("I", &view.note);
            graph.through(l, "YA", "Asserting", i);
            graph.stance(i, view.stance, claim, &format!("your view on {}", theme.id));
        }
        for passage in &theme.passages {
            let article = &corpus[passage.article];
            let (l, i) = graph.locution(article, &passage.quote, &passage.summary);
            placed.push(Placed {
                article: passage.article,
                anchor: passage.anchor,
                theme: Some(t),
                l,
                i,
            });
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
        // The passage each end overlaps, on one theme where there is one.
        let from = ends(corpus, &mut graph, &mut placed, &relation.from);
        let to = ends(corpus, &mut graph, &mut placed, &relation.to);
        let (from, to) = from
            .iter()
            .flat_map(|f| to.iter().map(move |t| (*f, *t)))
            .find(|(f, t)| f.theme.is_some() && f.theme == t.theme)
            .unwrap_or((from[0], to[0]));
        if scheme_kind == "TA" {
            // A transition runs in dialogue order: from what is answered to the answer.
            graph.through(to.l, scheme_kind, scheme, from.l);
        } else {
            graph.through(from.i, scheme_kind, scheme, to.i);
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
