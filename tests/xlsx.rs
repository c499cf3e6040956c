//! `/data/<year>.xlsx`: builds the fixture site in memory, writes the
//! workbook and reads it back with calamine (values) and zip (sheet XML).

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use jiff::civil::Date;
use kiemchung::exports::xlsx;
use kiemchung::pipeline::{self, BuildOptions, Built};
use std::io::{Cursor, Read};
use std::path::PathBuf;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports-site")
}

fn today() -> Date {
    Date::new(2023, 6, 30).unwrap()
}

fn build() -> Built {
    let opts = BuildOptions {
        root: fixture(),
        base_url: None,
        origin: None,
        today: today().into(),
        // The reviewers' workbook: warnings included.
        audience: kiemchung::model::audience::Audience::Review,
    };
    match pipeline::build(&opts, None) {
        Ok(b) => b,
        Err(diags) => panic!("the fixture must build: {diags:#?}"),
    }
}

fn workbook_bytes() -> Vec<u8> {
    let built = build();
    let a = built
        .site
        .assessments
        .iter()
        .find(|a| a.year == 2022)
        .expect("2022");
    xlsx::workbook(&built.site, a).expect("workbook")
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook")
}

fn range(wb: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> calamine::Range<Data> {
    let r = wb.worksheet_range(sheet).expect(sheet);
    assert_eq!(r.start(), Some((0, 0)), "{sheet} starts at A1");
    r
}

fn cell(r: &calamine::Range<Data>, row: usize, col: usize) -> Data {
    r.get((row, col)).cloned().unwrap_or(Data::Empty)
}

fn s(v: &str) -> Data {
    Data::String(v.to_string())
}

fn f(v: f64) -> Data {
    Data::Float(v)
}

fn ymd(d: &Data) -> (u16, u8, u8) {
    match d {
        Data::DateTime(dt) => {
            assert!(dt.is_datetime(), "{d:?} is a date");
            let (y, m, d, h, mi, sec, ms) = dt.to_ymd_hms_milli();
            assert_eq!((h, mi, sec, ms), (0, 0, 0, 0));
            (y, m, d)
        }
        other => panic!("expected a date, found {other:?}"),
    }
}

fn header(r: &calamine::Range<Data>) -> Vec<String> {
    r.rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| match c {
            Data::String(s) => s.clone(),
            other => panic!("header cell {other:?}"),
        })
        .collect()
}

/// The rows whose first cell is the given text.
fn row_of(r: &calamine::Range<Data>, col: usize, text: &str) -> usize {
    (0..r.height())
        .find(|&i| cell(r, i, col) == s(text))
        .unwrap_or_else(|| panic!("no row with {text}"))
}

fn sheet_xml(bytes: &[u8], n: usize) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut out = String::new();
    z.by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    out
}

#[test]
fn three_sheets_with_vietnamese_headers() {
    let bytes = workbook_bytes();
    let mut wb = open(&bytes);
    assert_eq!(
        wb.sheet_names(),
        ["Cây tiêu chí", "Tài liệu kiểm chứng", "Nhiệm vụ"]
    );
    assert_eq!(
        header(&range(&mut wb, xlsx::SHEET_TREE)),
        [
            "Mã",
            "Nhãn",
            "Tiêu chí",
            "Điểm tối đa",
            "Tự đánh giá",
            "Điểm thẩm định",
            "Điểm chưa đạt",
            "Áp dụng",
            "Đơn vị",
            "Số TLKC",
            "Giải trình",
            "Cảnh báo"
        ]
    );
    assert_eq!(
        header(&range(&mut wb, xlsx::SHEET_EVIDENCE)),
        [
            "Mã tiêu chí",
            "Tiêu chí",
            "Số, ký hiệu",
            "Ngày",
            "Trích yếu",
            "Cơ quan ban hành",
            "Vị trí",
            "Tệp / liên kết"
        ]
    );
    assert_eq!(
        header(&range(&mut wb, xlsx::SHEET_TASKS)),
        [
            "Nhiệm vụ",
            "Đơn vị",
            "Mã tiêu chí",
            "Hạn",
            "Ngày hoàn thành",
            "Trạng thái"
        ]
    );
}

