//! `kiemchung serve` through the real binary, over real HTTP on port 0, with
//! real file changes in a temp copy of tests/fixtures/serve-site.
//!
//! The HTTP client is a few lines over `std::net::TcpStream` rather than a
//! library: no new dependency, and the request target goes out byte for
//! byte, which the traversal tests need (client libraries normalise `../`
//! and `%2e%2e` away before sending, hiding exactly what is under test).
//!
//! Waits poll with a deadline ([`TIMEOUT`]) and return as soon as the
//! condition holds; no test sleeps a fixed time and then asserts.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);
const BIN: &str = env!("CARGO_BIN_EXE_kiemchung");
/// Written beside the site copy: no request may ever return it.
const SECRET: &str = "SECRET-OUTSIDE-THE-SITE-7f3a";
const PAGE: &str = "/cchc/2022/1-1/";
const PAGE_SRC: &str = "content/2022/1.1.md";

/// A temp folder with `site/` (the fixture) and `secret.txt` beside it.
fn site_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve-site");
    common::copy_dir(&fixture, &tmp.path().join("site"));
    std::fs::write(tmp.path().join("secret.txt"), SECRET).unwrap();
    std::fs::write(tmp.path().join("site/secret.txt"), SECRET).unwrap();
    tmp
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP/1.1 request with `Connection: close`; the target is sent as is.
fn http(port: u16, method: &str, target: &str, headers: &[(&str, &str)]) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
    let mut req =
        format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no end of headers in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

/// Polls `f` until it gives `Some`, for at most [`TIMEOUT`].
fn wait_for<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < TIMEOUT, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn wait_exit(child: &mut Child) -> ExitStatus {
    wait_for("the process to exit", || child.try_wait().unwrap())
}

/// A running `kiemchung serve`, killed when dropped.
struct Serve {
    child: Child,
    port: u16,
    /// The path of the printed URL.
    url_path: String,
    tmp: tempfile::TempDir,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn collect(
    pipe: impl Read + Send + 'static,
    into: Arc<Mutex<String>>,
    lines: Option<mpsc::Sender<String>>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            into.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(tx) = &lines {
                let _ = tx.send(line);
            }
        }
    });
}

impl Serve {
    fn start(extra: &[&str]) -> Serve {
        Self::start_in(site_copy(), extra)
    }

