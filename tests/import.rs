//! `parallax import`: saved pages of three shapes, text, Markdown and bad
//! input, each checked against what it should give; and the round trip
//! through check, list, search and the reader.

#[path = "support/import_run.rs"]
mod import_run;
use import_run::{folder, parallax, said};

use parallax::ids::ArticleIx;
use std::path::Path;
use std::process::Output;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// Imports one fixture into `into` and reads the article back.
fn import(name: &str, into: &Path) -> (parallax::corpus::Article, String) {
    let data = into.join("data");
    let out = parallax(&["import", &fixture(name), "--into", into.to_str().unwrap()], &data);
    let said = said(&out);
    assert!(out.status.success(), "{said}");
    let file = said
        .lines()
        .find_map(|l| {
            l.strip_prefix("imported ")
                .and_then(|r| r.split_once(" -> "))
                .map(|(_, p)| p.to_string())
        })
        .unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let mut diagnostics = Vec::new();
    let article = parallax::corpus::parse_article(&file, &bytes, &mut diagnostics).expect("a valid article");
    (article, said)
}

fn texts(article: &parallax::corpus::Article) -> Vec<String> {
    article.blocks.iter().map(|b| b.text.to_string()).collect()
}

const FURNITURE: &[&str] = &[
    "cookies",
    "Accept all",
    "Subscribe",
    "Log in",
    "Share on",
    "Twitter",
    "newsletter",
    "Sign up",
    "More from",
    "Advertisement",
    "All rights reserved",
    "comments",
    "Donate",
    "Popular posts",
    "Powered by",
    "Copy link",
];

fn no_furniture(article: &parallax::corpus::Article) {
    for block in &article.blocks {
        for word in FURNITURE {
            assert!(!block.text.contains(word), "furniture {word:?} in {:?}", block.text);
        }
    }
}

#[test]
fn a_page_with_json_ld_gives_its_paragraphs_word_for_word_and_its_metadata() {
    let (article, said) = import("jsonld.html", &folder("jsonld"));
    let meta = &article.meta;
    assert_eq!(
        meta.title, "Arctic Shipping Tests an Old Partnership",
        "the JSON-LD headline, not og:title"
    );
    let authors: Vec<&str> = meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["Ingrid Holm", "Tomas Reyes"]);
    assert_eq!(meta.outlet, "The Polar Review", "the JSON-LD publisher");
    assert_eq!(meta.published.unwrap().iso(), "2024-03-18");
    assert_eq!(meta.id, "holm-2024");
    assert!(!said.contains("no date") && !said.contains("no author"), "{said}");
    assert_eq!(
        texts(&article),
        [
            "When the first ice-class tanker reached the port of Murmansk in March, the crew had spent eleven days crossing a sea that was closed to them a decade ago. The voyage was ordinary for the ship and extraordinary for the map.",
            "Officials in both capitals describe the northern route as a shared project. Their statements, however, differ on who pays for the icebreakers, who trains the pilots, and who keeps the ports running through the polar night.",
            "Trade along the route grew by 38 percent last year, to roughly 36 million tonnes. That figure is small next to the Suez Canal, but it has doubled since 2020 & shows no sign of slowing.",
            "Ice, insurance and money",
            "Insurers remain wary. A broker in Oslo, who asked not to be named, said premiums for the passage are “three to four times” those for the southern route, because a breakdown in the Laptev Sea can leave a ship waiting weeks for help.",
            "The route is open for business, but business is not yet open to the route.",
            "For now the partnership holds, if only because neither side can yet run the route alone. Whether it lasts will depend less on declarations than on who is willing to pay for the next icebreaker.",
        ]
    );
    assert!(matches!(
        article.blocks[3].kind,
        parallax::corpus::BlockKind::Heading { .. }
    ));
    assert_eq!(article.blocks[5].kind, parallax::corpus::BlockKind::Quote);
    no_furniture(&article);
}

