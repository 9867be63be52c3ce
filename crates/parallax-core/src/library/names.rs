//! Which file holds which article, remembered from the last whole reading
//! of a folder: the next opening finds the articles its first frame shows
//! without reading the folder whole, whatever their files are named. Only
//! the files not named `ID.md` are remembered; a remembered name that no
//! longer holds its article is found out when it is read, and the folder is
//! then read whole, as without it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::corpus::Corpus;

/// Where the names for `folder` are kept in `names`: one file per folder,
/// named after the folder's path.
fn kept_at(names: &Path, folder: &Path) -> PathBuf {
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let key = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, folder.to_string_lossy().as_bytes());
    names.join(format!("{}.tsv", key.simple()))
}

/// The folder where names are kept for the user: their state directory.
pub fn user_folder() -> Option<PathBuf> {
    crate::xdg::file("XDG_STATE_HOME", ".local/state", "names")
}

/// Each remembered article id, with its file's path.
pub fn remembered(names: &Path, folder: &Path) -> HashMap<String, PathBuf> {
    let Ok(text) = std::fs::read_to_string(kept_at(names, folder)) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(id, name)| (id.to_string(), folder.join(name)))
        .collect()
}

/// Remembers where `corpus`'s articles from `folder` are, those whose file
/// is not named after them; written only when it changed.
pub fn remember(names: &Path, folder: &Path, corpus: &Corpus) {
    let at = kept_at(names, folder);
    let mut lines: Vec<String> = corpus
        .articles()
        .iter()
        .filter_map(|article| {
            let path = Path::new(&article.file);
            let name = path.strip_prefix(folder).ok()?;
            let named_after = path.file_stem().is_some_and(|stem| stem == article.meta.id.as_str());
            let plain = name.to_str().filter(|n| !n.contains(['\t', '\n']))?;
            (!named_after).then(|| format!("{}\t{plain}", article.meta.id))
        })
        .collect();
    lines.sort();
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    if std::fs::read_to_string(&at).is_ok_and(|kept| kept == text) || (text.is_empty() && !at.exists()) {
        return;
    }
    // A cache: when it cannot be written, the next opening reads the folder whole.
    if let Some(parent) = at.parent()
        && std::fs::create_dir_all(parent).is_ok()
    {
        let _ = crate::atomic::write(&at, text.as_bytes());
    }
}
