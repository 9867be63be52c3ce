//! The reading session, saved so that the next start opens where the last
//! one left off: the panes (each anchored to a block id, not a screen line,
//! so a new width does not matter), the selected theme, the jump list and
//! the last searches.
//!
//! Saving never loses the previous session: the new one is written to a
//! temporary file in the same folder, flushed, renamed over the old one, and
//! the folder is flushed. A killed process leaves the old file whole; two
//! instances saving at once each rename a complete file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The format written by this version; a newer one is kept aside, not read.
pub const VERSION: u32 = 1;
/// Searches remembered.
pub const RECENT_SEARCHES: usize = 20;
/// Characters of a block's text kept to recognize it after an edit.
const FINGERPRINT_CHARS: usize = 48;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub version: u32,
    pub panes: Vec<Place>,
    #[serde(default)]
    pub focused_pane: usize,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub jumps: Vec<Jump>,
    #[serde(default)]
    pub jump_index: usize,
    #[serde(default)]
    pub searches: Vec<String>,
}

/// A place in an article: the block at the top of a pane and the line within it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub article: String,
    pub block: String,
    #[serde(default)]
    pub line: usize,
    /// The start of the block's text, to find it again if the ids moved.
    #[serde(default)]
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jump {
    /// The pane that had focus, and where it was.
    pub pane: usize,
    pub place: Place,
    /// Where every pane was (files written before this field restore only
    /// the focused pane's place).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub panes: Vec<Place>,
}

/// The start of a block's text, as saved in a [`Place`].
pub fn fingerprint(text: &str) -> String {
    text.chars().take(FINGERPRINT_CHARS).collect()
}

/// `$XDG_STATE_HOME/parallax/session.toml`, or `~/.local/state/parallax/session.toml`.
pub fn default_path() -> Option<PathBuf> {
    crate::xdg::file("XDG_STATE_HOME", ".local/state", "session.toml")
}

/// What reading the saved session gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// No session was saved yet.
    None,
    Session(Session),
    /// The file could not be used; it was kept aside, and this says why.
    SetAside(String),
}

/// Reads the saved session (first removing what a save killed half-way left
/// beside it). A file that cannot be read as a session of this version is
/// renamed to `session.toml.bak`, never deleted.
pub fn load(path: &Path) -> Loaded {
    crate::atomic::remove_stale(path);
    let text = match crate::files::read_regular(path, crate::files::LIMIT) {
        Ok(bytes) => bytes,
        Err(crate::files::ReadError::NotFound) => return Loaded::None,
        Err(e) => {
            return Loaded::SetAside(crate::sanitize::clean_line(&format!(
                "the saved session {} could not be read: {e}",
                path.display()
            )));
        }
    };
    let problem = match std::str::from_utf8(&text)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str::<Session>(t).map_err(|e| e.message().to_string()))
    {
        // Kept as written (a search with a tab is saved back with its tab);
        // what is shown of it is cleaned where it is drawn.
        Ok(session) if session.version <= VERSION => return Loaded::Session(session),
        Ok(session) => format!("it was saved by a newer parallax (format {})", session.version),
        Err(e) => format!("it is damaged ({})", e.trim()),
    };
    let kept = crate::atomic::set_aside(path);
    Loaded::SetAside(crate::sanitize::clean_line(&format!(
        "Saved session {kept}; starting afresh: {problem}"
    )))
}

/// Writes the session atomically (see [`crate::atomic`]).
pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    let text = toml::to_string(session).map_err(std::io::Error::other)?;
    crate::atomic::write(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("parallax-session-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn session(n: usize) -> Session {
        Session {
            version: VERSION,
            panes: vec![Place {
                article: "a".into(),
                block: format!("p{n}"),
                line: n,
                fingerprint: "x".into(),
            }],
            focused_pane: 0,
            theme: Some("wedge".into()),
            jumps: vec![],
            jump_index: 0,
            searches: vec!["nevsky".into()],
        }
    }

    #[test]
    fn saves_and_loads() {
        let path = dir("roundtrip").join("session.toml");
        assert_eq!(load(&path), Loaded::None);
        save(&path, &session(3)).unwrap();
        assert_eq!(load(&path), Loaded::Session(session(3)));
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
        // What was written is read back as it was, a tab and a right-to-left mark included.
        let mut written = session(4);
        written.searches = vec!["tab\there".into(), "\u{200f}\u{5e9}\u{5dc}\u{5d5}\u{5dd}".into()];
        save(&path, &written).unwrap();
        assert_eq!(load(&path), Loaded::Session(written));
    }

    #[test]
    fn a_damaged_or_newer_file_is_kept_aside() {
        let path = dir("damaged").join("session.toml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "panes = [garbage").unwrap();
        let Loaded::SetAside(notice) = load(&path) else {
            panic!("set aside")
        };
        assert!(
            notice.contains("damaged") && notice.contains("set aside as session.toml.bak"),
            "{notice}"
        );
        assert!(path.with_extension("toml.bak").exists() && !path.exists());

        let mut newer = session(1);
        newer.version = VERSION + 1;
        std::fs::write(&path, toml::to_string(&newer).unwrap()).unwrap();
        let Loaded::SetAside(notice) = load(&path) else {
            panic!("set aside")
        };
        assert!(notice.contains("newer parallax"), "{notice}");
    }

    #[test]
    fn two_writers_at_once_never_leave_a_damaged_file() {
        let path = dir("writers").join("session.toml");
        std::thread::scope(|scope| {
            for writer in 0..4 {
                let path = &path;
                scope.spawn(move || {
                    for n in 0..50 {
                        save(path, &session(writer * 100 + n)).unwrap();
                    }
                });
            }
        });
        let Loaded::Session(last) = load(&path) else {
            panic!("a whole session")
        };
        assert!(
            [49, 149, 249, 349].contains(&last.panes[0].line),
            "one writer's last session: {last:?}"
        );
    }
}
