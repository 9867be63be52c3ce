//! Every kind of broken article gives a located message, all at once.

use std::borrow::Cow;

use parallax::corpus::{self, SourceFile};
use parallax::diagnostic::Diagnostic;

const GOOD_FRONT: &str = "+++\nid = \"a-1\"\ntitle = \"A\"\noutlet = \"O\"\npublished = \"2024-01\"\nform = \"essay\"\nsource = \"s\"\n\n[[authors]]\nname = \"N\"\n+++\n";

fn problems(name: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let article = corpus::parse_article(name, bytes, &mut diagnostics);
    assert!(article.is_none() || diagnostics.iter().all(|d| !d.is_error()));
    diagnostics
}

fn only_error(name: &str, bytes: &[u8]) -> Diagnostic {
    let errors: Vec<Diagnostic> = problems(name, bytes).into_iter().filter(Diagnostic::is_error).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

fn assert_at(d: &Diagnostic, file: &str, line: usize, column: usize, message: &str) {
    assert_eq!((d.file.as_str(), d.line, d.column), (file, line, column), "{d}");
    assert!(d.message.contains(message), "{d}");
    assert!(!d.help.is_empty(), "every problem says what to do: {d}");
}

#[test]
fn a_good_article_parses() {
    let text = format!("{GOOD_FRONT}\nSome words.\n");
    assert!(problems("ok.md", text.as_bytes()).is_empty());
}

#[test]
fn missing_front_matter() {
    let d = only_error("x.md", b"Just some text.\n");
    assert_at(&d, "x.md", 1, 1, "missing front matter");
}

#[test]
fn unclosed_front_matter() {
    let d = only_error("x.md", b"+++\nid = \"a\"\n\nText.\n");
    assert_at(&d, "x.md", 1, 1, "not closed");
}

#[test]
fn malformed_front_matter() {
    let text = GOOD_FRONT.replace("title = \"A\"", "title = \"A");
    let d = only_error("x.md", format!("{text}\nBody.\n").as_bytes());
    assert_eq!(d.line, 3, "{d}");
    assert!(d.help.contains("TOML"), "{d}");
}

#[test]
fn wrong_type() {
    let text = GOOD_FRONT.replace("title = \"A\"", "title = 7");
    let d = only_error("x.md", format!("{text}\nBody.\n").as_bytes());
    assert_at(&d, "x.md", 3, 9, "invalid type");
}

#[test]
fn unknown_field() {
    let text = GOOD_FRONT.replace("form = \"essay\"", "form = \"essay\"\ncolour = \"red\"");
    let d = only_error("x.md", format!("{text}\nBody.\n").as_bytes());
    assert_at(&d, "x.md", 7, 1, "unknown field `colour`");
}

#[test]
fn unknown_form_names_the_valid_ones() {
    let text = GOOD_FRONT.replace("form = \"essay\"", "form = \"poem\"");
    let d = only_error("x.md", format!("{text}\nBody.\n").as_bytes());
    assert_at(&d, "x.md", 6, 8, "unknown variant `poem`");
    assert!(d.message.contains("interview"), "{d}");
}

#[test]
fn missing_field() {
    let text = GOOD_FRONT.replace("title = \"A\"\n", "");
    let d = only_error("x.md", format!("{text}\nBody.\n").as_bytes());
    assert!(d.message.contains("missing field `title`"), "{d}");
}

#[test]
fn an_id_a_title_and_a_body_are_enough_and_what_is_unknown_is_said() {
    let text = "+++\nid = \"bare\"\ntitle = \"Bare\"\n+++\n\nOnly words.\n";
    let mut diagnostics = Vec::new();
    let article = corpus::parse_article("bare.md", text.as_bytes(), &mut diagnostics).expect("it parses");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let unknown: Vec<&str> = article.meta.unknowns().into_iter().map(|(what, _)| what).collect();
    assert_eq!(unknown, ["no authors", "no outlet", "no date", "no form", "no source"]);
    assert_eq!(article.byline(), "date unknown");
    assert_eq!(article.citation(), "“Bare,” date unknown");
}

#[test]
fn invalid_date_and_id_are_both_reported() {
    let text = GOOD_FRONT
        .replace("\"2024-01\"", "\"2024-13-01\"")
        .replace("\"a-1\"", "\"A 1\"");
    let errors = problems("x.md", format!("{text}\nBody.\n").as_bytes());
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_at(&errors[0], "x.md", 2, 6, "invalid id `A 1`");
    assert_at(&errors[1], "x.md", 5, 13, "invalid date `2024-13-01`");
}

#[test]
fn empty_body() {
    let d = only_error("x.md", GOOD_FRONT.as_bytes());
    assert_at(&d, "x.md", 12, 1, "no body");
}

#[test]
fn note_reference_with_no_note() {
    let text = format!("{GOOD_FRONT}\nFirst.[^1]\n\nSecond line, then.[^2]\n\n[^1]: The note.\n");
    let d = only_error("x.md", text.as_bytes());
    assert_at(&d, "x.md", 15, 19, "note reference `[^2]` has no note");
}

#[test]
fn unreferenced_note_is_a_warning() {
    let text = format!("{GOOD_FRONT}\nFirst.\n\n[^1]: The note.\n");
    let all = problems("x.md", text.as_bytes());
    assert_eq!(all.len(), 1);
    assert!(!all[0].is_error());
    assert_at(&all[0], "x.md", 15, 1, "never referenced");
}

#[test]
fn invalid_utf8() {
    let mut bytes = format!("{GOOD_FRONT}\nab").into_bytes();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    let d = only_error("x.md", &bytes);
    assert_at(&d, "x.md", 13, 3, "invalid UTF-8");
}

#[test]
fn binary_file() {
    let d = only_error("picture.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(d.message.contains("not an article"), "{d}");
    assert_eq!(d.file, "picture.md");
}

#[test]
fn duplicate_id_names_both_files() {
    let text = format!("{GOOD_FRONT}\nBody.\n");
    let files = ["one.md", "two.md"].map(|name| SourceFile {
        name: name.into(),
        bytes: Cow::Owned(text.clone().into_bytes()),
    });
    let loaded = corpus::load(&files);
    assert_eq!(loaded.corpus.len(), 1);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_at(
        &loaded.diagnostics[0],
        "two.md",
        2,
        6,
        "duplicate id `a-1`: one.md uses it too",
    );
}

#[test]
fn all_problems_of_all_files_are_reported_at_once() {
    let files = [
        SourceFile {
            name: "a.md".into(),
            bytes: Cow::Borrowed(b"no front matter"),
        },
        SourceFile {
            name: "b.md".into(),
            bytes: Cow::Borrowed(b"\0"),
        },
        SourceFile {
            name: "c.md".into(),
            bytes: Cow::Owned(format!("{GOOD_FRONT}\nFine.\n").into_bytes()),
        },
    ];
    let loaded = corpus::load(&files);
    let files: Vec<&str> = loaded.diagnostics.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["a.md", "b.md"]);
    assert_eq!(loaded.corpus.len(), 1);
}

#[test]
fn control_characters_never_survive_loading() {
    let text = format!("{GOOD_FRONT}\nA \u{1b}]0;title\u{7} b\u{1b}[31m red\tand \u{202e}bidi.\n")
        .replace("title = \"A\"", "title = \"T\u{1b}[2J\"");
    let mut diagnostics = Vec::new();
    let article = corpus::parse_article("x.md", text.as_bytes(), &mut diagnostics).unwrap();
    assert!(parallax::sanitize::is_clean(&article.meta.title));
    for block in &article.blocks {
        assert!(parallax::sanitize::is_clean(&block.text), "{:?}", block.text);
        assert!(block.text.contains('\u{241b}'), "the escape is shown, not dropped");
    }
}

#[test]
fn a_window_of_dates_must_be_in_order_and_within_the_date() {
    let front = |between: &str| {
        format!(
            "+++\nid = \"a-1\"\ntitle = \"A\"\npublished = \"2023\"\npublished_between = {between}\n+++\n\nSome words.\n"
        )
    };
    assert!(problems("ok.md", front("[\"2023-01\", \"2023-02\"]").as_bytes()).is_empty());
    for bad in [
        "[\"2023-03\", \"2023-01\"]",
        "[\"2022-12\", \"2023-02\"]",
        "[\"2023-01\"]",
        "[\"soon\", \"later\"]",
    ] {
        let d = only_error("w.md", front(bad).as_bytes());
        assert_at(&d, "w.md", 5, 21, "invalid published_between");
    }
}
