//! The debate map: themes (points of the debate), and for each the passages
//! where authors speak to it, with their stance toward the theme's claim.
//!
//! Maps are TOML files (`articles/debate.toml` for the bundled debate); a
//! user's map works the same way and may add passages to existing themes.

mod anchor;
mod lint;
mod load;
mod relations;
pub mod timeline;

pub use anchor::{Anchor, NormalizedArticle, Resolution, Selector, max_edits, normalize};
pub use lint::lint;
pub use load::{load, load_with_own};
pub use relations::{End, Event, PassageAt, Relation, RelationKind};

use std::fmt;

pub use crate::ids::{ArticleIx, RelationIx, ThemeId, ThemeIx};

use serde::Deserialize;

/// An author's position toward a theme's claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Supports,
    Opposes,
    Qualifies,
    /// A fact given without taking a side.
    Reports,
}

impl Stance {
    pub const ALL: [Stance; 4] = [Stance::Supports, Stance::Opposes, Stance::Qualifies, Stance::Reports];

    pub fn name(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Opposes => "opposes",
            Stance::Qualifies => "qualifies",
            Stance::Reports => "reports",
        }
    }

    /// A glyph that reads without color: each stance its own shape.
    pub fn glyph(self) -> char {
        match self {
            Stance::Supports => '+',
            Stance::Opposes => 'x',
            Stance::Qualifies => '~',
            Stance::Reports => '=',
        }
    }
}

/// The glyph of an article that says nothing on a theme.
pub const SILENT_GLYPH: char = '·';

/// The mark of a theme that is a fact the authors share.
pub const SHARED_MARK: char = '≡';

/// The mark of a theme the reader added.
pub const OWN_MARK: char = '✎';

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Default)]
pub struct DebateMap {
    /// The question that ties the debate together.
    pub question: String,
    pub themes: Vec<Theme>,
    /// The reader's own passages whose quote is no longer found in their
    /// article (it was edited): kept, shown as unplaced, never dropped.
    pub unplaced: Vec<Unplaced>,
    /// Who answers whom.
    pub relations: Vec<Relation>,
    /// Dated events the articles refer to, in date order.
    pub events: Vec<Event>,
}

/// One of the reader's own passages that could not be anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub theme: ThemeIx,
    pub article: ArticleIx,
    pub stance: Stance,
    pub quote: String,
    pub summary: String,
}

/// The reader's own stance on a theme's claim, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub stance: Stance,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub id: ThemeId,
    /// Ids the theme had before it was renamed or folded into another, so
    /// saved sessions and readers' maps that name them still find it.
    pub aliases: Vec<String>,
    pub title: String,
    /// The claim that stances are taken toward.
    pub claim: String,
    /// A fact the authors share rather than a point they dispute: shown as
    /// such, and skipped when looking for disagreement.
    pub shared: bool,
    pub passages: Vec<Passage>,
    /// Where the theme is defined.
    pub origin: Origin,
    /// Defined in the reader's own map.
    pub mine: bool,
    /// The reader's own stance on the claim, if recorded.
    pub view: Option<View>,
}

/// Where something of the map stands in its file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Passage {
    /// Index into the corpus's articles.
    pub article: ArticleIx,
    pub stance: Stance,
    /// The author's position, in the map's own words.
    pub summary: String,
    /// The quote as written in the map.
    pub quote: String,
    pub anchor: Anchor,
    /// Where the passage is written in the map.
    pub origin: Origin,
    /// Placed by the reader, in their own map.
    pub mine: bool,
}

impl Passage {
    /// The passage's words as they stand in its article now.
    pub fn text(&self, article: &crate::corpus::Article) -> String {
        self.anchor.text(article)
    }
}

impl DebateMap {
    /// The relations one of whose ends overlaps `anchor` in `article`.
    pub fn relations_at(&self, article: ArticleIx, anchor: &Anchor) -> Vec<RelationIx> {
        RelationIx::all(self.relations.len())
            .filter(|&r| {
                let relation = &self[r];
                [&relation.from, &relation.to]
                    .iter()
                    .any(|end| end.article == article && end.anchor.overlaps(anchor))
            })
            .collect()
    }

    /// The articles of `order` the map places a passage of, in that order:
    /// the stance matrix's columns, so that a library of thousands shows
    /// those that speak to its themes.
    pub fn mapped_articles(&self, order: &[ArticleIx]) -> Vec<ArticleIx> {
        let mut mapped = vec![false; order.len()];
        for passage in self.themes.iter().flat_map(|t| &t.passages) {
            if let Some(seen) = mapped.get_mut(passage.article.get()) {
                *seen = true;
            }
        }
        order
            .iter()
            .copied()
            .filter(|&a| mapped.get(a.get()) == Some(&true))
            .collect()
    }