    fn start_in(tmp: tempfile::TempDir, extra: &[&str]) -> Serve {
        let mut child = Command::new(BIN)
            .env("KIEMCHUNG_LANG", "en")
            .args(["serve", "--port", "0", "--today", "2023-06-01", "--root"])
            .arg(tmp.path().join("site"))
            .args(extra)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = Arc::new(Mutex::new(String::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        collect(child.stdout.take().unwrap(), stdout.clone(), Some(tx));
        collect(child.stderr.take().unwrap(), stderr.clone(), None);
        let mut serve = Serve {
            child,
            port: 0,
            url_path: String::new(),
            tmp,
            stdout,
            stderr,
        };
        let deadline = Instant::now() + TIMEOUT;
        let url = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) if line.starts_with("Serving http://") => {
                    break line["Serving ".len()..].to_string();
                }
                Ok(_) => {}
                Err(_) => panic!(
                    "no URL printed; stdout:\n{}\nstderr:\n{}",
                    serve.stdout.lock().unwrap(),
                    serve.stderr.lock().unwrap()
                ),
            }
        };
        // http://127.0.0.1:PORT/cchc/
        let rest = url.strip_prefix("http://127.0.0.1:").expect(&url);
        let (port, path) = rest.split_once('/').unwrap();
        serve.port = port.parse().unwrap();
        serve.url_path = format!("/{path}");
        assert_ne!(serve.port, 0);
        serve
    }

    fn site(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    fn get(&self, target: &str) -> Response {
        http(self.port, "GET", target, &[])
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.site().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.site().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has {from:?}");
        std::fs::write(path, text.replace(from, to)).unwrap();
    }

    /// (generation, last build ok)
    fn status(&self) -> (u64, bool) {
        let r = self.get("/__kiemchung/status");
        assert_eq!(r.status, 200);
        let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        (
            v["generation"].as_u64().unwrap(),
            v["ok"].as_bool().unwrap(),
        )
    }

    /// The event stream's answer to a browser that last saw `last_id`:
    /// `Some(new generation)`, or `None` when nothing was built within
    /// `timeout_ms`.
    fn next_event(&self, last_id: u64, timeout_ms: u64) -> Option<u64> {
        let id = last_id.to_string();
        let r = http(
            self.port,
            "GET",
            &format!("/__kiemchung/events?timeout={timeout_ms}"),
            &[("Last-Event-ID", &id), ("Accept", "text/event-stream")],
        );
        assert_eq!(r.status, 200);
        assert!(
            r.header("Content-Type")
                .unwrap()
                .starts_with("text/event-stream")
        );
        let text = r.text();
        assert!(text.starts_with("retry: "), "{text}");
        assert!(text.ends_with("\n\n"), "one complete event: {text:?}");
        text.lines()
            .find_map(|l| l.strip_prefix("id: "))
            .map(|g| g.parse().unwrap())
    }

    /// Waits for the build after `generation` and returns its number.
    fn next_build(&self, generation: u64) -> u64 {
        let g = self
            .next_event(generation, TIMEOUT.as_millis() as u64)
            .unwrap_or_else(|| {
                panic!(
                    "no rebuild after generation {generation}; stdout:\n{}",
                    self.stdout.lock().unwrap()
                )
            });
        assert!(g > generation);
        g
    }

    fn wait_for_text(&self, target: &str, text: &str) -> Response {
        wait_for(&format!("{text:?} at {target}"), || {
            let r = self.get(target);
            r.text().contains(text).then_some(r)
        })
    }
}

#[test]
fn a_page_edit_is_announced_and_served() {
    let s = Serve::start(&[]);
    assert_eq!(s.url_path, "/cchc/", "the path of base_url is kept");
    assert_eq!(s.status(), (1, true));
    // A browser that has seen nothing gets generation 1 at once.
    assert_eq!(s.next_event(0, 10_000), Some(1));
    let page = s.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Nội dung ban đầu của tiêu chí 1.1."));
    assert!(page.text().contains("/__kiemchung/events?since=1"));

    // A long poll waiting while the file changes gets the new generation.
    let port = s.port;
    let waiting = std::thread::spawn(move || {
        let r = http(port, "GET", "/__kiemchung/events?since=1", &[]);
        r.text()
    });
    // Give the poll a moment to be pending; the assertion below holds
    // either way (a poll that arrives late is answered at once).
    std::thread::sleep(Duration::from_millis(50));
    s.edit(PAGE_SRC, "Nội dung ban đầu", "Nội dung thứ hai");
    let event = waiting.join().unwrap();
    assert!(event.contains("id: 2\n"), "{event}");
    assert!(event.contains("data: {"), "{event}");
    let page = s.wait_for_text(PAGE, "Nội dung thứ hai");
    assert!(!page.text().contains("Nội dung ban đầu"));
    assert!(page.text().contains("/__kiemchung/events?since=2"));
    assert!(!page.text().contains("kiemchung-overlay"));

    // A rebuild while no request is pending is not missed: the reconnect
    // carries Last-Event-ID 2 and is answered at once.
    s.edit(PAGE_SRC, "Nội dung thứ hai", "Nội dung thứ ba");
    wait_for("build 3", || (s.status().0 >= 3).then_some(()));
    assert_eq!(s.next_event(2, 10_000), Some(3));
    s.wait_for_text(PAGE, "Nội dung thứ ba");
    // and the summary line says what was rebuilt and how long it took
    let out = wait_for("the summary of build 3", || {
        let out = s.stdout.lock().unwrap().clone();
        out.contains("build 3 (content/2022/1.1.md").then_some(out)
    });
    assert!(out.contains(" ms, "), "{out}");
    // serve never writes public/
    assert!(!s.site().join("public").exists());
}

