//! `parallax import report.pdf`: PDFs of several shapes made by the test
//! (one column, two columns, running headers and page numbers, footnotes,
//! hyphenation, indented paragraphs, words placed one by one as TeX does),
//! each imported by the real binary and checked paragraph by paragraph
//! against the text it was made from; what the document says of itself;
//! scans and damaged files refused by name.

#[path = "support/import_run.rs"]
mod import_run;
use import_run::{folder, parallax, said};

#[path = "support/pdf.rs"]
mod pdf;

use parallax::corpus::{Article, BlockKind};
use pdf::{Block, Report};

/// The report's text: paragraphs long enough to wrap over pages, with
/// quotation marks, dashes and long words to break.
const PARAGRAPHS: [&str; 9] = [
    "River towns along the lower valley have argued for a generation about who should pay for the embankments, and the argument has hardened each time the water rose.",
    "The regional authority proposed a levy in 2019. Its engineers estimated that maintenance alone would cost twice what the towns collectively contributed, and that the shortfall was growing by roughly a fifth every decade.[^1]",
    "Opponents answered that the levy punished the upstream villages, which flood rarely, for the convenience of the downstream harbours, which flood often — a transfer, they said, “dressed up as solidarity.”",
    "Supporters replied that the harbours carry the valley’s commerce, and that a collapse of the embankments downstream would interrupt the livelihoods of everyone, upstream included.",
    "Neither side disputed the measurements. What divided them was a judgement about responsibility: whether a shared river makes a shared obligation, or whether each community answers only for its own stretch of bank.[^2]",
    "A compromise emerged slowly. Contributions would be weighted by exposure, recalculated every five years, and published in full so that any household could check the arithmetic.",
    "Administrators welcomed the transparency but warned that recalculation invites perpetual negotiation, and that communities disadvantaged by one assessment would campaign to overturn it at the next.",
    "The first assessment nonetheless passed with a comfortable majority, and the embankments were repaired before the following spring.",
    "Whether the arrangement survives a genuinely catastrophic flood, when the burden falls unevenly and suddenly, remains the question that its architects acknowledge they cannot answer in advance.",
];

const NOTES: [(u32, &str); 2] = [
    (
        1,
        "Regional Water Authority, annual maintenance review, tables 3 and 4.",
    ),
    (
        2,
        "The same disagreement recurs in older disputes over irrigation channels.",
    ),
];

fn body() -> Vec<Block> {
    let mut blocks: Vec<Block> = PARAGRAPHS[..5]
        .iter()
        .map(|p| Block::Paragraph(p.to_string()))
        .collect();
    blocks.push(Block::Heading("What the compromise settled".into()));
    blocks.extend(PARAGRAPHS[5..].iter().map(|p| Block::Paragraph(p.to_string())));
    blocks
}

/// The paragraphs of a report of `copies` times the text, with its calls.
fn paragraphs(copies: usize) -> Vec<String> {
    (0..copies)
        .flat_map(|_| PARAGRAPHS.iter().map(|p| p.to_string()))
        .collect()
}

/// Makes the PDF, imports it, and reads the article back with what import said.
fn import(name: &str, report: &Report) -> (Article, String) {
    let dir = folder(name);
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf::make(report)).unwrap();
    let into = dir.join("articles");
    let out = parallax(
        &["import", file.to_str().unwrap(), "--into", into.to_str().unwrap()],
        &dir,
    );
    let said = said(&out);
    assert!(out.status.success(), "{said}");
    let written = std::fs::read_dir(&into).unwrap().next().unwrap().unwrap().path();
    let bytes = std::fs::read(&written).unwrap();
    let mut diagnostics = Vec::new();
    let article = parallax::corpus::parse_article(&written.display().to_string(), &bytes, &mut diagnostics)
        .unwrap_or_else(|| panic!("a valid article: {diagnostics:?}\n{}", String::from_utf8_lossy(&bytes)));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let _ = std::fs::remove_dir_all(&dir);
    (article, said)
}

