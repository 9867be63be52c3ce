//! The reader's state as a saved session, and back.

use super::{App, Focus, JumpPoint, Position};
use crate::ids::ArticleIx;
use crate::session::{self, Jump, Place, Session};

impl App {
    /// What to save of the current state.
    pub fn to_session(&self) -> Session {
        let place = |article: ArticleIx, top: Position| {
            let article = &self.corpus[article];
            let block = article.block(top.block);
            Place {
                article: article.meta.id.to_string(),
                block: block.map(|b| b.id.to_string()).unwrap_or_default(),
                line: top.line,
                fingerprint: block.map(|b| session::fingerprint(&b.text)).unwrap_or_default(),
            }
        };
        Session {
            version: session::VERSION,
            panes: self.reading.panes.iter().map(|p| place(p.article, p.top)).collect(),
            focused_pane: self.reading.focused_pane,
            theme: self.theme().map(|t| self.map[t].id.to_string()),
            jumps: self
                .reading
                .jumps
                .points
                .iter()
                .filter_map(|j| {
                    let focused = j.panes.get(j.focus)?;
                    Some(Jump {
                        pane: j.focus,
                        place: place(focused.article, focused.top),
                        panes: j.panes.iter().map(|p| place(p.article, p.top)).collect(),
                    })
                })
                .collect(),
            jump_index: self.reading.jumps.index,
            searches: self.reading.recent_searches.clone(),
        }
    }

    /// Finds a saved place again: the article by id, the block by id if its
    /// text still starts the same, else by its text, else the top.
    fn find(&self, place: &Place, notices: &mut Vec<String>) -> Option<(ArticleIx, Position)> {
        let Some(index) = self.corpus.index_of(&place.article) else {
            notices.push(format!("{} is no longer there", place.article));
            return None;
        };
        let article = &self.corpus[index];
        let same = |b: &crate::corpus::Block| place.fingerprint.is_empty() || b.text.starts_with(&place.fingerprint);
        let block = match article.block_index(&place.block) {
            Some(block) if same(&article[block]) => Some(block),
            _ if place.fingerprint.is_empty() => None,
            _ => article
                .enumerate_blocks()
                .find_map(|(at, b)| b.text.starts_with(&place.fingerprint).then_some(at)),
        };
        match block {
            Some(block) => Some((
                index,
                Position {
                    block,
                    line: place.line,
                },
            )),
            None => {
                notices.push(format!("{} has changed; it opens at the top", place.article));
                Some((index, Position::default()))
            }
        }
    }

    /// Takes up a saved session; returns notices for what could not be.
    pub fn restore(&mut self, saved: &Session) -> Vec<String> {
        let mut notices = Vec::new();
        let panes: Vec<(ArticleIx, Position)> = saved.panes.iter().filter_map(|p| self.find(p, &mut notices)).collect();
        if !panes.is_empty() {
            self.reading.panes = panes
                .into_iter()
                .take(super::MAX_PANES)
                .map(|(article, top)| super::Pane { article, top })
                .collect();
            self.reading.focused_pane = saved.focused_pane.min(self.reading.panes.len() - 1);
            self.reading.focus = Focus::Pane;
        }
        self.set_theme(saved.theme.as_deref().and_then(|id| self.map.theme_index(id)));
        let mut jump_notices = Vec::new();
        self.reading.jumps.points = saved
            .jumps
            .iter()
            .filter(|j| j.pane < self.reading.panes.len())
            .filter_map(|j| {
                let panes = if j.panes.len() == self.reading.panes.len() {
                    let found: Option<Vec<(ArticleIx, Position)>> =
                        j.panes.iter().map(|p| self.find(p, &mut jump_notices)).collect();
                    found?
                        .into_iter()
                        .map(|(article, top)| super::Pane { article, top })
                        .collect()
                } else {
                    let (article, top) = self.find(&j.place, &mut jump_notices)?;
                    let mut panes = self.reading.panes.clone();
                    panes[j.pane] = super::Pane { article, top };
                    panes
                };
                Some(JumpPoint { panes, focus: j.pane })
            })
            .collect();
        self.reading.jumps.index = saved.jump_index.min(self.reading.jumps.points.len());
        self.reading.recent_searches = saved
            .searches
            .iter()
            .rev()
            .take(session::RECENT_SEARCHES)
            .rev()
            .cloned()
            .collect();
        self.refresh_layouts();
        notices.dedup();
        notices
    }
}
