//! The floor of a static site build, for `bench/run.sh`: for every `.md`
//! file under `ROOT/content`, read it, split off its YAML front matter,
//! parse the YAML, render the Markdown body with pulldown-cmark and write
//! it as a pretty-URL file (`2025/1-1-1/index.html`) under OUT. Nothing
//! else: no checks, no templates, no list pages, no data files.
//!
//!     kiemchung-floor ROOT OUT
//!
//! Files are processed in parallel (rayon; `RAYON_NUM_THREADS=1` for one
//! thread), as kiemchung does. Pages are written over what OUT already
//! holds, as Hugo does: removing a previous output is not the floor's work
//! (until round 6 it removed OUT first, which cost it 15-25 % more time at
//! 10,000 pages and flattered the ratio to it; BENCHMARKS.md).

use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, out] = args.as_slice() else {
        eprintln!("usage: kiemchung-floor ROOT OUT");
        std::process::exit(2);
    };
    let content = Path::new(root).join("content");
    let out = PathBuf::from(out);
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let written: usize = files
        .par_iter()
        .map(|path| page(&content, path, &out))
        .sum();
    println!("{written} pages");
}

/// `content/2025/linh-vuc-01/1.1/1.1.1.md` → `2025/1-1-1/index.html`;
/// `content/2025/_index.md` → `2025/index.html`.
fn out_path(content: &Path, path: &Path) -> PathBuf {
    let rel = path.strip_prefix(content).unwrap_or(path);
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut p = PathBuf::from(first);
    if stem != "_index" && rel.components().count() > 1 {
        p.push(stem.replace('.', "-"));
    }
    p.join("index.html")
}

fn page(content: &Path, path: &Path, out: &Path) -> usize {
    let text = std::fs::read_to_string(path).expect("read");
    let (yaml, body) = split(&text);
    let fm: serde_json::Value = if yaml.is_empty() {
        serde_json::Value::Null
    } else {
        serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let title = fm.get("title").and_then(|t| t.as_str()).unwrap_or("");
    let mut html = String::with_capacity(body.len() * 3 / 2 + 256);
    html.push_str("<!doctype html><meta charset=utf-8><title>");
    for c in title.chars() {
        match c {
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '&' => html.push_str("&amp;"),
            '"' => html.push_str("&quot;"),
            c => html.push(c),
        }
    }
    html.push_str("</title>\n");
    let parser = pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::all());
    pulldown_cmark::html::push_html(&mut html, parser);
    let dest = out.join(out_path(content, path));
    std::fs::create_dir_all(dest.parent().expect("parent")).expect("create folder");
    std::fs::write(&dest, html).expect("write");
    1
}

/// Front matter between a first line `---` and the next line `---`.
fn split(text: &str) -> (&str, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return ("", text);
    };
    match rest.find("\n---\n") {
        Some(i) => (&rest[..i + 1], &rest[i + 5..]),
        None => ("", text),
    }
}
