//! The HTTP side of `serve`: answering tiny_http requests, with ETags and
//! byte ranges, from the output file [`super::routes`] names. Copied files (static files, evidence) are sent from
//! disk in chunks with a Content-Length, never read whole; `serve` writes
//! nothing to disk.

use super::live;
use super::routes::{Route, content_type, query_param, resolve};
use super::{Served, Snapshot};
use crate::output::Content;
use std::borrow::Cow;
use std::hash::Hasher;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response};

/// A strong ETag from the exact bytes sent (after injection, so a page's
/// tag changes with its overlay and with each build generation).
pub fn etag(body: &[u8]) -> String {
    // DefaultHasher::new() has fixed keys: stable for the life of the process,
    // which is all a preview server's tags need.
    let mut h = std::hash::DefaultHasher::new();
    h.write(body);
    format!("\"{:x}-{:016x}\"", body.len(), h.finish())
}

/// Whether an `If-None-Match` header value matches `tag` (weak comparison,
/// as RFC 9110 asks for If-None-Match).
pub fn none_match(header: &str, tag: &str) -> bool {
    let tag = tag.trim_start_matches("W/");
    header
        .split(',')
        .map(str::trim)
        .any(|t| t == "*" || t.trim_start_matches("W/") == tag)
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn request_header<'a>(rq: &'a Request, name: &'static str) -> Option<&'a str> {
    rq.headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

fn reply(rq: Request, status: u16, headers: &[(&str, &str)], body: Vec<u8>) {
    let mut resp = Response::from_data(body).with_status_code(status);
    for (name, value) in headers {
        if let Some(h) = header(name, value) {
            resp.add_header(h);
        }
    }
    // The client may be gone (a closed tab); nothing to do about it.
    let _ = rq.respond(resp);
}

fn text(rq: Request, status: u16, msg: &str) {
    let body = format!("{status} {msg}\n").into_bytes();
    reply(
        rq,
        status,
        &[("Content-Type", "text/plain; charset=utf-8")],
        body,
    );
}

/// The longest request target answered: no page of a site has a path
/// anywhere near it; a longer one gets 414.
pub const MAX_TARGET_BYTES: usize = 8 * 1024;
/// The most header bytes (names and values) in one request; beyond, 431.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// The most header fields in one request; beyond, 431.
pub const MAX_HEADERS: usize = 100;

/// Answers one request. Runs on its own thread, so a long-polled event
/// request never holds up a page.
pub(crate) fn handle(rq: Request, served: &Served) {
    if rq.url().len() > MAX_TARGET_BYTES {
        return text(
            rq,
            414,
            &format!("URI too long: at most {MAX_TARGET_BYTES} bytes"),
        );
    }
    let header_bytes: usize = rq
        .headers()
        .iter()
        .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len())
        .sum();
    if header_bytes > MAX_HEADER_BYTES || rq.headers().len() > MAX_HEADERS {
        return text(
            rq,
            431,
            &format!(
                "request header fields too large: at most {MAX_HEADERS} fields and {MAX_HEADER_BYTES} bytes"
            ),
        );
    }
    if !matches!(rq.method(), Method::Get | Method::Head) {
        let mut resp = Response::from_string("405 method not allowed\n").with_status_code(405);
        if let Some(h) = header("Allow", "GET, HEAD") {
            resp.add_header(h);
        }
        let _ = rq.respond(resp);
        return;
    }
    let target = rq.url().to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    if path == live::EVENTS_PATH {
        return events(rq, query, served);
    }
    if path == live::STATUS_PATH {
        let snap = served.current();
        let body = serde_json::json!({
            "generation": snap.generation,
            "ok": !snap.failed(),
            "errors": snap.diagnostics.iter().filter(|d| d.is_error()).count(),
            "warnings": snap.diagnostics.iter().filter(|d| !d.is_error()).count(),
        });
        return reply(
            rq,
            200,
            &[
                ("Content-Type", "application/json"),
                ("Cache-Control", "no-store"),
            ],
            body.to_string().into_bytes(),
        );
    }
    let snap = served.current();
    match resolve(&target, &snap.base_path, |k| {
        snap.output.files.contains_key(k)
    }) {
        Route::File(key) => file(rq, &snap, &key),
        Route::Redirect(location) => reply(
            rq,
            302,
            &[("Location", &location), ("Cache-Control", "no-store")],
            Vec::new(),
        ),
        Route::NotFound => not_found(rq, &snap),
        Route::BadRequest(why) => text(rq, 400, &format!("bad request: {why}")),
    }
}

/// The body as served: HTML gets the reload script (and the overlay).
fn served_body<'a>(snap: &Snapshot, key: &str, bytes: Cow<'a, [u8]>) -> Cow<'a, [u8]> {
    if content_type(key).starts_with("text/html") {
        Cow::Owned(live::inject(&bytes, &snap.snippet))
    } else {
        bytes
    }
}

