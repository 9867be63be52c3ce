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

macro_rules! name {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            // `pad`, so that widths and alignment apply as they do to a str.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> $name {
                $name(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> $name {
                $name(id.to_string())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }
    };
}

name!(
    /// An article's id: its file's name without `.md`, as maps, sessions
    /// and the command line name it.
    ArticleId
);
name!(
    /// A theme's id, as maps, sessions and the reader's own map name it.
    ThemeId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_lines_up_in_a_table_as_its_text_would() {
        let id = ArticleId::from("gabuev-2024");
        assert_eq!(format!("{id:<14}|"), "gabuev-2024   |");
        assert_eq!(format!("{id:>14}|"), "   gabuev-2024|");
        assert_eq!(format!("{:.6}", ThemeId::from("kissinger")), "kissin");
    }

    #[test]
    fn an_id_compares_with_the_text_that_names_it() {
        let id = ThemeId::from("wedge");
        let text = String::from("wedge");
        assert_eq!(id, "wedge");
        assert_eq!("wedge", id);
        assert_eq!(id, text);
        assert_ne!(id, "kissinger");
        let ids: std::collections::HashMap<ArticleId, ArticleIx> = [(ArticleId::from("a"), ArticleIx(3))].into();
        assert_eq!(ids.get("a"), Some(&ArticleIx(3)), "found by a borrowed str");
    }

    #[test]
    fn positions_count_through_their_last() {
        let blocks: Vec<BlockIx> = BlockIx(2).through(BlockIx(4)).collect();
        assert_eq!(blocks, [BlockIx(2), BlockIx(3), BlockIx(4)]);
        assert_eq!(ThemeIx::all(2).collect::<Vec<_>>(), [ThemeIx(0), ThemeIx(1)]);
    }
}
