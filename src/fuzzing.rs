//! The fuzz targets' bodies (`fuzz/fuzz_targets/`), here so that the fuzzer
//! and `tests/fuzz_corpus.rs`, which replays the kept corpus in `cargo test`,
//! run the very same calls. Errors are fine; a panic, a hang or unbounded
//! memory is a finding. Not part of the tool's interface.

use crate::base::score::Score;
use crate::base::{docnum, id::NodeId, vi};
use crate::check::{self, FileIndex};
use crate::load::config;
use crate::load::{self, SourceFile};
use crate::model::file as model;
use crate::model::frontmatter::{self, RawAssessment, RawNode, RawPage, RawSection};
use crate::model::markdown::MarkdownSettings;
use crate::render;
use std::path::Path;
use std::sync::Arc;

const SITE_TOML: &str = "title = \"Fuzz\"\nbase_url = \"https://example.gov.vn/cchc/\"\n\
    [[units]]\nid = \"van-phong\"\nname = \"Văn phòng\"\n";
const YEAR: &str = "---\ntitle: Năm 2022\nmax: 10\n---\n";

/// Front matter: decode the bytes as load does, split the block from the
/// body, and deserialize it into every raw shape a file can have.
pub fn frontmatter(data: &[u8]) {
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
    assert!(split.body_line >= 3);
    let _ = frontmatter::parse::<RawNode>(&file, &split);
    let _ = frontmatter::parse::<RawAssessment>(&file, &split);
    let _ = frontmatter::parse::<RawSection>(&file, &split);
    let _ = frontmatter::parse::<RawPage>(&file, &split);
}

/// The decimal parser: what parses prints back to itself, and sums stay exact.
pub fn score(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(s) = Score::parse(text) else {
        return;
    };
    assert!(s.milli() >= 0);
    let again = Score::parse(&s.to_plain()).expect("to_plain parses back");
    assert_eq!(again, s);
    let vi = s.to_vi();
    assert!(!vi.is_empty());
    // Sums of a few thousand parsed scores must stay exact.
    let sum: Score = std::iter::repeat_n(s, 1000).sum();
    assert_eq!(sum.milli(), s.milli() * 1000);
    let _ = s.mul_ratio(7, 9);
}

/// Node ids, document numbers, slugs and dates.
pub fn ids(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(id) = NodeId::parse(text) {
        let again = NodeId::parse(&id.to_string()).expect("an id prints back to itself");
        assert_eq!(again, id);
        assert_eq!(id.cmp(&again), std::cmp::Ordering::Equal);
        let slug = id.slug();
        assert!(slug.is_ascii(), "{slug}");
        if let Some(parent) = id.parent() {
            assert!(parent < id);
        }
    }
    if let Ok(d) = docnum::parse(text) {
        let _ = docnum::key(&d, None);
    }
    let slug = vi::slugify(text);
    assert!(slug.is_ascii(), "{slug}");
    assert_eq!(vi::slugify(&slug), slug, "slugify is idempotent");
    let _ = vi::parse_date(text);
}

/// The whole pipeline on a one-file site, in memory: decode, parse, assemble,
/// check, render. The first byte picks which file the rest is (a node, a
/// year's `_index.md`, a page of a section, the home page), so every role is
/// reached; a fixed year file and a fixed site.toml complete the site.
pub fn site(data: &[u8]) {
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
        review: true,
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
        .map(|f| Arc::new(crate::model::parse::parse_file(f, &md)))
        .collect();
    let mut diags = Vec::new();
    for p in &parsed {
        diags.extend(p.diagnostics.iter().cloned());
    }
    let today = jiff::civil::date(2023, 6, 1);
    let mut site = crate::model::assemble::assemble(
        config,
        today,
        crate::model::audience::Audience::Public,
        &parsed,
        &[],
        &mut diags,
    );
    // No file exists on disk: evidence `file:` entries are looked up under
    // a root that is not there, and reported missing.
    let index = FileIndex::new(Path::new("/nonexistent-kiemchung-fuzz"), &[], &[]);
    crate::model::scores::compute(&mut site, &mut diags);
    check::check(&mut site, &index, &mut diags);
    if diags.iter().any(|d| d.is_error()) {
        return;
    }
    let site = Arc::new(site);
    // Bodies as `build` holds them: packed, and unpacked by the render.
    let bodies: render::Bodies = parsed
        .iter()
        .map(|p| {
            let packed = p.body_html.clone().packed();
            assert_eq!(
                packed.html(),
                p.body_html.html(),
                "a body packs and unpacks"
            );
            (p.rel.clone(), packed)
        })
        .collect();
    let Ok(templates) = render::env::Templates::new(&site, &[]) else {
        return;
    };
    let bodies = Arc::new(bodies);
    let _ = render::render(
        &site,
        &bodies,
        &templates,
        &Arc::from(Vec::new()),
        render::Mode::Memory,
    );
    let cx = crate::exports::ExportContext {
        listed: render::listed_paths(&site),
        site,
        bodies,
        templates,
    };
    let _ = crate::exports::make(Arc::new(cx), &render::Mode::Memory);
}
