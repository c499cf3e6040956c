//! `kiemchung import`: the tables of `tests/fixtures/import/` (made by its
//! `make.py`) give years that pass `check`; an existing year gets its
//! titles and maxima and nothing else; the workbook `build` writes imports
//! back unchanged; every refusal names its cell and writes nothing.

mod common;
use common::{Site, TODAY, snapshot};
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    common::fixtures()
        .join("import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn content(site: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    snapshot(&site.path("content"))
}

/// `check --strict` passes and `build` succeeds.
fn passes(site: &Site) {
    site.run(&["check", "--strict", "--today", TODAY]).ok();
    site.build().ok();
}

/// Every node of a year's data file, depth first: (id, max, title).
fn nodes(data: &serde_json::Value) -> Vec<(String, String, String)> {
    fn walk(nodes: &serde_json::Value, out: &mut Vec<(String, String, String)>) {
        for n in nodes.as_array().unwrap() {
            out.push((
                n["id"].as_str().unwrap().to_string(),
                n["max"].to_string(),
                n["title"].as_str().unwrap().to_string(),
            ));
            walk(&n["children"], out);
        }
    }
    let mut out = Vec::new();
    walk(&data["nodes"], &mut out);
    out
}

/// The areas and maxima of this repository's content/2022, from its files.
fn repository_2022_areas() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/2022");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let index = e.unwrap().path().join("_index.md");
        if !index.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(index).unwrap();
        let field = |k: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{k}: ")))
                .unwrap()
                .trim_matches('"')
                .to_string()
        };
        out.push((field("id"), field("max")));
    }
    out.sort_by_key(|(id, _)| id.parse::<u32>().unwrap());
    out
}

