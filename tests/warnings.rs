//! Warnings (docs/format.md §5 rules 9 and 10): the build succeeds and prints
//! them, `check` exits 0 but `check --strict` exits 1, and reviewers see
//! them on the node's page, in the year's overview and in /data/<year>.json.

mod common;
use common::{Site, TODAY, json_node, locations, unescape};

struct Expect {
    /// The code the block begins with (`warning[W501]: `).
    code: &'static str,
    at: &'static str,
    line: &'static str,
    says: &'static str,
}

/// The good fixture with `tests/fixtures/warnings/<case>` over it: builds,
/// warns exactly `expected`, and fails only under `--strict`.
fn warned(case: &str, expected: &[Expect]) -> Site {
    let site = Site::new("site");
    site.overlay(&format!("warnings/{case}"));
    // The reviewers' site, where warnings show, written where `Site::out` reads.
    let public = site.public();
    let run = site.run(&[
        "build",
        "--today",
        TODAY,
        "--review",
        "--output",
        public.to_str().unwrap(),
    ]);
    run.ok();
    for e in expected {
        let block = run.block_at(e.at);
        assert!(
            block.starts_with(&format!("warning[{}]: ", e.code)),
            "{block}"
        );
        let n = e.at.split(':').nth(1).unwrap();
        assert!(block.contains(&format!("\n{n} | {}\n", e.line)), "{block}");
        assert!(block.contains(e.says), "expected {:?} in\n{block}", e.says);
    }
    let n = expected.len();
    assert!(
        run.stdout
            .contains(&format!("{n} warning{}", if n == 1 { "" } else { "s" })),
        "{}",
        run.stdout
    );

    site.run(&["check", "--today", TODAY]).ok();
    let strict = site.run(&["check", "--today", TODAY, "--strict"]);
    strict.assert_code(1);
    assert!(
        strict.stderr.contains("check failed: 0 errors"),
        "{}",
        strict.stderr
    );

    let report = site.check_json();
    assert_eq!(locations(&report["errors"]), Vec::<String>::new());
    let wanted: Vec<&str> = expected.iter().map(|e| e.at).collect();
    assert_eq!(locations(&report["warnings"]), wanted);
    let strict_json = site.run(&["check", "--today", TODAY, "--strict", "--format", "json"]);
    strict_json.assert_code(1);
    assert_eq!(strict_json.json()["warnings"].as_array().unwrap().len(), n);
    site
}