#[test]
fn theme_static_and_site_toml_changes_rebuild() {
    let s = Serve::start(&[]);
    let mut g = s.status().0;

    // A template override in the site's theme folder (themes/ did not exist).
    s.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>THEME-404-OVERRIDE</h1>{% endblock %}",
    );
    g = s.next_build(g);
    let r = s.wait_for_text("/cchc/no-such-page/", "THEME-404-OVERRIDE");
    assert_eq!(r.status, 404);

    // A static file of the theme.
    s.write(
        "themes/default/static/theme-extra.css",
        ".theme-extra { color: red }\n",
    );
    g = s.next_build(g);
    let r = s.wait_for_text("/cchc/theme-extra.css", ".theme-extra");
    assert_eq!(r.header("Content-Type"), Some("text/css; charset=utf-8"));

    // static/
    s.edit("static/css/extra.css", "color: teal", "color: navy");
    g = s.next_build(g);
    s.wait_for_text("/cchc/css/extra.css", "color: navy");

    // site.toml
    s.edit("site.toml", "CCHC — trang thử", "CCHC — tên mới");
    s.next_build(g);
    s.wait_for_text("/cchc/", "CCHC — tên mới");
}

#[test]
fn broken_front_matter_shows_the_overlay_over_the_last_good_site() {
    let s = Serve::start(&[]);
    let (g, ok) = s.status();
    assert!(ok);
    let good = std::fs::read_to_string(s.site().join(PAGE_SRC)).unwrap();
    // line 5 of the file: `socre: 4.5`
    let broken = good
        .replace("score: 4.5", "socre: 4.5")
        .replace("Nội dung ban đầu", "Nội dung hỏng");
    assert_eq!(broken.lines().nth(4), Some("socre: 4.5"));
    s.write(PAGE_SRC, &broken);
    let g = s.next_build(g);
    assert_eq!(s.status(), (g, false));

    for target in [
        PAGE,
        "/cchc/",
        "/cchc/tin-tuc/bai-mot/",
        "/cchc/no-such-page/",
    ] {
        let r = s.get(target);
        let text = r.text();
        assert!(
            text.contains("id=\"kiemchung-overlay\""),
            "{target}: {text}"
        );
        assert!(
            text.contains("content/2022/1.1.md:5:"),
            "{target}: file:line in {text}"
        );
        assert!(text.contains("socre: 4.5"), "the source line");
        assert!(text.contains("unknown field `socre`"), "the message");
        assert!(!text.contains("Nội dung hỏng"));
        assert!(text.contains(&format!("events?since={g}")));
    }
    // The last good page is still served under the overlay.
    assert!(
        s.get(PAGE)
            .text()
            .contains("Nội dung ban đầu của tiêu chí 1.1.")
    );
    // The terminal has the same diagnostic and a summary.
    let err = wait_for("the diagnostic on stderr", || {
        let e = s.stderr.lock().unwrap().clone();
        e.contains("content/2022/1.1.md:5:").then_some(e)
    });
    assert!(err.contains("socre: 4.5"), "{err}");
    wait_for("the summary of the failed build", || {
        s.stdout.lock().unwrap().contains("failed in").then_some(())
    });

    // The fix: the overlay is gone, the new text is served.
    s.write(
        PAGE_SRC,
        &good.replace("Nội dung ban đầu", "Nội dung đã sửa"),
    );
    let g = s.next_build(g);
    assert_eq!(s.status(), (g, true));
    let text = s.wait_for_text(PAGE, "Nội dung đã sửa").text();
    assert!(!text.contains("kiemchung-overlay"));
    assert!(!s.get("/cchc/").text().contains("kiemchung-overlay"));
}

