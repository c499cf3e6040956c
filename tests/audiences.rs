//! One content tree, two sites (docs/format.md, "Audiences"): the public
//! site `build` writes shows no warning, no source path, no checklist and
//! nothing marked internal, in any byte of any file; the review site
//! (`build --review`, `serve`) shows all of it, with a banner on every page.

mod common;
use common::{Site, TODAY, snapshot};
use std::collections::BTreeMap;
use std::io::Read;

/// Placed in every internal place of the `audiences` fixture.
const MARKER: &str = "NOIBO7F3A";
/// What every page of the review site says.
const BANNER: &str = "Bản xem trước nội bộ — không công bố";

/// Every file of an output as text, the workbooks' XML unzipped.
fn texts(files: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, bytes) in files {
        if path.ends_with(".xlsx") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..zip.len() {
                let mut entry = zip.by_index(i).unwrap();
                let mut text = String::new();
                entry.read_to_string(&mut text).unwrap();
                let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
                out.push((format!("{path}!{name}"), text));
            }
        } else {
            out.push((path.clone(), String::from_utf8_lossy(bytes).into_owned()));
        }
    }
    out
}

fn fixture() -> Site {
    let site = Site::new("site");
    site.overlay("audiences");
    site
}

fn public(site: &Site) -> BTreeMap<String, Vec<u8>> {
    site.build().ok();
    snapshot(&site.public())
}

fn review(site: &Site) -> BTreeMap<String, Vec<u8>> {
    site.run(&["build", "--today", TODAY, "--review"]).ok();
    snapshot(&site.path("review"))
}

/// Nothing of `needle` in any file.
fn absent(files: &BTreeMap<String, Vec<u8>>, needles: &[&str]) {
    for (path, text) in texts(files) {
        for n in needles {
            assert!(!text.contains(n), "{n:?} is in the public {path}");
        }
    }
}

#[test]
fn nothing_internal_reaches_any_public_byte() {
    let site = fixture();
    let files = public(&site);
    // The data, the workbook, the search index, the feed and the sitemap
    // are all there to be searched.
    for f in [
        "data/2022.json",
        "data/2022.csv",
        "data/2022.xlsx",
        "tim-kiem/chi-muc.json",
        "tin-tuc/atom.xml",
        "sitemap.xml",
    ] {
        assert!(files.contains_key(f), "{f}");
    }
    absent(&files, &[MARKER, &MARKER.to_lowercase()]);
    // The internal year, page, criterion and evidence file have no file.
    for f in [
        "2024/index.html",
        "data/2024.json",
        "tin-tuc/noi-bo/index.html",
        "2022/2-3/index.html",
        "2022/2-3-1/index.html",
        "2022/1-1/bien-ban-noibo7f3a.pdf",
    ] {
        assert!(!files.contains_key(f), "{f} is published");
    }
}

#[test]
fn the_review_site_shows_what_is_internal_marked() {
    let site = fixture();
    let files = review(&site);
    let page = |p: &str| String::from_utf8(files[p].clone()).unwrap();
    let node = page("2022/1-1/index.html");
    assert!(node.contains(
        "<div class=\"noi-bo\" role=\"note\"><p class=\"noi-bo-nhan\">Nội bộ — không công bố</p>"
    ));
    assert!(node.contains("Ghi chú cho người rà soát: NOIBO7F3A"));
    assert!(node.contains(
        "Biên bản họp nội bộ NOIBO7F3A (ví dụ) <span class=\"badge internal\">Nội bộ</span>"
    ));
    let task = common::between(&node, "Việc nội bộ NOIBO7F3A (ví dụ)", "</td>");
    assert!(
        task.contains("<span class=\"badge internal\">Nội bộ</span>"),
        "{task}"
    );
    assert!(files.contains_key("2022/1-1/bien-ban-noibo7f3a.pdf"));
    assert!(page("2022/2-3/index.html").contains("<span class=\"badge internal\">Nội bộ</span>"));
    // Under an internal criterion, internal too.
    assert!(page("2022/2-3-1/index.html").contains("<span class=\"badge internal\">Nội bộ</span>"));
    assert!(page("tin-tuc/noi-bo/index.html").contains("Nội dung bài nội bộ NOIBO7F3A"));
    assert!(page("2024/index.html").contains("Chuẩn bị hồ sơ NOIBO7F3A"));
    // A banner on every page, no search engine, no sitemap.
    for (path, text) in common::html_pages(&files) {
        assert!(text.contains(BANNER), "no banner on {path}");
        assert!(
            text.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"),
            "{path}"
        );
    }
    assert!(!files.contains_key("sitemap.xml"));
    // The source of each criterion's page.
    assert!(node.contains("Tệp nguồn: <code>content&#x2f;2022&#x2f;1-chi-dao&#x2f;1.1.md</code>"));
}

