//! Finding the header row of a criteria table by its Vietnamese names, with
//! or without tone marks, in any column order, below any title rows; a
//! header on two rows ("Điểm" merged over "Tối đa" and "Tự đánh giá") is
//! read as one.

use super::messages;
use super::sheet::Grid;
use crate::base::i18n::Msg;
use crate::base::vi;

/// How far down a sheet the header is looked for.
pub const SEARCH_ROWS: usize = 60;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// STT, TT, Mã…: the number (`Mã` before `STT` when both are there).
    Id(u8),
    /// Nhãn (kiemchung's own workbook): the label.
    Label,
    Title,
    Max,
    SelfScore,
    Evidence,
    Unit,
    Note,
    Guide,
    /// A column of kiemchung's workbook that is not read back (scores,
    /// points lost, applicable, explanation, warnings).
    Ignored,
}

/// The header: the rows it takes and the columns found.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// Its first row, and the first row below it.
    pub row: usize,
    pub data: usize,
    pub id: usize,
    pub title: usize,
    pub max: usize,
    pub label: Option<usize>,
    pub self_score: Option<usize>,
    pub evidence: Option<usize>,
    pub unit: Option<usize>,
    pub note: Option<usize>,
    pub guide: Option<usize>,
}

/// A header cell's text folded for matching: no tone marks, lowercase,
/// punctuation as spaces, spaces collapsed (`Lĩnh vực/Tiêu chí` →
/// `linh vuc tieu chi`).
pub fn norm(text: &str) -> String {
    let folded = vi::fold(text);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a header cell names, if anything.
pub fn classify(text: &str) -> Option<Col> {
    let t = norm(text);
    let has = |w: &str| t.contains(w);
    if t.is_empty() {
        return None;
    }
    Some(if has("toi da") || has("diem chuan") {
        Col::Max
    } else if has("tu danh gia") || has("tu cham") {
        Col::SelfScore
    } else if has("tham dinh")
        || has("chua dat")
        || has("ap dung")
        || has("giai trinh")
        || has("canh bao")
        || t == "so tlkc"
    {
        Col::Ignored
    } else if has("tai lieu kiem chung") || t == "tlkc" {
        Col::Evidence
    } else if has("huong dan") || has("cach cham") || has("cach tinh") || has("phuong phap") {
        Col::Guide
    } else if has("ghi chu") {
        Col::Note
    } else if has("don vi") || has("phan cong") || has("chu tri") || has("phu trach") {
        Col::Unit
    } else if matches!(
        t.as_str(),
        "ma" | "ma so" | "ma tieu chi" | "ma so tieu chi"
    ) {
        Col::Id(2)
    } else if matches!(t.as_str(), "stt" | "tt" | "so tt" | "so thu tu") {
        Col::Id(1)
    } else if t == "nhan" {
        Col::Label
    } else if has("tieu chi") || has("noi dung") || has("linh vuc") || t == "ten" {
        Col::Title
    } else {
        return None;
    })
}

/// The header names of the columns when the header takes `rows` rows from
/// `top`: each column's texts top to bottom, a merged cell's text counted in
/// every column it spans.
fn names(grid: &Grid, top: usize, rows: usize) -> Vec<String> {
    let width = (top..top + rows)
        .map(|r| grid.rows.get(r).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let width = grid
        .merges
        .iter()
        .filter(|m| m.top < top + rows && m.bottom >= top)
        .map(|m| m.right + 1)
        .fold(width, usize::max);
    (0..width)
        .map(|c| {
            let mut parts: Vec<&str> = Vec::new();
            for r in top..top + rows {
                // A cell merged down from the row above adds nothing new.
                if r > top
                    && grid
                        .covered_by(r, c)
                        .is_some_and(|m| m.top < r && m.top >= top)
                {
                    continue;
                }
                let t = grid.get_merged(r, c).text().trim();
                if !t.is_empty() {
                    parts.push(t);
                }
            }
            parts.join(" ")
        })
        .collect()
}

fn header_of(names: &[String]) -> Option<Header> {
    let mut h = Header::default();
    let (mut id, mut title, mut max) = (None::<(u8, usize)>, None, None);
    for (c, name) in names.iter().enumerate() {
        let first = |slot: &mut Option<usize>| {
            if slot.is_none() {
                *slot = Some(c);
            }
        };
        match classify(name) {
            Some(Col::Id(p)) if id.is_none_or(|(q, _)| p > q) => id = Some((p, c)),
            Some(Col::Title) if title.is_none() => title = Some(c),
            Some(Col::Max) if max.is_none() => max = Some(c),
            Some(Col::Label) => first(&mut h.label),
            Some(Col::SelfScore) => first(&mut h.self_score),
            Some(Col::Evidence) => first(&mut h.evidence),
            Some(Col::Unit) => first(&mut h.unit),
            Some(Col::Note) => first(&mut h.note),
            Some(Col::Guide) => first(&mut h.guide),
            _ => {}
        }
    }
    h.id = id?.1;
    h.title = title?;
    h.max = max?;
    Some(h)
}

/// The names found in a row that is not a header, for the refusal.
pub fn found_in(grid: &Grid, row: usize) -> Vec<Msg> {
    let one = found_with(&names(grid, row, 1));
    let two = found_with(&names(grid, row, 2));
    if two.len() > one.len() { two } else { one }
}

fn found_with(names: &[String]) -> Vec<Msg> {
    let mut found = Vec::new();
    for (col, word) in [
        (Col::Id(1), messages::number_column()),
        (Col::Title, messages::title_column()),
        (Col::Max, messages::max_column()),
    ] {
        if names.iter().any(|n| {
            let c = classify(n);
            c == Some(col) || (matches!(col, Col::Id(_)) && matches!(c, Some(Col::Id(_))))
        }) {
            found.push(word);
        }
    }
    found
}

/// The header of the sheet, if it has one in its first [`SEARCH_ROWS`].
pub fn find(grid: &Grid) -> Option<Header> {
    let last = grid.rows.len().min(SEARCH_ROWS);
    for row in 0..last {
        if grid.is_blank_row(row) {
            continue;
        }
        for rows in [1, 2] {
            if let Some(mut h) = header_of(&names(grid, row, rows)) {
                h.row = row;
                h.data = row + rows;
                // A row of column numbers under the header: (1) (2) (3)…
                while h.data < grid.rows.len() && is_numbering_row(grid, h.data, &h) {
                    h.data += 1;
                }
                return Some(h);
            }
        }
    }
    None
}

/// `(1) (2) (3)` or `1 2 3` under the header: the title column holds a
/// number too, which no criterion's does.
fn is_numbering_row(grid: &Grid, row: usize, h: &Header) -> bool {
    let numeral = |t: &str| {
        let t = t.trim().trim_start_matches('(').trim_end_matches(')');
        !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
    };
    let title = grid.get(row, h.title).text();
    numeral(title)
        && grid.rows[row]
            .iter()
            .all(|v| v.is_empty() || numeral(v.text()))
}

/// The row of the sheet that comes closest to a header (two of the three
/// columns), for the refusal.
pub fn closest(grid: &Grid) -> Option<(usize, Vec<Msg>)> {
    let last = grid.rows.len().min(SEARCH_ROWS);
    (0..last)
        .map(|r| (r, found_in(grid, r)))
        .filter(|(_, f)| f.len() >= 2)
        .max_by_key(|(r, f)| (f.len(), usize::MAX - r))
}
