//! What `build` writes (docs/format.md §7, §8) and how the command line behaves
//! (§9), on the good fixture site.

mod common;
use common::{
    Site, TODAY, attr_values, html_pages, links_resolve, run_in, snapshot, tags, unescape,
};

fn built() -> Site {
    let site = Site::new("site");
    let run = site.build();
    run.ok();
    assert!(run.stdout.starts_with("Built 22 pages"), "{}", run.stdout);
    site
}

#[test]
fn every_page_has_a_pretty_lowercase_ascii_url() {
    let site = built();
    let files = snapshot(&site.public());
    let pages: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert_eq!(
        pages,
        [
            "2022/1-1/index.html",
            "2022/1-10/index.html",
            "2022/1-2/index.html",
            "2022/1/index.html",
            "2022/2-1/index.html",
            "2022/2-2/index.html",
            "2022/2/index.html",
            // the gap report and its print view
            "2022/bao-cao/index.html",
            "2022/in/index.html",
            "2022/index.html",
            "404.html",
            "don-vi/index.html",
            "don-vi/thanh-tra/index.html",
            "don-vi/van-phong/index.html",
            "hoi-dap/index.html",
            "hoi-dap/nop-ho-so/index.html",
            "index.html",
            // the search page: everything listed, for browsers without JavaScript
            "tim-kiem/index.html",
            // content/tin-tuc/Đề-án-cải-cách.md: its file name as a slug
            "tin-tuc/de-an-cai-cach/index.html",
            "tin-tuc/index.html",
            // content/tin-tuc/thong-bao.md with `slug: "thong-bao-so-55"`
            "tin-tuc/thong-bao-so-55/index.html",
            // the documents index
            "van-ban/index.html",
        ]
    );
    for p in files.keys() {
        assert!(
            p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-./_".contains(&b)),
            "{p} is not a lowercase ASCII path"
        );
    }
    assert!(
        site.out("2022/1-2/index.html")
            .contains("1.2</span> Ban hành kế hoạch CCHC năm</h1>")
    );
    assert!(
        site.out("tin-tuc/de-an-cai-cach/index.html")
            .contains("Đề án cải cách hành chính giai đoạn 2021-2025")
    );
}

/// Every number of a JSON document, as written.
fn numbers(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Number(n) => out.push(n.to_string()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| numbers(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| numbers(x, out)),
        _ => {}
    }
}

#[test]
fn data_json_holds_the_computed_tree_with_exact_numbers() {
    let site = built();
    let raw = site.out("data/2022.json");
    let d: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(d["year"], 2022);
    let n = |v: &serde_json::Value| v.to_string();
    assert_eq!(n(&d["max"]), "20");
    assert_eq!(n(&d["score"]), "15.911");
    assert_eq!(n(&d["total"]), "15.911");
    assert_eq!(n(&d["lost"]), "3.089");
    assert_eq!((n(&d["rank"]), n(&d["ranked"])), ("4".into(), "21".into()));
    assert_eq!(d["decision"]["number"], "3859/QĐ-UBND");
    assert_eq!(d["build_date"], TODAY);

    let area1 = &d["nodes"][0];
    assert_eq!(
        (area1["id"].as_str(), area1["label"].as_str()),
        (Some("1"), Some("i"))
    );
    assert_eq!(
        (n(&area1["max"]), n(&area1["score"]), n(&area1["lost"])),
        ("13.5".into(), "11.911".into(), "1.589".into())
    );
    let c11 = &area1["children"][0];
    assert_eq!(
        (n(&c11["score"]), n(&c11["self_score"]), n(&c11["lost"])),
        ("1.7".into(), "2".into(), "0.3".into())
    );
    assert_eq!(c11["ratio"], serde_json::json!([34, 40]));
    assert_eq!(c11["unit"], "van-phong");
    assert_eq!(c11["url"], "/cchc/2022/1-1/");
    let c12 = &area1["children"][1];
    assert_eq!(c12["evidence"][0]["number"], "15/KH-SKHCN");
    assert_eq!(c12["evidence"][0]["href"], "/cchc/2022/1-2/kh-15.pdf");
    assert_eq!(c12["evidence"][1]["href"], "/cchc/files/huong-dan.txt");
    // The source file is the reviewers' (`build --review`), not the public's.
    assert_eq!(c12["source"], serde_json::Value::Null);
    assert_eq!(c12["warnings"], serde_json::json!([]));

    let area2 = &d["nodes"][1];
    assert_eq!(n(&area2["score"]), "4");
    assert_eq!(n(&area2["not_itemised"]), "4.5");
    // 6.5 minus 2.2 (1), which does not apply
    assert_eq!(n(&area2["applicable_max"]), "5.5");
    let c22 = &area2["children"][1];
    assert_eq!(c22["applicable"], false);
    assert!(c22["score"].is_null());
    assert_eq!(
        area2["children"][0]["explanation"],
        "Không có báo cáo rà soát nên không có cơ sở đánh giá."
    );

    // No binary floating point: every number has at most three decimals.
    let mut all = Vec::new();
    numbers(&d, &mut all);
    for x in &all {
        let decimals = x.split_once('.').map_or(0, |(_, f)| f.len());
        assert!(decimals <= 3 && !x.contains('e'), "{x} in data/2022.json");
    }
    assert!(raw.contains("\"score\": 15.911,"));
}

