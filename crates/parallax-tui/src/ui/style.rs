//! The reader's styles, with and without color (`NO_COLOR`).

use ratatui::style::{Color, Modifier, Style};

use crate::debate::Stance;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn speaker(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn note_ref(self) -> Style {
        self.fg(Color::Magenta)
    }

    pub fn quote(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn section(self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
    }

    /// A stance's glyph and label.
    pub fn stance(self, stance: Option<Stance>) -> Style {
        let color = match stance {
            Some(Stance::Supports) => Color::Green,
            Some(Stance::Opposes) => Color::Red,
            Some(Stance::Qualifies) => Color::Yellow,
            Some(Stance::Reports) => Color::Blue,
            None => Color::DarkGray,
        };
        self.fg(color).add_modifier(Modifier::BOLD)
    }

    /// The words of a passage on the selected theme: colored by stance, or
    /// underlined where there is no color.
    pub fn passage(self, stance: Stance) -> Style {
        if self.color {
            self.stance(Some(stance))
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    /// A sentence that the last search found.
    /// Sentences being selected: reversed, which shows without color too.
    pub fn selection(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn search_hit(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn status(self) -> Style {
        if self.color {
            Style::new().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}