#[test]
fn a_page_with_meta_tags_only_keeps_its_interview_turns_and_footnotes() {
    let (article, _) = import("meta.html", &folder("meta"));
    let meta = &article.meta;
    assert_eq!(meta.title, "The River Border, Thirty Years On");
    assert_eq!(meta.authors[0].name, "Mara Ellis");
    assert_eq!(meta.outlet, "Borderlands Weekly");
    assert_eq!(meta.published.unwrap().iso(), "2023-11-02");
    let body: Vec<String> = article.body().map(|b| b.text.to_string()).collect();
    assert_eq!(
        body,
        [
            "Three decades after the last survey markers were set along the river, we asked a historian of the frontier what has changed, and what has not.",
            "Borderlands: Is the border still a source of friction?",
            "Far less than it was. The islands that were argued over for forty years are now the subject of joint development plans, at least on paper.",
            "Borderlands: And off paper?",
            "Off paper, the fishermen on both banks still keep their own maps. That memory is slower to change than any treaty.",
            "The interview has been edited for length and clarity.",
        ]
    );
    // Mara Ellis's bold label opens her turns; the outlet's stays a bold lead-in.
    assert_eq!(article.blocks[2].turn_label(), Some("Mara Ellis"));
    assert_eq!(article.note_count(), 2);
    let notes: Vec<&str> = article.notes().map(|n| n.text.as_str()).collect();
    assert_eq!(
        notes,
        [
            "The final demarcation protocol was signed in 2005.",
            "The plans were announced in a joint statement in May."
        ]
    );
    no_furniture(&article);
}

#[test]
fn a_page_with_neither_takes_its_title_tag_and_visible_byline_and_says_what_is_missing() {
    let (article, said) = import("plain.html", &folder("plain"));
    assert_eq!(article.meta.title, "Notes on a quiet summit");
    assert_eq!(article.meta.authors[0].name, "Sam Okafor");
    assert!(
        article.meta.published.is_none() && article.meta.outlet.is_empty(),
        "nothing invented"
    );
    assert!(said.contains("no date found: add published if you know it"), "{said}");
    assert!(said.contains("no outlet found"), "{said}");
    assert_eq!(texts(&article).len(), 3);
    assert!(texts(&article)[2].starts_with("Observers who came for a rupture"));
    no_furniture(&article);
}

#[test]
fn text_and_markdown_keep_their_paragraphs_and_structure() {
    let dir = folder("text");
    let (article, said) = import("plain.txt", &dir);
    assert_eq!(
        article.meta.title, "Why the pipeline stalled",
        "a short first line is the title"
    );
    assert!(said.contains("no author found"), "{said}");
    assert_eq!(
        texts(&article),
        [
            "The second pipeline has been discussed for a decade. Each side wants the other to carry the risk of building it.",
            "Prices are the sticking point. One side wants the price of the old contracts; the other wants a discount for the years it would have to wait. Until that is settled, the pipe stays on paper.",
        ]
    );
    let (article, _) = import("notes.md", &dir);
    assert_eq!(article.meta.title, "A short reading of the joint statement");
    let kinds: Vec<String> = article.blocks.iter().map(|b| format!("{:?}", b.kind)).collect();
    assert_eq!(
        kinds,
        ["Paragraph", "Heading { level: 2 }", "ListItem", "ListItem", "Quote"]
    );
    assert_eq!(
        article.blocks[0].text,
        "The statement repeats the old formula, but adds one phrase."
    );
}

#[test]
fn text_that_looks_like_markup_comes_through_word_for_word() {
    let dir = folder("markup");
    let source = dir.join("tricky.txt");
    std::fs::create_dir_all(&dir).unwrap();
    let paragraphs = [
        "1. Not a list: a sentence that starts with a number and a stop.",
        "- Not a list item either, and * not * emphasis, nor _this_.",
        "# Not a heading [^1] and [not a link](x) <b>nor a tag</b>.",
    ];
    std::fs::write(&source, format!("Tricky\n\n{}\n", paragraphs.join("\n\n"))).unwrap();
    let out = parallax(
        &["import", source.to_str().unwrap(), "--into", dir.to_str().unwrap()],
        &dir,
    );
    assert!(out.status.success(), "{}", said(&out));
    let bytes = std::fs::read(dir.join("tricky.md")).unwrap();
    let mut diagnostics = Vec::new();
    let article = parallax::corpus::parse_article("tricky.md", &bytes, &mut diagnostics).unwrap();
    assert_eq!(texts(&article), paragraphs);
}