#[test]
fn the_2022_table_gives_a_year_that_passes_check_with_the_repository_maxima() {
    let site = Site::new("site");
    let run = site.run(&["import", "2024", &fixture("bo-chi-so-2022.xlsx")]);
    run.ok();
    assert!(
        run.stdout
            .starts_with("read the table at Sheet1!A4: 9 areas, 12 criteria, maximum 100\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("added   content/2024/1-cong-tac-chi-dao-dieu-hanh-cai-cach-hanh/1.2.1.md\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("imported: 22 added, 0 changed, 0 removed\n")
    );
    passes(&site);

    let data = site.out_json("data/2024.json");
    let areas: Vec<(String, String)> = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap().to_string(), n["max"].to_string()))
        .collect();
    assert_eq!(areas, repository_2022_areas());
    assert_eq!(data["max"].to_string(), "100");
    let all = nodes(&data);
    let ids: Vec<&str> = all.iter().map(|n| n.0.as_str()).collect();
    assert_eq!(
        ids,
        [
            "1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1", "2.2", "3", "3.1", "4", "4.1", "5",
            "5.1", "6", "6.1", "7", "7.1", "8", "8.1", "9"
        ]
    );
    // "1,5" typed as text and 1.25 as a number cell, read exactly.
    assert!(all.contains(&(
        "1.2".into(),
        "1.5".into(),
        "Kế hoạch cải cách hành chính năm (ví dụ)".into()
    )));
    assert!(all.iter().any(|n| n.0 == "6.1" && n.1 == "1.25"));
    // The area row "I. CÔNG TÁC…" merged over the number and title cells.
    assert_eq!(data["nodes"][0]["label"], "I");
    assert_eq!(
        data["nodes"][0]["title"],
        "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"
    );
    assert_eq!(data["nodes"][0]["children"][0]["unit"], "van-phong");

    // The guide in the rows under 1.2.1 and in the lines of 1.1's cell,
    // under a heading of the body, never in scores.
    let text = site.read("content/2024/1-cong-tac-chi-dao-dieu-hanh-cai-cach-hanh/1.2.1.md");
    assert!(
        text.ends_with(
            "---\n\n## Hướng dẫn chấm điểm\n\n- Ban hành kịp thời: 1\n- Không kịp thời: 0,5\n\
             - Không ban hành: 0\n\n## Tài liệu kiểm chứng\n\n- Kế hoạch CCHC năm (ví dụ)\n"
        ),
        "{text}"
    );
    assert!(text.starts_with(
        "---\n# yaml-language-server: $schema=../../../schemas/criterion.schema.json\nid: \"1.2.1\"\n"
    ));
    let text = site.read("content/2024/1-cong-tac-chi-dao-dieu-hanh-cai-cach-hanh/1.1.md");
    assert!(text.contains("- Hoàn thành đúng hạn tất cả nhiệm vụ: 2\n- Không đúng hạn"));
    assert!(!text.contains("score"), "{text}");
    // Not itemised parts are said, not refused.
    assert!(
        run.stderr.contains(
            "note: Sheet1!C6: the criteria under 1 add up to 3.5 of its 13.5; the 10 left is shown as not itemised"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_ods_with_a_header_on_two_rows_and_merged_cells() {
    let site = Site::new("site");
    site.run(&["import", "2025", &fixture("bang-diem.ods")])
        .ok();
    passes(&site);
    let data = site.out_json("data/2025.json");
    let all = nodes(&data);
    let ids: Vec<&str> = all.iter().map(|n| n.0.as_str()).collect();
    assert_eq!(ids, ["1", "1.1", "1.2", "2", "2.1", "3", "3.1", "3.2"]);
    // The unit merged down over 1.1 and 1.2 is theirs alike.
    let area = &data["nodes"][0];
    assert_eq!(area["children"][0]["unit"], "van-phong");
    assert_eq!(area["children"][1]["unit"], "van-phong");
    assert_eq!(data["nodes"][1]["children"][0]["unit"], "thanh-tra");
    let three_one = site.read("content/2025/3-linh-vuc-thu-ba-vi-du/3.1.md");
    assert!(
        three_one.contains("## Hướng dẫn chấm điểm\n\n- Có báo cáo: 12,5\n- Không có: 0\n"),
        "{three_one}"
    );
    assert!(
        site.read("content/2025/1-linh-vuc-thu-nhat-vi-du/1.1.md")
            .contains("- Đạt: 20\n- Không đạt: 0\n")
    );
    assert!(
        site.read("content/2025/2-linh-vuc-thu-hai-vi-du/2.1.md")
            .contains("## Ghi chú\n\n- Ghi chú của bảng (ví dụ)\n")
    );
}

#[test]
fn a_csv_with_a_byte_order_mark_and_semicolons() {
    let site = Site::new("site");
    let run = site.run(&["import", "2026", &fixture("bang-bom.csv")]);
    run.ok();
    assert!(
        run.stdout.starts_with("read the table at 'bang-bom'!A3:"),
        "{}",
        run.stdout
    );
    passes(&site);
    let data = site.out_json("data/2026.json");
    let all = nodes(&data);
    assert_eq!(
        all.iter()
            .map(|n| (n.0.as_str(), n.1.as_str()))
            .collect::<Vec<_>>(),
        [
            ("1", "60"),
            ("1.1", "30"),
            ("1.2", "30"),
            ("2", "40"),
            ("2.1", "22.5"),
            ("2.2", "17.5")
        ]
    );
    assert!(
        site.read("content/2026/1-linh-vuc-a-vi-du/1.1.md")
            .contains("- Đầy đủ: 30\n- Chưa đầy đủ: 15\n")
    );
}

#[test]
fn a_dry_run_lists_the_same_and_writes_nothing() {
    let site = Site::new("site");
    let before = content(&site);
    let dry = site.run(&[
        "import",
        "2024",
        &fixture("bo-chi-so-2022.xlsx"),
        "--dry-run",
    ]);
    dry.ok();
    assert!(content(&site) == before);
    assert!(dry.stdout.ends_with(
        "dry run: nothing was written (22 added, 0 changed, 0 removed without --dry-run)\n"
    ));
    let real = site.run(&["import", "2024", &fixture("bo-chi-so-2022.xlsx")]);
    real.ok();
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with("dry run") && !l.starts_with("imported"))
            .map(String::from)
            .collect()
    };
    assert_eq!(lines(&dry.stdout), lines(&real.stdout));
    assert_eq!(dry.stderr, real.stderr);
}

