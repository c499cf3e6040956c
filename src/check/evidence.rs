//! Rule 9: scored items without evidence or explanation, and evidence dated
//! after the results were published.

use super::warning;
use crate::base::diag::Diagnostic;
use crate::base::vi;
use crate::model::site::Assessment;
use crate::msg;

/// Rule 9: scored leaves without evidence or explanation; evidence dated
/// after the decision.
pub(super) fn check(a: &mut Assessment, diags: &mut Vec<Diagnostic>) {
    let limit = a.evidence_limit();
    let by_decision = a.front.decision.as_ref().and_then(|d| d.date).is_some();
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
                    msg!(
                        "W501-no-evidence",
                        id = n.front.id.value.to_string(),
                        score = s.value
                    ),
                )
                .with_help(msg!("W501-no-evidence-help")),
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
                let m = if by_decision {
                    msg!(
                        "W502-after-decision",
                        title = &e.title,
                        date = date,
                        limit = limit
                    )
                } else {
                    msg!(
                        "W502-after-year",
                        title = &e.title,
                        date = date,
                        limit = limit
                    )
                };
                diags.push(warning(&n.file, e.date_loc.unwrap_or(e.loc), m));
                n.warnings.push(format!(
                    "Tài liệu «{}» ngày {} được ban hành sau {} ({}).",
                    e.title,
                    vi::date_short(date),
                    if by_decision {
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
