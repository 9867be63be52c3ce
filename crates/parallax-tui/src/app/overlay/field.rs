//! The one text field every overlay types into (the picker's filter, the
//! search palette's query, a form's fields), with the usual editing keys
//! and a cursor.

use tui_input::{Input, InputRequest};

use crate::action::Action;

/// A one-line text field with the usual editing keys.
#[derive(Debug, Clone, Default)]
pub struct TextField(Input);

impl PartialEq for TextField {
    fn eq(&self, other: &Self) -> bool {
        self.0.value() == other.0.value() && self.0.cursor() == other.0.cursor()
    }
}

impl Eq for TextField {}

impl TextField {
    pub fn with(text: &str) -> TextField {
        TextField(Input::new(text.to_string()))
    }

    pub fn value(&self) -> &str {
        self.0.value()
    }

    /// Where the cursor stands, in characters from the start.
    pub fn cursor_column_chars(&self) -> usize {
        self.0.cursor()
    }

    /// Applies an editing action; false for any other.
    pub fn edit(&mut self, action: Action) -> bool {
        let request = match action {
            Action::Input(c) => InputRequest::InsertChar(c),
            Action::DeleteChar => InputRequest::DeletePrevChar,
            Action::DeleteWord => InputRequest::DeletePrevWord,
            Action::ClearInput => InputRequest::DeleteLine,
            Action::CursorLeft => InputRequest::GoToPrevChar,
            Action::CursorRight => InputRequest::GoToNextChar,
            Action::CursorStart => InputRequest::GoToStart,
            Action::CursorEnd => InputRequest::GoToEnd,
            _ => return false,
        };
        self.0.handle(request);
        true
    }
}

/// A field compares equal to the text it holds.
impl PartialEq<&str> for TextField {
    fn eq(&self, other: &&str) -> bool {
        self.value() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_moves_and_typing_goes_where_it_stands() {
        let mut field = TextField::with("wedge");
        for action in [Action::CursorStart, Action::Input('a'), Action::Input(' ')] {
            assert!(field.edit(action));
        }
        assert_eq!(field, "a wedge");
        field.edit(Action::CursorEnd);
        field.edit(Action::CursorLeft);
        field.edit(Action::DeleteChar);
        assert_eq!((field.value(), field.cursor_column_chars()), ("a wede", 5));
        field.edit(Action::CursorRight);
        field.edit(Action::DeleteWord);
        assert_eq!(field, "a ");
        assert!(!field.edit(Action::Select), "not an edit");
    }
}
