//! The form that places a passage on a theme, records a view, or changes
//! or deletes one of the reader's own passages: its state, one step at a
//! time.

use fuzzy_matcher::FuzzyMatcher;

use super::TextField;
use crate::action::Action;
use crate::debate::{Anchor, DebateMap, Stance};
use crate::ids::{ArticleIx, ThemeIx};
use crate::own_map::OwnPassage;

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Place the selected sentences on a theme.
    NewPassage { article: ArticleIx, anchor: Anchor },
    /// Change the stance and summary of one of the reader's passages (as
    /// their map held it when the form opened).
    Edit { passage: OwnPassage },
    /// Put one of the reader's passages on another theme.
    Move { passage: OwnPassage },
    /// Delete one of the reader's passages, once confirmed.
    Delete { passage: OwnPassage },
    /// Record the reader's own view of a theme's claim.
    View { theme: ThemeIx },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Choose a theme, or name a new one, typing to filter.
    Theme,
    /// The new theme's claim.
    Claim,
    /// One key: + x ~ =.
    Stance,
    /// The summary (or the view's note), in the reader's own words.
    Summary,
    /// y or n.
    Confirm,
}

/// The theme chosen for a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Existing(ThemeIx),
    New(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub target: Target,
    pub step: Step,
    /// The words the form is about, to show.
    pub quote: String,
    pub field: TextField,
    /// Themes matching the filter, best first; the row after them is "new theme".
    pub matches: Vec<ThemeIx>,
    pub selected: usize,
    pub theme: Option<Chosen>,
    pub claim: String,
    pub stance: Option<Stance>,
}

/// What a step's input asks of the caller.
pub enum Answer {
    /// Stay in the form.
    Continue,
    /// Leave it with nothing saved.
    Abandon,
    /// Everything is known: save it.
    Done,
}

impl Form {
    pub fn new(target: Target, step: Step, quote: String) -> Form {
        Form {
            target,
            step,
            quote,
            field: TextField::default(),
            matches: Vec::new(),
            selected: 0,
            theme: None,
            claim: String::new(),
            stance: None,
        }
    }

    /// Whether the step takes typed text (a text field) or single keys.
    pub fn takes_text(&self) -> bool {
        matches!(self.step, Step::Theme | Step::Claim | Step::Summary)
    }

    /// The row of the theme list that is "new theme", if anything is typed.
    pub fn new_row(&self) -> Option<usize> {
        (!self.field.value().trim().is_empty()).then_some(self.matches.len())
    }

    /// Filters the themes by what is typed, as the palette does.
    pub fn filter(&mut self, map: &DebateMap) {
        let query = self.field.value().trim();
        let matcher = crate::search::matcher();
        let folded_query = crate::search::folded_string(query);
        let mut scored: Vec<(i64, ThemeIx)> = map
            .enumerate_themes()
            .filter_map(|(i, t)| {
                if query.is_empty() {
                    return Some((0, i));
                }
                let haystack = crate::search::folded_string(&format!("{} {} {}", t.title, t.claim, t.id));
                // As in search: each word's letters close together, not strewn.
                if !crate::search::words_close(haystack.as_bytes(), folded_query.as_bytes()) {
                    return None;
                }
                matcher.fuzzy_match(&haystack, &folded_query).map(|score| (score, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.matches = scored.into_iter().map(|(_, i)| i).collect();
        // Nothing matches: the new theme is what is meant.
        self.selected = if self.matches.is_empty() {
            self.new_row().unwrap_or(0)
        } else {
            0
        };
    }

    /// The form's answer to one action.
    pub fn handle(&mut self, action: Action, map: &DebateMap) -> Answer {
        if action == Action::Close {
            return Answer::Abandon;
        }
        match self.step {
            Step::Theme => self.theme_step(action, map),
            Step::Claim => {
                if action == Action::Select && !self.field.value().trim().is_empty() {
                    self.claim = self.field.value().trim().to_string();
                    self.field = TextField::default();
                    if matches!(self.target, Target::Move { .. }) {
                        return Answer::Done;
                    }
                    self.step = Step::Stance;
                } else {
                    self.field.edit(action);
                }
                Answer::Continue
            }
            Step::Stance => {
                let stance = match action {
                    Action::StanceSupports => Stance::Supports,
                    Action::StanceOpposes => Stance::Opposes,
                    Action::StanceQualifies => Stance::Qualifies,
                    Action::StanceReports => Stance::Reports,
                    _ => return Answer::Continue,
                };
                self.stance = Some(stance);
                self.step = Step::Summary;
                Answer::Continue
            }
            Step::Summary => {
                if action == Action::Select && !self.field.value().trim().is_empty() {
                    Answer::Done
                } else {
                    self.field.edit(action);
                    Answer::Continue
                }
            }
            Step::Confirm if action == Action::Confirm => Answer::Done,
            Step::Confirm => Answer::Continue,
        }
    }

    fn theme_step(&mut self, action: Action, map: &DebateMap) -> Answer {
        let rows = self.matches.len() + usize::from(self.new_row().is_some());
        match action {
            Action::SelectNext => self.selected = (self.selected + 1).min(rows.saturating_sub(1)),
            Action::SelectPrev => self.selected = self.selected.saturating_sub(1),
            Action::Select => {
                if let Some(&theme) = self.matches.get(self.selected) {
                    self.theme = Some(Chosen::Existing(theme));
                } else if self.new_row() == Some(self.selected) {
                    self.theme = Some(Chosen::New(self.field.value().trim().to_string()));
                } else {
                    return Answer::Continue;
                }
                let new = matches!(self.theme, Some(Chosen::New(_)));
                self.field = TextField::default();
                self.step = match (&self.target, new) {
                    (_, true) => Step::Claim,
                    (Target::Move { .. }, false) => return Answer::Done,
                    (_, false) => Step::Stance,
                };
            }
            other => {
                if self.field.edit(other) {
                    self.filter(map);
                }
            }
        }
        Answer::Continue
    }
}
