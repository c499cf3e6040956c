//! `/data/<year>.xlsx`: the year's tree, evidence and tasks as an Excel
//! workbook for the people who work in spreadsheets (the appraisal teams'
//! and the province's own exports are Excel).
//!
//! Three sheets, each with a bold header row that stays frozen while
//! scrolling, an autofilter and column widths: "Cây tiêu chí" (one row per
//! node, then the totals), "Tài liệu kiểm chứng" (one row per evidence
//! entry) and "Nhiệm vụ" (one row per task).
//!
//! Scores are numbers, so they can be summed and filtered. Excel stores
//! every number as a binary double; a score of thousandths is written as the
//! double nearest to it (`11911 / 1000`), which prints back as `11.911` in
//! Excel, LibreOffice and any reader that prints the shortest form, with the
//! "General" format (which also uses the reader's decimal comma). The format
//! `0.###` would show 8 as `8.`, so it is not used. The exact decimal text of
//! every score is in `/data/<year>.json` and `.csv`.
//!
//! Ids are text, so `1.10` stays `1.10` (as a number it would be 1.1).
//! Dates are real Excel dates shown `dd/mm/yyyy`. The workbook's creation
//! date is the build date (`--today`), so two builds are byte-identical.

use crate::base::i18n::Msg;
use crate::base::score::Score;
use crate::model::file::TaskState;
use crate::model::site::{Assessment, Site};
use crate::msg;
use jiff::civil::Date;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Url, Workbook, Worksheet,
    XlsxError,
};

pub const SHEET_TREE: &str = "Cây tiêu chí";
pub const SHEET_EVIDENCE: &str = "Tài liệu kiểm chứng";
pub const SHEET_TASKS: &str = "Nhiệm vụ";

/// (header, column width in characters)
const TREE_COLUMNS: &[(&str, f64)] = &[
    ("Mã", 8.0),
    ("Nhãn", 6.0),
    ("Tiêu chí", 60.0),
    ("Điểm tối đa", 10.0),
    ("Tự đánh giá", 10.0),
    ("Điểm thẩm định", 10.0),
    ("Điểm chưa đạt", 10.0),
    ("Áp dụng", 8.0),
    ("Đơn vị", 28.0),
    ("Số TLKC", 8.0),
    ("Giải trình", 50.0),
    ("Cảnh báo", 50.0),
];

const EVIDENCE_COLUMNS: &[(&str, f64)] = &[
    ("Mã tiêu chí", 8.0),
    ("Tiêu chí", 40.0),
    ("Số, ký hiệu", 16.0),
    ("Ngày", 11.0),
    ("Trích yếu", 50.0),
    ("Cơ quan ban hành", 24.0),
    ("Vị trí", 12.0),
    ("Tệp / liên kết", 40.0),
];

const TASK_COLUMNS: &[(&str, f64)] = &[
    ("Nhiệm vụ", 50.0),
    ("Đơn vị", 28.0),
    ("Mã tiêu chí", 8.0),
    ("Hạn", 11.0),
    ("Ngày hoàn thành", 11.0),
    ("Trạng thái", 20.0),
];

/// Excel's limit for the text of one cell, in UTF-16 units (32 767), with
/// room left for the ellipsis.
const MAX_CELL: usize = 32_000;

fn err(e: XlsxError) -> Msg {
    msg!("output-xlsx", detail = e.to_string())
}

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    number: Format,
    date: Format,
    /// Titles indented by depth: [0] for areas (bold), [1] for criteria, …
    indent: Vec<Format>,
    total_text: Format,
    total_number: Format,
}

impl Formats {
    fn new() -> Formats {
        let body = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xDDE7F0)
                .set_border_bottom(FormatBorder::Thin),
            text: body.clone(),
            wrap: body.clone().set_text_wrap(),
            number: body.clone(),
            date: body.clone().set_num_format("dd/mm/yyyy"),
            indent: (0..6u8)
                .map(|d| {
                    let f = body.clone().set_text_wrap().set_indent(d);
                    if d == 0 { f.set_bold() } else { f }
                })
                .collect(),
            total_text: body.clone().set_bold().set_border_top(FormatBorder::Thin),
            total_number: body.set_bold().set_border_top(FormatBorder::Thin),
        }
    }
}

