//! PDF: a report's pages read glyph by glyph (pdf-extract decodes the
//! fonts; where each glyph stands is ours to read) and rebuilt as an
//! article: paragraphs in reading order, headings where sizes mark them,
//! footnotes as notes, running headers, footers and page numbers dropped.
//! What the document says of itself (its information dictionary and XMP)
//! names the title, authors and date; else the first page's title and
//! byline; nothing is invented.

mod layout;
mod lines;
mod metadata;
mod notes;

use std::cell::Cell;
use std::panic::AssertUnwindSafe;

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

use super::{Extracted, Refusal};
use lines::{Glyph, Page};

/// Fewer characters than this on every page together is a scan.
const SCANNED_BELOW: usize = 20;

/// The article in a PDF's bytes.
pub fn from_pdf(bytes: &[u8]) -> Result<Extracted, Refusal> {
    let mut doc = Document::load_mem(bytes).map_err(|e| {
        Refusal::new(
            format!("it is not a PDF that can be read ({e})"),
            "open it in a PDF viewer and save or print it to a new PDF, then import that",
        )
    })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Refusal::new(
            "it is protected by a password",
            "open it with its password and save an unprotected copy, then import that",
        ));
    }
    let pages = quietly(|| {
        let mut collector = Collector::default();
        pdf_extract::output_doc(&doc, &mut collector).map(|()| collector.pages)
    })
    .ok_or_else(|| {
        Refusal::new(
            "its pages could not be read (the PDF is damaged or uses a feature that is not supported)",
            "open it in a PDF viewer and save or print it to a new PDF, then import that",
        )
    })?
    .map_err(|e| {
        Refusal::new(
            format!("its pages could not be read ({e})"),
            "open it in a PDF viewer and save or print it to a new PDF, then import that",
        )
    })?;
    let characters: usize = pages
        .iter()
        .map(|p| p.glyphs.iter().filter(|g| !g.text.trim().is_empty()).count())
        .sum();
    if characters < SCANNED_BELOW {
        return Err(Refusal::new(
            format!(
                "it has no text to read ({} page{} of images: a scan)",
                pages.len(),
                if pages.len() == 1 { "" } else { "s" }
            ),
            "run OCR on it first (for example `ocrmypdf scan.pdf text.pdf`) and import the PDF with text",
        ));
    }
    let described = metadata::read(&doc);
    let extracted = layout::rebuild(&pages, described);
    // A title and a byline alone make no article.
    if extracted.body.trim().is_empty() {
        return Err(Refusal::new(
            "no article text was found in it, only a title or a byline",
            "import the PDF that holds the article's text",
        ));
    }
    Ok(extracted)
}

/// Runs `read` with a panic in it caught and its message kept off the
/// terminal: a damaged file is refused, not reported as a crash.
fn quietly<T>(read: impl FnOnce() -> T) -> Option<T> {
    thread_local! {
        static QUIET: Cell<bool> = const { Cell::new(false) };
    }
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(read));
    QUIET.with(|q| q.set(false));
    result.ok()
}

/// Every glyph drawn, page by page, with where it stands measured from the
/// page's top left corner.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    left: f64,
    top: f64,
}

impl OutputDev for Collector {
    fn begin_page(&mut self, _: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.left = media_box.llx;
        self.top = media_box.ury;
        self.pages.push(Page {
            width: (media_box.urx - media_box.llx).abs(),
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // Text turned on its side (a watermark, a margin stamp) is not the
        // article's.
        if trm.m12.abs() > 0.1 * trm.m11.abs() || trm.m21.abs() > 0.1 * trm.m22.abs() || trm.m11 <= 0.0 {
            return Ok(());
        }
        let size = (font_size * trm.m11 * font_size * trm.m22).abs().sqrt();
        let (x, y) = (trm.m31 - self.left, self.top - trm.m32);
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        if !(size.is_finite() && x.is_finite() && y.is_finite()) || size <= 0.0 {
            return Ok(());
        }
        // Outside the page is not shown.
        if x < -1.0 || y < -1.0 || x > page.width + 1.0 || y > page.height + 1.0 {
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x,
            y,
            size,
            advance: (width * size).max(0.0),
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
