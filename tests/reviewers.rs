//! The reviewers' view on `tests/fixtures/reviewers` (two years of invented
//! data): the gap report page and `kiemchung report`, charts, the documents
//! index, units and their tasks, year over year, Vietnamese collation, the
//! workbook the build writes and the print view. Every expected number is
//! computed by hand below, not read back from the program.
//!
//! # The fixture, by hand (2022; `--today 2023-06-15`)
//!
//! | id    | max | self | score | lost | unit  | evidence | notes
//! |-------|-----|------|-------|------|-------|----------|------
//! | 1 i   | 20  | (19) | 17,75 | 2,25 | —     |          | children's sums: 8+4,5+5,25; 8+6+5
//! | 1.1   | 8   | 8    | 8     | 0    | an    | 3        | 05/KH-STN, `12/QĐ STN` (does not parse), a url
//! | 1.2   | 6   | 6    | 4,5   | 1,5  | dao   | 1        | ratio 3/4 × 6 = 4,5; changed −1,5
//! | 1.3   | 6   | 5    | 5,25  | 0,75 | uong  | 2        | 1629/SNV-CCHC&PC, `5/KH-STN` other date; changed +0,25
//! | 2 ii  | 15  | (11) | 8     | 3    | duong |          | applicable max 5+6 = 11 (2.2 does not apply): lost 11 − 8
//! | 2.1   | 5   | 5    | 5     | 0    | duong | 0        | no evidence, no explanation: rule 9
//! | 2.2   | 4   |      |       |      |       |          | không áp dụng, with 2.2.1 and 2.2.2 (2 each)
//! | 2.3   | 6   | 6    | 3     | 3    | au    | 0        | explanation; changed −3
//! | 3 iii | 25  | 25   | 21,4  | 3,6  | on    | 1        | `55 /TB-STN`; changed −3,6
//! | 4 iv  | 40  |      | 36    | 4    | —     |          | 4.1 itemised (10 of 10), 30 not: lost 0 + (30 − 26)
//! | 4.1   | 10  | 10   | 10    | 0    | ong   | 2        | `55/TB-STN` (same document as 3's), 30/2020/NĐ-CP
//!
//! Total 17,75 + 8 + 21,4 + 36 = 83,15 (published 83,15, rank 3/20); lost
//! 2,25 + 3 + 3,6 + 4 = 12,85 = applicable max 96 − 83,15.
//!
//! 2021 (same ids): 1.1 7, 1.2 4,5, 1.3 6 → 1: 17,5; 2.1 4, 2.3 6 → 2: 10;
//! 3: 20,9; 4.1 9, 4: 33. Total 81,4, rank 9/20, lost 96 − 81,4 = 14,6.
//! Changes 2022 − 2021: total +1,75, rank 9 → 3 "Tăng 6 bậc"; 1 +0,25,
//! 1.1 +1, 1.2 0, 1.3 −0,75, 2 −2, 2.1 +1, 2.3 −3, 3 +0,5, 4 +3, 4.1 +1.
//!
//! Tasks of 2022 against 15/6/2023 (done on time, done late, open, overdue):
//! - an: due 31/5 done 31/5 (on time: done on the due date), due 31/3 done
//!   3/4 (late), due 15/6 (today: open), due 14/6 (yesterday: overdue), no
//!   due (open) → 1/3 đúng hạn (33,3%): 2000/6 = 333 tenths.
//! - au (in 2.3): on time, on time, due 1/6 open (overdue) → 2/3 (66,7%).
//! - dao (in 1.2): due 31/12/2023 → open; nothing due: no rate.
//! - uong (in 1.3): done 1/2/2023, no due → on time, 1/1 (100%).
//! - all 2022: 4 on time, 1 late, 3 open, 2 overdue → 4/7 (57,1%).
//! - uy: one 2021 task, due 30/6/2022, done 15/7/2022 → late, 0/1 (0%).
//!
//! Units in the 2022 report, most points lost first, then Vietnamese order:
//! on 3,6; au 3 and duong 3 (area 2, whose child 2.1 is not counted
//! twice) → Âu before Dương; dao 1,5; uong 0,75; an 0 and ong 0 → An
//! before Ông. uy has nothing in 2022.

mod common;
use common::{Site, as_strs, between, body_rows, snapshot, tags, text};

/// The date every build of this file is made against.
const TODAY: &str = "2023-06-15";

/// The reviewers' site (`build --review`), written where `Site::out` reads.
fn built_on(today: &str) -> Site {
    let site = Site::new("reviewers");
    let public = site.public();
    let run = site.run(&[
        "build",
        "--today",
        today,
        "--review",
        "--output",
        public.to_str().unwrap(),
    ]);
    run.ok();
    site
}

fn built() -> Site {
    built_on(TODAY)
}

/// `kiemchung report --today TODAY <args>` on the fixture.
fn report(site: &Site, args: &[&str]) -> String {
    let mut all = vec!["report", "--today", TODAY];
    all.extend(args);
    let run = site.run(&all);
    run.ok();
    assert_eq!(run.stderr, "", "report prints no diagnostics");
    run.stdout
}

/// The HTML of `<section id="{id}" …>…</section>`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let s = between(html, &format!("<section id=\"{id}\""), "</section>");
    &s[s.find('>').unwrap() + 1..]
}

#[test]
fn the_build_warns_exactly_four_times_at_the_lines_concerned() {
    let site = Site::new("reviewers");
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
    assert!(run.stdout.contains("2 years, 4 warnings"), "{}", run.stdout);
    // Rule 10: 05/KH-STN and 5/KH-STN are one document (leading zero),
    // cited with two dates; both citations are pointed at.
    let b = run.block_at("content/2022/1-chi-dao/1.1.md:10:13");
    assert!(b.contains("document 05/KH-STN is cited with different dates"));
    assert!(b.contains("1.1.md:10 «Kế hoạch CCHC năm 2022 (giả)» 2022-01-10"));
    assert!(b.contains("1.3.md:14 «Kế hoạch CCHC năm 2022 (giả)» 2022-01-12"));
    let b = run.block_at("content/2022/1-chi-dao/1.3.md:14:13");
    assert!(b.contains("\n14 |     number: \"5/KH-STN\"\n"), "{b}");
    // A number that does not parse, at its line.
    let b = run.block_at("content/2022/1-chi-dao/1.1.md:13:13");
    assert!(b.contains("`12/QĐ STN`"), "{b}");
    assert!(b.contains("contains a space"), "{b}");
    // Rule 9.
    let b = run.block_at("content/2022/2-the-che/2.1.md:6:8");
    assert!(b.contains("2.1 is scored 5 but has no evidence"), "{b}");
    assert_eq!(run.blocks().len(), 4, "{}", run.stderr);

    // Reviewers see each of them in the review site, the bad number included.
    let p11 = site.out("2022/1-1/index.html");
    let callout = text(between(
        &p11,
        "<div class=\"callout warn\" role=\"note\">",
        "</div>",
    ));
    assert_eq!(
        callout,
        "Cảnh báo Số, ký hiệu «12/QĐ STN» của tài liệu «Quyết định kiện toàn Tổ CCHC (giả)» \
         không đúng dạng (như 55/TB-SKHCN, 30/2020/NĐ-CP); cần ghi đúng như trên văn bản. \
         Văn bản số 05/KH-STN được dẫn với ngày ban hành khác nhau; cần thống nhất với bản gốc."
    );
    let year = site.out("2022/index.html");
    assert!(year.contains("<h2 id=\"warn-title\">Cảnh báo (4)</h2>"));
}

