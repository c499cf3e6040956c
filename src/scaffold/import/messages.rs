//! Every message `import` prints, each built by one function here from the
//! catalog (`locales/*/import.ftl`), with its code (E9xx); the numbers are
//! arguments, so each language writes them its own way.

use crate::base::diag::Diagnostic;
use crate::base::i18n::Msg;
use crate::base::score::Score;
use crate::error::Error;
use crate::msg;
use std::fmt::Display;
use std::path::Path;

fn table(cell: impl Into<String>, message: Msg, help: Option<Msg>) -> Error {
    Error::Table {
        cell: cell.into(),
        message,
        help: help.map(Box::new),
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
        msg!("E901-not-a-table"),
        Some(msg!("E901-not-a-table-help")),
    )
}

pub fn unreadable(path: &Path, e: &dyn Display) -> Error {
    table(
        file_name(path),
        msg!("E902-unreadable", detail = e.to_string()),
        Some(msg!("E902-unreadable-help")),
    )
}

pub fn too_big(path: &Path, sheet: &str, rows: usize, cols: usize) -> Error {
    table(
        format!("{} ({sheet})", file_name(path)),
        msg!("E903-too-big", rows = rows, cols = cols),
        Some(msg!("E903-too-big-help")),
    )
}

/// A CSV file that is not text kiemchung reads (a legacy encoding, NUL
/// bytes): the reading's diagnostic, with its code, at its place.
pub fn undecodable(d: Diagnostic) -> Error {
    let at = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", d.file),
        _ => d.file.clone(),
    };
    table(at, d.message, d.help.map(|h| *h))
}

pub fn bad_csv(path: &Path, e: &csv::Error) -> Error {
    let at = match e.position() {
        Some(p) => format!("{}:{}", file_name(path), p.line()),
        None => file_name(path),
    };
    table(at, msg!("E904-bad-csv", detail = e.to_string()), None)
}

/// What the header search finds in a row: the kinds of column.
pub fn number_column() -> Msg {
    msg!("import-number-column")
}

pub fn title_column() -> Msg {
    msg!("import-title-column")
}

pub fn max_column() -> Msg {
    msg!("import-max-column")
}

/// `a and b and c`.
fn and(items: Vec<Msg>) -> Msg {
    let mut items = items.into_iter().rev();
    let last = items.next().unwrap_or_else(|| msg!("import-nothing"));
    items.fold(last, |rest, first| {
        msg!("import-and", first = first, rest = rest)
    })
}

/// `1.1.1 1.5 (Sheet1!C4), 1.1.2 1 (Sheet1!C5)`: items with their maxima
/// and cells.
pub fn items(items: &[(String, Score, String)]) -> Msg {
    let mut items = items
        .iter()
        .rev()
        .map(|(id, max, cell)| msg!("import-item", id = id, max = *max, cell = cell));
    let last = items.next().unwrap_or_else(|| msg!("import-nothing"));
    items.fold(last, |rest, first| {
        msg!("import-items", first = first, rest = rest)
    })
}

pub fn no_header(
    path: &Path,
    sheets: &[String],
    rows: usize,
    closest: Option<(String, Vec<Msg>)>,
) -> Error {
    let names: Vec<String> = sheets.iter().map(|s| format!("`{s}`")).collect();
    let count = names.len();
    let help = match closest {
        Some((cell, found)) => msg!(
            "E905-no-header-closest-help",
            rows = rows,
            count = count,
            sheets = names,
            cell = cell,
            found = and(found)
        ),
        None => msg!(
            "E905-no-header-help",
            rows = rows,
            count = count,
            sheets = names
        ),
    };
    table(file_name(path), msg!("E905-no-header"), Some(help))
}

pub fn no_rows(cell: &str) -> Error {
    table(cell, msg!("E906-no-rows"), None)
}

pub fn max_not_a_number(cell: &str, id: &str, shown: &str, why: &dyn Display) -> Error {
    table(
        cell,
        msg!(
            "E907-max-not-a-number",
            id = id,
            value = shown,
            detail = why.to_string()
        ),
        Some(msg!("E907-max-not-a-number-help")),
    )
}

pub fn max_not_a_value(cell: &str, id: &str, what: Msg) -> Error {
    table(
        cell,
        msg!("E907-max-not-a-value", id = id, what = what),
        Some(msg!("E907-max-not-a-value-help")),
    )
}

/// What a cell holds that is not a maximum: a date, a truth value…
pub fn cell_date() -> Msg {
    msg!("import-cell-date")
}

pub fn cell_duration() -> Msg {
    msg!("import-cell-duration")
}

pub fn cell_not_finite() -> Msg {
    msg!("import-cell-not-finite")
}

pub fn cell_bool(b: bool) -> Msg {
    msg!("import-cell-bool", value = b.to_string())
}

pub fn cell_error(e: &dyn Display) -> Msg {
    msg!("import-cell-error", value = e.to_string())
}

