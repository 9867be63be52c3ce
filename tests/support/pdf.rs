//! PDFs made for the tests, laid out as reports are: a title, a byline and
//! a date over paragraphs wrapped to the column with the standard Helvetica
//! widths, headings in a larger bold face, one or two columns, running
//! headers and page numbers, footnotes at the foot of the page they are
//! called on, words hyphenated across lines. What a report was made from is
//! what an import of it must give back, paragraph by paragraph.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

/// One piece of a report's body. A paragraph calls a note with `[^N]`.
#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    Paragraph(String),
}

/// How a report is made.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Drawn large at the top of the first page.
    pub title: Option<String>,
    /// Drawn under the title ("By ...").
    pub byline: Option<String>,
    /// Drawn under the byline.
    pub date_line: Option<String>,
    /// The document information dictionary: (key, value) pairs.
    pub info: Vec<(&'static str, String)>,
    /// An XMP packet as the catalog's metadata stream.
    pub xmp: Option<String>,
    pub blocks: Vec<Block>,
    /// Footnotes by number, drawn at the foot of the page that calls them.
    pub notes: Vec<(u32, String)>,
    pub columns: u8,
    /// Drawn at the top of every page but the first.
    pub running_header: Option<String>,
    pub page_numbers: bool,
    /// Words that do not fit are broken with a hyphen, as typesetters do.
    pub hyphenate: bool,
    /// Paragraphs marked by an indented first line, not a gap.
    pub indent: bool,
    /// Each word drawn at its own position, no space glyph between words
    /// (as TeX and many typesetters write justified text).
    pub words_placed: bool,
}

const PAGE_WIDTH: f64 = 612.0;
const PAGE_HEIGHT: f64 = 792.0;
const MARGIN: f64 = 72.0;
const GUTTER: f64 = 24.0;
const BODY: f64 = 10.0;
const LEADING: f64 = 13.0;
const NOTE: f64 = 8.0;

/// The width of `text` in Helvetica at `size`, from the font's metrics.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    text.chars().map(|c| glyph_width(c, bold)).sum::<f64>() * size / 1000.0
}

fn glyph_width(c: char, bold: bool) -> f64 {
    const REGULAR: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
        556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
        556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
        500, 500, 500, 334, 260, 334, 584,
    ];
    let base = match c {
        ' '..='~' => f64::from(REGULAR[c as usize - 32]),
        '\u{2014}' => 1000.0,
        '\u{2013}' => 556.0,
        _ => 500.0,
    };
    // Helvetica-Bold is a little wider; wrapping only needs an upper bound.
    if bold { base * 1.08 } else { base }
}

/// A run of text at a place on a page.
struct Placed {
    x: f64,
    y: f64,
    size: f64,
    bold: bool,
    text: String,
}

#[derive(Default)]
struct Page {
    placed: Vec<Placed>,
}

/// Lays a report out on pages and writes it as a PDF.
pub fn make(report: &Report) -> Vec<u8> {
    write(&lay_out(report), report)
}

fn lay_out(report: &Report) -> Vec<Page> {
    let columns = f64::from(report.columns.max(1));
    let column_width = (PAGE_WIDTH - 2.0 * MARGIN - (columns - 1.0) * GUTTER) / columns;
    let mut layout = Layout {
        pages: vec![Page::default()],
        column: 0,
        columns: report.columns.max(1),
        column_width,
        y: PAGE_HEIGHT - MARGIN,
        top: PAGE_HEIGHT - MARGIN,
        notes_in_column: Vec::new(),
        report,
    };
    let front = |text: &Option<String>, size: f64, bold: bool, layout: &mut Layout| {
        if let Some(text) = text {
            layout.y -= size * 1.3;
            layout.place(MARGIN, size, bold, text.clone());
        }
    };
    front(&report.title, 18.0, true, &mut layout);
    front(&report.byline, 11.0, false, &mut layout);
    front(&report.date_line, 11.0, false, &mut layout);
    layout.y -= LEADING;
    layout.top = layout.y;
    for block in &report.blocks {
        match block {
            Block::Heading(text) => {
                layout.need(3.0 * LEADING);
                layout.y -= LEADING * 0.8;
                for line in wrap(text, 13.0, true, column_width, false) {
                    layout.need(LEADING * 1.3);
                    layout.y -= 13.0 * 1.3;
                    layout.place(layout.x(), 13.0, true, line);
                }
            }
            Block::Paragraph(text) => layout.paragraph(text),
        }
    }
    layout.finish_column();
    layout.finish_page();
    layout.pages
}

struct Layout<'a> {
    pages: Vec<Page>,
    column: u8,
    columns: u8,
    column_width: f64,
    y: f64,
    /// Where columns start on this page (below the first page's title).
    top: f64,
    notes_in_column: Vec<u32>,
    report: &'a Report,
}

