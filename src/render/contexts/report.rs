//! The gap report (`/2022/bao-cao/`) and its print view (`/2022/in/`).

use super::Contexts;
use crate::base::vi;
use crate::model::gaps as report;
use crate::render::charts;
use crate::render::pages::{PageJob, PageMeta, meta};
use crate::render::views::{self, Link};
use serde::Serialize;

pub(super) fn context(cx: &Contexts, ai: usize, print: bool) -> PageJob {
    let (s, vb) = (cx.site, &cx.vb);
    let a = &s.assessments[ai];
    let report = report::gap_report(s, a);
    // The checklists are the reviewers': the public site has none.
    let review = s.audience.is_review();
    let rows =
        |v: &[report::GapRow]| -> Vec<GapRowView> { v.iter().map(|r| cx.gap_row(r)).collect() };
    let areas_by_id: Vec<&crate::model::site::Node> =
        a.roots.iter().map(|&r| &a.nodes[r]).collect();
    let mut lost_sorted = areas_by_id.clone();
    lost_sorted.sort_by(|x, y| {
        y.lost
            .cmp(&x.lost)
            .then_with(|| x.front.id.value.cmp(&y.front.id.value))
    });
    let charts = serde_json::json!({
        "score": charts::score_bars(
            &format!("diem-{}", a.year),
            &format!("Điểm từng lĩnh vực so với điểm tối đa, năm {}", a.year),
            &cx.bars(a, &areas_by_id, false),
        ).html(),
        "lost": charts::lost_bars(
            &format!("mat-{}", a.year),
            &format!("Điểm chưa đạt từng lĩnh vực, năm {} (nhiều nhất trước)", a.year),
            &cx.bars(a, &lost_sorted, true),
        ).html(),
    });
    #[derive(Serialize)]
    struct ReportCtx {
        page: PageMeta,
        assessment: views::AssessmentSummary,
        change: Option<views::Change>,
        charts: serde_json::Value,
        areas: Vec<GapRowView>,
        nodes: Vec<GapRowView>,
        without_evidence: Vec<GapRowView>,
        changed: Vec<GapRowView>,
        not_applicable: Vec<GapRowView>,
        units: Vec<serde_json::Value>,
        tasks: Vec<views::TaskView>,
        task_counts: report::TaskCounts,
        on_time: Option<String>,
        today: String,
    }
    let ctx = ReportCtx {
        page: meta(
            if print { "print" } else { "report" },
            format!("Báo cáo điểm chưa đạt — {}", a.front.title),
            vb.urls.path(&format!(
                "{}/{}/",
                a.year,
                if print { "in" } else { "bao-cao" }
            )),
            vec![Link {
                title: a.front.title.clone(),
                url: vb.urls.year(a.year),
            }],
        ),
        assessment: vb.summary(a),
        change: vb.change(a),
        charts,
        areas: rows(&report.areas),
        nodes: rows(&report.nodes),
        without_evidence: if review {
            rows(&report.without_evidence)
        } else {
            Vec::new()
        },
        changed: report
            .changed
            .iter()
            .filter(|_| review)
            .map(|c| {
                let mut v = cx.gap_row(&c.row);
                v.difference = Some(c.difference.to_plain());
                v
            })
            .collect(),
        not_applicable: rows(&report.not_applicable),
        units: report
            .units
            .iter()
            .map(|u| {
                serde_json::json!({
                    "id": u.id, "name": u.name, "url": vb.urls.unit(&u.id),
                    "nodes": u.nodes, "lost": u.lost.to_plain(),
                    "tasks": u.tasks, "on_time": u.tasks.on_time_vi(),
                })
            })
            .collect(),
        tasks: a.all_tasks().map(|t| vb.task(a, t)).collect(),
        on_time: report.tasks.on_time_vi(),
        task_counts: report.tasks,
        today: vi::date_iso(s.today),
    };
    PageJob::new(if print { "print.html" } else { "report.html" }, ctx)
}

impl Contexts<'_> {
    fn gap_row(&self, r: &report::GapRow) -> GapRowView {
        GapRowView {
            id: r.id.clone(),
            label: r.label.clone(),
            title: r.title.clone(),
            url: r.path.as_deref().map(|p| self.vb.urls.path(p)),
            depth: r.depth,
            leaf: r.leaf,
            max: r.max.to_plain(),
            self_score: views::plain(r.self_score),
            score: views::plain(r.score),
            lost: views::plain(r.lost),
            unit: r.unit.as_deref().map(|u| self.vb.unit_ref(u)),
            evidence: r.evidence,
            explanation: r.explanation.clone(),
            warnings: r.warnings.clone(),
            difference: None,
        }
    }
}

/// A row of the gap report and its print view.
#[derive(Serialize)]
struct GapRowView {
    id: String,
    label: Option<String>,
    title: String,
    url: Option<String>,
    depth: usize,
    leaf: bool,
    max: String,
    self_score: Option<String>,
    score: Option<String>,
    lost: Option<String>,
    unit: Option<views::UnitRef>,
    evidence: usize,
    explanation: Option<String>,
    warnings: Vec<String>,
    /// Change from last year, in the rows of `changed` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    difference: Option<String>,
}
