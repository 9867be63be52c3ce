//! parallax: a terminal reader for comparing arguments across articles.

pub mod corpus;
pub mod diagnostic;
pub mod error;
pub mod sanitize;

pub use error::Error;
pub mod action;
pub mod app;
pub mod atomic;
pub mod boot;
pub mod cli;
pub mod debate;
pub mod export;
pub mod import;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod own_map;
pub mod runtime;
pub mod search;
pub mod session;
pub mod show;
pub mod ui;
pub mod wake;
pub mod xdg;
