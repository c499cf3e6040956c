//! The documents cited as evidence, across all years: grouped by identity
//! (normalised number, issuer and year: a Vietnamese document number is unique
//! only together with those), for rule 10 and the documents index page.

use crate::base::docnum::{self, DocNumber};
use crate::base::i18n::Msg;
use crate::model::file::Evidence;
use crate::model::site::{Cite, DocKey, Group, Site};
use crate::msg;
use jiff::civil::Date;
use std::collections::HashMap;

impl Cite {
    pub fn evidence<'a>(&self, site: &'a Site) -> &'a Evidence {
        let a = &site.assessments[self.assessment];
        match self.node {
            Some(n) => &a.nodes[n].front.evidence[self.entry],
            None => a
                .front
                .decision
                .as_ref()
                .expect("a decision cite has a decision"),
        }
    }

    pub fn file<'a>(&self, site: &'a Site) -> &'a str {
        let a = &site.assessments[self.assessment];
        match self.node {
            Some(n) => &a.nodes[n].file,
            None => &a.file,
        }
    }
}

impl Group {
    pub fn dates_differ(&self, site: &Site) -> bool {
        let first = self.cites[0].evidence(site).date;
        self.cites.iter().any(|c| c.evidence(site).date != first)
    }

    pub fn titles_differ(&self, site: &Site) -> bool {
        let first = &self.cites[0].evidence(site).title;
        self.cites
            .iter()
            .any(|c| !same_title(&c.evidence(site).title, first))
    }
}

/// Titles compared without regard to case and spacing.
pub fn same_title(a: &str, b: &str) -> bool {
    let mut x = a
        .split_whitespace()
        .flat_map(str::chars)
        .flat_map(char::to_lowercase);
    let mut y = b
        .split_whitespace()
        .flat_map(str::chars)
        .flat_map(char::to_lowercase);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (a, b) if a == b => {}
            _ => return false,
        }
    }
}

fn key_of(e: &Evidence) -> (DocKey, Option<DocNumber>) {
    match &e.number {
        Some(number) => match docnum::parse(number) {
            Ok(d) => (docnum::key(&d, e.date), Some(d)),
            Err(_) => {
                let norm: String = number
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .flat_map(char::to_uppercase)
                    .collect();
                (
                    (norm, String::new(), e.date.map(|d| i32::from(d.year()))),
                    None,
                )
            }
        },
        None => {
            let what = e.url.as_deref().or(e.file.as_deref()).unwrap_or(&e.title);
            ((format!("#{what}"), String::new(), None), None)
        }
    }
}

/// Every evidence entry of the site (each assessment's decision first, then
/// its nodes' entries), with where it stands.
pub fn cites(site: &Site) -> impl Iterator<Item = (Cite, &Evidence)> {
    site.assessments.iter().enumerate().flat_map(|(ai, a)| {
        let decision = a.front.decision.iter().map(move |e| {
            let cite = Cite {
                assessment: ai,
                node: None,
                entry: 0,
            };
            (cite, e)
        });
        let nodes = a.nodes.iter().enumerate().flat_map(move |(ni, n)| {
            n.front.evidence.iter().enumerate().map(move |(ei, e)| {
                let cite = Cite {
                    assessment: ai,
                    node: Some(ni),
                    entry: ei,
                };
                (cite, e)
            })
        });
        decision.chain(nodes)
    })
}

/// [`groups`], computed at most once per model (the checks leave theirs).
pub fn grouped(site: &Site) -> &[Group] {
    site.doc_groups.get_or_init(|| groups(site))
}

/// Every cited document in the order of the documents page and the search
/// list: Vietnamese alphabetical order of the first citation's title, ties
/// by first citation. Sorted once per model.
pub fn by_title(site: &Site) -> Vec<&Group> {
    let groups = grouped(site);
    let order = site.doc_order.get_or_init(|| {
        use rayon::prelude::*;
        // Sort keys made once per title (in parallel), then compared as
        // bytes: comparing the titles themselves with the collator at each
        // step of the sort made it the costliest step of the search stage.
        let c = crate::base::collate::Collator::new();
        let keys: Vec<Vec<u8>> = groups
            .par_iter()
            .map(|g| c.key(&g.cites[0].evidence(site).title))
            .collect();
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by(|&x, &y| keys[x].cmp(&keys[y]));
        order
    });
    order.iter().map(|&i| &groups[i]).collect()
}