#[test]
fn gap_report_page_lists_every_node_by_points_lost() {
    let site = built();
    let html = site.out("2022/bao-cao/index.html");
    assert!(html.contains(
        "<p class=\"lead\">Tổng điểm <strong>83,15</strong> / 100; chưa đạt <strong class=\"lost\">12,85</strong> điểm; xếp thứ 3/20."
    ));
    // Mã, tiêu chí, chưa đạt, đạt / tối đa, đơn vị, TLKC (leaves only), giải trình.
    // Ties (3 and 3; 0, 0 and 0) in id order.
    assert_eq!(
        as_strs(&body_rows(section(&html, "tieu-chi"))),
        [
            ["iv", "Chính quyền số (giả)", "4", "36 / 40", "—", "", ""],
            [
                "iii",
                "Thủ tục hành chính (giả)",
                "3,6",
                "21,4 / 25",
                "Ơn Nghĩa (giả)",
                "1",
                ""
            ],
            [
                "ii",
                "Cải cách thể chế (giả)",
                "3",
                "8 / 15",
                "Dương Liễu (giả)",
                "",
                ""
            ],
            [
                "2.3",
                "Rà soát văn bản (giả)",
                "3",
                "3 / 6",
                "Âu Cơ (giả)",
                "0",
                "Chưa có báo cáo rà soát (giả)."
            ],
            [
                "i",
                "Chỉ đạo điều hành (giả)",
                "2,25",
                "17,75 / 20",
                "—",
                "",
                ""
            ],
            [
                "1.2",
                "Báo cáo định kỳ (giả)",
                "1,5",
                "4,5 / 6",
                "Đào tạo (giả)",
                "1",
                ""
            ],
            [
                "1.3",
                "Kiểm tra CCHC (giả)",
                "0,75",
                "5,25 / 6",
                "Ương Ngạnh (giả)",
                "2",
                ""
            ],
            [
                "1.1",
                "Kế hoạch CCHC (giả)",
                "0",
                "8 / 8",
                "An ninh mạng (giả)",
                "3",
                ""
            ],
            [
                "2.1",
                "Xây dựng văn bản (giả)",
                "0",
                "5 / 5",
                "Dương Liễu (giả)",
                "0",
                ""
            ],
            [
                "4.1",
                "Văn thư điện tử (giả)",
                "0",
                "10 / 10",
                "Ông Đồ (giả)",
                "2",
                ""
            ],
        ]
    );
    // Rule 9: scored leaves without evidence; 2.1 has no explanation either.
    assert_eq!(
        as_strs(&body_rows(section(&html, "khong-tlkc"))),
        [
            [
                "2.1",
                "Xây dựng văn bản (giả)",
                "5",
                "5",
                "Dương Liễu (giả)",
                "Chưa có giải trình"
            ],
            [
                "2.3",
                "Rà soát văn bản (giả)",
                "6",
                "3",
                "Âu Cơ (giả)",
                "Chưa có báo cáo rà soát (giả)."
            ],
        ]
    );
    // The appraisal's changes, negative when points were taken away; the
    // areas' self-scores summed from their children are not repeated.
    let changed = section(&html, "tham-dinh");
    assert_eq!(
        as_strs(&body_rows(changed)),
        [
            ["1.2", "Báo cáo định kỳ (giả)", "6", "4,5", "−1,5"],
            ["1.3", "Kiểm tra CCHC (giả)", "5", "5,25", "+0,25"],
            ["2.3", "Rà soát văn bản (giả)", "6", "3", "−3"],
            ["iii", "Thủ tục hành chính (giả)", "25", "21,4", "−3,6"],
        ]
    );
    assert_eq!(changed.matches("<td class=\"num lost\">").count(), 3);
    // Only the top of the not-applicable subtree.
    assert_eq!(
        text(section(&html, "kad")),
        "Không áp dụng 2.2 Nội dung không áp dụng (giả) (tối đa 4)"
    );
    assert_eq!(
        as_strs(&body_rows(section(&html, "don-vi"))),
        [
            ["Ơn Nghĩa (giả)", "1", "3,6", "0", "—"],
            ["Âu Cơ (giả)", "1", "3", "3", "2/3 đúng hạn (66,7%)"],
            ["Dương Liễu (giả)", "2", "3", "0", "—"],
            ["Đào tạo (giả)", "1", "1,5", "1", "—"],
            ["Ương Ngạnh (giả)", "1", "0,75", "1", "—"],
            ["An ninh mạng (giả)", "1", "0", "5", "1/3 đúng hạn (33,3%)"],
            ["Ông Đồ (giả)", "1", "0", "0", "—"],
        ]
    );
    let tasks = section(&html, "nhiem-vu");
    assert!(text(tasks).contains(
        "Tính đến ngày 15/6/2023: 3 hoàn thành đúng hạn, 1 hoàn thành trễ, 2 quá hạn, \
         2 đang thực hiện, 1 đã hoàn thành (không ghi thời hạn), 1 chưa ghi thời hạn và kết quả \
         — 3/6 đúng hạn (50%)."
    ));
    assert_eq!(body_rows(tasks).len(), 10);
    assert!(text(between(&html, "<nav class=\"toc\"", "</nav>")).contains(
        "Có điểm nhưng không có tài liệu kiểm chứng (2) Điểm thay đổi khi thẩm định (4) Không áp dụng (1)"
    ));

    // The year before has its own report.
    let old = site.out("2021/bao-cao/index.html");
    assert!(old.contains("Tổng điểm <strong>81,4</strong> / 100; chưa đạt <strong class=\"lost\">14,6</strong> điểm; xếp thứ 9/20."));
}

