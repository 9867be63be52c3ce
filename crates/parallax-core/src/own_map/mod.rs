//! The reader's own map: the themes they add, the passages they place on
//! themes, and their own view of a theme's claim. It is a map file in the
//! format of `articles/debate.toml` (plus `[[views]]`), read over the
//! bundled map.
//!
//! Where it lives: for the bundled articles,
//! `$XDG_DATA_HOME/parallax/map.toml` (by default
//! `~/.local/share/parallax/map.toml`); for a folder read with
//! `--articles DIR`, `DIR/my-map.toml`.
//!
//! The file is a shared record of work: another parallax or an editor may
//! write it too. Every passage carries an id of its own in the file; a
//! change is an operation on records ([`change`]), applied under a lock to
//! the file as it stands ([`store`]); the reader's map is rebuilt from it
//! off the terminal's thread ([`keeper`]).

pub mod change;
pub mod keeper;
pub mod store;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::SourceFile;
use crate::debate::Stance;

pub use change::{Change, Op};
pub use store::Store;

/// What the reader's own map holds, as written to its file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnMap {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<OwnTheme>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passages: Vec<OwnPassage>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<OwnView>,
    /// What was changed on two sides at once: the other side's version,
    /// kept here when this reader's won, so that nothing is lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<SetAside>,
    /// Suggested passages the reader turned down, not to be suggested again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejected>,
}

/// A suggested passage the reader turned down: this quote, on this theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    pub theme: String,
    pub article: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnTheme {
    pub id: String,
    pub title: String,
    pub claim: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnPassage {
    /// The record's own identity, kept however its fields change. A record
    /// written by hand without one gets one at the next save.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub theme: String,
    pub article: String,
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    pub stance: Stance,
    pub summary: String,
}

impl OwnPassage {
    /// What the passage is about, for a message: its quote's first words.
    pub fn named(&self) -> String {
        let words: Vec<&str> = self.quote.split_whitespace().collect();
        let shown = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
        let more = if words.len() > 8 { " ..." } else { "" };
        crate::sanitize::clean_line(&format!("“{shown}{more}”"))
    }

    /// Whether two records place the same words on the same theme.
    fn same_place(&self, other: &OwnPassage) -> bool {
        (&self.theme, &self.article, &self.quote) == (&other.theme, &other.article, &other.quote)
    }
}

/// A view of a theme's claim; a theme has at most one, so the theme is its identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnView {
    pub theme: String,
    pub stance: Stance,
    #[serde(default)]
    pub note: String,
}

/// The other side's version of a record both sides changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetAside {
    /// When, and what happened.
    pub why: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<OwnPassage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<OwnView>,
}

impl OwnMap {
    pub fn to_toml(&self) -> String {
        let header = "# Your own map of the debate, kept by parallax: the themes you added,\n\
                      # the passages you placed, and your view of a theme's claim.\n\
                      # Its format is that of articles/debate.toml (see articles/README.md).\n\n";
        format!("{header}{}", toml::to_string(self).expect("the map is plain data"))
    }

    /// The map as written by the reader or an editor, word for word: text is
    /// cleaned where it is shown, not here, so that what is written back is
    /// what was read.
    pub fn parse(text: &str) -> Result<OwnMap, toml::de::Error> {
        toml::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
    }

    /// The map as a source file for [`crate::debate::load_with_own`].
    pub fn source(&self, name: &str) -> SourceFile {
        SourceFile {
            name: name.to_string(),
            bytes: self.to_toml().into_bytes().into(),
        }
    }

    pub fn passage(&self, id: &str) -> Option<&OwnPassage> {
        self.passages.iter().find(|p| p.id == id)
    }

    /// Gives every passage without an id (written by hand) one made from
    /// what it places where, so that every reader of the file gives it the
    /// same id before any of them writes it.
    pub fn identify(&mut self) {
        for index in 0..self.passages.len() {
            if !self.passages[index].id.is_empty() {
                continue;
            }
            let p = &self.passages[index];
            let name = format!("{}\n{}\n{}", p.theme, p.article, p.quote);
            let stem = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, name.as_bytes())
                .simple()
                .to_string()[..10]
                .to_string();
            // The same words placed twice by hand: the second is told apart.
            let id = (1..)
                .map(|n| if n == 1 { stem.clone() } else { format!("{stem}-{n}") })
                .find(|id| self.passage(id).is_none())
                .unwrap_or(stem);
            self.passages[index].id = id;
        }
    }

    /// The passage `passage` stands for in this map: the one with its id,
    /// else (its id lost by an editor) the only one placing the same words
    /// on the same theme.
    fn find(&self, passage: &OwnPassage) -> Option<usize> {
        self.passages.iter().position(|p| p.id == passage.id).or_else(|| {
            let mut same = self.passages.iter().enumerate().filter(|(_, p)| p.same_place(passage));
            match (same.next(), same.next()) {
                (Some((index, _)), None) => Some(index),
                _ => None,
            }
        })
    }

    /// An id no passage here has.
    pub fn new_id(&self) -> String {
        loop {
            let id = uuid::Uuid::new_v4().simple().to_string()[..10].to_string();
            if self.passage(&id).is_none() {
                return id;
            }
        }
    }
}

/// The default place of the reader's own map for the bundled articles.
pub fn default_path() -> Option<PathBuf> {
    crate::xdg::file("XDG_DATA_HOME", ".local/share", "map.toml")
}

/// The map in the file at `path` as it stands, for commands that only read
/// it: `None` when there is none; a located problem when it is damaged (the
/// file is left as it is).
pub fn peek(path: &Path) -> Result<Option<OwnMap>, String> {
    match read(path) {
        Ok(found) => Ok(found.map(|(_, map)| map)),
        Err(Unusable::Damaged(problem)) => Err(format!("{problem}; it is left as it is and not read")),
        Err(Unusable::Unreadable(problem)) => Err(problem),
    }
}

/// Why the file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unusable {
    /// Read, but not a map: set aside before it is written over.
    Damaged(String),
    /// Not read at all (not a regular file, too large, no permission): left alone.
    Unreadable(String),
}

/// The file's bytes and map; `None` when there is no file.
fn read(path: &Path) -> Result<Option<(Vec<u8>, OwnMap)>, Unusable> {
    let bytes = match crate::files::read_if_there(path, crate::files::LIMIT) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(None),
        Err(e) => {
            return Err(Unusable::Unreadable(crate::sanitize::clean_line(&format!(
                "your map {} could not be read: {e}",
                path.display()
            ))));
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    match OwnMap::parse(&text) {
        Ok(map) => Ok(Some((bytes, map))),
        Err(e) => {
            let at = crate::diagnostic::Location::of_offset(&text, e.span().map_or(0, |s| s.start));
            Err(Unusable::Damaged(crate::sanitize::clean_line(&format!(
                "{}:{}:{}: your map is damaged ({})",
                path.display(),
                at.line,
                at.column,
                e.message().trim()
            ))))
        }
    }
}

#[cfg(test)]
mod tests;
