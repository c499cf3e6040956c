//! Rule 10: one document cited with different dates or titles, and
//! document numbers that do not parse or look mistyped.

use super::warning;
use crate::base::diag::Diagnostic;
use crate::base::i18n::Msg;
use crate::model::documents;
use crate::model::site::Site;
use crate::msg;

/// Rule 10: one document (number, issuer, year) cited with different
/// dates or titles. Also: a document number that does not parse, or looks
/// like a typo (QD for QĐ), is a warning at its line.
pub(super) fn check(site: &mut Site, diags: &mut Vec<Diagnostic>) {
    let mut node_warnings: Vec<(usize, usize, String)> = Vec::new();
    let groups = documents::groups(site);
    for (cite, msg) in documents::number_problems(site, &groups) {
        let e = cite.evidence(site);
        diags.push(
            warning(cite.file(site), e.number_loc.unwrap_or(e.loc), msg)
                .with_help(msg!("W503-help")),
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
            (true, true) => (msg!("cited-dates-titles"), "ngày ban hành và trích yếu"),
            (true, false) => (msg!("cited-dates"), "ngày ban hành"),
            (false, true) => (msg!("cited-titles"), "trích yếu"),
        };
        let mut variants: Vec<Msg> = g
            .cites
            .iter()
            .map(|c| {
                let e = c.evidence(site);
                let (file, line) = (c.file(site), e.number_loc.unwrap_or(e.loc).line);
                match e.date {
                    Some(date) => msg!(
                        "citation-dated",
                        file = file,
                        line = line,
                        title = &e.title,
                        date = date
                    ),
                    None => msg!("citation", file = file, line = line, title = &e.title),
                }
            })
            .collect();
        variants.dedup();
        let citations = crate::model::joined(variants, |first, rest| {
            msg!("citations-list", first = first, rest = rest)
        });
        let help = citations.map(|c| msg!("W504-cited-differently-help", citations = c));
        let number = g.cites[0].evidence(site).number.clone().unwrap_or_default();
        let msg_vi = format!(
            "Văn bản số {number} được dẫn với {what_vi} khác nhau; cần thống nhất với bản gốc."
        );
        for c in &g.cites {
            let e = c.evidence(site);
            let mut d = warning(
                c.file(site),
                e.number_loc.unwrap_or(e.loc),
                msg!(
                    "W504-cited-differently",
                    number = &number,
                    what = what.clone()
                ),
            );
            if let Some(h) = &help {
                d = d.with_help(h.clone());
            }
            diags.push(d);
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
