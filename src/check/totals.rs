//! Rule 4 and the assessment's maximum: the areas add up to the published
//! figures.

use super::error;
use crate::base::diag::Diagnostic;
use crate::base::score::Score;
use crate::model::site::Assessment;

/// Rule 4 and the assessment's max: areas add up to the published figures.
/// The total is compared only when the tree's scores have no error
/// ([`Assessment::scores_ok`]): a wrong or missing area score would make it
/// look wrong too.
pub(super) fn check(a: &Assessment, diags: &mut Vec<Diagnostic>) {
    let tree_ok = a.scores_ok;
    let roots = &a.roots;
    if roots.is_empty() {
        return;
    }
    let max_sum: Score = roots.iter().map(|&r| a.nodes[r].front.max.value).sum();
    if max_sum != a.front.max.value {
        let detail: Vec<String> = roots
            .iter()
            .map(|&r| {
                format!(
                    "{} {}",
                    a.nodes[r].front.id.value,
                    a.nodes[r].front.max.value.to_plain()
                )
            })
            .collect();
        let msg = format!(
            "the areas' maxima add up to {}, but the assessment's max is {}",
            max_sum.to_plain(),
            a.front.max.value.to_plain()
        );
        let areas = format!("areas: {}", detail.join(", "));
        diags.push(if a.front.max_given {
            error(&a.file, a.front.max.loc, msg).with_help(areas)
        } else {
            Diagnostic::error(
                &a.file,
                format!("{msg} (the default: the file gives no `max:`)"),
            )
            .with_help(format!(
                "{areas}; write `max: {}` if that is the published maximum",
                max_sum.to_plain()
            ))
        });
    }
    if let Some(total) = &a.front.total
        && tree_ok
    {
        match a.score {
            Some(sum) if sum != total.value => diags.push(
                error(
                    &a.file,
                    total.loc,
                    format!(
                        "total {} is not the sum of the areas' scores, {}",
                        total.value.to_plain(),
                        sum.to_plain()
                    ),
                )
                .with_help(format!(
                    "differs by {}; check the areas' scores against the published table",
                    (total.value - sum).abs().to_plain()
                )),
            ),
            None => diags.push(error(
                &a.file,
                total.loc,
                format!(
                    "total {} is given but no area of {} has a score to add up",
                    total.value.to_plain(),
                    a.year
                ),
            )),
            _ => {}
        }
    }
}
