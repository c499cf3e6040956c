//! What search can find: one [`Entry`] per assessment, criterion,
//! document, unit and page, with the text it is matched on.

use super::text::{cap, html_text_prefix};
use crate::model::documents;
use crate::model::markdown::Body;
use crate::model::site::Site;
use crate::render::views::ViewBuilder;
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

/// Body text kept in the whole index, in characters, shared equally by the
/// entries: titles, numbers and ids are always whole, but the text to match
/// and to quote is cut so that the one file the browser loads stays small
/// (docs/search.md gives the sizes). Each entry keeps between
/// [`MIN_TEXT_CHARS`] and [`MAX_TEXT_CHARS`].
pub const TEXT_BUDGET_CHARS: usize = 400_000;
/// Every entry keeps at least this much: enough for a snippet.
pub const MIN_TEXT_CHARS: usize = 160;
/// No entry keeps more: a long notice is found by its first pages.
pub const MAX_TEXT_CHARS: usize = 6_000;

/// What each entry of an index of `n` entries keeps of its text.
pub fn text_share(n: usize) -> usize {
    (TEXT_BUDGET_CHARS / n.max(1)).clamp(MIN_TEXT_CHARS, MAX_TEXT_CHARS)
}

/// One thing search can find.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Entry {
    /// `assessment`, `node`, `document`, `unit` or `page`.
    pub kind: &'static str,
    /// What it is called on the site, in Vietnamese: `Lĩnh vực`,
    /// `Tiêu chí`, `Văn bản`, the section's title for a page…
    pub label: String,
    /// The id of a node (`1.2`) or the number of a document
    /// (`55/TB-SKHCN`), searchable as typed; empty otherwise.
    pub number: String,
    pub title: String,
    pub year: Option<i32>,
    /// Through the base path: `/cchc/2022/1-2/`.
    pub url: String,
    /// Plain text to match and to quote (at most [`text_share`]).
    pub text: String,
    /// Depth in its tree, for the list page (0 for everything but nodes).
    pub depth: usize,
}

/// What each kind is called when nothing more precise is known; search.js
/// has the same table.
pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "assessment" => "Kỳ đánh giá",
        "node" => "Tiêu chí",
        "document" => "Văn bản",
        "unit" => "Đơn vị",
        _ => "Trang",
    }
}