const REPORT_TEXT: &str = "\
Chỉ số CCHC năm 2022 (dữ liệu giả) — báo cáo điểm chưa đạt (tính đến 15/6/2023)
Tổng điểm: 83,15 / 100 — xếp thứ 3/20 — điểm chưa đạt: 12,85

Lĩnh vực, chưa đạt nhiều điểm nhất trước (mã, chưa đạt, điểm/tối đa):
  4          4       36/40                   Chính quyền số (giả)
  3        3,6     21,4/25       1 tài liệu  Thủ tục hành chính (giả) [Ơn Nghĩa (giả)]
  2          3        8/15                   Cải cách thể chế (giả) [Dương Liễu (giả)]
  1       2,25    17,75/20                   Chỉ đạo điều hành (giả)

Mọi tiêu chí có điểm, chưa đạt nhiều điểm nhất trước:
  4          4       36/40                   Chính quyền số (giả)
  3        3,6     21,4/25       1 tài liệu  Thủ tục hành chính (giả) [Ơn Nghĩa (giả)]
  2          3        8/15                   Cải cách thể chế (giả) [Dương Liễu (giả)]
  2.3        3        3/6        0 tài liệu  Rà soát văn bản (giả) [Âu Cơ (giả)]
       giải trình: Chưa có báo cáo rà soát (giả).
  1       2,25    17,75/20                   Chỉ đạo điều hành (giả)
  1.2      1,5      4,5/6        1 tài liệu  Báo cáo định kỳ (giả) [Đào tạo (giả)]
  1.3     0,75     5,25/6        2 tài liệu  Kiểm tra CCHC (giả) [Ương Ngạnh (giả)]

Có điểm nhưng không có tài liệu kiểm chứng (2):
  2.1  Xây dựng văn bản (giả)  (content/2022/2-the-che/2.1.md)
  2.3  Rà soát văn bản (giả) — có giải trình  (content/2022/2-the-che/2.3.md)

Thẩm định thay đổi điểm tự đánh giá (4):
  1.2  6 → 4,5 (-1,5)  Báo cáo định kỳ (giả)
  1.3  5 → 5,25 (+0,25)  Kiểm tra CCHC (giả)
  2.3  6 → 3 (-3)  Rà soát văn bản (giả)
  3    25 → 21,4 (-3,6)  Thủ tục hành chính (giả)

Không áp dụng (1):
  2.2  Nội dung không áp dụng (giả)

Đơn vị:
  Ơn Nghĩa (giả): 1 tiêu chí, chưa đạt 3,6 điểm; 0 nhiệm vụ
  Âu Cơ (giả): 1 tiêu chí, chưa đạt 3 điểm; 3 nhiệm vụ, 2/3 đúng hạn (66,7%)
  Dương Liễu (giả): 2 tiêu chí, chưa đạt 3 điểm; 0 nhiệm vụ
  Đào tạo (giả): 1 tiêu chí, chưa đạt 1,5 điểm; 1 nhiệm vụ
  Ương Ngạnh (giả): 1 tiêu chí, chưa đạt 0,75 điểm; 1 nhiệm vụ
  An ninh mạng (giả): 1 tiêu chí, chưa đạt 0 điểm; 5 nhiệm vụ, 1/3 đúng hạn (33,3%)
  Ông Đồ (giả): 1 tiêu chí, chưa đạt 0 điểm; 0 nhiệm vụ
";

#[test]
fn report_command_as_text() {
    let site = Site::new("reviewers");
    // The latest scored year by default, 2022.
    assert_eq!(report(&site, &[]), REPORT_TEXT);
    assert_eq!(
        report(&site, &["--year", "2022", "--format", "text"]),
        REPORT_TEXT
    );
    let old = report(&site, &["--year", "2021"]);
    assert!(old.starts_with(
        "Chỉ số CCHC năm 2021 (dữ liệu giả) — báo cáo điểm chưa đạt (tính đến 15/6/2023)\n\
         Tổng điểm: 81,4 / 100 — xếp thứ 9/20 — điểm chưa đạt: 14,6\n"
    ));
    // 2021 has self-scores nowhere: nothing changed by appraisal.
    assert!(!old.contains("Thẩm định thay đổi"));

    let bad = site.run(&["report", "--year", "2030"]);
    bad.assert_code(1);
    assert!(
        bad.stderr
            .contains("no assessment for 2030; the site has: 2021, 2022"),
        "{}",
        bad.stderr
    );
    site.run(&["report", "--format", "xml"]).assert_code(2);
}

#[test]
fn report_command_as_csv() {
    let site = Site::new("reviewers");
    let csv = report(&site, &["--format", "csv"]);
    let expected = [
        "\u{FEFF}ma_so,tieu_chi,diem_toi_da,tu_danh_gia,diem_tham_dinh,diem_bi_mat,don_vi,so_tai_lieu,giai_trinh,canh_bao,tep",
        "4,Chính quyền số (giả),40,,36,4,,0,,,content/2022/4-cqs/_index.md",
        "3,Thủ tục hành chính (giả),25,25,21.4,3.6,Ơn Nghĩa (giả),1,,,content/2022/3-tthc/_index.md",
        "2,Cải cách thể chế (giả),15,11,8,3,Dương Liễu (giả),0,,,content/2022/2-the-che/_index.md",
        "2.3,Rà soát văn bản (giả),6,6,3,3,Âu Cơ (giả),0,Chưa có báo cáo rà soát (giả).,,content/2022/2-the-che/2.3.md",
        "1,Chỉ đạo điều hành (giả),20,19,17.75,2.25,,0,,,content/2022/1-chi-dao/_index.md",
        "1.2,Báo cáo định kỳ (giả),6,6,4.5,1.5,Đào tạo (giả),1,,,content/2022/1-chi-dao/1.2.md",
        "1.3,Kiểm tra CCHC (giả),6,5,5.25,0.75,Ương Ngạnh (giả),2,,Văn bản số 05/KH-STN được dẫn với ngày ban hành khác nhau; cần thống nhất với bản gốc.,content/2022/1-chi-dao/1.3.md",
        "1.1,Kế hoạch CCHC (giả),8,8,8,0,An ninh mạng (giả),3,,\"Số, ký hiệu «12/QĐ STN» của tài liệu «Quyết định kiện toàn Tổ CCHC (giả)» không đúng dạng (như 55/TB-SKHCN, 30/2020/NĐ-CP); cần ghi đúng như trên văn bản. | Văn bản số 05/KH-STN được dẫn với ngày ban hành khác nhau; cần thống nhất với bản gốc.\",content/2022/1-chi-dao/1.1.md",
        "2.1,Xây dựng văn bản (giả),5,5,5,0,Dương Liễu (giả),0,,Có điểm (5) nhưng không có tài liệu kiểm chứng và không có giải trình.,content/2022/2-the-che/2.1.md",
        "4.1,Văn thư điện tử (giả),10,10,10,0,Ông Đồ (giả),2,,,content/2022/4-cqs/4.1.md",
        "",
    ];
    assert_eq!(csv, expected.join("\r\n"));
}