/// The warnings listed under node `id` in /data/2022.json.
fn json_warnings(site: &Site, id: &str) -> Vec<String> {
    let data = site.out_json("data/2022.json");
    let node = json_node(&data["nodes"], id);
    node["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

/// Asserts that reviewers see `text` on the node's page and in the year's
/// overview, next to the node's id.
fn shown(site: &Site, id: &str, text: &str) {
    let page = unescape(&site.out(&format!("2022/{}/index.html", id.replace('.', "-"))));
    let callout = &page[page
        .find("class=\"callout warn\"")
        .expect("a warning callout")..];
    assert!(
        callout[..callout.find("</div>").unwrap()].contains(text),
        "{page}"
    );
    let overview = unescape(&site.out("2022/index.html"));
    let section = &overview[overview
        .find("id=\"warn-title\"")
        .expect("a warnings section")..];
    let link = format!(">{id} ");
    assert!(
        section
            .lines()
            .any(|l| l.contains(&link) && l.contains(text)),
        "{id}: {text:?} not in the overview:\n{section}"
    );
}

#[test]
fn scored_leaf_without_evidence_or_explanation() {
    let site = warned(
        "no-evidence",
        &[Expect {
            code: "W501",
            at: "content/2022/2-the-che/2.1.md:5:13",
            line: "self_score: 0.5",
            says: "2.1 is scored 0.5 but has no evidence and no explanation (không có tài liệu kiểm chứng)",
        }],
    );
    let text = "Có điểm (0,5) nhưng không có tài liệu kiểm chứng và không có giải trình.";
    assert_eq!(json_warnings(&site, "2.1"), [text]);
    shown(&site, "2.1", text);
    // 2.3 is scored without evidence too, but explains why: no warning.
    assert_eq!(json_warnings(&site, "2.3"), Vec::<String>::new());
    assert!(
        !site
            .out("2022/2-3/index.html")
            .contains("callout warn\" role")
    );
}

#[test]
fn evidence_dated_after_the_decision() {
    let site = warned(
        "evidence-after-decision",
        &[Expect {
            code: "W502",
            at: "content/2022/2-the-che/2.1.md:9:11",
            line: "    date: 21/12/2022",
            says: "is dated 2022-12-21, after the date of the decision that published the results (2022-12-20)",
        }],
    );
    let text = "Tài liệu «Báo cáo kết quả rà soát văn bản năm 2022» ngày 21/12/2022 được ban hành sau ngày quyết định công bố kết quả (20/12/2022).";
    assert_eq!(json_warnings(&site, "2.1"), [text]);
    shown(&site, "2.1", text);
}

#[test]
fn evidence_dated_after_the_year_without_a_decision() {
    let site = warned(
        "evidence-after-year",
        &[Expect {
            code: "W502",
            at: "content/2022/2-the-che/2.1.md:9:11",
            line: "    date: 2023-01-05",
            says: "is dated 2023-01-05, after the end of the assessed year (2022-12-31)",
        }],
    );
    let text = "Tài liệu «Báo cáo kết quả rà soát văn bản năm 2022» ngày 5/1/2023 được ban hành sau năm đánh giá (31/12/2022).";
    assert_eq!(json_warnings(&site, "2.1"), [text]);
    shown(&site, "2.1", text);
}

#[test]
fn one_document_number_with_different_dates_or_titles() {
    let site = warned(
        "same-number",
        &[
            Expect {
                code: "W504",
                at: "content/2022/1-chi-dao/1.10.md:9:13",
                line: "    number: \"120/BC-SKHCN\"",
                says: "document 120/BC-SKHCN is cited with different titles",
            },
            Expect {
                code: "W504",
                at: "content/2022/1-chi-dao/1.2.md:10:13",
                line: "    number: \"15/KH-SKHCN\"",
                says: "document 15/KH-SKHCN is cited with different dates and titles",
            },
            Expect {
                code: "W504",
                at: "content/2022/2-the-che/2.1.md:8:13",
                line: "    number: \"15/KH-SKHCN\"",
                says: "content/2022/1-chi-dao/1.2.md:10 «Kế hoạch cải cách hành chính năm 2022» 2022-01-10",
            },
            Expect {
                code: "W504",
                at: "content/2022/2-the-che/2.1.md:11:13",
                line: "    number: \"120/BC-SKHCN\"",
                says: "content/2022/1-chi-dao/1.10.md:9 «Báo cáo CCHC năm 2022» 2022-12-15",
            },
        ],
    );
    // 3859/QĐ-UBND is cited exactly as the decision: no warning for it.
    let dates = "Văn bản số 15/KH-SKHCN được dẫn với ngày ban hành và trích yếu khác nhau; cần thống nhất với bản gốc.";
    let titles =
        "Văn bản số 120/BC-SKHCN được dẫn với trích yếu khác nhau; cần thống nhất với bản gốc.";
    assert_eq!(json_warnings(&site, "1.2"), [dates]);
    assert_eq!(json_warnings(&site, "1.10"), [titles]);
    // In the order the documents are cited in the file.
    assert_eq!(json_warnings(&site, "2.1"), [dates, titles]);
    shown(&site, "1.2", dates);
    shown(&site, "2.1", titles);
}

#[test]
fn the_good_fixture_has_no_warning() {
    // The baseline the cases above are measured against.
    let site = Site::new("site");
    let run = site.build();
    run.ok();
    assert!(run.blocks().is_empty(), "{}", run.stderr);
    site.run(&["check", "--strict", "--today", TODAY]).ok();
    assert!(!site.out("2022/index.html").contains("id=\"warn-title\""));
}