/// The paragraphs as the reader shows them, with each note's call put back
/// where it stands as `[^N]`.
fn body_paragraphs(article: &Article) -> Vec<String> {
    article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| {
            let mut text = b.text.to_string();
            for note in b.note_refs().iter().rev() {
                text.insert_str(note.at, &format!("[^{}]", note.label));
            }
            text
        })
        .collect()
}

fn notes(article: &Article) -> Vec<(String, String)> {
    article
        .blocks
        .iter()
        .filter_map(|b| Some((b.note_label()?.to_string(), b.text.to_string())))
        .collect()
}

fn headings(article: &Article) -> Vec<String> {
    article
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| b.text.to_string())
        .collect()
}

/// Every paragraph given back as it was made, one for one.
fn assert_paragraphs(article: &Article, want: &[String]) {
    let got = body_paragraphs(article);
    for (n, (got, want)) in got.iter().zip(want).enumerate() {
        assert_eq!(got, want, "paragraph {}", n + 1);
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
}

#[test]
fn one_column_gives_its_paragraphs_heading_notes_and_the_first_pages_title_byline_and_date() {
    let report = Report {
        title: Some("Who Pays for the River".into()),
        byline: Some("By Ann Writer and Bo Reader".into()),
        date_line: Some("May 17, 2024".into()),
        info: vec![("CreationDate", "D:20250102090000Z".into())],
        blocks: body(),
        notes: NOTES.iter().map(|(n, t)| (*n, t.to_string())).collect(),
        columns: 1,
        ..Report::default()
    };
    let (article, said) = import("one-column", &report);
    assert_paragraphs(&article, &paragraphs(1));
    assert_eq!(headings(&article), ["What the compromise settled"]);
    assert_eq!(
        notes(&article),
        NOTES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect::<Vec<_>>()
    );
    assert_eq!(article.meta.title, "Who Pays for the River");
    let authors: Vec<&str> = article.meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["Ann Writer", "Bo Reader"]);
    assert_eq!(article.meta.published.map(|p| p.iso()).as_deref(), Some("2024-05-17"));
    assert!(said.contains("is the first page's largest line"), "{said}");
    // The date the page shows, not when the PDF was made.
    assert!(!said.contains("when the PDF was made"), "{said}");
    assert!(said.contains("no outlet found"), "{said}");
}

#[test]
fn two_columns_with_running_headers_and_page_numbers_read_in_column_order_without_them() {
    let report = Report {
        title: Some("Who Pays for the River".into()),
        info: vec![
            ("Title", "Who Pays for the River".into()),
            ("Author", "Ann Writer; Bo Reader".into()),
            ("CreationDate", "D:20240517120000Z".into()),
        ],
        blocks: copies(4),
        notes: copies_notes(4),
        columns: 2,
        running_header: Some("Valley Studies Quarterly, Spring 2024".into()),
        page_numbers: true,
        ..Report::default()
    };
    let pdf_bytes = pdf::make(&report);
    let (article, said) = import("two-columns", &report);
    // A running header on every page but the first is known by repeating.
    assert!(pdf_pages(&pdf_bytes) >= 3, "the report runs over pages");
    let want: Vec<String> = (0..4)
        .flat_map(|copy| PARAGRAPHS.iter().map(move |p| renumber(p, copy)))
        .collect();
    assert_paragraphs(&article, &want);
    let all: String = article
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!all.contains("Valley Studies Quarterly"), "the running header is gone");
    assert!(
        !article
            .blocks
            .iter()
            .any(|b| b.text.trim().chars().all(|c| c.is_ascii_digit())),
        "no page number left as a block"
    );
    assert_eq!(article.meta.title, "Who Pays for the River");
    let authors: Vec<&str> = article.meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["Ann Writer", "Bo Reader"]);
    assert_eq!(article.meta.published.map(|p| p.iso()).as_deref(), Some("2024-05-17"));
    assert!(said.contains("is when the PDF was made"), "{said}");
}