impl Layout<'_> {
    fn x(&self) -> f64 {
        MARGIN + f64::from(self.column) * (self.column_width + GUTTER)
    }

    fn place(&mut self, x: f64, size: f64, bold: bool, text: String) {
        let y = self.y;
        self.pages
            .last_mut()
            .expect("a page")
            .placed
            .push(Placed { x, y, size, bold, text });
    }

    /// The lowest a body line may go: above the page number and the notes
    /// called in this column (drawn at its foot, as two-column typesetting
    /// does).
    fn floor(&self, more_notes: &[u32]) -> f64 {
        let notes = self.notes_in_column.iter().chain(more_notes);
        let mut floor = MARGIN + if self.report.page_numbers { 2.0 * LEADING } else { 0.0 };
        for n in notes {
            let text = self.note_text(*n);
            floor += wrap(&text, NOTE, false, self.column_width, false).len() as f64 * NOTE * 1.25;
        }
        if self.notes_in_column.len() + more_notes.len() > 0 {
            floor += LEADING;
        }
        floor
    }

    fn note_text(&self, n: u32) -> String {
        let text = self
            .report
            .notes
            .iter()
            .find(|(m, _)| *m == n)
            .map_or("", |(_, t)| t.as_str());
        format!("{n} {text}")
    }

    /// Moves on to the next column or page when `height` does not fit.
    fn need(&mut self, height: f64) {
        if self.y - height < self.floor(&[]) {
            self.next_column();
        }
    }

    fn next_column(&mut self) {
        self.finish_column();
        if self.column + 1 < self.columns {
            self.column += 1;
            self.y = self.top;
        } else {
            self.finish_page();
            self.pages.push(Page::default());
            self.column = 0;
            self.top = PAGE_HEIGHT
                - MARGIN
                - if self.report.running_header.is_some() {
                    2.0 * LEADING
                } else {
                    0.0
                };
            self.y = self.top;
        }
    }

    fn paragraph(&mut self, text: &str) {
        let indent = if self.report.indent { 18.0 } else { 0.0 };
        if !self.report.indent {
            self.y -= LEADING * 0.6;
        }
        let lines = wrap_indented(text, self.column_width, indent, self.report.hyphenate);
        for (i, line) in lines.into_iter().enumerate() {
            let calls = note_calls(&line);
            if self.y - LEADING < self.floor(&calls) {
                self.next_column();
            }
            self.notes_in_column.extend(calls);
            self.y -= LEADING;
            let x = self.x() + if i == 0 { indent } else { 0.0 };
            self.place_line(x, &line);
        }
    }

    /// A body line; a note's call is drawn small and raised.
    fn place_line(&mut self, x: f64, line: &str) {
        let mut x = x;
        let mut rest = line;
        while let Some(start) = rest.find("[^") {
            let (before, after) = rest.split_at(start);
            let end = after.find(']').expect("a closed note call");
            let number = &after[2..end];
            self.place(x, BODY, false, before.to_string());
            x += width(before, BODY, false);
            self.y += 3.5;
            self.place(x, 6.0, false, number.to_string());
            self.y -= 3.5;
            x += width(number, 6.0, false);
            rest = &after[end + 1..];
        }
        if !rest.is_empty() {
            self.place(x, BODY, false, rest.to_string());
        }
    }

    fn finish_page(&mut self) {
        let number = self.pages.len();
        let page = self.pages.last_mut().expect("a page");
        if number > 1
            && let Some(header) = &self.report.running_header
        {
            page.placed.push(Placed {
                x: MARGIN,
                y: PAGE_HEIGHT - MARGIN + 6.0,
                size: 8.0,
                bold: false,
                text: header.clone(),
            });
        }
        if self.report.page_numbers {
            let text = number.to_string();
            let x = (PAGE_WIDTH - width(&text, 9.0, false)) / 2.0;
            page.placed.push(Placed {
                x,
                y: MARGIN,
                size: 9.0,
                bold: false,
                text,
            });
        }
    }

    /// The notes called in this column, at its foot.
    fn finish_column(&mut self) {
        let mut y = self.floor(&[]) - LEADING;
        let x = self.x();
        for n in std::mem::take(&mut self.notes_in_column) {
            let text = self.note_text(n);
            for line in wrap(&text, NOTE, false, self.column_width, false) {
                self.pages.last_mut().expect("a page").placed.push(Placed {
                    x,
                    y,
                    size: NOTE,
                    bold: false,
                    text: line,
                });
                y -= NOTE * 1.25;
            }
        }
    }
}

/// The note numbers a line calls.
fn note_calls(line: &str) -> Vec<u32> {
    line.split("[^")
        .skip(1)
        .filter_map(|s| s.split(']').next()?.parse().ok())
        .collect()
}

