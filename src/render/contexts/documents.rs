//! The documents index (`/van-ban/`): every document cited as evidence, in
//! any year, with every criterion that cites it.

use super::Contexts;
use crate::base::vi;
use crate::model::documents;
use crate::render::pages::{PageJob, PageMeta, meta};
use crate::render::rows::RowByRow;
use minijinja::value::Value;
use serde::Serialize;

pub(super) fn context(cx: &Contexts) -> PageJob {
    let vb = &cx.vb;
    #[derive(Serialize)]
    struct DocumentsCtx {
        page: PageMeta,
        documents: Value,
        /// How many rows have a `conflict`.
        conflicts: usize,
    }
    let rows = cx.documents();
    let ctx = DocumentsCtx {
        page: meta(
            "documents",
            "Văn bản, tài liệu kiểm chứng",
            vb.urls.path("van-ban/"),
            vec![],
        ),
        conflicts: rows.iter().filter(|r| r.conflict.is_some()).count(),
        documents: Value::from_object(RowByRow::all(rows)),
    };
    PageJob::new("documents.html", ctx)
}

impl Contexts<'_> {
    /// Every cited document, in Vietnamese order of title. Typed rows, not
    /// JSON values: on a large site this page lists three documents and
    /// four citations per criterion, and it was the slowest page.
    fn documents(&self) -> Vec<DocRow> {
        let s = self.site;
        let vb = &self.vb;
        documents::by_title(s)
            .iter()
            .map(|g| {
                let first = g.cites[0].evidence(s);
                let dates = documents::date_list(s, g);
                let mut titles: Vec<String> = Vec::new();
                for c in &g.cites {
                    let t = &c.evidence(s).title;
                    if !titles.iter().any(|x| documents::same_title(x, t)) {
                        titles.push(t.clone());
                    }
                }
                let link = g
                    .cites
                    .iter()
                    .find_map(|c| c.evidence(s).link().map(str::to_string));
                // A check result: the reviewers' only.
                let conflict = (s.audience.is_review()
                    && !g.key.0.starts_with('#')
                    && g.cites.len() > 1)
                    .then(|| match (g.dates_differ(s), g.titles_differ(s)) {
                        (true, true) => Some("Được dẫn với ngày ban hành và trích yếu khác nhau"),
                        (true, false) => Some("Được dẫn với ngày ban hành khác nhau"),
                        (false, true) => Some("Được dẫn với trích yếu khác nhau"),
                        _ => None,
                    })
                    .flatten();
                let cites: Vec<DocCite> = g
                    .cites
                    .iter()
                    .map(|c| {
                        let a = &s.assessments[c.assessment];
                        match c.node {
                            Some(ni) => {
                                let n = &a.nodes[ni];
                                DocCite {
                                    year: a.year,
                                    id: Some(n.front.id.value.to_string()),
                                    title: n.front.title.clone(),
                                    url: vb.urls.node(a.year, n),
                                    pages: c.evidence(s).pages.clone(),
                                }
                            }
                            None => DocCite {
                                year: a.year,
                                id: None,
                                title: format!("Quyết định công bố {}", a.front.title),
                                url: vb.urls.year(a.year),
                                pages: None,
                            },
                        }
                    })
                    .collect();
                DocRow {
                    number: g
                        .parsed
                        .as_ref()
                        .map(|d| d.normalized.clone())
                        .or_else(|| first.number.clone()),
                    parsed: g.parsed.is_some(),
                    kind: g.parsed.as_ref().map(|d| d.kind_name),
                    issuer: g
                        .parsed
                        .as_ref()
                        .map(|d| d.issuer.clone())
                        .or_else(|| first.issuer.clone()),
                    year: g.key.2,
                    dates: dates.iter().map(|d| vi::date_iso(*d)).collect(),
                    titles,
                    href: link,
                    conflict,
                    cites,
                    anchor: documents::group_anchor(s, g),
                }
            })
            .collect()
    }
}

/// A row of the documents index (`documents.html`).
#[derive(Serialize, Debug)]
struct DocRow {
    number: Option<String>,
    parsed: bool,
    kind: Option<&'static str>,
    issuer: Option<String>,
    year: Option<i32>,
    dates: Vec<String>,
    titles: Vec<String>,
    href: Option<String>,
    conflict: Option<&'static str>,
    cites: Vec<DocCite>,
    /// The row's id, which the search index links to.
    anchor: String,
}

/// Where a document is cited: a criterion, or a year's decision.
#[derive(Serialize, Debug)]
struct DocCite {
    year: i32,
    id: Option<String>,
    title: String,
    url: String,
    pages: Option<String>,
}
