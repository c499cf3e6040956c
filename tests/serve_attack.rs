//! `kiemchung serve` under attack, on 127.0.0.1 only, with bounded,
//! self-stopping loops: slow clients (slowloris) do not hold up others,
//! malformed requests and oversized targets and headers get 4xx, and no
//! request reaches a file outside the built site.
//!
//! The client is raw `TcpStream`s so that the bytes under test go out
//! exactly as written.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_kiemchung");
const SECRET: &str = "SECRET-OUTSIDE-THE-SITE-c41d";

/// `kiemchung serve` on a port the system picks, killed when dropped.
struct Serve {
    child: Child,
    port: u16,
    tmp: tempfile::TempDir,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start() -> Serve {
        let tmp = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve-site");
        common::copy_dir(&fixture, &tmp.path().join("site"));
        std::fs::write(tmp.path().join("secret.txt"), SECRET).unwrap();
        std::fs::write(tmp.path().join("site/secret.txt"), SECRET).unwrap();
        let mut child = Command::new(BIN)
            .env("KIEMCHUNG_LANG", "en")
            .args(["serve", "--port", "0", "--today", "2023-06-01", "--root"])
            .arg(tmp.path().join("site"))
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let port = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = rx.recv_timeout(left).expect("serve printed its URL");
            if let Some(rest) = line.strip_prefix("Serving http://127.0.0.1:") {
                break rest.split('/').next().unwrap().parse().unwrap();
            }
        };
        Serve { child, port, tmp }
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.set_write_timeout(Some(Duration::from_secs(10))).unwrap();
        s
    }

    /// Sends `raw` and reads the answer: (status, whole response), or
    /// `None` when the server closed the connection without answering.
    fn raw(&self, raw: &[u8]) -> Option<(u16, String)> {
        let mut s = self.connect();
        s.write_all(raw).unwrap();
        let mut buf = Vec::new();
        let mut chunk = [0u8; 8192];
        // Read until the server closes, or the headers and the announced
        // body are in (keep-alive connections stay open).
        loop {
            match s.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                Err(e) => panic!("no answer to {:?}: {e}", short(raw)),
            }
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                let len = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                if buf.len() >= end + 4 + len {
                    break;
                }
            }
        }
        if buf.is_empty() {
            return None;
        }
        let text = String::from_utf8_lossy(&buf).into_owned();
        let status = text.split(' ').nth(1)?.parse().ok()?;
        Some((status, text))
    }

    fn get(&self, target: &str) -> (u16, String) {
        let req = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        self.raw(req.as_bytes())
            .unwrap_or_else(|| panic!("no answer to GET {target}"))
    }

    /// A normal page request must be answered, and quickly.
    fn assert_answers(&self, within: Duration) {
        let t = Instant::now();
        let (status, text) = self.get("/cchc/");
        assert_eq!(status, 200, "{text}");
        assert!(t.elapsed() < within, "a page took {:?}", t.elapsed());
    }
}

fn short(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(&raw[..raw.len().min(60)]).into_owned();
    if raw.len() > 60 {
        format!("{s}… ({} bytes)", raw.len())
    } else {
        s
    }
}