#[test]
fn report_command_as_json() {
    let site = Site::new("reviewers");
    let raw = report(&site, &["--format", "json"]);
    let r: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let n = |v: &serde_json::Value| v.to_string();
    assert_eq!(r["year"], 2022);
    assert_eq!(r["today"], TODAY);
    assert_eq!(
        [n(&r["max"]), n(&r["score"]), n(&r["total"]), n(&r["lost"])],
        ["100", "83.15", "83.15", "12.85"]
    );
    assert_eq!((n(&r["rank"]), n(&r["ranked"])), ("3".into(), "20".into()));
    let pairs = |key: &str, field: &str| -> Vec<(String, String)> {
        r[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (x["id"].as_str().unwrap().to_string(), n(&x[field])))
            .collect()
    };
    let owned = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        pairs("areas", "lost"),
        owned(&[("4", "4"), ("3", "3.6"), ("2", "3"), ("1", "2.25")])
    );
    assert_eq!(
        pairs("nodes", "lost"),
        owned(&[
            ("4", "4"),
            ("3", "3.6"),
            ("2", "3"),
            ("2.3", "3"),
            ("1", "2.25"),
            ("1.2", "1.5"),
            ("1.3", "0.75"),
            ("1.1", "0"),
            ("2.1", "0"),
            ("4.1", "0"),
        ])
    );
    assert_eq!(
        pairs("nodes", "evidence"),
        owned(&[
            ("4", "0"),
            ("3", "1"),
            ("2", "0"),
            ("2.3", "0"),
            ("1", "0"),
            ("1.2", "1"),
            ("1.3", "2"),
            ("1.1", "3"),
            ("2.1", "0"),
            ("4.1", "2"),
        ])
    );
    let area2 = &r["areas"][2];
    assert_eq!(
        (
            n(&area2["max"]),
            n(&area2["applicable_max"]),
            n(&area2["self_score"])
        ),
        ("15".into(), "11".into(), "11".into())
    );
    assert_eq!(area2["unit"], "duong");
    assert_eq!(area2["unit_name"], "Dương Liễu (giả)");
    assert_eq!(area2["path"], "2022/2/");
    assert_eq!(
        r["nodes"][3]["explanation"],
        "Chưa có báo cáo rà soát (giả)."
    );
    assert_eq!(
        pairs("without_evidence", "score"),
        owned(&[("2.1", "5"), ("2.3", "3")])
    );
    assert_eq!(
        r["without_evidence"][0]["explanation"],
        serde_json::Value::Null
    );
    assert_eq!(
        pairs("changed", "difference"),
        owned(&[
            ("1.2", "-1.5"),
            ("1.3", "0.25"),
            ("2.3", "-3"),
            ("3", "-3.6")
        ])
    );
    assert_eq!(pairs("not_applicable", "max"), owned(&[("2.2", "4")]));
    assert_eq!(r["not_applicable"][0]["score"], serde_json::Value::Null);
    let units: Vec<(String, String, String)> = r["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["id"].as_str().unwrap().to_string(),
                n(&u["nodes"]),
                n(&u["lost"]),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("on", "1", "3.6"),
        ("au", "1", "3"),
        ("duong", "2", "3"),
        ("dao", "1", "1.5"),
        ("uong", "1", "0.75"),
        ("an", "1", "0"),
        ("ong", "1", "0"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(units, expected);
    assert_eq!(
        r["units"][5]["tasks"],
        serde_json::json!({"total": 5, "done_on_time": 1, "done_late": 1, "done": 0, "open": 1, "overdue": 1, "not_recorded": 1})
    );
    assert_eq!(
        r["tasks"],
        serde_json::json!({"total": 10, "done_on_time": 3, "done_late": 1, "done": 1, "open": 2, "overdue": 2, "not_recorded": 1})
    );
}

/// Every chart of a page: inline `<svg role="img">` with its `<title>` and
/// `<desc>`, nothing fetched from elsewhere, and a table of the same numbers
/// right after it. Returns each chart's table rows.
fn charts(html: &str) -> Vec<Vec<Vec<String>>> {
    // The only script is the header's search box (search.js).
    assert!(
        !common::between(html, "<main", "</main>").contains("<script"),
        "no script in the page's content"
    );
    let mut tables = Vec::new();
    for (i, _) in html.match_indices("<figure class=\"kc-chart\">") {
        let figure = between(&html[i..], "<figure class=\"kc-chart\">", "</figure>");
        let svg = between(figure, "<svg", "</svg>");
        let open = tags(figure, "svg")[0];
        assert!(open.contains(" role=\"img\""), "{open}");
        let ids = between(open, "aria-labelledby=\"", "\"");
        let (title_id, desc_id) = ids.split_once(' ').unwrap();
        assert!(svg.contains(&format!("<title id=\"{title_id}\">")), "{svg}");
        assert!(svg.contains(&format!("<desc id=\"{desc_id}\">")), "{svg}");
        let local = svg.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assert!(!local.contains("http") && !local.contains("//"), "{svg}");
        assert!(
            !local.contains("<image") && !local.contains("url("),
            "{svg}"
        );
        let after = &figure[figure.find("</svg>").unwrap()..];
        assert!(after.starts_with("</svg>\n<table class=\"kc-chart-data\">"));
        tables.push(body_rows(after));
    }
    tables
}

#[test]
fn charts_on_the_home_and_report_pages_carry_their_numbers_in_tables() {
    let site = built();
    let home = site.out("index.html");
    let t = charts(&home);
    assert_eq!(t.len(), 2, "the latest year's losses, and the years");
    // Points lost by area in id order; the maximum is the applicable one
    // (2.2 does not apply: 15 − 4 = 11).
    assert_eq!(
        as_strs(&t[0]),
        [
            ["i. Chỉ đạo điều hành (giả)", "2,25", "20"],
            ["ii. Cải cách thể chế (giả)", "3", "11"],
            ["iii. Thủ tục hành chính (giả)", "3,6", "25"],
            ["iv. Chính quyền số (giả)", "4", "40"],
        ]
    );
    assert_eq!(
        as_strs(&t[1]),
        [
            ["2021", "81,4", "100", "thứ 9/20"],
            ["2022", "83,15", "100", "thứ 3/20"],
        ]
    );
    assert!(home.contains(
        "<desc id=\"nam-desc\">Năm 2021: 81,4 / 100 điểm, thứ 9/20. Năm 2022: 83,15 / 100 điểm, thứ 3/20.</desc>"
    ));
    assert!(home.contains(">thứ 3</text>") && home.contains(">83,15</text>"));

    let page = site.out("2022/bao-cao/index.html");
    let t = charts(&page);
    assert_eq!(t.len(), 2);
    assert_eq!(
        as_strs(&t[0]),
        [
            ["iv. Chính quyền số (giả)", "4", "40"],
            ["iii. Thủ tục hành chính (giả)", "3,6", "25"],
            ["ii. Cải cách thể chế (giả)", "3", "11"],
            ["i. Chỉ đạo điều hành (giả)", "2,25", "20"],
        ]
    );
    // The score chart: 8 of the 11 that apply is 72,7%, as the tables' bars say.
    assert_eq!(
        as_strs(&t[1]),
        [
            ["i. Chỉ đạo điều hành (giả)", "17,75", "20", "88,8%"],
            ["ii. Cải cách thể chế (giả)", "8", "11", "72,7%"],
            ["iii. Thủ tục hành chính (giả)", "21,4", "25", "85,6%"],
            ["iv. Chính quyền số (giả)", "36", "40", "90%"],
        ]
    );
    assert!(page.contains(
        "<desc id=\"mat-2022-desc\">iv. Chính quyền số (giả): mất 4 / 40 điểm. \
         iii. Thủ tục hành chính (giả): mất 3,6 / 25 điểm. \
         ii. Cải cách thể chế (giả): mất 3 / 11 điểm. \
         i. Chỉ đạo điều hành (giả): mất 2,25 / 20 điểm.</desc>"
    ));
    assert!(page.contains(">3,6</text>") && page.contains(">8 / 11</text>"));
    assert!(home.contains("aria-label=\"8 trên 11 điểm (72,7%)\""));

    // The year pages show the years chart too.
    assert_eq!(charts(&site.out("2022/index.html")).len(), 1);
}

#[test]
fn documents_index_groups_by_number_issuer_and_year() {
    let site = built();
    let html = site.out("van-ban/index.html");
    // Vietnamese order of title: B, C, D, Đ, K, Q, T, T, V (byte order
    // would put Đăng last). 55/TB-STN of 2021 and of 2022 are two
    // documents; `55 /TB-STN` and `55/TB-STN` of 2022 one, cited twice;
    // 30/2020/NĐ-CP carries its year and is one document cited in both years.
    assert_eq!(
        as_strs(&body_rows(&html)),
        [
            vec![
                "120/BC-STN STN",
                "Báo cáo",
                "15/12/2022",
                "Báo cáo kết quả CCHC năm 2022 (giả)",
                "chưa có tệp",
                "2022 · 1.2 Báo cáo định kỳ (giả) (mục II)",
            ],
            vec![
                "3001/QĐ-UBND UBND",
                "Quyết định",
                "20/12/2022",
                "Công bố Chỉ số CCHC năm 2022 (giả)",
                "chưa có tệp",
                "2022 Quyết định công bố Chỉ số CCHC năm 2022 (dữ liệu giả)",
            ],
            vec![
                "1629/SNV-CCHC&PC SNV",
                "Công văn",
                "1/6/2022",
                "Dự kiến lịch chấm điểm CCHC (giả)",
                "chưa có tệp",
                "2022 · 1.3 Kiểm tra CCHC (giả)",
            ],
            vec![
                "—",
                "",
                "5/5/2022",
                "Đăng tin tuyên truyền CCHC (giả)",
                "Xem",
                "2022 · 1.1 Kế hoạch CCHC (giả)",
            ],
            vec![
                "05/KH-STN STN",
                "Kế hoạch",
                "10/1/2022 12/1/2022",
                "Kế hoạch CCHC năm 2022 (giả) ⚠ Được dẫn với ngày ban hành khác nhau",
                "chưa có tệp",
                "2022 · 1.1 Kế hoạch CCHC (giả) 2022 · 1.3 Kiểm tra CCHC (giả)",
            ],
            vec![
                "12/QĐ STN ⚠",
                "",
                "1/2/2022",
                "Quyết định kiện toàn Tổ CCHC (giả)",
                "chưa có tệp",
                "2022 · 1.1 Kế hoạch CCHC (giả)",
            ],
            vec![
                "55/TB-STN STN",
                "Thông báo",
                "10/3/2021",
                "Thông báo kết quả rà soát TTHC năm 2021 (giả)",
                "chưa có tệp",
                "2021 · 3 Thủ tục hành chính (giả)",
            ],
            vec![
                "55/TB-STN STN",
                "Thông báo",
                "15/3/2022",
                "Thông báo kết quả rà soát TTHC năm 2022 (giả)",
                "chưa có tệp",
                "2022 · 3 Thủ tục hành chính (giả) 2022 · 4.1 Văn thư điện tử (giả)",
            ],
            vec![
                "30/2020/NĐ-CP CP",
                "Nghị định",
                "5/3/2020",
                "Về công tác văn thư",
                "chưa có tệp",
                "2021 · 4.1 Văn thư điện tử (giả) 2022 · 4.1 Văn thư điện tử (giả)",
            ],
        ]
    );
    assert!(html.contains("<caption>9 văn bản</caption>"));
    // Rule 10 on the page: the callout, the row flagged.
    assert!(html.contains("<strong>1 văn bản</strong> được dẫn với ngày hoặc trích yếu khác nhau"));
    assert_eq!(html.matches(" class=\"has-warning\">").count(), 1);
    let flagged = between(&html, " class=\"has-warning\">", "</tr>");
    assert!(flagged.contains("05&#x2f;KH-STN"));
    // Links: the cited nodes' pages and the url of the evidence.
    let links = common::attr_values(&html, "href");
    for l in [
        "/cchc/2022/1-1/",
        "/cchc/2022/1-3/",
        "/cchc/2021/4-1/",
        "/cchc/2022/4-1/",
        "/cchc/2022/",
        "https://example.invalid/tin-tuc/cchc",
    ] {
        assert!(links.iter().any(|x| x == l), "{l} in {links:?}");
    }
}

/// The tasks table of a unit page: title, due, done, state (after the
/// year each task belongs to, checked here).
fn unit_tasks(site: &Site, unit: &str) -> Vec<Vec<String>> {
    let html = site.out(&format!("don-vi/{unit}/index.html"));
    body_rows(between(&html, "<h2 id=\"tasks-title\">", "</section>"))
        .into_iter()
        .map(|mut row| {
            let year = row.remove(0);
            assert!(
                ["2021", "2022"].contains(&year.as_str()),
                "{row:?} in {year}"
            );
            row
        })
        .collect()
}

/// The figures of a unit page, as text.
fn unit_figures(site: &Site, unit: &str) -> String {
    let html = site.out(&format!("don-vi/{unit}/index.html"));
    text(between(&html, "<dl class=\"figures\">", "</dl>"))
}

#[test]
fn units_with_their_nodes_tasks_and_on_time_rates() {
    let site = built();
    let html = site.out("don-vi/index.html");
    // Đơn vị, tiêu chí phụ trách (all years), điểm chưa đạt (2022), nhiệm vụ
    // (all years), đúng hạn, quá hạn.
    assert_eq!(
        as_strs(&body_rows(&html)),
        [
            [
                "An ninh mạng (giả)",
                "1",
                "0",
                "5",
                "1/3 đúng hạn (33,3%)",
                "1"
            ],
            ["Âu Cơ (giả)", "1", "3", "3", "2/3 đúng hạn (66,7%)", "1"],
            ["Dương Liễu (giả)", "2", "3", "0", "—", "0"],
            ["Đào tạo (giả)", "1", "1,5", "1", "—", "0"],
            ["Ông Đồ (giả)", "1", "0", "0", "—", "0"],
            ["Ơn Nghĩa (giả)", "1", "3,6", "0", "—", "0"],
            ["Uy Tín (giả)", "0", "0", "1", "0/1 đúng hạn (0%)", "0"],
            ["Ương Ngạnh (giả)", "1", "0,75", "1", "—", "0"],
        ]
    );

    // States around today (15/6/2023).
    assert_eq!(
        as_strs(&unit_tasks(&site, "an")),
        [
            [
                "Việc xong đúng ngày hạn (giả)",
                "31/5/2023",
                "31/5/2023",
                "Hoàn thành đúng hạn"
            ],
            [
                "Việc xong trễ hạn (giả)",
                "31/3/2023",
                "3/4/2023",
                "Hoàn thành trễ hạn"
            ],
            [
                "Việc đến hạn hôm nay (giả)",
                "15/6/2023",
                "—",
                "Đang thực hiện"
            ],
            ["Việc quá hạn từ hôm qua (giả)", "14/6/2023", "—", "Quá hạn"],
            [
                "Việc chưa có hạn (giả)",
                "—",
                "—",
                "Chưa ghi thời hạn và kết quả"
            ],
        ]
    );
    assert_eq!(
        unit_figures(&site, "an"),
        "Tiêu chí phụ trách 1 Điểm chưa đạt (năm gần nhất) 0 Nhiệm vụ 5 1 quá hạn, 1 đang thực hiện, 1 chưa ghi thời hạn \
         Đúng hạn 1/3 đúng hạn (33,3%)"
    );
    let an = site.out("don-vi/an/index.html");
    assert!(an.contains("<span class=\"state state-overdue\">Quá hạn</span>"));
    // Its node, with last year's score beside it.
    assert_eq!(
        as_strs(&body_rows(between(
            &an,
            "<h2 id=\"nodes-title\">",
            "</section>"
        ))),
        [[
            "1.1",
            "Kế hoạch CCHC (giả) ⚠ Có cảnh báo",
            "8",
            "8",
            "8",
            "0",
            "",
            "3",
            "7",
            "+1"
        ]]
    );
    // Tasks in a node name the node.
    assert_eq!(
        as_strs(&unit_tasks(&site, "au")),
        [
            [
                "Lập báo cáo rà soát (giả) (2.3 Rà soát văn bản (giả))",
                "31/3/2023",
                "20/3/2023",
                "Hoàn thành đúng hạn"
            ],
            [
                "Lập phiếu rà soát (giả) (2.3 Rà soát văn bản (giả))",
                "15/4/2023",
                "10/4/2023",
                "Hoàn thành đúng hạn"
            ],
            [
                "Công khai kết quả rà soát (giả) (2.3 Rà soát văn bản (giả))",
                "1/6/2023",
                "—",
                "Quá hạn"
            ],
        ]
    );
    assert!(unit_figures(&site, "au").ends_with("Đúng hạn 2/3 đúng hạn (66,7%)"));
    assert!(unit_figures(&site, "dao").ends_with("Đúng hạn chưa có nhiệm vụ đến hạn"));
    assert!(unit_figures(&site, "uy").ends_with("Đúng hạn 0/1 đúng hạn (0%)"));
    assert!(
        unit_figures(&site, "duong")
            .starts_with("Tiêu chí phụ trách 2 Điểm chưa đạt (năm gần nhất) 3 ")
    );
    let duong = site.out("don-vi/duong/index.html");
    assert_eq!(
        as_strs(&body_rows(between(
            &duong,
            "<h2 id=\"nodes-title\">",
            "</section>"
        ))),
        [
            [
                "ii",
                "Cải cách thể chế (giả)",
                "15",
                "11",
                "8",
                "3",
                "",
                "",
                "10",
                "−2"
            ],
            [
                "2.1",
                "Xây dựng văn bản (giả) ⚠ Có cảnh báo",
                "5",
                "5",
                "5",
                "0",
                "",
                "0",
                "4",
                "+1"
            ],
        ]
    );
}

#[test]
fn task_states_move_with_today() {
    // A day later, the task due today is overdue: 1 of 4 due on time.
    let later = built_on("2023-06-16");
    assert_eq!(unit_tasks(&later, "an")[2][3], "Quá hạn");
    assert!(unit_figures(&later, "an").ends_with("Đúng hạn 1/4 đúng hạn (25%)"));
    // A day earlier, the task due the 14th is due today: open, 1 of 2.
    let earlier = built_on("2023-06-14");
    assert_eq!(unit_tasks(&earlier, "an")[3][3], "Đang thực hiện");
    assert_eq!(unit_tasks(&earlier, "an")[2][3], "Đang thực hiện");
    assert!(unit_figures(&earlier, "an").ends_with("Đúng hạn 1/2 đúng hạn (50%)"));
    // The report command agrees.
    let run = later.run(&["report", "--today", "2023-06-16"]);
    run.ok();
    assert!(run.stdout.contains(
        "  An ninh mạng (giả): 1 tiêu chí, chưa đạt 0 điểm; 5 nhiệm vụ, 1/4 đúng hạn (25%)\n"
    ));
}

#[test]
fn year_over_year_on_node_and_assessment_pages() {
    let site = built();
    let yoy = |path: &str| -> String {
        let html = site.out(path);
        text(between(&html, "<p class=\"yoy\">", "</p>"))
    };
    assert_eq!(
        yoy("2022/1-1/index.html"),
        "Năm 2021: 7 / 8 — thay đổi +1 điểm."
    );
    assert_eq!(
        yoy("2022/1-2/index.html"),
        "Năm 2021: 4,5 / 6 — thay đổi 0 điểm."
    );
    assert_eq!(
        yoy("2022/1-3/index.html"),
        "Năm 2021: 6 / 6 — thay đổi −0,75 điểm."
    );
    assert_eq!(
        yoy("2022/1/index.html"),
        "Năm 2021: 17,5 / 20 — thay đổi +0,25 điểm."
    );
    assert_eq!(
        yoy("2022/2/index.html"),
        "Năm 2021: 10 / 15 — thay đổi −2 điểm."
    );
    assert_eq!(
        yoy("2022/3/index.html"),
        "Năm 2021: 20,9 / 25 — thay đổi +0,5 điểm."
    );
    assert_eq!(
        yoy("2022/4/index.html"),
        "Năm 2021: 33 / 40 — thay đổi +3 điểm."
    );
    assert_eq!(yoy("2022/2-2/index.html"), "Năm 2021: không áp dụng.");
    let p = site.out("2022/1-3/index.html");
    assert!(p.contains("<a href=\"&#x2f;cchc&#x2f;2021&#x2f;1-3&#x2f;\">6 / 6</a>"));
    // No year before 2021; no 2.2.1 in 2021.
    assert!(!site.out("2021/1-1/index.html").contains("class=\"yoy\""));
    assert!(!site.out("2022/2-2-1/index.html").contains("class=\"yoy\""));

    // Each assessment beside the year before: total and rank.
    let year = site.out("2022/index.html");
    let change = text(between(&year, "<dt>So với năm 2021</dt>", "</div>"));
    assert_eq!(change, "Tăng 6 bậc (thứ 9) +1,75 điểm");
    let home = site.out("index.html");
    let change = text(between(&home, "<dt>So với năm 2021</dt>", "</div>"));
    assert_eq!(change, "Tăng 6 bậc (năm 2021: thứ 9) +1,75 điểm");
    assert!(!site.out("2021/index.html").contains("So với năm"));
    // The year's table: last year's score and the change per row.
    let rows = body_rows(between(&year, "<h2 id=\"tree-title\">", "</section>"));
    let yoy_cols: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[8].as_str(), r[9].as_str()))
        .collect();
    assert_eq!(
        yoy_cols,
        [
            ("i", "17,5", "+0,25"),
            ("1.1", "7", "+1"),
            ("1.2", "4,5", "0"),
            ("1.3", "6", "−0,75"),
            ("ii", "10", "−2"),
            ("2.1", "4", "+1"),
            ("2.2", "", ""),
            ("2.2.1", "", ""),
            ("2.2.2", "", ""),
            ("2.3", "6", "−3"),
            ("iii", "20,9", "+0,5"),
            ("iv", "33", "+3"),
            ("4.1", "9", "+1"),
        ]
    );
}

