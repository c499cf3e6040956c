//! The scores derived from the tree (rules 2, 3 and 6 of docs/format.md):
//! each node's effective score, self-score, applicable maximum and points
//! lost, children before parents, then each assessment's sums. What cannot
//! be derived (children whose maxima exceed their parent's, a given score
//! that is not its children's sum) is an error at the value.

use crate::base::diag::{Diagnostic, Loc};
use crate::base::i18n::Msg;
use crate::base::score::Score;
use crate::model::site::{Assessment, Site};
use crate::msg;

fn error(file: &str, loc: Loc, msg: Msg) -> Diagnostic {
    Diagnostic::error(file, msg).at_loc(loc)
}

/// Fills in every score of every tree of `site`. An assessment with
/// unreadable files ([`Assessment::incomplete`]) gets its node states, but
/// no diagnostics and no sums: they would only add follow-on errors.
pub fn compute(site: &mut Site, diags: &mut Vec<Diagnostic>) {
    for a in &mut site.assessments {
        if a.incomplete {
            compute_nodes(a, &mut Vec::new());
        } else {
            let before = diags.len();
            compute_nodes(a, diags);
            a.scores_ok = !diags[before..].iter().any(Diagnostic::is_error);
            sum_areas(a);
        }
    }
}

/// The assessment's score, points lost and applicable maximum: the sums of
/// its areas'.
fn sum_areas(a: &mut Assessment) {
    let roots = a.roots.clone();
    let scored: Vec<usize> = roots
        .iter()
        .copied()
        .filter(|&r| a.nodes[r].score.is_some())
        .collect();
    a.score = (!scored.is_empty()).then(|| scored.iter().filter_map(|&r| a.nodes[r].score).sum());
    a.lost = (!scored.is_empty()).then(|| scored.iter().filter_map(|&r| a.nodes[r].lost).sum());
    a.applicable_max = roots.iter().map(|&r| a.nodes[r].applicable_max).sum();
    if roots.is_empty() {
        a.applicable_max = a.front.max.value;
    }
}

