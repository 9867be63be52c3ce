//! The search palette: a query typed, the results of the newest one, a
//! recent search brought back with up; Enter goes to the chosen result.

use super::{Command, Ctx, Outcome, TextField, list};
use crate::action::Action;
use crate::search::{Hit, Query};

/// What was typed, and the results of the newest query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Palette {
    pub query: TextField,
    /// Bumped on every change of the query; results of older ones are dropped.
    pub generation: u64,
    /// The results, for the query `hits_for`.
    pub hits: Vec<Hit>,
    pub hits_for: String,
    pub selected: usize,
    /// While the query is a recent search brought back unchanged: which
    /// (0 is the newest).
    pub recalled: Option<usize>,
}

impl Palette {
    /// Whether the results shown are not yet those of the query typed.
    pub fn searching(&self) -> bool {
        self.hits_for != self.query.value()
    }

    pub fn handle(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        let typed = self.query.value().to_string();
        if self.query.edit(action) {
            if self.query.value() == typed {
                // Only the cursor moved.
                return Outcome::Stay;
            }
            self.recalled = None;
            return self.submit();
        }
        match action {
            Action::SelectNext => {
                self.selected = list::next(self.selected, self.hits.len());
                Outcome::Stay
            }
            // At the top of an empty palette, or of a recent search brought
            // back, up brings back the one before.
            Action::SelectPrev if self.selected == 0 && (self.query.value().is_empty() || self.recalled.is_some()) => {
                let older = self.recalled.map_or(0, |r| r + 1);
                match ctx.recent_searches.iter().rev().nth(older) {
                    Some(query) => {
                        self.query = TextField::with(query);
                        self.recalled = Some(older);
                        self.submit()
                    }
                    None => Outcome::Keep(Command::Say("No earlier search".into())),
                }
            }
            Action::SelectPrev => {
                self.selected = list::prev(self.selected);
                Outcome::Stay
            }
            Action::Select => match self.hits.get(self.selected) {
                Some(hit) => Outcome::Then(Command::GoToResult {
                    candidate: hit.candidate,
                    query: self.hits_for.clone(),
                }),
                None => Outcome::Keep(Command::Remember(self.hits_for.clone())),
            },
            Action::Close => Outcome::Close,
            _ => Outcome::Ignored,
        }
    }

    /// Asks for the query's results anew (a query of nothing has none).
    pub fn submit(&mut self) -> Outcome {
        self.generation += 1;
        let query = self.query.value();
        if Query::parse(query).text.is_empty() {
            self.hits.clear();
            self.hits_for = query.to_string();
            return Outcome::Stay;
        }
        Outcome::Keep(Command::Search {
            generation: self.generation,
            query: query.to_string(),
        })
    }
}