/// A cell of a table made in a test.
enum C {
    T(&'static str),
    N(f64),
    E,
}
use C::{E, N, T};

/// Writes a one-sheet workbook ("Sheet1") of `rows` into the site's temp
/// folder; `merges` are (first row, first col, last row, last col).
fn table(site: &Site, name: &str, rows: &[&[C]], merges: &[(u32, u16, u32, u16)]) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").unwrap();
    for &(r1, c1, r2, c2) in merges {
        let text = match &rows[r1 as usize][c1 as usize] {
            T(t) => *t,
            _ => "",
        };
        ws.merge_range(r1, c1, r2, c2, text, &Default::default())
            .unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let inside = merges.iter().any(|&(r1, c1, r2, c2)| {
                (r1..=r2).contains(&(r as u32)) && (c1..=c2).contains(&(c as u16))
            });
            if inside {
                continue;
            }
            match cell {
                T(t) => {
                    ws.write_string(r as u32, c as u16, *t).unwrap();
                }
                N(n) => {
                    ws.write_number(r as u32, c as u16, *n).unwrap();
                }
                E => {}
            }
        }
    }
    let path = site.tmp.path().join(name);
    wb.save(&path).unwrap();
    path
}

const HEADER: &[C] = &[T("STT"), T("Tiêu chí"), T("Điểm tối đa")];

/// The import of `rows` into 2024 is refused: exit 1, the message names
/// `cell`, and nothing is written.
fn refused(rows: &[&[C]], says: &[&str]) -> String {
    let site = Site::new("site");
    let path = table(&site, "bang.xlsx", rows, &[]);
    let before = content(&site);
    let run = site.run(&["import", "2024", path.to_str().unwrap()]);
    run.assert_code(1);
    for s in says {
        assert!(run.stderr.contains(s), "expected {s:?} in\n{}", run.stderr);
    }
    assert!(content(&site) == before, "something was written");
    assert!(!site.path("content/2024").exists());
    run.stderr
}

#[test]
fn a_maximum_that_is_not_a_number_is_refused_at_its_cell() {
    refused(
        &[
            &[T("BẢNG ĐIỂM (ví dụ)")],
            HEADER,
            &[T("I"), T("Lĩnh vực (ví dụ)"), N(100.0)],
            &[T("1"), T("Tiêu chí (ví dụ)"), T("hai")],
        ],
        &[
            "error[E907]: Sheet1!C4: the maximum of 1.1, `hai`, is not a number",
            "help: write the maximum as 2, 1,5 or 0.25",
        ],
    );
    // A number cell of more than three decimals, as a double gives it.
    refused(
        &[
            HEADER,
            &[T("I"), T("Lĩnh vực (ví dụ)"), N(100.0)],
            &[T("1"), T("Tiêu chí (ví dụ)"), N(0.1 + 0.2)],
        ],
        &[
            "error[E907]: Sheet1!C3: the maximum of 1.1, `0.30000000000000004`, is not a number: a score has at most 3 digits after the decimal point",
        ],
    );
    refused(
        &[HEADER, &[T("I"), T("Lĩnh vực (ví dụ)"), E]],
        &["error[E907]: Sheet1!C2: 1 has no maximum (Điểm tối đa)"],
    );
}