pub fn no_max(cell: &str, id: &str) -> Error {
    table(
        cell,
        msg!("E907-no-max", id = id),
        Some(msg!("E907-no-max-help")),
    )
}

pub fn no_title(cell: &str, id: &str) -> Error {
    table(cell, msg!("E908-no-title", id = id), None)
}

pub fn bad_id(cell: &str, shown: &str) -> Error {
    table(
        cell,
        msg!("E909-bad-id", value = shown),
        Some(msg!("E909-bad-id-help")),
    )
}

pub fn duplicate_id(cell: &str, id: &str, first: &str) -> Error {
    table(
        cell,
        msg!("E910-duplicate-id", id = id, first = first),
        Some(msg!("E910-duplicate-id-help")),
    )
}

pub fn missing_parent(cell: &str, id: &str, parent: &str) -> Error {
    table(
        cell,
        msg!("E911-missing-parent", id = id, parent = parent),
        Some(msg!("E911-missing-parent-help", parent = parent)),
    )
}

pub fn outside_area(cell: &str, shown: &str, area: &str, area_cell: &str) -> Error {
    table(
        cell,
        msg!(
            "E912-outside-area",
            id = shown,
            area = area,
            area_cell = area_cell
        ),
        Some(msg!("E912-outside-area-help")),
    )
}

pub fn children_exceed(cell: &str, id: &str, sum: Score, max: Score, children: Msg) -> Error {
    table(
        cell,
        msg!("E913-children-exceed", id = id, sum = sum, max = max),
        Some(msg!(
            "E913-children-exceed-help",
            id = id,
            children = children
        )),
    )
}

pub fn areas_total(cell: &str, sum: Score, max: Score, of: Msg, areas: Msg) -> Error {
    table(
        cell,
        msg!("E914-areas-total", sum = sum, max = max, of = of),
        Some(msg!("E914-areas-total-help", areas = areas)),
    )
}

pub fn totals_disagree(cell: &str, a: Score, first: &str, b: Score) -> Error {
    table(
        cell,
        msg!("E915-totals-disagree", this = b, first = first, that = a),
        None,
    )
}

pub fn no_total_given(year: i32) -> Msg {
    msg!("import-max-default", year = year)
}

pub fn total_row(cell: &str) -> Msg {
    msg!("import-max-total-row", cell = cell)
}

pub fn index_max(year: i32) -> Msg {
    msg!("import-max-index", year = year)
}

pub fn not_a_year(year: i32) -> Error {
    Error::Command(msg!("E821-not-a-year", year = year))
}

pub fn folder_without_index(year: i32) -> Error {
    Error::Command(msg!("E917-folder-without-index", year = year))
}

pub fn year_has_errors(year: i32, files: &[String]) -> Error {
    Error::Command(msg!(
        "E918-year-has-errors",
        year = year,
        files = files.to_vec()
    ))
}

pub fn would_fail_check(year: i32, diagnostics: Vec<Diagnostic>) -> Error {
    Error::WouldFail {
        diagnostics,
        message: msg!("E919-would-fail-check", year = year),
    }
}

pub fn changed_meanwhile(path: &Path) -> Error {
    Error::Command(msg!("E920-changed-meanwhile", path = path))
}

pub fn cannot_edit(rel: &str, field: &str) -> Error {
    Error::Command(msg!("E921-cannot-edit", path = rel, field = field))
}

pub fn not_itemised(cell: &str, id: &str, sum: Score, max: Score) -> Msg {
    msg!(
        "import-not-itemised",
        cell = cell,
        id = id,
        sum = sum,
        max = max,
        left = max - sum
    )
}

pub fn unknown_unit(cell: &str, shown: &str) -> Msg {
    msg!("import-unknown-unit", cell = cell, unit = shown)
}

pub fn scores_not_imported(cell: &str) -> Msg {
    msg!("import-scores-not-imported", cell = cell)
}

pub fn rows_not_read(first: &str, last: &str) -> Msg {
    if first == last {
        msg!("import-row-not-read", first = first)
    } else {
        msg!("import-rows-not-read", first = first, last = last)
    }
}

pub fn other_errors(n: usize) -> Msg {
    msg!("import-other-errors", count = n)
}

pub fn title_change(was: &str, now: &str) -> Msg {
    // Titles are quoted as the file writes them.
    msg!(
        "import-title-change",
        was = serde_json::json!(was).to_string(),
        now = serde_json::json!(now).to_string()
    )
}

pub fn max_change(was: Score, now: Score) -> Msg {
    msg!("import-max-change", was = was, now = now)
}

pub fn no_sheet(path: &Path, sheet: &str, sheets: &[String]) -> Error {
    table(
        file_name(path),
        msg!("E916-no-sheet", sheet = sheet),
        Some(msg!("E916-no-sheet-help", sheets = sheets.to_vec())),
    )
}

pub fn already_exists(rel: &str) -> Error {
    Error::Command(msg!("E922-already-exists", path = rel))
}
