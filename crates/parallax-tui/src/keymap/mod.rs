//! Key bindings: keymap.toml's defaults, a user's file merged over them per
//! context and key, and the lookup from a key event to an [`Action`].

mod described;

use std::collections::BTreeMap;
use std::fmt;

use crokey::KeyCombination;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::diagnostic::{Diagnostic, Location, NameKind, unknown_name};

const ACTION: NameKind = NameKind {
    what: "action",
    listed_by: "keymap.toml in the repository names them, and the help screen (?) shows those bound",
};

const CONTEXT: NameKind = NameKind {
    what: "context",
    listed_by: "keymap.toml in the repository names them",
};

/// The default bindings, as shipped at the repository root.
pub const DEFAULT_KEYMAP: &str = include_str!("../../../../keymap.toml");

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Reader,
    Sidebar,
    Picker,
    Help,
    Matrix,
    Search,
    List,
    Selection,
    Field,
    Choice,
    Message,
    Review,
}

impl Context {
    pub const ALL: [Context; 13] = [
        Context::Global,
        Context::Reader,
        Context::Sidebar,
        Context::Picker,
        Context::Help,
        Context::Matrix,
        Context::Search,
        Context::List,
        Context::Selection,
        Context::Field,
        Context::Choice,
        Context::Message,
        Context::Review,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Reader => "reader",
            Context::Sidebar => "sidebar",
            Context::Picker => "picker",
            Context::Help => "help",
            Context::Matrix => "matrix",
            Context::Review => "review",
            Context::Search => "search",
            Context::List => "list",
            Context::Selection => "selection",
            Context::Field => "field",
            Context::Choice => "choice",
            Context::Message => "message",
        }
    }

    fn from_name(name: &str) -> Option<Context> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Whether plain characters not bound here are typed into a text field.
    fn takes_text(self) -> bool {
        matches!(self, Context::Picker | Context::Search | Context::Field)
    }
}

/// A key, as bound and as looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(KeyCombination);

impl Key {
    /// Parses "j", "G", "ctrl-o", "shift-tab", "?", "space", ...
    pub fn parse(text: &str) -> Option<Key> {
        let text = text.trim();
        let last = text.rsplit('-').next().unwrap_or(text);
        // crokey reads "G" as "g"; an uppercase letter means shift.
        let text = if last.len() == 1 && last.chars().all(|c| c.is_ascii_uppercase()) && !text.is_empty() {
            format!("{}shift-{}", &text[..text.len() - 1], last.to_ascii_lowercase())
        } else if text.eq_ignore_ascii_case("shift-tab") {
            "backtab".to_string()
        } else {
            text.to_string()
        };
        if let Ok(combination) = crokey::parse(&text) {
            return Some(Key::normalized(combination.normalized()));
        }
        Key::parse_any_char(&text)
    }

    /// Any one character, with modifiers before it ("é", "ж", "alt-ß"),
    /// which the key parser takes only in ASCII.
    fn parse_any_char(text: &str) -> Option<Key> {
        let (modifiers, last) = match text.rsplit_once('-') {
            Some((modifiers, last)) if !last.is_empty() => (Some(modifiers), last),
            _ => (None, text),
        };
        let mut chars = last.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        let mut combination = match modifiers {
            Some(modifiers) => crokey::parse(&format!("{modifiers}-a")).ok()?,
            None => KeyCombination::from(KeyCode::Char('a')),
        };
        combination.codes = crokey::OneToThree::One(KeyCode::Char(c));
        if c.is_uppercase() {
            combination.modifiers.insert(KeyModifiers::SHIFT);
        }
        Some(Key::normalized(combination.normalized()))
    }

    pub fn from_event(event: KeyEvent) -> Key {
        Key::normalized(KeyCombination::from(event))
    }