#[test]
fn vietnamese_collation_of_unit_names() {
    let site = built();
    let html = site.out("don-vi/index.html");
    let names: Vec<String> = body_rows(&html).into_iter().map(|r| r[0].clone()).collect();
    let expected = [
        "An ninh mạng (giả)",
        "Âu Cơ (giả)",
        "Dương Liễu (giả)",
        "Đào tạo (giả)",
        "Ông Đồ (giả)",
        "Ơn Nghĩa (giả)",
        "Uy Tín (giả)",
        "Ương Ngạnh (giả)",
    ];
    assert_eq!(names, expected);
    // Not byte order, which puts Â, Ô, Đ, Ơ and Ư after U.
    let mut bytes = expected.to_vec();
    bytes.sort();
    assert_eq!(
        bytes,
        [
            "An ninh mạng (giả)",
            "Dương Liễu (giả)",
            "Uy Tín (giả)",
            "Âu Cơ (giả)",
            "Ông Đồ (giả)",
            "Đào tạo (giả)",
            "Ơn Nghĩa (giả)",
            "Ương Ngạnh (giả)",
        ]
    );
    // In the report, equal losses fall back on the same order: Âu Cơ
    // before Dương Liễu (3 each), An before Ông (0 each).
    let r: serde_json::Value = serde_json::from_str(&report(&site, &["--format", "json"])).unwrap();
    let ids: Vec<&str> = r["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["on", "au", "duong", "dao", "uong", "an", "ong"]);
}

#[test]
fn the_workbook_the_build_writes_reads_back() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let site = built();
    let mut wb: Xlsx<_> = open_workbook(site.public().join("data/2022.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Cây tiêu chí", "Tài liệu kiểm chứng", "Nhiệm vụ"]
    );
    let tree = wb.worksheet_range("Cây tiêu chí").unwrap();
    let s = |v: &str| Data::String(v.to_string());
    let f = Data::Float;
    let e = Data::Empty;
    // Mã, nhãn, tiêu chí, tối đa, tự đánh giá, thẩm định, chưa đạt, áp dụng,
    // đơn vị, số TLKC (first ten columns).
    let row = |i: usize| -> Vec<Data> {
        (0..10)
            .map(|c| tree.get((i, c)).cloned().unwrap_or(Data::Empty))
            .collect()
    };
    assert_eq!(
        row(1),
        [
            s("1"),
            s("i"),
            s("Chỉ đạo điều hành (giả)"),
            f(20.0),
            f(19.0),
            f(17.75),
            f(2.25),
            s("có"),
            e.clone(),
            f(0.0)
        ]
    );
    assert_eq!(
        row(3),
        [
            s("1.2"),
            e.clone(),
            s("Báo cáo định kỳ (giả)"),
            f(6.0),
            f(6.0),
            f(4.5),
            f(1.5),
            s("có"),
            s("Đào tạo (giả)"),
            f(1.0)
        ]
    );
    assert_eq!(
        row(5),
        [
            s("2"),
            s("ii"),
            s("Cải cách thể chế (giả)"),
            f(15.0),
            f(11.0),
            f(8.0),
            f(3.0),
            s("có"),
            s("Dương Liễu (giả)"),
            f(0.0)
        ]
    );
    assert_eq!(
        row(7),
        [
            s("2.2"),
            e.clone(),
            s("Nội dung không áp dụng (giả)"),
            f(4.0),
            e.clone(),
            e.clone(),
            e.clone(),
            s("không"),
            e.clone(),
            f(0.0)
        ]
    );
    assert_eq!(
        row(8)[..8],
        [
            s("2.2.1"),
            e.clone(),
            s("Thành phần thứ nhất không áp dụng (giả)"),
            f(2.0),
            e.clone(),
            e.clone(),
            e.clone(),
            s("không")
        ]
    );
    assert_eq!(
        row(11),
        [
            s("3"),
            s("iii"),
            s("Thủ tục hành chính (giả)"),
            f(25.0),
            f(25.0),
            f(21.4),
            f(3.6),
            s("có"),
            s("Ơn Nghĩa (giả)"),
            f(1.0)
        ]
    );
    assert_eq!(
        row(12),
        [
            s("4"),
            s("iv"),
            s("Chính quyền số (giả)"),
            f(40.0),
            e.clone(),
            f(36.0),
            f(4.0),
            s("có"),
            e.clone(),
            f(0.0)
        ]
    );
    assert_eq!(row(13)[0], s("4.1"));
    // Totals: 83,15 of 100, 12,85 lost; then the published figures.
    assert_eq!(row(14)[2], s("Tổng điểm (cộng các lĩnh vực)"));
    assert_eq!(row(14)[3], f(100.0));
    assert_eq!(row(14)[5], f(83.15));
    assert_eq!(row(14)[6], f(12.85));
    if let Data::Float(x) = row(14)[5] {
        assert_eq!(x.to_string(), "83.15");
    }
    assert_eq!(
        row(15)[2],
        s("Tổng điểm công bố (Quyết định số 3001/QĐ-UBND ngày 20/12/2022)")
    );
    assert_eq!(tree.get((15, 10)), Some(&s("Xếp thứ 3/20")));
    assert_eq!(tree.height(), 16);

    let ev = wb.worksheet_range("Tài liệu kiểm chứng").unwrap();
    assert_eq!(ev.height(), 1 + 9, "nine pieces of evidence in 2022");
    let numbers: Vec<Data> = (1..ev.height())
        .map(|i| ev.get((i, 2)).cloned().unwrap_or(Data::Empty))
        .collect();
    assert_eq!(
        numbers,
        [
            s("05/KH-STN"),
            s("12/QĐ STN"),
            e.clone(),
            s("120/BC-STN"),
            s("1629/SNV-CCHC&PC"),
            s("5/KH-STN"),
            s("55 /TB-STN"),
            s("55/TB-STN"),
            s("30/2020/NĐ-CP"),
        ]
    );

    let tasks = wb.worksheet_range("Nhiệm vụ").unwrap();
    let states: Vec<Data> = (1..tasks.height())
        .map(|i| tasks.get((i, 5)).cloned().unwrap_or(Data::Empty))
        .collect();
    assert_eq!(
        states,
        [
            s("Hoàn thành đúng hạn"),
            s("Hoàn thành trễ hạn"),
            s("Đang thực hiện"),
            s("Quá hạn"),
            s("Chưa ghi thời hạn và kết quả"),
            s("Đang thực hiện"),
            s("Đã hoàn thành (không ghi thời hạn)"),
            s("Hoàn thành đúng hạn"),
            s("Hoàn thành đúng hạn"),
            s("Quá hạn"),
        ]
    );

    // 2021 too: 81,4.
    let mut old: Xlsx<_> = open_workbook(site.public().join("data/2021.xlsx")).unwrap();
    let tree = old.worksheet_range("Cây tiêu chí").unwrap();
    let total = (0..tree.height())
        .find(|&i| tree.get((i, 2)) == Some(&s("Tổng điểm (cộng các lĩnh vực)")))
        .unwrap();
    assert_eq!(tree.get((total, 5)), Some(&f(81.4)));
    assert_eq!(tree.get((total, 6)), Some(&f(14.6)));
}