#[test]
fn bad_input_is_refused_by_name_and_the_other_files_are_still_imported() {
    let dir = folder("bad");
    let big = dir.join("big.txt");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&big, "Words and more words. ".repeat(60_000)).unwrap();
    let files = ["empty.txt", "image.html", "data.csv", "nothing.html", "plain.txt"].map(fixture);
    let mut args: Vec<&str> = vec!["import", "--max-file-mb", "1", "--into", dir.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    args.push(big.to_str().unwrap());
    let out = parallax(&args, &dir);
    let said = said(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    for (file, problem) in [
        ("empty.txt", "the file is empty"),
        ("image.html", "the file is binary"),
        ("data.csv", "unknown kind of file `.csv`"),
        ("nothing.html", "no article text was found"),
        ("big.txt", "over the limit"),
    ] {
        let line = said
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file}: {said}"));
        assert!(line.starts_with("error: ") && line.contains(problem), "{line}");
    }
    assert!(said.contains("imported why-the-pipeline-stalled"), "{said}");
    let written: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    assert_eq!(
        written,
        ["why-the-pipeline-stalled.md"],
        "nothing written for the bad files"
    );
}

#[test]
fn an_existing_article_is_never_replaced_without_force() {
    let dir = folder("force");
    let into = dir.to_str().unwrap();
    let page = fixture("jsonld.html");
    assert!(parallax(&["import", &page, "--into", into], &dir).status.success());
    // The same page again is already there: left as it is, not doubled.
    let again = parallax(&["import", &page, "--into", into], &dir);
    assert!(again.status.success());
    assert!(
        said(&again).contains("jsonld.html: already there, as holm-2024"),
        "{}",
        said(&again)
    );
    // Another file whose article would take the same id gets a suffix.
    let copy = dir.join("another.html");
    std::fs::copy(&page, &copy).unwrap();
    let other = parallax(&["import", copy.to_str().unwrap(), "--into", into], &dir);
    assert!(
        said(&other).contains("imported holm-2024-2"),
        "a suffix when taken: {}",
        said(&other)
    );
    let mine = parallax(&["import", &page, "--into", into, "--id", "holm-2024"], &dir);
    assert_eq!(mine.status.code(), Some(1));
    assert!(
        said(&mine).contains("an article `holm-2024` is there already"),
        "{}",
        said(&mine)
    );
    let forced = parallax(&["import", &page, "--into", into, "--id", "holm-2024", "--force"], &dir);
    assert!(forced.status.success(), "{}", said(&forced));
}

#[test]
fn imported_articles_pass_check_show_in_list_are_found_by_search_and_open_in_the_reader() {
    let dir = folder("roundtrip");
    let into = dir.to_str().unwrap();
    for name in ["jsonld.html", "meta.html", "plain.html", "plain.txt", "notes.md"] {
        assert!(
            parallax(&["import", &fixture(name), "--into", into], &dir)
                .status
                .success()
        );
    }
    let check = parallax(&["check", "--articles", into], &dir);
    assert!(check.status.success(), "{}", said(&check));
    assert!(said(&check).contains("5 articles loaded, 0 errors"), "{}", said(&check));
    let list = said(&parallax(&["list", "--articles", into], &dir));
    assert!(
        list.contains("holm-2024") && list.contains("The Polar Review"),
        "{list}"
    );
    let search = said(&parallax(&["search", "icebreaker", "--articles", into], &dir));
    assert!(search.contains("holm-2024"), "{search}");
    let screen = said(&parallax(
        &["snapshot", "--articles", into, "--open", "ellis-2023,holm-2024"],
        &dir,
    ));
    assert!(
        screen.contains("The River Border, Thirty Years On") && screen.contains("Arctic Shipping"),
        "{screen}"
    );
    // The picker offers them like any other.
    let library = parallax::library::load(&parallax::library::Source {
        dir: Some(dir.clone()),
        ..Default::default()
    })
    .unwrap();
    let mut app = parallax::app::App::new(
        library.corpus,
        library.map,
        parallax::keymap::Keymap::defaults(),
        &[ArticleIx(0)],
        ratatui::layout::Rect::new(0, 0, 120, 40),
    );
    use parallax::app::{Action, update};
    update(&mut app, Action::OpenPicker);
    for c in "polar".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Select);
    assert_eq!(app.corpus[app.reading.panes[0].article].meta.id, "holm-2024");
}

