//! The merged regions of an OpenDocument sheet, which calamine does not
//! keep: a cell of `content.xml` that starts a merge carries
//! `table:number-columns-spanned` and `table:number-rows-spanned`; the cells
//! it covers are `table:covered-table-cell`. Positions are counted through
//! `table:number-rows-repeated` and `table:number-columns-repeated`, without
//! expanding the repeats (a sheet often ends with a million repeated empty
//! rows).

use quick_xml::events::{BytesStart, Event};
use std::io::Read;
use std::path::Path;

/// Regions as `[top, left, bottom, right]`, 0-based and inclusive.
pub fn merged_regions(path: &Path, sheet: &str) -> Result<Vec<[usize; 4]>, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .map_err(|e| e.to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| e.to_string())?;
    regions_in(&xml, sheet)
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

fn count(e: &BytesStart, name: &str) -> usize {
    attr(e, name)
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1)
}

/// The regions of the sheet named `sheet` in a `content.xml`.
pub fn regions_in(xml: &str, sheet: &str) -> Result<Vec<[usize; 4]>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut in_sheet = false;
    let (mut row, mut col) = (0usize, 0usize);
    let mut row_repeat = 1usize;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table" if in_sheet => return Ok(out),
                    "table:table-row" if in_sheet => row = row.saturating_add(row_repeat),
                    _ => {}
                }
                continue;
            }
            Event::Eof => return Ok(out),
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" => {
                in_sheet = attr(e, "table:name").as_deref() == Some(sheet);
                row = 0;
            }
            "table:table-row" if in_sheet => {
                col = 0;
                row_repeat = count(e, "table:number-rows-repeated");
                if empty {
                    row = row.saturating_add(row_repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if in_sheet => {
                let spans = (
                    count(e, "table:number-rows-spanned"),
                    count(e, "table:number-columns-spanned"),
                );
                if e.name().as_ref() == "table:table-cell" && spans != (1, 1) {
                    out.push([row, col, row + spans.0 - 1, col + spans.1 - 1]);
                }
                col = col.saturating_add(count(e, "table:number-columns-repeated"));
            }
            _ => {}
        }
    }
}
