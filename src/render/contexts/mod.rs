//! Each page's context: what its template may read besides `site` and
//! `content`. One file per kind of page, each a typed function from the
//! site to a [`PageJob`]; this file lists the pages and says where each
//! one goes.

mod codes;
mod documents;
mod home;
mod node;
mod report;
mod sections;
mod todo;
mod units;
mod year;

use crate::base::diag::Diagnostic;
use crate::model::gaps as report_model;
use crate::model::markdown::Body;
use crate::model::site::{Assessment, Site};
use crate::render::Bodies;
use crate::render::charts;
use crate::render::pages::{PageJob, PageKind, meta};
use crate::render::views::{UnitRef, ViewBuilder};

const HOME: &str = "content/_index.md";

/// What building the pages' contexts needs, made once per render.
pub(crate) struct Contexts<'a> {
    pub site: &'a Site,
    bodies: &'a Bodies,
    /// The build's warnings, for the review site's "Việc cần làm" page.
    pub warnings: &'a [Diagnostic],
    pub vb: ViewBuilder<'a>,
    /// In Vietnamese order: [`PageKind::Unit`] counts in it.
    pub units: Vec<UnitRef>,
    /// Per unit, in the latest scored year; computed when a unit page is
    /// first rendered, not when every page comes from a cache.
    unit_lost: std::sync::OnceLock<Vec<report_model::UnitGap>>,
}

impl<'a> Contexts<'a> {
    pub(crate) fn new(site: &'a Site, bodies: &'a Bodies, warnings: &'a [Diagnostic]) -> Self {
        let vb = ViewBuilder::new(site);
        Contexts {
            site,
            bodies,
            warnings,
            units: vb.units(),
            unit_lost: std::sync::OnceLock::new(),
            vb,
        }
    }

    fn body(&self, file: &str) -> Option<Body> {
        self.bodies.get(file).cloned()
    }

    /// The context of one page, and its template.
    pub(crate) fn job(&self, page: PageKind) -> PageJob {
        match page {
            PageKind::Home => home::context(self),
            PageKind::Assessment(ai) => year::context(self, ai),
            PageKind::Node(ai, ni) => node::context(self, ai, ni),
            PageKind::Units => units::list(self),
            PageKind::Unit(ui) => units::one(self, ui),
            PageKind::Section(si) => sections::section(self, si),
            PageKind::SectionItem(si, pi) => sections::item(self, si, pi),
            PageKind::Report(ai) => report::context(self, ai, false),
            PageKind::Print(ai) => report::context(self, ai, true),
            PageKind::Documents => documents::context(self),
            PageKind::Todo => todo::context(self),
            PageKind::Codes => codes::context(self),
            PageKind::NotFound => PageJob::new(
                "404.html",
                serde_json::json!({
                    "page": meta("404", "Không tìm thấy trang", self.vb.urls.path("404.html"), vec![]),
                }),
            ),
        }
    }

    /// Every page of the site, in the order they are rendered.
    pub(crate) fn list(&self) -> Vec<PageKind> {
        let s = self.site;
        let mut v = vec![PageKind::Home];
        for (ai, a) in s.assessments.iter().enumerate() {
            v.push(PageKind::Assessment(ai));
            // A report of points not achieved needs criteria: a year with
            // tasks only (the notice's follow-up year) has none.
            if !a.nodes.is_empty() {
                v.push(PageKind::Report(ai));
                v.push(PageKind::Print(ai));
            }
            v.extend(
                (0..a.nodes.len())
                    .filter(|&ni| s.has_page(&a.nodes[ni]))
                    .map(|ni| PageKind::Node(ai, ni)),
            );
        }
        v.push(PageKind::Documents);
        if !self.units.is_empty() {
            v.push(PageKind::Units);
            v.extend((0..self.units.len()).map(PageKind::Unit));
        }
        for (si, sec) in s.sections.iter().enumerate() {
            if !sec.name.is_empty() {
                v.push(PageKind::Section(si));
            }
            v.extend((0..sec.pages.len()).map(|pi| PageKind::SectionItem(si, pi)));
        }
        if s.audience.is_review() {
            v.push(PageKind::Todo);
            v.push(PageKind::Codes);
        }
        v.push(PageKind::NotFound);
        // Rendered in this order, two or more at a time: the pages that list
        // the whole site (each one long task on a large site) go first, so the criterion pages fill in around them
        // instead of one of them running alone at the end. The sitemap is
        // sorted, so the order shows nowhere in the output.
        v.sort_by_key(|p| {
            !matches!(
                p,
                PageKind::Documents
                    | PageKind::Assessment(_)
                    | PageKind::Report(_)
                    | PageKind::Print(_)
                    | PageKind::Units
                    | PageKind::Unit(_)
            )
        });
        v
    }