#[test]
fn by_default_articles_go_to_your_own_folder_read_beside_the_bundled_ones() {
    let data = folder("own");
    let out = parallax(&["import", &fixture("meta.html")], &data);
    assert!(out.status.success(), "{}", said(&out));
    let own = data.join("parallax/articles/ellis-2023.md");
    assert!(own.exists(), "{}", said(&out));
    let list = said(&parallax(&["list"], &data));
    let row = list
        .lines()
        .find(|l| l.starts_with("ellis-2023"))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(
        row.contains("  ellis-2023.md  "),
        "list says where it comes from: {row}"
    );
    let folder = own.parent().unwrap().display().to_string();
    assert!(list.contains(&format!("FROM names the files in {folder}")), "{list}");
    assert!(
        list.lines()
            .any(|l| l.starts_with("gabuev-2024") && l.contains("bundled")),
        "{list}"
    );
    // An id the bundled articles use is taken: the import picks another...
    std::fs::write(data.join("gabuev.txt"), "Gabuev again\n\nA text.\n").unwrap();
    let again = parallax(
        &[
            "import",
            data.join("gabuev.txt").to_str().unwrap(),
            "--id",
            "gabuev-2024",
        ],
        &data,
    );
    assert_eq!(again.status.code(), Some(1), "{}", said(&again));
    // ...and a file written by hand with such an id is a located error naming both files.
    std::fs::write(
        data.join("parallax/articles/dup.md"),
        "+++\nid = \"gabuev-2024\"\ntitle = \"T\"\n+++\n\nWords.\n",
    )
    .unwrap();
    let check = parallax(&["check"], &data);
    let said = said(&check);
    assert_eq!(check.status.code(), Some(1), "{said}");
    assert!(
        said.contains("dup.md:2:6: error: duplicate id `gabuev-2024`: articles/gabuev-2024.md uses it too"),
        "{said}"
    );
}

/// What the fuzzer found: a reference to a note the page lacks, a note
/// given twice, an empty note. Each still gives an article the loader reads.
#[test]
fn broken_footnotes_still_give_a_valid_article() {
    let page = |notes: &str| {
        format!(
            "<html><head><title>T</title></head><body><article><p>A first paragraph that is long enough to be read as the article's text, with a reference.<sup><a href=\"#fn1\">1</a></sup> And another.<sup><a href=\"#fn2\">2</a></sup></p><p>A second paragraph, also long enough to count as text for the reader.</p><ol>{notes}</ol></article></body></html>"
        )
    };
    for notes in [
        "<li id=\"fn1\">Only the first note.</li>",
        "<li id=\"fn1\">Once.</li><li id=\"fn1\">Twice.</li><li id=\"fn2\">Two.</li>",
        "<li id=\"fn1\"></li><li id=\"fn2\">Two.</li>",
    ] {
        let extracted = parallax::import::extract_html(&page(notes)).unwrap();
        let text = format!("+++\nid = \"t\"\ntitle = \"T\"\n+++\n\n{}\n", extracted.body);
        let mut diagnostics = Vec::new();
        let article = parallax::corpus::parse_article("t.md", text.as_bytes(), &mut diagnostics);
        assert!(article.is_some(), "{notes}: {diagnostics:?}\n{text}");
        assert!(
            article.unwrap().blocks[0]
                .text
                .contains("with a reference. And another.")
        );
    }
}

