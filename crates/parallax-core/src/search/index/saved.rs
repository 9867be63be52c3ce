//! A search index saved to a file and read back: what `parallax search`
//! keeps between runs, so that a large library is not read, parsed and
//! indexed again for every query.
//!
//! The file is laid out to be searched where it lies, mapped into memory:
//! the articles' words in one piece at its end, passages read from it as
//! they are checked. A serde format would copy every block's text out
//! first, which is most of what reading the library costs.
//!
//! ```text
//! "PLXINDEX" | format u32 | crc32 of all that follows u32 | key length u64 | key
//! warnings | passages_end u32 | themes_end u32 | candidates | masks
//! texts | theme ids | article ids | each article's first block
//! each block's range in its article's text | block ids (ends, then bytes)
//! article texts (ends, then bytes, to the end)
//! ```
//!
//! Numbers are little-endian; a list is its length (u32) and its items; a
//! string its length (u32) and its bytes. Everything is checked as it is
//! read: a file saved for another key, of another format, torn or damaged
//! is not opened, and the index is built again.

use std::io::{Seek, Write};
use std::ops::Range;
use std::path::Path;

use super::{Kind, MAX_CANDIDATE_BYTES, NO_ARTICLE, SearchIndex, Stored};
use crate::ids::{ArticleIx, BlockIx};
use crate::search::fold;

const MAGIC: &[u8; 8] = b"PLXINDEX";
/// Changed whenever the layout, or what the index holds, changes.
const FORMAT: u32 = 2;
/// Magic, format and checksum.
const HEADER: usize = 16;

/// An index read from a file, and the warnings its library was read with.
pub struct Opened {
    pub index: SearchIndex,
    pub warnings: Vec<String>,
}

/// The words of a saved index's passages and the names of their places,
/// read from the file where they lie.
pub(super) struct Words {
    file: memmap2::Mmap,
    /// The articles' texts, one after another.
    text: Range<usize>,
    /// Where each article's text starts in `text`, and where the last ends.
    text_starts: Vec<u64>,
    /// Each article's first block (counted over all articles), and the
    /// number of blocks.
    first_blocks: Vec<u32>,
    /// Each block's words: a range of its article's text.
    block_ranges: Vec<Range<u32>>,
    block_ids: Range<usize>,
    block_id_starts: Vec<u64>,
    article_ids: Vec<String>,
}

impl Words {
    fn block(&self, article: u32, block: u32) -> usize {
        (self.first_blocks[article as usize] + block) as usize
    }

    /// The bytes of an article's text at `range`.
    pub(super) fn passage(&self, article: u32, range: Range<usize>) -> &[u8] {
        let start = self.text.start + self.text_starts[article as usize] as usize;
        &self.file[start + range.start..start + range.end]
    }

    /// The block of an article whose words hold byte `at` of its text, and
    /// where its words start.
    pub(super) fn block_at(&self, article: u32, at: u32) -> (BlockIx, usize) {
        let a = article as usize;
        let blocks = &self.block_ranges[self.first_blocks[a] as usize..self.first_blocks[a + 1] as usize];
        let after = blocks.partition_point(|range| range.end <= at);
        match blocks.get(after) {
            Some(range) if range.contains(&at) => (BlockIx(after), range.start as usize),
            _ => (BlockIx::default(), at as usize),
        }
    }

    pub(super) fn article_id(&self, article: ArticleIx) -> &str {
        &self.article_ids[article.get()]
    }

    pub(super) fn block_id(&self, article: ArticleIx, block: BlockIx) -> &str {
        let at = self.block(article.get() as u32, block.get() as u32);
        let ids = &self.file[self.block_ids.clone()];
        let id = &ids[self.block_id_starts[at] as usize..self.block_id_starts[at + 1] as usize];
        std::str::from_utf8(id).unwrap_or_default()
    }
}