/// A body to send: bytes in memory (pages, with the reload script), or a
/// file read from disk as it is sent (static files and evidence, which may
/// be scanned PDFs of hundreds of megabytes).
enum Body<'a> {
    Bytes(Cow<'a, [u8]>),
    File(std::fs::File, u64),
}

impl Body<'_> {
    fn len(&self) -> u64 {
        match self {
            Body::Bytes(b) => b.len() as u64,
            Body::File(_, len) => *len,
        }
    }
}

/// A file's ETag from its size and modification time, so that a large file
/// is not read to tag it; it changes whenever the file is rewritten.
fn file_etag(meta: &std::fs::Metadata) -> String {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("\"{:x}-{mtime:x}\"", meta.len())
}

/// What a `Range` header asks of a body of `len` bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum ByteRange {
    /// No range, or one this server answers with the whole body (several
    /// ranges, another unit, a malformed header: RFC 9110 lets a server
    /// ignore them).
    Whole,
    /// Bytes `start..=end`.
    Part(u64, u64),
    /// A range that lies past the end: 416.
    Unsatisfiable,
}

/// Reads one byte range: `bytes=a-b`, `bytes=a-`, `bytes=-n` (the last n).
pub fn byte_range(header: Option<&str>, len: u64) -> ByteRange {
    let Some(h) = header else {
        return ByteRange::Whole;
    };
    let h = h.trim();
    let Some(spec) = h
        .get(..6)
        .filter(|unit| unit.eq_ignore_ascii_case("bytes="))
        .map(|_| h[6..].trim())
    else {
        return ByteRange::Whole;
    };
    if spec.contains(',') {
        return ByteRange::Whole;
    }
    let Some((a, b)) = spec.split_once('-') else {
        return ByteRange::Whole;
    };
    let num = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    match (a.trim().is_empty(), num(a), num(b)) {
        // bytes=-n: the last n bytes.
        (true, _, Some(n)) => {
            if n == 0 || len == 0 {
                ByteRange::Unsatisfiable
            } else {
                ByteRange::Part(len.saturating_sub(n), len - 1)
            }
        }
        (false, Some(start), end) if b.trim().is_empty() || end.is_some() => {
            if end.is_some_and(|e| e < start) {
                return ByteRange::Whole;
            }
            if start >= len {
                return ByteRange::Unsatisfiable;
            }
            ByteRange::Part(start, end.map_or(len - 1, |e| e.min(len - 1)))
        }
        _ => ByteRange::Whole,
    }
}

