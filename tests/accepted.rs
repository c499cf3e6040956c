//! Input that must be accepted (docs/format.md §1, §3, §5): byte order marks and
//! CRLF, decomposed Unicode, the three spellings of a score, both date
//! forms, ids in natural order.

mod common;
use common::{Site, attr_values, json_node as node, snapshot, unescape};
use unicode_normalization::{UnicodeNormalization, is_nfc};

#[test]
fn bom_and_crlf_files_build() {
    let site = Site::new("site");
    site.overlay("accepted/bom-crlf");
    assert!(
        std::fs::read(site.path("site.toml"))
            .unwrap()
            .starts_with(b"\xEF\xBB\xBF")
    );
    let run = site.build();
    run.ok();
    assert!(run.blocks().is_empty(), "{}", run.stderr);

    let page = site.out("2022/2-1/index.html");
    assert!(
        page.contains(
            "<h1><span class=\"node-id\">2.1</span> Rà soát văn bản quy phạm pháp luật</h1>"
        ),
        "{page}"
    );
    assert!(
        page.contains("<p>Dòng một của nội dung.\nDòng hai của nội dung.</p>"),
        "{page}"
    );
    assert!(
        site.out("index.html")
            .contains("<title>CCHC — Sở Thử nghiệm</title>")
    );
    for (path, bytes) in snapshot(&site.public()) {
        if path.ends_with(".html") || path.ends_with(".json") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(!text.contains('\r'), "{path} holds a CR");
            assert!(!text.contains('\u{FEFF}'), "{path} holds a BOM");
        }
    }

    // A mistake in such a file is located as in any other, and its line
    // is shown without the CR.
    site.edit("content/2022/2-the-che/2.1.md", "score: 0", "score: 2");
    let run = site.build();
    run.assert_code(1);
    let block = run.block_at("content/2022/2-the-che/2.1.md:5:8");
    assert!(block.starts_with("error[E401]: "), "{block:?}");
    assert!(block.contains("\n5 | score: 2\n"), "{block:?}");
}

#[test]
fn decomposed_text_is_normalised_to_nfc() {
    let site = Site::new("site");
    site.overlay("accepted/nfd");
    let nfd_title: String = "Kiểm tra văn bản theo thẩm quyền".nfd().collect();
    assert!(
        site.read("content/2022/2-the-che/2.2.md")
            .contains(&nfd_title)
    );
    site.build().ok();

    for (path, bytes) in snapshot(&site.public()) {
        if let Ok(text) = String::from_utf8(bytes) {
            assert!(is_nfc(&text), "{path} is not in NFC");
        }
    }
    let title = "Kiểm tra văn bản theo thẩm quyền";
    assert!(site.out("2022/2-2/index.html").contains(title));
    assert_eq!(
        node(&site.out_json("data/2022.json")["nodes"], "2.2")["title"],
        title
    );
    let news = "Thông báo kết quả Chỉ số CCHC năm 2022";
    assert!(
        site.out("tin-tuc/thong-bao-so-55/index.html")
            .contains(news)
    );
    assert!(
        site.out("tin-tuc/atom.xml")
            .contains(&format!("<title>{news}</title>"))
    );
    assert!(
        site.out("tin-tuc/thong-bao-so-55/index.html")
            .contains("<p>Sở xếp thứ 4 với 15,911 điểm; tăng sáu bậc.</p>")
    );
}

#[test]
fn a_score_written_as_a_number_or_a_string_with_point_or_comma() {
    let site = Site::new("site");
    let file = "content/2022/1-chi-dao/1.10.md";
    let mut current = "score: \"8,711\"".to_string();
    for spelling in ["8.711", "\"8.711\"", "\"8,711\"", "'8,711'", "8.7110"] {
        let next = format!("score: {spelling}");
        site.edit(file, &current, &next);
        current = next;
        site.build().ok();

        let raw = site.out("data/2022.json");
        let data: serde_json::Value = serde_json::from_str(&raw).unwrap();
        let n = node(&data["nodes"], "1.10");
        assert_eq!(n["score"].to_string(), "8.711", "{spelling}");
        assert_eq!(
            node(&data["nodes"], "1")["score"].to_string(),
            "11.911",
            "{spelling}"
        );
        assert!(raw.contains("\"score\": 8.711,"), "{spelling}");
        let page = site.out("2022/1-10/index.html");
        assert!(
            page.contains("<strong class=\"big\">8,711</strong>"),
            "{spelling}: {page}"
        );
        assert!(
            site.out("2022/1/index.html")
                .contains("<strong class=\"big\">11,911</strong>")
        );
    }
}

#[test]
fn dates_written_iso_or_day_month_year() {
    let site = Site::new("site");
    site.build().ok();
    let data = site.out_json("data/2022.json");
    // `date: 10/1/2022` and `date: 2022-12-15`
    assert_eq!(
        node(&data["nodes"], "1.2")["evidence"][0]["date"],
        "2022-01-10"
    );
    assert_eq!(
        node(&data["nodes"], "1.10")["evidence"][0]["date"],
        "2022-12-15"
    );
    let page = unescape(&site.out("2022/1-2/index.html"));
    assert!(
        page.contains("<time datetime=\"2022-01-10\">10/1/2022</time>"),
        "{page}"
    );
    let page = unescape(&site.out("2022/1-10/index.html"));
    assert!(
        page.contains("<time datetime=\"2022-12-15\">15/12/2022</time>"),
        "{page}"
    );
    // `date: 26/4/2023` on a news page
    let news = site.out("tin-tuc/de-an-cai-cach/index.html");
    assert!(
        news.contains("<time datetime=\"2023-04-26\">ngày 26 tháng 4 năm 2023</time>"),
        "{news}"
    );
    let list = unescape(&site.out("tin-tuc/index.html"));
    assert!(
        list.contains("<time class=\"muted\" datetime=\"2023-04-26\">26/4/2023</time>"),
        "{list}"
    );
    assert!(
        site.out("tin-tuc/atom.xml")
            .contains("<published>2023-04-26T00:00:00Z</published>")
    );
    // The decision's date in the long form of documents.
    assert!(
        site.out("2022/index.html")
            .contains("ngày 20 tháng 12 năm 2022")
    );
}

#[test]
fn ids_sort_naturally_in_tables_and_data() {
    let site = Site::new("site");
    site.build().ok();
    let rows = |html: &str| -> Vec<String> {
        attr_values(html, "href")
            .into_iter()
            .filter(|h| h.starts_with("/cchc/2022/") && h.len() > "/cchc/2022/".len())
            .collect()
    };
    let overview = site.out("2022/index.html");
    let table = &overview[overview.find("<table class=\"nodes\">").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert_eq!(
        rows(table),
        [
            "/cchc/2022/1/",
            "/cchc/2022/1-1/",
            "/cchc/2022/1-2/",
            "/cchc/2022/1-10/",
            "/cchc/2022/2/",
            "/cchc/2022/2-1/",
            "/cchc/2022/2-2/"
        ]
    );
    let area = site.out("2022/1/index.html");
    let table = &area[area.find("<table class=\"nodes\">").unwrap()..];
    assert_eq!(
        rows(&table[..table.find("</table>").unwrap()]),
        ["/cchc/2022/1-1/", "/cchc/2022/1-2/", "/cchc/2022/1-10/"]
    );

    let data = site.out_json("data/2022.json");
    let ids: Vec<&str> = data["nodes"][0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["1.1", "1.2", "1.10"]);
    let csv = site.out("data/2022.csv");
    let first_cells: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(first_cells, ["1", "1.1", "1.2", "1.10", "2", "2.1", "2.2"]);
}
