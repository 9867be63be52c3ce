//! The argument in time: the articles in date order, at the precision their
//! dates are known, the events the map lists, and who answers whom.

use super::{ArticleIx, DebateMap, RelationIx};
use crate::corpus::{Corpus, Published};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Event {
        date: Published,
        title: String,
    },
    /// An article, and the relations from its passages to earlier ones
    /// (indices into the map's relations).
    Article {
        article: ArticleIx,
        relations: Vec<RelationIx>,
    },
}

impl Row {
    /// The date, if known.
    pub fn date(&self, corpus: &Corpus) -> Option<Published> {
        match self {
            Row::Event { date, .. } => Some(*date),
            Row::Article { article, .. } => corpus[*article].meta.published,
        }
    }

    /// Where the row stands in time: an article whose text implies a
    /// window stands at the window's end, the latest it can have been
    /// written, so that it never stands after events it looks forward to.
    fn place(&self, corpus: &Corpus) -> Option<Published> {
        match self {
            Row::Article { article, .. } => {
                let meta = &corpus[*article].meta;
                meta.published_between.map(|(_, last)| last).or(meta.published)
            }
            Row::Event { date, .. } => Some(*date),
        }
    }

    /// The date as shown, at the precision known.
    pub fn date_text(&self, corpus: &Corpus) -> String {
        if let Row::Article { article, .. } = self
            && let Some((first, last)) = corpus[*article].meta.published_between
        {
            return window_text(first, last);
        }
        self.date(corpus)
            .map_or_else(|| "date unknown".to_string(), |d| d.to_string())
    }
}

/// A window of dates, short: "Jan–Feb 2023" within a year at the month,
/// else both dates as they are written.
fn window_text(first: Published, last: Published) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match (first.month, last.month, first.day, last.day) {
        (Some(a), Some(b), None, None) if first.year == last.year => {
            format!(
                "{}–{} {}",
                MONTHS[usize::from(a) - 1],
                MONTHS[usize::from(b) - 1],
                first.year
            )
        }
        _ => format!("{}–{}", first.iso(), last.iso()),
    }
}

/// Events and articles in date order; an article after the events of its
/// month when only the month is known.
pub fn rows(corpus: &Corpus, map: &DebateMap) -> Vec<Row> {
    let mut rows: Vec<Row> = map
        .events
        .iter()
        .map(|e| Row::Event {
            date: e.date,
            title: e.title.clone(),
        })
        .collect();
    for article in corpus.indices() {
        let relations = RelationIx::all(map.relations.len())
            .filter(|&r| map[r].from.article == article && map[r].to.article != article)
            .collect();
        rows.push(Row::Article { article, relations });
    }
    // What is known less precisely sorts after what falls within it;
    // articles of one date by id; undated articles come last.
    let key = |row: &Row| {
        let id = match row {
            Row::Article { article, .. } => corpus[*article].meta.id.as_str(),
            Row::Event { .. } => "",
        };
        match row.place(corpus) {
            Some(date) => (
                date.year,
                date.month.unwrap_or(13),
                date.day.unwrap_or(32),
                matches!(row, Row::Article { .. }),
                id,
            ),
            None => (u16::MAX, 0, 0, true, id),
        }
    };
    rows.sort_by_key(key);
    rows
}

/// The timeline as text, as `parallax timeline` prints it.
pub fn text(corpus: &Corpus, map: &DebateMap) -> String {
    let mut out = String::new();
    for row in rows(corpus, map) {
        match &row {
            Row::Event { title, .. } => out.push_str(&format!("{:<17} · {title}\n", row.date_text(corpus))),
            Row::Article { article, relations } => {
                let a = &corpus[*article];
                out.push_str(&format!(
                    "{:<17} ▶ {} — {} ({}; {})\n",
                    row.date_text(corpus),
                    a.author_names(),
                    a.meta.title,
                    a.meta.outlet,
                    a.meta.id
                ));
                for &r in relations {
                    let relation = &map[r];
                    let other = &corpus[relation.to.article];
                    out.push_str(&format!(
                        "{:<17}     {} {} ({}): {}\n",
                        "",
                        relation.kind.verb(),
                        other.author_names(),
                        other.meta.date(),
                        relation.summary
                    ));
                }
            }
        }
    }
    out
}
