//! A criterion's page (`/2022/1-1/`).

use super::Contexts;
use crate::render::pages::{PageJob, PageMeta, meta};
use crate::render::views;
use serde::Serialize;

pub(super) fn context(cx: &Contexts, ai: usize, ni: usize) -> PageJob {
    let (s, vb) = (cx.site, &cx.vb);
    let a = &s.assessments[ai];
    let n = &a.nodes[ni];
    let view = vb.node(a, ni);
    #[derive(Serialize)]
    struct NodeCtx {
        page: PageMeta,
        node: views::NodeView,
        assessment: views::YearRef,
    }
    let ctx = NodeCtx {
        page: meta(
            "node",
            views::node_name(n),
            vb.urls.node(a.year, n),
            view.breadcrumbs.clone(),
        ),
        node: view,
        assessment: vb.year_ref(a),
    };
    PageJob::new("node.html", ctx)
}