/// Text that fits in a cell: Excel refuses more than 32 767 UTF-16 units.
fn fit(s: &str) -> String {
    if s.encode_utf16().count() <= MAX_CELL {
        return s.to_string();
    }
    let mut out = String::new();
    let mut n = 0;
    for c in s.chars() {
        n += c.len_utf16();
        if n > MAX_CELL {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn excel_date(d: Date) -> Result<ExcelDateTime, Msg> {
    let y = u16::try_from(d.year()).map_err(|_| msg!("output-year-range", year = d.year()))?;
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).map_err(err)
}

/// The double nearest to the exact score, which prints back as its exact
/// decimal text (up to 15 significant digits).
fn excel_number(s: Score) -> f64 {
    s.milli() as f64 / 1000.0
}

fn headers(
    ws: &mut Worksheet,
    name: &str,
    columns: &[(&str, f64)],
    f: &Formats,
) -> Result<(), Msg> {
    ws.set_name(name).map_err(err)?;
    for (c, (title, width)) in columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *title, &f.header)
            .map_err(err)?;
        ws.set_column_width(c, *width).map_err(err)?;
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    Ok(())
}

fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), Msg> {
    if !s.is_empty() {
        ws.write_string_with_format(row, col, fit(s), f)
            .map_err(err)?;
    }
    Ok(())
}

fn score(ws: &mut Worksheet, row: u32, col: u16, s: Option<Score>, f: &Format) -> Result<(), Msg> {
    if let Some(s) = s {
        ws.write_number_with_format(row, col, excel_number(s), f)
            .map_err(err)?;
    }
    Ok(())
}

/// A real Excel date; a date Excel cannot hold (before 1900, a typo that the
/// content checks let through) is written as text rather than failing.
fn date(ws: &mut Worksheet, row: u32, col: u16, d: Option<Date>, f: &Format) -> Result<(), Msg> {
    match d.map(|d| (d, excel_date(d))) {
        Some((_, Ok(x))) => {
            ws.write_datetime_with_format(row, col, x, f).map_err(err)?;
        }
        Some((d, Err(_))) => {
            ws.write_string_with_format(row, col, crate::base::vi::date_short(d), f)
                .map_err(err)?;
        }
        None => {}
    }
    Ok(())
}

fn unit_name(site: &Site, id: Option<&str>) -> String {
    id.map(|u| {
        site.config
            .unit(u)
            .map_or(u.to_string(), |x| x.name.clone())
    })
    .unwrap_or_default()
}

/// An absolute http(s) address for an evidence link: urls as they are,
/// local files (`/cchc/2022/1-2/bc.pdf`) on the site's origin.
fn absolute_href(base: &str, href: &str) -> Option<String> {
    if href.starts_with("https://") || href.starts_with("http://") {
        return Some(href.to_string());
    }
    let path = href.strip_prefix('/')?;
    let scheme_end = base.find("://")? + 3;
    let origin_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    Some(format!("{}/{path}", &base[..origin_end]))
}

/// `/data/<year>.xlsx` of every year. The writer fails only on limits a
/// site does not reach (sheet names, row counts); if it does fail, the
/// build fails with its message rather than write an empty workbook.
pub struct Xlsx;

impl crate::exports::Export for Xlsx {
    fn parts(&self, cx: &crate::exports::ExportContext) -> Vec<crate::exports::Part> {
        (0..cx.site.assessments.len())
            .map(|i| {
                let path = format!("data/{}.xlsx", cx.site.assessments[i].year);
                let shown = path.clone();
                crate::exports::Part::one(path, move |cx, w| {
                    let bytes = workbook(&cx.site, &cx.site.assessments[i]).map_err(|message| {
                        crate::error::Error::Output {
                            path: shown.clone(),
                            message,
                        }
                    })?;
                    w.write_all(&bytes)
                        .map_err(|e| crate::error::Error::writing(&shown, e))
                })
            })
            .collect()
    }
}

/// The workbook of one assessment, as the bytes of an `.xlsx` file.
pub fn workbook(site: &Site, a: &Assessment) -> Result<Vec<u8>, Msg> {
    // The long sheets go through temporary files (`workbook_with`); where none
    // can be written (no writable temporary folder, disk full) the same
    // workbook is made in memory instead.
    workbook_with(site, a, true).or_else(|_| workbook_with(site, a, false))
}

/// The workbook with its long sheets written row by row through temporary
/// files (`row_by_row`) or held in memory: the same cells either way.
#[doc(hidden)]
pub fn workbook_with(site: &Site, a: &Assessment, row_by_row: bool) -> Result<Vec<u8>, Msg> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    // Level 2 of 9: deflate at the default level (6) was half of the
    // workbook's time, and level 2 saves much of it for a somewhat bigger
    // file (BENCHMARKS.md). Only the compression differs: the same file
    // contents either way.
    wb.set_zip_compression_level(2);
    let created = excel_date(site.today)?;
    let mut props = DocProperties::new()
        .set_title(&a.front.title)
        .set_subject(format!("Chỉ số cải cách hành chính năm {}", a.year))
        .set_author(&site.config.title)
        .set_comment(
            "Tạo bởi kiemchung từ nội dung của trang; số liệu chính xác có trong /data/<năm>.json",
        )
        .set_creation_datetime(&created);
    if let Some(d) = site.config.extra.get("department").and_then(|v| v.as_str()) {
        props = props.set_company(d);
    }
    wb.set_properties(&props);
    // The two long sheets are written row by row to a temporary file
    // instead of being held cell by cell in memory, where they were a
    // quarter of a large build's peak memory (BENCHMARKS.md).
    // Strings are then stored in the cells rather than in a shared table.
    tree_sheet(long_sheet(&mut wb, row_by_row)?, site, a, &f)?;
    evidence_sheet(long_sheet(&mut wb, row_by_row)?, site, a, &f)?;
    task_sheet(wb.add_worksheet(), site, a, &f)?;
    wb.save_to_buffer().map_err(err)
}

