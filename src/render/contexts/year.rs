//! An assessment's page (`/2022/`): the whole tree, warnings, tasks,
//! downloads.

use super::Contexts;
use crate::render::pages::{PageJob, PageMeta, meta};
use crate::render::{charts, views};
use serde::Serialize;

pub(super) fn context(cx: &Contexts, ai: usize) -> PageJob {
    let (s, vb) = (cx.site, &cx.vb);
    let a = &s.assessments[ai];
    #[derive(Serialize)]
    struct NodeWarning {
        id: String,
        title: String,
        url: String,
        message: String,
    }
    let warnings: Vec<NodeWarning> = a
        .nodes
        .iter()
        .flat_map(|n| {
            n.warnings.iter().map(move |w| NodeWarning {
                id: n.front.id.value.to_string(),
                title: n.front.title.clone(),
                url: vb.urls.node(a.year, n),
                message: w.clone(),
            })
        })
        .collect();
    #[derive(Serialize)]
    struct AssessmentCtx {
        page: PageMeta,
        assessment: views::AssessmentSummary,
        change: Option<views::Change>,
        rows: Vec<views::NodeRow>,
        warnings: Vec<NodeWarning>,
        tasks: Vec<views::TaskView>,
        data: serde_json::Value,
        years_chart: Option<String>,
    }
    let ctx = AssessmentCtx {
        page: meta("assessment", &a.front.title, vb.urls.year(a.year), vec![]),
        assessment: vb.summary(a),
        change: vb.change(a),
        rows: a.nodes.iter().map(|n| vb.row(a, n)).collect(),
        warnings,
        tasks: a.all_tasks().map(|t| vb.task(a, t)).collect(),
        data: serde_json::json!({
            "json": vb.urls.path(&format!("data/{}.json", a.year)),
            "csv": vb.urls.path(&format!("data/{}.csv", a.year)),
            "xlsx": vb.urls.path(&format!("data/{}.xlsx", a.year)),
            "report": (!a.nodes.is_empty())
                .then(|| vb.urls.path(&format!("{}/bao-cao/", a.year))),
            "print": (!a.nodes.is_empty())
                .then(|| vb.urls.path(&format!("{}/in/", a.year))),
            // The documents to sign and submit (`kiemchung dossier`).
            "documents": crate::model::dossier::dossier_files(s, a)
                .into_iter()
                .map(|f| serde_json::json!({ "title": f.title, "url": vb.urls.path(&f.path) }))
                .collect::<Vec<_>>(),
        }),
        years_chart: (cx.year_points().len() > 1).then(|| {
            charts::years(
                &format!("nam-{}", a.year),
                "Tổng điểm và xếp hạng qua các năm",
                &cx.year_points(),
            )
            .html()
        }),
    };
    PageJob::new("assessment.html", ctx)
}