#[test]
fn an_internal_criterion_still_counts_and_shows_only_its_figures() {
    let site = fixture();
    let files = public(&site);
    let json: serde_json::Value = serde_json::from_slice(&files["data/2022.json"]).unwrap();
    // The total is the published one, the internal criterion's point in it.
    assert_eq!(json["score"], serde_json::json!(15.911));
    let area2 = &json["nodes"][1];
    let internal = &area2["children"][2];
    assert_eq!(
        (&internal["id"], &internal["score"]),
        (&serde_json::json!("2.3"), &serde_json::json!(1))
    );
    assert_eq!(internal["evidence"], serde_json::json!([]));
    assert_eq!(internal["explanation"], serde_json::Value::Null);
    // In the year's table: its row and figures, no link to a page.
    let year = String::from_utf8(files["2022/index.html"].clone()).unwrap();
    assert!(
        year.contains("<th scope=\"row\">Tiêu chí nội bộ (ví dụ)</th>"),
        "{year}"
    );
    assert!(!year.contains("/cchc/2022/2-3/"));
    // The public evidence of a criterion stays; the task addressed to a
    // group says whom.
    let node = String::from_utf8(files["2022/1-1/index.html"].clone()).unwrap();
    assert!(node.contains("Kết xuất phần mềm theo dõi nhiệm vụ"));
    assert!(node.contains("Phần công khai tiếp theo."));
    let report = String::from_utf8(files["2022/bao-cao/index.html"].clone()).unwrap();
    assert!(report.contains("Thủ trưởng các phòng, đơn vị (ví dụ)"));
}

#[test]
fn the_public_site_shows_no_check_result_and_no_source() {
    let site = Site::new("reviewers");
    let files = public(&site);
    for (path, text) in common::html_pages(&files) {
        for needle in [
            BANNER,
            "Cảnh báo",
            "has-warning",
            "Tệp nguồn",
            "content/",
            "Việc cần làm",
            "<dt>Có điểm nhưng chưa có tài liệu kiểm chứng</dt>",
            "Có điểm nhưng không có tài liệu kiểm chứng</h2>",
            "Điểm thay đổi khi thẩm định",
            "Được dẫn với",
        ] {
            assert!(!text.contains(needle), "{needle:?} in the public {path}");
        }
    }
    assert!(!files.contains_key("viec-can-lam/index.html"));
    // The same content gives the review site its checklists.
    let review = review(&site);
    let todo = String::from_utf8(review["viec-can-lam/index.html"].clone()).unwrap();
    // In the site's language, Vietnamese.
    assert!(
        todo.contains("có điểm 5 nhưng không có tài liệu kiểm chứng và không có giải trình"),
        "{todo}"
    );
    assert!(
        todo.contains("Cách sửa: bổ sung tài liệu kiểm chứng vào `evidence:`"),
        "{todo}"
    );
    // Grouped by unit, then by file.
    let unit = common::between(&todo, "Dương Liễu (giả)</a>", "</section>\n</section>");
    assert!(
        unit.contains("<code>content&#x2f;2022&#x2f;2-the-che&#x2f;2.1.md</code>"),
        "{unit}"
    );
}

#[test]
fn the_repository_publishes_nothing_internal() {
    // The repository's own site, with the marker added to every internal
    // block of its content.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["site.toml", "content", "static", "themes"] {
        let from = repo.join(part);
        if from.is_dir() {
            common::copy_dir(&from, &root.join(part));
        } else if from.is_file() {
            std::fs::create_dir_all(&root).unwrap();
            std::fs::copy(&from, root.join(part)).unwrap();
        }
    }
    let mut marked = 0;
    for (rel, _) in snapshot(&root.join("content")) {
        let p = root.join("content").join(&rel);
        let text = std::fs::read_to_string(&p).unwrap();
        if text.contains("::: noi-bo") {
            marked += text.matches("::: noi-bo").count();
            std::fs::write(
                &p,
                text.replace("::: noi-bo\n", &format!("::: noi-bo\n{MARKER}\n")),
            )
            .unwrap();
        }
    }
    assert!(
        marked >= 5,
        "the repository's content marks its notes ({marked})"
    );
    let out = tmp.path().join("public");
    common::run_in(
        tmp.path(),
        &[
            "build",
            "--today",
            TODAY,
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
    )
    .ok();
    let files = snapshot(&out);
    absent(
        &files,
        &[
            MARKER,
            BANNER,
            "Tệp nguồn",
            "Cần đối chiếu",
            "kiemchung new",
        ],
    );
    for (path, text) in common::html_pages(&files) {
        assert!(!text.contains("Cảnh báo"), "a warning on {path}");
    }
    let review_out = tmp.path().join("review");
    common::run_in(
        tmp.path(),
        &[
            "build",
            "--today",
            TODAY,
            "--review",
            "--root",
            root.to_str().unwrap(),
            "--output",
            review_out.to_str().unwrap(),
        ],
    )
    .ok();
    let review = snapshot(&review_out);
    for (path, text) in common::html_pages(&review) {
        assert!(text.contains(BANNER), "no banner on {path}");
    }
    assert!(texts(&review).iter().any(|(_, t)| t.contains(MARKER)));
}

#[test]
fn an_unclosed_internal_block_is_an_error_at_its_line() {
    let site = Site::new("site");
    site.edit(
        "content/2022/2-the-che/2.1.md",
        "Không có tài liệu",
        "::: noi-bo\nKhông có tài liệu",
    );
    let run = site.build();
    run.assert_code(1);
    let b = run.block_at("content/2022/2-the-che/2.1.md:9:1");
    assert!(b.starts_with("error[E210]: "), "{b}");
    assert!(b.contains("never closed"), "{b}");
}

#[test]
fn internal_evidence_in_static_is_refused() {
    let site = Site::new("site");
    site.edit(
        "content/2022/1-chi-dao/1.2.md",
        "    file: /files/huong-dan.txt",
        "    file: /files/huong-dan.txt\n    internal: true",
    );
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("error[E509]: internal evidence file /files/huong-dan.txt is in static/, which is published as it is"),
        "{}",
        run.stderr
    );
}
