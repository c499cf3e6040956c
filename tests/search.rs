//! Search: the folding table shared with search.js, and what the build
//! writes for the browser (the index, the page listing everything, the
//! search box on every page). Ranking lives in search.js and is tested by
//! tests/browser/search-rank.test.mjs; the browser test is
//! tests/browser/search.test.mjs.

mod common;
use common::{attr_values, links_resolve, snapshot};
use std::collections::BTreeSet;

#[test]
fn folding_follows_the_shared_table() {
    let raw = std::fs::read_to_string(common::fixtures().join("search/fold.json")).unwrap();
    let table: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let cases = table["cases"].as_array().unwrap();
    // 12 vowels × 6 tones × 2 cases, plus words, đ/Đ and NFD input.
    assert!(cases.len() >= 144 + 30, "{}", cases.len());
    let mut failures = Vec::new();
    for c in cases {
        let input = c["in"].as_str().unwrap();
        let want = c["out"].as_str().unwrap();
        let got = kiemchung::base::vi::fold(input);
        if got != want {
            failures.push(format!("{input:?} → {got:?}, expected {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The table really has decomposed input and both cases of đ.
    assert!(
        cases
            .iter()
            .any(|c| c["in"].as_str().unwrap().contains('\u{0309}'))
    );
    assert!(
        cases
            .iter()
            .any(|c| c["in"].as_str().unwrap().contains('Đ'))
    );
    assert!(
        cases
            .iter()
            .any(|c| c["in"].as_str().unwrap().contains('đ'))
    );
}

/// The repository's site, built once per test: (folder, its files).
fn build_repo() -> (
    tempfile::TempDir,
    std::collections::BTreeMap<String, Vec<u8>>,
) {
    let (tmp, out) = common::build_repo();
    let files = snapshot(&out);
    (tmp, files)
}

fn page(files: &std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("no {path}"))
            .clone(),
    )
    .unwrap()
}

#[test]
fn the_repository_index_is_small_and_names_what_people_look_for() {
    let (_tmp, files) = build_repo();
    let raw = files.get("tim-kiem/chi-muc.json").expect("the index");
    // Downloaded before the first result: issue 5 allows 300 KB.
    assert!(raw.len() < 300_000, "index is {} bytes", raw.len());
    let index: serde_json::Value = serde_json::from_slice(raw).unwrap();
    assert_eq!(index["v"], 1);
    let items = index["items"].as_array().unwrap();
    let find = |kind: &str, title: &str| {
        items
            .iter()
            .find(|i| i[0] == kind && i[3].as_str().unwrap().starts_with(title))
            .unwrap_or_else(|| panic!("no {kind} {title:?} in the index"))
    };
    let area = find("node", "Xây dựng chính quyền điện tử, chính quyền số");
    assert_eq!(area[1], "Lĩnh vực");
    assert_eq!(area[4], 2022);
    assert_eq!(area[5], "/cchc/2022/7/");
    let notice = find("page", "Thông báo số 55/TB-SKHCN");
    assert_eq!(notice[5], "/cchc/tin-tuc/thong-bao-55-tb-skhcn-2023/");
    assert_eq!(notice[4], 2023);
    let unit = find("unit", "Trung tâm Thông tin và Ứng dụng");
    assert_eq!(unit[5], "/cchc/don-vi/trung-tam-ttud/");
    let decision = find("document", "Công bố Chỉ số");
    assert_eq!(decision[2], "3859/QĐ-UBND");
    // Snippet text is plain: no markup, entities undone.
    for i in items {
        let text = i[6].as_str().unwrap();
        assert!(
            !text.contains("<p>") && !text.contains("</") && !text.contains("&amp;"),
            "{text}"
        );
    }
    // Every entry leads to a page of the site, under the base path.
    let ids_on_documents = attr_values(&page(&files, "van-ban/index.html"), "id");
    for i in items {
        let url = i[5].as_str().unwrap();
        let rest = url
            .strip_prefix("/cchc/")
            .unwrap_or_else(|| panic!("{url}"));
        let (path, anchor) = rest.split_once('#').unwrap_or((rest, ""));
        assert!(
            files.contains_key(&format!("{path}index.html")),
            "{url} leads nowhere"
        );
        if !anchor.is_empty() {
            assert!(
                ids_on_documents.iter().any(|id| id == anchor),
                "{url}: no such row"
            );
        }
    }
}

#[test]
fn every_page_has_the_search_box_and_its_fallback_lists_everything() {
    let (_tmp, files) = build_repo();
    assert!(files.contains_key("search.js"));
    links_resolve(&files, "/cchc/");
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let header = common::between(&html, "<header", "</header>");
        assert_eq!(
            attr_values(header, "data-search-index"),
            ["/cchc/tim-kiem/chi-muc.json"],
            "{path}"
        );
        assert!(
            attr_values(header, "href").contains(&"/cchc/tim-kiem/".to_string()),
            "{path}"
        );
        assert!(header.contains("<script type=\"module\""), "{path}");
        assert!(
            attr_values(header, "src").contains(&"/cchc/search.js".to_string()),
            "{path}"
        );
    }
    // The list page links to every node page, every document row, every
    // unit and every page of a section.
    let list = page(&files, "tim-kiem/index.html");
    let links: BTreeSet<String> = attr_values(&list, "href").into_iter().collect();
    let mut expected = 0;
    for path in files.keys() {
        let Some(dir) = path.strip_suffix("index.html") else {
            continue;
        };
        let mut parts = dir.split('/');
        let first = parts.next().unwrap_or("");
        let is_node = first.len() == 4 && first.chars().all(|c| c.is_ascii_digit());
        let is_listed = is_node && !dir.ends_with("/bao-cao/") && !dir.ends_with("/in/")
            || first == "don-vi" && dir != "don-vi/"
            || first == "tin-tuc";
        if is_listed {
            expected += 1;
            assert!(
                links.contains(&format!("/cchc/{dir}")),
                "/cchc/{dir} is not listed"
            );
        }
    }
    // 3 years, 12 nodes of 2022, 7 units, the news section and its notice.
    assert!(expected >= 24, "{expected}");
    let rows = attr_values(&page(&files, "van-ban/index.html"), "id");
    let documents: Vec<&String> = rows.iter().filter(|id| id.starts_with("vb-")).collect();
    assert!(!documents.is_empty());
    for id in documents {
        assert!(
            links.contains(&format!("/cchc/van-ban/#{id}")),
            "document {id} not listed"
        );
    }
    let plain = common::text(&list);
    assert!(plain.contains("Trung tâm Thông tin và Ứng dụng"), "{plain}");
    assert!(plain.contains("3859/QĐ-UBND Công bố Chỉ số"), "{plain}");
}
