//! What templates see: plain serializable views of the site. Scores are
//! given as exact plain text (`"87.303"`) and formatted by the `vn_number`
//! filter; dates as ISO text, formatted by `vn_date` / `vn_date_long`.

use crate::base::score::Score;
use crate::base::vi;
use crate::model::file::{Evidence, Task, TaskState};
use crate::model::site::{Assessment, Node, Site};
use serde::Serialize;
use std::collections::HashMap;

/// This year's score minus last year's, when both are known.
fn delta(n: &Node, last_year: &Node) -> Option<String> {
    Some((n.score? - last_year.score?).to_plain())
}

/// How a criterion is named in titles and links: its label (the area's
/// `i`–`ix`) or its id, then its title.
pub fn node_name(n: &Node) -> String {
    let id = match &n.front.label {
        Some(l) => l.clone(),
        None => n.front.id.value.to_string(),
    };
    format!("{id} {}", n.front.title)
}

pub fn plain(s: Option<Score>) -> Option<String> {
    s.map(Score::to_plain)
}

/// `part / whole` in percent with one decimal, as plain text for CSS widths
/// (`"87.3"`), or None when there is nothing to divide by.
pub fn pct(part: Option<Score>, whole: Score) -> Option<String> {
    let tenths = Score::percent_tenths(part?, whole)?;
    Some(if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    })
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct UnitRef {
    pub id: String,
    pub name: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct SiteView {
    pub title: String,
    pub base_url: String,
    pub base_path: String,
    pub language: String,
    pub years: Vec<YearLink>,
    pub sections: Vec<Link>,
    pub units: Vec<UnitRef>,
    pub today: String,
    /// `public` or `review`: whom the site is for.
    pub audience: &'static str,
    /// The reviewers' preview: warnings, source files and internal parts
    /// are shown, marked.
    pub review: bool,
    /// Drafts are shown (the review site).
    pub drafts: bool,
    pub extra: toml::Table,
    pub generator: String,
}

#[derive(Serialize, Clone)]
pub struct YearLink {
    pub year: i32,
    pub title: String,
    pub url: String,
    pub scored: bool,
}

#[derive(Clone, Copy)]
pub struct Urls<'a> {
    pub base: &'a str,
}

impl Urls<'_> {
    pub fn path(&self, rel: &str) -> String {
        format!("{}{}", self.base, rel.trim_start_matches('/'))
    }
    pub fn node(&self, year: i32, n: &Node) -> String {
        self.path(&n.url_path(year))
    }
    /// A criterion's page, if it has one on this site: not an internal
    /// one on the public site.
    pub fn node_page(&self, site: &Site, year: i32, n: &Node) -> Option<String> {
        site.has_page(n).then(|| self.node(year, n))
    }
    pub fn year(&self, year: i32) -> String {
        self.path(&format!("{year}/"))
    }
    pub fn unit(&self, id: &str) -> String {
        self.path(&format!("don-vi/{id}/"))
    }
}

#[derive(Serialize, Clone)]
pub struct EvidenceView {
    pub title: String,
    /// Marked internal (shown, marked, on the review site only).
    pub internal: bool,
    pub number: Option<String>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub href: Option<String>,
    pub is_file: bool,
    pub file: Option<String>,
    pub url: Option<String>,
    pub pages: Option<String>,
}

impl EvidenceView {
    pub fn new(e: &Evidence) -> Self {
        EvidenceView {
            title: e.title.clone(),
            internal: e.internal,
            number: e.number.clone(),
            date: e.date.map(vi::date_iso),
            issuer: e.issuer.clone(),
            href: e.link().map(str::to_string),
            is_file: e.file.is_some(),
            file: e.file.clone(),
            url: e.url.clone(),
            pages: e.pages.clone(),
        }
    }
}

#[derive(Serialize, Clone)]
pub struct TaskView {
    pub title: String,
    pub unit: Option<UnitRef>,
    /// Whom it is addressed to when it is not one unit.
    pub to: Option<String>,
    pub internal: bool,
    pub due: Option<String>,
    pub done: Option<String>,
    pub state: TaskState,
    pub state_label: String,
    pub year: i32,
    pub node: Option<Link>,
    /// The file it is written in: the review site only.
    pub file: Option<String>,
}

