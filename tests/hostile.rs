//! Bad input, tried on purpose: every hostile file gives a correct reading
//! or a located error, never a panic; nothing from a file reaches the
//! terminal as a control sequence.
//!
//! Bounds (stated here, measured in the benches and the closing notes, not
//! timed in tests): files over 32 MB are refused before they are read, with
//! a message naming the limit and `--max-file-mb`; everything below opens.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parallax::app::{Action, App, update};
use parallax::corpus::{self, BlockKind, Corpus};
use parallax::debate::{self, DebateMap};
use parallax::diagnostic::Diagnostic;
use parallax::ids::{ArticleIx, BlockIx, ThemeIx};
use parallax::keymap::{Context, Keymap};
use parallax::sanitize::is_clean;
use ratatui::layout::Rect;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(FIXTURES).join(name)).unwrap()
}

fn parse(name: &str) -> (Option<corpus::Article>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let article = corpus::parse_article(name, &fixture(name), &mut diagnostics);
    (article, diagnostics)
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("XDG_CONFIG_HOME", folder("config"))
        .output()
        .unwrap()
}

/// No byte of `output` is a control character other than a line end.
fn assert_no_controls(what: &str, output: &[u8]) {
    let text = String::from_utf8_lossy(output);
    for c in text.chars() {
        let code = c as u32;
        let control = (code < 0x20 && c != '\n') || (0x7f..=0x9f).contains(&code);
        let bidi = matches!(code, 0x200e | 0x200f | 0x061c | 0x202a..=0x202e | 0x2066..=0x2069);
        assert!(!control && !bidi, "{what}: U+{code:04X} reached the output");
    }
}

#[test]
fn invalid_utf8_is_located() {
    let (article, problems) = parse("invalid-utf8.md");
    assert!(article.is_none());
    assert_eq!((problems[0].line, problems[0].column), (13, 18), "{}", problems[0]);
    assert!(problems[0].message.contains("invalid UTF-8"));
}

#[test]
fn a_byte_order_mark_is_dropped() {
    let (article, problems) = parse("bom.md");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(article.unwrap().meta.id, "bom");
}

#[test]
fn crlf_and_lone_cr_line_ends_read_like_lf() {
    for name in ["crlf.md", "lone-cr.md"] {
        let (article, problems) = parse(name);
        assert!(problems.is_empty(), "{name}: {problems:?}");
        let article = article.unwrap();
        let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "First paragraph.", "{name}");
        assert!(texts[1].starts_with("Second paragraph"), "{name}");
        assert!(!texts.iter().any(|t| t.contains('\r')));
        assert_eq!(article.blocks[1].line, 15, "{name}");
    }
}

#[test]
fn nul_bytes_mean_not_an_article() {
    let (article, problems) = parse("nul.md");
    assert!(article.is_none());
    assert!(problems[0].message.contains("not an article"), "{}", problems[0]);
}

#[test]
fn an_empty_file_and_front_matter_alone_are_located_errors() {
    let (_, problems) = parse("empty.md");
    assert_eq!((problems[0].line, problems[0].column), (1, 1));
    assert!(problems[0].message.contains("missing front matter"));
    let (_, problems) = parse("front-matter-only.md");
    assert!(problems[0].message.contains("no body"), "{}", problems[0]);
}

