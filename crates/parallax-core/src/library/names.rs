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

/// The files of `paths` that hold the articles `wanted`, found by reading
/// only each file's front matter head (its first few kilobytes), on every
/// core, stopping once all are found: a library's first opening need not
/// read every article to find the few its first frame shows.
pub fn find_by_head(paths: &[PathBuf], wanted: &[&str]) -> HashMap<String, usize> {
    if wanted.is_empty() {
        return HashMap::new();
    }
    let found = std::sync::Mutex::new(HashMap::new());
    let done = std::sync::atomic::AtomicBool::new(false);
    let threads = crate::cores::available();
    let chunk = paths.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (c, part) in paths.chunks(chunk).enumerate() {
            let (found, done) = (&found, &done);
            scope.spawn(move || {
                for (i, path) in part.iter().enumerate() {
                    if done.load(std::sync::atomic::Ordering::Relaxed) {
                        return;
                    }
                    let Some(id) = id_in_head(path) else { continue };
                    if wanted.contains(&id.as_str())
                        && let Ok(mut found) = found.lock()
                    {
                        found.entry(id).or_insert(c * chunk + i);
                        if found.len() == wanted.len() {
                            done.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                }
            });
        }
    });
    found.into_inner().unwrap_or_default()
}

/// The id an article file's front matter gives, read from its head alone.
fn id_in_head(path: &Path) -> Option<String> {
    use std::io::Read;
    // Into a buffer on the stack, its first few hundred bytes first: the id
    // is near the top, and thousands of heads are read in a row. Opened
    // without waiting, so that a named pipe among them does not hold the
    // start up.
    let mut file = crate::files::open_without_blocking(path).ok()?;
    let mut head = [0u8; HEAD];
    let mut read = 0;
    loop {
        let wanted = if read == 0 { FIRST_READ } else { HEAD };
        let more = file.read(&mut head[read..wanted]).ok()?;
        read += more;
        let ended = more == 0 || read == HEAD;
        match id_in_front_matter(&head[..read], ended) {
            Found::Id(id) => return Some(id),
            Found::Nothing => return None,
            Found::ReadOn if ended => return None,
            Found::ReadOn => {}
        }
    }
}

/// What the start of a file says of its id.
#[derive(Debug, PartialEq)]
enum Found {
    Id(String),
    /// The front matter ended, or never began, without one.
    Nothing,
    /// The head read so far ends inside the front matter.
    ReadOn,
}

/// The id in the front matter at the start of `head`; `whole` when `head`
/// is all there is to read (else its last line may be cut short).
fn id_in_front_matter(head: &[u8], whole: bool) -> Found {
    if !b"+++".starts_with(&head[..head.len().min(3)]) {
        return Found::Nothing;
    }
    // Only whole lines count: a value cut off by the end of what was read
    // must not pass for the id.
    let complete = match whole {
        true => head,
        false => head
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(&head[..0], |end| &head[..=end]),
    };
    // The head may end inside a character; the lines before it are whole.
    let text = match std::str::from_utf8(complete) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&complete[..e.valid_up_to()]).unwrap_or_default(),
    };
    let mut lines = text.lines();
    match lines.next() {
        Some(first) if first.trim_end() == "+++" => {}
        Some(_) => return Found::Nothing,
        None => return Found::ReadOn,
    }
    for line in lines {
        if line.trim_end() == "+++" {
            return Found::Nothing;
        }
        let Some(rest) = line.trim_start().strip_prefix("id") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim();
        return value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .filter(|v| !v.contains(['"', '\\']))
            .map_or(Found::Nothing, |id| Found::Id(id.to_string()));
    }
    Found::ReadOn
}

/// How much of a file is read first: an id is on the front matter's first
/// lines, and reading less is quicker across thousands of files.
const FIRST_READ: usize = 256;
/// How much of a file is read to find its id.
const HEAD: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_taken_only_from_whole_lines_of_the_front_matter() {
        let file = "+++\nid = \"smith-2024\"\ntitle = \"T\"\n+++\n\nText.\n";
        assert_eq!(
            id_in_front_matter(file.as_bytes(), true),
            Found::Id("smith-2024".into())
        );
        // Cut inside the id's line: read on, never a shortened id.
        for cut in 0..file.find("\ntitle").unwrap() {
            assert_eq!(
                id_in_front_matter(&file.as_bytes()[..cut], false),
                Found::ReadOn,
                "cut at {cut}"
            );
        }
        assert_eq!(id_in_front_matter(&file.as_bytes()[..19], true), Found::Nothing);
        assert_eq!(
            id_in_front_matter(b"+++\ntitle = \"T\"\n+++\nid = \"x\"\n", true),
            Found::Nothing
        );
        assert_eq!(id_in_front_matter(b"# A heading\n", false), Found::Nothing);
        assert_eq!(id_in_front_matter(b"+++\ntitle = \"\xc3", false), Found::ReadOn);
    }

    /// An id below a long first stretch of front matter is found by reading on.
    #[test]
    fn an_id_past_the_first_read_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let long = "x".repeat(FIRST_READ * 3);
        std::fs::write(&path, format!("+++\ntitle = \"{long}\"\nid = \"late\"\n+++\n\nText.\n")).unwrap();
        assert_eq!(id_in_head(&path).as_deref(), Some("late"));
        std::fs::write(
            &path,
            format!("+++\ntitle = \"{}\"\nid = \"late\"\n+++\n", "x".repeat(HEAD)),
        )
        .unwrap();
        assert_eq!(id_in_head(&path), None, "past the head, the file is read whole later");
    }

    /// A named pipe among the files is passed over at once: looking for the
    /// wanted articles by the heads of the files never waits on a writer.
    #[cfg(unix)]
    #[test]
    fn a_fifo_among_the_files_does_not_hold_up_the_search_by_heads() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let article = dir.path().join("b.md");
        std::fs::write(&article, "+++\nid = \"wanted\"\ntitle = \"T\"\n+++\n\nText.\n").unwrap();
        let (sender, found) = std::sync::mpsc::channel();
        let paths = vec![fifo, article];
        std::thread::spawn(move || {
            let _ = sender.send(find_by_head(&paths, &["wanted"]));
        });
        let found = found
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the search by heads ends");
        assert_eq!(found.get("wanted"), Some(&1));
    }
}
