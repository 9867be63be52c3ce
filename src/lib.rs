//! parallax: a terminal reader for comparing arguments across articles.
//! The floors are crates of their own: `parallax-core` (files, the map,
//! search, layout), `parallax-tui` (keys, state, drawing, the runtime), and
//! this one, the command line.

pub mod cli;

pub use parallax_core::{
    Error, atomic, cores, corpus, debate, diagnostic, error, export, files, ids, import, layout, library, own_map,
    sanitize, search, session, show, suggest, wake, xdg,
};
pub use parallax_tui::{action, app, boot, keymap, runtime, ui};