#[test]
fn tree_rows_hold_exact_scores_and_text_ids() {
    let bytes = workbook_bytes();
    let mut wb = open(&bytes);
    let r = range(&mut wb, xlsx::SHEET_TREE);
    // id order, natural: 1, 1.1, 1.2, 1.10, 2, 2.1
    let ids: Vec<Data> = (1..=6).map(|i| cell(&r, i, 0)).collect();
    assert_eq!(
        ids,
        [s("1"), s("1.1"), s("1.2"), s("1.10"), s("2"), s("2.1")]
    );

    // area i: 11,911 of 13,5, self-assessed 11,5, lost 1,589
    assert_eq!(cell(&r, 1, 1), s("i"));
    assert_eq!(cell(&r, 1, 2), s("Công tác chỉ đạo điều hành (giả)"));
    assert_eq!(cell(&r, 1, 3), f(13.5));
    assert_eq!(cell(&r, 1, 4), f(11.5));
    assert_eq!(cell(&r, 1, 5), f(11.911));
    assert_eq!(cell(&r, 1, 6), f(1.589));
    assert_eq!(cell(&r, 1, 7), s("có"));
    assert_eq!(cell(&r, 1, 8), s("Văn phòng Sở (giả)"));
    // numbers print back as their exact decimal text
    if let Data::Float(x) = cell(&r, 1, 5) {
        assert_eq!(x.to_string(), "11.911");
    }

    // 1.1: ratio 34/40 of 2 = 1,7; no evidence, no explanation: a warning
    assert_eq!(cell(&r, 2, 5), f(1.7));
    assert_eq!(
        cell(&r, 2, 4),
        Data::Empty,
        "no self-assessment: blank, not 0"
    );
    assert_eq!(cell(&r, 2, 9), f(0.0));
    match cell(&r, 2, 11) {
        Data::String(w) => assert!(w.contains("kiểm chứng"), "{w}"),
        other => panic!("expected a warning, found {other:?}"),
    }

    // 1.2: scored 0 with an explanation; unit name from site.toml
    assert_eq!(cell(&r, 3, 5), f(0.0));
    assert_eq!(cell(&r, 3, 8), s("Tổ Thử nghiệm & Kiểm tra"));
    assert_eq!(
        cell(&r, 3, 10),
        s("Chưa có báo cáo rà soát; không có cơ sở đánh giá.")
    );
    assert_eq!(cell(&r, 3, 11), Data::Empty);

    // 1.10: three pieces of evidence
    assert_eq!(cell(&r, 4, 9), f(3.0));
    assert_eq!(cell(&r, 4, 5), f(1.5));

    // 2.1: không áp dụng
    assert_eq!(cell(&r, 6, 7), s("không"));
    assert_eq!(cell(&r, 6, 5), Data::Empty);

    // totals below the nodes
    let t = row_of(&r, 2, "Tổng điểm (cộng các lĩnh vực)");
    assert_eq!(t, 7);
    assert_eq!(cell(&r, t, 3), f(100.0));
    assert_eq!(cell(&r, t, 5), f(87.303));
    if let Data::Float(x) = cell(&r, t, 5) {
        assert_eq!(x.to_string(), "87.303");
    }
    // lost counts applicable parts only: 2.1 (max 1) does not apply, so
    // 99 − 87,303 (rule 6), as in the JSON
    assert_eq!(cell(&r, t, 6), f(11.697));
    assert_eq!(cell(&r, t, 4), f(11.5));
    let p = t + 1;
    assert_eq!(
        cell(&r, p, 2),
        s("Tổng điểm công bố (Quyết định số 9999/QĐ-UBND ngày 20/12/2022)")
    );
    assert_eq!(cell(&r, p, 5), f(87.303));
    assert_eq!(cell(&r, p, 6), Data::Empty);
    assert_eq!(cell(&r, p, 10), s("Xếp thứ 4/21"));
    assert_eq!(r.height(), p + 1);
}

