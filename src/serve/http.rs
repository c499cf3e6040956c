//! The HTTP side of `serve`: which output file a request names (a pure
//! function over the in-memory map, so nothing outside the built site can
//! ever be reached), content types, ETags, byte ranges, and answering
//! tiny_http requests. Copied files (static files, evidence) are sent from
//! disk in chunks with a Content-Length, never read whole; `serve` writes
//! nothing to disk.

use super::live;
use super::{Shared, Snapshot};
use crate::output::Content;
use std::borrow::Cow;
use std::hash::Hasher;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response};

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// A key of the output map: `2022/1-2/index.html`.
    File(String),
    /// Redirect (302) to this absolute path: `/` → the base path, and a
    /// page without its trailing slash → with it.
    Redirect(String),
    NotFound,
    /// A path no site can have: `..`, encoded slashes, backslashes, NUL…
    BadRequest(&'static str),
}

/// Decodes `%XX` escapes. Fails on a malformed escape and on bytes that are
/// not UTF-8 once decoded.
pub fn percent_decode(raw: &str) -> Result<String, &'static str> {
    let b = raw.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            match (
                b.get(i + 1).and_then(|&c| hex(c)),
                b.get(i + 2).and_then(|&c| hex(c)),
            ) {
                (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
                _ => return Err("malformed percent-encoding"),
            }
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "the path is not UTF-8")
}

/// Maps a request target (`/cchc/2022/1-2/?x=1`) to what to answer, looking
/// only at `base_path` (`/cchc/`) and the output map (`has`).
///
/// Pretty URLs: `/cchc/2022/1-2/` is `2022/1-2/index.html`, and
/// `/cchc/2022/1-2` redirects to the trailing slash. `/` (and `/cchc`)
/// redirect to the base path. The decoded path is checked segment by
/// segment before any lookup; `..`, `.`, empty segments (`//etc/passwd`),
/// encoded `/` or `\`, backslashes and NUL bytes are refused outright.
pub fn resolve(target: &str, base_path: &str, has: impl Fn(&str) -> bool) -> Route {
    let (raw, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target, None),
    };
    let raw = raw.split('#').next().unwrap_or_default();
    if !raw.starts_with('/') {
        // `*`, or an absolute-form target (`http://host/…`) some proxies send.
        return Route::BadRequest("the path must start with /");
    }
    let lower = raw.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return Route::BadRequest("an encoded / or \\ in the path");
    }
    let path = match percent_decode(raw) {
        Ok(p) => p,
        Err(why) => return Route::BadRequest(why),
    };
    if path.contains('\0') {
        return Route::BadRequest("a NUL byte in the path");
    }
    if path.contains('\\') {
        return Route::BadRequest("a backslash in the path");
    }
    let segments: Vec<&str> = path[1..].split('/').collect();
    for (i, s) in segments.iter().enumerate() {
        if *s == "." || *s == ".." {
            return Route::BadRequest("a . or .. segment in the path");
        }
        if s.is_empty() && i + 1 != segments.len() {
            return Route::BadRequest("an empty segment in the path");
        }
    }
    let query = query.map(|q| format!("?{q}")).unwrap_or_default();
    if base_path != "/" && (path == "/" || format!("{path}/") == base_path) {
        return Route::Redirect(format!("{base_path}{query}"));
    }
    let Some(rel) = path.strip_prefix(base_path) else {
        return Route::NotFound;
    };
    if rel.is_empty() || rel.ends_with('/') {
        let key = format!("{rel}index.html");
        return if has(&key) {
            Route::File(key)
        } else {
            Route::NotFound
        };
    }
    if has(rel) {
        return Route::File(rel.to_string());
    }
    if has(&format!("{rel}/index.html")) {
        return Route::Redirect(format!("{raw}/{query}"));
    }
    Route::NotFound
}

