//! What a PDF says of itself: its XMP packet (Dublin Core and PRISM), else
//! its document information dictionary. Titles that only name the file it
//! was made from are passed over.

use pdf_extract::{Dictionary, Document, Object};
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::corpus::Published;

/// Title, authors, outlet and date as the document gives them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Described {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    /// When it was published, as the XMP says (PRISM or Dublin Core).
    pub published: Option<Published>,
    /// When the PDF was made: a stand-in for the publication date, at best.
    pub made: Option<Published>,
    /// What was passed over or guessed, to be checked.
    pub notes: Vec<String>,
}

pub fn read(doc: &Document) -> Described {
    let xmp = xmp_packet(doc).map(|packet| from_xmp(&packet)).unwrap_or_default();
    let info = info(doc).map(from_info).unwrap_or_default();
    let mut notes = Vec::new();
    let title = [xmp.title, info.title].into_iter().flatten().find(|title| {
        let named_a_file = names_a_file(title);
        if named_a_file {
            notes.push(format!(
                "the PDF's own title \"{title}\" names a file, not the article: passed over"
            ));
        }
        !named_a_file
    });
    let authors = if xmp.authors.is_empty() {
        info.authors
    } else {
        xmp.authors
    };
    Described {
        title,
        authors,
        outlet: xmp.outlet,
        published: xmp.published,
        made: xmp.made.or(info.made),
        notes,
    }
}

/// "Microsoft Word - report.docx", "untitled", "draft3.indd".
fn names_a_file(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    const EXTENSIONS: [&str; 8] = [".doc", ".docx", ".pdf", ".indd", ".qxd", ".tex", ".odt", ".rtf"];
    lower.is_empty()
        || lower == "untitled"
        || lower.starts_with("microsoft word - ")
        || EXTENSIONS.iter().any(|e| lower.ends_with(e))
}

fn info(doc: &Document) -> Option<&Dictionary> {
    match doc.trailer.get(b"Info").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(dict) => Some(dict),
        _ => None,
    }
}

fn from_info(info: &Dictionary) -> Described {
    let text = |key: &[u8]| -> Option<String> {
        match info.get(key).ok()? {
            Object::String(bytes, _) => Some(decode_text_string(bytes)).filter(|t| !t.trim().is_empty()),
            _ => None,
        }
    };
    Described {
        title: text(b"Title").map(|t| t.trim().to_string()),
        authors: text(b"Author").map(|a| split_authors(&a)).unwrap_or_default(),
        made: text(b"CreationDate").and_then(|d| pdf_date(&d)),
        ..Described::default()
    }
}

/// A text string: UTF-16 with its byte order mark, UTF-8 with its mark,
/// else PDFDocEncoding (Latin-1 for the letters that matter here).
fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// "D:20240517093000+02'00'" -> 2024-05-17.
fn pdf_date(text: &str) -> Option<Published> {
    let digits: String = text
        .trim()
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let iso = match digits.len() {
        n if n >= 8 => format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]),
        6 | 7 => format!("{}-{}", &digits[..4], &digits[4..6]),
        4 | 5 => digits[..4].to_string(),
        _ => return None,
    };
    Published::parse(&iso)
}

/// "Ann Writer; Bo Reader", "Ann Writer and Bo Reader", "Ann Writer, Bo Reader".
fn split_authors(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .flat_map(|part| super::super::text::byline(part).unwrap_or_else(|| vec![part.to_string()]))
        .collect()
}

fn xmp_packet(doc: &Document) -> Option<Vec<u8>> {
    let catalog = doc.catalog().ok()?;
    let Object::Reference(id) = catalog.get(b"Metadata").ok()? else {
        return None;
    };
    let stream = doc.get_object(*id).ok()?.as_stream().ok()?;
    stream
        .decompressed_content()
        .ok()
        .or_else(|| Some(stream.content.clone()))
}

