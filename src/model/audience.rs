//! Two sites from one content tree: the public site the web team publishes,
//! and the reviewers' preview (docs/format.md, "Audiences").
//!
//! The checks and the scores always run on the whole model. For the public
//! site, [`public_view`] then makes the one model every later stage reads
//! (pages, search, data, workbook, feeds, copied files), so that nothing
//! internal can reach a public file by a path that forgot to filter it:
//! drafts, pages and years marked `internal`, internal evidence and tasks,
//! the warnings, and everything of an internal criterion but the figures
//! its parents' sums need. Internal parts of Markdown bodies are left out
//! when the bodies are rendered ([`crate::model::markdown`]).

use crate::model::file::Evidence;
use crate::model::site::{Derived, Site};
use std::collections::BTreeSet;
use std::sync::Arc;

pub use crate::model::site::Audience;

/// The site as the public sees it. Totals are not recomputed: an internal
/// criterion's score still counts in its parents' and the year's.
pub fn public_view(mut site: Site) -> Site {
    site.audience = Audience::Public;
    let evidence: BTreeSet<String> = all_evidence(&site)
        .filter_map(|e| e.copied_to.clone())
        .collect();
    site.assessments.retain(|a| !a.front.internal);
    for a in &mut site.assessments {
        a.front.tasks.retain(|t| !t.internal);
        if let Some(d) = &a.front.decision
            && d.internal
        {
            a.front.decision = None;
        }
        for n in &mut a.nodes {
            n.warnings.clear();
            let f = &n.front;
            if !n.internal
                && !f.evidence.iter().any(|e| e.internal)
                && !f.tasks.iter().any(|t| t.internal)
            {
                continue; // shared with the parse cache: not copied for nothing
            }
            let internal = n.internal;
            n.withheld_evidence = n.front.evidence.iter().filter(|e| e.internal).count();
            let front = Arc::make_mut(&mut n.front);
            if internal {
                // The figures stay (the sums and the tables need them), the
                // rest goes.
                front.evidence.clear();
                front.tasks.clear();
                front.explanation = None;
                front.reason = None;
                front.extra = serde_json::Value::Object(Default::default());
            } else {
                front.evidence.retain(|e| !e.internal);
                front.tasks.retain(|t| !t.internal);
            }
        }
    }
    for s in &mut site.sections {
        s.pages.retain(|p| !p.front.internal && !p.front.draft);
    }
    // Evidence files are copied only where a public entry still links to
    // them; section assets stay.
    let linked: BTreeSet<String> = all_evidence(&site)
        .filter_map(|e| e.copied_to.clone())
        .collect();
    site.copies
        .retain(|out, _| !evidence.contains(out) || linked.contains(out));
    // Grouped again from the public evidence when first asked for.
    site.doc_groups = Derived::default();
    site.doc_order = Derived::default();
    site
}

/// Every evidence entry of the site: each year's decision and its nodes'.
fn all_evidence(site: &Site) -> impl Iterator<Item = &Evidence> {
    site.assessments.iter().flat_map(|a| {
        a.front
            .decision
            .iter()
            .chain(a.nodes.iter().flat_map(|n| n.front.evidence.iter()))
    })
}
