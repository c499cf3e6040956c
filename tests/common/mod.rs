//! Helpers shared by the integration tests: fixture sites copied to a
//! temporary folder, the real binary run on them, and the output read back.
#![allow(dead_code)] // each test file uses its own subset

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The date every build is made against, so outputs are reproducible.
pub const TODAY: &str = "2024-01-01";

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies a folder recursively, files as bytes.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, relative path (`/`-separated) → bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap();
                let rel: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.insert(rel.join("/"), std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The outcome of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "expected exit code {code}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn ok(&self) -> &Self {
        self.assert_code(0)
    }

    /// The diagnostic blocks of stderr (a block per error or warning).
    pub fn blocks(&self) -> Vec<&str> {
        self.stderr
            .split("\n\n")
            .filter(|b| b.starts_with("error[") || b.starts_with("warning["))
            .collect()
    }

    /// The block pointing at `location` (`path:line:col`, or just `path`).
    pub fn block_at(&self, location: &str) -> &str {
        // The arrow line ends the block when no source line follows.
        let arrow = format!("--> {location}");
        let found: Vec<&str> = self
            .blocks()
            .into_iter()
            .filter(|b| b.lines().any(|l| l.trim_start() == arrow))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected one diagnostic at {location}\n--- stderr\n{}",
            self.stderr
        );
        found[0]
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// Runs the binary with `args` in `cwd`, colours off, in English (the
/// tests that read Vietnamese ask for it with `--lang vi`).
pub fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_kiemchung"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("KIEMCHUNG_LANG", "en")
        .env_remove("KIEMCHUNG_TIMINGS")
        .output()
        .expect("run kiemchung");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// The repository's own site built with `--today TODAY` into a fresh
/// temporary folder: (folder, output folder).
pub fn build_repo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let root = env!("CARGO_MANIFEST_DIR");
    let out_arg = out.to_str().unwrap();
    let args = [
        "build", "--root", root, "--output", out_arg, "--today", TODAY,
    ];
    run_in(tmp.path(), &args).ok();
    (tmp, out)
}

/// A fixture site copied into a fresh temporary folder (`<tmp>/site`).
pub struct Site {
    pub tmp: tempfile::TempDir,
    pub root: PathBuf,
}

impl Site {
    /// `tests/fixtures/<name>`.
    pub fn new(name: &str) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        copy_dir(&fixtures().join(name), &root);
        Site { tmp, root }
    }

    /// Copies `tests/fixtures/<name>` over the site, replacing or adding files.
    pub fn overlay(&self, name: &str) -> &Self {
        copy_dir(&fixtures().join(name), &self.root);
        self
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
        self
    }

    /// Replaces `from` by `to` in a file of the site; `from` must be there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1))
    }

    /// `kiemchung <args> --root <site>`, run from the temporary folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let root = self.root.to_str().unwrap();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--root", root]);
        run_in(self.tmp.path(), &all)
    }

    /// `build` into the default output, `<site>/public`.
    pub fn build(&self) -> Run {
        self.run(&["build", "--today", TODAY])
    }

    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    /// A file of the default output, as text.
    pub fn out(&self, rel: &str) -> String {
        std::fs::read_to_string(self.public().join(rel))
            .unwrap_or_else(|e| panic!("public/{rel}: {e}"))
    }

    pub fn out_json(&self, rel: &str) -> serde_json::Value {
        serde_json::from_str(&self.out(rel)).unwrap()
    }

    pub fn check_json(&self) -> serde_json::Value {
        self.run(&["check", "--today", TODAY, "--format", "json"])
            .json()
    }
}

/// The `file:line:col` of each item of a `check --format json` list.
pub fn locations(items: &serde_json::Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut s = d["file"].as_str().unwrap().to_string();
            for k in ["line", "column"] {
                if let Some(n) = d.get(k).and_then(|v| v.as_u64()) {
                    s.push_str(&format!(":{n}"));
                }
            }
            s
        })
        .collect()
}

/// The node `id` of a /data/<year>.json tree (`nodes`), at any depth.
pub fn json_node<'a>(nodes: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    fn find<'a>(nodes: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
        nodes.as_array()?.iter().find_map(|n| {
            if n["id"] == id {
                Some(n)
            } else {
                find(&n["children"], id)
            }
        })
    }
    find(nodes, id).unwrap_or_else(|| panic!("no node {id}"))
}

/// Undoes the HTML escaping of attribute values and text
/// (`&#x2f;cchc&#x2f;` → `/cchc/`).
pub fn unescape(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every value of `attr="…"` in `html`, unescaped.
pub fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            unescape(&rest[..rest.find('"').unwrap()])
        })
        .collect()
}

/// Each `<tag …>` opening tag of the given name in `html`.
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .filter(|(i, _)| {
            html[i + open.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == ' ' || c == '>' || c == '/')
        })
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap() + 1])
        .collect()
}

/// Every HTML page of a snapshot: path → text.
pub fn html_pages(files: &BTreeMap<String, Vec<u8>>) -> Vec<(&str, String)> {
    files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p.as_str(), String::from_utf8(b.clone()).unwrap()))
        .collect()
}

