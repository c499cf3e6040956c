//! The home page: the latest scored assessment at a glance, the years,
//! the latest news.

use super::Contexts;
use crate::base::vi;
use crate::render::pages::{PageJob, PageMeta, meta};
use crate::render::{charts, views};
use serde::Serialize;

pub(super) fn context(cx: &Contexts) -> PageJob {
    let (s, vb) = (cx.site, &cx.vb);
    let latest = s
        .assessments
        .iter()
        .rev()
        .find(|a| a.score.is_some() || a.front.total.is_some())
        .or(s.assessments.last());
    let title = s
        .home
        .as_ref()
        .map(|h| h.title.clone())
        .unwrap_or_else(|| s.config.title.clone());
    let mut news: Vec<serde_json::Value> = s
        .sections
        .iter()
        .filter(|x| !x.name.is_empty())
        .flat_map(|x| x.pages.iter().map(move |p| (x, p)))
        .filter(|(_, p)| p.front.date.is_some())
        .map(|(x, p)| {
            serde_json::json!({
                "title": p.front.title,
                "url": vb.urls.path(&p.url_path),
                "date": p.front.date.map(vi::date_iso),
                "summary": p.summary,
                "section": x.front.title,
            })
        })
        .collect();
    news.sort_by(|a, b| b["date"].as_str().cmp(&a["date"].as_str()));
    news.truncate(5);
    #[derive(Serialize)]
    struct HomeCtx {
        page: PageMeta,
        home: serde_json::Value,
        latest: Option<views::AssessmentSummary>,
        change: Option<views::Change>,
        years: Vec<views::AssessmentSummary>,
        news: Vec<serde_json::Value>,
        charts: serde_json::Value,
    }
    let charts = match latest {
        Some(a) if !a.roots.is_empty() => {
            let areas: Vec<&crate::model::site::Node> =
                a.roots.iter().map(|&r| &a.nodes[r]).collect();
            serde_json::json!({
                "score": charts::score_bars(
                    "diem",
                    &format!("Điểm từng lĩnh vực so với điểm tối đa, năm {}", a.year),
                    &cx.bars(a, &areas, false),
                ).html(),
                "lost": charts::lost_bars(
                    "mat",
                    &format!("Điểm chưa đạt từng lĩnh vực, năm {}", a.year),
                    &cx.bars(a, &areas, true),
                ).html(),
                "years": (cx.year_points().len() > 1).then(|| charts::years(
                    "nam",
                    "Tổng điểm và xếp hạng qua các năm",
                    &cx.year_points(),
                ).html()),
            })
        }
        _ => serde_json::json!({}),
    };
    let ctx = HomeCtx {
        page: meta("home", &title, vb.urls.path(""), vec![]),
        home: serde_json::json!({ "title": title }),
        latest: latest.map(|a| vb.summary(a)),
        change: latest.and_then(|a| vb.change(a)),
        years: s.assessments.iter().rev().map(|a| vb.summary(a)).collect(),
        news,
        charts,
    };
    PageJob::new("index.html", ctx)
}