    /// Terminals differ on whether "?" comes with shift; it does not matter.
    fn normalized(mut combination: KeyCombination) -> Key {
        if let crokey::OneToThree::One(KeyCode::Char(c)) = combination.codes
            && !c.is_alphabetic()
        {
            combination.modifiers.remove(KeyModifiers::SHIFT);
        }
        if let crokey::OneToThree::One(KeyCode::BackTab) = combination.codes {
            combination.modifiers.insert(KeyModifiers::SHIFT);
        }
        Key(combination)
    }

    /// The plain character this key types, if it types one.
    pub fn typed_char(self) -> Option<char> {
        match self.0.codes {
            crokey::OneToThree::One(KeyCode::Char(c)) if (self.0.modifiers - KeyModifiers::SHIFT).is_empty() => Some(c),
            _ => None,
        }
    }
}

impl fmt::Display for Key {
    /// Written as keymap.toml writes it: "j", "G", "ctrl-o", "enter", "space".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let crokey::OneToThree::One(code) = self.0.codes else {
            return write!(f, "{}", self.0);
        };
        let modifiers = self.0.modifiers;
        if modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        let implicit_shift = matches!(code, KeyCode::Char(c) if c.is_alphabetic()) || code == KeyCode::BackTab;
        if modifiers.contains(KeyModifiers::SHIFT) && !implicit_shift {
            f.write_str("shift-")?;
        }
        match code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("backtab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The active bindings and the description of each action.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: BTreeMap<Context, BTreeMap<Key, Action>>,
    descriptions: BTreeMap<Action, String>,
    /// The actions the user's file describes in its own words.
    user_described: std::collections::BTreeSet<Action>,
    /// The user's file merged over the defaults, if any.
    user_file: Option<String>,
}

impl Keymap {
    /// The shipped defaults.
    pub fn defaults() -> Keymap {
        let mut keymap = Keymap {
            bindings: BTreeMap::new(),
            descriptions: Action::NAMED
                .iter()
                .map(|(_, action, description)| (*action, (*description).to_string()))
                .collect(),
            user_described: std::collections::BTreeSet::new(),
            user_file: None,
        };
        let problems = keymap.merge("keymap.toml", DEFAULT_KEYMAP);
        assert!(problems.is_empty(), "the shipped keymap.toml is valid: {problems:?}");
        keymap
    }

    /// The defaults with a user's file merged over them. Problems in the file
    /// are returned, one per wrong line; every valid binding still applies.
    pub fn with_user_file(name: &str, text: &str) -> (Keymap, Vec<Diagnostic>) {
        let mut keymap = Keymap::defaults();
        let mut problems = keymap.merge(name, text);
        say_where_names_are_once(&mut problems);
        keymap.user_file = Some(name.to_string());
        (keymap, problems)
    }

    /// Merges `text` over these bindings, key by key. A file that is not
    /// valid TOML is taken line by line, so one broken line costs only itself.
    fn merge(&mut self, name: &str, text: &str) -> Vec<Diagnostic> {
        let text = crate::sanitize::clean(text);
        match toml::de::DeTable::parse(&text) {
            Ok(table) => {
                // Every binding is located (for a key bound twice): by an
                // index of the lines, not a scan from the start each time.
                let lines = crate::diagnostic::LineIndex::new(&text);
                self.merge_table(
                    name,
                    table.get_ref(),
                    &|offset| lines.location(offset),
                    &mut Seen::new(),
                )
            }
            Err(whole) => {
                let mut problems = self.merge_lines(name, &text);
                if problems.is_empty() {
                    problems.push(syntax_error(name, &whole, &|offset| Location::of_offset(&text, offset)));
                }
                problems
            }
        }
    }