/// The Content-Type for an output path, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .filter(|(_, e)| !e.contains('/'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "xls" => "application/vnd.ms-excel",
        "doc" => "application/msword",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "zip" => "application/zip",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

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
pub(crate) fn handle(rq: Request, shared: &Shared) {
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
        return events(rq, query, shared);
    }
    if path == live::STATUS_PATH {
        let snap = shared.current();
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
    let snap = shared.current();
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

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// How long an event request is held when nothing happens; then it is
/// answered with a comment only and the browser asks again.
const HOLD: Duration = Duration::from_secs(25);

/// `GET /__kiemchung/events?since=G[&timeout=ms]` with an optional
/// `Last-Event-ID`: answers as soon as the generation is newer than both,
/// or older (the server was restarted: the page is stale too).
fn events(rq: Request, query: &str, shared: &Shared) {
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
    let snap = shared.wait_for_change(since, hold);
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

    fn site(key: &str) -> bool {
        matches!(
            key,
            "index.html"
                | "404.html"
                | "style.css"
                | "2022/index.html"
                | "2022/1-2/index.html"
                | "tài liệu/báo cáo.pdf"
                | "data/2022.json"
        )
    }

    #[test]
    fn routes() {
        use Route::*;
        let file = |k: &str| File(k.to_string());
        let redirect = |k: &str| Redirect(k.to_string());
        let cases: Vec<(&str, Route)> = vec![
            ("/", redirect("/cchc/")),
            ("/?a=1", redirect("/cchc/?a=1")),
            ("/cchc", redirect("/cchc/")),
            ("/cchc/", file("index.html")),
            ("/cchc/?x=1", file("index.html")),
            ("/cchc/index.html", file("index.html")),
            ("/cchc/style.css", file("style.css")),
            ("/cchc/2022/1-2/", file("2022/1-2/index.html")),
            ("/cchc/2022/1-2", redirect("/cchc/2022/1-2/")),
            ("/cchc/2022/1-2?q", redirect("/cchc/2022/1-2/?q")),
            ("/cchc/2022/1-2/#x", file("2022/1-2/index.html")),
            ("/cchc/data/2022.json", file("data/2022.json")),
            (
                "/cchc/t%C3%A0i%20li%E1%BB%87u/b%C3%A1o%20c%C3%A1o.pdf",
                file("tài liệu/báo cáo.pdf"),
            ),
            ("/cchc/2022/9-9/", NotFound),
            ("/cchc/2022/1-2/index.html/", NotFound),
            ("/cchc/nothing", NotFound),
            ("/style.css", NotFound),
            ("/other/", NotFound),
            ("/cchcx/", NotFound),
        ];
        for (target, want) in cases {
            assert_eq!(resolve(target, "/cchc/", site), want, "{target}");
        }
    }

    #[test]
    fn routes_at_the_root_base_path() {
        assert_eq!(resolve("/", "/", site), Route::File("index.html".into()));
        assert_eq!(
            resolve("/2022", "/", site),
            Route::Redirect("/2022/".into())
        );
        assert_eq!(
            resolve("/style.css", "/", site),
            Route::File("style.css".into())
        );
    }

    #[test]
    fn refuses_every_way_out_of_the_site() {
        let bad = [
            "/cchc/../secret.txt",
            "/cchc/../../etc/passwd",
            "/../etc/passwd",
            "/cchc/2022/../../secret.txt",
            "/cchc/./index.html",
            "/cchc/%2e%2e/secret.txt",
            "/cchc/%2E%2E/%2E%2E/etc/passwd",
            "/cchc/.%2e/secret.txt",
            "/cchc/..%2fsecret.txt",
            "/cchc/..%2Fsecret.txt",
            "/cchc/%2fetc%2fpasswd",
            "/%2fetc/passwd",
            "/cchc/..\\secret.txt",
            "/cchc/..%5csecret.txt",
            "/cchc/\\etc\\passwd",
            "//etc/passwd",
            "/cchc//etc/passwd",
            "/cchc/index.html%00",
            "/cchc/%00",
            "/cchc/%zz",
            "/cchc/%c3",
            "/cchc/%",
            "http://127.0.0.1/etc/passwd",
            "etc/passwd",
            "*",
            "",
        ];
        for target in bad {
            let r = resolve(target, "/cchc/", |_| true);
            assert!(matches!(r, Route::BadRequest(_)), "{target:?} gave {r:?}");
        }
        // An absolute file-system path inside the URL is only a name to look
        // up in the map, never opened.
        assert_eq!(resolve("/cchc/etc/passwd", "/cchc/", site), Route::NotFound);
    }

    #[test]
    fn decodes_percent_escapes_safely() {
        assert_eq!(percent_decode("a%20b%C3%A0").unwrap(), "a bà");
        assert_eq!(percent_decode("100%25").unwrap(), "100%");
        assert!(percent_decode("%").is_err());
        assert!(percent_decode("%4").is_err());
        assert!(percent_decode("%g0").is_err());
        assert!(percent_decode("%ff").is_err());
    }

    #[test]
    fn content_types() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("favicon.svg", "image/svg+xml"),
            ("a/b.png", "image/png"),
            ("a/b.JPG", "image/jpeg"),
            ("a/b.jpeg", "image/jpeg"),
            ("a/b.webp", "image/webp"),
            ("bc-120.pdf", "application/pdf"),
            ("data/2022.json", "application/json"),
            ("data/2022.csv", "text/csv; charset=utf-8"),
            (
                "bang-diem.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("tin-tuc/atom.xml", "application/xml; charset=utf-8"),
            ("fonts/x.woff2", "font/woff2"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("README", "application/octet-stream"),
            ("a.b/README", "application/octet-stream"),
            ("x.unknown", "application/octet-stream"),
        ];
        for (path, want) in cases {
            assert_eq!(content_type(path), want, "{path}");
        }
    }

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

    #[test]
    fn query_params() {
        assert_eq!(query_param("since=3&timeout=10", "since"), Some("3"));
        assert_eq!(query_param("since=3&timeout=10", "timeout"), Some("10"));
        assert_eq!(query_param("x", "since"), None);
    }
}