#[test]
fn evidence_rows_with_dates_and_links() {
    let bytes = workbook_bytes();
    let mut wb = open(&bytes);
    let r = range(&mut wb, xlsx::SHEET_EVIDENCE);
    assert_eq!(r.height(), 4);
    for i in 1..=3 {
        assert_eq!(cell(&r, i, 0), s("1.10"));
        assert_eq!(cell(&r, i, 1), s("Tuyên truyền CCHC (giả)"));
    }
    // a file with number, date, issuer and place
    assert_eq!(cell(&r, 1, 2), s("120/BC-STN"));
    assert_eq!(ymd(&cell(&r, 1, 3)), (2022, 12, 15));
    assert_eq!(
        cell(&r, 1, 4),
        s("Báo cáo kết quả tuyên truyền năm 2022 (giả)")
    );
    assert_eq!(cell(&r, 1, 5), s("Sở Thử nghiệm"));
    assert_eq!(cell(&r, 1, 6), s("mục 2, trang 3-4"));
    assert_eq!(cell(&r, 1, 7), s("bc-120.txt"));
    // a url, dated d/m/yyyy in the source
    assert_eq!(ymd(&cell(&r, 2, 3)), (2022, 6, 15));
    assert_eq!(cell(&r, 2, 7), s("https://example.invalid/tin-tuc/cchc-1"));
    assert_eq!(cell(&r, 2, 2), Data::Empty);
    // a number only: no link
    assert_eq!(cell(&r, 3, 2), s("05/KH-STN"));
    assert_eq!(ymd(&cell(&r, 3, 3)), (2022, 1, 10));
    assert_eq!(cell(&r, 3, 7), Data::Empty);

    let links = wb.hyperlinks_by_sheet_name(xlsx::SHEET_EVIDENCE).unwrap();
    let targets: Vec<(u32, u32, Option<String>)> = links
        .iter()
        .map(|l| (l.range.start.0, l.range.start.1, l.target.clone()))
        .collect();
    assert_eq!(
        targets,
        [
            (
                1,
                7,
                Some("https://example.invalid/cchc/2022/1-10/bc-120.txt".to_string())
            ),
            (
                2,
                7,
                Some("https://example.invalid/tin-tuc/cchc-1".to_string())
            ),
        ]
    );
}

#[test]
fn task_states_around_today() {
    let bytes = workbook_bytes();
    let mut wb = open(&bytes);
    let r = range(&mut wb, xlsx::SHEET_TASKS);
    // the assessment's own task first, then the node's, in file order
    let expect = [
        (
            "Tổng hợp báo cáo CCHC cả năm",
            "Văn phòng Sở (giả)",
            "",
            Some((2023, 12, 31)),
            None,
            "Đang thực hiện",
        ),
        (
            "Việc xong đúng hạn",
            "Tổ Thử nghiệm & Kiểm tra",
            "1.2",
            Some((2023, 5, 31)),
            Some((2023, 5, 20)),
            "Hoàn thành đúng hạn",
        ),
        (
            "Việc xong trễ hạn",
            "Tổ Thử nghiệm & Kiểm tra",
            "1.2",
            Some((2023, 3, 31)),
            Some((2023, 4, 15)),
            "Hoàn thành trễ hạn",
        ),
        (
            "Việc đến hạn hôm nay",
            "Văn phòng Sở (giả)",
            "1.2",
            Some((2023, 6, 30)),
            None,
            "Đang thực hiện",
        ),
        (
            "Việc quá hạn",
            "Văn phòng Sở (giả)",
            "1.2",
            Some((2023, 6, 29)),
            None,
            "Quá hạn",
        ),
        (
            "Việc không có hạn",
            "",
            "1.2",
            None,
            None,
            "Chưa ghi thời hạn và kết quả",
        ),
    ];
    assert_eq!(r.height(), expect.len() + 1);
    for (i, (title, unit, node, due, done, state)) in expect.iter().enumerate() {
        let row = i + 1;
        let text = |v: &str| if v.is_empty() { Data::Empty } else { s(v) };
        assert_eq!(cell(&r, row, 0), s(title));
        assert_eq!(cell(&r, row, 1), text(unit), "{title}");
        assert_eq!(cell(&r, row, 2), text(node), "{title}");
        let date = |c: usize| match cell(&r, row, c) {
            Data::Empty => None,
            d => Some(ymd(&d)),
        };
        assert_eq!(date(3), *due, "{title}");
        assert_eq!(date(4), *done, "{title}");
        assert_eq!(cell(&r, row, 5), s(state), "{title}");
    }
}

