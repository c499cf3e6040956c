//! Every message `import` prints, each built by one function here, so that
//! they can move into a catalog of translations together.

use crate::base::diag::Diagnostic;
use crate::base::score::Score;
use crate::error::Error;
use std::fmt::Display;
use std::path::Path;

fn table(cell: impl Into<String>, message: impl Into<String>, help: Option<String>) -> Error {
    Error::Table {
        cell: cell.into(),
        message: message.into(),
        help,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

pub fn not_a_table_file(path: &Path) -> Error {
    table(
        file_name(path),
        "expected a spreadsheet: a file ending in .xlsx, .xls, .ods or .csv",
        Some("a table in Word: copy it into Excel or LibreOffice Calc and save it as .xlsx".into()),
    )
}

pub fn unreadable(path: &Path, e: &dyn Display) -> Error {
    table(
        file_name(path),
        format!("cannot read the file as a spreadsheet: {e}"),
        Some("open it in Excel or LibreOffice Calc and save it again as .xlsx".into()),
    )
}

pub fn too_big(path: &Path, sheet: &str, rows: usize, cols: usize) -> Error {
    table(
        format!("{} ({sheet})", file_name(path)),
        format!(
            "the sheet is larger than a criteria table can be: more than {rows} rows or {cols} columns"
        ),
        Some("copy the criteria table alone into a new sheet".into()),
    )
}

pub fn undecodable(d: Diagnostic) -> Error {
    let at = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", d.file),
        _ => d.file.clone(),
    };
    table(at, d.message.en(), d.help.map(|h| h.en()))
}

pub fn bad_csv(path: &Path, e: &csv::Error) -> Error {
    let at = match e.position() {
        Some(p) => format!("{}:{}", file_name(path), p.line()),
        None => file_name(path),
    };
    table(at, format!("cannot read the CSV file: {e}"), None)
}

/// What the header search looks for, for the refusal that lists it.
pub const LOOKED_FOR: &str = "a number column (STT, TT or Mã), a title column (Lĩnh vực, \
    Tiêu chí, Tiêu chí thành phần or Nội dung) and a maximum column (Điểm tối đa), \
    with or without tone marks, in one row or two";

pub fn no_header(
    path: &Path,
    sheets: &[String],
    rows: usize,
    closest: Option<(String, Vec<&'static str>)>,
) -> Error {
    let mut help = format!(
        "looked in the first {rows} rows of {} for {LOOKED_FOR}",
        sheets
            .iter()
            .map(|s| format!("sheet `{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some((cell, found)) = closest {
        help.push_str(&format!(
            "; the closest was the row of {cell}, with {} only",
            found.join(" and ")
        ));
    }
    table(
        file_name(path),
        "cannot find the table's header row",
        Some(help),
    )
}

pub fn no_rows(cell: &str) -> Error {
    table(
        cell,
        "there is no criterion below this header: expected rows with a number (I, 1, 1.1…), a title and a maximum",
        None,
    )
}

pub fn max_not_a_number(cell: &str, id: &str, shown: &str, why: &dyn Display) -> Error {
    table(
        cell,
        format!("the maximum of {id}, `{shown}`, is not a number: {why}"),
        Some("write the maximum as 2, 1,5 or 0.25 (at most three decimals)".into()),
    )
}

pub fn max_not_a_value(cell: &str, id: &str, what: &str) -> Error {
    table(
        cell,
        format!("the maximum of {id} is {what}, not a number"),
        Some("format the cell as a number or as text, and write the maximum, e.g. 1,5".into()),
    )
}

pub fn no_max(cell: &str, id: &str) -> Error {
    table(
        cell,
        format!("{id} has no maximum (Điểm tối đa)"),
        Some("every area, criterion and sub-criterion needs its maximum".into()),
    )
}

pub fn no_title(cell: &str, id: &str) -> Error {
    table(cell, format!("{id} has no title"), None)
}

pub fn bad_id(cell: &str, shown: &str) -> Error {
    table(
        cell,
        format!("`{shown}` is not a number of the table"),
        Some(
            "expected a roman numeral for an area (I, II…), or 1, 1.1, 1.1.1; a scoring guide's \
             row has no number, or a), b), - or +"
                .into(),
        ),
    )
}

pub fn duplicate_id(cell: &str, id: &str, first: &str) -> Error {
    table(
        cell,
        format!("{id} is given twice: first at {first}"),
        Some("each area and criterion has its own number".into()),
    )
}

pub fn missing_parent(cell: &str, id: &str, parent: &str) -> Error {
    table(
        cell,
        format!("{id} has no parent {parent} in the table"),
        Some(format!(
            "add the row of {parent} above it, or correct the number"
        )),
    )
}

pub fn outside_area(cell: &str, shown: &str, area: &str, area_cell: &str) -> Error {
    table(
        cell,
        format!("{shown} is under area {area} ({area_cell}), but does not start with {area}."),
        Some("number the criteria of an area 1, 2… (or all from the area's number)".into()),
    )
}

pub fn children_exceed(cell: &str, id: &str, sum: Score, max: Score, children: &str) -> Error {
    table(
        cell,
        format!(
            "the criteria under {id} have maxima adding up to {}, more than its maximum {}",
            sum.to_vi(),
            max.to_vi()
        ),
        Some(format!("under {id}: {children}")),
    )
}

pub fn areas_total(cell: &str, sum: Score, max: Score, of: &str, areas: &str) -> Error {
    table(
        cell,
        format!(
            "the areas' maxima add up to {}, but the assessment's maximum is {} ({of})",
            sum.to_vi(),
            max.to_vi()
        ),
        Some(format!("areas: {areas}")),
    )
}

pub fn totals_disagree(cell: &str, a: Score, first: &str, b: Score) -> Error {
    table(
        cell,
        format!(
            "this total row gives {}, but the one at {first} gives {}",
            b.to_vi(),
            a.to_vi()
        ),
        None,
    )
}

pub fn no_total_given(year: i32) -> String {
    format!("the default 100: neither the table nor content/{year}/_index.md gives another")
}

pub fn total_row(cell: &str) -> String {
    format!("the total row, {cell}")
}

pub fn index_max(year: i32) -> String {
    format!("content/{year}/_index.md")
}

pub fn not_a_year(year: i32) -> Error {
    Error::Command(format!("{year} is not a four-digit year"))
}

pub fn folder_without_index(year: i32) -> Error {
    Error::Command(format!(
        "content/{year} exists but has no _index.md; nothing was written: delete the folder, or \
         give it its _index.md (kiemchung new year writes one), and import again"
    ))
}

pub fn year_has_errors(year: i32, files: &[String]) -> Error {
    Error::Command(format!(
        "content/{year} has errors; fix these files first (run kiemchung check), nothing was \
         written: {}",
        files.join(", ")
    ))
}

pub fn would_fail_check(year: i32, diagnostics: Vec<Diagnostic>) -> Error {
    Error::WouldFail {
        diagnostics,
        message: format!(
            "with the table's titles and maxima, content/{year} would not pass check (above, \
             in the files as they would be); nothing was written"
        ),
    }
}

pub fn changed_meanwhile(path: &Path) -> Error {
    Error::Command(format!(
        "{} changed while the table was being imported; run the import again",
        path.display()
    ))
}

pub fn cannot_edit(rel: &str, field: &str) -> Error {
    Error::Command(format!(
        "{rel}: cannot change `{field}:` without touching anything else in the file (write it \
         as one line, `{field}: …`); nothing was written"
    ))
}

pub fn not_itemised(cell: &str, id: &str, sum: Score, max: Score) -> String {
    format!(
        "{cell}: the criteria under {id} add up to {} of its {}; the {} left is shown as not \
         itemised (chưa chia chi tiết)",
        sum.to_vi(),
        max.to_vi(),
        (max - sum).to_vi()
    )
}

pub fn unknown_unit(cell: &str, shown: &str) -> String {
    format!(
        "{cell}: `{shown}` is not a unit of site.toml (its id or its name); no unit written for \
         that criterion"
    )
}

pub fn scores_not_imported(cell: &str) -> String {
    format!(
        "{cell}: the self-scores (Điểm tự đánh giá) are not imported; scores are written in the \
         criteria's files"
    )
}

pub fn rows_not_read(first: &str, last: &str) -> String {
    if first == last {
        format!("{first}: a row without a number after an empty row was not read")
    } else {
        format!("{first} to {last}: rows without a number after an empty row were not read")
    }
}

pub fn other_errors(n: usize) -> String {
    format!(
        "the site has {n} other error{} that this import did not cause (run kiemchung check)",
        if n == 1 { "" } else { "s" }
    )
}

pub fn title_change(was: &str, now: &str) -> String {
    format!(
        "title {} → {}",
        serde_json::json!(was),
        serde_json::json!(now)
    )
}

pub fn max_change(was: Score, now: Score) -> String {
    format!("max {} → {}", was.to_plain(), now.to_plain())
}

pub fn no_sheet(path: &Path, sheet: &str, sheets: &[String]) -> Error {
    table(
        file_name(path),
        format!("there is no sheet `{sheet}`"),
        Some(format!("its sheets: {}", sheets.join(", "))),
    )
}

pub fn already_exists(rel: &str) -> Error {
    Error::Command(format!(
        "{rel} already exists, and holds none of the year's criteria; nothing was written: \
         rename or move that file and import again"
    ))
}