/// Dublin Core title and creators, PRISM's outlet and date, and the date
/// the document was made.
fn from_xmp(packet: &[u8]) -> Described {
    let mut reader = Reader::from_reader(packet);
    let mut found = Described::default();
    let mut made = None;
    let mut dated = None;
    // The property being read, and whether an rdf:li of it is open.
    let mut property: Option<String> = None;
    let mut depth_in_property = 0usize;
    let mut text = String::new();
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(start) => {
                let name = start.name().as_ref().to_string();
                if property.is_some() {
                    depth_in_property += 1;
                } else if PROPERTIES.contains(&name.as_str()) {
                    property = Some(name);
                    depth_in_property = 0;
                }
                text.clear();
            }
            Event::Text(t) => {
                text.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else if let Some(entity) = quick_xml::escape::resolve_predefined_entity(&r) {
                    text.push_str(entity);
                }
            }
            Event::End(_) => {
                let value = text.trim().to_string();
                text.clear();
                let Some(name) = property.clone() else { continue };
                if depth_in_property == 0 {
                    property = None;
                } else {
                    depth_in_property -= 1;
                }
                if value.is_empty() {
                    continue;
                }
                match name.as_str() {
                    "dc:title" if found.title.is_none() => found.title = Some(value),
                    "dc:creator" => found.authors.push(value),
                    "prism:publicationName" if found.outlet.is_none() => found.outlet = Some(value),
                    "prism:publicationDate" | "prism:coverDate" | "dc:date" if dated.is_none() => {
                        dated = super::super::date_prefix(&value);
                    }
                    "xmp:CreateDate" if made.is_none() => made = super::super::date_prefix(&value),
                    _ => {}
                }
            }
            _ => {}
        }
        buf.clear();
    }
    found.published = dated;
    found.made = made;
    found
}

const PROPERTIES: [&str; 7] = [
    "dc:title",
    "dc:creator",
    "dc:date",
    "prism:publicationName",
    "prism:publicationDate",
    "prism:coverDate",
    "xmp:CreateDate",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_gives_title_creators_outlet_and_the_publication_date_before_the_making_date() {
        let packet = br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
<xmp:CreateDate>2024-06-01T10:00:00Z</xmp:CreateDate>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Wedges &amp; Partners</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Ann Writer</rdf:li><rdf:li>Bo Reader</rdf:li></rdf:Seq></dc:creator>
<prism:publicationName>Journal of Tests</prism:publicationName>
<prism:publicationDate>2024-05-17</prism:publicationDate>
</rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let found = from_xmp(packet);
        assert_eq!(found.title.as_deref(), Some("Wedges & Partners"));
        assert_eq!(found.authors, ["Ann Writer", "Bo Reader"]);
        assert_eq!(found.outlet.as_deref(), Some("Journal of Tests"));
        assert_eq!(found.published.map(|p| p.iso()).as_deref(), Some("2024-05-17"));
        assert_eq!(found.made.map(|p| p.iso()).as_deref(), Some("2024-06-01"));
    }

    #[test]
    fn info_strings_in_utf16_and_dates_in_pdf_form_are_read() {
        let mut bytes = vec![0xfe, 0xff];
        for unit in "Zoë Qiáng".encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        assert_eq!(decode_text_string(&bytes), "Zoë Qiáng");
        assert_eq!(
            pdf_date("D:20240517093000+02'00'").map(|p| p.iso()).as_deref(),
            Some("2024-05-17")
        );
        assert_eq!(pdf_date("D:2023").map(|p| p.iso()).as_deref(), Some("2023"));
        assert_eq!(pdf_date("yesterday"), None);
        assert_eq!(split_authors("Ann Writer; Bo Reader"), ["Ann Writer", "Bo Reader"]);
        assert_eq!(split_authors("Ann Writer and Bo Reader"), ["Ann Writer", "Bo Reader"]);
        assert!(names_a_file("Microsoft Word - wedge.docx"));
        assert!(!names_a_file("The Wedge That Was Not"));
    }
}
