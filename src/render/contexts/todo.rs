//! The reviewers' "Việc cần làm" page (`/viec-can-lam/`, the review site
//! only): every warning of the build and every scored item without
//! evidence, grouped by the unit responsible and then by file, each with
//! what fixes it.

use super::Contexts;
use crate::base::diag::Diagnostic;
use crate::base::i18n::Lang;
use crate::msg;
use crate::render::pages::{PageJob, PageMeta, meta};
use crate::render::views::{UnitRef, node_name};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Serialize)]
struct UnitGroup {
    /// None: what is not a unit's (an assessment's file, site.toml…).
    unit: Option<UnitRef>,
    files: Vec<FileGroup>,
    count: usize,
}

#[derive(Serialize)]
struct FileGroup {
    file: String,
    /// The criterion the file gives, and its page.
    title: Option<String>,
    url: Option<String>,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    line: Option<u32>,
    /// `path:line:col`, as the terminal shows it.
    location: String,
    /// The rule's code, and its explanation on the codes page.
    code: &'static str,
    explain_url: String,
    message: String,
    fix: Option<String>,
}

pub(super) fn context(cx: &Contexts) -> PageJob {
    let (s, vb) = (cx.site, &cx.vb);
    // Each criterion's file: its year, its node.
    let mut by_file: HashMap<&str, (usize, usize)> = HashMap::new();
    for (ai, a) in s.assessments.iter().enumerate() {
        for (ni, n) in a.nodes.iter().enumerate() {
            by_file.insert(n.file.as_str(), (ai, ni));
        }
    }
    // What the site shows is in the site's language.
    let lang = s.config.lang();
    let explain = |code: &str| vb.urls.path(&format!("{}#{code}", super::codes::PATH));
    let mut items: Vec<(String, Item)> = cx
        .warnings
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| (d.file.clone(), item(d, lang, explain(d.code()))))
        .collect();
    // Scored without evidence but explained: no warning, yet the appraisal
    // may still take the points.
    for a in &s.assessments {
        for n in &a.nodes {
            if let (Some(at), Some(why)) = (n.scored_without_evidence(), &n.front.explanation) {
                let d = Diagnostic::warning(
                    &n.file,
                    msg!(
                        "W501-explained",
                        score = at.value,
                        explanation = why.as_str()
                    ),
                )
                .at_loc(at.loc)
                .with_help(msg!("W501-explained-help"));
                items.push((n.file.clone(), item(&d, lang, explain(d.code()))));
            }
        }
    }
    let count = items.len();
    // unit id ("" for none) → file → items
    let mut grouped: BTreeMap<String, BTreeMap<String, Vec<Item>>> = BTreeMap::new();
    for (file, item) in items {
        let unit = by_file
            .get(file.as_str())
            .and_then(|&(ai, ni)| s.assessments[ai].nodes[ni].front.unit.as_ref())
            .map(|u| u.value.clone())
            .unwrap_or_default();
        grouped
            .entry(unit)
            .or_default()
            .entry(file)
            .or_default()
            .push(item);
    }
    let file_groups = |files: BTreeMap<String, Vec<Item>>| -> Vec<FileGroup> {
        files
            .into_iter()
            .map(|(file, mut items)| {
                items.sort_by_key(|i| i.line);
                let node = by_file
                    .get(file.as_str())
                    .map(|&(ai, ni)| (&s.assessments[ai], &s.assessments[ai].nodes[ni]));
                FileGroup {
                    title: node.map(|(_, n)| node_name(n)),
                    url: node.map(|(a, n)| vb.urls.node(a.year, n)),
                    file,
                    items,
                }
            })
            .collect()
    };
    // Units in the site's order (Vietnamese alphabetical), then the rest.
    let mut groups: Vec<UnitGroup> = Vec::new();
    for u in &cx.units {
        if let Some(files) = grouped.remove(&u.id) {
            let files = file_groups(files);
            groups.push(UnitGroup {
                count: files.iter().map(|f| f.items.len()).sum(),
                unit: Some(u.clone()),
                files,
            });
        }
    }
    // Unknown unit ids (an error elsewhere) and no unit.
    let rest: BTreeMap<String, Vec<Item>> = grouped.into_values().flatten().collect();
    if !rest.is_empty() {
        let files = file_groups(rest);
        groups.push(UnitGroup {
            count: files.iter().map(|f| f.items.len()).sum(),
            unit: None,
            files,
        });
    }
    #[derive(Serialize)]
    struct TodoCtx {
        page: PageMeta,
        groups: Vec<UnitGroup>,
        count: usize,
    }
    PageJob::new(
        "todo.html",
        TodoCtx {
            page: meta(
                "todo",
                "Việc cần làm",
                vb.urls.path("viec-can-lam/"),
                vec![],
            ),
            groups,
            count,
        },
    )
}

fn item(d: &Diagnostic, lang: Lang, explain_url: String) -> Item {
    Item {
        line: d.line,
        location: d.location(),
        code: d.code(),
        explain_url,
        message: d.message.text(lang),
        fix: d.help.as_ref().map(|h| h.text(lang)),
    }
}
