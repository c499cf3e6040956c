//! Reading a spreadsheet into grids of cells: `.xlsx`, `.xls` and `.ods`
//! with calamine (and their merged cells), `.csv` with the csv crate.
//!
//! A cell's value is kept as the text a person reads in it. A number that
//! the file stores as a binary double (Excel stores every number so) is
//! turned into the shortest decimal text that reads back as the same
//! double, `1.5` for 1.5, and only that text is parsed into an exact
//! [`crate::base::score::Score`]: a double is never added or rounded.

use super::messages;
use super::ods;
use crate::error::Error;
use calamine::{Data, Reader, Sheets};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// The most rows and columns a table may have: a criteria table has a few
/// hundred rows and a dozen columns.
pub const MAX_ROWS: usize = 20_000;
pub const MAX_COLS: usize = 100;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    /// Text, in NFC, with LF line ends.
    Text(String),
    /// A number stored as one: its shortest decimal text (`1.5`, `8`).
    Number(String),
    /// A date, a truth value or an error value: what it is, in words, and
    /// those words in English (its text, for what reads cells as text).
    Other(crate::base::i18n::Msg, String),
}

impl Value {
    pub fn other(what: crate::base::i18n::Msg) -> Value {
        let text = what.en();
        Value::Other(what, text)
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The text shown in the cell.
    pub fn text(&self) -> &str {
        match self {
            Value::Empty => "",
            Value::Text(t) | Value::Number(t) | Value::Other(_, t) => t,
        }
    }
}

/// A merged region, 0-based and inclusive: rows `top..=bottom`, columns
/// `left..=right`; its value is in its top-left cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

/// One sheet: its name and its cells, indexed from A1 = (0, 0).
#[derive(Debug, Default)]
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Value>>,
    pub merges: Vec<Region>,
}

const EMPTY: Value = Value::Empty;

impl Grid {
    pub fn get(&self, row: usize, col: usize) -> &Value {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    /// The region that covers `(row, col)` without starting there.
    pub fn covered_by(&self, row: usize, col: usize) -> Option<&Region> {
        self.merges.iter().find(|m| {
            (m.top..=m.bottom).contains(&row)
                && (m.left..=m.right).contains(&col)
                && (m.top, m.left) != (row, col)
        })
    }

    /// The cell's value, or, for a cell inside a merged region, the value
    /// of the region (in its top-left cell).
    pub fn get_merged(&self, row: usize, col: usize) -> &Value {
        match self.covered_by(row, col) {
            Some(m) => self.get(m.top, m.left),
            None => self.get(row, col),
        }
    }

    pub fn is_blank_row(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|r| r.iter().all(Value::is_empty))
    }

    /// `Sheet1!C14`, the way Excel names a cell of another sheet (a name
    /// with spaces or punctuation in single quotes).
    pub fn cell(&self, row: usize, col: usize) -> String {
        let plain = self
            .sheet
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
        let name = if plain && !self.sheet.is_empty() {
            self.sheet.clone()
        } else {
            format!("'{}'", self.sheet.replace('\'', "''"))
        };
        format!("{name}!{}{}", column_name(col), row + 1)
    }
}

/// `A` for 0, `Z` for 25, `AA` for 26.
pub fn column_name(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// What kind of file a path names, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

pub fn format_of(path: &Path) -> Result<Format, Error> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" => Ok(Format::Xlsx),
        "xls" => Ok(Format::Xls),
        "ods" => Ok(Format::Ods),
        "csv" => Ok(Format::Csv),
        _ => Err(messages::not_a_table_file(path)),
    }
}

/// Every sheet of the file, in order. A CSV file gives one sheet, named
/// after the file as Excel names it, read once with each separator it may
/// use (`,`; `;` where the decimal separator is a comma, as Excel writes in
/// Vietnamese; tab): the header search keeps the first reading in which it
/// finds the header.
pub fn read(path: &Path) -> Result<Vec<Grid>, Error> {
    match format_of(path)? {
        Format::Csv => read_csv(path),
        Format::Xlsx | Format::Xls | Format::Ods => read_workbook(path),
    }
}

