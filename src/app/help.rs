//! The help screen's lines, generated from the active keymap so they are
//! always true.

use crate::keymap::{Context, Keymap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Context(&'static str),
    Binding { keys: String, description: String },
    Blank,
}

pub fn help_lines(keymap: &Keymap) -> Vec<HelpLine> {
    let mut lines = Vec::new();
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
        Context::Message => "In a message",
    }
}