#[test]
fn editor_temporary_files_trigger_no_rebuild() {
    let s = Serve::start(&[]);
    let (g, _) = s.status();
    let dir = "content/2022";
    for name in [
        ".1.1.md.swp",
        ".1.1.md.swx",
        "4913",
        "1.1.md~",
        "#1.1.md#",
        ".#1.1.md",
        "1.1.md___jb_tmp___",
        "1.1.md___jb_old___",
        ".1.1.md.kate-swp",
        "1.1.md.vsctmp",
        ".tmpK3x9Qz",
    ] {
        s.write(
            &format!("{dir}/{name}"),
            "---\nid: \"9\"\ntitle: x\nmax: 1\n---\n",
        );
    }
    s.write("site.toml~", "garbage");
    s.write("public/index.html", "output folder");
    for name in ["4913", ".1.1.md.swp", "1.1.md~"] {
        std::fs::remove_file(s.site().join(dir).join(name)).unwrap();
    }
    // Nothing is built within a window many times the debounce and the
    // fixture's build time.
    assert_eq!(
        s.next_event(g, 800),
        None,
        "a temp file triggered a rebuild"
    );
    assert_eq!(s.status(), (g, true));

    // A real change right after is the very next build.
    s.edit(PAGE_SRC, "Nội dung ban đầu", "Nội dung thật");
    assert_eq!(s.next_build(g), g + 1);
    s.wait_for_text(PAGE, "Nội dung thật");
}

#[test]
fn no_request_leaves_the_built_site() {
    let s = Serve::start(&[]);
    let targets = [
        "/cchc/../secret.txt",
        "/cchc/../../secret.txt",
        "/../secret.txt",
        "/cchc/2022/../../secret.txt",
        "/cchc/%2e%2e/secret.txt",
        "/cchc/%2E%2E/%2e%2e/secret.txt",
        "/cchc/.%2e/secret.txt",
        "/cchc/..%2fsecret.txt",
        "/cchc/..%2f..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/cchc/..\\secret.txt",
        "/cchc/..%5csecret.txt",
        "/cchc/..%5c..%5csecret.txt",
        "//etc/passwd",
        "/cchc//etc/passwd",
        "/etc/passwd",
        "/cchc/etc/passwd",
        "/cchc/secret.txt",
        "/cchc/site.toml",
        "/cchc/content/2022/1.1.md",
        "/cchc/../site/site.toml",
        "/cchc/secret.txt%00",
        "/cchc/%00/../secret.txt",
        "/cchc/%c0%ae%c0%ae/secret.txt",
        "/cchc/%252e%252e/secret.txt",
    ];
    let abs = s.tmp.path().join("secret.txt").display().to_string();
    let abs_targets = [abs.clone(), format!("/cchc{abs}"), format!("/cchc/..{abs}")];
    for target in targets.iter().map(|t| t.to_string()).chain(abs_targets) {
        let r = s.get(&target);
        assert!(r.status == 400 || r.status == 404, "{target}: {}", r.status);
        let text = r.text();
        assert!(!text.contains(SECRET), "{target} leaked a file");
        assert!(!text.contains("base_url"), "{target} leaked site.toml");
        assert!(
            !text.contains("Nội dung ban đầu"),
            "{target} leaked a source file"
        );
    }
}

