//! The form of a Vietnamese administrative document (Nghị định
//! 30/2020/NĐ-CP, Phụ lục I), in Word: A4 with its margins, Times New Roman
//! 13–14 pt, the two-column header (the parent authority and the issuing
//! body on the left, the national motto on the right), the number line, the
//! place and date line, the kind of document and its summary, numbered
//! sections, tables, "Nơi nhận" and the signer's title. Written with
//! docx-rs; what the header says comes from site.toml's `[documents]`.

use crate::load::config::DocumentsConfig;
use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Table, TableCell, TableRow, WidthType,
};

/// A4 in twentieths of a point (twips).
const A4: (u32, u32) = (11906, 16838);
/// Margins (Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right
/// 15–20 mm), in twips (1 mm ≈ 56.7).
const TOP: i32 = 1134;
const BOTTOM: i32 = 1134;
const LEFT: i32 = 1701;
const RIGHT: i32 = 851;
/// The width of the text between the margins.
pub const TEXT_WIDTH: usize = (A4.0 as i32 - LEFT - RIGHT) as usize;
/// Sizes in half-points: 14 pt for the body, 13 pt for the header and
/// tables, 12 and 11 pt for "Nơi nhận".
pub const BODY: usize = 28;
pub const SMALL: usize = 26;
/// The header's names (12–13 pt in Phụ lục I).
const HEADER: usize = 24;
const RECIPIENTS_TITLE: usize = 24;
const RECIPIENTS: usize = 22;
pub const FONT: &str = "Times New Roman";

/// What fills a blank the clerk completes by hand.
pub const BLANK: &str = "…";

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A run of text in the document's font.
pub fn run(text: impl Into<String>, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(fonts())
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

/// A line of text, centred, in one run.
pub fn centred(r: Run) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0))
}

/// A paragraph of the body: justified, first line indented, 14 pt.
pub fn body(text: impl Into<String>) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY))
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(spacing(60, 60))
}

/// A paragraph of runs (a bold lead-in, then text), as [`body`].
pub fn body_runs(runs: Vec<Run>) -> Paragraph {
    let mut p = Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(spacing(60, 60));
    for r in runs {
        p = p.add_run(r);
    }
    p
}

/// A numbered section's heading: `I. KẾT QUẢ …`, bold.
pub fn heading(text: impl Into<String>) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY).bold())
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(spacing(120, 60))
        .keep_next(true)
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// The header of the first page: the authority and the issuing body, and
/// the number line, on the left; the national name and motto, and the place
/// and date line, on the right.
pub fn header(cfg: &DocumentsConfig, kind_code: &str, year: i16) -> Table {
    let or_blank = |s: &str| {
        if s.trim().is_empty() {
            BLANK.to_string()
        } else {
            s.trim().to_string()
        }
    };
    let left_w = TEXT_WIDTH * 42 / 100;
    let right_w = TEXT_WIDTH - left_w;
    let code = if cfg.code.trim().is_empty() {
        kind_code.to_string()
    } else {
        format!("{kind_code}-{}", cfg.code.trim())
    };
    let left = vec![
        centred(run(or_blank(&cfg.authority).to_uppercase(), HEADER)),
        centred(run(or_blank(&cfg.issuer).to_uppercase(), HEADER).bold()),
        centred(run("───────", SMALL)),
        centred(run(format!("Số: {BLANK}/{code}"), SMALL)),
    ];
    let right = vec![
        centred(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEADER).bold()),
        centred(run("Độc lập - Tự do - Hạnh phúc", SMALL).bold()),
        centred(run("───────────────", SMALL)),
        centred(
            run(
                format!(
                    "{}, ngày {BLANK} tháng {BLANK} năm {year}",
                    or_blank(&cfg.place)
                ),
                BODY,
            )
            .italic(),
        ),
    ];
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_w),
        cell(right, right_w),
    ])])
    .set_grid(vec![left_w, right_w])
    .width(TEXT_WIDTH, WidthType::Dxa)
    .margins(docx_rs::TableCellMargins::new().margin(0, 0, 0, 0))
}

