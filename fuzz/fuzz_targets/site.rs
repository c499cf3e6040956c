//! The whole pipeline on a one-file site, in memory: decode, parse, assemble,
//! check, render. The first byte picks which file the rest is (a node, a
//! year's `_index.md`, a page of a section, the home page), so every role is
//! reached; a fixed year file and a fixed site.toml complete the site.
//! Diagnostics are fine; a panic, a hang or unbounded memory is a finding.
#![no_main]

use kiemchung::check::{self, FileIndex};
use kiemchung::config;
use kiemchung::load::{self, SourceFile};
use kiemchung::markdown::MarkdownSettings;
use kiemchung::model;
use kiemchung::render;
use kiemchung::site;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::Arc;

const SITE_TOML: &str = "title = \"Fuzz\"\nbase_url = \"https://example.gov.vn/cchc/\"\n\
    [[units]]\nid = \"van-phong\"\nname = \"Văn phòng\"\n";
const YEAR: &str = "---\ntitle: Năm 2022\nmax: 10\n---\n";

fuzz_target!(|data: &[u8]| {
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
    let Ok(config) = config::parse(SITE_TOML) else {
        panic!("the fixed site.toml parses");
    };
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
            text: YEAR.into(),
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
    // No file exists on disk: evidence `file:` entries are looked up under
    // a root that is not there, and reported missing.
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
