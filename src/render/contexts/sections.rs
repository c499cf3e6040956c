//! Sections (news, Q&A, procedures) and their pages.

use super::Contexts;
use crate::base::vi;
use crate::render::pages::{PageJob, meta};
use crate::render::views::Link;

pub(super) fn section(cx: &Contexts, si: usize) -> PageJob {
    let (s, vb) = (cx.site, &cx.vb);
    let sec = &s.sections[si];
    let ctx = serde_json::json!({
        "page": meta("section", &sec.s.title, vb.urls.path(&sec.url_path()), vec![]),
        "section": cx.section_view(si),
    });
    PageJob::new("section.html", ctx)
}

pub(super) fn item(cx: &Contexts, si: usize, pi: usize) -> PageJob {
    let (s, vb) = (cx.site, &cx.vb);
    let sec = &s.sections[si];
    let p = &sec.pages[pi];
    let crumbs = if sec.name.is_empty() {
        vec![]
    } else {
        vec![Link {
            title: sec.s.title.clone(),
            url: vb.urls.path(&sec.url_path()),
        }]
    };
    let ctx = serde_json::json!({
        "page": meta("page", &p.p.title, vb.urls.path(&p.url_path), crumbs),
        "section": {
            "name": sec.name,
            "title": sec.s.title,
            "url": vb.urls.path(&sec.url_path()),
        },
        "post": {
            "title": p.p.title,
            "date": p.p.date.map(vi::date_iso),
            "summary": p.summary,
            "draft": p.p.draft,
            "extra": p.p.extra,
            "file": p.file,
        },
    });
    PageJob::new("page.html", ctx)
}

impl Contexts<'_> {
    fn section_view(&self, si: usize) -> serde_json::Value {
        let sec = &self.site.sections[si];
        let vb = &self.vb;
        let pages: Vec<serde_json::Value> = sec
            .pages
            .iter()
            .map(|p| {
                serde_json::json!({
                    "title": p.p.title,
                    "url": vb.urls.path(&p.url_path),
                    "date": p.p.date.map(vi::date_iso),
                    "summary": p.summary,
                    "draft": p.p.draft,
                    "weight": p.p.weight,
                    "extra": p.p.extra,
                })
            })
            .collect();
        serde_json::json!({
            "name": sec.name,
            "title": sec.s.title,
            "url": vb.urls.path(&sec.url_path()),
            "feed": sec.s.feed.then(|| vb.urls.path(&format!("{}atom.xml", sec.url_path()))),
            "extra": sec.s.extra,
            "pages": pages,
        })
    }
}
