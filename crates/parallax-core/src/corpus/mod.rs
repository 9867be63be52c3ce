//! The corpus: articles read from Markdown files with TOML front matter.
//!
//! Files go through [`crate::sanitize::clean`] first, then the front matter
//! ([`meta`]) and the body ([`body`]) are parsed into an [`Article`] whose
//! blocks carry stable ids and byte spans into the cleaned source.

mod body;
mod load;
mod meta;
mod sentences;
mod text;

pub use load::{
    DEFAULT_MAX_FILE_MB, FolderFiles, Loaded, OWN_MAP_FILE, SourceFile, append, bundled_maps, bundled_sources, combine,
    load, load_paths, load_paths_counting, parse_article, read_folder,
};
pub use meta::{Author, Form, Meta, Published, Role, TitleSource, is_valid_id, slug, unused_id};
pub use text::BlockText;

use std::collections::HashMap;
use std::ops::Range;

pub use crate::ids::{ArticleId, ArticleIx, BlockIx};

/// All articles that loaded, in the order they arrived: a library read
/// whole is read in date order, and one read in two stages keeps the first
/// stage's articles first, where the reader found them. An article's
/// [`ArticleIx`] never changes once it is in; [`Corpus::date_order`] gives
/// the order to list them in, and ids are found through a map.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    by_id: HashMap<ArticleId, ArticleIx>,
}

impl Corpus {
    /// A corpus of `articles` in this order; an id used twice keeps its first.
    pub fn new(articles: Vec<Article>) -> Corpus {
        // Grown once to its size: a library holds thousands.
        let mut corpus = Corpus {
            articles: Vec::with_capacity(articles.len()),
            by_id: HashMap::with_capacity(articles.len()),
        };
        for article in articles {
            // A second article with a used id is left out, as loading does.
            let _ = corpus.push(article);
        }
        corpus
    }

    /// Adds `article` after the others, or hands it back when its id is
    /// taken (the article holding it is at the returned position).
    pub fn push(&mut self, article: Article) -> Result<ArticleIx, (Box<Article>, ArticleIx)> {
        if let Some(&at) = self.by_id.get(&article.meta.id) {
            return Err((Box::new(article), at));
        }
        let at = ArticleIx(self.articles.len());
        self.by_id.insert(article.meta.id.clone(), at);
        self.articles.push(article);
        Ok(at)
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every article's position, in arrival order.
    pub fn indices(&self) -> impl DoubleEndedIterator<Item = ArticleIx> + ExactSizeIterator + Clone + use<> {
        ArticleIx::all(self.articles.len())
    }

    /// Each article with its position, in arrival order.
    pub fn enumerate(&self) -> impl Iterator<Item = (ArticleIx, &Article)> {
        self.articles.iter().enumerate().map(|(at, a)| (ArticleIx(at), a))
    }

    pub fn article(&self, at: ArticleIx) -> Option<&Article> {
        self.articles.get(at.0)
    }

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.index_of(id).map(|at| &self[at])
    }

    pub fn index_of(&self, id: &str) -> Option<ArticleIx> {
        self.by_id.get(id).copied()
    }

    pub fn ids(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.articles.iter().map(|a| a.meta.id.as_str())
    }

    /// The articles' positions in date order (the undated first), then by
    /// id: the order lists show them in, whatever order they arrived in.
    pub fn date_order(&self) -> Vec<ArticleIx> {
        let mut order: Vec<ArticleIx> = self.indices().collect();
        order.sort_by(|&a, &b| self[a].date_cmp(&self[b]));
        order
    }

    /// The corpus in date order: for a library read whole, before the
    /// reader holds any position in it.
    pub fn sorted_by_date(self) -> Corpus {
        let mut articles = self.articles;
        articles.sort_by(Article::date_cmp);
        Corpus::new(articles)
    }
}

impl std::ops::Index<ArticleIx> for Corpus {
    type Output = Article;

    fn index(&self, at: ArticleIx) -> &Article {
        &self.articles[at.0]
    }
}

#[derive(Debug, Clone)]
pub struct Article {
    /// The file it came from, as the user named it.
    pub file: String,
    /// Where the id stands in the file, for messages about it.
    pub id_at: crate::diagnostic::Location,
    pub meta: Meta,
    pub blocks: Vec<Block>,
    /// Every sentence of the article, found when first asked for (see
    /// [`Article::sentences`]): kept only for the articles a reader selects
    /// in.
    sentences: std::sync::OnceLock<Vec<(BlockIx, Range<usize>)>>,
}

impl std::ops::Index<BlockIx> for Article {
    type Output = Block;

