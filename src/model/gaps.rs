//! The gap report of an assessment: where points are lost, which scored
//! items have no evidence, what the appraisal changed, what does not apply,
//! and what each unit must fix. One model for the site's report page, its
//! print view and `kiemchung report` (text, CSV, JSON: [`crate::cmd::report`]).

use crate::base::score::Score;
use crate::base::vi;
use crate::model::file::TaskState;
use crate::model::site::{Assessment, Node, Site};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Serialize, Clone, Debug)]
pub struct GapRow {
    pub id: String,
    pub label: Option<String>,
    pub title: String,
    /// Site path of the node's page, without the base path: `2022/1-1/`;
    /// none when it has no page (internal, on the public site).
    pub path: Option<String>,
    /// 1 for an area, 2 for a criterion, …
    pub depth: usize,
    pub leaf: bool,
    pub max: Score,
    pub applicable_max: Score,
    pub self_score: Option<Score>,
    pub score: Option<Score>,
    pub lost: Option<Score>,
    pub unit: Option<String>,
    pub unit_name: Option<String>,
    pub evidence: usize,
    pub explanation: Option<String>,
    pub warnings: Vec<String>,
    pub source: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct Changed {
    #[serde(flatten)]
    pub row: GapRow,
    /// score − self_score: negative when the appraisal took points away.
    pub difference: Score,
}

#[derive(Serialize, Clone, Debug)]
pub struct UnitGap {
    pub id: String,
    pub name: String,
    pub nodes: usize,
    /// Points lost on the leaves the unit is responsible for.
    pub lost: Score,
    pub tasks: TaskCounts,
}

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskCounts {
    pub total: usize,
    pub done_on_time: usize,
    pub done_late: usize,
    /// Done, with no due date.
    pub done: usize,
    pub open: usize,
    pub overdue: usize,
    /// Neither a due date nor a completion recorded.
    pub not_recorded: usize,
}

impl TaskCounts {
    pub fn add(&mut self, state: TaskState) {
        self.total += 1;
        match state {
            TaskState::DoneOnTime => self.done_on_time += 1,
            TaskState::DoneLate => self.done_late += 1,
            TaskState::Done => self.done += 1,
            TaskState::Open => self.open += 1,
            TaskState::Overdue => self.overdue += 1,
            TaskState::NotRecorded => self.not_recorded += 1,
        }
    }

    /// Tasks whose outcome against a due date is known: done (on time or
    /// late) or past due. The on-time rate is `done_on_time / due()`, the
    /// notice's "34/40 đúng hạn". Tasks not yet due, and tasks without a
    /// due date, are not counted either way.
    pub fn due(&self) -> usize {
        self.done_on_time + self.done_late + self.overdue
    }

