//! Rule 9: scored items without evidence or explanation, and evidence dated
//! after the results were published.

use super::warning;
use crate::base::diag::Diagnostic;
use crate::base::vi;
use crate::model::site::Assessment;

/// Rule 9: scored leaves without evidence or explanation; evidence dated
/// after the decision.
pub(super) fn check(a: &mut Assessment, diags: &mut Vec<Diagnostic>) {
    let limit = a.evidence_limit();
    let limit_what = if a.front.decision.as_ref().and_then(|d| d.date).is_some() {
        "the date of the decision that published the results"
    } else {
        "the end of the assessed year"
    };
    for n in &mut a.nodes {
        if !n.in_scope {
            continue;
        }
        if n.front.explanation.is_none()
            && let Some(s) = n.scored_without_evidence()
        {
            diags.push(
                warning(
                    &n.file,
                    s.loc,
                    format!(
                        "{} is scored {} but has no evidence and no explanation (không có tài liệu kiểm chứng)",
                        n.front.id.value,
                        s.value.to_plain()
                    ),
                )
                .with_help("add the documents under `evidence:`, or say why under `explanation:`"),
            );
            n.warnings.push(format!(
                "Có điểm ({}) nhưng không có tài liệu kiểm chứng và không có giải trình.",
                s.value.to_vi()
            ));
        }
        for e in &n.front.evidence {
            if let Some(date) = e.date
                && date > limit
            {
                diags.push(warning(
                    &n.file,
                    e.date_loc.unwrap_or(e.loc),
                    format!(
                        "evidence «{}» is dated {}, after {} ({})",
                        e.title,
                        vi::date_iso(date),
                        limit_what,
                        vi::date_iso(limit)
                    ),
                ));
                n.warnings.push(format!(
                    "Tài liệu «{}» ngày {} được ban hành sau {} ({}).",
                    e.title,
                    vi::date_short(date),
                    if limit_what.starts_with("the date") {
                        "ngày quyết định công bố kết quả"
                    } else {
                        "năm đánh giá"
                    },
                    vi::date_short(limit)
                ));
            }
        }
    }
}
