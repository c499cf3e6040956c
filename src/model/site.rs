//! The assembled site: assessments with their trees, sections with their
//! pages. Built from the per-file results by [`assemble`]; scores and rules
//! are then computed by `check::check`.

use crate::base::diag::Diagnostic;
use crate::base::id::NodeId;
use crate::base::score::Score;
use crate::load::config::Config;
use crate::model::file::{
    AssessmentFile, Evidence, Kind, NodeFile, PageFile, ParsedFile, SectionFile, SortBy, Task,
};
use jiff::civil::Date;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub today: Date,
    /// Drafts are included (serve) or left out (build).
    pub drafts: bool,
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
    pub doc_groups: Derived<Vec<crate::model::documents::Group>>,
    /// Their order on the documents page ([`crate::model::documents::by_title`]).
    pub doc_order: Derived<Vec<usize>>,
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
    pub a: AssessmentFile,
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
}

#[derive(Debug, Clone)]
pub struct Node {
    pub file: String,
    /// Shared with the parse cache; copied on write when check fills in
    /// evidence links.
    pub n: Arc<NodeFile>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// False when this node or an ancestor is `applicable: false`.
    pub in_scope: bool,
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
        if !self.in_scope || !self.is_leaf() || !self.n.evidence.is_empty() {
            return None;
        }
        [&self.n.score, &self.n.self_score]
            .into_iter()
            .flatten()
            .find(|s| s.value.is_positive())
    }

    pub fn url_path(&self, year: i32) -> String {
        format!("{year}/{}/", self.n.id.value.slug())
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    pub name: String,
    pub file: String,
    pub s: SectionFile,
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
    pub p: PageFile,
    pub body_html: crate::model::markdown::Body,
    pub summary: String,
    pub url_path: String,
}

/// URL path names the site itself uses; a section may not take them.
pub const RESERVED: &[&str] = &[
    "data",
    "don-vi",
    "van-ban",
    "static",
    "404.html",
    "sitemap.xml",
];

impl Assessment {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.n.id.value.to_string() == id)
    }

    /// The latest date evidence may carry (rule 9): the decision date, or
    /// 31 December of the year.
    pub fn evidence_limit(&self) -> Date {
        self.a
            .decision
            .as_ref()
            .and_then(|d| d.date)
            .unwrap_or_else(|| Date::new(self.year as i16, 12, 31).unwrap_or_default())
    }

    /// Every task of the year: the assessment's own, then each node's.
    pub fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.a
            .tasks
            .iter()
            .chain(self.nodes.iter().flat_map(|n| n.n.tasks.iter()))
    }

    pub fn all_evidence(&self) -> impl Iterator<Item = (&Node, &Evidence)> {
        self.nodes
            .iter()
            .flat_map(|n| n.n.evidence.iter().map(move |e| (n, e)))
    }
}

