//! Rule 10: one document cited with different dates or titles, and
//! document numbers that do not parse or look mistyped.

use super::warning;
use crate::base::diag::Diagnostic;
use crate::base::vi;
use crate::model::documents;
use crate::model::site::Site;

/// Rule 10: one document (number, issuer, year) cited with different
/// dates or titles. Also: a document number that does not parse, or looks
/// like a typo (QD for QĐ), is a warning at its line.
pub(super) fn check(site: &mut Site, diags: &mut Vec<Diagnostic>) {
    let mut node_warnings: Vec<(usize, usize, String)> = Vec::new();
    let groups = documents::groups(site);
    for (cite, msg) in documents::number_problems(site, &groups) {
        let e = cite.evidence(site);
        diags.push(
            warning(cite.file(site), e.number_loc.unwrap_or(e.loc), msg).with_help(
                "write it as on the document, e.g. 55/TB-SKHCN, 3859/QĐ-UBND or 30/2020/NĐ-CP",
            ),
        );
        // Reviewers see it on the node's page too, like every warning.
        if let (Some(ni), Some(number)) = (cite.node, &e.number) {
            let msg_vi = if crate::base::docnum::parse(number).is_err() {
                format!(
                    "Số, ký hiệu «{number}» của tài liệu «{}» không đúng dạng (như 55/TB-SKHCN, 30/2020/NĐ-CP); cần ghi đúng như trên văn bản.",
                    e.title
                )
            } else {
                format!(
                    "Số, ký hiệu «{number}» của tài liệu «{}» có thể gõ nhầm (D thay cho Đ); cần ghi đúng như trên văn bản.",
                    e.title
                )
            };
            node_warnings.push((cite.assessment, ni, msg_vi));
        }
    }
    for g in &groups {
        if g.key.0.starts_with('#') || g.cites.len() < 2 {
            continue;
        }
        let (dates, titles) = (g.dates_differ(site), g.titles_differ(site));
        let (what, what_vi) = match (dates, titles) {
            (false, false) => continue,
            (true, true) => ("different dates and titles", "ngày ban hành và trích yếu"),
            (true, false) => ("different dates", "ngày ban hành"),
            (false, true) => ("different titles", "trích yếu"),
        };
        let mut variants: Vec<String> = g
            .cites
            .iter()
            .map(|c| {
                let e = c.evidence(site);
                format!(
                    "{}:{} «{}»{}",
                    c.file(site),
                    e.number_loc.unwrap_or(e.loc).line,
                    e.title,
                    e.date
                        .map(|d| format!(" {}", vi::date_iso(d)))
                        .unwrap_or_default()
                )
            })
            .collect();
        variants.dedup();
        let help = format!("citations: {}", variants.join("; "));
        let number = g.cites[0].evidence(site).number.clone().unwrap_or_default();
        let msg_vi = format!(
            "Văn bản số {number} được dẫn với {what_vi} khác nhau; cần thống nhất với bản gốc."
        );
        for c in &g.cites {
            let e = c.evidence(site);
            diags.push(
                warning(
                    c.file(site),
                    e.number_loc.unwrap_or(e.loc),
                    format!("document {number} is cited with {what}"),
                )
                .with_help(help.clone()),
            );
            if let Some(ni) = c.node {
                node_warnings.push((c.assessment, ni, msg_vi.clone()));
            }
        }
    }
    for (ai, ni, msg) in node_warnings {
        let w = &mut site.assessments[ai].nodes[ni].warnings;
        if !w.contains(&msg) {
            w.push(msg);
        }
    }
    // The evidence is final here (this is the last check): the documents
    // page and the search index use these groups instead of grouping again.
    site.doc_groups = crate::model::site::Derived::new(groups);
}
