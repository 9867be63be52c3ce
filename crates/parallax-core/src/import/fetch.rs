//! A page fetched to be imported: `parallax import https://...`. One GET
//! with a User-Agent, redirects followed (at most five), a time limit on the
//! whole exchange and a size limit on the body; no JavaScript is run, so
//! what comes is the page as the server sends it.

use std::time::Duration;

use ureq::ResponseExt;

/// A page as it came.
pub struct Page {
    pub bytes: Vec<u8>,
    /// Where it came from in the end, after redirects.
    pub url: String,
    /// The kind of file it is, as an import reads it: html, txt, md or pdf.
    pub kind: &'static str,
}

/// Why a page could not be fetched, and what to do.
#[derive(Debug)]
pub struct Unfetched {
    pub problem: String,
    pub help: &'static str,
}

const USER_AGENT: &str = concat!(
    "parallax/",
    env!("CARGO_PKG_VERSION"),
    " (imports an article to read it; no JavaScript)"
);

pub fn is_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

pub fn fetch(url: &str, max_bytes: u64, timeout: Duration) -> Result<Page, Unfetched> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(5)
        .user_agent(USER_AGENT)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::StatusCode(code) => Unfetched {
            problem: format!("the server answered {code}"),
            help: "check the address; a page behind a login or a paywall must be saved from the browser and imported as a file",
        },
        ureq::Error::Timeout(_) => Unfetched {
            problem: format!("no answer within {}", seconds(timeout)),
            help: "try again, give more time with --timeout SECS, or save the page from the browser and import the file",
        },
        ureq::Error::TooManyRedirects => Unfetched {
            problem: "more than five redirects".into(),
            help: "open the address in a browser and import the page's final address",
        },
        other => Unfetched {
            problem: format!("it could not be fetched ({other})"),
            help: "check the address and the network, or save the page from the browser and import the file",
        },
    })?;
    let kind = match response.body().mime_type().unwrap_or("text/html") {
        "text/html" | "application/xhtml+xml" => "html",
        "text/plain" => "txt",
        "text/markdown" | "text/x-markdown" => "md",
        "application/pdf" => "pdf",
        other => {
            return Err(Unfetched {
                problem: format!("it is {other}, not a web page"),
                help: "import web pages (text/html), PDFs, text or Markdown",
            });
        }
    };
    let final_url = response.get_uri().to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(max_bytes)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => Unfetched {
                problem: format!("it is larger than {} MB", max_bytes / (1024 * 1024)),
                help: "raise the limit with --max-file-mb N if you mean to import it",
            },
            ureq::Error::Timeout(_) => Unfetched {
                problem: format!("it did not arrive within {}", seconds(timeout)),
                help: "try again, give more time with --timeout SECS, or save the page from the browser and import the file",
            },
            other => Unfetched {
                problem: format!("it broke off ({other})"),
                help: "try again, or save the page from the browser and import the file",
            },
        })?;
    Ok(Page {
        bytes,
        url: final_url,
        kind,
    })
}

fn seconds(timeout: Duration) -> String {
    match timeout.as_secs() {
        1 => "1 second".into(),
        n => format!("{n} seconds"),
    }
}