    /// Merges a file that does not parse as a whole: each line under the
    /// last good `[context]` heading, on its own.
    fn merge_lines(&mut self, name: &str, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let mut heading: Option<&str> = None;
        let mut line_start = 0;
        let mut seen = Seen::new();
        for line in text.split_inclusive('\n') {
            let start = line_start;
            line_start += line.len();
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let is_heading = trimmed.starts_with('[');
            // The line alone, under its heading; offsets in it map back to the file.
            let prefix = match heading {
                Some(h) if !is_heading => format!("{h}\n"),
                _ => String::new(),
            };
            let piece = format!("{prefix}{line}");
            let at = |offset: usize| Location::of_offset(text, start + offset.saturating_sub(prefix.len()));
            match toml::de::DeTable::parse(&piece) {
                Ok(table) => {
                    if is_heading {
                        heading = Some(trimmed);
                    }
                    problems.extend(self.merge_table(name, table.get_ref(), &at, &mut seen));
                }
                Err(e) => {
                    if is_heading {
                        // Bindings under a broken heading have no context.
                        heading = None;
                    }
                    problems.push(syntax_error(name, &e, &at));
                }
            }
        }
        problems
    }

    fn merge_table(
        &mut self,
        name: &str,
        table: &toml::de::DeTable<'_>,
        at: &dyn Fn(usize) -> Location,
        seen: &mut Seen,
    ) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let context_names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).chain(["desc"]).collect();
        let action_names: Vec<&str> = Action::NAMED.iter().map(|(n, ..)| *n).chain(["none"]).collect();
        for (section, value) in table.iter() {
            let toml::de::DeValue::Table(entries) = value.get_ref() else {
                problems.push(Diagnostic::error(
                    name,
                    at(section.span().start),
                    format!("`{}` is not a table", section.get_ref()),
                    "write bindings under a context heading such as [reader]",
                ));
                continue;
            };
            let context = Context::from_name(section.get_ref());
            if context.is_none() && section.get_ref() != "desc" {
                problems.push(unknown_name(
                    name,
                    at(section.span().start),
                    &CONTEXT,
                    section.get_ref(),
                    context_names.iter().copied(),
                ));
                continue;
            }
            // In the file's order, so that of a key bound twice the later line wins.
            let mut entries: Vec<_> = entries.iter().collect();
            entries.sort_by_key(|(key_text, _)| key_text.span().start);
            for (key_text, action_value) in entries {
                let toml::de::DeValue::String(action_name) = action_value.get_ref() else {
                    problems.push(Diagnostic::error(
                        name,
                        at(action_value.span().start),
                        format!("the value for `{}` is not a string", key_text.get_ref()),
                        "write the action's name in quotes, e.g. j = \"scroll_down\"",
                    ));
                    continue;
                };
                let Some(context) = context else {
                    // [desc]: action = "description"
                    match Action::from_name(key_text.get_ref()) {
                        Some(action) => {
                            self.descriptions
                                .insert(action, crate::sanitize::clean_line(action_name));
                            self.user_described.insert(action);
                        }
                        None => problems.push(unknown_name(
                            name,
                            at(key_text.span().start),
                            &ACTION,
                            key_text.get_ref(),
                            action_names.iter().copied(),
                        )),
                    }
                    continue;
                };
                let Some(key) = Key::parse(key_text.get_ref()) else {
                    problems.push(Diagnostic::error(
                        name,
                        at(key_text.span().start),
                        format!("unknown key `{}`", key_text.get_ref()),
                        "write a character (\"j\", \"?\") or a key name (enter, esc, tab, space, up, pagedown, f1...), with ctrl-, alt- or shift- before it",
                    ));
                    continue;
                };
                let here = at(key_text.span().start);
                if let Some((line, spelled)) = seen.insert((context, key), (here.line, key_text.get_ref().to_string()))
                {
                    problems.push(Diagnostic::warning(
                        name,
                        here,
                        format!(
                            "`{}` is the key `{spelled}` bound on line {line} of [{}]; this line wins",
                            key_text.get_ref(),
                            context.name()
                        ),
                        "bind each key once in a context: delete one of the two lines",
                    ));
                }
                let bindings = self.bindings.entry(context).or_default();
                if action_name.as_ref() == "none" {
                    bindings.remove(&key);
                    continue;
                }
                match Action::from_name(action_name) {
                    Some(action) => {
                        bindings.insert(key, action);
                    }
                    None => problems.push(unknown_name(
                        name,
                        at(action_value.span().start),
                        &ACTION,
                        action_name,
                        action_names.iter().copied(),
                    )),
                }
            }
        }
        problems
    }

    /// The action for a key in a context: the context's own binding, then
    /// (in a text field) the typed character, then the global binding.
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        if let Some(action) = self.bindings.get(&context).and_then(|b| b.get(&key)) {
            return Some(*action);
        }
        if context.takes_text()
            && let Some(c) = key.typed_char()
        {
            return Some(Action::Input(c));
        }
        if context == Context::Message {
            return Some(Action::AnyKey);
        }
        // A form waiting for one key takes no other: a stray key must not
        // quit or move the reader behind it.
        if context == Context::Choice {
            return None;
        }
        self.bindings.get(&Context::Global).and_then(|b| b.get(&key)).copied()
    }

    /// The bindings of one context, sorted by key.
    /// The first key bound to `action` in the first of `contexts` that binds
    /// it, as written for a hint; "(unbound)" when none does.
    pub fn key_for(&self, contexts: &[Context], action: Action) -> String {
        contexts
            .iter()
            .find_map(|&context| self.bindings(context).find(|(_, a)| *a == action))
            .map_or_else(|| "(unbound)".to_string(), |(key, _)| key.to_string())
    }

    pub fn bindings(&self, context: Context) -> impl Iterator<Item = (Key, Action)> + '_ {
        self.bindings.get(&context).into_iter().flatten().map(|(k, a)| (*k, *a))
    }

    /// The user's file merged over the defaults, if any.
    pub fn user_file(&self) -> Option<&str> {
        self.user_file.as_deref()
    }

    pub fn description(&self, action: Action) -> &str {
        self.descriptions.get(&action).map_or("", String::as_str)
    }

    fn described_by_user(&self, action: Action) -> bool {
        self.user_described.contains(&action)
    }

    /// The bindings by context, as `parallax keys` prints them.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        for context in Context::ALL {
            out.push_str(&format!("[{}]\n", context.name()));
            for (action, keys) in self.grouped(context) {
                let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
                out.push_str(&format!(
                    "  {:<24} {:<16} {}\n",
                    keys.join(", "),
                    action.name().unwrap_or(""),
                    self.description_in(context, action)
                ));
            }
            out.push('\n');
        }
        out
    }

    /// Each action bound in `context`, with its keys, in keymap order of actions.
    pub fn grouped(&self, context: Context) -> Vec<(Action, Vec<Key>)> {
        let mut grouped: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        for (key, action) in self.bindings(context) {
            grouped.entry(action).or_default().push(key);
        }
        grouped.into_iter().collect()
    }
}

/// Several unknown names of one kind say where the names are listed once,
/// at the first; the others keep only their suggestion.
fn say_where_names_are_once(problems: &mut [Diagnostic]) {
    let mut said: Vec<String> = Vec::new();
    for problem in problems {
        let Some(at) = problem.help.find("there are ") else {
            continue;
        };
        let list = problem.help[at..].to_string();
        if said.contains(&list) {
            let suggestion = problem.help[..at].trim_end().to_string();
            problem.help = if suggestion.is_empty() {
                "see the first such line for where the names are".into()
            } else {
                suggestion
            };
        } else {
            said.push(list);
        }
    }
}

/// The keys a user file binds, by context: on which line, and as spelled there.
type Seen = std::collections::HashMap<(Context, Key), (usize, String)>;

fn syntax_error(file: &str, error: &toml::de::Error, at: &dyn Fn(usize) -> Location) -> Diagnostic {
    Diagnostic::error(
        file,
        at(error.span().map_or(0, |s| s.start)),
        error.message().trim().replace('\n', " "),
        "correct the TOML syntax (a binding is key = \"action\", under a [context] heading); keymap.toml in the repository shows the format",
    )
}

#[cfg(test)]
mod tests;