#[test]
fn a_running_header_that_repeats_the_title_goes_and_the_title_stays() {
    let report = Report {
        title: Some("Who Pays for the River".into()),
        blocks: copies(4),
        notes: copies_notes(4),
        columns: 1,
        running_header: Some("Who Pays for the River".into()),
        page_numbers: true,
        ..Report::default()
    };
    assert!(pdf_pages(&pdf::make(&report)) >= 3);
    let (article, said) = import("header-is-title", &report);
    assert_eq!(article.meta.title, "Who Pays for the River", "{said}");
    assert_eq!(body_paragraphs(&article).len(), 4 * PARAGRAPHS.len());
    assert!(
        !article.blocks.iter().any(|b| b.text.contains("Who Pays")),
        "the header is in no block"
    );
}

/// The body `n` times over, its notes numbered on from copy to copy.
fn copies(n: usize) -> Vec<Block> {
    (0..n)
        .flat_map(|copy| body().into_iter().map(move |b| renumbered(b, copy)))
        .collect()
}

fn copies_notes(n: usize) -> Vec<(u32, String)> {
    (0..n)
        .flat_map(|copy| NOTES.iter().map(move |(k, t)| (k + 2 * copy as u32, t.to_string())))
        .collect()
}

/// The text of the `copy`th copy of the report, its notes numbered on.
fn renumber(text: &str, copy: usize) -> String {
    text.replace("[^1]", &format!("[^{}]", 2 * copy + 1))
        .replace("[^2]", &format!("[^{}]", 2 * copy + 2))
}

fn renumbered(block: Block, copy: usize) -> Block {
    match block {
        Block::Paragraph(text) => Block::Paragraph(renumber(&text, copy)),
        heading => heading,
    }
}

/// How many pages a PDF has.
fn pdf_pages(bytes: &[u8]) -> usize {
    lopdf::Document::load_mem(bytes).unwrap().get_pages().len()
}

#[test]
fn words_broken_across_lines_are_joined_and_indented_paragraphs_found() {
    let report = Report {
        blocks: body(),
        columns: 1,
        hyphenate: true,
        indent: true,
        notes: NOTES.iter().map(|(n, t)| (*n, t.to_string())).collect(),
        ..Report::default()
    };
    let made = pdf::make(&report);
    let hyphens = String::from_utf8_lossy(&made).matches("-) Tj").count();
    assert!(hyphens >= 2, "the report breaks words at line ends ({hyphens})");
    let (article, said) = import("hyphenated", &report);
    assert_paragraphs(&article, &paragraphs(1));
    assert!(said.contains("no title found"), "{said}");
}

#[test]
fn words_placed_one_by_one_without_spaces_still_read_as_words() {
    let report = Report {
        title: Some("Who Pays for the River".into()),
        blocks: body(),
        notes: NOTES.iter().map(|(n, t)| (*n, t.to_string())).collect(),
        columns: 2,
        words_placed: true,
        hyphenate: true,
        ..Report::default()
    };
    let (article, _) = import("words-placed", &report);
    assert_paragraphs(&article, &paragraphs(1));
    assert_eq!(headings(&article), ["What the compromise settled"]);
}

#[test]
fn xmp_names_the_article_over_an_information_title_that_names_a_file() {
    let xmp = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Who Pays for the River</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Zoë Writer</rdf:li></rdf:Seq></dc:creator>
<prism:publicationName>Valley Studies Quarterly</prism:publicationName>
<prism:publicationDate>2024-03</prism:publicationDate>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;
    let report = Report {
        title: Some("Who Pays for the River".into()),
        info: vec![("Title", "Microsoft Word - river-draft3.docx".into())],
        xmp: Some(xmp.into()),
        blocks: body(),
        notes: NOTES.iter().map(|(n, t)| (*n, t.to_string())).collect(),
        columns: 1,
        ..Report::default()
    };
    let (article, _) = import("xmp", &report);
    assert_eq!(article.meta.title, "Who Pays for the River");
    assert_eq!(article.meta.authors[0].name, "Zoë Writer");
    assert_eq!(article.meta.outlet, "Valley Studies Quarterly");
    assert_eq!(article.meta.published.map(|p| p.iso()).as_deref(), Some("2024-03"));
    // The title drawn on the page is the same title: not kept as a heading.
    assert_eq!(headings(&article), ["What the compromise settled"]);
    assert_paragraphs(&article, &paragraphs(1));

    // Without XMP, the file's name in the information dictionary is passed
    // over for the title the first page shows.
    let report = Report { xmp: None, ..report };
    let (article, said) = import("info-file-name", &report);
    assert_eq!(article.meta.title, "Who Pays for the River");
    assert!(said.contains("names a file, not the article: passed over"), "{said}");
    assert!(said.contains("no author found"), "{said}");
}