fn text(s: &str) -> Value {
    let t: String = s.replace("\r\n", "\n").replace('\r', "\n").nfc().collect();
    if t.trim().is_empty() {
        Value::Empty
    } else {
        Value::Text(t)
    }
}

fn value(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) => text(s),
        Data::Int(i) => Value::Number(i.to_string()),
        // Rust prints a double as the shortest decimal that reads back as
        // the same double, and never with an exponent.
        Data::Float(f) if f.is_finite() => Value::Number(format!("{f}")),
        Data::Float(_) => Value::other(messages::cell_not_finite()),
        Data::Bool(b) => Value::other(messages::cell_bool(*b)),
        Data::DateTime(_) | Data::DateTimeIso(_) => Value::other(messages::cell_date()),
        Data::DurationIso(_) => Value::other(messages::cell_duration()),
        Data::Error(e) => Value::other(messages::cell_error(e)),
    }
}

fn read_workbook(path: &Path) -> Result<Vec<Grid>, Error> {
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| messages::unreadable(path, &e))?;
    let names = book.sheet_names();
    let mut grids = Vec::new();
    for name in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| messages::unreadable(path, &e))?;
        let merges: Vec<Region> = match &mut book {
            Sheets::Xlsx(x) => x
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| messages::unreadable(path, &e))?
                .iter()
                .map(region)
                .collect(),
            Sheets::Xls(x) => x
                .merge_cells_by_sheet_name(&name)
                .map(|v| v.iter().map(region).collect())
                .unwrap_or_default(),
            // calamine reads an OpenDocument sheet's covered cells as empty
            // and keeps no record of the merge: read it from content.xml.
            Sheets::Ods(_) => ods::merged_regions(path, &name)
                .map_err(|e| messages::unreadable(path, &e))?
                .into_iter()
                .map(|[top, left, bottom, right]| Region {
                    top,
                    left,
                    bottom,
                    right,
                })
                .collect(),
            Sheets::Xlsb(_) => Vec::new(),
        };
        let (top, left) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let height = range.height();
        if top + height > MAX_ROWS || left + range.width() > MAX_COLS {
            return Err(messages::too_big(path, &name, MAX_ROWS, MAX_COLS));
        }
        let mut rows = vec![Vec::new(); top];
        for r in range.rows() {
            let mut row = vec![Value::Empty; left];
            row.extend(r.iter().map(value));
            while row.last().is_some_and(Value::is_empty) {
                row.pop();
            }
            rows.push(row);
        }
        grids.push(Grid {
            sheet: name,
            rows,
            merges,
        });
    }
    Ok(grids)
}

fn region(d: &calamine::Dimensions) -> Region {
    Region {
        top: d.start.0 as usize,
        left: d.start.1 as usize,
        bottom: d.end.0 as usize,
        right: d.end.1 as usize,
    }
}

fn read_csv(path: &Path) -> Result<Vec<Grid>, Error> {
    let shown = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = crate::base::fsutil::read(path)?;
    if bytes.len() as u64 > crate::load::MAX_TEXT_BYTES {
        return Err(messages::too_big(path, &shown, MAX_ROWS, MAX_COLS));
    }
    // UTF-8 only (a byte order mark dropped, CRLF made LF, NFC), and the
    // legacy Vietnamese encodings named, as for every text file.
    let decoded = crate::load::decode(&shown, bytes).map_err(messages::undecodable)?;
    let sheet = path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut grids = Vec::new();
    for delimiter in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(decoded.as_bytes());
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| messages::bad_csv(path, &e))?;
            if rows.len() >= MAX_ROWS || record.len() > MAX_COLS {
                return Err(messages::too_big(path, &sheet, MAX_ROWS, MAX_COLS));
            }
            let mut row: Vec<Value> = record.iter().map(text).collect();
            while row.last().is_some_and(Value::is_empty) {
                row.pop();
            }
            rows.push(row);
        }
        grids.push(Grid {
            sheet: sheet.clone(),
            rows,
            merges: Vec::new(),
        });
    }
    Ok(grids)
}
