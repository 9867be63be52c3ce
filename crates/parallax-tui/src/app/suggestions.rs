//! Suggested passages in the reader: `S` opens a review of the focused
//! article's suggestions, theme by theme, for the themes it is silent on;
//! a candidate taken becomes the reader's own passage through the tagging
//! form, one turned down is remembered in the reader's map.

use super::overlay::{Form, Review, Step, Target};
use super::{App, Overlay, jumps, own, passage};
use crate::debate::{Anchor, Stance};
use crate::ids::{ArticleIx, ThemeId};
use crate::own_map::{Change, Op, Rejected};
use crate::suggest::{Rarity, Suggester, Weights};

/// Candidates shown per theme.
const PER_THEME: usize = 5;

/// `S`: the review of the focused article's suggestions.
pub(super) fn open(app: &mut App) {
    let Some(article) = app.reading.panes.get(app.reading.focused_pane).map(|p| p.article) else {
        return;
    };
    if app.own.is_none() {
        app.status = Some("Your own map is not available here".into());
        return;
    }
    let mut over = app.map.mapped_articles(&app.by_date);
    if !over.contains(&article) {
        over.push(article);
    }
    let rarity = Rarity::of_articles(&app.corpus, over.into_iter());
    let suggester = Suggester::new(&app.corpus, &rarity, article);
    let text = &app.corpus[article];
    let rejected: &[Rejected] = app.own.as_ref().map_or(&[], |own| &own.keeper.own().rejected);
    let themes: Vec<(ThemeId, Vec<Anchor>)> = app
        .map
        .themes
        .iter()
        .filter(|t| t.passages_of(article).next().is_none())
        .filter_map(|theme| {
            let candidates: Vec<Anchor> = suggester
                .rank(theme, Weights::DEFAULT, PER_THEME, rejected)
                .into_iter()
                .map(|s| s.anchor)
                .collect();
            (!candidates.is_empty()).then(|| (theme.id.clone(), candidates))
        })
        .collect();
    if themes.is_empty() {
        app.status = Some(format!(
            "Nothing to suggest for {}: it speaks to every theme, or nothing in it sounds like one",
            text.meta.id
        ));
        return;
    }
    let review = Review {
        article,
        themes,
        theme_at: 0,
        candidate_at: 0,
    };
    let first = review.current().map(|(_, anchor)| *anchor);
    app.overlay = Some(Overlay::Review(Box::new(review)));
    if let Some(anchor) = first {
        show(app, article, anchor);
    }
}

/// Shows a candidate in the pane that shows its article, as the current passage.
pub(super) fn show(app: &mut App, article: ArticleIx, anchor: Anchor) {
    let (pane, _) = jumps::to_article(app, article);
    passage::land(app, pane, anchor);
}

/// Takes a candidate: the tagging form, its theme and stance chosen, asks for the summary.
pub(super) fn take(app: &mut App, article: ArticleIx, anchor: Anchor, theme: &ThemeId, stance: Stance) {
    let Some(theme) = app.map.theme_index(theme) else {
        return;
    };
    let quote = anchor.text(&app.corpus[article]);
    let mut form = Form::new(Target::NewPassage { article, anchor }, Step::Summary, quote);
    form.theme = Some(super::overlay::Chosen::Existing(theme));
    form.stance = Some(stance);
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// Turns a candidate down, in the reader's map; the next one shows.
pub(super) fn reject(app: &mut App, article: ArticleIx, anchor: Anchor, theme: &ThemeId) {
    let text = &app.corpus[article];
    let rejected = Rejected {
        theme: theme.to_string(),
        article: text.meta.id.to_string(),
        quote: anchor.text(text),
    };
    let said = "Turned down: it is not suggested again (u undoes it once the review is closed)";
    let change = Change {
        ops: vec![Op::Reject(rejected)],
        said: said.into(),
    };
    own::send(app, crate::own_map::keeper::Request::Change(change));
    // Said now: what the keeper reports waits until the review closes.
    app.status = Some(said.into());
    let next = match &app.overlay {
        Some(Overlay::Review(review)) => review.current().map(|(_, anchor)| (review.article, *anchor)),
        _ => None,
    };
    if let Some((article, anchor)) = next {
        show(app, article, anchor);
    }
}
