//! The assembled site, the model every later stage reads: assessments with
//! their trees, sections with their pages, the cited documents. Made from
//! the parsed files by [`crate::model::assemble`]; its scores are filled
//! in by [`crate::model::scores`].

use crate::base::docnum::DocNumber;
use crate::base::score::Score;
use crate::load::config::Config;
use crate::model::file::{AssessmentFile, Evidence, NodeFile, PageFile, SectionFile, Task};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub today: Date,
    /// Whom the site is built for: everything is in the model for review;
    /// [`crate::model::audience::public_view`] makes the public one.
    pub audience: Audience,
    /// `content/_index.md`. Markdown bodies are not part of the model:
    /// the render stage takes them by file (see `render::Bodies`), so a
    /// rebuild after a body-only edit reuses the model as it is.
    pub home: Option<SectionFile>,
    /// Sorted by year.
    pub assessments: Vec<Assessment>,
    /// Sorted by name; the root section (pages directly in content/) has
    /// the name "" and is not listed as a section.
    pub sections: Vec<Section>,
    /// Files copied as they are: output path → source. Filled by check
    /// (evidence next to its node) and by assemble (section assets).
    pub copies: BTreeMap<String, PathBuf>,
    /// The cited documents by first citation ([`crate::model::documents::grouped`]),
    /// kept by the checks for the documents page and the search index.
    pub doc_groups: Derived<Vec<Group>>,
    /// Their order on the documents page ([`crate::model::documents::by_title`]).
    pub doc_order: Derived<Vec<usize>>,
}

/// Whom a site is built for (docs/format.md, "Audiences"); the public
/// one is made by [`crate::model::audience::public_view`].
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Audience {
    /// What `build` writes: the site the department publishes.
    #[default]
    Public,
    /// What `serve` shows (and `build --review` writes): everything, with
    /// the warnings, the source files and what is marked internal, marked.
    Review,
}

impl Audience {
    pub fn is_review(self) -> bool {
        self == Audience::Review
    }

    /// As templates see it (`site.audience`).
    pub fn name(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Review => "review",
        }
    }
}

/// The documents cited as evidence, grouped by identity: computed from the
/// tree by [`crate::model::documents`], kept here so that the checks, the
/// documents page and search compute them once.
/// Where an evidence entry stands: assessment, node (None for the
/// assessment's `decision`), entry.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cite {
    pub assessment: usize,
    pub node: Option<usize>,
    pub entry: usize,
}

/// A document's identity: `55/TB-SKHCN`, `SKHCN`, 2023. For a number that
/// does not parse, the number as written (spaces removed, upper case) and
/// no issuer; for an entry without number, its link or title, marked `#`.
pub type DocKey = (String, String, Option<i32>);

pub struct Group {
    pub key: DocKey,
    pub parsed: Option<DocNumber>,
    /// Sorted by assessment, node and entry.
    pub cites: Vec<Cite>,
}

/// A value computed at most once from a finished model. A clone starts
/// empty, so a copy of the site that is then changed does not keep a value
/// computed from the original.
#[derive(Default)]
pub struct Derived<T>(std::sync::OnceLock<T>);

impl<T> Derived<T> {
    /// One that holds `value` already.
    pub fn new(value: T) -> Self {
        Derived(std::sync::OnceLock::from(value))
    }

    pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(f)
    }
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        Derived(std::sync::OnceLock::new())
    }
}

impl<T> std::fmt::Debug for Derived<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "Derived(set)"
        } else {
            "Derived(empty)"
        })
    }
}

