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
                description: keymap.description_in(context, action).to_string(),
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
        Context::Review => "Reviewing suggested passages (S)",
    }
}

/// A row of the help as drawn: its lines wrapped to the window's width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Context(&'static str),
    /// A binding's keys (empty on the lines that go on its description) and text.
    Binding {
        keys: String,
        text: String,
    },
    Mark {
        mark: String,
        text: String,
    },
    Blank,
}

/// The widest a window of text grows on a wide terminal: beyond it, lines
/// are too long to read.
pub const READABLE_WIDTH: u16 = 160;

/// The width of a window of text (the help, the timeline, the matrix at
/// most) on a screen `screen_width` columns wide.
pub fn window_width(screen_width: u16) -> u16 {
    screen_width.saturating_sub(4).min(READABLE_WIDTH)
}

/// Columns before a description: two of margin, the keys, two of gap.
const KEYS_COLUMNS: usize = 26;
const KEYS_WIDTH: usize = 22;

/// The help's rows at `width` columns: each description wrapped under its
/// own column, never cut.
pub fn help_rows(keymap: &Keymap, width: usize) -> Vec<HelpRow> {
    let room = width.saturating_sub(KEYS_COLUMNS).max(12);
    let wrapped = |text: &str| -> Vec<String> {
        crate::layout::wrap(text, room)
            .into_iter()
            .map(|range| text[range].to_string())
            .collect()
    };
    let mut rows = Vec::new();
    for line in help_lines(keymap) {
        match line {
            HelpLine::Context(title) => rows.push(HelpRow::Context(title)),
            HelpLine::Blank => rows.push(HelpRow::Blank),
            HelpLine::Binding { keys, description } => {
                // Keys are short names; a list of many is cut at its column.
                let keys: String = keys.chars().take(KEYS_WIDTH).collect();
                for (i, text) in wrapped(&description).into_iter().enumerate() {
                    let keys = if i == 0 { keys.clone() } else { String::new() };
                    rows.push(HelpRow::Binding { keys, text });
                }
            }
            HelpLine::Mark { mark, meaning } => {
                for (i, text) in wrapped(meaning).into_iter().enumerate() {
                    let mark = if i == 0 { mark.to_string() } else { String::new() };
                    rows.push(HelpRow::Mark { mark, text });
                }
            }
        }
    }
    rows
}
