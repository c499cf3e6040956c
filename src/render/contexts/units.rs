//! The units' pages (`/don-vi/`, `/don-vi/<id>/`): each unit's criteria,
//! points lost and tasks.

use super::Contexts;
use crate::base::score::Score;
use crate::model::gaps as report;
use crate::render::pages::{PageJob, PageMeta, meta};
use crate::render::views::{self, Link};
use serde::Serialize;

pub(super) fn list(cx: &Contexts) -> PageJob {
    let vb = &cx.vb;
    let units: Vec<serde_json::Value> = cx
        .units
        .iter()
        .map(|u| {
            let (nodes, tasks) = cx.unit_items(&u.id);
            let counts = task_counts(&tasks);
            serde_json::json!({
                "id": u.id, "name": u.name, "url": u.url,
                "node_count": nodes.len(), "task_count": tasks.len(),
                "lost": cx.unit_lost(&u.id).to_plain(),
                "tasks": counts,
                "on_time": counts.on_time_vi(),
            })
        })
        .collect();
    let ctx = serde_json::json!({
        "page": meta("units", "Đơn vị", vb.urls.path("don-vi/"), vec![]),
        "units": units,
    });
    PageJob::new("units.html", ctx)
}

pub(super) fn one(cx: &Contexts, ui: usize) -> PageJob {
    let vb = &cx.vb;
    let u = &cx.units[ui];
    let (nodes, tasks) = cx.unit_items(&u.id);
    #[derive(Serialize)]
    struct UnitCtx {
        page: PageMeta,
        unit: views::UnitRef,
        nodes: Vec<views::NodeRow>,
        tasks: Vec<views::TaskView>,
        task_counts: report::TaskCounts,
        on_time: Option<String>,
        lost: String,
    }
    let counts = task_counts(&tasks);
    let ctx = UnitCtx {
        page: meta(
            "unit",
            &u.name,
            u.url.clone(),
            vec![Link {
                title: "Đơn vị".into(),
                url: vb.urls.path("don-vi/"),
            }],
        ),
        unit: u.clone(),
        nodes,
        tasks,
        on_time: counts.on_time_vi(),
        task_counts: counts,
        lost: cx.unit_lost(&u.id).to_plain(),
    };
    PageJob::new("unit.html", ctx)
}

impl Contexts<'_> {
    /// Points lost on the unit's nodes in the latest scored year.
    fn unit_lost(&self, unit: &str) -> Score {
        self.unit_lost
            .get_or_init(|| {
                self.site
                    .assessments
                    .iter()
                    .rev()
                    .find(|a| a.score.is_some())
                    .map(|a| report::gap_report_units(self.site, a))
                    .unwrap_or_default()
            })
            .iter()
            .find(|u| u.id == unit)
            .map_or(Score::ZERO, |u| u.lost)
    }

    /// A unit's nodes (latest year first) and tasks.
    fn unit_items(&self, unit: &str) -> (Vec<views::NodeRow>, Vec<views::TaskView>) {
        let mut nodes = Vec::new();
        let mut tasks = Vec::new();
        for a in self.site.assessments.iter().rev() {
            for n in &a.nodes {
                if n.front.unit.as_ref().is_some_and(|x| x.value == unit) {
                    nodes.push(self.vb.row(a, n));
                }
            }
            for t in a.all_tasks() {
                if t.unit.as_deref() == Some(unit) {
                    tasks.push(self.vb.task(a, t));
                }
            }
        }
        (nodes, tasks)
    }
}

fn task_counts(tasks: &[views::TaskView]) -> report::TaskCounts {
    let mut c = report::TaskCounts::default();
    for t in tasks {
        c.add(t.state);
    }
    c
}