/// Rules 2, 3 and 6: children before parents (reverse id order), each
/// node's effective score, applicable max and points lost.
fn compute_nodes(a: &mut Assessment, diags: &mut Vec<Diagnostic>) {
    // Rule 6, top-down: a node is in scope when it and its ancestors apply.
    for i in 0..a.nodes.len() {
        let parent_in = a.nodes[i].parent.is_none_or(|p| a.nodes[p].in_scope);
        a.nodes[i].in_scope = parent_in && a.nodes[i].front.applicable.value;
    }
    for i in (0..a.nodes.len()).rev() {
        let children = a.nodes[i].children.clone();
        let node = &a.nodes[i];
        let file = node.file.clone();
        let max = node.front.max.value;
        let given = node.front.score.as_ref().map(|s| s.value);
        let given_loc = node.front.score.as_ref().map(|s| s.loc);
        let in_scope = node.in_scope;

        if !in_scope {
            let id = node.front.id.value.to_string();
            let under = node.front.applicable.value;
            // The fields that give it a score: `ratio`, and `score` unless it
            // was computed from the ratio (then it sits at the ratio).
            let ratio = node.front.ratio.as_ref();
            let written = ratio
                .map(|r| (r.loc, format!("ratio: [{}, {}]", r.value.0, r.value.1)))
                .into_iter()
                .chain(
                    node.front
                        .score
                        .as_ref()
                        .filter(|s| ratio.is_none_or(|r| r.loc != s.loc))
                        .map(|s| (s.loc, format!("score: {}", s.value.to_plain()))),
                );
            for (loc, field) in written {
                let m = if under {
                    msg!("E408-under-not-applicable", id = &id, field = field)
                } else {
                    msg!("E408-not-applicable", id = &id, field = field)
                };
                diags.push(error(&file, loc, m));
            }
            let children_max = children.iter().map(|&c| a.nodes[c].front.max.value).sum();
            let n = &mut a.nodes[i];
            n.score = None;
            n.self_score = None;
            n.lost = None;
            n.applicable_max = Score::ZERO;
            n.children_max = children_max;
            continue;
        }

        if children.is_empty() {
            let n = &mut a.nodes[i];
            n.score = given;
            n.self_score = n.front.self_score.as_ref().map(|s| s.value);
            n.applicable_max = max;
            n.lost = given.map(|s| max - s);
            continue;
        }

        let children_max: Score = children.iter().map(|&c| a.nodes[c].front.max.value).sum();
        let scored: Vec<usize> = children
            .iter()
            .copied()
            .filter(|&c| a.nodes[c].score.is_some())
            .collect();
        let child_sum: Score = scored.iter().filter_map(|&c| a.nodes[c].score).sum();
        let child_lost: Score = scored.iter().filter_map(|&c| a.nodes[c].lost).sum();
        let child_applicable: Score = children.iter().map(|&c| a.nodes[c].applicable_max).sum();
        let any_scored = !scored.is_empty();
        let id = node.front.id.value.clone();

        let mut score = given;
        let mut not_itemised = None;
        if children_max > max {
            diags.push(
                error(
                    &file,
                    node.front.max.loc,
                    msg!(
                        "E405-children-over-max",
                        id = id.to_string(),
                        sum = children_max,
                        max = max
                    ),
                )
                .with_help(msg!(
                    "E405-children-over-max-help",
                    children = children_list(a, &children)
                )),
            );
        } else if children_max == max {
            match (given, any_scored) {
                (Some(g), true) if g != child_sum => diags.push(
                    error(
                        &file,
                        given_loc.unwrap_or_default(),
                        msg!(
                            "E406-not-children-sum",
                            score = g,
                            id = id.to_string(),
                            sum = child_sum
                        ),
                    )
                    .with_help(msg!(
                        "E406-not-children-sum-help",
                        children = children_list(a, &children)
                    )),
                ),
                (None, true) => score = Some(child_sum),
                _ => {}
            }
        } else {
            let diff = max - children_max;
            not_itemised = Some(diff);
            match (given, any_scored) {
                (None, true) => diags.push(
                    error(
                        &file,
                        node.front.max.loc,
                        msg!(
                            "E407-own-score-missing",
                            id = id.to_string(),
                            sum = children_max,
                            max = max,
                            rest = diff
                        ),
                    )
                    .with_help(msg!(
                        "E407-own-score-missing-help",
                        low = child_sum,
                        high = child_sum + diff
                    )),
                ),
                (Some(g), true) if g < child_sum || g > child_sum + diff => diags.push(error(
                    &file,
                    given_loc.unwrap_or_default(),
                    msg!(
                        "E407-outside-range",
                        score = g,
                        id = id.to_string(),
                        low = child_sum,
                        high = child_sum + diff,
                        rest = diff
                    ),
                )),
                _ => {}
            }
        }
        let applicable_max = child_applicable + not_itemised.unwrap_or(Score::ZERO);
        let lost = match score {
            None => None,
            Some(s) if any_scored => {
                let unitemised_score = s - child_sum;
                Some(child_lost + (not_itemised.unwrap_or(Score::ZERO) - unitemised_score))
            }
            Some(s) => Some(applicable_max - s),
        };
        let self_sum: Vec<Score> = children
            .iter()
            .filter(|&&c| a.nodes[c].in_scope)
            .filter_map(|&c| a.nodes[c].self_score)
            .collect();
        let n = &mut a.nodes[i];
        n.children_max = children_max;
        n.not_itemised = not_itemised;
        n.score = score;
        n.applicable_max = applicable_max;
        n.lost = lost;
        n.self_score = n.front.self_score.as_ref().map(|s| s.value).or_else(|| {
            (not_itemised.is_none() && !self_sum.is_empty()).then(|| self_sum.iter().sum())
        });
    }
}

/// `2.1 (max 1.5, score 1), 2.3 (max 5)`: each child with its max and
/// score, in the reader's language.
fn children_list(a: &Assessment, children: &[usize]) -> Msg {
    let parts: Vec<Msg> = children
        .iter()
        .map(|&c| {
            let n = &a.nodes[c];
            let id = n.front.id.value.to_string();
            let max = n.front.max.value;
            match n.score {
                Some(score) => msg!("scores-child-scored", id = id, max = max, score = score),
                None => msg!("scores-child", id = id, max = max),
            }
        })
        .collect();
    crate::model::joined(parts, |first, rest| {
        msg!("scores-list", first = first, rest = rest)
    })
    .unwrap_or_else(|| msg!("scores-none"))
}
