//! The overlays' actions, as state transitions: the picker, the search
//! field's cursor, notes, help, a message.

use super::*;

/// The keys the keymap gives in a context, as actions.
fn keyed(app: &App, keys: &[&str]) -> Vec<Action> {
    keys.iter()
        .map(|k| {
            let key = crate::keymap::Key::parse(k).unwrap();
            app.keymap
                .action(app.context(), key)
                .or_else(|| key.typed_char().map(Action::Input))
                .unwrap_or_else(|| panic!("{k} does nothing in {:?}", app.context()))
        })
        .collect()
}

#[test]
fn the_cursor_keys_edit_within_the_picker_and_the_search_query() {
    let mut app = app();
    update(&mut app, Action::OpenPicker);
    for action in keyed(&app, &["u", "r", "t", "o", "v", "home", "g", "end", "left", "right"]) {
        update(&mut app, action);
    }
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("picker open")
    };
    assert_eq!(picker.query, "gurtov");
    assert_eq!(app.corpus[picker.matches[0]].meta.id, "gurtov-2024");
    update(&mut app, Action::Close);

    update(&mut app, Action::OpenSearch);
    for action in keyed(&app, &["n", "e", "v", "k", "y", "left", "left", "s", "ctrl-e"]) {
        update(&mut app, action);
    }
    let Some(Overlay::Search(palette)) = &app.overlay else {
        panic!("search open")
    };
    assert_eq!(
        (palette.query.value(), palette.query.cursor_column_chars()),
        ("nevsky", 6)
    );
    let fresh = app.work.searcher.index.search(&crate::search::Query::parse("nevsky"));
    assert_eq!(palette.hits, fresh, "the results are those of the query as edited");
}

#[test]
fn the_picker_filters_and_opens_an_article() {
    let mut app = app();
    update(&mut app, Action::OpenPicker);
    assert_eq!(app.context(), crate::keymap::Context::Picker);
    for c in "gurtov".chars() {
        update(&mut app, Action::Input(c));
    }
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("picker open")
    };
    assert_eq!(app.corpus[picker.matches[0]].meta.id, "gurtov-2024");
    update(&mut app, Action::DeleteChar);
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("picker open")
    };
    assert_eq!(picker.query, "gurto");
    update(&mut app, Action::Select);
    assert!(app.overlay.is_none());
    assert_eq!(article_id(&app, 0), "gurtov-2024");
    assert_eq!(app.scroll_line(0), 0);
    // Esc leaves everything as it was.
    update(&mut app, Action::OpenPicker);
    update(&mut app, Action::SelectNext);
    update(&mut app, Action::Close);
    assert!(app.overlay.is_none());
    assert_eq!(article_id(&app, 0), "gurtov-2024");
}

#[test]
fn the_picker_gives_at_each_key_what_filtering_the_query_afresh_gives() {
    let mut app = app();
    update(&mut app, Action::OpenPicker);
    let picker = |app: &App| match &app.overlay {
        Some(Overlay::Picker(picker)) => picker.clone(),
        _ => panic!("picker open"),
    };
    for (typed, action) in [
        ("s", Action::Input('s')),
        ("su", Action::Input('u')),
        ("sun", Action::Input('n')),
        ("su", Action::DeleteChar),
        ("sux", Action::Input('x')),
        ("", Action::ClearInput),
        ("a", Action::Input('a')),
        ("an", Action::Input('n')),
    ] {
        update(&mut app, action);
        let mut afresh = Picker {
            query: TextField::with(typed),
            ..Picker::default()
        };
        afresh.filter(&app.corpus, &app.by_date);
        assert_eq!(picker(&app).matches, afresh.matches, "{typed:?}");
    }
}

#[test]
fn notes_are_followed_and_the_jump_list_goes_back_and_forward() {
    let mut app = app_with(&["gurtov-2024"], 120, 40);
    // The first paragraph after the heading ends with note 1.
    update(&mut app, Action::NextHeading);
    update(&mut app, Action::NextParagraph);
    let before = app.reading.panes[0].top;
    update(&mut app, Action::FollowNote);
    // Several references are on screen: `f` offers them, in reading order.
    let Some(Overlay::Notes { labels, .. }) = app.overlay.clone() else {
        panic!("a choice of notes: {:?}", app.overlay);
    };
    assert!(labels.len() > 1 && labels[0] == "1", "{labels:?}");
    assert_eq!(app.context(), crate::keymap::Context::List);
    let screen = crate::ui::snapshot(&app);
    assert!(
        screen.contains("Follow which note?") && screen.contains("[1] "),
        "{screen}"
    );
    update(&mut app, Action::SelectNext);
    update(&mut app, Action::Select);
    assert_eq!(top_block(&app, 0).note_label(), Some(labels[1].as_str()));
    update(&mut app, Action::JumpBack);
    assert_eq!(app.reading.panes[0].top, before);
    update(&mut app, Action::FollowNote);
    update(&mut app, Action::Select);
    assert_eq!(top_block(&app, 0).note_label(), Some("1"));
    update(&mut app, Action::JumpBack);
    assert_eq!(app.reading.panes[0].top, before);
    update(&mut app, Action::JumpForward);
    assert_eq!(top_block(&app, 0).id, "n1");
    update(&mut app, Action::JumpForward);
    assert_eq!(app.status.as_deref(), Some("No later jump"));
    update(&mut app, Action::Top);
    assert_eq!(app.scroll_line(0), 0);
    update(&mut app, Action::JumpBack);
    assert_eq!(top_block(&app, 0).id, "n1", "top and bottom are jumps too");
}

#[test]
fn follow_note_without_a_reference_on_screen_says_so() {
    let mut app = app();
    update(&mut app, Action::FollowNote);
    assert_eq!(app.status.as_deref(), Some("No note reference on screen"));
    assert_eq!(app.scroll_line(0), 0);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app_with(&["gabuev-2024"], 80, 12);
    update(&mut app, Action::Help);
    assert_eq!(app.context(), crate::keymap::Context::Help);
    update(&mut app, Action::ScrollDown);
    update(&mut app, Action::ScrollDown);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 2 }));
    update(&mut app, Action::ScrollUp);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 1 }));
    update(&mut app, Action::Close);
    assert!(app.overlay.is_none());
}

#[test]
fn a_message_is_dismissed_by_any_key_and_blocks_other_actions() {
    let mut app = app();
    app.overlay = Some(Overlay::Message {
        title: "t".into(),
        lines: vec!["x".into()],
    });
    update(&mut app, Action::ScrollDown);
    assert_eq!(app.scroll_line(0), 0);
    assert!(app.overlay.is_some());
    update(&mut app, Action::AnyKey);
    assert!(app.overlay.is_none());
}

#[test]
fn help_descriptions_wrap_whole_at_80_columns_and_the_help_scrolls_to_its_end() {
    let keymap = crate::keymap::Keymap::defaults();
    let rows = crate::app::help_rows(&keymap, 76);
    let text: String = rows
        .iter()
        .map(|row| match row {
            crate::app::HelpRow::Binding { text, .. } | crate::app::HelpRow::Mark { text, .. } => format!("{text} "),
            _ => String::new(),
        })
        .collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for context in crate::keymap::Context::ALL {
        for (action, _) in keymap.grouped(context) {
            let words = keymap.description_in(context, action);
            assert!(text.contains(words), "cut: {words}");
        }
    }
    assert!(
        rows.len() > crate::app::help_lines(&keymap).len(),
        "some lines wrap at 80 columns"
    );
}
