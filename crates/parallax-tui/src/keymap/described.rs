//! What an action does where it is bound: the same action does different
//! things in different places (`j` grows a selection, moves a list's
//! cursor, scrolls the help), so help and `parallax keys` describe it in
//! the words of each context. Where a context has no words of its own, the
//! action's own description stands.

use super::{Context, Keymap};
use crate::action::Action;

/// The descriptions of actions that mean something particular in a context.
const IN_CONTEXT: &[(Context, Action, &str)] = &[
    (
        Context::Reader,
        Action::Tag,
        "Place sentences on a theme, with a stance and a summary of your own (select them with v first)",
    ),
    (
        Context::Sidebar,
        Action::Select,
        "Select the theme, or open the article, under the cursor",
    ),
    (Context::Sidebar, Action::SelectNext, "Move the cursor down the list"),
    (Context::Sidebar, Action::SelectPrev, "Move the cursor up the list"),
    (
        Context::Selection,
        Action::SelectNext,
        "Grow the selection by the next sentence (or shrink it, from above)",
    ),
    (
        Context::Selection,
        Action::SelectPrev,
        "Shrink the selection by its last sentence (or grow it upward)",
    ),
    (
        Context::Selection,
        Action::CopyPassage,
        "Copy the selected sentences, with their citation, to the terminal's clipboard",
    ),
    (
        Context::Selection,
        Action::Close,
        "End the selection (nothing is placed)",
    ),
    (
        Context::Field,
        Action::Select,
        "Take what is typed: the next step, or save at the last",
    ),
    (Context::Field, Action::Close, "Leave the form: nothing is saved"),
    (Context::Field, Action::SelectNext, "Move down the list of themes"),
    (Context::Field, Action::SelectPrev, "Move up the list of themes"),
    (
        Context::Choice,
        Action::Confirm,
        "Yes: delete the passage (or, leaving with changes not saved, write your map to a file of its own)",
    ),
    (
        Context::Choice,
        Action::Close,
        "No: keep it as it is (or, leaving, stay)",
    ),
    (
        Context::Picker,
        Action::Select,
        "Open the selected article in this pane",
    ),
    (Context::Picker, Action::Close, "Leave the picker"),
    (Context::Picker, Action::SelectNext, "Move down the articles"),
    (Context::Picker, Action::SelectPrev, "Move up the articles"),
    (Context::Search, Action::Select, "Go to the selected result"),
    (Context::Search, Action::Close, "Leave the search"),
    (Context::Search, Action::SelectNext, "Move down the results"),
    (
        Context::Search,
        Action::SelectPrev,
        "Move up the results; in an empty search, bring back the recent searches, newest first",
    ),
    (Context::Help, Action::Close, "Close the help"),
    (
        Context::Matrix,
        Action::Select,
        "Go to the selected article's passage on the selected theme",
    ),
    (Context::Matrix, Action::Close, "Close the matrix"),
    (Context::Matrix, Action::SelectNext, "Move down the themes"),
    (Context::Matrix, Action::SelectPrev, "Move up the themes"),
    (Context::Matrix, Action::SelectLeft, "Move left across the articles"),
    (Context::Matrix, Action::SelectRight, "Move right across the articles"),
    (Context::List, Action::Select, "Go to the selected entry"),
    (Context::List, Action::Close, "Close the list"),
    (Context::Message, Action::Close, "Dismiss the message"),
    (
        Context::Review,
        Action::SelectNext,
        "The next suggestion for this theme",
    ),
    (Context::Review, Action::SelectPrev, "The previous suggestion"),
    (
        Context::Review,
        Action::NextTheme,
        "The next theme the article is silent on",
    ),
    (Context::Review, Action::PrevTheme, "The previous theme"),
    (
        Context::Review,
        Action::StanceSupports,
        "Take it as your passage: it supports the claim",
    ),
    (
        Context::Review,
        Action::StanceOpposes,
        "Take it as your passage: it opposes the claim",
    ),
    (
        Context::Review,
        Action::StanceQualifies,
        "Take it as your passage: it qualifies the claim",
    ),
    (
        Context::Review,
        Action::StanceReports,
        "Take it as your passage: it reports, taking no side",
    ),
    (Context::Review, Action::Close, "Close the review"),
];

impl Keymap {
    /// What `action` does in `context`: the user's own words for it if
    /// their file gives some, else the context's, else the action's.
    pub fn description_in(&self, context: Context, action: Action) -> &str {
        if self.described_by_user(action) {
            return self.description(action);
        }
        IN_CONTEXT
            .iter()
            .find(|(c, a, _)| *c == context && *a == action)
            .map_or_else(|| self.description(action), |(_, _, words)| words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_described_in_the_words_of_its_context() {
        let keymap = Keymap::defaults();
        for context in Context::ALL {
            for (action, keys) in keymap.grouped(context) {
                let words = keymap.description_in(context, action);
                assert!(!words.is_empty(), "{context:?} {keys:?}");
                assert!(
                    !words.contains("recent searches") || context == Context::Search,
                    "{context:?} {keys:?}: {words}"
                );
                assert!(
                    !words.contains("selected sentences") || context == Context::Selection,
                    "{context:?} {keys:?}: {words}"
                );
            }
        }
        let said = |context, action| keymap.description_in(context, action);
        assert!(said(Context::Selection, Action::SelectNext).contains("Grow the selection"));
        assert!(said(Context::Selection, Action::CopyPassage).contains("selected sentences"));
        assert!(said(Context::Selection, Action::Close).starts_with("End the selection"));
        assert!(said(Context::Field, Action::Select).contains("save"));
        assert!(said(Context::Choice, Action::Close).starts_with("No: keep it"));
        assert!(said(Context::Search, Action::SelectPrev).contains("recent searches"));
        assert_eq!(said(Context::Reader, Action::SelectPrev), "Move the selection up");
        // Words for a context are for an action bound there.
        for (context, action, _) in IN_CONTEXT {
            assert!(
                keymap.grouped(*context).iter().any(|(a, _)| a == action),
                "{context:?} {action:?} is not bound there"
            );
        }
    }

    #[test]
    fn a_users_own_words_for_an_action_stand_everywhere() {
        let (keymap, problems) = Keymap::with_user_file("k.toml", "[desc]\nclose = \"Away with it\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(keymap.description_in(Context::Selection, Action::Close), "Away with it");
        assert_eq!(keymap.description_in(Context::Help, Action::Close), "Away with it");
    }
}
