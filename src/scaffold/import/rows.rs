//! The rows below the header, read into the table's items: each area,
//! criterion and sub-criterion with its number, title, maximum and the
//! cells they came from, and its scoring guide (the lines after the title
//! in its cell, and the rows without a number under it).
//!
//! Numbers: a roman numeral starts an area (`I` is area 1). Under it the
//! table numbers its criteria either from 1 again (`1`, `1.1`: criterion
//! 1.1 and sub-criterion 1.1.1 of area I), or from the area's number
//! (`1.1`, `1.1.1`); which one is told by the area's first numbered row. A
//! table without roman numerals (kiemchung's own workbook) gives every id
//! in full.

use super::header::Header;
use super::messages;
use super::sheet::{Grid, Value};
use crate::base::id::NodeId;
use crate::base::score::Score;
use crate::base::vi;
use crate::error::Error;

/// One area, criterion or sub-criterion of the table.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: NodeId,
    pub id_cell: String,
    pub label: Option<String>,
    pub title: String,
    pub max: Score,
    pub max_cell: String,
    pub guide: Vec<String>,
    pub evidence: Vec<String>,
    pub notes: Vec<String>,
    /// The unit as written, and its cell.
    pub unit: Option<(String, String)>,
}

/// What the rows gave.
#[derive(Debug, Default)]
pub struct Table {
    pub items: Vec<Item>,
    /// The total row's maximum and its cell, when the table has one.
    pub total: Option<(Score, String)>,
    /// Things worth saying that do not stop the import.
    pub notes: Vec<crate::base::i18n::Msg>,
}

/// What a number cell says.
#[derive(Debug, PartialEq)]
enum Numbering {
    None,
    /// A roman numeral: an area.
    Roman(u32),
    /// Dotted numbers as written.
    Dotted(Vec<u32>),
    /// `a)`, `-`, `+`: a line of a scoring guide.
    Bullet(String),
}

/// The value of a roman numeral of I, V and X (areas are few), or `None`.
pub fn roman_value(s: &str) -> Option<u32> {
    let s = s.to_ascii_uppercase();
    if s.is_empty() || !s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let digit = |b: u8| -> i64 {
        match b {
            b'I' => 1,
            b'V' => 5,
            _ => 10,
        }
    };
    let bytes = s.as_bytes();
    let mut total = 0i64;
    for (i, &b) in bytes.iter().enumerate() {
        let v = digit(b);
        if bytes.get(i + 1).is_some_and(|&n| digit(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    // Only the canonical spelling: IIII or VX is not a numeral.
    (crate::base::id::roman(total).eq_ignore_ascii_case(&s)).then_some(total)
}

fn dotted(s: &str) -> Option<Vec<u32>> {
    let s = s.trim_end_matches('.');
    if s.is_empty() {
        return None;
    }
    s.split('.')
        .map(|p| {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect()
}

fn is_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('-' | '+' | '•' | '*' | '–' | '·'), None, _) => true,
        (Some(c), Some(')' | '.'), None) => c.is_alphabetic() && c.is_lowercase(),
        (Some('('), Some(c), Some(')')) => c.is_alphabetic() && chars.next().is_none(),
        _ => false,
    }
}

/// Reads a number cell; `Err` with the cell's text when it is none of the
/// forms a table uses. A cell `I. CÔNG TÁC…` (a number and a title merged
/// into one cell) gives its number and the rest.
fn numbering(text: &str) -> Result<(Numbering, Option<String>), ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok((Numbering::None, None));
    }
    let word = |w: &str| -> Option<Numbering> {
        let bare = w.trim_end_matches(['.', ')']);
        if let Some(v) = roman_value(bare) {
            return Some(Numbering::Roman(v));
        }
        dotted(w.trim_end_matches(')')).map(Numbering::Dotted)
    };
    if let Some(n) = word(t) {
        return Ok((n, None));
    }
    if is_bullet(t) {
        return Ok((Numbering::Bullet(t.to_string()), None));
    }
    if let Some((first, rest)) = t.split_once(char::is_whitespace)
        && let Some(n) = word(first)
        && !rest.trim().is_empty()
    {
        return Ok((n, Some(rest.trim().to_string())));
    }
    Err(())
}

