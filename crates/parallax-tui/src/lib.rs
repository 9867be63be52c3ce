//! parallax in the terminal: the actions, the keymap, the reader's state and
//! its one `update`, drawing, start-up, and the runtime that sleeps on one
//! event channel and carries out effects.

pub mod action;
pub mod app;
pub mod boot;
pub mod keymap;
pub mod runtime;
pub mod ui;

// The floors below, under the names the modules here use for them.
pub use parallax_core::{
    Error, atomic, corpus, debate, diagnostic, error, export, files, ids, import, layout, library, own_map, sanitize,
    search, session, show, suggest, wake, xdg,
};
