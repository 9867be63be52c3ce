//! A block's words: a range of its article's text, which all the
//! article's blocks share. One allocation an article rather than one a
//! block, and sixteen bytes a block rather than a string's twenty-four: a
//! large library holds hundreds of thousands of blocks.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::{Arc, LazyLock};

/// Read as a `str` (it derefs to one).
#[derive(Clone)]
pub struct BlockText {
    all: Arc<String>,
    start: u32,
    end: u32,
}

/// What a block holds before its article's text is complete.
static NOTHING: LazyLock<Arc<String>> = LazyLock::new(Arc::default);

impl BlockText {
    /// `all[range]`: the range must stand on character boundaries of a text
    /// shorter than 4 GB (a longer article is refused when it is read).
    pub(super) fn new(all: &Arc<String>, range: Range<usize>) -> BlockText {
        debug_assert!(all.is_char_boundary(range.start) && all.is_char_boundary(range.end));
        let at = |offset: usize| u32::try_from(offset).expect("articles are shorter than 4 GB");
        BlockText {
            all: Arc::clone(all),
            start: at(range.start),
            end: at(range.end),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.all[self.start as usize..self.end as usize]
    }

    /// Where these words stand in the text they share (see [`BlockText::shared`]).
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The whole text these words are a range of: every block's of the
    /// article, one after another.
    pub fn shared(&self) -> &str {
        &self.all
    }
}

impl Default for BlockText {
    fn default() -> BlockText {
        BlockText {
            all: Arc::clone(&NOTHING),
            start: 0,
            end: 0,
        }
    }
}

impl Deref for BlockText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for BlockText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for BlockText {
    fn eq(&self, other: &BlockText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for BlockText {}

impl PartialEq<str> for BlockText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for BlockText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for BlockText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for BlockText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}