/// One line of text: spaces collapsed.
fn line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of a cell, empty ones left out; ` / ` also separates lines
/// ("Kịp thời: 1 / Không kịp thời: 0,5").
fn lines(s: &str) -> Vec<String> {
    s.lines()
        .flat_map(|l| l.split(" / "))
        .map(line)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A total row: no number, and a title such as "Tổng cộng", "Tổng điểm".
fn is_total(title: &str) -> bool {
    let t = super::header::norm(title);
    t.starts_with("tong") || t == "cong" || t == "cong diem"
}

/// A maximum read exactly: a number cell through its shortest decimal
/// text, a text cell as written (`1,5`, `1.5`, `1,5 điểm`).
pub fn read_max(v: &Value, cell: &str, id: &str) -> Result<Option<Score>, Error> {
    let shown = match v {
        Value::Empty => return Ok(None),
        Value::Other(what, _) => return Err(messages::max_not_a_value(cell, id, what.clone())),
        Value::Number(t) | Value::Text(t) => t.trim(),
    };
    if shown.is_empty() {
        return Ok(None);
    }
    let folded = vi::fold(shown);
    let bare = folded
        .strip_suffix("diem")
        .or_else(|| folded.strip_suffix('d'))
        .filter(|b| b.is_ascii() && b.ends_with(|c: char| c.is_ascii_digit() || c.is_whitespace()))
        .map_or(shown, |b| &shown[..b.trim_end().len()]);
    Score::parse(bare)
        .map(Some)
        .map_err(|e| messages::max_not_a_number(cell, id, shown, &e))
}

/// Reads the rows below the header.
pub fn read(grid: &Grid, h: &Header) -> Result<Table, Error> {
    let mut table = Table::default();
    // The area being read: its number, its cell, and whether its criteria
    // are numbered from the area's number (Some(true)) or from 1.
    let mut area: Option<(u32, String, Option<bool>)> = None;
    let mut after_blank = false;
    let mut skipped: Vec<String> = Vec::new();
    let mut ended = false;
    let mut total: Option<(Score, String)> = None;
    for row in h.data..grid.rows.len() {
        if grid.is_blank_row(row) {
            after_blank = true;
            continue;
        }
        let id_value = match grid.covered_by(row, h.id) {
            // Merged down from a row above: that row's number goes on.
            Some(m) if m.top < row => &Value::Empty,
            _ => grid.get(row, h.id),
        };
        let id_cell = grid.cell(row, h.id);
        let (numbering, rest) =
            numbering(id_value.text()).map_err(|()| messages::bad_id(&id_cell, id_value.text()))?;
        let own = |col: Option<usize>| -> String {
            col.filter(|&c| grid.covered_by(row, c).is_none_or(|m| m.top == row))
                .map(|c| grid.get_merged(row, c).text().to_string())
                .unwrap_or_default()
        };
        // A title cell inside a merge holds nothing of its own (`I. CÔNG
        // TÁC…` merged over the number and title columns is read above).
        let title_text = match grid.covered_by(row, h.title) {
            Some(_) => String::new(),
            None => grid.get(row, h.title).text().to_string(),
        };
        let parts: Vec<u32> = match &numbering {
            Numbering::None | Numbering::Bullet(_) => {
                let text = lines(&title_text);
                if numbering == Numbering::None && text.first().is_some_and(|t| is_total(t)) {
                    let cell = grid.cell(row, h.max);
                    if let Some(max) = read_max(grid.get(row, h.max), &cell, "the total")? {
                        match &total {
                            // Two total rows together (kiemchung's workbook
                            // has the sum and the published total).
                            Some((first, at)) if ended && *first != max => {
                                return Err(messages::totals_disagree(&cell, *first, at, max));
                            }
                            Some(_) if ended => {}
                            _ => total = Some((max, cell)),
                        }
                    }
                    ended = true;
                    continue;
                }
                if ended {
                    continue;
                }
                let Some(item) = table.items.last_mut().filter(|_| !after_blank) else {
                    if table.items.last().is_some() {
                        skipped.push(grid.cell(row, h.title));
                    }
                    continue;
                };
                let mut guide = text;
                if let Numbering::Bullet(b) = &numbering
                    && let Some(first) = guide.first_mut()
                {
                    *first = format!("{b} {first}");
                }
                let points = grid.get(row, h.max).text().trim().to_string();
                if !points.is_empty()
                    && let Some(last) = guide.last_mut()
                    && !last.ends_with(points.as_str())
                {
                    let shown = Score::parse(&points).map_or(points.clone(), Score::to_vi);
                    *last = format!("{last}: {shown}");
                }
                item.guide.extend(guide);
                item.guide.extend(lines(&own(h.guide)));
                item.evidence.extend(lines(&own(h.evidence)));
                item.notes.extend(lines(&own(h.note)));
                continue;
            }
            Numbering::Roman(k) => {
                area = Some((*k, id_cell.clone(), None));
                vec![*k]
            }
            Numbering::Dotted(p) => match &mut area {
                None => p.clone(),
                Some((k, at, from_area)) => {
                    let absolute = *from_area.get_or_insert(p.len() > 1 && p[0] == *k);
                    if absolute {
                        if p.len() < 2 || p[0] != *k {
                            return Err(messages::outside_area(
                                &id_cell,
                                id_value.text().trim(),
                                &k.to_string(),
                                at,
                            ));
                        }
                        p.clone()
                    } else {
                        std::iter::once(*k).chain(p.iter().copied()).collect()
                    }
                }
            },
        };
        if ended {
            // More criteria after a total row: it was an area's subtotal.
            total = None;
            ended = false;
        }
        after_blank = false;
        let shown_id: String = parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let id = NodeId::parse(&shown_id).map_err(|_| messages::bad_id(&id_cell, &shown_id))?;
        let mut cell_lines = lines(&title_text);
        if cell_lines.is_empty()
            && let Some(r) = &rest
        {
            cell_lines = lines(r);
        }
        if cell_lines.is_empty() {
            return Err(messages::no_title(&grid.cell(row, h.title), &shown_id));
        }
        let title = cell_lines.remove(0);
        let max_cell = grid.cell(row, h.max);
        let max = read_max(grid.get(row, h.max), &max_cell, &shown_id)?
            .ok_or_else(|| messages::no_max(&max_cell, &shown_id))?;
        let label = h
            .label
            .map(|c| line(grid.get(row, c).text()))
            .filter(|l| !l.is_empty())
            .or_else(|| match numbering {
                Numbering::Roman(_) => Some(
                    id_value
                        .text()
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .trim_end_matches(['.', ')'])
                        .to_string(),
                ),
                _ => None,
            });
        // A unit merged over several criteria is theirs alike.
        let unit = h.unit.and_then(|c| {
            let v = grid.get_merged(row, c).text();
            let at = grid
                .covered_by(row, c)
                .map_or((row, c), |m| (m.top, m.left));
            let v = line(v);
            (!v.is_empty()).then(|| (v, grid.cell(at.0, at.1)))
        });
        let mut guide = cell_lines;
        guide.extend(lines(&own(h.guide)));
        table.items.push(Item {
            id,
            id_cell,
            label,
            title,
            max,
            max_cell,
            guide,
            evidence: lines(&own(h.evidence)),
            notes: lines(&own(h.note)),
            unit,
        });
    }
    table.total = total;
    if let (Some(first), Some(last)) = (skipped.first(), skipped.last()) {
        table.notes.push(messages::rows_not_read(first, last));
    }
    if let Some(c) = h.self_score
        && (h.data..grid.rows.len()).any(|r| !grid.get(r, c).is_empty())
    {
        table
            .notes
            .push(messages::scores_not_imported(&grid.cell(h.row, c)));
    }
    if table.items.is_empty() {
        return Err(messages::no_rows(&grid.cell(h.row, h.id)));
    }
    Ok(table)
}