/// Writes `index`, built from a corpus, to `to` for `key` (what it was
/// built from, as the caller tells it) with its library's `warnings`. An
/// index itself read from a file is refused.
pub fn save(index: &SearchIndex, key: &[u8], warnings: &[String], to: impl Write + Seek) -> std::io::Result<()> {
    let super::Words::Corpus(corpus) = &index.words else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "an index read from a file is saved already",
        ));
    };
    // Written as it goes, not gathered first: at 5,000 articles the file
    // is about the size of their text.
    let mut out = Out {
        to: std::io::BufWriter::with_capacity(1 << 20, to),
        checksum: None,
    };
    out.bytes(MAGIC)?;
    out.u32(FORMAT)?;
    out.u32(0)?; // the checksum, once the rest is written
    out.checksum = Some(crc32fast::Hasher::new());
    out.u64(key.len() as u64)?;
    out.bytes(key)?;
    out.strings(warnings)?;
    out.u32(index.passages_end)?;
    out.u32(index.themes_end)?;
    out.u32(index.candidates.len() as u32)?;
    for stored in &index.candidates {
        out.u32(stored.article)?;
        out.u32(stored.start)?;
    }
    for &mask in &index.masks {
        out.u64(mask)?;
    }
    out.strings(&index.texts)?;
    out.strings(&index.theme_ids)?;
    out.strings(corpus.articles().iter().map(|a| &a.meta.id))?;
    let mut first_block = 0u32;
    out.u32(corpus.len() as u32 + 1)?;
    for article in corpus.articles() {
        out.u32(first_block)?;
        first_block += article.blocks.len() as u32;
    }
    out.u32(first_block)?;
    let blocks = || corpus.articles().iter().flat_map(|a| &a.blocks);
    let count = first_block as usize;
    out.u32(first_block)?;
    for block in blocks() {
        let range = block.text.range();
        out.u32(range.start as u32)?;
        out.u32(range.end as u32)?;
    }
    out.ends(count, blocks().map(|b| b.id.len()))?;
    for block in blocks() {
        out.bytes(block.id.as_bytes())?;
    }
    out.ends(corpus.len(), corpus.articles().iter().map(|a| a.text().len()))?;
    for article in corpus.articles() {
        out.bytes(article.text().as_bytes())?;
    }
    let checksum = out.checksum.take().map_or(0, crc32fast::Hasher::finalize);
    let mut to = out.to.into_inner().map_err(std::io::IntoInnerError::into_error)?;
    to.seek(std::io::SeekFrom::Start(12))?;
    to.write_all(&checksum.to_le_bytes())?;
    to.flush()
}

/// The index saved at `path` for `key`, or None: no file, another key,
/// another format, or damage of any kind.
pub fn open(path: &Path, key: &[u8]) -> Option<Opened> {
    let file = std::fs::File::open(path).ok()?;
    // SAFETY: a saved index is only ever replaced whole, by renaming a new
    // file over it (see `atomic::replace_unsynced`), never written in
    // place, so the mapped bytes stay as they were read. Every offset read
    // from them is checked before it is used.
    let file = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    let mut input = In { bytes: &file, at: 0 };
    if input.take(8)? != MAGIC || input.u32()? != FORMAT {
        return None;
    }
    let checksum = input.u32()?;
    // A stale file is told by its key, before the whole is read for the checksum.
    let key_length = usize::try_from(input.u64()?).ok()?;
    if input.take(key_length)? != key || crc32fast::hash(&file[HEADER..]) != checksum {
        return None;
    }
    let warnings = input.strings()?;
    let passages_end = input.u32()?;
    let themes_end = input.u32()?;
    let count = input.u32()? as usize;
    let candidates: Vec<Stored> = input
        .take(count.checked_mul(8)?)?
        .chunks_exact(8)
        .map(|c| Stored {
            article: le32(&c[0..4]),
            start: le32(&c[4..8]),
        })
        .collect();
    let masks = input.u64s_of(count)?;
    let texts = input.strings()?;
    let theme_ids = input.strings()?;
    let article_ids = input.strings()?;
    let first_blocks = input.u32s()?;
    let blocks = input.u32()? as usize;
    let block_ranges: Vec<Range<u32>> = input
        .u32s_of(blocks.checked_mul(2)?)?
        .chunks_exact(2)
        .map(|r| r[0]..r[1])
        .collect();
    let block_id_starts = input.u64s()?;
    let block_ids = input.rest_within(usize::try_from(*block_id_starts.last()?).ok()?)?;
    let text_starts = input.u64s()?;
    let text = input.rest_within(usize::try_from(*text_starts.last()?).ok()?)?;
    if input.at != file.len() {
        return None;
    }
    let words = Words {
        text,
        text_starts,
        first_blocks,
        block_ranges,
        block_ids,
        block_id_starts,
        article_ids,
        file,
    };
    let folded_texts = texts
        .iter()
        .map(|text| {
            let mut folded = Vec::with_capacity(text.len());
            fold(text, &mut folded);
            folded.into_boxed_slice()
        })
        .collect();
    let index = SearchIndex {
        words: super::Words::Saved(words),
        theme_ids,
        candidates,
        passages_end,
        themes_end,
        masks,
        texts,
        folded_texts,
    };
    whole(&index).then_some(Opened { index, warnings })
}

