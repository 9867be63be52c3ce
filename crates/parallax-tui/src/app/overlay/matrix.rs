//! The stance matrix: themes by the articles the map places passages of;
//! Enter goes to the selected article's passage on the selected theme.

use super::{Command, Ctx, Outcome, list};
use crate::action::Action;
use crate::ids::ThemeIx;

pub(super) fn handle(row: &mut usize, column: &mut usize, action: Action, ctx: &Ctx) -> Outcome {
    let rows = ctx.map.themes.len();
    let articles = ctx.map.mapped_articles(ctx.by_date);
    match action {
        Action::SelectNext => *row = list::next(*row, rows),
        Action::SelectPrev => *row = list::prev(*row),
        Action::SelectRight => *column = list::next(*column, articles.len()),
        Action::SelectLeft => *column = list::prev(*column),
        Action::Close | Action::OpenMatrix => return Outcome::Close,
        Action::Select => {
            let Some(&article) = articles.get(*column) else {
                return Outcome::Stay;
            };
            if ctx.map.themes[*row].passages_of(article).next().is_none() {
                return Outcome::Keep(Command::Say(format!(
                    "{} is silent on this theme",
                    ctx.corpus[article].meta.id
                )));
            }
            return Outcome::Then(Command::GoToThemeIn {
                theme: ThemeIx(*row),
                article,
            });
        }
        _ => return Outcome::Ignored,
    }
    Outcome::Stay
}
