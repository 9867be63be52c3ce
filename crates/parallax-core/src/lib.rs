//! parallax's floors below the terminal: articles and the debate map read
//! from files, search, layout, the reader's own map and session on disk,
//! import and export. Nothing here knows of keys, screens or the terminal
//! (the crate cannot reach the TUI crate above it).

pub mod atomic;
pub mod cores;
pub mod corpus;
pub mod debate;
pub mod diagnostic;
pub mod error;
pub mod export;
pub mod files;
pub mod ids;
pub mod import;
pub mod layout;
pub mod library;
pub mod own_map;
pub mod sanitize;
pub mod search;
pub mod session;
pub mod show;
pub mod suggest;
pub mod wake;
pub mod xdg;

pub use error::Error;