/// Whether every place the index names is in it: each passage within its
/// block, each block within its article, each theme and text there.
fn whole(index: &SearchIndex) -> bool {
    let super::Words::Saved(words) = &index.words else {
        return true;
    };
    let articles = words.article_ids.len();
    let blocks = words.block_ranges.len();
    let shapes = index.passages_end <= index.themes_end
        && index.themes_end as usize <= index.candidates.len()
        && index.texts.len() == index.candidates.len() - index.passages_end as usize
        && words.text_starts.len() == articles + 1
        && words.first_blocks.len() == articles + 1
        && words.first_blocks.last() == Some(&(blocks as u32))
        && words.block_id_starts.len() == blocks + 1
        && words.text_starts.is_sorted()
        && words.block_id_starts.is_sorted()
        && words.first_blocks.is_sorted();
    if !shapes {
        return false;
    }
    let text_length = |a: usize| words.text_starts[a + 1] - words.text_starts[a];
    let blocks_whole = (0..articles).all(|a| {
        let blocks = &words.block_ranges[words.first_blocks[a] as usize..words.first_blocks[a + 1] as usize];
        blocks
            .iter()
            .all(|r| r.start <= r.end && u64::from(r.end) <= text_length(a))
    });
    let article_at = |article: u32| (article as usize) < articles;
    blocks_whole
        && index.candidates.iter().enumerate().all(|(id, stored)| {
            let id = id as u32;
            match index.kind(id) {
                Kind::Passage => {
                    let length = index.length(id) as usize;
                    article_at(stored.article)
                        && length <= MAX_CANDIDATE_BYTES
                        && u64::from(stored.start) + length as u64 <= text_length(stored.article as usize)
                }
                Kind::Theme => {
                    (stored.article == NO_ARTICLE || article_at(stored.article))
                        && (stored.start as usize) < index.theme_ids.len()
                }
                Kind::Article => article_at(stored.article),
            }
        })
}

fn le32(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes.try_into().expect("four bytes"))
}

/// A file being written, and the checksum of what is written once it
/// starts counting.
struct Out<W: Write> {
    to: std::io::BufWriter<W>,
    checksum: Option<crc32fast::Hasher>,
}

impl<W: Write> Out<W> {
    fn bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if let Some(checksum) = &mut self.checksum {
            checksum.update(bytes);
        }
        self.to.write_all(bytes)
    }

    fn u32(&mut self, n: u32) -> std::io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }

    fn u64(&mut self, n: u64) -> std::io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }

    fn strings<S: AsRef<str>>(
        &mut self,
        strings: impl IntoIterator<Item = S, IntoIter: ExactSizeIterator>,
    ) -> std::io::Result<()> {
        let strings = strings.into_iter();
        self.u32(strings.len() as u32)?;
        for s in strings {
            self.u32(s.as_ref().len() as u32)?;
            self.bytes(s.as_ref().as_bytes())?;
        }
        Ok(())
    }

    /// The starts of `count` pieces of these lengths, one after another,
    /// and the end of the last: a list of one more than there are pieces.
    fn ends(&mut self, count: usize, lengths: impl Iterator<Item = usize>) -> std::io::Result<()> {
        self.u32(count as u32 + 1)?;
        let mut end = 0u64;
        self.u64(end)?;
        for length in lengths {
            end += length as u64;
            self.u64(end)?;
        }
        Ok(())
    }
}

/// The bytes of a file being read, and how far.
struct In<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(taken)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(le32)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let count = self.u32()? as usize;
        // Never more than the bytes left could hold: a damaged count asks
        // for no great allocation.
        let mut strings = Vec::with_capacity(count.min(self.bytes.len() / 4));
        for _ in 0..count {
            let length = self.u32()? as usize;
            strings.push(String::from_utf8(self.take(length)?.to_vec()).ok()?);
        }
        Some(strings)
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        let count = self.u32()? as usize;
        self.u32s_of(count)
    }

    fn u32s_of(&mut self, count: usize) -> Option<Vec<u32>> {
        Some(self.take(count.checked_mul(4)?)?.chunks_exact(4).map(le32).collect())
    }

    fn u64s(&mut self) -> Option<Vec<u64>> {
        let count = self.u32()? as usize;
        self.u64s_of(count)
    }

    fn u64s_of(&mut self, count: usize) -> Option<Vec<u64>> {
        let bytes = self.take(count.checked_mul(8)?)?;
        Some(
            bytes
                .chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes")))
                .collect(),
        )
    }

    /// The next `n` bytes, as a range of the whole.
    fn rest_within(&mut self, n: usize) -> Option<Range<usize>> {
        let start = self.at;
        self.take(n)?;
        Some(start..self.at)
    }
}

#[cfg(test)]
mod tests;