fn file(rq: Request, snap: &Snapshot, key: &str) {
    let Some(content) = snap.output.files.get(key) else {
        return not_found(rq, snap);
    };
    let ctype = content_type(key);
    let opened = match content {
        // HTML gets the reload script, so it is read whole (pages are small).
        Content::File(path) if !ctype.starts_with("text/html") => {
            Some(std::fs::File::open(path).and_then(|f| {
                let meta = f.metadata()?;
                Ok((f, meta))
            }))
        }
        _ => None,
    };
    let (body, tag) = match opened {
        Some(Ok((f, meta))) => {
            let tag = file_etag(&meta);
            (Body::File(f, meta.len()), tag)
        }
        Some(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => return not_found(rq, snap),
        Some(Err(e)) => return text(rq, 500, &format!("cannot read {key}: {e}")),
        None => {
            let bytes = match content.bytes() {
                Ok(b) => b,
                // A static file or evidence removed since the last good build.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return not_found(rq, snap);
                }
                Err(e) => return text(rq, 500, &format!("cannot read {key}: {e}")),
            };
            let body = served_body(snap, key, bytes);
            let tag = etag(&body);
            (Body::Bytes(body), tag)
        }
    };
    let common = [("ETag", tag.as_str()), ("Cache-Control", "no-cache")];
    if request_header(&rq, "If-None-Match").is_some_and(|h| none_match(h, &tag)) {
        let mut resp = Response::empty(304);
        for (name, value) in common {
            if let Some(h) = header(name, value) {
                resp.add_header(h);
            }
        }
        let _ = rq.respond(resp);
        return;
    }
    let len = body.len();
    // A range of another version of the body would be a mix of two.
    let same = request_header(&rq, "If-Range").is_none_or(|v| v.trim() == tag);
    let range = if same {
        byte_range(request_header(&rq, "Range"), len)
    } else {
        ByteRange::Whole
    };
    let mut headers = vec![
        common[0],
        common[1],
        ("Content-Type", ctype),
        ("X-Content-Type-Options", "nosniff"),
        ("Accept-Ranges", "bytes"),
    ];
    let content_range;
    let (status, start, count) = match range {
        ByteRange::Whole => (200, 0, len),
        ByteRange::Part(a, b) => {
            content_range = format!("bytes {a}-{b}/{len}");
            headers.push(("Content-Range", &content_range));
            (206, a, b - a + 1)
        }
        ByteRange::Unsatisfiable => {
            content_range = format!("bytes */{len}");
            headers.push(("Content-Range", &content_range));
            headers.retain(|(name, _)| *name != "Content-Type");
            headers.push(("Content-Type", "text/plain; charset=utf-8"));
            (416, 0, 0)
        }
    };
    send(rq, status, &headers, body, start, count);
}

/// Sends `count` bytes of `body` from `start`, with a Content-Length; a
/// file is read and sent in chunks, never held whole.
fn send(rq: Request, status: u16, headers: &[(&str, &str)], body: Body, start: u64, count: u64) {
    use std::io::{Read, Seek, SeekFrom};
    let headers: Vec<Header> = headers.iter().filter_map(|(n, v)| header(n, v)).collect();
    let Ok(n) = usize::try_from(count) else {
        return text(rq, 500, "too large for this system");
    };
    let reader: Box<dyn Read + Send> = match body {
        Body::Bytes(b) => {
            let from = usize::try_from(start).unwrap_or(usize::MAX).min(b.len());
            let to = from.saturating_add(n).min(b.len());
            Box::new(std::io::Cursor::new(b[from..to].to_vec()))
        }
        Body::File(mut f, _) => {
            if let Err(e) = f.seek(SeekFrom::Start(start)) {
                return text(rq, 500, &format!("cannot read the file: {e}"));
            }
            Box::new(f.take(count))
        }
    };
    // Identity with a Content-Length, never chunked: a download shows its
    // size and progress, and a PDF viewer knows how far it may ask.
    let resp = Response::new(status.into(), headers, reader, Some(n), None)
        .with_chunked_threshold(usize::MAX);
    // The client may be gone (a closed tab); nothing to do about it.
    let _ = rq.respond(resp);
}