/// A new sheet for a long table: written row by row through a temporary
/// file, or held in memory.
fn long_sheet(wb: &mut Workbook, row_by_row: bool) -> Result<&mut Worksheet, Msg> {
    if row_by_row {
        wb.add_worksheet_with_constant_memory().map_err(err)
    } else {
        Ok(wb.add_worksheet())
    }
}

fn tree_sheet(ws: &mut Worksheet, site: &Site, a: &Assessment, f: &Formats) -> Result<(), Msg> {
    headers(ws, SHEET_TREE, TREE_COLUMNS, f)?;
    let mut row = 0u32;
    for n in &a.nodes {
        row += 1;
        let depth = n
            .front
            .id
            .value
            .depth()
            .saturating_sub(1)
            .min(f.indent.len() - 1);
        text(ws, row, 0, &n.front.id.value.to_string(), &f.text)?;
        text(ws, row, 1, n.front.label.as_deref().unwrap_or(""), &f.text)?;
        text(ws, row, 2, &n.front.title, &f.indent[depth])?;
        score(ws, row, 3, Some(n.front.max.value), &f.number)?;
        score(ws, row, 4, n.self_score, &f.number)?;
        score(ws, row, 5, n.score, &f.number)?;
        score(ws, row, 6, n.lost, &f.number)?;
        text(ws, row, 7, if n.in_scope { "có" } else { "không" }, &f.text)?;
        let unit = unit_name(site, n.front.unit.as_ref().map(|u| u.value.as_str()));
        text(ws, row, 8, &unit, &f.wrap)?;
        ws.write_number_with_format(row, 9, n.front.evidence.len() as f64, &f.number)
            .map_err(err)?;
        text(
            ws,
            row,
            10,
            n.front.explanation.as_deref().unwrap_or(""),
            &f.wrap,
        )?;
        text(ws, row, 11, &n.warnings.join("\n"), &f.wrap)?;
    }
    ws.autofilter(0, 0, row, (TREE_COLUMNS.len() - 1) as u16)
        .map_err(err)?;

    // Totals, below the filtered range.
    let self_total: Option<Score> = {
        let given: Vec<Score> = a
            .roots
            .iter()
            .filter(|&&r| a.nodes[r].in_scope)
            .filter_map(|&r| a.nodes[r].self_score)
            .collect();
        (!given.is_empty()).then(|| given.iter().sum())
    };
    row += 1;
    for c in 0..TREE_COLUMNS.len() as u16 {
        ws.write_blank(row, c, &f.total_text).map_err(err)?;
    }
    text(ws, row, 2, "Tổng điểm (cộng các lĩnh vực)", &f.total_text)?;
    score(ws, row, 3, Some(a.front.max.value), &f.total_number)?;
    score(ws, row, 4, self_total, &f.total_number)?;
    score(ws, row, 5, a.score, &f.total_number)?;
    score(ws, row, 6, a.lost, &f.total_number)?;
    if let Some(total) = &a.front.total {
        row += 1;
        let mut label = "Tổng điểm công bố".to_string();
        if let Some(d) = &a.front.decision
            && let Some(num) = &d.number
        {
            label.push_str(&format!(" (Quyết định số {num}"));
            if let Some(date) = d.date {
                label.push_str(&format!(" ngày {}", crate::base::vi::date_short(date)));
            }
            label.push(')');
        }
        text(ws, row, 2, &label, &f.total_text)?;
        score(ws, row, 3, Some(a.front.max.value), &f.total_number)?;
        score(ws, row, 5, Some(total.value), &f.total_number)?;
        if let Some(rank) = a.front.rank {
            let r = match a.front.ranked {
                Some(n) => format!("Xếp thứ {rank}/{n}"),
                None => format!("Xếp thứ {rank}"),
            };
            text(ws, row, 10, &r, &f.total_text)?;
        }
    } else if let Some(rank) = a.front.rank {
        row += 1;
        text(ws, row, 2, &format!("Xếp thứ {rank}"), &f.total_text)?;
    }
    Ok(())
}

