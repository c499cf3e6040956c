//! Rebuilds with a cache (what `serve` does after each save) must give
//! exactly what a fresh build gives. Each step edits the fixture site, then
//! compares a cached rebuild with an uncached build, file by file.

mod common;

use kiemchung::output::Output;
use kiemchung::pipeline::{self, BuildOptions, Cache};
use std::collections::BTreeMap;
use std::path::Path;

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        base_url: None,
        origin: Some("http://127.0.0.1:1111".into()),
        today: jiff::civil::date(2024, 1, 1).into(),
        audience: kiemchung::model::audience::Audience::Review,
    }
}

fn bytes(out: &Output) -> BTreeMap<String, Vec<u8>> {
    out.files
        .iter()
        .map(|(k, v)| (k.clone(), v.bytes().expect("readable").into_owned()))
        .collect()
}

/// Builds with the cache and without, and asserts both outputs are equal.
fn same_as_fresh(root: &Path, cache: &Cache, step: &str) -> BTreeMap<String, Vec<u8>> {
    let cached = pipeline::build(&options(root), Some(cache))
        .unwrap_or_else(|d| panic!("{step}: cached build failed: {d:?}"));
    let fresh = pipeline::build(&options(root), None)
        .unwrap_or_else(|d| panic!("{step}: fresh build failed: {d:?}"));
    let (c, f) = (bytes(&cached.output), bytes(&fresh.output));
    assert_eq!(
        c.keys().collect::<Vec<_>>(),
        f.keys().collect::<Vec<_>>(),
        "{step}: the same files"
    );
    for (path, content) in &f {
        assert!(
            c[path] == *content,
            "{step}: {path} differs from a fresh build"
        );
    }
    assert_eq!(cached.warnings, fresh.warnings, "{step}: the same warnings");
    c
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A copy of the fixture site to edit (kept while the folder lives).
fn fixture_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    common::copy_dir(&common::fixtures().join("site"), &root);
    (tmp, root)
}