/// A page in a file of its own, imported into `dir`: what was said.
fn import_page(dir: &Path, name: &str, html: &str) -> (Output, String) {
    std::fs::create_dir_all(dir).unwrap();
    let page = dir.join(name);
    std::fs::write(&page, html).unwrap();
    let out = parallax(
        &[
            "import",
            page.to_str().unwrap(),
            "--into",
            dir.join("out").to_str().unwrap(),
        ],
        &dir.join("data"),
    );
    let said = format!("{}{}", said(&out), String::from_utf8_lossy(&out.stderr));
    (out, said)
}

#[test]
fn deep_nesting_is_refused_by_its_depth_at_once_and_a_deep_real_page_imports() {
    let dir = folder("nesting");
    let paragraph = "<p>Deep text that is the body of the article, long enough for the extractor to keep it.</p>";
    for (name, html) in [
        (
            "unclosed.html",
            format!("<html><body>{}{paragraph}</body></html>", "<div><span>".repeat(25_000)),
        ),
        (
            "closed.html",
            format!(
                "<html><body>{}{paragraph}{}</body></html>",
                "<div>".repeat(50_000),
                "</div>".repeat(50_000)
            ),
        ),
    ] {
        let started = std::time::Instant::now();
        let (out, said) = import_page(&dir, name, &html);
        assert_eq!(out.status.code(), Some(1), "{said}");
        assert!(
            said.contains(name) && said.contains("nest more than 512 deep"),
            "{said}"
        );
        // Not a speed target (that is measured outside the tests): a hang would be minutes.
        assert!(started.elapsed() < std::time::Duration::from_secs(30));
    }
    let deep = format!(
        "<html><head><title>Deep but real</title></head><body><article>{}{paragraph}{paragraph}{}<ul>{}</ul></article></body></html>",
        "<div>".repeat(400),
        "</div>".repeat(400),
        "<li>an item<br><img src=x>".repeat(2000)
    );
    let (out, said) = import_page(&dir, "deep.html", &deep);
    assert!(out.status.success(), "{said}");
}

#[test]
fn controls_written_as_entities_never_reach_the_written_article() {
    let dir = folder("entities");
    let html = "<html><head><title>Title&#x202E;reversed</title></head><body><article>\
        <p>A clipboard write &#27;]52;c;ZXZpbA==&#7; hidden in a long enough paragraph of the article's text.</p>\
        <p>A second paragraph, &#x202E;reversed, so that the extractor keeps the article whole.</p>\
        </article></body></html>";
    let (out, said) = import_page(&dir, "page.html", html);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("4 control or direction characters"), "{said}");
    let file = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let written = std::fs::read_to_string(file).unwrap();
    assert!(parallax::sanitize::is_clean(&written.replace('\n', " ")), "{written:?}");
    assert!(
        written.contains("␛\\]52;c;ZXZpbA==␇") && written.contains("paragraph, ⟨U+202E⟩reversed"),
        "{written}"
    );
    assert!(written.contains("title = \"Title⟨U+202E⟩reversed\""), "{written}");
}

#[test]
fn the_fuzz_seeds_go_through_the_whole_conversion_clean() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/import_html");
    let mut converted = 0;
    for entry in std::fs::read_dir(seeds).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        match parallax::import::convert(&text, "html") {
            Ok((extracted, _)) => {
                converted += 1;
                assert!(
                    parallax::sanitize::is_clean(&extracted.body.replace('\n', " ")),
                    "{path:?}"
                );
            }
            Err(refusal) => assert!(refusal.problem.contains("nest more than"), "{path:?}: {refusal:?}"),
        }
    }
    assert_eq!(converted, 3);
}