/// 404 with the site's own 404.html, or a bare page when the site has none
/// (or no good build exists yet), injected like every page so the overlay
/// and live reload work there too.
fn not_found(rq: Request, snap: &Snapshot) {
    const BARE: &str = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
        <title>404</title></head><body><h1>404</h1><p>Không tìm thấy trang.</p></body></html>\n";
    let page = snap
        .output
        .files
        .get("404.html")
        .and_then(|c| c.bytes().ok());
    let html = page.unwrap_or(Cow::Borrowed(BARE.as_bytes()));
    let body = live::inject(&html, &snap.snippet);
    reply(
        rq,
        404,
        &[
            ("Content-Type", "text/html; charset=utf-8"),
            ("Cache-Control", "no-store"),
        ],
        body,
    );
}

/// How long an event request is held when nothing happens; then it is
/// answered with a comment only and the browser asks again.
const HOLD: Duration = Duration::from_secs(25);

/// `GET /__kiemchung/events?since=G[&timeout=ms]` with an optional
/// `Last-Event-ID`: answers as soon as the generation is newer than both,
/// or older (the server was restarted: the page is stale too).
fn events(rq: Request, query: &str, served: &Served) {
    let since = [
        query_param(query, "since"),
        request_header(&rq, "Last-Event-ID"),
    ]
    .into_iter()
    .flatten()
    .filter_map(|v| v.trim().parse::<u64>().ok())
    .max()
    .unwrap_or(0);
    let hold = query_param(query, "timeout")
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(HOLD, |ms| Duration::from_millis(ms).min(HOLD));
    let snap = served.wait_for_change(since, hold);
    let body = if snap.generation != since {
        let data = serde_json::json!({"generation": snap.generation, "ok": !snap.failed()});
        format!(
            "retry: {}\nid: {}\ndata: {data}\n\n",
            live::RETRY_MS,
            snap.generation
        )
    } else {
        format!("retry: {}\n: no rebuild\n\n", live::RETRY_MS)
    };
    reply(
        rq,
        200,
        &[
            ("Content-Type", "text/event-stream; charset=utf-8"),
            ("Cache-Control", "no-store"),
        ],
        body.into_bytes(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_and_if_none_match() {
        let a = etag(b"one");
        assert_eq!(a, etag(b"one"));
        assert_ne!(a, etag(b"two"));
        assert!(a.starts_with('"') && a.ends_with('"'));
        assert!(none_match(&a, &a));
        assert!(none_match(&format!("W/{a}"), &a));
        assert!(none_match(&format!("\"x\", {a}"), &a));
        assert!(none_match("*", &a));
        assert!(!none_match("\"x\"", &a));
        assert!(!none_match("", &a));
    }

    #[test]
    fn byte_ranges() {
        use ByteRange::*;
        let cases = [
            (None, 100, Whole),
            (Some("bytes=0-9"), 100, Part(0, 9)),
            (Some("bytes=90-"), 100, Part(90, 99)),
            (Some("bytes=90-200"), 100, Part(90, 99)),
            (Some("bytes=-10"), 100, Part(90, 99)),
            (Some("bytes=-200"), 100, Part(0, 99)),
            (Some("Bytes= 5-5"), 100, Part(5, 5)),
            (Some("bytes=100-"), 100, Unsatisfiable),
            (Some("bytes=100-200"), 100, Unsatisfiable),
            (Some("bytes=-0"), 100, Unsatisfiable),
            (Some("bytes=0-"), 0, Unsatisfiable),
            (Some("bytes=9-0"), 100, Whole),
            (Some("bytes=0-1,5-6"), 100, Whole),
            (Some("items=0-1"), 100, Whole),
            (Some("bytes=a-b"), 100, Whole),
            (Some("bytes=-"), 100, Whole),
            (Some("bytes=+1-2"), 100, Whole),
            (Some("bytes"), 100, Whole),
        ];
        for (h, len, want) in cases {
            assert_eq!(byte_range(h, len), want, "{h:?} of {len}");
        }
    }
}
