//! Sections (news, Q&A, procedures) and their pages.

use super::Contexts;
use crate::base::vi;
use crate::render::pages::{PageJob, meta};
use crate::render::views::Link;

pub(super) fn section(cx: &Contexts, si: usize) -> PageJob {
    let (s, vb) = (cx.site, &cx.vb);
    let sec = &s.sections[si];
    let ctx = serde_json::json!({
        "page": meta("section", &sec.front.title, vb.urls.path(&sec.url_path()), vec![]),
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
            title: sec.front.title.clone(),
            url: vb.urls.path(&sec.url_path()),
        }]
    };
    let ctx = serde_json::json!({
        "page": meta("page", &p.front.title, vb.urls.path(&p.url_path), crumbs),
        "section": {
            "name": sec.name,
            "title": sec.front.title,
            "url": vb.urls.path(&sec.url_path()),
        },
        "post": {
            "title": p.front.title,
            "date": p.front.date.map(vi::date_iso),
            "summary": p.summary,
            "draft": p.front.draft,
                    "internal": p.front.internal,
            "extra": p.front.extra,
            "file": s.audience.is_review().then(|| p.file.clone()),
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
                    "title": p.front.title,
                    "url": vb.urls.path(&p.url_path),
                    "date": p.front.date.map(vi::date_iso),
                    "summary": p.summary,
                    "draft": p.front.draft,
                    "internal": p.front.internal,
                    "weight": p.front.weight,
                    "extra": p.front.extra,
                })
            })
            .collect();
        serde_json::json!({
            "name": sec.name,
            "title": sec.front.title,
            "url": vb.urls.path(&sec.url_path()),
            "feed": sec.front.feed.then(|| vb.urls.path(&format!("{}atom.xml", sec.url_path()))),
            "extra": sec.front.extra,
            "pages": pages,
        })
    }
}
