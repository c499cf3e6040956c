//! Which output file a request names: a pure function over the in-memory
//! map, so nothing outside the built site can ever be reached; and the
//! content type of each kind of file.

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

pub(crate) fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
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
    fn query_params() {
        assert_eq!(query_param("since=3&timeout=10", "since"), Some("3"));
        assert_eq!(query_param("since=3&timeout=10", "timeout"), Some("10"));
        assert_eq!(query_param("x", "since"), None);
    }
}
