//! Reading a file parallax is given, whatever it turns out to be: it is
//! opened without blocking (a FIFO with no writer would otherwise hang the
//! open), checked on the opened handle to be a regular file (a device
//! reports a size of 0 and never ends), and read to at most its limit plus
//! one byte, so that the limit holds for what is read, not for what the
//! file claims.

use std::io::Read;
use std::path::Path;

/// The most a file parallax reads may hold, unless a command says otherwise.
pub const LIMIT: u64 = 32 * MB;
const MB: u64 = 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("there is no such file")]
    NotFound,
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("{}", too_large(*.size, *.limit))]
    TooLarge {
        /// The size the file reports, when it reports one.
        size: Option<u64>,
        limit: u64,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl ReadError {
    /// What the user can do about it, for a diagnostic's help line.
    pub fn help(&self) -> &'static str {
        match self {
            ReadError::NotFound => "check the path",
            ReadError::NotRegular(_) => "give the path of a file saved on disk",
            ReadError::TooLarge { .. } => "split it, or raise the limit with --max-file-mb",
            ReadError::Io(_) => "check that it exists and is readable (a broken or looping link cannot be read)",
        }
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_without_blocking(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    let metadata = file.metadata()?;
    let kind = kind_of(&metadata.file_type());
    if kind != "a regular file" {
        return Err(ReadError::NotRegular(kind));
    }
    // Refused before reading when the file says it is too large; the read
    // is bounded all the same, for a file that grows meanwhile.
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(metadata.len()),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    let limit_mb = limit / MB;
    match size {
        Some(size) => format!(
            "the file is {:.1} MB, over the limit of {limit_mb} MB",
            size as f64 / MB as f64
        ),
        None => format!("the file holds more than {limit_mb} MB, over the limit"),
    }
}

/// Like [`read_regular`], with `None` for a file that is not there.
pub fn read_if_there(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, ReadError> {
    match read_regular(path, limit) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(unix)]
pub(crate) fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking only matters for the open of a FIFO; a regular file
    // reads as always.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
pub(crate) fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("parallax-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_regular_file_is_read_whole_up_to_its_limit_and_refused_past_it() {
        let path = dir("limit").join("file");
        std::fs::write(&path, [b'x'; 100]).unwrap();
        assert_eq!(read_regular(&path, 100).unwrap().len(), 100);
        assert!(matches!(
            read_regular(&path, 99),
            Err(ReadError::TooLarge {
                size: Some(100),
                limit: 99
            })
        ));
        assert!(matches!(
            read_regular(&path.with_extension("no"), 99),
            Err(ReadError::NotFound)
        ));
        assert_eq!(read_if_there(&path.with_extension("no"), 99).unwrap(), None);
        assert!(matches!(
            read_regular(path.parent().unwrap(), 99),
            Err(ReadError::NotRegular("a folder"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_or_a_fifo_is_refused_at_once() {
        let error = read_regular(Path::new("/dev/zero"), LIMIT).unwrap_err();
        assert_eq!(error.to_string(), "it is a device, not a regular file");
        let fifo = dir("fifo").join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let started = std::time::Instant::now();
        let error = read_regular(&fifo, LIMIT).unwrap_err();
        assert_eq!(error.to_string(), "it is a named pipe (FIFO), not a regular file");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