/// Asserts every internal link and resource of every page starts with
/// `base` and names a file of the output: no broken link, no link that
/// ignores the base path. Returns how many links were checked.
pub fn links_resolve(files: &BTreeMap<String, Vec<u8>>, base: &str) -> usize {
    let mut checked = 0;
    for (path, html) in html_pages(files) {
        for attr in ["href", "src"] {
            for url in attr_values(&html, attr) {
                if url.starts_with('#') || url.starts_with("https://") || url.starts_with("http://")
                {
                    continue;
                }
                let rest = url
                    .strip_prefix(base)
                    .unwrap_or_else(|| panic!("{path}: {attr}={url:?} does not start with {base}"));
                let rest = rest.split('#').next().unwrap();
                let target = if rest.is_empty() || rest.ends_with('/') {
                    format!("{rest}index.html")
                } else {
                    rest.to_string()
                };
                assert!(
                    files.contains_key(&target),
                    "{path}: {attr}={url:?} leads nowhere"
                );
                checked += 1;
            }
        }
    }
    checked
}

/// The text of an HTML fragment: tags dropped (a block or cell tag, or
/// `<br>`, counts as a space; an inline one as nothing), entities undone,
/// runs of white space made one space, trimmed.
pub fn text(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "span", "strong", "em", "b", "i", "code", "time", "abbr", "small",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else {
            rest = &rest[i..];
            break;
        };
        let tag = &rest[i + 1..i + j];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    unescape(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The part of `html` from the first `start` to the first `end` after it
/// (both excluded); panics when either is missing.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in\n{html}"))
        + start.len();
    let j = html[i..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?} in\n{html}"));
    &html[i..i + j]
}

/// The rows of the first `<tbody>` of `html`, each as the texts of its
/// cells (`<th>` and `<td>`, in order).
pub fn body_rows(html: &str) -> Vec<Vec<String>> {
    let body = between(html, "<tbody>", "</tbody>");
    body.split("<tr")
        .skip(1)
        .map(|row| {
            let mut cells = Vec::new();
            let mut rest = row;
            loop {
                let td = rest.find("<td");
                let th = rest.find("<th");
                let (i, close) = match (td, th) {
                    (Some(a), Some(b)) if a < b => (a, "</td>"),
                    (Some(a), None) => (a, "</td>"),
                    (_, Some(b)) => (b, "</th>"),
                    (None, None) => break,
                };
                let open_end = i + rest[i..].find('>').unwrap() + 1;
                let end = open_end + rest[open_end..].find(close).unwrap();
                cells.push(text(&rest[open_end..end]));
                rest = &rest[end + close.len()..];
            }
            cells
        })
        .collect()
}

/// `body_rows` as `&str`, for comparing with literal tables.
pub fn as_strs(rows: &[Vec<String>]) -> Vec<Vec<&str>> {
    rows.iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect()
}

/// A generated site in `root`: site.toml (two units) and a year of `n`
/// criteria in areas of at most 100 (`content/<year>/linh-vuc-01/1.1.md`…),
/// each criterion with `paragraphs` paragraphs of made-up text (example
/// data, not any department's), maximum 1 and no score. It passes `check`;
/// `kiemchung build` makes about `n` pages of it. A test needing a large
/// site makes one in Rust rather than depend on a script outside the
/// repository.
pub fn generated_site(root: &Path, year: i32, n: usize, paragraphs: usize) {
    let write = |rel: &str, text: String| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "site.toml",
        "# Generated by the tests: example data.\ntitle = \"Sở Ví dụ — dữ liệu thử\"\n\
         base_url = \"https://example.gov.vn/cchc/\"\nlanguage = \"vi\"\n\n\
         [[units]]\nid = \"van-phong\"\nname = \"Văn phòng Sở\"\n\n\
         [[units]]\nid = \"thanh-tra\"\nname = \"Thanh tra Sở\"\n"
            .to_string(),
    );
    write(
        &format!("content/{year}/_index.md"),
        format!(
            "---\ntitle: \"Chỉ số CCHC năm {year} (ví dụ)\"\nmax: {n}\n---\nDữ liệu sinh tự động.\n"
        ),
    );
    let para = "Đơn vị đã triển khai kế hoạch cải cách hành chính, rà soát thủ tục và \
                công khai kết quả trên cổng thông tin, với **số liệu** và [liên kết](/2022/). ";
    let areas = n.div_ceil(100);
    for a in 1..=areas {
        let count = (n - (a - 1) * 100).min(100);
        let dir = format!("content/{year}/linh-vuc-{a:02}");
        write(
            &format!("{dir}/_index.md"),
            format!("---\nid: \"{a}\"\ntitle: \"Lĩnh vực {a}\"\nmax: {count}\n---\n"),
        );
        for c in 1..=count {
            let mut body = String::new();
            for p in 0..paragraphs {
                body.push_str(&para.repeat(3 + (c + p) % 4));
                body.push_str("\n\n");
            }
            let unit = if c % 2 == 0 { "van-phong" } else { "thanh-tra" };
            write(
                &format!("{dir}/{a}.{c}.md"),
                format!(
                    "---\nid: \"{a}.{c}\"\ntitle: \"Tiêu chí {a}.{c} (ví dụ)\"\nmax: 1\nunit: {unit}\n\
                     evidence:\n  - title: \"Báo cáo số {c}\"\n    url: \"https://example.gov.vn/{year}/{a}-{c}.pdf\"\n---\n{body}"
                ),
            );
        }
    }
}

/// A tmpfs mounted for the test, unmounted when dropped.
pub struct Tmpfs(PathBuf);

impl Tmpfs {
    pub fn mount(dir: &Path, size: &str) -> Result<Tmpfs, String> {
        std::fs::create_dir_all(dir).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if out.status.success() {
            Ok(Tmpfs(dir.to_path_buf()))
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            // Busy: detach it now, the kernel frees it when unused.
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}