/// A row of a table of nodes (tree tables, unit pages, children lists).
#[derive(Serialize, Clone)]
pub struct NodeRow {
    pub id: String,
    pub label: Option<String>,
    pub title: String,
    /// Its page; none for an internal criterion on the public site, which
    /// has no page.
    pub url: Option<String>,
    pub year: i32,
    pub depth: usize,
    pub max: String,
    pub applicable_max: String,
    pub self_score: Option<String>,
    pub score: Option<String>,
    pub lost: Option<String>,
    pub pct: Option<String>,
    pub in_scope: bool,
    pub leaf: bool,
    pub evidence_count: usize,
    /// Evidence the public site does not show (marked internal).
    pub withheld_evidence: usize,
    pub warnings: Vec<String>,
    pub explanation: Option<String>,
    /// Why the appraisal gave less than the maximum.
    pub reason: Option<String>,
    pub unit: Option<UnitRef>,
    pub not_itemised: Option<String>,
    /// Marked internal (it, or a criterion above it).
    pub internal: bool,
    /// Last year's score for the same id, and the change.
    pub prev_score: Option<String>,
    pub delta: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct NodeView {
    #[serde(flatten)]
    pub row: NodeRow,
    pub ratio: Option<[u64; 2]>,
    pub applicable_declared: bool,
    pub children_max: String,
    pub evidence: Vec<EvidenceView>,
    pub tasks: Vec<TaskView>,
    pub children: Vec<NodeRow>,
    pub breadcrumbs: Vec<Link>,
    /// The Markdown file it comes from: the review site only.
    pub file: Option<String>,
    pub extra: serde_json::Value,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    /// The same id in the year before, for year-over-year comparison.
    pub previous: Option<PreviousYear>,
}

#[derive(Serialize, Clone)]
pub struct PreviousYear {
    pub year: i32,
    pub url: Option<String>,
    pub title: String,
    pub max: String,
    pub score: Option<String>,
    /// False when the node did not apply that year (không áp dụng).
    pub in_scope: bool,
    /// This year's score minus last year's, when both are known.
    pub delta: Option<String>,
}

/// An assessment at a glance: home page, year page, comparisons.
#[derive(Serialize, Clone)]
pub struct AssessmentSummary {
    pub year: i32,
    pub title: String,
    pub url: String,
    pub max: String,
    pub score: Option<String>,
    pub total: Option<String>,
    pub lost: Option<String>,
    pub pct: Option<String>,
    pub rank: Option<u32>,
    pub ranked: Option<u32>,
    pub decision: Option<EvidenceView>,
    pub areas: Vec<NodeRow>,
    pub node_count: usize,
    pub evidence_count: usize,
    /// Scored leaves with no evidence (with or without explanation): the
    /// review site only, like the next two.
    pub without_evidence: Option<usize>,
    /// Of those, the ones with no explanation either (rule 9 warnings).
    pub without_evidence_or_explanation: Option<usize>,
    pub warning_count: Option<usize>,
    pub task_count: usize,
    pub extra: serde_json::Value,
}

/// A reference to an assessment, for pages that belong to one.
#[derive(Serialize, Clone)]
pub struct YearRef {
    pub year: i32,
    pub title: String,
    pub url: String,
}

/// The change from the year before.
#[derive(Serialize, Clone)]
pub struct Change {
    pub year: i32,
    pub url: String,
    pub score: Option<String>,
    pub rank: Option<u32>,
    /// Positive: more points this year.
    pub score_delta: Option<String>,
    /// Positive: places gained (rank 10 → 4 is +6).
    pub rank_delta: Option<i64>,
}

pub struct ViewBuilder<'a> {
    pub site: &'a Site,
    pub urls: Urls<'a>,
    /// For each assessment, the one before it and its nodes by id.
    previous: Vec<Option<(usize, HashMap<String, usize>)>>,
}

impl<'a> ViewBuilder<'a> {
    pub fn new(site: &'a Site) -> Self {
        let previous = (0..site.assessments.len())
            .map(|i| {
                let p = i.checked_sub(1)?;
                let index = site.assessments[p]
                    .nodes
                    .iter()
                    .enumerate()
                    .map(|(j, n)| (n.front.id.value.to_string(), j))
                    .collect();
                Some((p, index))
            })
            .collect();
        ViewBuilder {
            site,
            urls: Urls {
                base: &site.config.base_path,
            },
            previous,
        }
    }