#[test]
fn data_csv_has_a_byte_order_mark_and_one_row_per_node() {
    let site = built();
    let bytes = std::fs::read(site.public().join("data/2022.csv")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFma_so,"),
        "{:?}",
        &bytes[..10]
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let rows: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(rows.len(), 1 + 7);
    assert!(
        rows[4].starts_with("1.10,,Báo cáo định kỳ,10,,8.711,1.289,có,Văn phòng Sở,1,"),
        "{}",
        rows[4]
    );
    assert!(
        rows[7].starts_with("2.2,,Kiểm tra văn bản theo thẩm quyền,1,,,,không,"),
        "{}",
        rows[7]
    );
}

#[test]
fn sitemap_404_and_feeds() {
    let site = built();
    let sitemap = site.out("sitemap.xml");
    let locs: Vec<&str> = sitemap
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<url><loc>"))
        .map(|l| l.trim_end_matches("</loc></url>"))
        .collect();
    assert_eq!(locs.len(), 19, "{sitemap}");
    assert!(locs.contains(&"https://example.gov.vn/cchc/2022/bao-cao/"));
    assert!(locs.contains(&"https://example.gov.vn/cchc/van-ban/"));
    // the print view repeats the report
    assert!(!locs.contains(&"https://example.gov.vn/cchc/2022/in/"));
    assert!(locs.contains(&"https://example.gov.vn/cchc/"));
    assert!(locs.contains(&"https://example.gov.vn/cchc/2022/1-10/"));
    assert!(locs.contains(&"https://example.gov.vn/cchc/tin-tuc/de-an-cai-cach/"));
    assert!(!sitemap.contains("404") && !sitemap.contains("ban-nhap"));

    let not_found = site.out("404.html");
    assert!(
        not_found.contains("<title>Không tìm thấy trang"),
        "{not_found}"
    );
    assert!(attr_values(&not_found, "href").contains(&"/cchc/".to_string()));

    // tin-tuc has `feed: true`, hoi-dap has not.
    let feed = site.out("tin-tuc/atom.xml");
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
    ));
    assert_eq!(feed.matches("<entry>").count(), 2, "{feed}");
    assert!(feed.contains("<id>https://example.gov.vn/cchc/tin-tuc/thong-bao-so-55/</id>"));
    assert!(feed.contains("<updated>2023-04-26T00:00:00Z</updated>"));
    assert!(!feed.contains("Bản nháp"));
    assert!(!site.public().join("hoi-dap/atom.xml").exists());
    let list = site.out("tin-tuc/index.html");
    assert!(attr_values(&list, "href").contains(&"/cchc/tin-tuc/atom.xml".to_string()));
}

#[test]
fn drafts_are_left_out_of_build() {
    let site = built();
    assert!(!site.public().join("tin-tuc/ban-nhap").exists());
    for (path, text) in html_pages(&snapshot(&site.public())) {
        assert!(
            !text.contains("Bản nháp chưa đăng"),
            "the draft shows in {path}"
        );
    }
    // The review site shows them, marked: `build --review` writes it.
    site.run(&["build", "--today", TODAY, "--review"]).ok();
    let review = std::fs::read_to_string(site.path("review/tin-tuc/ban-nhap/index.html")).unwrap();
    assert!(review.contains("Bản nháp chưa đăng") && review.contains("Bản nháp"));
}

