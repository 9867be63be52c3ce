//! The review of suggested passages for one article, theme by theme: the
//! candidate shows in its pane; a stance key takes it as the reader's own
//! passage (then its summary, as when tagging), `d` turns it down for good,
//! j/k go through the candidates and ]/[ through the themes.

use super::{Command, Ctx, Outcome};
use crate::action::Action;
use crate::debate::{Anchor, Stance};
use crate::ids::{ArticleIx, ThemeId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub article: ArticleIx,
    /// Each theme the article is silent on, with its candidates, best first.
    pub themes: Vec<(ThemeId, Vec<Anchor>)>,
    pub theme_at: usize,
    pub candidate_at: usize,
}

impl Review {
    /// The theme and candidate under review, if any is left.
    pub fn current(&self) -> Option<(&ThemeId, &Anchor)> {
        let (theme, candidates) = self.themes.get(self.theme_at)?;
        Some((theme, candidates.get(self.candidate_at)?))
    }

    /// The candidate to show, as a command.
    pub fn show(&self) -> Option<Command> {
        let (_, anchor) = self.current()?;
        Some(Command::ShowSuggestion {
            article: self.article,
            anchor: *anchor,
        })
    }

    pub fn handle(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        let stance = match action {
            Action::StanceSupports => Some(Stance::Supports),
            Action::StanceOpposes => Some(Stance::Opposes),
            Action::StanceQualifies => Some(Stance::Qualifies),
            Action::StanceReports => Some(Stance::Reports),
            _ => None,
        };
        if let Some(stance) = stance {
            let Some((theme, anchor)) = self.current() else {
                return Outcome::Stay;
            };
            if ctx.map.theme_index(theme).is_none() {
                return Outcome::Keep(Command::Say(format!("The theme {theme} is no longer in the map")));
            }
            return Outcome::Then(Command::TakeSuggestion {
                article: self.article,
                anchor: *anchor,
                theme: theme.clone(),
                stance,
            });
        }
        match action {
            Action::SelectNext => self.step_candidate(true),
            Action::SelectPrev => self.step_candidate(false),
            Action::NextTheme => self.step_theme(true),
            Action::PrevTheme => self.step_theme(false),
            Action::RejectSuggestion => {
                let Some((theme, anchor)) = self.current().map(|(t, a)| (t.clone(), *a)) else {
                    return Outcome::Stay;
                };
                let candidates = &mut self.themes[self.theme_at].1;
                candidates.remove(self.candidate_at);
                if self.candidate_at >= candidates.len() {
                    self.candidate_at = candidates.len().saturating_sub(1);
                }
                if candidates.is_empty() {
                    self.themes.remove(self.theme_at);
                    self.theme_at = self.theme_at.min(self.themes.len().saturating_sub(1));
                    self.candidate_at = 0;
                }
                return Outcome::Keep(Command::RejectSuggestion {
                    article: self.article,
                    anchor,
                    theme,
                });
            }
            Action::Close | Action::ReviewSuggestions => return Outcome::Close,
            Action::Quit | Action::Resize(..) | Action::Suspend => return Outcome::Ignored,
            _ => return Outcome::Stay,
        }
        match self.show() {
            Some(show) => Outcome::Keep(show),
            None => Outcome::Stay,
        }
    }

    fn step_candidate(&mut self, forward: bool) {
        let count = self.themes.get(self.theme_at).map_or(0, |(_, c)| c.len());
        self.candidate_at = match forward {
            true => (self.candidate_at + 1).min(count.saturating_sub(1)),
            false => self.candidate_at.saturating_sub(1),
        };
    }

    fn step_theme(&mut self, forward: bool) {
        let count = self.themes.len();
        if count == 0 {
            return;
        }
        self.theme_at = match forward {
            true => (self.theme_at + 1) % count,
            false => (self.theme_at + count - 1) % count,
        };
        self.candidate_at = 0;
    }
}