/// Every cited document, in a deterministic order (by first citation).
pub fn groups(site: &Site) -> Vec<Group> {
    use rayon::prelude::*;
    use std::collections::hash_map::Entry;
    // Parsing each number is most of the work, and independent: in parallel;
    // then grouped in citation order, so each group's citations stay sorted.
    let cites: Vec<(Cite, &Evidence)> = cites(site).collect();
    let keyed: Vec<(Cite, DocKey, Option<DocNumber>)> = cites
        .into_par_iter()
        .map(|(cite, e)| {
            let (key, parsed) = key_of(e);
            (cite, key, parsed)
        })
        .collect();
    // Sized up front: growing a map of 35,000 string keys rehashes them all.
    let mut by_key: HashMap<DocKey, Group> = HashMap::with_capacity(keyed.len());
    for (cite, key, parsed) in keyed {
        match by_key.entry(key) {
            Entry::Occupied(mut o) => o.get_mut().cites.push(cite),
            Entry::Vacant(v) => {
                let key = v.key().clone();
                v.insert(Group {
                    key,
                    parsed,
                    cites: vec![cite],
                });
            }
        }
    }
    let mut groups: Vec<Group> = by_key.into_values().collect();
    // First citations are distinct, so the order is total.
    groups.sort_unstable_by_key(|g| g.cites[0]);
    groups
}

/// Document numbers that do not parse, or parse with a likely typo (QD for
/// QĐ): each citation with the message (W503).
pub fn number_problems(site: &Site, groups: &[Group]) -> Vec<(Cite, Msg)> {
    let mut out = Vec::new();
    for g in groups {
        let Some(number) = &g.cites[0].evidence(site).number else {
            continue;
        };
        let problem = match &g.parsed {
            Some(d) => d.warning.clone(),
            None => docnum::parse(number)
                .err()
                .map(|problem| msg!("W503-not-a-number", problem = problem)),
        };
        if let Some(p) = problem {
            out.extend(g.cites.iter().map(|c| (*c, p.clone())));
        }
    }
    out
}

pub fn date_list(site: &Site, g: &Group) -> Vec<Date> {
    let mut v: Vec<Date> = g
        .cites
        .iter()
        .filter_map(|c| c.evidence(site).date)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The number a document group is shown with: normalised when it parses,
/// as written otherwise, empty when it has none.
pub fn group_number(site: &Site, g: &Group) -> String {
    g.parsed
        .as_ref()
        .map(|d| d.normalized.clone())
        .or_else(|| g.cites[0].evidence(site).number.clone())
        .unwrap_or_default()
}

/// The anchor of a document's row on the documents page (`/van-ban/`):
/// its number (or title when it has none) and year, as a slug.
pub fn group_anchor(site: &Site, g: &Group) -> String {
    let number = group_number(site, g);
    let first = g.cites[0].evidence(site);
    doc_anchor(
        if number.trim().is_empty() {
            &first.title
        } else {
            &number
        },
        g.key.2,
    )
}

fn doc_anchor(number_or_title: &str, year: Option<i32>) -> String {
    match year {
        Some(y) => format!("vb-{}-{y}", crate::base::vi::slugify(number_or_title)),
        None => format!("vb-{}", crate::base::vi::slugify(number_or_title)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_anchors_are_slugs() {
        assert_eq!(doc_anchor("55/TB-SKHCN", Some(2023)), "vb-55-tb-skhcn-2023");
        assert_eq!(
            doc_anchor("Báo cáo tự đánh giá", None),
            "vb-bao-cao-tu-danh-gia"
        );
    }
}
