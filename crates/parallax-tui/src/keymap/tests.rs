//! Key parsing, the shipped defaults, and user files.

use super::*;
use crossterm::event::KeyEventKind;

fn event(code: KeyCode, modifiers: KeyModifiers) -> Key {
    Key::from_event(KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press))
}

#[test]
fn keys_parse_like_terminals_send_them() {
    assert_eq!(Key::parse("j"), Some(event(KeyCode::Char('j'), KeyModifiers::NONE)));
    assert_eq!(Key::parse("G"), Some(event(KeyCode::Char('G'), KeyModifiers::SHIFT)));
    assert_eq!(Key::parse("shift-g"), Key::parse("G"));
    assert_eq!(Key::parse("?"), Some(event(KeyCode::Char('?'), KeyModifiers::SHIFT)));
    assert_eq!(Key::parse("?"), Some(event(KeyCode::Char('?'), KeyModifiers::NONE)));
    assert_eq!(
        Key::parse("ctrl-o"),
        Some(event(KeyCode::Char('o'), KeyModifiers::CONTROL))
    );
    assert_eq!(
        Key::parse("backtab"),
        Some(event(KeyCode::BackTab, KeyModifiers::SHIFT))
    );
    assert_eq!(Key::parse("shift-tab"), Key::parse("backtab"));
    assert_eq!(Key::parse("space"), Some(event(KeyCode::Char(' '), KeyModifiers::NONE)));
    assert_eq!(Key::parse("nosuchkey"), None);
}

#[test]
fn keys_display_as_written() {
    for text in ["j", "G", "ctrl-o", "enter", "?", "space", "backtab", "pagedown"] {
        let shown = Key::parse(text).unwrap().to_string();
        assert_eq!(Key::parse(&shown), Key::parse(text), "{text} shows as {shown}");
    }
}

#[test]
fn every_action_has_a_description_and_the_defaults_keep_their_promises() {
    let keymap = Keymap::defaults();
    for (name, action, _) in Action::NAMED {
        assert!(!keymap.description(*action).is_empty(), "{name} has no desc");
    }
    let global = |k: &str| keymap.action(Context::Reader, Key::parse(k).unwrap());
    assert_eq!(global("q"), Some(Action::Quit));
    assert_eq!(global("?"), Some(Action::Help));
    assert_eq!(global("j"), Some(Action::ScrollDown));
    assert_eq!(global("down"), Some(Action::ScrollDown));
    assert_eq!(global("k"), Some(Action::ScrollUp));
    assert_eq!(global("up"), Some(Action::ScrollUp));
    assert_eq!(global("tab"), Some(Action::FocusNext));
    assert_eq!(global("o"), Some(Action::OpenPicker));
    assert_eq!(global("ctrl-o"), Some(Action::JumpBack));
    assert_ne!(global("tab"), Some(Action::JumpForward), "tab is not jump_forward");
    assert_eq!(
        keymap.action(Context::Sidebar, Key::parse("enter").unwrap()),
        Some(Action::Select)
    );
    assert_eq!(
        keymap.action(Context::Picker, Key::parse("esc").unwrap()),
        Some(Action::Close)
    );
}

#[test]
fn defaults_have_no_conflicts() {
    // A key bound in a context must not also be bound to a different
    // action globally unless the context means to override it, and the
    // file must not bind one key twice in a context.
    let table: toml::Table = toml::from_str(DEFAULT_KEYMAP).unwrap();
    for (context, entries) in &table {
        let Some(entries) = entries.as_table() else { continue };
        if context == "desc" {
            continue;
        }
        let mut seen = std::collections::HashMap::new();
        for key in entries.keys() {
            let parsed = Key::parse(key).unwrap_or_else(|| panic!("[{context}] {key} parses"));
            if let Some(other) = seen.insert(parsed, key) {
                panic!("[{context}] `{key}` and `{other}` are the same key");
            }
        }
    }
    // Typing in the picker must reach the filter: it binds no plain character.
    let keymap = Keymap::defaults();
    for (key, _) in keymap.bindings(Context::Picker) {
        assert!(key.typed_char().is_none(), "picker binds the typed character {key}");
    }
}

