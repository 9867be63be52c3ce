//! The reader's own map: the themes they add, the passages they place on
//! themes, and their own view of a theme's claim. It is a map file in the
//! format of `articles/debate.toml` (plus `[[views]]`), read over the
//! bundled map, and written at once on every change, atomically.
//!
//! Where it lives: for the bundled articles,
//! `$XDG_DATA_HOME/parallax/map.toml` (by default
//! `~/.local/share/parallax/map.toml`); for a folder read with
//! `--articles DIR`, `DIR/my-map.toml`.
//!
//! Another parallax or an editor may change the file meanwhile: before
//! writing, the file is read again, and what changed there since it was last
//! read (passages, themes and views added or removed) is merged into what is
//! written, so that neither side's work is lost. A file that is not a map is
//! set aside as `.bak`, never overwritten.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::SourceFile;
use crate::debate::Stance;

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
    /// What makes two records the same passage, whatever their stance or summary.
    fn key(&self) -> (&str, &str, &str) {
        (&self.theme, &self.article, &self.quote)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnView {
    pub theme: String,
    pub stance: Stance,
    #[serde(default)]
    pub note: String,
}

impl OwnMap {
    pub fn to_toml(&self) -> String {
        let header = "# Your own map of the debate, kept by parallax: the themes you added,\n\
                      # the passages you placed, and your view of a theme's claim.\n\
                      # Its format is that of articles/debate.toml (see articles/README.md).\n\n";
        format!("{header}{}", toml::to_string(self).expect("the map is plain data"))
    }

    pub fn parse(text: &str) -> Result<OwnMap, toml::de::Error> {
        toml::from_str(&crate::sanitize::clean(text))
    }

    /// The map as a source file for [`crate::debate::load_with_own`].
    pub fn source(&self, name: &str) -> SourceFile {
        SourceFile {
            name: name.to_string(),
            bytes: self.to_toml().into_bytes().into(),
        }
    }

    /// `ours`, with what changed from `base` to `theirs` applied to it:
    /// records added there are added, records removed there are removed.
    fn merged(base: &OwnMap, theirs: &OwnMap, ours: &OwnMap) -> OwnMap {
        let mut merged = ours.clone();
        for theme in &theirs.themes {
            if !base.themes.iter().any(|t| t.id == theme.id) && !merged.themes.iter().any(|t| t.id == theme.id) {
                merged.themes.push(theme.clone());
            }
        }
        merged
            .themes
            .retain(|t| !base.themes.contains(t) || theirs.themes.iter().any(|x| x.id == t.id));
        for passage in &theirs.passages {
            let key = passage.key();
            if !base.passages.iter().any(|p| p.key() == key) && !merged.passages.iter().any(|p| p.key() == key) {
                merged.passages.push(passage.clone());
            }
        }
        merged
            .passages
            .retain(|p| !base.passages.contains(p) || theirs.passages.iter().any(|x| x.key() == p.key()));
        for view in &theirs.views {
            if !base.views.contains(view) && !merged.views.iter().any(|v| v.theme == view.theme) {
                merged.views.push(view.clone());
            }
        }
        merged
            .views
            .retain(|v| !base.views.contains(v) || theirs.views.iter().any(|x| x.theme == v.theme));
        merged
    }
}

/// The default place of the reader's own map for the bundled articles.
pub fn default_path() -> Option<PathBuf> {
    crate::xdg::file("XDG_DATA_HOME", ".local/share", "map.toml")
}

/// The reader's own map as held while the reader runs: what it holds, the
/// file it is kept in, what that file held when last read or written, and
/// the changes that can be undone and redone.
#[derive(Debug, Clone, Default)]
pub struct OwnFile {
    pub path: Option<PathBuf>,
    pub map: OwnMap,
    /// The file's bytes as last read or written; `None` when there was none.
    on_disk: Option<Vec<u8>>,
    undo: Vec<OwnMap>,
    redo: Vec<OwnMap>,
}

/// What opening the file found.
pub struct Opened {
    pub file: OwnFile,
    /// Something the reader should be told (a damaged file set aside).
    pub notice: Option<String>,
}

impl OwnFile {
    /// Reads the file at `path`; one that is not a map is set aside.
    pub fn open(path: Option<&Path>) -> Opened {
        let Some(path) = path else {
            return Opened {
                file: OwnFile::default(),
                notice: None,
            };
        };
        let mut file = OwnFile {
            path: Some(path.to_path_buf()),
            ..OwnFile::default()
        };
        let notice = match read(path, true) {
            Ok(None) => None,
            Ok(Some((bytes, map))) => {
                file.map = map;
                file.on_disk = Some(bytes);
                None
            }
            Err(problem) => Some(problem),
        };
        Opened { file, notice }
    }

    /// The file's name as diagnostics give it.
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "your map".to_string(), |p| p.display().to_string())
    }

    /// Makes a change, remembering the state before it for undo, and writes
    /// the file. Returns a notice when the file had changed elsewhere.
    pub fn change(&mut self, edit: impl FnOnce(&mut OwnMap)) -> std::io::Result<Option<String>> {
        let before = self.map.clone();
        edit(&mut self.map);
        if self.map == before {
            return Ok(None);
        }
        self.undo.push(before);
        self.redo.clear();
        self.save()
    }

    /// Goes back to the state before the last change; false when there is none.
    pub fn undo(&mut self) -> std::io::Result<Option<Option<String>>> {
        let Some(previous) = self.undo.pop() else {
            return Ok(None);
        };
        self.redo.push(std::mem::replace(&mut self.map, previous));
        self.save().map(Some)
    }

    pub fn redo(&mut self) -> std::io::Result<Option<Option<String>>> {
        let Some(next) = self.redo.pop() else {
            return Ok(None);
        };
        self.undo.push(std::mem::replace(&mut self.map, next));
        self.save().map(Some)
    }

    /// Writes the map, first merging what changed in the file since it was
    /// last read or written here.
    fn save(&mut self) -> std::io::Result<Option<String>> {
        let Some(path) = self.path.clone() else {
            return Ok(None);
        };
        let mut notice = None;
        let now = match std::fs::read(&path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if now != self.on_disk {
            let base = self
                .on_disk
                .as_deref()
                .and_then(|b| OwnMap::parse(&String::from_utf8_lossy(b)).ok())
                .unwrap_or_default();
            match now.as_deref().map(|b| OwnMap::parse(&String::from_utf8_lossy(b))) {
                None => notice = Some(format!("{} was removed elsewhere; written again", self.name())),
                Some(Ok(theirs)) => {
                    self.map = OwnMap::merged(&base, &theirs, &self.map);
                    notice = Some(format!(
                        "{} had changed elsewhere: both sides' changes are kept",
                        self.name()
                    ));
                }
                Some(Err(_)) => {
                    let kept = crate::atomic::set_aside(&path);
                    notice = Some(format!("{} had been damaged elsewhere: {kept}", self.name()));
                }
            }
        }
        let bytes = self.map.to_toml().into_bytes();
        crate::atomic::write(&path, &bytes)?;
        self.on_disk = Some(bytes);
        Ok(notice)
    }
}

