//! Everything that can happen to the reader, as one enum.

/// A change the user (or the terminal) asks for. Key bindings name the
/// unit variants (see [`Action::NAMED`]); the others carry what the
/// terminal reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    Suspend,
    Help,
    FocusNext,
    FocusPrev,
    OpenPicker,
    ToggleSidebar,
    JumpBack,
    JumpForward,
    ScrollDown,
    ScrollUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextParagraph,
    PrevParagraph,
    NextHeading,
    PrevHeading,
    FollowNote,
    AddPane,
    ClosePane,
    SelectNext,
    SelectPrev,
    Select,
    Close,
    DeleteChar,
    DeleteWord,
    ClearInput,
    NextTheme,
    PrevTheme,
    NextPassage,
    PrevPassage,
    NextDisagreement,
    ToggleCompare,
    OpenMatrix,
    SelectLeft,
    SelectRight,
    OpenSearch,
    CompareDown,
    CompareUp,
    CopyPassage,
    /// Search results have arrived.
    SearchReady,
    /// A character typed into a text field (the picker's filter).
    Input(char),
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// The mouse wheel turned over a cell: (column, row, lines; negative is up).
    ScrollAt(u16, u16, i16),
    /// A click on a cell: (column, row).
    ClickAt(u16, u16),
    /// Any key, where any key will do (dismissing a message).
    AnyKey,
    /// The process came back from being suspended.
    Resumed,
    /// Select a theme by index (from `--theme`, a click or the matrix).
    SelectTheme(usize),
}

impl Action {
    /// Names used in keymap.toml, for every action a key can be bound to.
    pub const NAMED: &'static [(&'static str, Action)] = &[
        ("quit", Action::Quit),
        ("suspend", Action::Suspend),
        ("help", Action::Help),
        ("focus_next", Action::FocusNext),
        ("focus_prev", Action::FocusPrev),
        ("open_picker", Action::OpenPicker),
        ("toggle_sidebar", Action::ToggleSidebar),
        ("jump_back", Action::JumpBack),
        ("jump_forward", Action::JumpForward),
        ("scroll_down", Action::ScrollDown),
        ("scroll_up", Action::ScrollUp),
        ("half_page_down", Action::HalfPageDown),
        ("half_page_up", Action::HalfPageUp),
        ("page_down", Action::PageDown),
        ("page_up", Action::PageUp),
        ("top", Action::Top),
        ("bottom", Action::Bottom),
        ("next_paragraph", Action::NextParagraph),
        ("prev_paragraph", Action::PrevParagraph),
        ("next_heading", Action::NextHeading),
        ("prev_heading", Action::PrevHeading),
        ("follow_note", Action::FollowNote),
        ("add_pane", Action::AddPane),
        ("close_pane", Action::ClosePane),
        ("select_next", Action::SelectNext),
        ("select_prev", Action::SelectPrev),
        ("select", Action::Select),
        ("close", Action::Close),
        ("delete_char", Action::DeleteChar),
        ("delete_word", Action::DeleteWord),
        ("clear_input", Action::ClearInput),
        ("next_theme", Action::NextTheme),
        ("prev_theme", Action::PrevTheme),
        ("next_passage", Action::NextPassage),
        ("prev_passage", Action::PrevPassage),
        ("next_disagreement", Action::NextDisagreement),
        ("toggle_compare", Action::ToggleCompare),
        ("open_matrix", Action::OpenMatrix),
        ("select_left", Action::SelectLeft),
        ("select_right", Action::SelectRight),
        ("open_search", Action::OpenSearch),
        ("compare_down", Action::CompareDown),
        ("compare_up", Action::CompareUp),
        ("copy_passage", Action::CopyPassage),
    ];

    pub fn from_name(name: &str) -> Option<Action> {
        Self::NAMED.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
    }

    pub fn name(self) -> Option<&'static str> {
        Self::NAMED.iter().find(|(_, a)| *a == self).map(|(n, _)| *n)
    }
}