/// A file of its own, imported into `dir/out`: the written article and what was said.
fn import_text(dir: &Path, name: &str, text: &str) -> (String, String) {
    let (out, said) = import_page(dir, name, text);
    assert!(out.status.success(), "{said}");
    let file = said
        .lines()
        .find_map(|l| l.split_once(" -> ").map(|(_, path)| path.trim().to_string()))
        .unwrap_or_else(|| panic!("{said}"));
    (std::fs::read_to_string(file).unwrap(), said)
}

#[test]
fn markdown_with_yaml_or_toml_front_matter_gives_its_metadata_not_a_heading() {
    let dir = folder("front-matter");
    let post = "---\ntitle: \"Why the wedge fails\"\nauthor: Jane Roe\ndate: 2024-03-02\ndescription: A short case against the wedge.\ncanonical_url: https://example.org/wedge\ntags: [china, russia]\n---\n\n# Why the wedge fails\n\nFirst paragraph of the post.<!--more-->\n\n<excerpt/>\n\nSecond paragraph, with *emphasis*.\n";
    let (written, _) = import_text(&dir, "post.md", post);
    let article = parallax::corpus::parse_article("post.md", written.as_bytes(), &mut Vec::new()).unwrap();
    assert_eq!(article.meta.title, "Why the wedge fails");
    assert_eq!(article.author_names(), "Jane Roe");
    assert_eq!(article.meta.iso_date(), "2024-03-02");
    assert_eq!(
        article.meta.subtitle.as_deref(),
        Some("A short case against the wedge.")
    );
    assert_eq!(article.meta.url.as_deref(), Some("https://example.org/wedge"));
    assert_eq!(
        texts(&article),
        ["First paragraph of the post.", "Second paragraph, with emphasis."],
        "{written}"
    );
    assert!(
        !written.contains("tags") && !written.contains("---") && !written.contains("<!--"),
        "{written}"
    );

    let hugo = "+++\ntitle = \"Notes on Moscow\"\nauthors = [\"A. Writer\", \"B. Writer\"]\ndate = 2023-02-10T09:00:00Z\n+++\n\nThe only paragraph.\n";
    let (written, _) = import_text(&dir, "hugo.md", hugo);
    let article = parallax::corpus::parse_article("hugo.md", written.as_bytes(), &mut Vec::new()).unwrap();
    assert_eq!(article.meta.title, "Notes on Moscow");
    assert_eq!(article.author_names(), "A. Writer and B. Writer");
    assert_eq!(article.meta.iso_date(), "2023-02-10");
}

/// The paragraphs of an article's body, as written.
fn body_paragraphs(article_text: &str) -> Vec<String> {
    let body = article_text.splitn(3, "+++").nth(2).unwrap().trim();
    body.split("\n\n").map(|p| p.replace('\\', "")).collect()
}

#[test]
fn text_copied_from_a_browser_gives_its_paragraphs_title_byline_and_date() {
    let dir = folder("pasted");
    // A real page copied out of a browser: no blank line at all.
    let (written, said) = import_text(
        &dir,
        "pasted-gabuev.txt",
        &std::fs::read_to_string(fixture("pasted-gabuev.txt")).unwrap(),
    );
    let bundled = body_paragraphs(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/articles/gabuev-2024.md")).unwrap(),
    );
    let mut imported = body_paragraphs(&written);
    // The page's two pull quotes are lines of their own there; the bundled
    // article leaves them out. Every other paragraph is the bundled one.
    let pull_quotes = [
        "Russia and China’s growing closeness is one of the most important outcomes of the war in Ukraine.",
        "Russia is replacing its near total reliance on the West with reliance on China.",
    ];
    imported.retain(|p| !pull_quotes.contains(&p.as_str()));
    assert_eq!(imported, bundled, "{said}");
    assert!(written.contains("title = \"Why the West Won’t Be Able to Drive a Wedge Between Russia and China\""));

    let (written, said) = import_text(
        &dir,
        "pasted-byline.txt",
        &std::fs::read_to_string(fixture("pasted-byline.txt")).unwrap(),
    );
    let article = parallax::corpus::parse_article("b.md", written.as_bytes(), &mut Vec::new()).unwrap();
    assert_eq!(article.meta.title, "A Partnership Built to Last");
    assert_eq!(article.author_names(), "Dmitri Trenin");
    assert_eq!(article.meta.iso_date(), "2021-08-24");
    assert!(said.contains("read from the line under the title"), "{said}");
    assert_eq!(
        body_paragraphs(&written),
        [
            "This fixture is written for the tests: one long line per paragraph, as a browser gives text copied out of a page, so that a single line break is all that ends a paragraph here.",
            "The second paragraph follows on the next line. It has two sentences, and ends with a quotation mark.”",
            "## What comes next",
            "The third paragraph sits under a short line that stands like a heading, and the fourth follows it.",
            "“A paragraph may also open with a quotation mark,” the fixture says, to show that it begins a sentence.",
        ]
    );

    let (written, _) = import_text(
        &dir,
        "wrapped.txt",
        &std::fs::read_to_string(fixture("wrapped.txt")).unwrap(),
    );
    assert!(written.contains("title = \"Notes on the partnership\""), "{written}");
    assert_eq!(
        body_paragraphs(&written),
        [
            "This file is wrapped at a width, the way an email or an old text file keeps its paragraphs, line after line, with a blank line between one paragraph and the next.",
            "The second paragraph is wrapped too, and its lines are joined into one paragraph again when it is imported.",
        ]
    );
}

