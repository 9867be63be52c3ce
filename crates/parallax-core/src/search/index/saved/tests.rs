//! A saved index read back: the same index, and nothing opened that is
//! stale, torn, damaged or misleading.

use super::*;
use crate::search::Query;
use std::sync::Arc;

fn bundled_index() -> SearchIndex {
    let corpus = Arc::new(crate::corpus::load(&crate::corpus::bundled_sources()).corpus);
    let (map, _) = crate::debate::load(&corpus, &crate::corpus::bundled_maps());
    SearchIndex::build(&corpus, &map)
}

fn saved(index: &SearchIndex, key: &[u8], warnings: &[String]) -> Vec<u8> {
    let mut file = std::io::Cursor::new(Vec::new());
    save(index, key, warnings, &mut file).unwrap();
    file.into_inner()
}

fn saved_to(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-saved-index-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const QUERIES: [&str; 7] = [
    "nevsky",
    "increases o",
    "reverse kissinger",
    "#wedge",
    "@gabuev",
    "no limits",
    "’s",
];

/// An index read back is the one saved: every candidate, its words and
/// the names of its place, every query's results as printed.
#[test]
fn an_index_read_back_is_the_one_saved() {
    let built = bundled_index();
    let warnings = vec!["a.md:1:1: warning: this; that".to_string()];
    let bytes = saved(&built, b"the key", &warnings);
    let opened = open(&saved_to("whole.index", &bytes), b"the key").expect("opens");
    let read = &opened.index;
    assert_eq!(opened.warnings, warnings);
    assert_eq!(read.len(), built.len());
    for id in 0..built.len() as u32 {
        let c = built.candidate(id);
        assert_eq!(read.candidate(id), c);
        assert_eq!(read.text(id), built.text(id));
        if let Some(article) = c.article {
            assert_eq!(read.article_id(article), built.article_id(article));
            if c.kind == Kind::Passage {
                assert_eq!(read.block_id(article, c.block), built.block_id(article, c.block));
            }
        }
    }
    for query in QUERIES {
        let query = Query::parse(query);
        let (expected, found) = (built.search(&query), read.search(&query));
        assert!(!expected.is_empty(), "{query:?}");
        assert_eq!(found, expected, "{query:?}");
        assert_eq!(
            crate::export::search_json(read, &found),
            crate::export::search_json(&built, &expected)
        );
    }
    let mut again = std::io::Cursor::new(Vec::new());
    assert!(
        save(read, b"the key", &warnings, &mut again).is_err(),
        "read back, it is saved already"
    );
}

/// A file saved for another key, of another format, torn or damaged
/// anywhere is not opened.
#[test]
fn a_stale_torn_or_damaged_file_is_not_opened() {
    let bytes = saved(&bundled_index(), b"the key", &[]);
    assert!(open(&saved_to("key.index", &bytes), b"another key").is_none());
    assert!(open(&saved_to("none.index", &bytes).with_extension("missing"), b"the key").is_none());
    let mut other_format = bytes.clone();
    other_format[8] ^= 1;
    assert!(open(&saved_to("format.index", &other_format), b"the key").is_none());
    for cut in [0, 7, HEADER + 3, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            open(&saved_to("torn.index", &bytes[..cut]), b"the key").is_none(),
            "{cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(b'x');
    assert!(open(&saved_to("longer.index", &longer), b"the key").is_none());
    for at in (HEADER..bytes.len()).step_by(bytes.len() / 97) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        assert!(open(&saved_to("damaged.index", &damaged), b"the key").is_none(), "{at}");
    }
}

/// A file whose checksum holds but whose numbers say otherwise (written
/// wrongly, or made to mislead) opens as an index that searches
/// without failing, or not at all.
#[test]
fn a_file_that_misleads_never_brings_the_search_down() {
    let bytes = saved(&bundled_index(), b"k", &[]);
    let text_start = bytes.len() - text_length(&bytes);
    let (mut opened, mut refused) = (0, 0);
    for at in (HEADER + 9..text_start).step_by(text_start / 150) {
        for change in [0x01, 0x80, 0xff] {
            let mut misleading = bytes.clone();
            misleading[at] ^= change;
            let checksum = crc32fast::hash(&misleading[HEADER..]);
            misleading[12..16].copy_from_slice(&checksum.to_le_bytes());
            match open(&saved_to("misleading.index", &misleading), b"k") {
                Some(read) => {
                    opened += 1;
                    for query in QUERIES {
                        let hits = read.index.search(&Query::parse(query));
                        crate::export::search_json(&read.index, &hits);
                    }
                }
                None => refused += 1,
            }
        }
    }
    assert!(opened > 0 && refused > 0, "{opened} opened, {refused} refused");
}

/// The length of the block texts at the end of a saved index.
fn text_length(bytes: &[u8]) -> usize {
    let read = open(&saved_to("length.index", bytes), b"k").unwrap();
    let super::super::Words::Saved(words) = &read.index.words else {
        unreachable!("read from a file")
    };
    words.text.len()
}
