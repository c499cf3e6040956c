//! The repository's own site (site.toml and content/ at the crate root):
//! the 2022 results of Thông báo 55/TB-SKHCN must come out exactly.

mod common;
use common::{
    TODAY, as_strs, between, body_rows, build_repo, links_resolve, run_in, snapshot, tags, text,
};
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The nine areas of 2022: label, max, score (Thông báo 55/TB-SKHCN, the source of content/2022).
const AREAS: [(&str, &str, &str); 9] = [
    ("i", "13.5", "11.911"),
    ("ii", "6.5", "4.5"),
    ("iii", "5", "4.5"),
    ("iv", "6.5", "5"),
    ("v", "8", "8"),
    ("vi", "8.5", "7"),
    ("vii", "10", "6.47"),
    ("viii", "7", "5.15"),
    ("ix", "35", "34.772"),
];

#[test]
fn builds_the_2022_results_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let run = run_in(
        tmp.path(),
        &[
            "build",
            "--root",
            ROOT,
            "--output",
            out.to_str().unwrap(),
            "--today",
            TODAY,
        ],
    );
    run.ok();

    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("<strong class=\"big\">87,303</strong>"),
        "{home}"
    );

    let raw = std::fs::read_to_string(out.join("data/2022.json")).unwrap();
    let data: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert!(raw.contains("\"score\": 87.303,"), "{raw}");
    assert_eq!(data["total"].to_string(), "87.303");
    assert_eq!(data["max"].to_string(), "100");
    assert_eq!(data["rank"], 4);
    let areas: Vec<(String, String, String)> = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["label"].as_str().unwrap().to_string(),
                a["max"].to_string(),
                a["score"].to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = AREAS
        .iter()
        .map(|(l, m, s)| (l.to_string(), m.to_string(), s.to_string()))
        .collect();
    assert_eq!(areas, expected);
    let ids: Vec<&str> = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);

    // The year's table shows them the Vietnamese way: label, then the
    // number cells max, self score, score.
    let year = std::fs::read_to_string(out.join("2022/index.html")).unwrap();
    for (label, max, score) in AREAS {
        let start = format!("<td class=\"nowrap\">{label}</td>");
        let row = year.split("<tr").find(|r| r.contains(&start)).unwrap();
        let cells: Vec<&str> = row
            .split("<td class=\"num\">")
            .skip(1)
            .map(|c| &c[..c.find("</td>").unwrap()])
            .collect();
        let vi = |s: &str| s.replace('.', ",");
        assert_eq!(
            (cells[0], cells[2]),
            (vi(max).as_str(), vi(score).as_str()),
            "{row}"
        );
    }
    assert!(links_resolve(&snapshot(&out), "/cchc/") > 100);
}

/// Ids of the scored leaves with neither evidence nor explanation.
fn unevidenced(nodes: &serde_json::Value, out: &mut Vec<String>) {
    for n in nodes.as_array().unwrap() {
        let children = &n["children"];
        let positive = |k: &str| n[k].as_f64().is_some_and(|v| v > 0.0);
        if children.as_array().unwrap().is_empty()
            && n["applicable"] == true
            && (positive("score") || positive("self_score"))
            && n["evidence"].as_array().unwrap().is_empty()
            && n["explanation"].is_null()
        {
            out.push(n["id"].as_str().unwrap().to_string());
        }
        unevidenced(children, out);
    }
}