#[test]
fn evidence_files_are_copied_next_to_their_node() {
    let site = built();
    let files = snapshot(&site.public());
    let source = |rel: &str| std::fs::read(site.path(rel)).unwrap();
    assert_eq!(
        files["2022/1-2/kh-15.pdf"],
        source("content/2022/1-chi-dao/kh-15.pdf")
    );
    // `file: ../tai-lieu/bc-120.pdf` lands beside 1.10's page under its own name.
    assert_eq!(
        files["2022/1-10/bc-120.pdf"],
        source("content/2022/tai-lieu/bc-120.pdf")
    );
    assert_eq!(
        files["files/huong-dan.txt"],
        source("static/files/huong-dan.txt")
    );
    let year_files: Vec<&String> = files
        .keys()
        .filter(|p| p.starts_with("2022/") && !p.ends_with(".html"))
        .collect();
    assert_eq!(year_files, ["2022/1-10/bc-120.pdf", "2022/1-2/kh-15.pdf"]);
    let page = site.out("2022/1-2/index.html");
    let hrefs = attr_values(&page, "href");
    assert!(
        hrefs.contains(&"/cchc/2022/1-2/kh-15.pdf".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"/cchc/files/huong-dan.txt".to_string()),
        "{hrefs:?}"
    );
    let page = site.out("2022/1-1/index.html");
    assert!(
        attr_values(&page, "href").contains(&"https://example.gov.vn/theo-doi/2022".to_string())
    );
}

#[test]
fn internal_links_carry_the_base_path_and_resolve() {
    let site = built();
    let files = snapshot(&site.public());
    assert!(links_resolve(&files, "/cchc/") > 200);
    // Links written in Markdown as /2022/… get the base path too.
    let news = site.out("tin-tuc/de-an-cai-cach/index.html");
    assert!(
        news.contains("<a href=\"/cchc/2022/1-2/\">nhiệm vụ 1.2</a>"),
        "{news}"
    );
}

#[test]
fn base_url_option_replaces_site_toml_for_one_build() {
    let site = built();
    let toml = site.read("site.toml");
    site.run(&[
        "build",
        "--today",
        TODAY,
        "--base-url",
        "https://staging.example.vn/thu-nghiem",
    ])
    .ok();
    assert_eq!(site.read("site.toml"), toml);
    let files = snapshot(&site.public());
    assert!(links_resolve(&files, "/thu-nghiem/") > 200);
    let sitemap = site.out("sitemap.xml");
    assert!(sitemap.contains("<loc>https://staging.example.vn/thu-nghiem/2022/1-2/</loc>"));
    assert!(!sitemap.contains("example.gov.vn"));
    assert!(
        site.out("tin-tuc/atom.xml")
            .contains("href=\"https://staging.example.vn/thu-nghiem/tin-tuc/\"")
    );
    assert_eq!(
        site.out_json("data/2022.json")["nodes"][0]["url"],
        "/thu-nghiem/2022/1/"
    );
    let news = site.out("tin-tuc/de-an-cai-cach/index.html");
    assert!(
        news.contains("<a href=\"/thu-nghiem/2022/1-2/\">"),
        "{news}"
    );
    // At the root of a host.
    site.run(&[
        "build",
        "--today",
        TODAY,
        "--base-url",
        "http://localhost:8080",
    ])
    .ok();
    assert!(links_resolve(&snapshot(&site.public()), "/") > 200);
}