    /// A page's output path and Markdown body, without building its
    /// context: what the fast path of a rebuild needs when only bodies
    /// changed.
    pub(crate) fn locate(&self, page: PageKind) -> (String, Option<Body>) {
        let s = self.site;
        match page {
            PageKind::Home => (
                "index.html".into(),
                s.home.as_ref().and_then(|_| self.body(HOME)),
            ),
            PageKind::Assessment(ai) => {
                let a = &s.assessments[ai];
                (format!("{}/index.html", a.year), self.body(&a.file))
            }
            PageKind::Node(ai, ni) => {
                let a = &s.assessments[ai];
                let n = &a.nodes[ni];
                (
                    format!("{}index.html", n.url_path(a.year)),
                    self.body(&n.file),
                )
            }
            PageKind::Units => ("don-vi/index.html".into(), None),
            PageKind::Unit(ui) => (format!("don-vi/{}/index.html", self.units[ui].id), None),
            PageKind::Section(si) => {
                let sec = &s.sections[si];
                (
                    format!("{}index.html", sec.url_path()),
                    self.body(&sec.file),
                )
            }
            PageKind::SectionItem(si, pi) => {
                let p = &s.sections[si].pages[pi];
                (
                    format!("{}index.html", p.url_path),
                    Some(p.body_html.clone()),
                )
            }
            PageKind::Report(ai) => (
                format!("{}/bao-cao/index.html", s.assessments[ai].year),
                None,
            ),
            PageKind::Print(ai) => (format!("{}/in/index.html", s.assessments[ai].year), None),
            PageKind::Documents => ("van-ban/index.html".into(), None),
            PageKind::Todo => ("viec-can-lam/index.html".into(), None),
            PageKind::Codes => (format!("{}index.html", codes::PATH), None),
            PageKind::NotFound => ("404.html".into(), None),
        }
    }

    /// Chart bars for nodes: their scores, or the points they lost.
    fn bars(
        &self,
        a: &Assessment,
        nodes: &[&crate::model::site::Node],
        lost: bool,
    ) -> Vec<charts::Bar> {
        nodes
            .iter()
            .map(|n| charts::Bar {
                label: n
                    .front
                    .label
                    .clone()
                    .unwrap_or_else(|| n.front.id.value.to_string()),
                title: n.front.title.clone(),
                value: if lost { n.lost } else { n.score },
                // Rule 6: parts that do not apply count in no maximum used
                // for a share, as in the tables' bars.
                max: if n.in_scope {
                    n.applicable_max
                } else {
                    n.front.max.value
                },
                href: self.vb.urls.node_page(self.site, a.year, n),
            })
            .collect()
    }

    fn year_points(&self) -> Vec<charts::YearPoint> {
        self.site
            .assessments
            .iter()
            .filter(|a| a.score.is_some() || a.front.total.is_some() || a.front.rank.is_some())
            .map(|a| charts::YearPoint {
                year: a.year,
                total: a.score.or(a.front.total.as_ref().map(|t| t.value)),
                max: a.front.max.value,
                rank: a.front.rank,
                ranked: a.front.ranked,
                href: Some(self.vb.urls.year(a.year)),
            })
            .collect()
    }
}