/// Every searchable thing of the site, in the order of the list page:
/// assessments (latest first) each followed by its nodes in tree order,
/// then documents, units and pages.
pub fn entries<K: Borrow<str> + Hash + Eq + Sync>(
    site: &Site,
    vb: &ViewBuilder,
    bodies: &HashMap<K, Body>,
) -> Vec<Entry> {
    let urls = vb.urls;
    // Already in the documents page's order.
    let groups = documents::by_title(site);
    let count = site
        .assessments
        .iter()
        .map(|a| 1 + a.nodes.len())
        .sum::<usize>()
        + groups.len()
        + site.config.units.len()
        + site
            .sections
            .iter()
            .map(|s| 1 + s.pages.len())
            .sum::<usize>();
    let share = text_share(count);
    // Only the first `share` characters are kept: convert no more.
    let body = |file: &str| {
        bodies
            .get(file)
            .map(|b| html_text_prefix(&b.html(), share))
            .unwrap_or_default()
    };
    let mut out = Vec::with_capacity(count);
    for a in site.assessments.iter().rev() {
        let mut text = body(&a.file);
        if let Some(d) = &a.front.decision {
            push_evidence(&mut text, d);
        }
        out.push(Entry {
            kind: "assessment",
            label: kind_label("assessment").into(),
            number: String::new(),
            title: a.front.title.clone(),
            year: Some(a.year),
            url: urls.year(a.year),
            text: cap(text, share),
            depth: 0,
        });
        // Tree order: each root followed by its descendants.
        let mut order = Vec::with_capacity(a.nodes.len());
        let mut stack: Vec<usize> = a.roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            // What has no page (internal, on the public site) is not found.
            if site.has_page(&a.nodes[i]) {
                order.push(i);
            }
            stack.extend(a.nodes[i].children.iter().rev());
        }
        let nodes: Vec<Entry> = order
            .par_iter()
            .map(|&i| {
                let n = &a.nodes[i];
                let mut text = String::new();
                if let Some(e) = &n.front.explanation {
                    text.push_str(e.trim());
                }
                let b = body(&n.file);
                if !b.is_empty() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&b);
                }
                for e in &n.front.evidence {
                    push_evidence(&mut text, e);
                }
                Entry {
                    kind: "node",
                    label: if n.parent.is_none() {
                        "Lĩnh vực".into()
                    } else {
                        kind_label("node").into()
                    },
                    number: n.front.id.value.to_string(),
                    title: n.front.title.clone(),
                    year: Some(a.year),
                    url: urls.node(a.year, n),
                    text: cap(text, share),
                    depth: n.front.id.value.depth().saturating_sub(1),
                }
            })
            .collect();
        out.extend(nodes);
    }

    let docs: Vec<Entry> = groups
        .par_iter()
        .map(|g| {
            let first = g.cites[0].evidence(site);
            let number = documents::group_number(site, g);
            let year = g.key.2.or(first.date.map(|d| i32::from(d.year())));
            let mut text = String::new();
            if let Some(kind) = g.parsed.as_ref().map(|d| d.kind_name) {
                text.push_str(kind);
            }
            let issuer = g
                .parsed
                .as_ref()
                .map(|d| d.issuer.clone())
                .or_else(|| first.issuer.clone());
            if let Some(i) = issuer {
                push_word(&mut text, &i);
            }
            // Other titles it was cited with, and where it is cited.
            for c in &g.cites {
                let e = c.evidence(site);
                if e.title != first.title && !text.contains(&e.title) {
                    push_word(&mut text, &e.title);
                }
            }
            for c in &g.cites {
                let a = &site.assessments[c.assessment];
                if let Some(ni) = c.node {
                    let n = &a.nodes[ni];
                    push_word(
                        &mut text,
                        &format!("{} · {} {}", a.year, n.front.id.value, n.front.title),
                    );
                }
                if text.len() > 4 * share {
                    break;
                }
            }
            Entry {
                kind: "document",
                label: g
                    .parsed
                    .as_ref()
                    .map(|d| d.kind_name.to_string())
                    .unwrap_or_else(|| kind_label("document").into()),
                number,
                title: first.title.clone(),
                year,
                url: urls.path(&format!("van-ban/#{}", documents::group_anchor(site, g))),
                text: cap(text, share),
                depth: 0,
            }
        })
        .collect();
    out.extend(docs);

    for u in vb.units() {
        out.push(Entry {
            kind: "unit",
            label: kind_label("unit").into(),
            number: String::new(),
            title: u.name,
            year: None,
            url: u.url,
            text: String::new(),
            depth: 0,
        });
    }

    for sec in &site.sections {
        let label = if sec.name.is_empty() {
            kind_label("page").to_string()
        } else {
            sec.front.title.clone()
        };
        if !sec.name.is_empty() {
            out.push(Entry {
                kind: "page",
                label: "Chuyên mục".into(),
                number: String::new(),
                title: sec.front.title.clone(),
                year: None,
                url: urls.path(&sec.url_path()),
                text: cap(body(&sec.file), share),
                depth: 0,
            });
        }
        for p in &sec.pages {
            out.push(Entry {
                kind: "page",
                label: label.clone(),
                number: String::new(),
                title: p.front.title.clone(),
                year: p.front.date.map(|d| i32::from(d.year())),
                url: urls.path(&p.url_path),
                text: cap(html_text_prefix(&p.body_html.html(), share), share),
                depth: 0,
            });
        }
    }
    out
}

fn push_word(text: &mut String, word: &str) {
    let word = word.trim();
    if word.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str(" · ");
    }
    text.push_str(word);
}

fn push_evidence(text: &mut String, e: &crate::model::file::Evidence) {
    match &e.number {
        Some(n) => push_word(text, &format!("{n} {}", e.title)),
        None => push_word(text, &e.title),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_site_keeps_less_text_per_entry() {
        assert_eq!(text_share(27), MAX_TEXT_CHARS);
        assert_eq!(text_share(1000), 400);
        assert_eq!(text_share(10_000), MIN_TEXT_CHARS);
    }
}