#[test]
fn a_page_says_where_it_lives_by_its_canonical_link_og_url_or_json_ld_never_a_guess() {
    let dir = folder("page-url");
    let body = "<article><p>A paragraph long enough for the extractor to take it as the text of the article.</p><p>And a second paragraph with more words so that it is kept whole.</p></article>";
    for (name, head, url) in [
        (
            "canonical.html",
            "<link rel=\"canonical\" href=\"https://example.org/a\"><meta property=\"og:url\" content=\"https://example.org/og\">",
            Some("https://example.org/a"),
        ),
        (
            "og.html",
            "<meta property=\"og:url\" content=\"https://example.org/og\">",
            Some("https://example.org/og"),
        ),
        (
            "jsonld.html",
            "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"url\": \"https://example.org/ld\"}</script>",
            Some("https://example.org/ld"),
        ),
        ("none.html", "<link rel=\"canonical\" href=\"/relative\">", None),
    ] {
        let html = format!("<html><head><title>T {name}</title>{head}</head><body>{body}</body></html>");
        let (written, _) = import_text(&dir, name, &html);
        let article = parallax::corpus::parse_article(name, written.as_bytes(), &mut Vec::new()).unwrap();
        assert_eq!(article.meta.url.as_deref(), url, "{name}: {written}");
    }
}

#[test]
fn a_bulk_import_puts_articles_in_place_as_it_goes_so_a_stopped_one_keeps_them() {
    let dir = folder("batched");
    let from = dir.join("notes");
    std::fs::create_dir_all(&from).unwrap();
    let into = dir.join("articles");
    let options = parallax::import::Options::new(into.clone(), 1024 * 1024).in_batch();
    let in_place = || {
        std::fs::read_dir(&into).map_or(0, |d| {
            d.filter(|e| !e.as_ref().unwrap().file_name().to_string_lossy().starts_with('.'))
                .count()
        })
    };
    let import = |n: usize| {
        let file = from.join(format!("note-{n:03}.txt"));
        std::fs::write(&file, format!("Note {n}\n\nThe note numbered {n} says one thing.\n")).unwrap();
        parallax::import::import_file(&file, &options).unwrap();
    };
    for n in 0..3 {
        import(n);
    }
    // A batch a second old goes in place with the next article.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    import(3);
    assert_eq!(in_place(), 4);
    // What waits is lost only if the import is stopped before the end.
    import(4);
    drop(options);
    assert!((4..=5).contains(&in_place()));
    let hidden = std::fs::read_dir(&into).unwrap().count() - in_place();
    assert_eq!(hidden, 0, "no temporary file left behind");
    let _ = std::fs::remove_dir_all(&dir);
}
