//! `parallax import` of a page at an address, against an HTTP server the
//! test starts (a page, a redirect, a 404, a page too slow, one too large,
//! an image, a PDF), and of a folder of files, each outcome counted.

#[path = "support/import_run.rs"]
mod import_run;
use import_run::{folder, parallax, said};

// Only a one-column report is served here.
#[allow(dead_code)]
#[path = "support/pdf.rs"]
mod pdf;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PAGE: &str = include_str!("fixtures/import/plain.html");

/// A one-page report as a PDF.
fn report() -> Vec<u8> {
    pdf::make(&pdf::Report {
        title: Some("Ledgers of the Lower Valley".into()),
        byline: Some("By Lee Park".into()),
        blocks: vec![
            pdf::Block::Paragraph("The ledgers of the lower valley were kept in two hands for a century.".into()),
            pdf::Block::Paragraph("Reconciling them took the archivists a decade of patient work.".into()),
        ],
        columns: 1,
        ..pdf::Report::default()
    })
}

/// A server on a free local port; returns its address and the User-Agents it saw.
fn serve() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let agents = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&agents);
    let report = Arc::new(report());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let seen = Arc::clone(&seen);
            let report = Arc::clone(&report);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                reader.read_line(&mut request).unwrap();
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                        break;
                    }
                    if let Some(agent) = header
                        .strip_prefix("user-agent: ")
                        .or(header.strip_prefix("User-Agent: "))
                    {
                        seen.lock().unwrap().push(agent.trim().to_string());
                    }
                }
                let respond = |stream: &mut std::net::TcpStream, status: &str, kind: &str, extra: &str, body: &[u8]| {
                    let head = format!(
                        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(body);
                };
                match path.as_str() {
                    "/article" => respond(&mut stream, "200 OK", "text/html; charset=utf-8", "", PAGE.as_bytes()),
                    "/moved" => respond(&mut stream, "302 Found", "text/html", "Location: /article\r\n", b""),
                    "/slow" => {
                        std::thread::sleep(Duration::from_secs(4));
                        respond(&mut stream, "200 OK", "text/html", "", PAGE.as_bytes());
                    }
                    "/huge" => {
                        let body = format!(
                            "<html><body>{}</body></html>",
                            "<p>words words words</p>".repeat(100_000)
                        );
                        respond(&mut stream, "200 OK", "text/html", "", body.as_bytes());
                    }
                    "/image" => respond(&mut stream, "200 OK", "image/png", "", b"\x89PNG\r\n"),
                    "/ledgers" => respond(&mut stream, "200 OK", "application/pdf", "", &report),
                    _ => respond(&mut stream, "404 Not Found", "text/html", "", b"<p>gone</p>"),
                }
            });
        }
    });
    (address, agents)
}

#[test]
fn a_page_at_an_address_is_fetched_and_imported_with_its_address() {
    let (server, agents) = serve();
    let dir = folder("url");
    let into = dir.join("articles");
    let import = |path: &str| {
        parallax(
            &[
                "import",
                &format!("{server}{path}"),
                "--into",
                into.to_str().unwrap(),
                "--timeout",
                "1",
                "--max-file-mb",
                "1",
            ],
            &dir,
        )
    };
    let out = import("/moved");
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("imported okafor"), "{}", said(&out));
    let written = std::fs::read_dir(&into).unwrap().next().unwrap().unwrap().path();
    let text = std::fs::read_to_string(&written).unwrap();
    // The redirect followed: the address the page came from is the article's.
    assert!(text.contains(&format!("url = \"{server}/article\"")), "{text}");
    assert!(
        text.contains(&format!("Imported by parallax from {server}/article")),
        "{text}"
    );
    assert!(text.contains("Nothing dramatic happened at the summit"), "{text}");
    assert!(agents.lock().unwrap().iter().all(|a| a.starts_with("parallax/")));
    // The same page again is already there.
    let again = import("/article");
    assert!(
        again.status.success() && said(&again).contains("already there, as okafor"),
        "{}",
        said(&again)
    );

    for (path, why) in [
        ("/missing", "the server answered 404"),
        ("/slow", "no answer within 1 second"),
        ("/huge", "it is larger than 1 MB"),
        ("/image", "it is image/png, not a web page"),
    ] {
        let out = import(path);
        assert_eq!(out.status.code(), Some(1), "{path}: {}", said(&out));
        assert!(said(&out).contains(why), "{path}: {}", said(&out));
    }
    assert_eq!(
        std::fs::read_dir(&into).unwrap().count(),
        1,
        "nothing written for the refused"
    );
    // A PDF at an address is a report, its address the article's.
    let out = import("/ledgers");
    assert!(said(&out).contains("imported park"), "{}", said(&out));
    let text = std::fs::read_to_string(into.join("park.md")).unwrap();
    assert!(text.contains(&format!("url = \"{server}/ledgers\"")), "{text}");
    assert!(text.contains("title = \"Ledgers of the Lower Valley\""), "{text}");
    assert!(
        text.contains("The ledgers of the lower valley were kept in two hands for a century.\n\nReconciling"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_is_imported_whole_one_bad_file_stopping_nothing() {
    let dir = folder("dir");
    let from = dir.join("downloads");
    std::fs::create_dir_all(from.join("sub/.hidden")).unwrap();
    std::fs::write(from.join("summit.html"), PAGE).unwrap();
    std::fs::write(
        from.join("sub/notes.txt"),
        "A Note on Trade\n\nBy Lee Park\n\nTrade grew again this year, and the payment systems were the story.\n\nThe second paragraph says more about it.\n",
    )
    .unwrap();
    std::fs::write(from.join("sub/empty.txt"), "  \n").unwrap();
    std::fs::write(from.join("sub/report.pdf"), report()).unwrap();
    std::fs::write(from.join("sub/.hidden/secret.txt"), "Not to be read.\n").unwrap();
    let into = dir.join("articles");
    let args = ["import", from.to_str().unwrap(), "--into", into.to_str().unwrap()];
    let out = parallax(&args, &dir);
    assert_eq!(out.status.code(), Some(1), "one refused: {}", said(&out));
    let text = said(&out);
    assert!(text.contains("empty.txt: the file is empty"), "{text}");
    assert!(text.ends_with("3 imported, 0 already there, 1 refused\n"), "{text}");
    assert!(text.contains("imported park"), "{text}");
    assert!(!text.contains("secret"), "{text}");
    let again = parallax(&args, &dir);
    assert!(
        said(&again).ends_with("0 imported, 3 already there, 1 refused\n"),
        "{}",
        said(&again)
    );
    assert_eq!(std::fs::read_dir(&into).unwrap().count(), 3);
    // Two articles of one import that would take the same id each get one
    // of their own, though neither is in place until the end.
    let twins = dir.join("twins");
    std::fs::create_dir_all(&twins).unwrap();
    std::fs::write(twins.join("one.html"), PAGE).unwrap();
    std::fs::write(twins.join("two.html"), PAGE).unwrap();
    let into = dir.join("twin-articles");
    let out = parallax(
        &["import", twins.to_str().unwrap(), "--into", into.to_str().unwrap()],
        &dir,
    );
    assert!(
        said(&out).ends_with("2 imported, 0 already there, 0 refused\n"),
        "{}",
        said(&out)
    );
    let mut names: Vec<String> = std::fs::read_dir(&into)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["okafor-2.md", "okafor.md"]);
    let _ = std::fs::remove_dir_all(&dir);
}