    fn index(&self, at: BlockIx) -> &Block {
        &self.blocks[at.get()]
    }
}

impl Article {
    /// Every sentence of the article, in reading order: its block and its
    /// byte range there.
    pub fn sentences(&self) -> &[(BlockIx, Range<usize>)] {
        self.sentences.get_or_init(|| {
            self.enumerate_blocks()
                .flat_map(|(b, block)| block.sentences().into_iter().map(move |r| (b, r)))
                .collect()
        })
    }

    /// Date order (the undated first), then by id: the order articles are
    /// listed in.
    pub fn date_cmp(&self, other: &Article) -> std::cmp::Ordering {
        (self.meta.published, &self.meta.id).cmp(&(other.meta.published, &other.meta.id))
    }

    /// The words of all its blocks, one after another: each block's are a
    /// range of it (see [`BlockText::range`]).
    pub fn text(&self) -> &str {
        self.blocks.first().map_or("", |b| b.text.shared())
    }

    /// The block whose words hold byte `at` of [`Article::text`] (they
    /// stand there in the blocks' order).
    pub fn block_at(&self, at: usize) -> Option<BlockIx> {
        let after = self.blocks.partition_point(|b| b.text.range().end <= at);
        let block = self.blocks.get(after)?;
        block.text.range().contains(&at).then_some(BlockIx(after))
    }

    /// Blocks of the body proper (not the endnotes).
    pub fn block(&self, at: BlockIx) -> Option<&Block> {
        self.blocks.get(at.get())
    }

