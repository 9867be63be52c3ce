//! What `update` leaves for the runtime to do outside the reader's state:
//! leave, stop for the shell, set the terminal's clipboard, keep a map
//! that could not be saved.

/// One thing for the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Give the terminal back to the shell until `fg` (then `Resumed`).
    Suspend,
    /// Put text on the terminal's clipboard.
    Clipboard(String),
    /// Write the reader's map (as TOML) to a file of its own, as the reader
    /// leaves without being able to write it where it belongs.
    WriteAside(String),
}

/// The effects left since the runtime last took them, in order.
#[derive(Debug, Default)]
pub struct Outbox(Vec<Effect>);

impl Outbox {
    pub fn push(&mut self, effect: Effect) {
        self.0.push(effect);
    }

    /// Takes every effect left, oldest first.
    pub fn take(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.0)
    }
}