fn evidence_sheet(ws: &mut Worksheet, site: &Site, a: &Assessment, f: &Formats) -> Result<(), Msg> {
    headers(ws, SHEET_EVIDENCE, EVIDENCE_COLUMNS, f)?;
    let mut row = 0u32;
    for (n, e) in a.all_evidence() {
        row += 1;
        text(ws, row, 0, &n.front.id.value.to_string(), &f.text)?;
        text(ws, row, 1, &n.front.title, &f.wrap)?;
        text(ws, row, 2, e.number.as_deref().unwrap_or(""), &f.text)?;
        date(ws, row, 3, e.date, &f.date)?;
        text(ws, row, 4, &e.title, &f.wrap)?;
        text(ws, row, 5, e.issuer.as_deref().unwrap_or(""), &f.wrap)?;
        text(ws, row, 6, e.pages.as_deref().unwrap_or(""), &f.text)?;
        let shown = e.file.as_deref().or(e.url.as_deref()).unwrap_or("");
        let link = e
            .link()
            .and_then(|h| absolute_href(&site.config.base_url, h));
        let written = match &link {
            Some(l) => ws
                .write_url_with_format(row, 7, Url::new(l.as_str()).set_text(fit(shown)), &f.text)
                .is_ok(),
            None => false,
        };
        if !written {
            // No address, or one Excel refuses (too long, odd scheme): text.
            text(
                ws,
                row,
                7,
                if shown.is_empty() {
                    link.as_deref().unwrap_or("")
                } else {
                    shown
                },
                &f.text,
            )?;
        }
    }
    ws.autofilter(0, 0, row, (EVIDENCE_COLUMNS.len() - 1) as u16)
        .map_err(err)?;
    Ok(())
}

fn task_sheet(ws: &mut Worksheet, site: &Site, a: &Assessment, f: &Formats) -> Result<(), Msg> {
    headers(ws, SHEET_TASKS, TASK_COLUMNS, f)?;
    let mut row = 0u32;
    for t in a.all_tasks() {
        row += 1;
        text(ws, row, 0, &t.title, &f.wrap)?;
        text(ws, row, 1, &unit_name(site, t.unit.as_deref()), &f.wrap)?;
        text(ws, row, 2, t.node.as_deref().unwrap_or(""), &f.text)?;
        date(ws, row, 3, t.due, &f.date)?;
        date(ws, row, 4, t.done, &f.date)?;
        text(ws, row, 5, TaskState::of(t, site.today).label_vi(), &f.text)?;
    }
    ws.autofilter(0, 0, row, (TASK_COLUMNS.len() - 1) as u16)
        .map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_back_exactly() {
        for t in [
            "11.911",
            "87.303",
            "0.1",
            "0.001",
            "34.772",
            "12.697",
            "999999.999",
        ] {
            let s = Score::parse(t).unwrap();
            assert_eq!(excel_number(s).to_string(), t);
        }
        assert_eq!(excel_number(Score::from_int(8)).to_string(), "8");
    }

    #[test]
    fn local_files_link_on_the_site_origin() {
        let base = "https://example.gov.vn/cchc/";
        assert_eq!(
            absolute_href(base, "/cchc/2022/1-2/b%C3%A1o.pdf").as_deref(),
            Some("https://example.gov.vn/cchc/2022/1-2/b%C3%A1o.pdf")
        );
        assert_eq!(
            absolute_href("http://127.0.0.1:1111/", "/2022/x.pdf").as_deref(),
            Some("http://127.0.0.1:1111/2022/x.pdf")
        );
        assert_eq!(
            absolute_href(base, "https://dichvucong.gov.vn/a").as_deref(),
            Some("https://dichvucong.gov.vn/a")
        );
        assert_eq!(absolute_href(base, "relative.pdf"), None);
        assert_eq!(absolute_href(base, "ftp://x/y"), None);
    }

    #[test]
    fn dates_excel_cannot_hold_become_text() {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let f = Formats::new();
        let old = Date::new(1022, 5, 1).unwrap(); // a typo for 2022
        assert!(excel_date(old).is_err());
        date(ws, 1, 0, Some(old), &f.date).unwrap();
        date(ws, 2, 0, Some(Date::new(2022, 12, 20).unwrap()), &f.date).unwrap();
        date(ws, 3, 0, None, &f.date).unwrap();
        assert!(wb.save_to_buffer().is_ok());
    }

    #[test]
    fn long_text_is_cut_to_what_excel_takes() {
        let long = "ả".repeat(40_000);
        let cut = fit(&long);
        assert!(cut.encode_utf16().count() <= 32_767);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("ngắn"), "ngắn");
    }
}