#[test]
fn user_file_merges_per_context_and_key_and_can_unbind() {
    let (keymap, problems) = Keymap::with_user_file(
        "user.toml",
        "[global]\nq = \"none\"\nctrl-q = \"quit\"\n[reader]\nn = \"scroll_down\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(keymap.action(Context::Reader, Key::parse("q").unwrap()), None);
    assert_eq!(
        keymap.action(Context::Reader, Key::parse("ctrl-q").unwrap()),
        Some(Action::Quit)
    );
    assert_eq!(
        keymap.action(Context::Reader, Key::parse("n").unwrap()),
        Some(Action::ScrollDown)
    );
    // Untouched defaults stay.
    assert_eq!(
        keymap.action(Context::Reader, Key::parse("j").unwrap()),
        Some(Action::ScrollDown)
    );
}

#[test]
fn a_bad_user_file_names_the_line_and_the_nearest_action() {
    let (keymap, problems) = Keymap::with_user_file("user.toml", "[reader]\nj = \"scroll_down\"\nx = \"scrol_down\"\n");
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!((p.file.as_str(), p.line, p.column), ("user.toml", 3, 5));
    assert_eq!(p.message, "unknown action `scrol_down`");
    assert!(p.help.starts_with("did you mean `scroll_down`?"), "{}", p.help);
    // The wrong line is skipped; x keeps its default.
    assert_eq!(
        keymap.action(Context::Reader, Key::parse("x").unwrap()),
        Some(Action::ClosePane)
    );
}

#[test]
fn one_wrong_line_costs_only_itself() {
    let text =
        "[global]\nQ = \"quit\"\nq = none\n\n[reader]\nJ = \"scroll_down\"\nK = \"scrol_up\"\nctrl-y = \"scroll_up\"\n";
    let (keymap, problems) = Keymap::with_user_file("user.toml", text);
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [3, 7], "{problems:?}");
    assert!(
        problems[0].help.contains("correct the TOML syntax"),
        "{}",
        problems[0].help
    );
    let bound = |context, key: &str| keymap.action(context, Key::parse(key).unwrap());
    assert_eq!(bound(Context::Global, "Q"), Some(Action::Quit));
    assert_eq!(
        bound(Context::Global, "q"),
        Some(Action::Quit),
        "the broken line changed nothing"
    );
    assert_eq!(bound(Context::Reader, "J"), Some(Action::ScrollDown));
    assert_eq!(bound(Context::Reader, "ctrl-y"), Some(Action::ScrollUp));
    assert_eq!(
        bound(Context::Reader, "K"),
        Some(Action::CompareUp),
        "the wrong line left the default"
    );
}

#[test]
fn unknown_keys_contexts_and_syntax_errors_are_located() {
    let (_, problems) = Keymap::with_user_file("k.toml", "[readr]\nj = \"quit\"\n[reader]\nctrl-nope = \"quit\"\n");
    assert_eq!(problems.len(), 2);
    let context = problems
        .iter()
        .find(|p| p.message.contains("unknown context `readr`"))
        .unwrap();
    assert_eq!(context.line, 1);
    assert!(context.help.contains("did you mean `reader`?"), "{}", context.help);
    let key = problems
        .iter()
        .find(|p| p.message == "unknown key `ctrl-nope`")
        .unwrap();
    assert_eq!((key.line, key.column), (4, 1));
    let (_, problems) = Keymap::with_user_file("k.toml", "[reader\n");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 1);
}

#[test]
fn the_picker_takes_typed_text_and_messages_take_any_key() {
    let keymap = Keymap::defaults();
    assert_eq!(
        keymap.action(Context::Picker, Key::parse("q").unwrap()),
        Some(Action::Input('q'))
    );
    assert_eq!(
        keymap.action(Context::Picker, Key::parse("ctrl-c").unwrap()),
        Some(Action::Quit)
    );
    assert_eq!(
        keymap.action(Context::Message, Key::parse("x").unwrap()),
        Some(Action::AnyKey)
    );
}

#[test]
fn any_single_character_is_a_key() {
    assert_eq!(Key::parse("é"), Some(event(KeyCode::Char('é'), KeyModifiers::NONE)));
    assert_eq!(Key::parse("ж"), Some(event(KeyCode::Char('ж'), KeyModifiers::NONE)));
    assert_eq!(Key::parse("Ж"), Some(event(KeyCode::Char('Ж'), KeyModifiers::SHIFT)));
    assert_eq!(Key::parse("alt-ß"), Some(event(KeyCode::Char('ß'), KeyModifiers::ALT)));
    assert_eq!(
        Key::parse("ctrl-ж"),
        Some(event(KeyCode::Char('ж'), KeyModifiers::CONTROL))
    );
    assert_eq!(Key::parse("жж"), None);
    let (keymap, problems) = Keymap::with_user_file("k.toml", "[reader]\n\"é\" = \"quit\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        keymap.action(Context::Reader, event(KeyCode::Char('é'), KeyModifiers::NONE)),
        Some(Action::Quit)
    );
}

#[test]
fn one_key_bound_twice_in_a_context_under_two_spellings_is_reported_with_both_lines() {
    let text = "[global]\n\"ctrl-q\" = \"quit\"\n\"Ctrl-q\" = \"help\"\n[reader]\n\"ctrl-q\" = \"jump_back\"\n";
    let (keymap, problems) = Keymap::with_user_file("k.toml", text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = problems[0].to_string();
    assert!(
        problem.starts_with("k.toml:3:1:")
            && problem.contains("`Ctrl-q` is the key `ctrl-q` bound on line 2 of [global]"),
        "{problem}"
    );
    assert_eq!(
        keymap.action(Context::Global, event(KeyCode::Char('q'), KeyModifiers::CONTROL)),
        Some(Action::Help),
        "the later line wins"
    );
    // Also when the file is read line by line (a broken line elsewhere).
    let (_, problems) = Keymap::with_user_file("k.toml", &format!("{text}[global\n"));
    assert!(
        problems.iter().any(|p| p.to_string().contains("bound on line 2")),
        "{problems:?}"
    );
}

#[test]
fn several_unknown_actions_say_where_the_names_are_once() {
    let (_, problems) = Keymap::with_user_file(
        "k.toml",
        "[reader]\nj = \"scrol_down\"\nk = \"scrol_up\"\nl = \"zzzzzz\"\n",
    );
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert_eq!(said.iter().filter(|s| s.contains("there are")).count(), 1, "{said:?}");
    assert!(said[1].ends_with("did you mean `scroll_up`?"), "{said:?}");
}