#[test]
fn children_adding_up_to_more_than_their_parent_are_refused_at_its_cell() {
    refused(
        &[
            HEADER,
            &[T("I"), T("Lĩnh vực (ví dụ)"), N(100.0)],
            &[T("1"), T("Tiêu chí (ví dụ)"), N(2.0)],
            &[T("1.1"), T("Thành phần một (ví dụ)"), T("1,5")],
            &[T("1.2"), T("Thành phần hai (ví dụ)"), N(1.0)],
        ],
        &[
            "error[E913]: Sheet1!C3: the criteria under 1.1 have maxima adding up to 2.5, more than its maximum 2",
            "help: under 1.1: 1.1.1 1.5 (Sheet1!C4), 1.1.2 1 (Sheet1!C5)",
        ],
    );
}

#[test]
fn areas_not_adding_up_to_the_assessment_are_refused_at_the_total() {
    refused(
        &[
            HEADER,
            &[T("I"), T("Lĩnh vực một (ví dụ)"), N(60.0)],
            &[T("II"), T("Lĩnh vực hai (ví dụ)"), T("39,5")],
        ],
        &[
            "error[E914]: Sheet1!C2: the areas' maxima add up to 99.5, but the assessment's maximum is 100 (the default 100",
            "help: areas: 1 60 (Sheet1!C2), 2 39.5 (Sheet1!C3)",
        ],
    );
    refused(
        &[
            HEADER,
            &[T("I"), T("Lĩnh vực một (ví dụ)"), N(60.0)],
            &[T("II"), T("Lĩnh vực hai (ví dụ)"), N(40.0)],
            &[E, T("Tổng cộng"), N(90.0)],
        ],
        &[
            "error[E914]: Sheet1!C4: the areas' maxima add up to 100, but the assessment's maximum is 90 (the total row, Sheet1!C4)",
        ],
    );
}

#[test]
fn a_duplicate_id_is_refused_at_its_second_cell() {
    refused(
        &[
            HEADER,
            &[T("I"), T("Lĩnh vực (ví dụ)"), N(100.0)],
            &[T("1"), T("Tiêu chí (ví dụ)"), N(1.0)],
            &[T("1"), T("Tiêu chí nữa (ví dụ)"), N(1.0)],
        ],
        &["error[E910]: Sheet1!A4: 1.1 is given twice: first at Sheet1!A3"],
    );
    refused(
        &[
            &[T("Mã"), T("Tiêu chí"), T("Điểm tối đa")],
            &[T("1"), T("Lĩnh vực (ví dụ)"), N(100.0)],
            &[T("1.2.1"), T("Mồ côi (ví dụ)"), N(1.0)],
        ],
        &["error[E911]: Sheet1!A3: 1.2.1 has no parent 1.2 in the table"],
    );
}

