//! What `check` says of a map whose claims or relations do not hold as
//! written: a claim nobody supports, an "answer" between two observations of
//! different dates, a "revision" by someone else.

use std::borrow::Cow;

use parallax::corpus::{self, Corpus, SourceFile};
use parallax::debate;

fn source(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.into(),
        bytes: Cow::Owned(text.as_bytes().to_vec()),
    }
}

fn article(id: &str, author: &str, published: &str, body: &str) -> SourceFile {
    source(
        &format!("{id}.md"),
        &format!(
            "+++\nid = \"{id}\"\ntitle = \"{id}\"\noutlet = \"O\"\npublished = \"{published}\"\nform = \"essay\"\nsource = \"s\"\n\n[[authors]]\nname = \"{author}\"\n+++\n\n{body}\n"
        ),
    )
}

/// Three articles: Ann in 2022 and again in 2024, Bea in 2024.
fn corpus() -> Corpus {
    let loaded = corpus::load(&[
        article(
            "ann-2022",
            "Ann Author",
            "2022-09",
            "Trade is flat this year. Ann thinks the tie is loose.",
        ),
        article(
            "ann-2024",
            "Ann Author",
            "2024-05",
            "Trade has doubled since then. Ann now thinks the tie is firm.",
        ),
        article(
            "bea-2024",
            "Bea Writer",
            "2024-06",
            "Trade has doubled, Bea finds. Bea thinks the tie is firm.",
        ),
    ]);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    loaded.corpus
}

const THEMES: &str = "[[themes]]\nid = \"trade\"\ntitle = \"Trade\"\nclaim = \"By 2024, trade has doubled.\"\nshared = true\n\n[[themes.passages]]\narticle = \"ann-2022\"\nquote = \"Trade is flat this year.\"\nstance = \"reports\"\nsummary = \"S.\"\n\n[[themes.passages]]\narticle = \"bea-2024\"\nquote = \"Trade has doubled, Bea finds.\"\nstance = \"reports\"\nsummary = \"S.\"\n\n[[themes]]\nid = \"tie\"\ntitle = \"Tie\"\nclaim = \"The tie is firm.\"\n\n[[themes.passages]]\narticle = \"ann-2022\"\nquote = \"Ann thinks the tie is loose.\"\nstance = \"opposes\"\nsummary = \"S.\"\n\n[[themes.passages]]\narticle = \"bea-2024\"\nquote = \"Bea thinks the tie is firm.\"\nstance = \"supports\"\nsummary = \"S.\"\n";

fn relation(kind: &str, from: (&str, &str), to: (&str, &str), note: &str) -> String {
    format!(
        "\n[[relations]]\nkind = \"{kind}\"\nsummary = \"S.\"\n{note}from = {{ article = \"{}\", quote = \"{}\" }}\nto = {{ article = \"{}\", quote = \"{}\" }}\n",
        from.0, from.1, to.0, to.1
    )
}

fn warnings(map: &str) -> Vec<String> {
    let corpus = corpus();
    let (map, problems) = debate::load(&corpus, &[source("m.toml", map)]);
    assert!(problems.is_empty(), "{problems:?}");
    debate::lint(&corpus, &map).iter().map(ToString::to_string).collect()
}

#[test]
fn a_claim_nobody_supports_is_said_unless_it_is_shared() {
    assert_eq!(
        warnings(THEMES),
        Vec::<String>::new(),
        "a claim that divides, a shared fact"
    );
    let nobody = THEMES.replace(
        "quote = \"Bea thinks the tie is firm.\"\nstance = \"supports\"",
        "quote = \"Bea thinks the tie is firm.\"\nstance = \"qualifies\"",
    );
    let said = warnings(&nobody);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("m.toml:20") && said[0].contains("no passage of theme `tie` supports its claim"),
        "{said:?}"
    );
    // Every stance the same is said once, as the theme comparing nothing.
    let same = THEMES.replace("stance = \"opposes\"", "stance = \"supports\"");
    let said = warnings(&same);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("compares nothing"), "{said:?}");
}

#[test]
fn an_answer_between_observations_of_different_dates_is_said_unless_a_note_says_why() {
    let flat = ("ann-2022", "Trade is flat this year.");
    let doubled = ("bea-2024", "Trade has doubled, Bea finds.");
    let said = warnings(&format!("{THEMES}{}", relation("answers", doubled, flat, "")));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("both ends report observations of different dates (2024-06 and 2022-09)"),
        "{said:?}"
    );
    let noted = relation(
        "rebuts",
        doubled,
        flat,
        "note = \"Bea names Ann's figure and disputes it.\"\n",
    );
    assert_eq!(warnings(&format!("{THEMES}{noted}")), Vec::<String>::new());
    // Views, not observations, may answer each other across dates.
    let views = relation(
        "answers",
        ("bea-2024", "Bea thinks the tie is firm."),
        ("ann-2022", "Ann thinks the tie is loose."),
        "",
    );
    assert_eq!(warnings(&format!("{THEMES}{views}")), Vec::<String>::new());
}

#[test]
fn a_revision_is_an_authors_own_later_view() {
    let own = relation(
        "revises",
        ("ann-2024", "Ann now thinks the tie is firm."),
        ("ann-2022", "Ann thinks the tie is loose."),
        "",
    );
    assert_eq!(warnings(&format!("{THEMES}{own}")), Vec::<String>::new());
    let another = relation(
        "revises",
        ("bea-2024", "Bea thinks the tie is firm."),
        ("ann-2022", "Ann thinks the tie is loose."),
        "",
    );
    let said = warnings(&format!("{THEMES}{another}"));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("`bea-2024` revises `ann-2022`, but the two share no author"),
        "{said:?}"
    );
}