#[derive(Debug, Clone)]
pub struct Assessment {
    pub year: i32,
    pub file: String,
    pub front: AssessmentFile,
    /// Sorted by id, so parents come before their children.
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    /// The sum of the areas' scores, when any area has one.
    pub score: Option<Score>,
    /// The sum of the areas' applicable maxima.
    pub applicable_max: Score,
    pub lost: Option<Score>,
    /// Some of its node files could not be read. Its tree and sums are then
    /// wrong anyway, so orphans and the cross-file rules (2, 3, 4) are not
    /// reported: they would only add follow-on errors to the file's own.
    pub incomplete: bool,
    /// Its scores were derived without error (rules 2, 3 and 6): only then
    /// is its published total compared with the sum of its areas.
    pub scores_ok: bool,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub file: String,
    /// Shared with the parse cache; copied on write when check fills in
    /// evidence links.
    pub front: Arc<NodeFile>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// False when this node or an ancestor is `applicable: false`.
    pub in_scope: bool,
    /// True when this node or an ancestor is `internal: true`: for
    /// reviewers only (docs/format.md, "Audiences").
    pub internal: bool,
    /// Internal evidence entries the public site does not show, counted
    /// (by [`crate::model::audience::public_view`]) so that it need not say
    /// there is none.
    pub withheld_evidence: usize,
    /// The effective score: given, from the ratio, or the children's sum.
    pub score: Option<Score>,
    /// Given, or the children's sum when any child has one.
    pub self_score: Option<Score>,
    /// The max counted for percentages: not-applicable parts left out.
    pub applicable_max: Score,
    /// Sum of the children's maxima (not-applicable ones included).
    pub children_max: Score,
    /// Max minus the children's maxima, when positive: "not itemised".
    pub not_itemised: Option<Score>,
    pub lost: Option<Score>,
    /// Warnings shown on the site, in Vietnamese.
    pub warnings: Vec<String>,
}

impl Node {
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    /// The first positive score written for this applicable leaf (appraised,
    /// else self) when it has no evidence: the points an appraisal takes
    /// away (rule 9; the warning also needs no `explanation`).
    pub fn scored_without_evidence(&self) -> Option<&crate::model::frontmatter::At<Score>> {
        if !self.in_scope || !self.is_leaf() || !self.front.evidence.is_empty() {
            return None;
        }
        [&self.front.score, &self.front.self_score]
            .into_iter()
            .flatten()
            .find(|s| s.value.is_positive())
    }

    pub fn url_path(&self, year: i32) -> String {
        format!("{year}/{}/", self.front.id.value.slug())
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    pub name: String,
    pub file: String,
    pub front: SectionFile,
    pub pages: Vec<Page>,
}

impl Section {
    /// `tin-tuc/`, or "" for the root section.
    pub fn url_path(&self) -> String {
        if self.name.is_empty() {
            String::new()
        } else {
            format!("{}/", crate::base::vi::slugify(&self.name))
        }
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub file: String,
    pub front: PageFile,
    pub body_html: crate::model::markdown::Body,
    pub summary: String,
    pub url_path: String,
}

/// URL path names the site itself uses; a section may not take them.
pub const RESERVED: &[&str] = &[
    "data",
    "don-vi",
    "van-ban",
    "viec-can-lam",
    "ma-loi",
    "static",
    "404.html",
    "sitemap.xml",
];

impl Site {
    /// Whether a criterion has a page: always on the review site; on the
    /// public site unless it is internal.
    pub fn has_page(&self, n: &Node) -> bool {
        self.audience.is_review() || !n.internal
    }
}

impl Assessment {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes
            .iter()
            .find(|n| n.front.id.value.to_string() == id)
    }

    /// The latest date evidence may carry (rule 9): the decision date, or
    /// 31 December of the year.
    pub fn evidence_limit(&self) -> Date {
        self.front
            .decision
            .as_ref()
            .and_then(|d| d.date)
            .unwrap_or_else(|| Date::new(self.year as i16, 12, 31).unwrap_or_default())
    }

    /// Every task of the year: the assessment's own, then each node's.
    pub fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.front
            .tasks
            .iter()
            .chain(self.nodes.iter().flat_map(|n| n.front.tasks.iter()))
    }

    pub fn all_evidence(&self) -> impl Iterator<Item = (&Node, &Evidence)> {
        self.nodes
            .iter()
            .flat_map(|n| n.front.evidence.iter().map(move |e| (n, e)))
    }
}