#[test]
fn print_view_repeats_the_report_for_a4() {
    let site = built();
    let print = site.out("2022/in/index.html");
    let screen = site.out("2022/bao-cao/index.html");
    assert!(print.contains("<body class=\"kind-print review\">"));
    assert!(print.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(print.contains("<h1>Báo cáo điểm chưa đạt — Chỉ số CCHC năm 2022 (dữ liệu giả)</h1>"));
    for id in [
        "tieu-chi",
        "khong-tlkc",
        "tham-dinh",
        "kad",
        "don-vi",
        "nhiem-vu",
    ] {
        assert_eq!(section(&print, id), section(&screen, id), "section {id}");
    }
    // The screen page links to the print view; the print view does not.
    assert!(screen.contains(">Bản in (A4)</a>"));
    assert!(!print.contains(">Bản in (A4)</a>"));
    let css = site.out("style.css");
    let print_css = between(&css, "@media print {", "\n}");
    assert!(print_css.contains("@page { size: A4"), "{print_css}");
    // The public site's sitemap lists the report, not its print view (the
    // review site has no sitemap).
    assert!(!site.public().join("sitemap.xml").exists());
    let public = Site::new("reviewers");
    public.run(&["build", "--today", TODAY]).ok();
    let sitemap = public.out("sitemap.xml");
    assert!(sitemap.contains("/2022/bao-cao/") && !sitemap.contains("/2022/in/"));
    let files = snapshot(&site.public());
    assert!(common::links_resolve(&files, "/cchc/") > 100);
}