#[test]
fn escape_sequences_and_bidi_controls_become_visible_placeholders() {
    let (article, problems) = parse("escape-sequences.md");
    assert!(problems.is_empty(), "{problems:?}");
    let article = article.unwrap();
    assert!(is_clean(&article.meta.title) && article.meta.title.contains('\u{241b}'));
    let text = &article.blocks[0].text;
    assert!(is_clean(text), "{text:?}");
    for shown in [
        "\u{241b}]0;pwned\u{2407}",
        "\u{241b}]52;c;",
        "\u{241b}[2J",
        "\u{27e8}U+009B\u{27e9}",
        "\u{2421}",
        "\u{27e8}U+202E\u{27e9}evil",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    assert!(text.contains("Tab here"), "tabs become spaces");

    // Through every command that prints text from files.
    let dir = folder("escapes");
    std::fs::copy(Path::new(FIXTURES).join("escape-sequences.md"), dir.join("escapes.md")).unwrap();
    std::fs::write(
        dir.join("map.toml"),
        "[[themes]]\nid = \"evil\"\ntitle = \"Evil \\u001b]0;x\\u0007\"\nclaim = \"C \\u009b2J\"\n\n[[themes.passages]]\narticle = \"escapes\"\nquote = \"Clear \\u001b[2J\\u001b[H screen.\"\nstance = \"supports\"\nsummary = \"S \\u202e.\"\n",
    )
    .unwrap();
    let d = dir.to_str().unwrap();
    for args in [
        &["show", "escapes", "--articles", d][..],
        &["export", "--format", "md", "--articles", d],
        &["snapshot", "--articles", d, "--open", "escapes", "--theme", "evil"],
        &["list", "--articles", d],
        &["themes", "--articles", d],
        &["search", "pwned", "--articles", d],
        &["check", "--articles", d],
    ] {
        let output = parallax(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_no_controls(&format!("{args:?}"), &output.stdout);
        assert_no_controls(&format!("{args:?} (stderr)"), &output.stderr);
    }
    // An error message quoting a hostile name is clean too.
    let output = parallax(&["show", "\u{1b}]0;x\u{7}"]);
    assert_eq!(output.status.code(), Some(1));
    assert_no_controls("an unknown id", &output.stderr);
    // And a usage error quoting what was typed.
    for args in [&["\u{1b}]0;x\u{7}"][..], &["--max-file-mb", "\u{1b}[2J\u{9b}1m"]] {
        let output = parallax(args);
        assert_eq!(output.status.code(), Some(2));
        assert_no_controls("a usage error", &output.stderr);
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = folder("big");
    let file = std::fs::File::create(dir.join("huge.md")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let output = parallax(&["check", "--articles", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("huge.md:1:1: error: the file is 50.0 MB, over the limit of 32 MB"),
        "{text}"
    );
    assert!(text.contains("--max-file-mb"), "{text}");
    // Raised, the file is read: a sparse file of NULs is not an article.
    let output = parallax(&["check", "--articles", dir.to_str().unwrap(), "--max-file-mb", "64"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("not an article"));
}

fn article_text(id: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"T\"\noutlet = \"O\"\npublished = \"2024\"\nform = \"essay\"\nsource = \"s\"\n\n[[authors]]\nname = \"N\"\n+++\n\n{body}\n"
    )
}

fn load_one(id: &str, body: &str) -> Corpus {
    let loaded = corpus::load(&[corpus::SourceFile {
        name: format!("{id}.md"),
        bytes: article_text(id, body).into_bytes().into(),
    }]);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    loaded.corpus
}

#[test]
fn a_million_character_paragraph_loads_renders_and_searches() {
    let words = ["wedge", "Kissinger", "中国", "café", "alliance", "no-limits"];
    let mut body = String::new();
    let mut i = 0;
    while body.chars().count() < 1_000_000 {
        body.push_str(words[i % words.len()]);
        body.push(' ');
        i += 1;
    }
    let corpus = load_one("long", &body);
    assert_eq!(corpus[ArticleIx(0)].blocks.len(), 1);
    let mut app = App::new(
        corpus,
        DebateMap::default(),
        Keymap::defaults(),
        &[ArticleIx(0)],
        Rect::new(0, 0, 120, 40),
    );
    update(&mut app, Action::Bottom);
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("Bot"), "{screen}");
    update(&mut app, Action::OpenSearch);
    for c in "kisinger".chars() {
        update(&mut app, Action::Input(c));
    }
    let _ = parallax::cli::snapshot(&app);
}

#[test]
fn a_map_with_ten_thousand_themes() {
    let corpus = load_one("base", "Alpha beta gamma delta. Epsilon zeta eta theta.");
    let mut map = String::new();
    for t in 0..10_000 {
        map.push_str(&format!(
            "[[themes]]\nid = \"t{t}\"\ntitle = \"Theme {t}\"\nclaim = \"C.\"\n\n[[themes.passages]]\narticle = \"base\"\nquote = \"Epsilon zeta eta\"\nstance = \"supports\"\nsummary = \"S.\"\n\n"
        ));
    }
    let (map, problems) = debate::load(
        &corpus,
        &[corpus::SourceFile {
            name: "big.toml".into(),
            bytes: map.into_bytes().into(),
        }],
    );
    assert!(problems.is_empty(), "{:?}", &problems[..problems.len().min(3)]);
    assert_eq!(map.themes.len(), 10_000);
    let mut app = App::new(
        corpus,
        map,
        Keymap::defaults(),
        &[ArticleIx(0)],
        Rect::new(0, 0, 120, 40),
    );
    update(&mut app, Action::PrevTheme);
    assert_eq!(app.theme(), Some(ThemeIx(9_999)));
    update(&mut app, Action::OpenMatrix);
    let _ = parallax::cli::snapshot(&app);
}

#[test]
fn a_quote_spanning_two_paragraphs_anchors_across_them() {
    let corpus = load_one(
        "two",
        "The first paragraph ends here.\n\nThe second begins there, and goes on.",
    );
    let map = "[[themes]]\nid = \"x\"\ntitle = \"X\"\nclaim = \"C\"\n\n[[themes.passages]]\narticle = \"two\"\nquote = \"ends here. The second begins\"\nstance = \"qualifies\"\nsummary = \"S.\"\n";
    let (map, problems) = debate::load(
        &corpus,
        &[corpus::SourceFile {
            name: "m.toml".into(),
            bytes: map.as_bytes().to_vec().into(),
        }],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let passage = &map.themes[0].passages[0];
    assert_eq!(
        (passage.anchor.start_block, passage.anchor.end_block),
        (BlockIx(0), BlockIx(1))
    );
    assert_eq!(passage.text(&corpus[ArticleIx(0)]), "ends here. The second begins");
    let mut app = App::new(
        corpus,
        map,
        Keymap::defaults(),
        &[ArticleIx(0)],
        Rect::new(0, 0, 80, 20),
    );
    update(&mut app, Action::NextTheme);
    let _ = parallax::cli::snapshot(&app);
}

#[test]
fn a_keymap_binding_every_key() {
    let mut keys: Vec<String> = Vec::new();
    for c in ('a'..='z').chain('A'..='Z').chain('0'..='9') {
        keys.push(c.to_string());
        if c.is_ascii_lowercase() {
            keys.push(format!("ctrl-{c}"));
            keys.push(format!("alt-{c}"));
        }
    }
    keys.extend("!@#$%^&*()_+=[]{};:'\",.<>/?\\|`~".chars().map(|c| c.to_string()));
    keys.extend(
        [
            "enter",
            "esc",
            "tab",
            "backtab",
            "space",
            "backspace",
            "up",
            "down",
            "left",
            "right",
            "home",
            "end",
            "pageup",
            "pagedown",
            "delete",
            "insert",
        ]
        .map(String::from),
    );
    keys.extend((1..=12).map(|n| format!("f{n}")));
    let mut text = String::from("[reader]\n");
    for key in &keys {
        let quoted = key.replace('\\', "\\\\").replace('"', "\\\"");
        text.push_str(&format!("\"{quoted}\" = \"scroll_down\"\n"));
    }
    let (keymap, problems) = Keymap::with_user_file("all.toml", &text);
    assert!(problems.is_empty(), "{problems:?}");
    for key in &keys {
        let key = parallax::keymap::Key::parse(key).unwrap();
        assert_eq!(keymap.action(Context::Reader, key), Some(Action::ScrollDown), "{key}");
    }
    assert!(keymap.describe().contains("scroll_down"));
    assert!(!parallax::app::help_lines(&keymap).is_empty());
}

#[test]
fn deeply_nested_markdown_does_not_overflow_and_keeps_its_text() {
    let quotes = format!("{}deep", "> ".repeat(20_000));
    let lists: String = (0..5_000)
        .map(|depth| format!("{}- item {depth}\n", "  ".repeat(depth)))
        .collect();
    let emphasis = format!("{}x{}", "*_".repeat(10_000), "_*".repeat(10_000));
    type Check = fn(&[parallax::corpus::Block]);
    let cases: [(String, Check); 3] = [
        (quotes, |blocks| {
            assert_eq!(blocks.len(), 1);
            assert_eq!(blocks[0].text, "deep");
            assert!(matches!(blocks[0].kind, BlockKind::Quote), "{:?}", blocks[0].kind);
        }),
        (lists, |blocks| {
            assert_eq!(blocks.len(), 5_000, "an item a block");
            for (i, block) in blocks.iter().enumerate() {
                assert_eq!(*block.text, format!("item {i}"));
                assert!(matches!(block.kind, BlockKind::ListItem), "{:?}", block.kind);
            }
        }),
        (emphasis, |blocks| {
            assert_eq!(blocks.len(), 1);
            assert!(matches!(blocks[0].kind, BlockKind::Paragraph), "{:?}", blocks[0].kind);
            assert!(blocks[0].text.contains('x'), "the emphasized word is kept");
        }),
    ];
    for (body, check) in cases {
        let mut diagnostics = Vec::new();
        let article = corpus::parse_article("deep.md", article_text("deep", &body).as_bytes(), &mut diagnostics)
            .expect("the article is read");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        check(&article.blocks);
        let first: String = article.blocks[0].text.chars().take(6).collect();
        let corpus = Corpus::new(vec![article]);
        let app = App::new(
            corpus,
            DebateMap::default(),
            Keymap::defaults(),
            &[ArticleIx(0)],
            Rect::new(0, 0, 80, 24),
        );
        let screen = parallax::cli::snapshot(&app);
        assert!(screen.contains(&first), "the first block is shown: {screen}");
    }
}

#[test]
fn an_article_named_by_a_symlink_loop_is_a_located_error() {
    let dir = folder("loop");
    std::os::unix::fs::symlink(dir.join("b.md"), dir.join("a.md")).unwrap();
    std::os::unix::fs::symlink(dir.join("a.md"), dir.join("b.md")).unwrap();
    let output = parallax(&["check", "--articles", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("a.md:1:1: error: cannot read the file"), "{text}");
    assert!(text.contains("b.md:1:1: error: cannot read the file"), "{text}");
}

#[test]
fn a_saved_search_is_kept_as_written_and_drawn_clean() {
    let corpus = corpus::load(&corpus::bundled_sources()).corpus;
    let (map, _) = debate::load(&corpus, &corpus::bundled_maps());
    let mut app = App::new(
        corpus,
        map,
        Keymap::defaults(),
        &[ArticleIx(0)],
        Rect::new(0, 0, 160, 45),
    );
    let written = "\u{1b}[2Jwipe\tit";
    app.reading.recent_searches.push(written.to_string());
    update(&mut app, Action::OpenSearch);
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("Recent (up brings them back): ␛[2Jwipe"), "{screen}");
    update(&mut app, Action::SelectPrev);
    let screen = parallax::cli::snapshot(&app);
    assert!(screen.contains("␛[2Jwipe"), "the recalled query, drawn: {screen}");
    assert!(is_clean(&screen.replace('\n', " ")));
    assert_eq!(app.to_session().searches, [written], "stored as written");
}