/// The kind of document and its summary, centred and bold.
pub fn title(kind: &str, summary: &str) -> Vec<Paragraph> {
    vec![
        Paragraph::new()
            .add_run(run(kind, BODY).bold())
            .align(AlignmentType::Center)
            .line_spacing(spacing(360, 0)),
        Paragraph::new()
            .add_run(run(summary, BODY).bold())
            .align(AlignmentType::Center)
            .line_spacing(spacing(0, 0)),
        Paragraph::new()
            .add_run(run("────────", SMALL))
            .align(AlignmentType::Center)
            .line_spacing(spacing(0, 240)),
    ]
}

/// A table with a bold header row; `widths` in twips, adding up to at most
/// [`TEXT_WIDTH`]; `right` says which columns are numbers (right-aligned).
pub fn table(head: &[&str], rows: &[Vec<String>], widths: &[usize], right: &[bool]) -> Table {
    let para = |text: &str, bold: bool, col: usize| {
        let r = run(text, SMALL);
        let r = if bold { r.bold() } else { r };
        Paragraph::new()
            .add_run(r)
            .align(if bold {
                AlignmentType::Center
            } else if right.get(col).copied().unwrap_or(false) {
                AlignmentType::Right
            } else {
                AlignmentType::Left
            })
            .line_spacing(spacing(20, 20))
    };
    let mut out = vec![TableRow::new(
        head.iter()
            .enumerate()
            .map(|(i, h)| cell(vec![para(h, true, i)], widths[i]))
            .collect(),
    )];
    for row in rows {
        let bold = row.first().is_some_and(|c| c.is_empty());
        out.push(TableRow::new(
            row.iter()
                .enumerate()
                .map(|(i, c)| cell(vec![para(c, bold, i)], widths[i]))
                .collect(),
        ));
    }
    Table::new(out)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
}

/// "Nơi nhận" on the left and the signer on the right.
pub fn signature(cfg: &DocumentsConfig, recipients: &[String]) -> Table {
    let left_w = TEXT_WIDTH / 2;
    let right_w = TEXT_WIDTH - left_w;
    let line = |text: String, size: usize| {
        Paragraph::new()
            .add_run(run(text, size))
            .line_spacing(spacing(0, 0))
    };
    let mut left = vec![
        Paragraph::new()
            .add_run(run("Nơi nhận:", RECIPIENTS_TITLE).bold().italic())
            .line_spacing(spacing(240, 0)),
    ];
    let list: Vec<String> = if recipients.is_empty() {
        vec![format!("{BLANK};"), "Lưu: VT.".to_string()]
    } else {
        recipients.to_vec()
    };
    let n = list.len();
    for (i, r) in list.iter().enumerate() {
        let end = if i + 1 == n { "." } else { ";" };
        let r = r.trim().trim_end_matches([';', '.']);
        left.push(line(format!("- {r}{end}"), RECIPIENTS));
    }
    let title = if cfg.signer_title.trim().is_empty() {
        BLANK.to_string()
    } else {
        cfg.signer_title.trim().to_uppercase()
    };
    let mut right = vec![
        Paragraph::new()
            .add_run(run(title, BODY).bold())
            .align(AlignmentType::Center)
            .line_spacing(spacing(240, 0)),
    ];
    // Room for the signature and the seal.
    for _ in 0..4 {
        right.push(centred(run("", BODY)));
    }
    if !cfg.signer_name.trim().is_empty() {
        right.push(centred(run(cfg.signer_name.trim(), BODY).bold()));
    }
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_w),
        cell(right, right_w),
    ])])
    .set_grid(vec![left_w, right_w])
    .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A document on A4 with its margins, in Times New Roman; `created` (ISO
/// date) is its creation date, so the same content and day give the same
/// bytes.
pub fn document(created: &str) -> Docx {
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(TOP)
                .bottom(BOTTOM)
                .left(LEFT)
                .right(RIGHT)
                .header(720)
                .footer(720),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        .created_at(&format!("{created}T00:00:00Z"))
        .updated_at(&format!("{created}T00:00:00Z"))
}

/// The document's bytes.
pub fn pack(doc: Docx) -> Result<Vec<u8>, crate::base::i18n::Msg> {
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| crate::msg!("output-docx", detail = e.to_string()))?;
    Ok(out.into_inner())
}
