//! An article as clean wrapped plain text, for `parallax show`.

use std::fmt::Write as _;

use crate::corpus::{Article, BlockKind};
use crate::layout::{shown, wrap, wrap_shown};

/// The whole article as plain text wrapped to `width` columns: header,
/// body (headings, speaker turns, note markers), notes, then author bios.
pub fn plain_text(article: &Article, width: usize) -> String {
    let mut out = String::new();
    let meta = &article.meta;
    let title = match meta.title_source {
        crate::corpus::TitleSource::Source => meta.title.clone(),
        crate::corpus::TitleSource::Supplied => format!("{} [headline supplied]", meta.title),
    };
    push_wrapped(&mut out, &title, width);
    if let Some(subtitle) = &meta.subtitle {
        push_wrapped(&mut out, subtitle, width);
    }
    let byline = article.byline();
    push_wrapped(&mut out, &byline, width);
    out.push('\n');
    let mut in_notes = false;
    for block in &article.blocks {
        if let BlockKind::Note = block.kind
            && !in_notes
        {
            in_notes = true;
            out.push_str("Notes\n\n");
        }
        let shown = shown(block);
        for (indent, range) in wrap_shown(&shown, width) {
            let _ = writeln!(out, "{:indent$}{}", "", &shown.text[range]);
        }
        if let BlockKind::Heading { .. } = block.kind {
            let underline = "─".repeat(unicode_width::UnicodeWidthStr::width(block.text.as_str()).min(width));
            let _ = writeln!(out, "{underline}");
        }
        out.push('\n');
    }
    let bios: Vec<&str> = meta.authors.iter().filter_map(|a| a.bio.as_deref()).collect();
    if !bios.is_empty() {
        out.push_str("About the authors\n\n");
        for bio in bios {
            push_wrapped(&mut out, bio, width);
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn push_wrapped(out: &mut String, text: &str, width: usize) {
    for range in wrap(text, width) {
        out.push_str(&text[range]);
        out.push('\n');
    }
}