/// Puts the parsed files together. Errors here are structural: two files
/// with one id, a node without its parent, a year without `_index.md`.
pub fn assemble(
    config: Config,
    today: Date,
    drafts: bool,
    parsed: &[Arc<ParsedFile>],
    content_assets: &[crate::load::Asset],
    diags: &mut Vec<Diagnostic>,
) -> Site {
    let mut site = Site {
        config,
        today,
        drafts,
        home: None,
        assessments: Vec::new(),
        sections: Vec::new(),
        copies: BTreeMap::new(),
        doc_groups: Derived::default(),
        doc_order: Derived::default(),
    };
    let mut years: BTreeMap<i32, (Option<Assessment>, Vec<Node>)> = BTreeMap::new();
    let mut sections: BTreeMap<String, (Option<Section>, Vec<Page>)> = BTreeMap::new();
    for p in parsed {
        match &p.kind {
            None => {}
            Some(Kind::Home(s)) => site.home = Some(s.clone()),
            Some(Kind::Assessment(year, a)) => {
                years.entry(*year).or_default().0 = Some(Assessment {
                    year: *year,
                    file: p.rel.clone(),
                    a: a.clone(),
                    nodes: Vec::new(),
                    roots: Vec::new(),
                    score: None,
                    applicable_max: Score::ZERO,
                    lost: None,
                    incomplete: false,
                })
            }
            Some(Kind::Node(year, n)) => years.entry(*year).or_default().1.push(Node {
                file: p.rel.clone(),
                n: n.clone(),
                parent: None,
                children: Vec::new(),
                in_scope: true,
                score: None,
                self_score: None,
                applicable_max: Score::ZERO,
                children_max: Score::ZERO,
                not_itemised: None,
                lost: None,
                warnings: Vec::new(),
            }),
            Some(Kind::Section(name, s)) => {
                sections.entry(name.clone()).or_default().0 = Some(Section {
                    name: name.clone(),
                    file: p.rel.clone(),
                    s: s.clone(),
                    pages: Vec::new(),
                })
            }
            Some(Kind::Page(section, page)) => {
                if page.draft && !drafts {
                    continue;
                }
                let prefix = if section.is_empty() {
                    String::new()
                } else {
                    format!("{}/", crate::base::vi::slugify(section))
                };
                sections.entry(section.clone()).or_default().1.push(Page {
                    file: p.rel.clone(),
                    p: page.clone(),
                    body_html: p.body_html.clone(),
                    summary: page
                        .summary
                        .clone()
                        .unwrap_or_else(|| p.body_summary.clone()),
                    url_path: format!("{prefix}{}/", page.slug),
                })
            }
        }
    }
    let parse_failed: std::collections::HashSet<&str> = parsed
        .iter()
        .filter(|p| p.kind.is_none())
        .map(|p| p.rel.as_str())
        .collect();

    for (year, (assessment, nodes)) in years {
        let Some(mut a) = assessment else {
            let index = format!("content/{year}/_index.md");
            if !parse_failed.contains(index.as_str()) {
                let first = nodes.iter().map(|n| n.file.as_str()).min().unwrap_or("");
                diags.push(
                    Diagnostic::error(
                        format!("content/{year}"),
                        format!("content/{year}/ holds criteria ({first}, …) but no _index.md for the assessment"),
                    )
                    .with_help(format!("create content/{year}/_index.md with `title:` (kiemchung new year {year})")),
                );
            }
            continue;
        };
        let prefix = format!("content/{year}/");
        a.incomplete = parse_failed.iter().any(|rel| rel.starts_with(&prefix));
        a.nodes = nodes;
        build_tree(&mut a, diags);
        site.assessments.push(a);
    }

    for (name, (section, mut pages)) in sections {
        let mut section = match section {
            Some(s) => s,
            None if name.is_empty() => Section {
                name: String::new(),
                file: "content".into(),
                s: SectionFile {
                    title: String::new(),
                    sort_by: SortBy::Title,
                    feed: false,
                    extra: serde_json::Value::Object(Default::default()),
                },
                pages: Vec::new(),
            },
            None => {
                let index = format!("content/{name}/_index.md");
                if !parse_failed.contains(index.as_str()) {
                    diags.push(
                        Diagnostic::error(
                            format!("content/{name}"),
                            format!("content/{name}/ holds pages but no _index.md"),
                        )
                        .with_help(format!(
                            "create content/{name}/_index.md with at least `title:`"
                        )),
                    );
                }
                continue;
            }
        };
        let slug = crate::base::vi::slugify(&name);
        if !name.is_empty() && (RESERVED.contains(&slug.as_str()) || slug.is_empty()) {
            diags.push(Diagnostic::error(
                &section.file,
                format!(
                    "the section name `{name}` is taken by the site itself ({}); rename the folder",
                    RESERVED.join(", ")
                ),
            ));
        }
        sort_pages(&mut pages, section.s.sort_by);
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for p in &pages {
            if let Some(other) = seen.insert(p.url_path.clone(), &p.file) {
                diags.push(
                    Diagnostic::error(
                        &p.file,
                        format!("this page has the same URL /{} as {other}", p.url_path),
                    )
                    .with_help("rename one file or give it a different `slug:`"),
                );
            }
        }
        section.pages = pages;
        site.sections.push(section);
    }
    // Sections in Vietnamese order of their titles (the root one first):
    // that is the order of the site's navigation.
    let collator = crate::base::collate::Collator::new();
    site.sections.sort_by(|x, y| {
        (!x.name.is_empty())
            .cmp(&!y.name.is_empty())
            .then_with(|| collator.compare(&x.s.title, &y.s.title))
    });
    check_url_clashes(&site, diags);
    // Colocated assets of sections are copied beside their pages.
    for asset in content_assets {
        let mut parts = asset.rel.splitn(3, '/');
        let (_, first, rest) = (parts.next(), parts.next(), parts.next());
        let out = match (first, rest) {
            (Some(name), None) => name.to_string(),
            (Some(dir), Some(rest)) if !is_year(dir) => {
                format!("{}/{rest}", crate::base::vi::slugify(dir))
            }
            _ => continue, // year folders: only evidence that is cited is copied
        };
        site.copies.insert(out, asset.abs.clone());
    }
    site
}

