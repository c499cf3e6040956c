//! The fuzz corpus as regression tests: every input kept in
//! `fuzz/corpus/<target>/` (and any crash input in `fuzz/artifacts/`) goes
//! through the same calls as its fuzz target (`fuzz/fuzz_targets/`), without
//! libFuzzer, so `cargo test` replays what the fuzzer found interesting.
//! Errors are expected; a panic fails the test.

use kiemchung::check::{self, FileIndex};
use kiemchung::frontmatter::{self, RawAssessment, RawNode, RawPage, RawSection};
use kiemchung::load::{self, SourceFile};
use kiemchung::markdown::MarkdownSettings;
use kiemchung::score::Score;
use kiemchung::{config, docnum, id::NodeId, model, render, site, vi};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Every file of `fuzz/corpus/<target>/` and `fuzz/artifacts/<target>/`.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_file() {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

fn replay(target: &str, min: usize, f: impl Fn(&[u8])) {
    let all = inputs(target);
    assert!(all.len() >= min, "{target}: {} inputs", all.len());
    for (path, bytes) in &all {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(bytes)));
        assert!(r.is_ok(), "{target}: {} panicked", path.display());
    }
}

#[test]
fn frontmatter_corpus() {
    replay("frontmatter", 20, |data| {
        let Ok(text) = load::decode("content/2022/1.md", data.to_vec()) else {
            return;
        };
        let file = SourceFile {
            rel: "content/2022/1.md".into(),
            text: text.into(),
        };
        let Ok(split) = frontmatter::split(&file) else {
            return;
        };
        let _ = frontmatter::parse::<RawNode>(&file, &split);
        let _ = frontmatter::parse::<RawAssessment>(&file, &split);
        let _ = frontmatter::parse::<RawSection>(&file, &split);
        let _ = frontmatter::parse::<RawPage>(&file, &split);
    });
}

#[test]
fn score_corpus() {
    replay("score", 10, |data| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        if let Ok(s) = Score::parse(text) {
            assert_eq!(Score::parse(&s.to_plain()), Ok(s));
        }
    });
}

#[test]
fn ids_corpus() {
    replay("ids", 10, |data| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        if let Ok(id) = NodeId::parse(text) {
            assert_eq!(NodeId::parse(&id.to_string()), Ok(id.clone()));
            assert!(id.slug().is_ascii());
        }
        if let Ok(d) = docnum::parse(text) {
            let _ = docnum::key(&d, None);
        }
        let slug = vi::slugify(text);
        assert!(slug.is_ascii());
        assert_eq!(vi::slugify(&slug), slug);
        let _ = vi::parse_date(text);
    });
}

#[test]
fn site_corpus() {
    let toml = "title = \"Fuzz\"\nbase_url = \"https://example.gov.vn/cchc/\"\n\
                [[units]]\nid = \"van-phong\"\nname = \"Văn phòng\"\n";
    replay("site", 10, |data| {
        let Some((&which, rest)) = data.split_first() else {
            return;
        };
        let rel = match which % 4 {
            0 => "content/2022/1.md",
            1 => "content/2022/_index.md",
            2 => "content/tin-tuc/bai-1.md",
            _ => "content/_index.md",
        };
        let Ok(text) = load::decode(rel, rest.to_vec()) else {
            return;
        };
        let config = config::parse(toml).unwrap();
        let md = MarkdownSettings {
            base_path: config.base_path.clone(),
            unsafe_html: false,
        };
        let mut files = vec![SourceFile {
            rel: rel.into(),
            text: text.into(),
        }];
        if rel != "content/2022/_index.md" {
            files.push(SourceFile {
                rel: "content/2022/_index.md".into(),
                text: "---\ntitle: Năm 2022\nmax: 10\n---\n".into(),
            });
        }
        let parsed: Vec<Arc<model::ParsedFile>> = files
            .iter()
            .map(|f| Arc::new(model::parse_file(f, &md)))
            .collect();
        let mut diags = Vec::new();
        for p in &parsed {
            diags.extend(p.diagnostics.iter().cloned());
        }
        let today = jiff::civil::date(2023, 6, 1);
        let mut site = site::assemble(config, today, false, &parsed, &[], &mut diags);
        let index = FileIndex::new(Path::new("/nonexistent-kiemchung-fuzz"), &[], &[]);
        check::check(&mut site, &index, &mut diags);
        if diags.iter().any(|d| d.is_error()) {
            return;
        }
        let site = Arc::new(site);
        let bodies: render::Bodies = parsed
            .iter()
            .map(|p| (p.rel.as_str(), p.body_html.clone()))
            .collect();
        let _ = render::render(&site, &bodies, &[], None, false, None);
    });
}
