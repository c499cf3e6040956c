//! The documents the department signs and submits each year, drafted from
//! the figures the site holds (docs/format.md, "Documents"): the
//! self-assessment report and the results notice as Word documents in the
//! form of Nghị định 30/2020/NĐ-CP ([`form`]), and the evidence package as a
//! zip archive ([`package`]).
//!
//! They are made from the public site's model: what is internal stays out
//! of what is sent. `kiemchung dossier <year>` writes them into a folder;
//! the review site links them from each year's page (the public site only
//! those site.toml's `[documents] publish` names), as an [`Export`].

pub mod form;
pub mod notice;
pub mod package;
pub mod report;

use crate::base::i18n::Msg;
use crate::base::score::Score;
use crate::error::Error;
use crate::exports::{Export, ExportContext, Part};
use crate::model::dossier::{DossierFile, dossier_files};
use crate::model::site::{Assessment, Node, Site};
use std::sync::Arc;

/// `text`, or the blank the clerk fills in.
pub(super) fn or_blank(text: &str) -> String {
    if text.trim().is_empty() {
        form::BLANK.to_string()
    } else {
        text.trim().to_string()
    }
}

/// The nodes of `a` in tree order: each area followed by its criteria.
pub(super) fn in_tree_order(a: &Assessment) -> impl Iterator<Item = &Node> {
    let mut order = Vec::with_capacity(a.nodes.len());
    let mut stack: Vec<usize> = a.roots.iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        order.push(i);
        stack.extend(a.nodes[i].children.iter().rev());
    }
    order.into_iter().map(move |i| &a.nodes[i])
}

/// The year before `a` that has a rank, and that rank.
pub(super) fn previous_rank(site: &Site, a: &Assessment) -> Option<(i32, u32)> {
    site.assessments
        .iter()
        .rev()
        .find(|p| p.year < a.year)
        .and_then(|p| p.front.rank.map(|r| (p.year, r)))
}

/// The table of the areas: number, name, maximum, and the self-score
/// (`self_scores`) or the score and the points not achieved; a total row.
pub(super) fn areas_table(a: &Assessment, self_scores: bool) -> docx_rs::Table {
    let vi = |s: Option<Score>| s.map_or("—".to_string(), Score::to_vi);
    let mut rows: Vec<Vec<String>> = a
        .roots
        .iter()
        .map(|&r| {
            let n = &a.nodes[r];
            let id = n
                .front
                .label
                .clone()
                .unwrap_or_else(|| n.front.id.value.to_string());
            let mut row = vec![id, n.front.title.clone(), n.front.max.value.to_vi()];
            if self_scores {
                row.push(vi(n.self_score));
            } else {
                row.push(vi(n.score));
                row.push(vi(n.lost));
            }
            row
        })
        .collect();
    let sum = |f: fn(&Node) -> Option<Score>| {
        a.roots
            .iter()
            .filter_map(|&r| f(&a.nodes[r]))
            .reduce(|x, y| x + y)
    };
    let mut total = vec![
        String::new(),
        "Tổng cộng".to_string(),
        a.front.max.value.to_vi(),
    ];
    if self_scores {
        total.push(vi(sum(|n| n.self_score)));
    } else {
        total.push(vi(a.score.or(a.front.total.as_ref().map(|t| t.value))));
        total.push(vi(a.lost));
    }
    rows.push(total);
    let w = form::TEXT_WIDTH;
    if self_scores {
        let (n, m, s) = (w * 8 / 100, w * 17 / 100, w * 20 / 100);
        form::table(
            &["STT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá"],
            &rows,
            &[n, w - n - m - s, m, s],
            &[false, false, true, true],
        )
    } else {
        let (n, m) = (w * 8 / 100, w * 15 / 100);
        form::table(
            &[
                "STT",
                "Lĩnh vực",
                "Điểm tối đa",
                "Điểm đạt",
                "Điểm chưa đạt",
            ],
            &rows,
            &[n, w - n - 3 * m, m, m, m],
            &[false, false, true, true, true],
        )
    }
}

/// A folder name made of `text` that every system accepts: Vietnamese kept
/// (NFC), the characters Windows refuses (`<>:"/\|?*` and control
/// characters) replaced, no trailing dot or space, no reserved device name,
/// at most 80 characters.
pub fn folder_name(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = if c.is_control() || "<>:\"/\\|?*".contains(c) {
            ' '
        } else {
            c
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let mut out: String = out.chars().take(80).collect();
    while out.ends_with(['.', ' ']) {
        out.pop();
    }
    let stem = out.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str())
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if out.is_empty() || reserved {
        out.insert(0, '_');
    }
    out
}