#[test]
fn two_builds_with_the_same_date_are_byte_identical() {
    let site = Site::new("site");
    let out = |n: &str| site.tmp.path().join(n);
    for n in ["a", "b"] {
        site.run(&[
            "build",
            "--today",
            TODAY,
            "--output",
            out(n).to_str().unwrap(),
        ])
        .ok();
    }
    let (a, b) = (snapshot(&out("a")), snapshot(&out("b")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two builds");
    }
}

#[test]
fn pages_request_nothing_from_another_host() {
    let site = built();
    let files = snapshot(&site.public());
    for (path, html) in html_pages(&files) {
        for tag in [
            "script", "link", "img", "iframe", "source", "video", "audio", "embed", "object",
        ] {
            for t in tags(&html, tag) {
                let t = unescape(t);
                for attr in [" src=\"", " href=\"", " data=\"", " srcset=\""] {
                    if let Some(i) = t.find(attr) {
                        let v = &t[i + attr.len()..];
                        assert!(
                            !(v.starts_with("http:")
                                || v.starts_with("https:")
                                || v.starts_with("//")),
                            "{path}: {t}"
                        );
                    }
                }
            }
        }
        assert!(!html.contains("@import"), "{path}");
    }
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".css")) {
        let css = String::from_utf8_lossy(bytes);
        for (i, _) in css.match_indices("url(") {
            let v = css[i + 4..].trim_start_matches(['"', '\'']);
            assert!(
                !(v.starts_with("http") || v.starts_with("//")),
                "{path}: {}",
                &css[i..i + 40]
            );
        }
        assert!(!css.contains("@import"), "{path}");
    }
}

#[test]
fn raw_html_in_markdown_is_escaped_unless_allowed_and_front_matter_always() {
    let site = Site::new("site");
    site.write(
        "content/tin-tuc/html.md",
        "---\ntitle: \"Tiêu đề <script>alert('t')</script>\"\ndate: 2023-05-02\nsummary: \"Tóm tắt <b>đậm</b>\"\n---\nMở đầu <span class=\"x\">chữ</span> <script>alert('b')</script>\n\n<div class=\"khung\">Khối</div>\n",
    );
    site.edit(
        "content/2022/2-the-che/2.1.md",
        "explanation: \"",
        "explanation: \"<img src=x onerror=alert(1)> ",
    );
    site.build().ok();
    let page = site.out("tin-tuc/html/index.html");
    let body = &page[page.find("<main").unwrap()..];
    assert!(
        !body.contains("<script>") && !body.contains("<div class=\"khung\">"),
        "{body}"
    );
    assert!(
        body.contains("&lt;script&gt;alert('b')&lt;/script&gt;"),
        "{body}"
    );
    assert!(
        body.contains("&lt;div class=\"khung\"&gt;Khối&lt;/div&gt;"),
        "{body}"
    );
    assert!(body.contains("Tiêu đề &lt;script&gt;"), "{body}");
    let node = site.out("2022/2-1/index.html");
    assert!(!node.contains("<img src=x"), "{node}");
    assert!(
        node.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{node}"
    );
    for (path, html) in html_pages(&snapshot(&site.public())) {
        assert!(!html.contains("<script>alert"), "{path}");
        assert!(!html.contains("<b>đậm</b>"), "{path}");
    }

    site.edit(
        "site.toml",
        "language = \"vi\"\n",
        "language = \"vi\"\n\n[markdown]\nunsafe_html = true\n",
    );
    site.build().ok();
    let page = site.out("tin-tuc/html/index.html");
    assert!(page.contains("<div class=\"khung\">Khối</div>"), "{page}");
    assert!(page.contains("<span class=\"x\">chữ</span>"), "{page}");
    // Front matter text stays escaped even then.
    assert!(!page.contains("<script>alert('t')"), "{page}");
    assert!(page.contains("Tiêu đề &lt;script&gt;"), "{page}");
    assert!(!site.out("2022/2-1/index.html").contains("<img src=x"));
}

