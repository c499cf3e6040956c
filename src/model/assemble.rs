//! Puts the parsed files together into the [`Site`]: trees from ids,
//! sections with their pages, colocated assets. Errors here are structural:
//! two files with one id, a node without its parent, a year without
//! `_index.md`, two pages at one URL.

use crate::base::diag::Diagnostic;
use crate::base::i18n::Msg;
use crate::base::id::NodeId;
use crate::base::score::Score;
use crate::load::config::Config;
use crate::model::file::{Kind, ParsedFile, SectionFile, SortBy};
use crate::model::site::{Assessment, Derived, Node, Page, RESERVED, Section, Site};
use crate::msg;
use jiff::civil::Date;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Puts the parsed files together. Errors here are structural: two files
/// with one id, a node without its parent, a year without `_index.md`.
pub fn assemble(
    config: Config,
    today: Date,
    audience: crate::model::site::Audience,
    parsed: &[Arc<ParsedFile>],
    content_assets: &[crate::load::Asset],
    diags: &mut Vec<Diagnostic>,
) -> Site {
    let mut site = Site {
        config,
        today,
        audience,
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
                    front: a.clone(),
                    nodes: Vec::new(),
                    roots: Vec::new(),
                    score: None,
                    applicable_max: Score::ZERO,
                    lost: None,
                    incomplete: false,
                    scores_ok: false,
                })
            }
            Some(Kind::Node(year, n)) => years.entry(*year).or_default().1.push(Node {
                file: p.rel.clone(),
                front: n.clone(),
                parent: None,
                children: Vec::new(),
                in_scope: true,
                internal: false,
                withheld_evidence: 0,
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
                    front: s.clone(),
                    pages: Vec::new(),
                })
            }
            Some(Kind::Page(section, page)) => {
                if page.draft && !audience.is_review() {
                    continue;
                }
                let prefix = if section.is_empty() {
                    String::new()
                } else {
                    format!("{}/", crate::base::vi::slugify(section))
                };
                sections.entry(section.clone()).or_default().1.push(Page {
                    file: p.rel.clone(),
                    front: page.clone(),
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
                        msg!("E304-year-without-index", year = year, first = first),
                    )
                    .with_help(msg!("E304-year-without-index-help", year = year)),
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
                front: SectionFile {
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
                            msg!("E304-section-without-index", section = &name),
                        )
                        .with_help(msg!("E304-section-without-index-help", section = &name)),
                    );
                }
                continue;
            }
        };
        let slug = crate::base::vi::slugify(&name);
        if !name.is_empty() && (RESERVED.contains(&slug.as_str()) || slug.is_empty()) {
            let reserved: Vec<String> = RESERVED.iter().map(|r| r.to_string()).collect();
            diags.push(Diagnostic::error(
                &section.file,
                msg!(
                    "E305-reserved-section",
                    section = &name,
                    reserved = reserved
                ),
            ));
        }
        sort_pages(&mut pages, section.front.sort_by);
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for p in &pages {
            if let Some(other) = seen.insert(p.url_path.clone(), &p.file) {
                diags.push(
                    Diagnostic::error(
                        &p.file,
                        msg!("E305-page-url-taken", url = &p.url_path, other = other),
                    )
                    .with_help(msg!("E305-rename-one-help")),
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
            .then_with(|| collator.compare(&x.front.title, &y.front.title))
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
    let mut taken: BTreeMap<String, Msg> = RESERVED
        .iter()
        .map(|r| (r.to_string(), msg!("url-owner-site")))
        .collect();
    for a in &site.assessments {
        taken.insert(
            a.year.to_string(),
            msg!("url-owner-assessment", file = &a.file),
        );
    }
    for s in site.sections.iter().filter(|s| !s.name.is_empty()) {
        let slug = crate::base::vi::slugify(&s.name);
        match taken.get(&slug) {
            // Reserved names are reported by assemble already.
            Some(other) if !RESERVED.contains(&slug.as_str()) => diags.push(Diagnostic::error(
                &s.file,
                msg!("E305-section-url-taken", url = &slug, other = other.clone()),
            )),
            Some(_) => {}
            None => {
                taken.insert(slug, msg!("url-owner-section", file = &s.file));
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
                    msg!(
                        "E305-page-url-taken",
                        url = &p.url_path,
                        other = other.clone()
                    ),
                )
                .with_help(msg!("E305-rename-help")),
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
            b.front
                .date
                .cmp(&a.front.date)
                .then_with(|| collator.compare(&a.front.title, &b.front.title))
        }),
        SortBy::Title => pages.sort_by(|a, b| collator.compare(&a.front.title, &b.front.title)),
        SortBy::Weight => pages.sort_by(|a, b| {
            a.front
                .weight
                .cmp(&b.front.weight)
                .then_with(|| collator.compare(&a.front.title, &b.front.title))
        }),
    }
}

/// Sorts nodes by id, refuses duplicate ids and orphans, links parents and
/// children.
fn build_tree(a: &mut Assessment, diags: &mut Vec<Diagnostic>) {
    a.nodes.sort_by(|x, y| {
        x.front
            .id
            .value
            .cmp(&y.front.id.value)
            .then_with(|| x.file.cmp(&y.file))
    });
    let mut keep: Vec<Node> = Vec::with_capacity(a.nodes.len());
    for node in std::mem::take(&mut a.nodes) {
        if let Some(prev) = keep.last()
            && prev.front.id.value == node.front.id.value
        {
            diags.push(id_error(
                &node,
                msg!(
                    "E302-duplicate-id",
                    id = node.front.id.value.to_string(),
                    other = &prev.file,
                    line = prev.front.id.loc.line
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
            .map(|(i, n)| (&n.front.id.value, i))
            .collect();
        for (i, node) in keep.iter().enumerate() {
            let Some(pid) = node.front.id.value.parent() else {
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
                            msg!(
                                "E303-no-parent",
                                id = node.front.id.value.to_string(),
                                year = a.year,
                                parent = pid.to_string()
                            ),
                            Some(msg!(
                                "E303-no-parent-help",
                                parent = pid.to_string(),
                                year = a.year
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
        .map(|(i, n)| (n.front.id.value.clone(), i))
        .collect();
    for i in 0..a.nodes.len() {
        match a.nodes[i].front.id.value.parent() {
            None => a.roots.push(i),
            Some(pid) => {
                let p = index[&pid];
                a.nodes[i].parent = Some(p);
                a.nodes[p].children.push(i);
            }
        }
    }
    // Internal reaches down, like "not applicable" (parents come first).
    for i in 0..a.nodes.len() {
        let inherited = a.nodes[i].parent.is_some_and(|p| a.nodes[p].internal);
        a.nodes[i].internal = a.nodes[i].front.internal || inherited;
    }
}

/// An error at a node's `id:` (its source line is shown by the pipeline).
fn id_error(node: &Node, msg: Msg, help: Option<Msg>) -> Diagnostic {
    let loc = node.front.id.loc;
    let d = Diagnostic::error(&node.file, msg).located(loc.line, loc.col);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}