/// The map in the file at `path` as it stands, for commands that only read
/// it: `None` when there is none; a located problem when it is damaged (the
/// file is left as it is).
pub fn peek(path: &Path) -> Result<Option<OwnMap>, String> {
    read(path, false).map(|found| found.map(|(_, map)| map))
}

/// The file's bytes and map; `None` when there is no file; a notice when
/// it could not be used (and, if `set_aside`, was set aside).
fn read(path: &Path, set_aside: bool) -> Result<Option<(Vec<u8>, OwnMap)>, String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("your map {} could not be read: {e}", path.display())),
    };
    let text = String::from_utf8_lossy(&bytes);
    match OwnMap::parse(&text) {
        Ok(map) => Ok(Some((bytes, map))),
        Err(e) => {
            let at = crate::diagnostic::Location::of_offset(&text, e.span().map_or(0, |s| s.start));
            let kept = if set_aside {
                format!("{}, and a new one is started", crate::atomic::set_aside(path))
            } else {
                "it is left as it is and not read".to_string()
            };
            Err(crate::sanitize::clean_line(&format!(
                "{}:{}:{}: your map is damaged ({}); {kept}",
                path.display(),
                at.line,
                at.column,
                e.message().trim()
            )))
        }
    }
}

#[cfg(test)]
mod tests;