/// The text under the heading `title` of a rendered body (its paragraphs
/// and list items, up to the next heading of the same or a higher level).
pub fn section_text(html: &str, title: &str) -> Vec<String> {
    let folded = crate::base::vi::fold(title);
    let mut out = Vec::new();
    let mut inside: Option<u8> = None;
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tag_end = match rest[start..].find('>') {
            Some(e) => start + e,
            None => break,
        };
        let tag = &rest[start + 1..tag_end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let closing = tag.starts_with('/');
        let level = name
            .strip_prefix('h')
            .and_then(|l| l.parse::<u8>().ok())
            .filter(|l| (1..=6).contains(l));
        let block = matches!(name.as_str(), "p" | "li") || level.is_some();
        if !closing && block {
            let close = format!("</{name}>");
            let Some(end) = rest[tag_end..].find(&close) else {
                break;
            };
            let inner = &rest[tag_end + 1..tag_end + end];
            let text = crate::exports::search::html_text(inner);
            match level {
                Some(l) => {
                    if inside.is_some_and(|at| l <= at) {
                        inside = None;
                    }
                    if crate::base::vi::fold(&text) == folded {
                        inside = Some(l);
                    }
                }
                None if inside.is_some() && !text.is_empty() => out.push(if name == "li" {
                    format!("- {text}")
                } else {
                    text
                }),
                None => {}
            }
            rest = &rest[tag_end + end + close.len()..];
        } else {
            rest = &rest[tag_end + 1..];
        }
    }
    out
}

/// The date the package's entries carry: the build's day (from
/// SOURCE_DATE_EPOCH to the second when it is given).
pub fn stamp(site: &Site) -> zip::DateTime {
    let when = match crate::base::timing::source_date_epoch() {
        Some(Ok(ts)) => ts.to_zoned(site.config.timezone.clone()).datetime(),
        _ => site.today.to_datetime(jiff::civil::Time::midnight()),
    };
    zip::DateTime::from_date_and_time(
        u16::try_from(when.year()).unwrap_or(1980).max(1980),
        when.month() as u8,
        when.day() as u8,
        when.hour() as u8,
        when.minute() as u8,
        when.second() as u8,
    )
    .unwrap_or_default()
}

/// The public model documents are made from: the site itself when it is
/// the public one, else its public view.
fn public(site: &Arc<Site>) -> Arc<Site> {
    if site.audience.is_review() {
        Arc::new(crate::model::audience::public_view((**site).clone()))
    } else {
        site.clone()
    }
}

/// Makes one document of year `year` into `w`.
pub fn make(
    site: &Site,
    year: i32,
    file: &DossierFile,
    body: &str,
    w: &mut dyn std::io::Write,
) -> Result<(), Error> {
    let fail = |message: Msg| Error::Output {
        path: file.path.clone(),
        message,
    };
    let a = site
        .assessments
        .iter()
        .find(|a| a.year == year)
        .ok_or_else(|| fail(crate::msg!("output-no-year", year = year)))?;
    let bytes = match file.kind {
        "report" => report::report(site, a, body).map_err(fail)?,
        "notice" => notice::notice(site, a).map_err(fail)?,
        _ => {
            return package::write(site, a, stamp(site), w).map_err(fail);
        }
    };
    w.write_all(&bytes)
        .map_err(|e| Error::writing(&file.path, e))
}

/// The documents of every year, as the site links them.
pub struct Dossier;

impl Export for Dossier {
    fn parts(&self, cx: &ExportContext) -> Vec<Part> {
        let mut parts = Vec::new();
        for a in &cx.site.assessments {
            for file in dossier_files(&cx.site, a) {
                let year = a.year;
                let body_file = a.file.clone();
                parts.push(Part::one(file.path.clone(), move |cx, w| {
                    let site = public(&cx.site);
                    let body = cx
                        .bodies
                        .get(&body_file)
                        .map(|b| b.html().into_owned())
                        .unwrap_or_default();
                    make(&site, year, &file, &body, w)
                }));
            }
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_safe_everywhere() {
        assert_eq!(
            folder_name("1.1 Thực hiện: mệnh lệnh/chỉ đạo?"),
            "1.1 Thực hiện mệnh lệnh chỉ đạo"
        );
        assert_eq!(folder_name("CON"), "_CON");
        assert_eq!(folder_name("com1.txt"), "_com1.txt");
        assert_eq!(folder_name("a. . "), "a");
        assert_eq!(folder_name(&"ă".repeat(100)).chars().count(), 80);
    }

    #[test]
    fn the_text_under_a_heading() {
        let html = "<h2>Đánh giá</h2><p>x</p><h2>Khó khăn, vướng mắc</h2><p>Một.</p>\
                    <ul><li>Hai</li></ul><h3>Chi tiết</h3><p>Ba</p><h2>Khác</h2><p>y</p>";
        assert_eq!(
            section_text(html, "Khó khăn, vướng mắc"),
            ["Một.", "- Hai", "Ba"]
        );
        assert_eq!(section_text(html, "kho khan, vuong mac").len(), 3);
        assert!(section_text(html, "Đề xuất").is_empty());
    }
}