#[test]
fn http_basics() {
    let s = Serve::start(&[]);
    let port = s.port;

    // `/` goes to the base path; a page without its slash gets one.
    let r = s.get("/");
    assert_eq!(r.status, 302);
    assert_eq!(r.header("Location"), Some("/cchc/"));
    let r = s.get("/cchc");
    assert_eq!(r.header("Location"), Some("/cchc/"));
    let r = s.get("/cchc/2022/1-1?x=1");
    assert_eq!(r.status, 302);
    assert_eq!(r.header("Location"), Some("/cchc/2022/1-1/?x=1"));

    // Links in the pages point into the base path, as in production.
    let home = s.get("/cchc/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    let text = home.text();
    assert!(text.contains("cchc") && text.contains("style.css"));
    // every served page has exactly one reload script, just before </body>
    assert_eq!(text.matches("new EventSource(").count(), 1);
    let after = &text[text.find("<script>/* kiemchung serve").unwrap()..];
    let end = after.find("</script>").unwrap() + "</script>".len();
    assert!(after[end..].trim_start().starts_with("</body>"), "{after}");

    // HEAD: the headers of GET, no body.
    let get = s.get(PAGE);
    let head = http(port, "HEAD", PAGE, &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("Content-Length"),
        Some(get.body.len().to_string().as_str())
    );
    assert_eq!(head.header("ETag"), get.header("ETag"));

    // ETag and If-None-Match.
    let tag = get.header("ETag").unwrap().to_string();
    let r = http(port, "GET", PAGE, &[("If-None-Match", &tag)]);
    assert_eq!(r.status, 304);
    assert!(r.body.is_empty());
    let r = http(port, "GET", PAGE, &[("If-None-Match", "\"other\"")]);
    assert_eq!(r.status, 200);
    let css = s.get("/cchc/style.css");
    let r = http(
        port,
        "GET",
        "/cchc/style.css",
        &[("If-None-Match", css.header("ETag").unwrap())],
    );
    assert_eq!(r.status, 304);

    // Content types.
    for (target, ctype) in [
        ("/cchc/style.css", "text/css; charset=utf-8"),
        ("/cchc/favicon.svg", "image/svg+xml"),
        ("/cchc/data/2022.json", "application/json"),
        ("/cchc/data/2022.csv", "text/csv; charset=utf-8"),
        ("/cchc/css/extra.css", "text/css; charset=utf-8"),
    ] {
        let r = s.get(target);
        assert_eq!(r.status, 200, "{target}");
        assert_eq!(r.header("Content-Type"), Some(ctype), "{target}");
        assert!(
            !r.text().contains("EventSource"),
            "no script outside HTML: {target}"
        );
    }
    // The preview origin replaces the host of base_url, keeping its path
    // (in the feed's absolute links; the review site has no sitemap).
    let feed = s.get("/cchc/tin-tuc/atom.xml").text();
    assert!(
        feed.contains(&format!("http://127.0.0.1:{port}/cchc/")),
        "{feed}"
    );
    assert_eq!(s.get("/cchc/sitemap.xml").status, 404);

    // 404 with the site's own page, and the reload script.
    let r = s.get("/cchc/khong-co/");
    assert_eq!(r.status, 404);
    assert!(r.text().contains("Không tìm thấy trang"));
    assert!(r.text().contains("new EventSource("));
    assert_eq!(s.get("/elsewhere").status, 404);

    // Drafts are shown.
    let r = s.get("/cchc/tin-tuc/ban-nhap/");
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Bản nháp"));

    // Other methods.
    assert_eq!(
        http(port, "POST", "/cchc/", &[("Content-Length", "0")]).status,
        405
    );

    // Long polls do not starve pages: many pending, pages still answer.
    let polls: Vec<_> = (0..16)
        .map(|_| {
            std::thread::spawn(move || {
                http(port, "GET", "/__kiemchung/events?since=1&timeout=3000", &[])
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(100));
    let t = Instant::now();
    for _ in 0..20 {
        assert_eq!(http(port, "GET", PAGE, &[]).status, 200);
    }
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "pages waited for long polls: {:?}",
        t.elapsed()
    );
    for p in polls {
        assert_eq!(p.join().unwrap().status, 200);
    }
}

#[test]
fn build_output_has_no_reload_script() {
    let tmp = site_copy();
    let out = tmp.path().join("public");
    let status = Command::new(BIN)
        .env("KIEMCHUNG_LANG", "en")
        .args(["build", "--today", "2023-06-01", "--root"])
        .arg(tmp.path().join("site"))
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut pages = 0;
    for entry in walk(&out) {
        let bytes = std::fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__kiemchung"), "{}", entry.display());
        assert!(!text.contains("EventSource"), "{}", entry.display());
        assert!(!text.contains("kiemchung-overlay"), "{}", entry.display());
        pages += entry.extension().is_some_and(|e| e == "html") as usize;
    }
    assert!(pages > 5);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let tmp = site_copy();
    let out = Command::new(BIN)
        .env("KIEMCHUNG_LANG", "en")
        .args(["serve", "--port", &port, "--root"])
        .arg(tmp.path().join("site"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    assert!(err.contains("--port"), "{err}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains("http://"),
        "no URL before the port is bound: {stdout}"
    );
}

#[test]
fn wrong_usage_and_no_site() {
    let out = Command::new(BIN)
        .env("KIEMCHUNG_LANG", "en")
        .args(["serve", "--port", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(BIN)
        .env("KIEMCHUNG_LANG", "en")
        .args(["serve", "--bind", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .env("KIEMCHUNG_LANG", "en")
        .args(["serve", "--port", "0", "--root"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("site.toml"), "{err}");
}

#[test]
fn the_first_build_may_fail_and_the_fix_brings_the_site() {
    let tmp = site_copy();
    let src = tmp.path().join("site").join(PAGE_SRC);
    let good = std::fs::read_to_string(&src).unwrap();
    std::fs::write(&src, good.replace("score: 4.5", "score: [4.5")).unwrap();
    let s = Serve::start_in(tmp, &[]);
    assert_eq!(s.status(), (1, false));
    let r = s.get("/cchc/");
    assert_eq!(r.status, 404);
    assert!(r.text().contains("kiemchung-overlay"));
    assert!(r.text().contains("content/2022/1.1.md:"));
    s.write(PAGE_SRC, &good);
    s.next_build(1);
    let r = s.wait_for_text(PAGE, "Nội dung ban đầu");
    assert!(!r.text().contains("kiemchung-overlay"));
}

#[test]
fn poll_mode_rebuilds_too() {
    let s = Serve::start(&["--poll"]);
    wait_for("the polling notice", || {
        s.stdout.lock().unwrap().contains("(polling)").then_some(())
    });
    s.edit(PAGE_SRC, "Nội dung ban đầu", "Nội dung qua poll");
    // notify's PollWatcher compares modification times in whole seconds,
    // and the copy and this edit may fall in the same one: date it later,
    // as a save a moment after would.
    let file = std::fs::File::options()
        .write(true)
        .open(s.site().join(PAGE_SRC))
        .unwrap();
    file.set_modified(std::time::SystemTime::now() + Duration::from_secs(2))
        .unwrap();
    drop(file);
    s.next_build(1);
    s.wait_for_text(PAGE, "Nội dung qua poll");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let mut s = Serve::start(&[]);
    let pid = s.child.id().to_string();
    let killed = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(killed.success());
    let status = wait_exit(&mut s.child);
    assert_eq!(
        status.code(),
        Some(0),
        "stderr: {}",
        s.stderr.lock().unwrap()
    );
}

/// The peak resident memory of a process (VmHWM), in kB.
fn peak_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
}

#[test]
fn a_large_file_is_streamed_and_ranges_are_answered() {
    use std::os::unix::fs::FileExt;
    const SIZE: u64 = 1 << 30;
    let tmp = site_copy();
    // A 1 GB evidence scan, sparse: it takes no room on disk, and only the
    // bytes written at a few offsets are not zero.
    let big = tmp.path().join("site/static/ban-scan.pdf");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(SIZE).unwrap();
    f.write_at(b"%PDF", 0).unwrap();
    f.write_at(b"middle", 500_000_000).unwrap();
    f.write_at(b"%EOF", SIZE - 4).unwrap();
    drop(f);
    let s = Serve::start_in(tmp, &[]);
    let pid = s.child.id();
    let target = format!("{}ban-scan.pdf", s.url_path);
    // The baseline: the site built and a page served.
    assert_eq!(s.get(PAGE).status, 200);
    let baseline = peak_kb(pid);

    // The whole file, read here as it comes, never held.
    let mut conn = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        conn,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::with_capacity(1 << 20, conn);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        head.push_str(&line);
    }
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let lower = head.to_ascii_lowercase();
    assert!(
        lower.contains(&format!("content-length: {SIZE}\r\n")),
        "{head}"
    );
    assert!(!lower.contains("transfer-encoding"), "{head}");
    assert!(lower.contains("accept-ranges: bytes\r\n"), "{head}");
    let mut buf = vec![0u8; 1 << 20];
    let (mut total, mut first, mut last) = (0u64, Vec::new(), [0u8; 4]);
    loop {
        let n = reader.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        if first.len() < 4 {
            first.extend_from_slice(&buf[..n.min(4 - first.len())]);
        }
        // The last four bytes seen (reads are larger than four).
        if n >= 4 {
            last.copy_from_slice(&buf[n - 4..n]);
        }
        total += n as u64;
    }
    assert_eq!(total, SIZE);
    assert_eq!(first, b"%PDF");
    assert_eq!(&last, b"%EOF");
    let peak = peak_kb(pid);
    eprintln!("serve's peak memory: {baseline} kB before, {peak} kB after sending 1 GB");
    assert!(
        peak.saturating_sub(baseline) < 64 * 1024,
        "serving 1 GB raised the peak memory from {baseline} kB to {peak} kB"
    );

    // Ranges: exactly the bytes asked for.
    let range = |r: &str| http(s.port, "GET", &target, &[("Range", r)]);
    for (asked, body, content_range) in [
        ("bytes=0-3", &b"%PDF"[..], "bytes 0-3/1073741824"),
        (
            "bytes=500000000-500000005",
            b"middle",
            "bytes 500000000-500000005/1073741824",
        ),
        (
            "bytes=-4",
            b"%EOF",
            "bytes 1073741820-1073741823/1073741824",
        ),
        (
            "bytes=1073741822-",
            b"OF",
            "bytes 1073741822-1073741823/1073741824",
        ),
        (
            "bytes=499999999-500000001",
            b"\0mi",
            "bytes 499999999-500000001/1073741824",
        ),
    ] {
        let r = range(asked);
        assert_eq!(r.status, 206, "{asked}");
        assert_eq!(r.body, body, "{asked}");
        assert_eq!(r.header("Content-Range"), Some(content_range), "{asked}");
        assert_eq!(
            r.header("Content-Length"),
            Some(body.len().to_string().as_str())
        );
    }
    let r = range("bytes=1073741824-");
    assert_eq!(r.status, 416);
    assert_eq!(r.header("Content-Range"), Some("bytes */1073741824"));
    // Several ranges at once: the whole file is the answer (not read here).
    let head = http(s.port, "HEAD", &target, &[("Range", "bytes=0-1,4-5")]);
    assert_eq!(head.status, 200);
    assert_eq!(head.header("Content-Length"), Some("1073741824"));
    assert!(head.body.is_empty());
    // The ETag comes from size and time, without reading the file.
    let tag = head.header("ETag").unwrap().to_string();
    let r = http(s.port, "GET", &target, &[("If-None-Match", &tag)]);
    assert_eq!(r.status, 304);
    // A range of another version is not given: the whole file is.
    let r = http(
        s.port,
        "HEAD",
        &target,
        &[("Range", "bytes=0-3"), ("If-Range", "\"another\"")],
    );
    assert_eq!(r.status, 200);
    let r = http(
        s.port,
        "GET",
        &target,
        &[("Range", "bytes=0-3"), ("If-Range", &tag)],
    );
    assert_eq!((r.status, r.body.as_slice()), (206, &b"%PDF"[..]));
    // Pages answer ranges too.
    let page = s.get(PAGE);
    let r = http(s.port, "GET", PAGE, &[("Range", "bytes=0-14")]);
    assert_eq!(r.status, 206);
    assert_eq!(r.body, &page.body[..15]);
}