#[test]
fn a_header_that_cannot_be_found_is_refused_with_what_was_looked_for() {
    let stderr = refused(
        &[
            &[T("STT"), T("Nội dung"), T("Điểm")],
            &[T("I"), T("Lĩnh vực (ví dụ)"), N(100.0)],
        ],
        &[
            "error[E905]: bang.xlsx: cannot find the table's header row",
            "help: looked in the first 60 rows of sheet `Sheet1` for a number column (STT, TT or Mã), \
             a title column (Lĩnh vực, Tiêu chí, Tiêu chí thành phần or Nội dung) and a maximum column (Điểm tối đa)",
            "the closest was the row of Sheet1!A1, with a number column and a title column only",
        ],
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn tone_marks_column_order_and_merged_area_rows() {
    let site = Site::new("site");
    let path = table(
        &site,
        "khong-dau.xlsx",
        &[
            &[T("BANG DIEM (vi du)")],
            &[T("Diem toi da"), T("So TT"), T("Noi dung")],
            &[N(100.0), T("I. LINH VUC (vi du)"), E],
            &[
                N(100.0),
                T("1"),
                T("Tieu chi (vi du)\nDat: 100 / Khong dat: 0"),
            ],
        ],
        &[(2, 1, 2, 2)],
    );
    site.run(&["import", "2024", path.to_str().unwrap()]).ok();
    passes(&site);
    let data = site.out_json("data/2024.json");
    assert_eq!(data["nodes"][0]["title"], "LINH VUC (vi du)");
    assert_eq!(data["nodes"][0]["children"][0]["title"], "Tieu chi (vi du)");
    assert!(
        site.read("content/2024/1-linh-vuc-vi-du/1.1.md")
            .contains("- Dat: 100\n- Khong dat: 0\n")
    );
}

/// The fixture's 2022 table as a workbook: Mã, Tiêu chí, Điểm tối đa.
fn fixture_2022(site: &Site, changes: &[(&'static str, C)], drop: &[&str]) -> PathBuf {
    let mut rows: Vec<Vec<C>> = vec![vec![T("Mã"), T("Tiêu chí"), T("Điểm tối đa")]];
    let tree: [(&str, &str, f64); 7] = [
        ("1", "Công tác chỉ đạo điều hành cải cách hành chính", 13.5),
        ("1.1", "Thực hiện nhiệm vụ UBND tỉnh giao", 2.0),
        ("1.2", "Ban hành kế hoạch CCHC năm", 1.5),
        ("1.10", "Báo cáo định kỳ", 10.0),
        ("2", "Cải cách thể chế", 6.5),
        ("2.1", "Rà soát văn bản quy phạm pháp luật", 1.0),
        ("2.2", "Kiểm tra văn bản theo thẩm quyền", 1.0),
    ];
    for (id, title, max) in tree {
        if drop.contains(&id) {
            continue;
        }
        rows.push(vec![T(id), T(title), N(max)]);
    }
    for (id, cell) in changes {
        let i = rows.iter().position(|r| matches!(r[0], T(x) if x == *id));
        let cell = match cell {
            T(t) => T(t),
            N(n) => N(*n),
            E => E,
        };
        match i {
            Some(i) if matches!(cell, T(_)) => rows[i][1] = cell,
            Some(i) => rows[i][2] = cell,
            None => rows.push(vec![T(id), T("Tiêu chí mới (ví dụ)"), cell]),
        }
    }
    rows.push(vec![E, T("Tổng cộng"), N(20.0)]);
    let refs: Vec<&[C]> = rows.iter().map(Vec::as_slice).collect();
    table(site, "2022.xlsx", &refs, &[])
}

#[test]
fn an_existing_year_gets_its_titles_and_maxima_and_keeps_everything_else() {
    let site = Site::new("site");
    let before = content(&site);
    let path = fixture_2022(
        &site,
        &[
            (
                "1.1",
                T("Thực hiện nhiệm vụ UBND tỉnh giao (tên mới, ví dụ)"),
            ),
            ("2.1", N(0.5)),
            ("2.3", N(0.5)),
        ],
        &["2.2"],
    );
    let run = site.run(&["import", "2022", path.to_str().unwrap()]);
    run.ok();
    assert_eq!(
        run.stdout,
        "read the table at Sheet1!A1: 2 areas, 5 criteria, maximum 20\n\
         added   content/2022/2-the-che/2.3.md\n\
         changed content/2022/1-chi-dao/1.1.md: title \"Thực hiện nhiệm vụ UBND tỉnh giao\" → \"Thực hiện nhiệm vụ UBND tỉnh giao (tên mới, ví dụ)\"\n\
         changed content/2022/2-the-che/2.1.md: max 1 → 0.5\n\
         removed content/2022/2-the-che/2.2.md (2.2 is not in the table; the file is kept, delete it if it must go)\n\
         imported: 1 added, 2 changed, 1 removed\n"
    );
    let after = content(&site);
    for (rel, bytes) in &before {
        let now = &after[rel];
        let (was, now) = (String::from_utf8_lossy(bytes), String::from_utf8_lossy(now));
        match rel.as_str() {
            "2022/1-chi-dao/1.1.md" => assert_eq!(
                now,
                was.replacen(
                    "title: \"Thực hiện nhiệm vụ UBND tỉnh giao\"",
                    "title: \"Thực hiện nhiệm vụ UBND tỉnh giao (tên mới, ví dụ)\"",
                    1
                )
            ),
            "2022/2-the-che/2.1.md" => assert_eq!(now, was.replacen("max: 1\n", "max: 0.5\n", 1)),
            _ => assert_eq!(now, was, "{rel} changed"),
        }
    }
    assert!(after.contains_key("2022/2-the-che/2.2.md"), "never deleted");
    passes(&site);

    // Again: nothing left to change.
    let again = site.run(&["import", "2022", path.to_str().unwrap()]);
    again.ok();
    assert!(
        again.stdout.ends_with(
            "nothing to write: the year already has the table's titles and maxima (0 added, 0 changed, 1 removed)\n"
        ),
        "{}",
        again.stdout
    );
}

#[test]
fn maxima_that_would_break_the_scores_are_refused_with_checks_errors() {
    let site = Site::new("site");
    let before = content(&site);
    // 1.2 is scored 1.5: a maximum of 1 would put its score above it.
    let path = fixture_2022(&site, &[("1.2", N(1.0)), ("1.10", N(10.5))], &[]);
    let run = site.run(&["import", "2022", path.to_str().unwrap()]);
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "]: score 1.5 is greater than max 1; expected a value between 0 and 1\n --> content/2022/1-chi-dao/1.2.md:6:8\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "error[E919]: with the table's titles and maxima, content/2022 would not pass check"
        ),
        "{}",
        run.stderr
    );
    assert!(content(&site) == before);
}

/// Imports the `/data/<year>.xlsx` that `build` wrote back into the same
/// site: nothing to change, no byte of content/ changed.
fn round_trip(root: &Path, year: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let root_s = root.to_str().unwrap();
    let out_s = out.to_str().unwrap();
    common::run_in(
        tmp.path(),
        &[
            "build", "--root", root_s, "--output", out_s, "--today", TODAY,
        ],
    )
    .ok();
    let before = snapshot(&root.join("content"));
    let book = out.join(format!("data/{year}.xlsx"));
    let run = common::run_in(
        tmp.path(),
        &["import", "--root", root_s, year, book.to_str().unwrap()],
    );
    run.ok();
    assert!(
        run.stdout.contains(
            "nothing to write: the year already has the table's titles and maxima (0 added, 0 changed, 0 removed)"
        ),
        "{}\n{}",
        run.stdout,
        run.stderr
    );
    assert!(
        run.stdout
            .starts_with("read the table at 'Cây tiêu chí'!A1:")
    );
    assert!(snapshot(&root.join("content")) == before);
}

#[test]
fn the_workbook_build_writes_imports_back_and_changes_nothing() {
    let site = Site::new("site");
    round_trip(&site.root, "2022");
    // This repository's own site, copied.
    let tmp = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&repo.join("content"), &tmp.path().join("site/content"));
    std::fs::copy(repo.join("site.toml"), tmp.path().join("site/site.toml")).unwrap();
    round_trip(&tmp.path().join("site"), "2022");
}

#[test]
fn an_xls_with_labels_and_a_merged_unit() {
    let site = Site::new("site");
    site.run(&["import", "2027", &fixture("bang-cu.xls")]).ok();
    passes(&site);
    let data = site.out_json("data/2027.json");
    let all = nodes(&data);
    assert_eq!(
        all.iter()
            .map(|n| (n.0.as_str(), n.1.as_str()))
            .collect::<Vec<_>>(),
        [("1", "70"), ("1.1", "35.5"), ("1.2", "34.5"), ("2", "30")]
    );
    assert_eq!(data["nodes"][0]["label"], "i");
    assert_eq!(data["nodes"][0]["children"][1]["unit"], "van-phong");
}