#[test]
fn frozen_header_filter_widths_and_formats() {
    let bytes = workbook_bytes();
    for (n, last_col, last_row) in [(1, "L", 7), (2, "H", 4), (3, "F", 7)] {
        let xml = sheet_xml(&bytes, n);
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "sheet {n}: frozen header\n{xml}"
        );
        assert!(
            xml.contains(&format!(r#"<autoFilter ref="A1:{last_col}{last_row}"/>"#)),
            "sheet {n}: autofilter\n{xml}"
        );
        assert!(xml.contains("<cols>"), "sheet {n}: column widths");
    }
    // ids are strings (t="s"), never numbers
    let tree = sheet_xml(&bytes, 1);
    assert!(tree.contains(r#"<c r="A5" s="#) && !tree.contains(r#"<c r="A5"><v>"#));
    let mut z = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut styles = String::new();
    z.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains(r#"formatCode="dd/mm/yyyy""#), "{styles}");
    // the creation date is the build date, not the clock
    let mut core = String::new();
    z.by_name("docProps/core.xml")
        .unwrap()
        .read_to_string(&mut core)
        .unwrap();
    assert!(core.contains("2023-06-30T00:00:00Z"), "{core}");
    assert!(core.contains("Chỉ số CCHC năm 2022 (dữ liệu giả)"));
}

#[test]
fn same_input_same_bytes() {
    assert_eq!(workbook_bytes(), workbook_bytes());
}

#[test]
fn the_fixture_builds_with_the_one_expected_warning() {
    let built = build();
    let msgs: Vec<(&str, String)> = built
        .warnings
        .iter()
        .map(|w| (w.file.as_str(), w.message.en()))
        .collect();
    assert_eq!(msgs.len(), 1, "{msgs:#?}");
    assert_eq!(msgs[0].0, "content/2022/1-chi-dao/1.1.md");
}

#[test]
fn a_year_with_nothing_but_a_rank() {
    let built = build();
    let a = built
        .site
        .assessments
        .iter()
        .find(|a| a.year == 2023)
        .unwrap();
    let bytes = xlsx::workbook(&built.site, a).unwrap();
    let mut wb = open(&bytes);
    let r = range(&mut wb, xlsx::SHEET_TREE);
    assert_eq!(r.height(), 3);
    assert_eq!(cell(&r, 1, 2), s("Tổng điểm (cộng các lĩnh vực)"));
    assert_eq!(cell(&r, 1, 3), f(100.0));
    assert_eq!(cell(&r, 1, 5), Data::Empty);
    assert_eq!(cell(&r, 2, 2), s("Xếp thứ 2"));
    for sheet in [xlsx::SHEET_EVIDENCE, xlsx::SHEET_TASKS] {
        assert_eq!(
            range(&mut wb, sheet).height(),
            1,
            "{sheet}: the header only"
        );
    }
    assert!(sheet_xml(&bytes, 1).contains(r#"<autoFilter ref="A1:L1"/>"#));
}

/// The long sheets are written row by row through temporary files, or in
/// memory where no temporary file can be made: the reader sees the same
/// cells, links and formats either way.
#[test]
fn row_by_row_and_in_memory_workbooks_agree() {
    let built = build();
    for a in &built.site.assessments {
        let streamed = xlsx::workbook_with(&built.site, a, true).expect("row by row");
        let in_memory = xlsx::workbook_with(&built.site, a, false).expect("in memory");
        let (mut x, mut y) = (open(&streamed), open(&in_memory));
        let names = x.sheet_names();
        assert_eq!(names, y.sheet_names());
        for name in &names {
            let (rx, ry) = (range(&mut x, name), range(&mut y, name));
            assert_eq!(rx.get_size(), ry.get_size(), "{} {name}", a.year);
            assert_eq!(
                rx.cells().collect::<Vec<_>>(),
                ry.cells().collect::<Vec<_>>(),
                "{} {name}",
                a.year
            );
        }
        // Hyperlinks, styles, widths, filter and frozen pane: the sheets'
        // XML differs only in how strings are stored (inline or shared).
        for n in 1..=2 {
            assert_eq!(
                skeleton(&sheet_xml(&streamed, n)),
                skeleton(&sheet_xml(&in_memory, n)),
                "{} sheet {n}",
                a.year
            );
        }
    }
}

/// A sheet's XML with each cell reduced to its position and style, and
/// without the rows' optional `spans` hint (rows written one at a time
/// carry none).
fn skeleton(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<c ") {
        out.push_str(&rest[..i]);
        let tag_end = i + rest[i..].find('>').expect("cell tag");
        let end = if rest[..tag_end].ends_with('/') {
            tag_end + 1
        } else {
            tag_end + rest[tag_end..].find("</c>").expect("closed cell") + 4
        };
        let kept: Vec<&str> = rest[i..tag_end]
            .trim_end_matches('/')
            .split(' ')
            .filter(|a| a.starts_with("r=") || a.starts_with("s="))
            .collect();
        out.push_str(&format!("<c {}/>", kept.join(" ")));
        rest = &rest[end..];
    }
    out.push_str(rest);
    let mut no_spans = String::new();
    let mut rest = out.as_str();
    while let Some(i) = rest.find(" spans=\"") {
        no_spans.push_str(&rest[..i]);
        let after = &rest[i + 8..];
        rest = &after[after.find('"').expect("closed attribute") + 1..];
    }
    no_spans.push_str(rest);
    no_spans
}
