//! parallax: a terminal reader for comparing arguments across articles.

pub mod corpus;
pub mod diagnostic;
pub mod error;
pub mod sanitize;

pub use error::Error;
pub mod cli;
pub mod layout;
pub mod show;