#[test]
fn check_passes_and_lists_scored_items_without_evidence() {
    let tmp = tempfile::tempdir().unwrap();
    let before = snapshot(&Path::new(ROOT).join("content"));
    let run = run_in(tmp.path(), &["check", "--root", ROOT, "--today", TODAY]);
    run.ok();
    assert!(run.stderr.contains("check ok: 0 errors"), "{}", run.stderr);

    let report = run_in(
        tmp.path(),
        &[
            "check", "--root", ROOT, "--today", TODAY, "--format", "json",
        ],
    )
    .json();
    assert_eq!(report["errors"], serde_json::json!([]));
    let warned: Vec<String> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .filter(|m| m.contains("no evidence and no explanation (không có tài liệu kiểm chứng)"))
        .map(|m| m.split(' ').next().unwrap().to_string())
        .collect();

    // The same items, computed independently from the published data.
    let (_built, out) = build_repo();
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/2022.json")).unwrap())
            .unwrap();
    let mut expected = Vec::new();
    unevidenced(&data["nodes"], &mut expected);
    let mut sorted_warned = warned.clone();
    sorted_warned.sort();
    expected.sort();
    assert_eq!(sorted_warned, expected);
    // Today: 1.1 and areas iii to viii, whose points stand without any
    // document yet. Update this count as evidence is added to content/.
    assert_eq!(warned.len(), 7, "{warned:?}");
    assert!(warned.contains(&"1.1".to_string()));
    assert!(
        snapshot(&Path::new(ROOT).join("content")) == before,
        "check wrote into content/"
    );
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The areas of 2022 by points lost, the notice's figures: max − score.
/// 3,53 + 2 + 1,85 + 1,589 + 1,5 + 1,5 + 0,5 + 0,228 + 0 = 12,697.
const LOST: [(&str, &str, &str); 9] = [
    (
        "vii",
        "Xây dựng chính quyền điện tử, chính quyền số",
        "3,53",
    ),
    ("ii", "Cải cách thể chế", "2"),
    (
        "viii",
        "Thực hiện cơ chế một cửa, một cửa liên thông",
        "1,85",
    ),
    (
        "i",
        "Công tác chỉ đạo điều hành cải cách hành chính",
        "1,589",
    ),
    ("iv", "Cải cách tổ chức bộ máy hành chính nhà nước", "1,5"),
    ("vi", "Cải cách tài chính công", "1,5"),
    ("iii", "Cải cách thủ tục hành chính", "0,5"),
    ("ix", "Điều tra xã hội học", "0,228"),
    ("v", "Cải cách chế độ công vụ", "0"),
];

#[test]
fn gap_report_charts_documents_and_workbook_of_2022() {
    let (_tmp, out) = build_repo();
    let report = read(&out, "2022/bao-cao/index.html");
    assert!(report.contains(
        "Tổng điểm <strong>87,303</strong> / 100; chưa đạt <strong class=\"lost\">12,697</strong> điểm; xếp thứ 4."
    ));
    let nodes = body_rows(between(&report, "<section id=\"tieu-chi\"", "</section>"));
    assert_eq!(
        as_strs(&nodes[..1]),
        [[
            "vii",
            "Xây dựng chính quyền điện tử, chính quyền số",
            "3,53",
            "6,47 / 10",
            "Tổ Công nghệ thông tin",
            "0",
            ""
        ]]
    );
    // The lost chart, most first, and its table of the same numbers.
    // Charts need no script: the only one is the header's search box.
    assert!(!between(&report, "<main", "</main>").contains("<script"));
    let lost_chart = between(&report, "<figure class=\"kc-chart\">", "</figure>");
    assert!(tags(lost_chart, "svg")[0].contains(" role=\"img\""));
    assert!(lost_chart.contains("<title id=\"mat-2022-title\">"));
    assert!(lost_chart.contains("<desc id=\"mat-2022-desc\">vii. Xây dựng chính quyền điện tử, chính quyền số: mất 3,53 / 10 điểm."));
    let rows: Vec<(String, String)> = body_rows(lost_chart)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let expected: Vec<(String, String)> = LOST
        .iter()
        .map(|(l, t, v)| (format!("{l}. {t}"), v.to_string()))
        .collect();
    assert_eq!(rows, expected);

    // The home page: the lost chart by area in id order, vii with 3,53.
    let home = read(&out, "index.html");
    assert!(!between(&home, "<main", "</main>").contains("<script"));
    let chart = between(&home, "<figure class=\"kc-chart\">", "</figure>");
    let svg = between(chart, "<svg", "</svg>");
    assert!(
        svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id=")
    );
    assert!(
        !svg.replace("http://www.w3.org/2000/svg", "")
            .contains("http")
    );
    let vii: Vec<Vec<String>> = body_rows(chart)
        .into_iter()
        .filter(|r| r[0].starts_with("vii. "))
        .collect();
    assert_eq!(
        as_strs(&vii),
        [[
            "vii. Xây dựng chính quyền điện tử, chính quyền số",
            "3,53",
            "10"
        ]]
    );

    // The documents index: the decision that published the results.
    let docs = read(&out, "van-ban/index.html");
    let first = &body_rows(&docs)[0];
    assert_eq!(first[0], "3859/QĐ-UBND UBND");
    assert_eq!(first[1], "Quyết định");
    assert_eq!(first[2], "20/12/2022");
    assert_eq!(first[5], "2022 Quyết định công bố Chỉ số CCHC năm 2022");

    // The workbook of 2022 reads back with the nine areas.
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut wb: Xlsx<_> = open_workbook(out.join("data/2022.xlsx")).unwrap();
    let tree = wb.worksheet_range("Cây tiêu chí").unwrap();
    let areas: Vec<(String, String, f64, f64)> = (1..tree.height())
        .filter_map(|i| match (tree.get((i, 0)), tree.get((i, 1))) {
            (Some(Data::String(id)), Some(Data::String(label))) if !id.contains('.') => {
                let num = |c: usize| match tree.get((i, c)) {
                    Some(Data::Float(x)) => *x,
                    other => panic!("{id}: column {c} is {other:?}"),
                };
                Some((id.clone(), label.clone(), num(3), num(5)))
            }
            _ => None,
        })
        .collect();
    let expected: Vec<(String, String, f64, f64)> = AREAS
        .iter()
        .enumerate()
        .map(|(i, (l, m, s))| {
            (
                (i + 1).to_string(),
                l.to_string(),
                m.parse().unwrap(),
                s.parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(areas, expected);
    let total = (0..tree.height())
        .find(|&i| tree.get((i, 2)) == Some(&Data::String("Tổng điểm (cộng các lĩnh vực)".into())))
        .unwrap();
    assert_eq!(tree.get((total, 5)), Some(&Data::Float(87.303)));
    assert_eq!(tree.get((total, 6)), Some(&Data::Float(12.697)));
}

#[test]
fn report_command_on_the_repository() {
    let tmp = tempfile::tempdir().unwrap();
    let json = run_in(
        tmp.path(),
        &[
            "report", "--root", ROOT, "--today", TODAY, "--format", "json",
        ],
    );
    json.ok();
    let r = json.json();
    assert_eq!(r["year"], 2022, "the latest scored year");
    assert_eq!(r["lost"].to_string(), "12.697");
    assert_eq!(r["score"].to_string(), "87.303");
    let areas: Vec<(String, String)> = r["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["label"].as_str().unwrap().to_string(),
                a["lost"].to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = LOST
        .iter()
        .map(|(l, _, v)| (l.to_string(), v.replace(',', ".")))
        .collect();
    assert_eq!(areas, expected);
    assert_eq!(r["areas"][0]["id"], "7");
    assert_eq!(r["areas"][0]["lost"].to_string(), "3.53");
    assert_eq!(r["nodes"][0]["id"], "7");

    let text = run_in(tmp.path(), &["report", "--root", ROOT, "--today", TODAY]);
    text.ok();
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(
        lines[1],
        "Tổng điểm: 87,303 / 100 — xếp thứ 4 — điểm chưa đạt: 12,697"
    );
    assert!(
        lines[4].starts_with("  7       3,53     6,47/10 "),
        "{}",
        lines[4]
    );

    let csv = run_in(
        tmp.path(),
        &[
            "report", "--root", ROOT, "--today", TODAY, "--format", "csv",
        ],
    );
    csv.ok();
    assert!(csv.stdout.lines().nth(1).unwrap().starts_with(
        "7,\"Xây dựng chính quyền điện tử, chính quyền số\",10,,6.47,3.53,Tổ Công nghệ thông tin,"
    ));
}

/// The units of Thông báo 55/TB-SKHCN, in Vietnamese order, and how many
/// 2023 tasks it gives each (none with a due date).
const UNITS: [(&str, &str, usize); 7] = [
    ("bo-phan-kstthc", "Bộ phận Kiểm soát thủ tục hành chính", 2),
    ("chi-cuc-tdc", "Chi cục Tiêu chuẩn Đo lường Chất lượng", 2),
    ("phong-qlkhcn", "Phòng Quản lý khoa học và công nghệ", 2),
    ("thanh-tra", "Thanh tra Sở (bộ phận phụ trách pháp chế)", 1),
    ("to-cntt", "Tổ Công nghệ thông tin", 1),
    (
        "trung-tam-ttud",
        "Trung tâm Thông tin và Ứng dụng khoa học và công nghệ",
        3,
    ),
    ("van-phong", "Văn phòng Sở", 7),
];

#[test]
fn units_in_vietnamese_order_with_the_2023_tasks() {
    let (_tmp, out) = build_repo();
    let page = read(&out, "don-vi/index.html");
    let rows = body_rows(&page);
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<&str> = UNITS.iter().map(|u| u.1).collect();
    assert_eq!(names, expected);
    for (row, (id, name, n)) in rows.iter().zip(UNITS) {
        assert_eq!(row[3], n.to_string(), "{name}: tasks");
        assert_eq!(row[4], "—", "{name}: nothing due yet");
        let unit = read(&out, &format!("don-vi/{id}/index.html"));
        assert!(unit.contains(&format!("<h1>{name}</h1>")));
        let tasks = body_rows(between(&unit, "<h2 id=\"tasks-title\">", "</section>"));
        assert_eq!(tasks.len(), n, "{name}");
        for t in &tasks {
            assert_eq!(t[0], "2023", "{name}: the year of {t:?}");
            // The notice gives no deadline: the state says so, and claims nothing.
            assert_eq!(
                t[2..],
                ["—", "—", "Chưa ghi thời hạn và kết quả"],
                "{name}: {t:?}"
            );
        }
        assert!(
            text(&unit).contains("Đúng hạn chưa có nhiệm vụ đến hạn"),
            "{name}"
        );
    }
    // The areas lost by units in 2022: Tổ CNTT 3,53 (vii), Thanh tra 2
    // (2.1 and 2.2), Văn phòng 0,3 (1.1: 2 − 1,7).
    let lost: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert!(lost.contains(&("Tổ Công nghệ thông tin", "3,53")));
    assert!(lost.contains(&("Thanh tra Sở (bộ phận phụ trách pháp chế)", "2")));
    assert!(lost.contains(&("Văn phòng Sở", "0,3")));
}
