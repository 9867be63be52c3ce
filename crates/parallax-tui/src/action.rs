//! Everything that can happen to the reader, as one enum. An action a key
//! can be bound to is declared once, below: its variant, the name keymap
//! files use, and what it does (shown in help and by `parallax keys`).

/// Declares [`Action`]: the actions keys are bound to (variant, name,
/// description), then those only the terminal or the workers produce.
macro_rules! actions {
    (
        bound { $( $variant:ident = $name:literal : $desc:literal, )* }
        reported { $( $(#[$meta:meta])* $other:ident $( ( $($field:ty),* ) )?, )* }
    ) => {
        /// A change the user (or the terminal) asks for. Key bindings name
        /// the unit variants (see [`Action::NAMED`]); the others carry what
        /// the terminal reported.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $( #[doc = $desc] $variant, )*
            $( $(#[$meta])* $other $( ( $($field),* ) )?, )*
        }

        impl Action {
            /// Every action a key can be bound to: its name in keymap files,
            /// and what it does.
            pub const NAMED: &'static [(&'static str, Action, &'static str)] = &[
                $( ($name, Action::$variant, $desc), )*
            ];
        }
    };
}

actions! {
    bound {
        Quit = "quit": "Quit parallax",
        Suspend = "suspend": "Suspend to the shell (resume with fg)",
        Help = "help": "Show the key bindings",
        ReviewSuggestions = "review_suggestions": "Review the passages suggested for the focused article, theme by theme",
        RejectSuggestion = "reject_suggestion": "Turn this suggestion down (it is not suggested again)",
        FocusNext = "focus_next": "Focus the next pane (the sidebar comes first)",
        FocusPrev = "focus_prev": "Focus the previous pane",
        OpenPicker = "open_picker": "Choose the article shown in the focused pane",
        ToggleSidebar = "toggle_sidebar": "Show or hide the sidebar",
        JumpBack = "jump_back": "Go back to where the last jump started",
        JumpForward = "jump_forward": "Go forward again after jumping back",
        ScrollDown = "scroll_down": "Scroll down a line",
        ScrollUp = "scroll_up": "Scroll up a line",
        HalfPageDown = "half_page_down": "Scroll down half a page",
        HalfPageUp = "half_page_up": "Scroll up half a page",
        PageDown = "page_down": "Scroll down a page",
        PageUp = "page_up": "Scroll up a page",
        Top = "top": "Go to the top",
        Bottom = "bottom": "Go to the bottom",
        NextParagraph = "next_paragraph": "Go to the next paragraph",
        PrevParagraph = "prev_paragraph": "Go to the previous paragraph",
        NextHeading = "next_heading": "Go to the next heading",
        PrevHeading = "prev_heading": "Go to the previous heading",
        FollowNote = "follow_note": "Follow a note reference on screen to its note, choosing when there are several (back with jump_back)",
        AddPane = "add_pane": "Add a pane beside the focused one",
        ClosePane = "close_pane": "Close the focused pane",
        SelectNext = "select_next": "Move the selection down",
        SelectPrev = "select_prev": "Move the selection up",
        Select = "select": "Open the selected entry",
        Close = "close": "Close this window",
        DeleteChar = "delete_char": "Delete the last character typed",
        DeleteWord = "delete_word": "Delete the last word typed",
        ClearInput = "clear_input": "Clear what was typed",
        NextTheme = "next_theme": "Select the next theme: every pane moves to its passage",
        PrevTheme = "prev_theme": "Select the previous theme",
        NextPassage = "next_passage": "Go to the next passage of the selected theme in this pane",
        PrevPassage = "prev_passage": "Go to the previous passage of the selected theme in this pane",
        NextDisagreement = "next_disagreement": "Select the next theme on which the open articles disagree",
        ToggleCompare = "toggle_compare": "Show or hide the compare panel: each author's stance on the theme",
        OpenMatrix = "open_matrix": "Show the stance matrix: themes by articles",
        SelectLeft = "select_left": "Move the selection left",
        SelectRight = "select_right": "Move the selection right",
        OpenSearch = "open_search": "Search passages, themes and articles (# themes only, @ articles only)",
        CompareDown = "compare_down": "Scroll the compare panel down by an article",
        CompareUp = "compare_up": "Scroll the compare panel up by an article",
        CopyPassage = "copy_passage": "Copy the passage last jumped to (else the paragraph at the top) with its citation, to the terminal's clipboard",
        CopyPassagePandoc = "copy_passage_pandoc": "Copy the passage with a Pandoc citation beside it ([@id, para. 23]), for Markdown written with pandoc --citeproc",
        StartSelection = "start_selection": "Select sentences from the current one (j/k grow or shrink the selection)",
        ListRelations = "list_relations": "List the relations of the current passage (who answers whom); Enter goes to the other end",
        ToggleFollow = "toggle_follow": "Follow mode: as this pane scrolls, the others move to their passage on the theme at its top",
        OpenTimeline = "open_timeline": "The timeline: the articles in date order, the events, who answers whom",
        Tag = "tag": "Place the selected sentences on a theme, with a stance and a summary of your own",
        RecordView = "record_view": "Record your own stance on the selected theme's claim, with a note",
        EditPassage = "edit_passage": "Change the stance and summary of your passage (the current one)",
        MovePassage = "move_passage": "Move your passage (the current one) to another theme",
        DeletePassage = "delete_passage": "Delete your passage (the current one), after confirming",
        Undo = "undo": "Undo the last change to your map made in this session",
        Redo = "redo": "Redo the change last undone",
        StanceSupports = "stance_supports": "Supports the claim",
        StanceOpposes = "stance_opposes": "Opposes the claim",
        StanceQualifies = "stance_qualifies": "Qualifies the claim (agrees in part, or on conditions)",
        StanceReports = "stance_reports": "Reports on it without taking a side",
        Confirm = "confirm": "Yes, do it",
        CursorLeft = "cursor_left": "Move the cursor left",
        CursorRight = "cursor_right": "Move the cursor right",
        CursorStart = "cursor_start": "Move the cursor to the start",
        CursorEnd = "cursor_end": "Move the cursor to the end",
    }
    reported {
        /// Search results have arrived.
        SearchReady,
        /// The rest of a large library may have been read.
        ArticlesReady,
        /// The keeper of the reader's own map may have news: a change
        /// written, or one made elsewhere.
        OwnMapReady,
        /// A character typed into a text field (the picker's filter, the search
        /// palette's query, a form's field).
        Input(char),
        /// The terminal was resized to (columns, rows).
        Resize(u16, u16),
        /// The mouse wheel turned over a cell: (column, row, lines; negative is up).
        ScrollAt(u16, u16, i16),
        /// A click on a cell: (column, row).
        ClickAt(u16, u16),
        /// The mouse moved to a cell with its button held: (column, row).
        DragAt(u16, u16),
        /// Any key, where any key will do (dismissing a message).
        AnyKey,
        /// The process came back from being suspended.
        Resumed,
        /// The runtime's periodic save of the session failed, for this reason.
        SessionNotSaved(std::io::ErrorKind),
        /// Select a theme by index (from `--theme`, a click or the matrix).
        SelectTheme(crate::ids::ThemeIx),
    }
}

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        Self::NAMED.iter().find(|(n, ..)| *n == name).map(|(_, a, _)| *a)
    }

    pub fn name(self) -> Option<&'static str> {
        Self::NAMED.iter().find(|(_, a, _)| *a == self).map(|(n, ..)| *n)
    }
}