    pub fn site_view(&self) -> SiteView {
        let s = self.site;
        SiteView {
            title: s.config.title.clone(),
            base_url: s.config.base_url.clone(),
            base_path: s.config.base_path.clone(),
            language: s.config.language.clone(),
            years: s
                .assessments
                .iter()
                .rev()
                .map(|a| YearLink {
                    year: a.year,
                    title: a.front.title.clone(),
                    url: self.urls.year(a.year),
                    scored: a.score.is_some(),
                })
                .collect(),
            // An empty section is not in the public menu until it has a page.
            sections: s
                .sections
                .iter()
                .filter(|x| !x.name.is_empty())
                .filter(|x| s.audience.is_review() || !x.pages.is_empty())
                .map(|x| Link {
                    title: x.front.title.clone(),
                    url: self.urls.path(&x.url_path()),
                })
                .collect(),
            units: self.units(),
            today: vi::date_iso(s.today),
            audience: s.audience.name(),
            review: s.audience.is_review(),
            drafts: s.audience.is_review(),
            extra: s.config.extra.clone(),
            generator: format!("kiemchung {}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Units in Vietnamese alphabetical order.
    pub fn units(&self) -> Vec<UnitRef> {
        let mut v: Vec<UnitRef> = self
            .site
            .config
            .units
            .iter()
            .map(|u| self.unit_ref(&u.id))
            .collect();
        crate::base::collate::sort_by_key(&mut v, |u| &u.name);
        v
    }

    pub fn unit_ref(&self, id: &str) -> UnitRef {
        UnitRef {
            id: id.to_string(),
            name: self
                .site
                .config
                .unit(id)
                .map(|u| u.name.clone())
                .unwrap_or_else(|| id.to_string()),
            url: self.urls.unit(id),
        }
    }

    pub fn task(&self, a: &Assessment, t: &Task) -> TaskView {
        let state = TaskState::of(t, self.site.today);
        let review = self.site.audience.is_review();
        TaskView {
            title: t.title.clone(),
            unit: t.unit.as_deref().map(|u| self.unit_ref(u)),
            to: t.to.clone(),
            internal: t.internal,
            due: t.due.map(vi::date_iso),
            done: t.done.map(vi::date_iso),
            state,
            state_label: state.label_vi().into(),
            year: a.year,
            node: t
                .node
                .as_deref()
                .and_then(|id| a.node(id))
                .filter(|n| self.site.has_page(n))
                .map(|n| Link {
                    title: node_name(n),
                    url: self.urls.node(a.year, n),
                }),
            file: review.then(|| t.file.clone()),
        }
    }

    pub fn row(&self, a: &Assessment, n: &Node) -> NodeRow {
        let prev = self.previous_node(a, n);
        NodeRow {
            id: n.front.id.value.to_string(),
            label: n.front.label.clone(),
            title: n.front.title.clone(),
            url: self.urls.node_page(self.site, a.year, n),
            year: a.year,
            depth: n.front.id.value.depth(),
            max: n.front.max.value.to_plain(),
            applicable_max: n.applicable_max.to_plain(),
            self_score: plain(n.self_score),
            score: plain(n.score),
            lost: plain(n.lost),
            pct: pct(n.score, n.applicable_max),
            in_scope: n.in_scope,
            leaf: n.is_leaf(),
            evidence_count: n.front.evidence.len(),
            withheld_evidence: n.withheld_evidence,
            warnings: n.warnings.clone(),
            explanation: n.front.explanation.clone(),
            reason: n.front.reason.clone(),
            unit: n.front.unit.as_ref().map(|u| self.unit_ref(&u.value)),
            not_itemised: plain(n.not_itemised),
            internal: n.internal,
            prev_score: prev.and_then(|(_, pn)| plain(pn.score)),
            delta: prev.and_then(|(_, pn)| delta(n, pn)),
        }
    }

    pub fn node(&self, a: &Assessment, i: usize) -> NodeView {
        let n = &a.nodes[i];
        let mut breadcrumbs = Vec::new();
        let mut p = n.parent;
        while let Some(pi) = p {
            let pn = &a.nodes[pi];
            breadcrumbs.push(Link {
                title: node_name(pn),
                url: self.urls.node(a.year, pn),
            });
            p = pn.parent;
        }
        breadcrumbs.push(Link {
            title: a.front.title.clone(),
            url: self.urls.year(a.year),
        });
        breadcrumbs.reverse();
        let link = |m: &Node| Link {
            title: node_name(m),
            url: self.urls.node(a.year, m),
        };
        // The criteria before and after it that have a page.
        let paged = |j: &usize| self.site.has_page(&a.nodes[*j]);
        NodeView {
            row: self.row(a, n),
            ratio: n.front.ratio.as_ref().map(|r| [r.value.0, r.value.1]),
            applicable_declared: n.front.applicable.value,
            children_max: n.children_max.to_plain(),
            evidence: n.front.evidence.iter().map(EvidenceView::new).collect(),
            tasks: n.front.tasks.iter().map(|t| self.task(a, t)).collect(),
            children: n
                .children
                .iter()
                .map(|&c| self.row(a, &a.nodes[c]))
                .collect(),
            breadcrumbs,
            file: self.site.audience.is_review().then(|| n.file.clone()),
            extra: n.front.extra.clone(),
            prev: (0..i).rev().find(paged).map(|j| link(&a.nodes[j])),
            next: (i + 1..a.nodes.len())
                .find(paged)
                .map(|j| link(&a.nodes[j])),
            previous: self.previous_year(a, n),
        }
    }

    /// The node with the same id in the assessment before `a`.
    /// The assessment before `a` and its node with `n`'s id.
    fn previous_node(&self, a: &Assessment, n: &Node) -> Option<(&'a Assessment, &'a Node)> {
        let ai = self
            .site
            .assessments
            .iter()
            .position(|x| x.year == a.year)?;
        let (pi, index) = self.previous.get(ai)?.as_ref()?;
        let p = &self.site.assessments[*pi];
        Some((p, &p.nodes[*index.get(&n.front.id.value.to_string())?]))
    }

    pub fn previous_year(&self, a: &Assessment, n: &Node) -> Option<PreviousYear> {
        let (p, pn) = self.previous_node(a, n)?;
        Some(PreviousYear {
            year: p.year,
            url: self.urls.node_page(self.site, p.year, pn),
            title: pn.front.title.clone(),
            max: pn.front.max.value.to_plain(),
            score: plain(pn.score),
            in_scope: pn.in_scope,
            delta: delta(n, pn),
        })
    }

    pub fn year_ref(&self, a: &Assessment) -> YearRef {
        YearRef {
            year: a.year,
            title: a.front.title.clone(),
            url: self.urls.year(a.year),
        }
    }

    pub fn summary(&self, a: &Assessment) -> AssessmentSummary {
        let review = self.site.audience.is_review();
        let leaves_scored_without_evidence = a
            .nodes
            .iter()
            .filter(|n| n.scored_without_evidence().is_some());
        let without_evidence = leaves_scored_without_evidence.clone().count();
        let without_both = leaves_scored_without_evidence
            .filter(|n| n.front.explanation.is_none())
            .count();
        AssessmentSummary {
            year: a.year,
            title: a.front.title.clone(),
            url: self.urls.year(a.year),
            max: a.front.max.value.to_plain(),
            score: plain(a.score),
            total: a.front.total.as_ref().map(|t| t.value.to_plain()),
            lost: plain(a.lost),
            pct: pct(a.score, a.applicable_max),
            rank: a.front.rank,
            ranked: a.front.ranked,
            decision: a.front.decision.as_ref().map(EvidenceView::new),
            areas: a.roots.iter().map(|&r| self.row(a, &a.nodes[r])).collect(),
            node_count: a.nodes.len(),
            evidence_count: a.nodes.iter().map(|n| n.front.evidence.len()).sum(),
            without_evidence: review.then_some(without_evidence),
            without_evidence_or_explanation: review.then_some(without_both),
            warning_count: review.then(|| a.nodes.iter().map(|n| n.warnings.len()).sum()),
            task_count: a.all_tasks().count(),
            extra: a.front.extra.clone(),
        }
    }

    /// The change from the assessment of the year before, if there is one.
    pub fn change(&self, a: &Assessment) -> Option<Change> {
        let prev = self
            .site
            .assessments
            .iter()
            .rev()
            .find(|p| p.year < a.year)?;
        let prev_score = prev.score.or(prev.front.total.as_ref().map(|t| t.value));
        let score = a.score.or(a.front.total.as_ref().map(|t| t.value));
        Some(Change {
            year: prev.year,
            url: self.urls.year(prev.year),
            score: plain(prev_score),
            rank: prev.front.rank,
            score_delta: match (score, prev_score) {
                (Some(s), Some(p)) => Some((s - p).to_plain()),
                _ => None,
            },
            rank_delta: match (a.front.rank, prev.front.rank) {
                (Some(r), Some(p)) => Some(i64::from(p) - i64::from(r)),
                _ => None,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_for_bars() {
        let s = |x: &str| Score::parse(x).unwrap();
        assert_eq!(pct(Some(s("11.911")), s("13.5")).as_deref(), Some("88.2"));
        assert_eq!(pct(Some(s("8")), s("8")).as_deref(), Some("100"));
        assert_eq!(pct(None, s("8")), None);
        assert_eq!(pct(Some(s("0")), Score::ZERO), None);
    }
}