#[test]
fn check_format_json() {
    let site = Site::new("site");
    let run = site.run(&["check", "--format", "json"]);
    run.ok();
    assert_eq!(
        run.json(),
        serde_json::json!({"errors": [], "warnings": []})
    );

    site.edit(
        "content/2022/1-chi-dao/1.2.md",
        "\nscore: 1.5",
        "\nscore: 2",
    );
    site.edit(
        "content/2022/2-the-che/2.1.md",
        "explanation:",
        "# explanation:",
    );
    let run = site.run(&["check", "--format", "json"]);
    run.assert_code(1);
    let report = run.json();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&report), ["errors", "warnings"]);
    let e = &report["errors"][0];
    assert_eq!(e["file"], "content/2022/1-chi-dao/1.2.md");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(6), Some(8))
    );
    assert_eq!(
        e["message"],
        "score 2 is greater than max 1.5; expected a value between 0 and 1.5"
    );
    assert_eq!(report["errors"].as_array().unwrap().len(), 1);
    // 2.1 is scored 0, so it needs no explanation: no warning.
    assert_eq!(report["warnings"], serde_json::json!([]));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn wrong_usage_exits_2_and_writes_nothing() {
    let site = Site::new("site");
    for args in [
        &["build", "--bogus"][..],
        &["build", "--today", "2024-13-01"],
        &["build", "--today", "hôm nay"],
        &["build", "--base-url", "example.gov.vn/cchc/"],
        &["check", "--format", "xml"],
        &["publish"],
        &["new", "criterion", "2022", "1.3"],
    ] {
        let run = site.run(args);
        run.assert_code(2);
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(!site.public().exists());
    assert!(!site.path("content/2022/1-chi-dao/1.3.md").exists());
}

#[test]
fn output_folder_defaults_and_relative_paths() {
    let site = Site::new("site");
    // --root relative to the current folder, --output too.
    run_in(
        site.tmp.path(),
        &[
            "build", "--root", "site", "--output", "out", "--today", TODAY,
        ],
    )
    .ok();
    assert!(site.tmp.path().join("out/index.html").is_file());
    assert!(!site.public().exists());
    // Without --output: public/ inside the root.
    run_in(
        site.tmp.path(),
        &["build", "--root", "site", "--today", TODAY],
    )
    .ok();
    assert!(site.public().join("index.html").is_file());
    assert_eq!(
        snapshot(&site.public()),
        snapshot(&site.tmp.path().join("out"))
    );
    // A rebuild replaces the old output: a stale file does not survive.
    std::fs::write(site.public().join("stale.html"), "old").unwrap();
    site.build().ok();
    assert!(!site.public().join("stale.html").exists());
}

#[test]
fn check_writes_nothing() {
    let site = Site::new("site");
    let before = snapshot(&site.root);
    site.run(&["check"]).ok();
    site.run(&["check", "--strict", "--format", "json"]).ok();
    assert!(snapshot(&site.root) == before);
    assert_eq!(std::fs::read_dir(site.tmp.path()).unwrap().count(), 1);
}

#[test]
fn a_failed_first_build_creates_no_output() {
    let site = Site::new("site");
    site.edit("content/2022/1-chi-dao/1.2.md", "max: 1.5", "max: 1");
    site.build().assert_code(1);
    assert!(!site.public().exists());
    let names: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn sections_are_listed_in_vietnamese_order_of_their_titles() {
    let site = Site::new("site");
    // Folder order would put it last; byte order of titles too (Đ after Z).
    site.write(
        "content/z-dao-tao/_index.md",
        "---\ntitle: \"Đào tạo\"\n---\n",
    );
    site.write(
        "content/z-dao-tao/lich.md",
        "---\ntitle: \"Lịch đào tạo\"\n---\n",
    );
    site.build().ok();
    let home = site.out("index.html");
    let nav = &home[home.find("<nav").unwrap()..home.find("</nav>").unwrap()];
    let at = |t: &str| nav.find(t).unwrap_or_else(|| panic!("{t} in {nav}"));
    assert!(at(">Đào tạo<") < at(">Hỏi đáp<"), "{nav}");
    assert!(at(">Hỏi đáp<") < at(">Tin tức CCHC<"), "{nav}");
}

#[test]
fn an_empty_section_is_in_the_public_menu_only_once_it_has_a_page() {
    let site = Site::new("site");
    site.write(
        "content/z-dao-tao/_index.md",
        "---\ntitle: \"Đào tạo\"\n---\n",
    );
    site.build().ok();
    let home = site.out("index.html");
    let nav = &home[home.find("<nav").unwrap()..home.find("</nav>").unwrap()];
    assert!(!nav.contains(">Đào tạo<"), "{nav}");
    // The section's own page is there, and the review site lists it.
    assert!(
        site.out("z-dao-tao/index.html")
            .contains("<h1>Đào tạo</h1>")
    );
    site.run(&["build", "--today", TODAY, "--review"]).ok();
    let review = std::fs::read_to_string(site.path("review/index.html")).unwrap();
    assert!(review.contains(">Đào tạo<"));
}
