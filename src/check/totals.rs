//! Rule 4 and the assessment's maximum: the areas add up to the published
//! figures.

use super::error;
use crate::base::diag::Diagnostic;
use crate::base::i18n::Msg;
use crate::base::score::Score;
use crate::model::site::Assessment;
use crate::msg;

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
        let detail: Vec<Msg> = roots
            .iter()
            .map(|&r| {
                let n = &a.nodes[r];
                msg!(
                    "scores-area",
                    id = n.front.id.value.to_string(),
                    max = n.front.max.value
                )
            })
            .collect();
        let areas = crate::model::joined(detail, |first, rest| {
            msg!("scores-list", first = first, rest = rest)
        })
        .unwrap_or_else(|| msg!("scores-none"));
        let max = a.front.max.value;
        diags.push(if a.front.max_given {
            error(
                &a.file,
                a.front.max.loc,
                msg!("E409-areas-max", sum = max_sum, max = max),
            )
            .with_help(msg!("E409-areas-max-help", areas = areas.clone()))
        } else {
            Diagnostic::error(
                &a.file,
                msg!("E409-areas-max-default", sum = max_sum, max = max),
            )
            .with_help(msg!(
                "E409-areas-max-default-help",
                areas = areas,
                sum = max_sum
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
                    msg!("E410-total-not-sum", total = total.value, sum = sum),
                )
                .with_help(msg!(
                    "E410-total-not-sum-help",
                    diff = (total.value - sum).abs()
                )),
            ),
            None => diags.push(error(
                &a.file,
                total.loc,
                msg!(
                    "E410-total-nothing-to-add",
                    total = total.value,
                    year = a.year
                ),
            )),
            _ => {}
        }
    }
}
