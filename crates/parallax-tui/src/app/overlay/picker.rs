//! The article picker: a filter typed over titles, authors, outlets and
//! ids; Enter opens the chosen article in the focused pane.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Command, Ctx, Outcome, TextField, list};
use crate::action::Action;
use crate::corpus::Corpus;
use crate::ids::ArticleIx;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Picker {
    pub query: TextField,
    /// Article indices matching the query, best first.
    pub matches: Vec<ArticleIx>,
    /// The query `matches` are for.
    pub matched: String,
    pub selected: usize,
}

impl Picker {
    /// A picker over every article (listed in `by_date` order), with
    /// nothing typed.
    pub fn new(corpus: &Corpus, by_date: &[ArticleIx]) -> Picker {
        let mut picker = Picker::default();
        picker.filter(corpus, by_date);
        picker
    }

    pub fn handle(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        match action {
            _ if self.query.edit(action) => {
                if self.query.value() == self.matched {
                    // Only the cursor moved.
                    return Outcome::Stay;
                }
                // A longer query matches only among what the shorter one did.
                if self.query.value().starts_with(&self.matched) && !self.matched.is_empty() {
                    let within = std::mem::take(&mut self.matches);
                    self.rank(ctx.corpus, ctx.by_date, within.into_iter());
                } else {
                    self.filter(ctx.corpus, ctx.by_date);
                }
                Outcome::Stay
            }
            Action::SelectNext => {
                self.selected = list::next(self.selected, self.matches.len());
                Outcome::Stay
            }
            Action::SelectPrev => {
                self.selected = list::prev(self.selected);
                Outcome::Stay
            }
            Action::Select => match self.matches.get(self.selected) {
                Some(&article) => Outcome::Then(Command::OpenHere(article)),
                None => Outcome::Close,
            },
            Action::Close => Outcome::Close,
            _ => Outcome::Ignored,
        }
    }

    /// Ranks every article against the query (title, authors, outlet, id).
    pub fn filter(&mut self, corpus: &Corpus, by_date: &[ArticleIx]) {
        self.rank(corpus, by_date, by_date.iter().copied());
    }

    /// Ranks the articles `among` against the query; equal scores in date order.
    fn rank(&mut self, corpus: &Corpus, by_date: &[ArticleIx], among: impl Iterator<Item = ArticleIx>) {
        let mut place = vec![0; corpus.len()];
        for (at, &article) in by_date.iter().enumerate() {
            place[article.get()] = at;
        }
        let matcher = SkimMatcherV2::default();
        let query = self.query.value();
        let mut scored: Vec<(i64, ArticleIx)> = among
            .map(|i| (i, &corpus[i]))
            .filter_map(|(i, a)| {
                if query.is_empty() {
                    return Some((0, i));
                }
                let haystack = format!("{} {} {} {}", a.meta.title, a.author_names(), a.meta.outlet, a.meta.id);
                matcher.fuzzy_match(&haystack, query).map(|score| (score, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(place[a.1.get()].cmp(&place[b.1.get()])));
        self.matches = scored.into_iter().map(|(_, i)| i).collect();
        self.matched = query.to_string();
        self.selected = 0;
    }
}