    /// The theme with this id, or that had it before (an alias).
    pub fn theme_index(&self, id: &str) -> Option<ThemeIx> {
        self.themes
            .iter()
            .position(|t| t.id == id)
            .or_else(|| self.themes.iter().position(|t| t.aliases.iter().any(|a| a == id)))
            .map(ThemeIx)
    }

    /// Every theme's position, in the map's order.
    pub fn theme_indices(&self) -> impl DoubleEndedIterator<Item = ThemeIx> + ExactSizeIterator + Clone + use<> {
        ThemeIx::all(self.themes.len())
    }

    /// Each theme with its position, in the map's order.
    pub fn enumerate_themes(&self) -> impl DoubleEndedIterator<Item = (ThemeIx, &Theme)> + Clone {
        self.themes.iter().enumerate().map(|(at, t)| (ThemeIx(at), t))
    }

    /// Each relation with its position, in the map's order.
    pub fn enumerate_relations(&self) -> impl DoubleEndedIterator<Item = (RelationIx, &Relation)> + Clone {
        self.relations.iter().enumerate().map(|(at, r)| (RelationIx(at), r))
    }

    pub fn theme(&self, at: ThemeIx) -> Option<&Theme> {
        self.themes.get(at.get())
    }

    pub fn relation(&self, at: RelationIx) -> Option<&Relation> {
        self.relations.get(at.get())
    }
}

impl std::ops::Index<ThemeIx> for DebateMap {
    type Output = Theme;

    fn index(&self, at: ThemeIx) -> &Theme {
        &self.themes[at.get()]
    }
}

impl std::ops::Index<RelationIx> for DebateMap {
    type Output = Relation;

    fn index(&self, at: RelationIx) -> &Relation {
        &self.relations[at.get()]
    }
}

impl Theme {
    /// The passages of one article, in reading order.
    pub fn passages_of(&self, article: ArticleIx) -> impl Iterator<Item = &Passage> {
        self.passages.iter().filter(move |p| p.article == article)
    }

    /// The article's stance as the map gives it: that of its first passage
    /// in the bundled map (the authors' stance stays in view beside the
    /// reader's own), else of the reader's first, or none when silent.
    pub fn stance_of(&self, article: ArticleIx) -> Option<Stance> {
        let (map, own) = self.stances_of(article);
        map.first().or(own.first()).copied()
    }

    /// The distinct stances of an article's passages on the theme, in
    /// reading order: those of the map files, and the reader's own.
    pub fn stances_of(&self, article: ArticleIx) -> (Vec<Stance>, Vec<Stance>) {
        let (mut map, mut own) = (Vec::new(), Vec::new());
        for passage in self.passages_of(article) {
            let list = if passage.mine { &mut own } else { &mut map };
            if !list.contains(&passage.stance) {
                list.push(passage.stance);
            }
        }
        (map, own)
    }

    /// An article's cell in a table of stances: the map's glyphs, then the
    /// reader's own and their mark (`~+✎`); the silent glyph when none.
    pub fn cell_glyphs(&self, article: ArticleIx) -> String {
        let (map, own) = self.stances_of(article);
        if map.is_empty() && own.is_empty() {
            return SILENT_GLYPH.to_string();
        }
        let mut cell: String = map.iter().chain(&own).map(|s| s.glyph()).collect();
        if !own.is_empty() {
            cell.push(OWN_MARK);
        }
        cell
    }

    /// How many of `articles` support and how many oppose the claim.
    pub fn agreement(&self, articles: &[ArticleIx]) -> (usize, usize) {
        let mut supports = 0;
        let mut opposes = 0;
        for &article in articles {
            let stances: Vec<Stance> = self.passages_of(article).map(|p| p.stance).collect();
            supports += usize::from(stances.contains(&Stance::Supports));
            opposes += usize::from(stances.contains(&Stance::Opposes));
        }
        (supports, opposes)
    }

    /// Whether some of `articles` support the claim and others oppose it.
    /// Never for a shared fact.
    pub fn disagreement_among(&self, articles: &[ArticleIx]) -> bool {
        let (supports, opposes) = self.agreement(articles);
        !self.shared && supports > 0 && opposes > 0
    }
}
