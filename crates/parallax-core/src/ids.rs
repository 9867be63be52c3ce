//! Typed positions: where an article stands in the corpus, a theme or a
//! relation in the map, a block in its article. Each is its own type so
//! that one can never be passed where another is meant; the string ids
//! (an article's `id`, a theme's `id`) name things across files and
//! sessions, and view state that must outlive a rebuild holds those.

use std::fmt;

macro_rules! position {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub usize);

        impl $name {
            /// The position as a plain number, for slices and arithmetic.
            pub const fn get(self) -> usize {
                self.0
            }

            /// The positions from `self` through `last`, both included.
            pub fn through(self, last: $name) -> impl DoubleEndedIterator<Item = $name> + Clone {
                (self.0..=last.0).map($name)
            }

            /// The positions `0..count`.
            pub fn all(count: usize) -> impl DoubleEndedIterator<Item = $name> + ExactSizeIterator + Clone {
                (0..count).map($name)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

position!(
    /// An article's place in the corpus: the order the articles arrived in,
    /// never re-sorted once the reader holds it.
    ArticleIx
);
position!(
    /// A theme's place in the debate map.
    ThemeIx
);
position!(
    /// A relation's place in the debate map.
    RelationIx
);
position!(
    /// A block's place in its article.
    BlockIx
);