/// Years, sections, pages directly in content/ and the site's own pages
/// share the first segment of the URL. Two of them taking the same one
/// would make one page silently replace the other (`content/2022.md`
/// over the 2022 overview, `content/tin-tuc.md` over the section).
fn check_url_clashes(site: &Site, diags: &mut Vec<Diagnostic>) {
    let mut taken: BTreeMap<String, String> = RESERVED
        .iter()
        .map(|r| (r.to_string(), "the site's own pages".to_string()))
        .collect();
    for a in &site.assessments {
        taken.insert(a.year.to_string(), format!("the assessment {}", a.file));
    }
    for s in site.sections.iter().filter(|s| !s.name.is_empty()) {
        let slug = crate::base::vi::slugify(&s.name);
        match taken.get(&slug) {
            // Reserved names are reported by assemble already.
            Some(other) if !RESERVED.contains(&slug.as_str()) => diags.push(Diagnostic::error(
                &s.file,
                format!("this section has the same URL /{slug}/ as {other}; rename its folder"),
            )),
            Some(_) => {}
            None => {
                taken.insert(slug, format!("the section {}", s.file));
            }
        }
    }
    for p in site
        .sections
        .iter()
        .filter(|s| s.name.is_empty())
        .flat_map(|s| &s.pages)
    {
        if let Some(other) = taken.get(p.url_path.trim_end_matches('/')) {
            diags.push(
                Diagnostic::error(
                    &p.file,
                    format!("this page has the same URL /{} as {other}", p.url_path),
                )
                .with_help("rename the file or give it a different `slug:`"),
            );
        }
    }
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

fn sort_pages(pages: &mut [Page], by: SortBy) {
    let collator = crate::base::collate::Collator::new();
    match by {
        // Newest first; undated pages last; then by title.
        SortBy::Date => pages.sort_by(|a, b| {
            b.p.date
                .cmp(&a.p.date)
                .then_with(|| collator.compare(&a.p.title, &b.p.title))
        }),
        SortBy::Title => pages.sort_by(|a, b| collator.compare(&a.p.title, &b.p.title)),
        SortBy::Weight => pages.sort_by(|a, b| {
            a.p.weight
                .cmp(&b.p.weight)
                .then_with(|| collator.compare(&a.p.title, &b.p.title))
        }),
    }
}

/// Sorts nodes by id, refuses duplicate ids and orphans, links parents and
/// children.
fn build_tree(a: &mut Assessment, diags: &mut Vec<Diagnostic>) {
    a.nodes.sort_by(|x, y| {
        x.n.id
            .value
            .cmp(&y.n.id.value)
            .then_with(|| x.file.cmp(&y.file))
    });
    let mut keep: Vec<Node> = Vec::with_capacity(a.nodes.len());
    for node in std::mem::take(&mut a.nodes) {
        if let Some(prev) = keep.last()
            && prev.n.id.value == node.n.id.value
        {
            diags.push(id_error(
                &node,
                format!(
                    "id {} is already used by {} (line {}); ids are unique in a year",
                    node.n.id.value, prev.file, prev.n.id.loc.line
                ),
                None,
            ));
            continue;
        }
        keep.push(node);
    }
    // Orphans: a node whose parent id is missing (reported) or is itself an
    // orphan (reported once, at the top). Parents sort before children.
    let mut orphan = vec![false; keep.len()];
    {
        let index: HashMap<&NodeId, usize> = keep
            .iter()
            .enumerate()
            .map(|(i, n)| (&n.n.id.value, i))
            .collect();
        for (i, node) in keep.iter().enumerate() {
            let Some(pid) = node.n.id.value.parent() else {
                continue;
            };
            match index.get(&pid) {
                Some(&p) => orphan[i] = orphan[p],
                None => {
                    orphan[i] = true;
                    // A year with a file that failed to parse may have its
                    // parent there: no follow-on error.
                    if !a.incomplete {
                        diags.push(id_error(
                            node,
                            format!(
                                "node {} has no parent: no file of {} gives id {pid}",
                                node.n.id.value, a.year
                            ),
                            Some(format!(
                                "create a file with `id: \"{pid}\"` (kiemchung new criterion {} {pid} --title \"…\")",
                                a.year
                            )),
                        ));
                    }
                }
            }
        }
    }
    // Orphans are dropped, so later stages see a clean tree.
    a.nodes = keep
        .into_iter()
        .zip(orphan)
        .filter_map(|(n, o)| (!o).then_some(n))
        .collect();
    let index: HashMap<NodeId, usize> = a
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.n.id.value.clone(), i))
        .collect();
    for i in 0..a.nodes.len() {
        match a.nodes[i].n.id.value.parent() {
            None => a.roots.push(i),
            Some(pid) => {
                let p = index[&pid];
                a.nodes[i].parent = Some(p);
                a.nodes[p].children.push(i);
            }
        }
    }
}

/// An error at a node's `id:` (its source line is shown by the pipeline).
fn id_error(node: &Node, msg: String, help: Option<String>) -> Diagnostic {
    let loc = node.n.id.loc;
    let d = Diagnostic::error(&node.file, msg).located(loc.line, loc.col);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}