#[test]
fn a_scan_and_a_damaged_file_are_refused_by_name_and_a_folder_goes_on_past_them() {
    let dir = folder("refused");
    let from = dir.join("reports");
    std::fs::create_dir_all(&from).unwrap();
    std::fs::write(from.join("scan.pdf"), pdf::scan()).unwrap();
    std::fs::write(from.join("damaged.pdf"), b"%PDF-1.5\n1 0 obj << /Type /Catalog").unwrap();
    let mut cut = pdf::make(&Report {
        blocks: body(),
        columns: 1,
        ..Report::default()
    });
    cut.truncate(cut.len() / 2);
    std::fs::write(from.join("cut.pdf"), &cut).unwrap();
    let whole = Report {
        title: Some("Who Pays for the River".into()),
        blocks: body(),
        notes: NOTES.iter().map(|(n, t)| (*n, t.to_string())).collect(),
        columns: 1,
        ..Report::default()
    };
    std::fs::write(from.join("river.pdf"), pdf::make(&whole)).unwrap();
    // Found by the fuzz target: a damaged report whose only text left is its
    // title, byline and date.
    let title_only = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/title-only.pdf");
    std::fs::copy(title_only, from.join("cover.pdf")).unwrap();
    // Locked against editing only (no password to open): read as any other.
    std::fs::write(from.join("locked.pdf"), pdf::locked(&pdf::make(&whole), "")).unwrap();
    std::fs::write(from.join("secret.pdf"), pdf::locked(&pdf::make(&whole), "secret")).unwrap();
    let into = dir.join("articles");
    let out = parallax(
        &["import", from.to_str().unwrap(), "--into", into.to_str().unwrap()],
        &dir,
    );
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("scan.pdf: it has no text to read"), "{text}");
    assert!(text.contains("run OCR on it first"), "{text}");
    assert!(text.contains("damaged.pdf: it is not a PDF that can be read"), "{text}");
    assert!(text.contains("cut.pdf: "), "{text}");
    assert!(!text.contains("panicked"), "{text}");
    assert!(text.contains("cover.pdf: no article text was found in it"), "{text}");
    assert!(text.contains("secret.pdf: it is protected by a password"), "{text}");
    assert!(text.contains("save an unprotected copy"), "{text}");
    assert!(text.contains("imported who-pays-for-the-river"), "{text}");
    assert!(text.ends_with("2 imported, 0 already there, 5 refused\n"), "{text}");
    assert_eq!(std::fs::read_dir(&into).unwrap().count(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_fuzz_seeds_import_clean_and_the_scan_is_refused() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/import_pdf");
    let mut read = 0;
    for entry in std::fs::read_dir(seeds).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let result = parallax::import::convert_pdf(&bytes);
        if path.ends_with("scan.pdf") {
            assert!(result.is_err(), "a scan has no text");
            continue;
        }
        let (extracted, _) = result.unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let text = format!("+++\nid = \"seed\"\ntitle = \"T\"\n+++\n\n{}\n", extracted.body);
        let mut diagnostics = Vec::new();
        let article = parallax::corpus::parse_article("seed.md", text.as_bytes(), &mut diagnostics);
        assert!(
            article.is_some() && diagnostics.is_empty(),
            "{}: {diagnostics:?}\n{text}",
            path.display()
        );
        assert!(
            extracted.body.contains("A first paragraph of the report"),
            "{}",
            extracted.body
        );
        read += 1;
    }
    assert_eq!(read, 3);
}
