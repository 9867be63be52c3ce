//! A change to the reader's own map as operations on its records, each
//! knowing what it found and what it leaves, so that it can be applied to
//! the file as it stands now (whatever another reader or an editor did to
//! it meanwhile) and undone by its inverse.
//!
//! A field changed on one side only takes that side's value. A field this
//! reader changed that was also changed elsewhere takes this reader's value,
//! and the other side's record is kept under `[[set_aside]]` and named in
//! the status. Undo and redo are careful: they change only what still is as
//! this reader left it, and say what they leave.

use super::{OwnMap, OwnPassage, OwnTheme, OwnView, Rejected, SetAside};

/// One operation on the records of the own map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    AddTheme(OwnTheme),
    /// Removes the theme if it is as given and no passage is on it.
    RemoveTheme(OwnTheme),
    AddPassage(OwnPassage),
    RemovePassage(OwnPassage),
    /// A passage's theme, stance and summary, from `before` to `after` (same id).
    SetPassage {
        before: OwnPassage,
        after: OwnPassage,
    },
    /// A suggestion turned down, and its taking back.
    Reject(Rejected),
    Unreject(Rejected),
    /// The view of `theme`, from what it was to what it is to be.
    SetView {
        theme: String,
        before: Option<OwnView>,
        after: Option<OwnView>,
    },
}

/// A change the reader made: its operations, and what to say when it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub ops: Vec<Op>,
    pub said: String,
}

/// How an operation treats what another side changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The reader's own change: it wins, and the other side's is set aside.
    Ours,
    /// Undo and redo: what another side changed since stays as it is.
    Careful,
}

impl Change {
    /// The change that takes this one back.
    pub fn inverse(&self) -> Change {
        Change {
            ops: self.ops.iter().rev().map(Op::inverse).collect(),
            said: self.said.clone(),
        }
    }

    /// Applies every operation to `map`; returns what the reader should be
    /// told beyond the change itself (what was set aside, what was left).
    pub fn apply(&self, map: &mut OwnMap, mode: Mode) -> Vec<String> {
        self.ops.iter().filter_map(|op| op.apply(map, mode)).collect()
    }
}

impl Op {
    fn inverse(&self) -> Op {
        match self {
            Op::AddTheme(t) => Op::RemoveTheme(t.clone()),
            Op::RemoveTheme(t) => Op::AddTheme(t.clone()),
            Op::AddPassage(p) => Op::RemovePassage(p.clone()),
            Op::RemovePassage(p) => Op::AddPassage(p.clone()),
            Op::SetPassage { before, after } => Op::SetPassage {
                before: after.clone(),
                after: before.clone(),
            },
            Op::SetView { theme, before, after } => Op::SetView {
                theme: theme.clone(),
                before: after.clone(),
                after: before.clone(),
            },
            Op::Reject(r) => Op::Unreject(r.clone()),
            Op::Unreject(r) => Op::Reject(r.clone()),
        }
    }

    fn apply(&self, map: &mut OwnMap, mode: Mode) -> Option<String> {
        match self {
            Op::AddTheme(theme) => {
                if !map.themes.iter().any(|t| t.id == theme.id) {
                    map.themes.push(theme.clone());
                }
                None
            }
            Op::RemoveTheme(theme) => {
                let index = map.themes.iter().position(|t| t == theme)?;
                if map.passages.iter().any(|p| p.theme == theme.id) {
                    return Some(format!("the theme “{}” stays: passages are on it", theme.title));
                }
                map.themes.remove(index);
                None
            }
            Op::AddPassage(passage) => {
                if map.passage(&passage.id).is_none() {
                    map.passages.push(passage.clone());
                }
                None
            }
            Op::RemovePassage(passage) => {
                let index = map.find(passage)?;
                let now = &map.passages[index];
                let unchanged = OwnPassage {
                    id: passage.id.clone(),
                    ..now.clone()
                } == *passage;
                if unchanged {
                    map.passages.remove(index);
                    return None;
                }
                match mode {
                    Mode::Careful => Some(changed_elsewhere(now)),
                    Mode::Ours => {
                        let theirs = map.passages.remove(index);
                        Some(set_aside_passage(
                            map,
                            theirs,
                            "deleted here after it was changed elsewhere",
                        ))
                    }
                }
            }
            Op::SetPassage { before, after } => set_passage(map, before, after, mode),
            Op::SetView { theme, before, after } => set_view(map, theme, before, after, mode),
            Op::Reject(rejected) => {
                if !map.rejected.contains(rejected) {
                    map.rejected.push(rejected.clone());
                }
                None
            }
            Op::Unreject(rejected) => {
                map.rejected.retain(|r| r != rejected);
                None
            }
        }
    }
}

fn set_passage(map: &mut OwnMap, before: &OwnPassage, after: &OwnPassage, mode: Mode) -> Option<String> {
    let Some(index) = map.find(before) else {
        return match mode {
            Mode::Careful => Some(format!("{} was deleted elsewhere; it stays deleted", after.named())),
            Mode::Ours => {
                map.passages.push(after.clone());
                Some(format!("{} had been deleted elsewhere; yours is kept", after.named()))
            }
        };
    };
    let now = map.passages[index].clone();
    let mut merged = now.clone();
    let mut clash = false;
    // Field by field: a field this reader changed takes the new value
    // unless another side changed it too.
    macro_rules! field {
        ($name:ident) => {
            if before.$name == after.$name {
                // Not this reader's change: whatever stands, stays.
            } else if now.$name == before.$name {
                merged.$name = after.$name.clone();
            } else if now.$name != after.$name {
                clash = true;
                if mode == Mode::Ours {
                    merged.$name = after.$name.clone();
                }
            }
        };
    }
    field!(theme);
    field!(stance);
    field!(summary);
    map.passages[index] = merged;
    match (clash, mode) {
        (false, _) => None,
        (true, Mode::Careful) => Some(changed_elsewhere(&now)),
        (true, Mode::Ours) => Some(set_aside_passage(map, now, "changed here and elsewhere at once")),
    }
}

fn set_view(
    map: &mut OwnMap,
    theme: &str,
    before: &Option<OwnView>,
    after: &Option<OwnView>,
    mode: Mode,
) -> Option<String> {
    let now = map.views.iter().find(|v| v.theme == theme).cloned();
    if now == *after {
        return None;
    }
    let clash = now != *before;
    if clash {
        if mode == Mode::Careful {
            return Some(format!(
                "your view of {theme} was changed elsewhere; their change is left"
            ));
        }
        if let Some(theirs) = now {
            map.set_aside.push(SetAside {
                why: "a view changed here and elsewhere at once; this is the other side's".into(),
                passage: None,
                view: Some(theirs),
            });
        }
    }
    map.views.retain(|v| v.theme != theme);
    map.views.extend(after.clone());
    clash.then(|| format!("your view of {theme} had changed elsewhere too: theirs is set aside in the map"))
}

fn changed_elsewhere(passage: &OwnPassage) -> String {
    format!("{} was changed elsewhere since; their change is left", passage.named())
}

/// Keeps the other side's record in the map and says so.
fn set_aside_passage(map: &mut OwnMap, theirs: OwnPassage, what: &str) -> String {
    let named = theirs.named();
    map.set_aside.push(SetAside {
        why: format!("{what}; this is the other side's version"),
        passage: Some(theirs),
        view: None,
    });
    format!("{named} was {what}: theirs is set aside in the map")
}