/// Overrides the built-in template `name` in the site's own theme folder
/// with a copy where `from` becomes `to`.
fn override_template(root: &Path, name: &str, from: &str, to: &str) {
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let text = std::fs::read_to_string(builtin.join(name)).unwrap();
    assert!(text.contains(from), "{name} holds {from:?}");
    let dir = root.join("themes/default/templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), text.replacen(from, to, 1)).unwrap();
}

fn page(out: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(out[path].clone()).unwrap()
}

#[test]
fn cached_rebuilds_equal_fresh_builds_through_a_series_of_edits() {
    let (_tmp, root) = fixture_site();
    let cache = Cache::default();
    let first = same_as_fresh(&root, &cache, "first build");
    assert!(page(&first, "2022/1-2/index.html").contains("Kế hoạch ban hành đúng hạn."));

    // A body: only that page changes, and the search index, which holds
    // its text.
    edit(
        &root,
        "content/2022/1-chi-dao/1.2.md",
        "Kế hoạch ban hành đúng hạn.",
        "Nội dung mới XYZ.",
    );
    let out = same_as_fresh(&root, &cache, "body edit");
    assert!(page(&out, "2022/1-2/index.html").contains("Nội dung mới XYZ."));
    let changed: Vec<&String> = out
        .keys()
        .filter(|k| first.get(*k) != out.get(*k))
        .collect();
    assert_eq!(
        changed,
        ["2022/1-2/index.html", "tim-kiem/chi-muc.json"],
        "only the edited page changed"
    );
    assert!(page(&out, "tim-kiem/chi-muc.json").contains("Nội dung mới XYZ."));

    // A self-score: the node, its parent, the year's table and the report change.
    edit(
        &root,
        "content/2022/1-chi-dao/1.2.md",
        "self_score: 1.5",
        "self_score: 1",
    );
    let out = same_as_fresh(&root, &cache, "score edit");
    assert!(page(&out, "2022/bao-cao/index.html").contains("+0,5"));

    // An error, then the fix: the cache must not keep the broken state.
    edit(
        &root,
        "content/2022/1-chi-dao/1.2.md",
        "score: 1\n",
        "socre: 1\n",
    );
    assert!(pipeline::build(&options(&root), Some(&cache)).is_err());
    edit(
        &root,
        "content/2022/1-chi-dao/1.2.md",
        "socre: 1\n",
        "score: 1\n",
    );
    same_as_fresh(&root, &cache, "after the fix");

    // A section page's body shows in the section list and the feed.
    edit(
        &root,
        "content/tin-tuc/thong-bao.md",
        "\n---\n",
        "\n---\nĐoạn mở đầu mới ABC.\n\n",
    );
    let out = same_as_fresh(&root, &cache, "news body");
    assert!(page(&out, "tin-tuc/index.html").contains("ABC"));

    // site.toml, a template override, a static file, a new and a removed page.
    edit(&root, "site.toml", "title = \"", "title = \"Mới — ");
    same_as_fresh(&root, &cache, "site.toml");
    std::fs::create_dir_all(root.join("themes/default/templates")).unwrap();
    std::fs::write(
        root.join("themes/default/templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Không thấy QWE</h1>{% endblock %}",
    )
    .unwrap();
    let out = same_as_fresh(&root, &cache, "template override");
    assert!(page(&out, "404.html").contains("QWE"));
    std::fs::write(root.join("static/moi.txt"), "x").unwrap();
    same_as_fresh(&root, &cache, "static file");
    std::fs::write(
        root.join("content/hoi-dap/cau-moi.md"),
        "---\ntitle: \"Câu hỏi mới\"\ndate: 2023-05-01\n---\nTrả lời.\n",
    )
    .unwrap();
    let out = same_as_fresh(&root, &cache, "new page");
    assert!(out.contains_key("hoi-dap/cau-moi/index.html"));
    std::fs::remove_file(root.join("content/hoi-dap/cau-moi.md")).unwrap();
    let out = same_as_fresh(&root, &cache, "removed page");
    assert!(!out.contains_key("hoi-dap/cau-moi/index.html"));
}

/// In `serve` a page the previous build cannot give is made on request. One
/// made late, after a newer build began, must not be kept for a later
/// rebuild; one made in time is kept, and a rebuild after a body edit serves
/// it again unchanged.
#[test]
fn pages_made_on_request_are_kept_only_for_their_own_build() {
    use kiemchung::output::Content;
    let (_tmp, root) = fixture_site();
    let cache = Cache::default();
    let year = "2022/index.html";
    let old = pipeline::build(&options(&root), Some(&cache)).unwrap();
    assert!(
        matches!(old.output.files[year], Content::Lazy(_)),
        "made on request"
    );
    // A score changes the year's table; the page of the build before is
    // only asked for afterwards.
    edit(
        &root,
        "content/2022/1-chi-dao/1.2.md",
        "self_score: 1.5",
        "self_score: 1",
    );
    pipeline::build(&options(&root), Some(&cache)).unwrap();
    let stale = old.output.files[year].bytes().unwrap().into_owned();
    // Then only a body changes: the year's table is what a fresh build makes,
    // not the page made late from the model before the score edit.
    edit(
        &root,
        "content/2022/1-chi-dao/1.2.md",
        "Kế hoạch ban hành đúng hạn.",
        "Nội dung mới XYZ.",
    );
    let out = same_as_fresh(&root, &cache, "body edit after a late request");
    assert_ne!(out[year], stale, "the score edit shows");
    // This time the page was made (by `same_as_fresh`) before the next build:
    // a body edit reuses it as it is.
    edit(
        &root,
        "content/2022/1-chi-dao/1.2.md",
        "Nội dung mới XYZ.",
        "Nội dung mới ZYX.",
    );
    let again = pipeline::build(&options(&root), Some(&cache)).unwrap();
    let kind = |path: &str| match again.output.files[path] {
        Content::Bytes(_) => "kept",
        Content::Lazy(_) => "on request",
        _ => "other",
    };
    assert_eq!(kind(year), "kept", "kept from the request before");
    assert_eq!(
        kind("2022/1-2/index.html"),
        "on request",
        "its body changed"
    );
    assert_eq!(kind("2022/2-1/index.html"), "kept", "nothing of it changed");
    same_as_fresh(&root, &cache, "second body edit");

    // A front matter edit: a page whose context is as before is kept,
    // without being rendered again; the edited one is made on request.
    edit(
        &root,
        "content/2022/1-chi-dao/1.2.md",
        "self_score: 1",
        "self_score: 1.5",
    );
    let scored = pipeline::build(&options(&root), Some(&cache)).unwrap();
    let kind = |path: &str| matches!(scored.output.files[path], Content::Bytes(_));
    assert!(kind("2022/2-1/index.html"), "another area's page is kept");
    assert!(
        !kind("2022/1-2/index.html"),
        "the edited page is made again"
    );
    same_as_fresh(&root, &cache, "score edit back");

    // A theme edit: every page is made again, on request, with the model
    // and the warnings of the build before (the model does not depend on
    // the templates).
    override_template(
        &root,
        "node.html",
        "<article class=\"node\">",
        "<article class=\"node\" data-moi>",
    );
    let themed = pipeline::build(&options(&root), Some(&cache)).unwrap();
    assert!(
        themed
            .output
            .files
            .iter()
            .filter(|(p, _)| p.ends_with(".html"))
            .all(|(_, c)| matches!(c, Content::Lazy(_))),
        "no page rendered before it is asked for"
    );
    let out = same_as_fresh(&root, &cache, "theme edit");
    assert!(page(&out, "2022/2-1/index.html").contains("data-moi"));
}

/// A template error that only shows while rendering a page: `build` fails
/// with it; `serve` serves the rest of the site and shows the error on that
/// page when it is opened.
#[test]
fn a_page_made_on_request_shows_its_template_error() {
    let (_tmp, root) = fixture_site();
    std::fs::create_dir_all(root.join("themes/default/templates")).unwrap();
    std::fs::write(
        root.join("themes/default/templates/report.html"),
        "{% extends \"base.html\" %}{% block content %}{{ khong_co }}{% endblock %}",
    )
    .unwrap();
    std::fs::write(
        root.join("themes/default/templates/search.html"),
        "{% extends \"base.html\" %}{% block content %}{{ chua_tim }}{% endblock %}",
    )
    .unwrap();
    // Only the criterion pages with evidence break.
    override_template(
        &root,
        "node.html",
        "{% if node.evidence %}",
        "{% if node.evidence %}{{ chua_co }}",
    );
    let e = pipeline::build(&options(&root), None)
        .err()
        .expect("build fails");
    assert!(
        e.iter().any(|d| d.message.en().contains("khong_co")),
        "{e:?}"
    );
    assert!(
        e.iter().any(|d| d.message.en().contains("chua_co")),
        "{e:?}"
    );
    let cache = Cache::default();
    let built = pipeline::build(&options(&root), Some(&cache)).expect("serve builds");
    let out = bytes(&built.output);
    assert!(page(&out, "2022/index.html").contains("2022"));
    let no_evidence = page(&out, "2022/2-1/index.html");
    assert!(!no_evidence.contains("Lỗi mẫu trang"), "{no_evidence}");
    let node = page(&out, "2022/1-2/index.html");
    assert!(
        node.contains("Lỗi mẫu trang") && node.contains("chua_co") && node.contains("node.html"),
        "{node}"
    );
    let report = page(&out, "2022/bao-cao/index.html");
    assert!(report.contains("Lỗi mẫu trang"), "{report}");
    // The search list page shows its error the same way.
    let search = page(&out, "tim-kiem/index.html");
    assert!(
        search.contains("Lỗi mẫu trang")
            && search.contains("chua_tim")
            && search.contains("search.html"),
        "{search}"
    );
    assert!(
        report.contains("khong_co") && report.contains("report.html"),
        "{report}"
    );
}