#[test]
fn slow_clients_do_not_hold_up_others() {
    let s = Serve::start();
    s.assert_answers(Duration::from_secs(5));
    // 100 clients sending their headers one byte every 50 ms, for 4 s at
    // most: each holds a connection open without ever finishing.
    let stop = Arc::new(AtomicBool::new(false));
    let mut slow = Vec::new();
    for _ in 0..100 {
        let mut c = s.connect();
        let stop = stop.clone();
        slow.push(std::thread::spawn(move || {
            let request = b"GET /cchc/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".to_vec();
            let padding = std::iter::repeat(b'a');
            let started = Instant::now();
            for b in request.into_iter().chain(padding) {
                if stop.load(Ordering::Relaxed) || started.elapsed() > Duration::from_secs(4) {
                    break;
                }
                if c.write_all(&[b]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }));
    }
    std::thread::sleep(Duration::from_millis(300));
    // Meanwhile, ordinary requests are answered promptly.
    let mut slowest = Duration::ZERO;
    for _ in 0..20 {
        let t = Instant::now();
        s.assert_answers(Duration::from_secs(3));
        slowest = slowest.max(t.elapsed());
    }
    stop.store(true, Ordering::Relaxed);
    for t in slow {
        t.join().unwrap();
    }
    eprintln!("slowest page while 100 slow clients were connected: {slowest:?}");
    s.assert_answers(Duration::from_secs(3));
}

#[test]
fn many_idle_connections_do_not_stop_the_server() {
    let s = Serve::start();
    // 300 connections opened and left silent, then closed.
    let idle: Vec<TcpStream> = (0..300).map(|_| s.connect()).collect();
    s.assert_answers(Duration::from_secs(3));
    drop(idle);
    s.assert_answers(Duration::from_secs(3));
}

#[test]
fn malformed_requests_get_4xx() {
    let s = Serve::start();
    let many_headers: String = (0..500).map(|i| format!("X-H{i}: a\r\n")).collect();
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("garbage", b"HELLO\r\n\r\n".to_vec(), 400),
        ("no version", b"GET /cchc/\r\n\r\n".to_vec(), 400),
        ("bad protocol", b"GET /cchc/ FOO/1.1\r\n\r\n".to_vec(), 400),
        (
            "space in target",
            b"GET /cchc/ a HTTP/1.1\r\n\r\n".to_vec(),
            400,
        ),
        (
            "header without colon",
            b"GET /cchc/ HTTP/1.1\r\nno colon here\r\n\r\n".to_vec(),
            400,
        ),
        ("DELETE", b"DELETE /cchc/ HTTP/1.1\r\n\r\n".to_vec(), 405),
        (
            "POST with a body",
            b"POST /cchc/ HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello".to_vec(),
            405,
        ),
        (
            "unknown Expect",
            b"GET /cchc/ HTTP/1.1\r\nExpect: 100-banana\r\n\r\n".to_vec(),
            417,
        ),
        (
            "100 KB target",
            format!("GET /cchc/{} HTTP/1.1\r\n\r\n", "a".repeat(100_000)).into_bytes(),
            414,
        ),
        (
            "64 KB header",
            format!("GET /cchc/ HTTP/1.1\r\nX-A: {}\r\n\r\n", "a".repeat(65_536)).into_bytes(),
            431,
        ),
        (
            "500 headers",
            format!("GET /cchc/ HTTP/1.1\r\n{many_headers}\r\n").into_bytes(),
            431,
        ),
        (
            "NUL in the target",
            b"GET /cchc/\x00 HTTP/1.1\r\n\r\n".to_vec(),
            400,
        ),
        (
            "absolute-form target",
            b"GET http://127.0.0.1/../secret.txt HTTP/1.1\r\n\r\n".to_vec(),
            400,
        ),
        ("asterisk target", b"GET * HTTP/1.1\r\n\r\n".to_vec(), 400),
    ];
    for (what, raw, want) in &cases {
        let t = Instant::now();
        let (status, text) = s
            .raw(raw)
            .unwrap_or_else(|| panic!("{what}: closed without an answer"));
        assert_eq!(status, *want, "{what}: {}", short(text.as_bytes()));
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "{what}: {:?}",
            t.elapsed()
        );
        assert!(!text.contains(SECRET), "{what} leaked a file");
    }
    // Bytes that are not ASCII in the request line or a header: the
    // connection is closed (tiny_http answers nothing), which is not a
    // hang and not a crash.
    for raw in [
        "GET /cchc/tài HTTP/1.1\r\n\r\n".as_bytes(),
        "GET /cchc/ HTTP/1.1\r\nX: tài\r\n\r\n".as_bytes(),
    ] {
        let answer = s.raw(raw);
        assert!(
            answer
                .as_ref()
                .is_none_or(|(st, _)| (400..500).contains(st)),
            "{answer:?}"
        );
    }
    s.assert_answers(Duration::from_secs(3));
}

#[test]
fn every_traversal_form_is_refused() {
    let s = Serve::start();
    let abs = s.tmp.path().join("secret.txt").display().to_string();
    let mut targets: Vec<String> = [
        "/cchc/../secret.txt",
        "/cchc/../../secret.txt",
        "/cchc/%2e%2e/secret.txt",
        "/cchc/%2E%2E/secret.txt",
        "/cchc/.%2e/%2e./secret.txt",
        "/cchc/%2e%2e%2fsecret.txt",
        "/cchc/%2E%2E%2F%2E%2E%2Fsecret.txt",
        "/cchc/..%2F..%2Fsecret.txt",
        "/cchc/%252e%252e/secret.txt",
        "/cchc/%25252e%25252e/secret.txt",
        "/cchc/%c0%ae%c0%ae/secret.txt",
        "/cchc/%e0%80%ae%e0%80%ae/secret.txt",
        "/cchc/..\\secret.txt",
        "/cchc/..%5csecret.txt",
        "/cchc/..%5Csecret.txt",
        "/cchc/\\..\\..\\secret.txt",
        "/cchc/%00../secret.txt",
        "/cchc/secret.txt%00.html",
        "/cchc/./../secret.txt",
        "/cchc/.../secret.txt",
        "//secret.txt",
        "///etc/passwd",
        "/cchc//../secret.txt",
        "/cchc/%2f%2fetc%2fpasswd",
        "/cchc/site.toml",
        "/cchc/secret.txt",
        "/cchc/content/2022/1.1.md",
        "/cchc/..;/secret.txt",
        "/cchc/%u002e%u002e/secret.txt",
        "http://127.0.0.1/cchc/../secret.txt",
        "file:///etc/passwd",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    targets.push(abs.clone());
    targets.push(format!("/cchc{abs}"));
    targets.push(format!("/cchc/..{abs}"));
    for target in &targets {
        let (status, text) = s.get(target);
        assert!(
            status == 400 || status == 404,
            "{target}: {status}\n{}",
            short(text.as_bytes())
        );
        assert!(!text.contains(SECRET), "{target} leaked a file");
        assert!(!text.contains("base_url"), "{target} leaked site.toml");
        assert!(!text.contains("root:x:0"), "{target} leaked /etc/passwd");
    }
    // The same over one keep-alive connection, as a browser would send them.
    let mut c = s.connect();
    for target in &targets[..5] {
        let req = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        c.write_all(req.as_bytes()).unwrap();
    }
    c.write_all(b"GET /cchc/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut all = String::new();
    c.read_to_string(&mut all).unwrap();
    assert!(!all.contains(SECRET));
    assert_eq!(all.matches("HTTP/1.1 400").count(), 5, "{all}");
    assert_eq!(all.matches("HTTP/1.1 200").count(), 1);
}