    /// Each block with its position, in reading order.
    pub fn enumerate_blocks(&self) -> impl DoubleEndedIterator<Item = (BlockIx, &Block)> + Clone {
        self.blocks.iter().enumerate().map(|(at, b)| (BlockIx(at), b))
    }

    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| !matches!(b.kind, BlockKind::Note))
    }

    pub fn notes(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Note))
    }

    pub fn note_index(&self, label: &str) -> Option<BlockIx> {
        self.blocks
            .iter()
            .position(|b| b.note_label() == Some(label))
            .map(BlockIx)
    }

    pub fn block_index(&self, id: &str) -> Option<BlockIx> {
        self.blocks.iter().position(|b| b.id == id).map(BlockIx)
    }

    pub fn word_count(&self) -> usize {
        self.body().map(|b| body::words(&b.text)).sum()
    }

    pub fn paragraph_count(&self) -> usize {
        self.body().filter(|b| b.kind.is_paragraph_like()).count()
    }

    pub fn note_count(&self) -> usize {
        self.notes().count()
    }

    /// The surnames of the article's voices, for narrow places: "Manning,
    /// Sun"; an interviewer is left out when someone else speaks. The title
    /// when no author is known.
    pub fn surnames(&self) -> String {
        let voices: Vec<&Author> = self
            .meta
            .authors
            .iter()
            .filter(|a| a.role != Role::Interviewer)
            .collect();
        let voices = if voices.is_empty() {
            self.meta.authors.iter().collect()
        } else {
            voices
        };
        let names: Vec<&str> = voices
            .iter()
            .filter_map(|a| a.name.split_whitespace().next_back())
            .collect();
        if names.is_empty() {
            self.meta.title.clone()
        } else {
            names.join(", ")
        }
    }

    /// "Authors, “Title,” Outlet, date", as a citation names the article.
    pub fn citation(&self) -> String {
        let meta = &self.meta;
        let mut parts = Vec::new();
        let authors = self.author_names();
        if !authors.is_empty() {
            parts.push(authors);
        }
        parts.push(format!("“{},”", meta.title));
        let mut tail: Vec<String> = Vec::new();
        if !meta.outlet.is_empty() {
            tail.push(meta.outlet.clone());
        }
        tail.push(meta.date());
        format!("{} {}", parts.join(", "), tail.join(", "))
    }

    /// "Authors · Outlet · date", leaving out what is not known.
    pub fn byline(&self) -> String {
        let mut parts = Vec::new();
        let authors = self.author_names();
        if !authors.is_empty() {
            parts.push(authors);
        }
        if !self.meta.outlet.is_empty() {
            parts.push(self.meta.outlet.clone());
        }
        parts.push(self.meta.date());
        parts.join(" · ")
    }

    /// Who wrote it, where and when, for a list: like [`Article::byline`],
    /// with the title standing for the authors when none is known.
    pub fn credit(&self) -> String {
        if self.meta.authors.is_empty() {
            format!("{} · {}", self.meta.title, self.byline())
        } else {
            self.byline()
        }
    }

    pub fn author_names(&self) -> String {
        let names: Vec<&str> = self.meta.authors.iter().map(|a| a.name.as_str()).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_string(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Heading {
        level: u8,
    },
    Paragraph,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A set-off block: an abstract, an editor's note, a quotation.
    Quote,
    /// An endnote: its label, which its references use, is its id's after
    /// the `n` (see [`Block::note_label`]).
    Note,
}

impl BlockKind {
    pub fn is_paragraph_like(&self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Stable within the article: `h2`, `p14`, `li1`, `q1`, `n3` (the note's
    /// label). Held in place, not apart, up to 15 bytes, in 16: a few bytes
    /// each in hundreds of thousands of blocks.
    pub id: ecow::EcoString,
    pub kind: BlockKind,
    /// The words as the reader sees them, without Markdown syntax.
    pub text: BlockText,
    /// The 1-based line of its file it starts on.
    pub line: u32,
    /// In an interview, the speaking author (see [`Block::speaker`]), or
    /// [`NO_SPEAKER`]: held in place, in room the fields above leave.
    speaker: u16,
    /// What few blocks have, kept apart so that the many without take no
    /// room for it (a library holds hundreds of thousands of blocks): none
    /// when there is nothing (see [`Block::extras_mut`]).
    extras: Option<Box<Extras>>,
}

/// A block that no author speaks, or whose author is past the 65,535th.
const NO_SPEAKER: u16 = u16::MAX;

/// References to endnotes, and the label of an interview turn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Extras {
    note_refs: Vec<NoteRef>,
    turn_label: Option<ecow::EcoString>,
}

impl Block {
    /// A note's label: `3` for note `n3`; none for any other block.
    pub fn note_label(&self) -> Option<&str> {
        (self.kind == BlockKind::Note).then(|| self.id.strip_prefix('n').unwrap_or(&self.id))
    }

    /// References to endnotes, at byte offsets in `text`.
    pub fn note_refs(&self) -> &[NoteRef] {
        self.extras.as_ref().map_or(&[], |e| &e.note_refs)
    }

    /// The speaking author (index into `Meta::authors`) in an interview turn.
    pub fn speaker(&self) -> Option<usize> {
        (self.speaker != NO_SPEAKER).then_some(usize::from(self.speaker))
    }

    fn set_speaker(&mut self, speaker: Option<usize>) {
        self.speaker = speaker.and_then(|s| u16::try_from(s).ok()).unwrap_or(NO_SPEAKER);
    }

    /// The label that opens a turn ("YS"), on the first paragraph of a turn.
    pub fn turn_label(&self) -> Option<&str> {
        self.extras.as_ref().and_then(|e| e.turn_label.as_deref())
    }

    /// What the block keeps apart, boxed once something is put in it.
    fn extras_mut(&mut self) -> &mut Extras {
        self.extras.get_or_insert_with(Box::default)
    }

    /// Its references to endnotes, to move them (none made).
    fn note_refs_mut(&mut self) -> &mut [NoteRef] {
        self.extras.as_mut().map_or(&mut [], |e| &mut e.note_refs)
    }

    /// How a citation names the block: "¶14" for paragraph 14, "note 3",
    /// "heading 2", "list item 1", "block quote 1".
    pub fn label(&self) -> String {
        let number = self.id.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        match self.kind {
            BlockKind::Paragraph => format!("¶{number}"),
            BlockKind::Heading { .. } => format!("heading {number}"),
            BlockKind::ListItem => format!("list item {number}"),
            BlockKind::Quote => format!("block quote {number}"),
            BlockKind::Note => format!("note {number}"),
        }
    }

    /// Where the block is, as a Pandoc citation's locator says it:
    /// "para. 23", "n. 4", "sec. 2"; a list item or block quote by its kind.
    pub fn locator(&self) -> String {
        let number = self.id.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        match self.kind {
            BlockKind::Paragraph => format!("para. {number}"),
            BlockKind::Note => format!("n. {number}"),
            BlockKind::Heading { .. } => format!("sec. {number}"),
            BlockKind::ListItem | BlockKind::Quote => self.label(),
        }
    }

    /// Byte ranges of the sentences of the block's text, found anew: an
    /// article keeps its own (see [`Article::sentences`]), which is what
    /// the selection steps through; indexing and suggestions pass over a
    /// block once.
    pub fn sentences(&self) -> Vec<Range<usize>> {
        sentences::sentences(&self.text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRef {
    /// Byte offset in the block's text, just after the word it marks.
    pub at: usize,
    /// Held in place, not apart, up to 15 bytes.
    pub label: ecow::EcoString,
}
