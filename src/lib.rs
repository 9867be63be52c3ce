//! parallax: a terminal reader for comparing arguments across articles.

pub mod corpus;
pub mod diagnostic;
pub mod error;
pub mod sanitize;

pub use error::Error;
pub mod app;
pub mod cli;
pub mod keymap;
pub mod layout;
pub mod reader;
pub mod show;
pub mod tui;
pub mod ui;
