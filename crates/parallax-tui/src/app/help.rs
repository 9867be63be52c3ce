//! The help screen's lines, generated from the active keymap so they are
//! always true.

use crate::keymap::{Context, Keymap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Context(&'static str),
    Binding {
        keys: String,
        description: String,
    },
    /// A mark the reader draws, and what it means.
    Mark {
        mark: &'static str,
        meaning: &'static str,
    },
    Blank,
}

/// What the reader's marks mean, before the keys.
const LEGEND: &[(&str, &str)] = &[
    (
        "+",
        "supports the theme's claim (in the stance strips, gutters and matrix)",
    ),
    ("x", "opposes the claim"),
    ("~", "qualifies it: agrees in part, or only on conditions"),
    ("=", "reports on it without taking a side"),
    ("·", "silent: the article does not speak to it"),
    (
        "≡",
        "before a theme: a fact the authors share, not a point they dispute (d skips it)",
    ),
    ("1 2 3", "beside an article in the sidebar: the panes that show it"),
    (
        "◀ 2 more / 1 more ▶",
        "panes open but not on screen (the focused pane is always shown)",
    ),
    ("¶23", "paragraph 23 of the article, as citations count them"),
];

pub fn help_lines(keymap: &Keymap) -> Vec<HelpLine> {
    let mut lines = vec![HelpLine::Context("What the marks mean")];
    lines.extend(LEGEND.iter().map(|&(mark, meaning)| HelpLine::Mark { mark, meaning }));
    lines.push(HelpLine::Blank);
    for context in Context::ALL {
        let grouped = keymap.grouped(context);
        if grouped.is_empty() {
            continue;
        }
        lines.push(HelpLine::Context(context_title(context)));
        for (action, keys) in grouped {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            lines.push(HelpLine::Binding {
                keys: keys.join("  "),
                description: keymap.description(action).to_string(),
            });
        }
        lines.push(HelpLine::Blank);
    }
    lines
}

fn context_title(context: Context) -> &'static str {
    match context {
        Context::Global => "Everywhere",
        Context::Reader => "In an article pane",
        Context::Sidebar => "In the sidebar",
        Context::Picker => "In the article picker (type to filter)",
        Context::Help => "In this help",
        Context::Matrix => "In the stance matrix",
        Context::Search => "In the search palette (type to search; # themes, @ articles)",
        Context::List => "In a list: notes to follow, relations, the timeline",
        Context::Selection => "While selecting sentences (v)",
        Context::Field => "In a text field of a form (placing a passage, a view)",
        Context::Choice => "Choosing a stance, or confirming, in a form",
        Context::Message => "In a message",
    }
}