    /// "34/40 đúng hạn (85%)", or None when no task is due yet.
    pub fn on_time_vi(&self) -> Option<String> {
        let due = self.due();
        (due > 0).then(|| {
            let tenths = (self.done_on_time as i64 * 2000 + due as i64) / (2 * due as i64);
            format!(
                "{}/{} đúng hạn ({})",
                self.done_on_time,
                due,
                vi::percent_tenths(tenths)
            )
        })
    }
}

#[derive(Serialize, Clone, Debug)]
pub struct GapReport {
    pub year: i32,
    pub title: String,
    pub max: Score,
    pub score: Option<Score>,
    pub total: Option<Score>,
    pub lost: Option<Score>,
    pub rank: Option<u32>,
    pub ranked: Option<u32>,
    pub today: Date,
    /// Areas, most points lost first.
    pub areas: Vec<GapRow>,
    /// Every scored node, most points lost first (then by id).
    pub nodes: Vec<GapRow>,
    /// Leaves scored above zero with no evidence (docs/format.md, rule 9); those
    /// with an explanation are listed too, marked by `explanation`.
    pub without_evidence: Vec<GapRow>,
    /// Items where the appraisal changed the self-score written in the
    /// file (not a parent's self-score summed from its children).
    pub changed: Vec<Changed>,
    pub not_applicable: Vec<GapRow>,
    pub units: Vec<UnitGap>,
    pub tasks: TaskCounts,
}

fn row(site: &Site, a: &Assessment, n: &Node) -> GapRow {
    let unit = n.front.unit.as_ref().map(|u| u.value.clone());
    GapRow {
        id: n.front.id.value.to_string(),
        label: n.front.label.clone(),
        title: n.front.title.clone(),
        path: site.has_page(n).then(|| n.url_path(a.year)),
        depth: n.front.id.value.depth(),
        leaf: n.is_leaf(),
        max: n.front.max.value,
        applicable_max: n.applicable_max,
        self_score: n.self_score,
        score: n.score,
        lost: n.lost,
        unit_name: unit
            .as_deref()
            .and_then(|u| site.config.unit(u))
            .map(|u| u.name.clone()),
        unit,
        evidence: n.front.evidence.len(),
        explanation: n.front.explanation.clone(),
        warnings: n.warnings.clone(),
        source: n.file.clone(),
    }
}

fn by_lost(rows: &mut [GapRow]) {
    rows.sort_by(|x, y| {
        y.lost.cmp(&x.lost).then_with(|| {
            crate::base::id::NodeId::parse(&x.id)
                .ok()
                .cmp(&crate::base::id::NodeId::parse(&y.id).ok())
        })
    });
}

/// Only the per-unit part of the report.
pub fn gap_report_units(site: &Site, a: &Assessment) -> Vec<UnitGap> {
    units(site, a)
}

fn units(site: &Site, a: &Assessment) -> Vec<UnitGap> {
    let mut units = Vec::new();
    for u in &site.config.units {
        let mine: Vec<&Node> = a
            .nodes
            .iter()
            .filter(|n| n.front.unit.as_ref().is_some_and(|x| x.value == u.id))
            .collect();
        let mut tasks = TaskCounts::default();
        for t in a
            .all_tasks()
            .filter(|t| t.unit.as_deref() == Some(u.id.as_str()))
        {
            tasks.add(TaskState::of(t, site.today));
        }
        if mine.is_empty() && tasks.total == 0 {
            continue;
        }
        units.push(UnitGap {
            id: u.id.clone(),
            name: u.name.clone(),
            nodes: mine.len(),
            lost: unit_lost(a, &mine),
            tasks,
        });
    }
    let c = crate::base::collate::Collator::new();
    units.sort_by(|x, y| {
        y.lost
            .cmp(&x.lost)
            .then_with(|| c.compare(&x.name, &y.name))
    });
    units
}

pub fn gap_report(site: &Site, a: &Assessment) -> GapReport {
    let mut areas: Vec<GapRow> = a.roots.iter().map(|&r| row(site, a, &a.nodes[r])).collect();
    by_lost(&mut areas);
    let mut nodes: Vec<GapRow> = a
        .nodes
        .iter()
        .filter(|n| n.in_scope && n.score.is_some())
        .map(|n| row(site, a, n))
        .collect();
    by_lost(&mut nodes);
    let without_evidence = a
        .nodes
        .iter()
        .filter(|n| n.scored_without_evidence().is_some())
        .map(|n| row(site, a, n))
        .collect();
    // Only self-scores written in the file: a parent's self-score summed
    // from its children would repeat their changes.
    let changed = a
        .nodes
        .iter()
        .filter(|n| n.in_scope && n.front.self_score.is_some())
        .filter_map(|n| match (n.self_score, n.score) {
            (Some(s), Some(v)) if s != v => Some(Changed {
                row: row(site, a, n),
                difference: v - s,
            }),
            _ => None,
        })
        .collect();
    // Only the top of each not-applicable subtree: its children go with it.
    let not_applicable = a
        .nodes
        .iter()
        .filter(|n| !n.in_scope && n.parent.is_none_or(|p| a.nodes[p].in_scope))
        .map(|n| row(site, a, n))
        .collect();
    let mut all_tasks = TaskCounts::default();
    for t in a.all_tasks() {
        all_tasks.add(TaskState::of(t, site.today));
    }
    let units = units(site, a);
    GapReport {
        year: a.year,
        title: a.front.title.clone(),
        max: a.front.max.value,
        score: a.score,
        total: a.front.total.as_ref().map(|t| t.value),
        lost: a.lost,
        rank: a.front.rank,
        ranked: a.front.ranked,
        today: site.today,
        areas,
        nodes,
        without_evidence,
        changed,
        not_applicable,
        units,
        tasks: all_tasks,
    }
}

/// Points lost on a unit's nodes, without counting a node twice when the
/// unit is responsible for both it and one of its ancestors.
fn unit_lost(a: &Assessment, mine: &[&Node]) -> Score {
    let ids: std::collections::HashSet<String> =
        mine.iter().map(|n| n.front.id.value.to_string()).collect();
    mine.iter()
        .filter(|n| {
            let mut p = n.parent;
            while let Some(i) = p {
                if ids.contains(&a.nodes[i].front.id.value.to_string()) {
                    return false;
                }
                p = a.nodes[i].parent;
            }
            true
        })
        .filter_map(|n| n.lost)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_time_rate_counts_only_tasks_with_a_known_outcome() {
        let mut c = TaskCounts::default();
        for _ in 0..34 {
            c.add(TaskState::DoneOnTime);
        }
        for _ in 0..4 {
            c.add(TaskState::DoneLate);
        }
        for _ in 0..2 {
            c.add(TaskState::Overdue);
        }
        c.add(TaskState::Open);
        assert_eq!(c.total, 41);
        assert_eq!(c.on_time_vi().as_deref(), Some("34/40 đúng hạn (85%)"));
        assert_eq!(TaskCounts::default().on_time_vi(), None);
    }
}