fn wrap(text: &str, size: f64, bold: bool, room: f64, hyphenate: bool) -> Vec<String> {
    wrap_at(text, room, 0.0, hyphenate, |t| width(t, size, bold))
}

fn wrap_indented(text: &str, room: f64, indent: f64, hyphenate: bool) -> Vec<String> {
    wrap_at(text, room, indent, hyphenate, |t| {
        width(&t.replace("[^", "").replace(']', ""), BODY, false)
    })
}

/// Greedy wrapping; with `hyphenate`, a word of eight letters or more that
/// does not fit is broken after its fourth letter or later.
fn wrap_at(text: &str, room: f64, indent: f64, hyphenate: bool, measure: impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut words: std::collections::VecDeque<String> = text.split_whitespace().map(String::from).collect();
    while let Some(word) = words.pop_front() {
        let room = if lines.is_empty() { room - indent } else { room };
        let candidate = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate) <= room {
            line = candidate;
            continue;
        }
        let letters: Vec<char> = word.chars().collect();
        if hyphenate && letters.len() >= 8 && letters.iter().all(|c| c.is_ascii_lowercase()) {
            let fits = (4..letters.len() - 3).rev().find(|&cut| {
                let head: String = letters[..cut].iter().collect();
                let with = if line.is_empty() {
                    format!("{head}-")
                } else {
                    format!("{line} {head}-")
                };
                measure(&with) <= room
            });
            if let Some(cut) = fits {
                let head: String = letters[..cut].iter().collect();
                let tail: String = letters[cut..].iter().collect();
                lines.push(if line.is_empty() {
                    format!("{head}-")
                } else {
                    format!("{line} {head}-")
                });
                line = String::new();
                words.push_front(tail);
                continue;
            }
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = word;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A scanned page: a picture of text, drawn here as a grey box, and no
/// text at all.
pub fn scan() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = b"0.5 g 72 72 468 648 re f".to_vec();
    let stream = doc.add_object(Stream::new(Dictionary::new(), content));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => stream,
        "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("a PDF written to memory");
    bytes
}

/// Text as WinAnsi bytes, the encoding the fonts are given.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            c if (c as u32) < 0x100 => c as u8,
            _ => b'?',
        })
        .collect()
}

fn write(pages: &[Page], report: &Report) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = |name: &str| {
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => Object::Name(name.as_bytes().to_vec()),
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let regular = doc.add_object(font("Helvetica"));
    let bold = doc.add_object(font("Helvetica-Bold"));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });
    let mut kids = Vec::new();
    for page in pages {
        let mut operations = vec![Operation::new("BT", vec![])];
        for placed in &page.placed {
            let font = if placed.bold { "F2" } else { "F1" };
            operations.push(Operation::new("Tf", vec![font.into(), placed.size.into()]));
            if report.words_placed {
                let mut x = placed.x;
                for word in placed.text.split(' ') {
                    operations.push(Operation::new(
                        "Tm",
                        vec![1.into(), 0.into(), 0.into(), 1.into(), x.into(), placed.y.into()],
                    ));
                    operations.push(Operation::new("Tj", vec![Object::string_literal(win_ansi(word))]));
                    x += width(word, placed.size, placed.bold) + width(" ", placed.size, placed.bold) * 1.1;
                }
            } else {
                operations.push(Operation::new(
                    "Tm",
                    vec![1.into(), 0.into(), 0.into(), 1.into(), placed.x.into(), placed.y.into()],
                ));
                operations.push(Operation::new(
                    "Tj",
                    vec![Object::string_literal(win_ansi(&placed.text))],
                ));
            }
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations };
        let stream = doc.add_object(Stream::new(Dictionary::new(), content.encode().expect("content")));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => stream,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if let Some(xmp) = &report.xmp {
        let metadata = doc.add_object(Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            xmp.as_bytes().to_vec(),
        ));
        catalog.set("Metadata", metadata);
    }
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    if !report.info.is_empty() {
        let mut info = Dictionary::new();
        for (key, value) in &report.info {
            info.set(*key, Object::string_literal(value.as_bytes().to_vec()));
        }
        let info = doc.add_object(info);
        doc.trailer.set("Info", info);
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("a PDF written to memory");
    bytes
}

/// The PDF `bytes` locked with RC4 encryption: opened with `user_password`
/// (none when empty, as PDFs that only forbid editing are).
pub fn locked(bytes: &[u8], user_password: &str) -> Vec<u8> {
    let mut doc = Document::load_mem(bytes).expect("a PDF made here");
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ],
    );
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::PRINTABLE,
    };
    let state = lopdf::EncryptionState::try_from(version).expect("an encryption state");
    doc.encrypt(&state).expect("encrypted");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("a PDF written to memory");
    out
}
