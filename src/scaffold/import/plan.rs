//! What an import writes: for a new year, its whole tree in the layout of
//! docs/format.md (an area's folder `content/<year>/<id>-<slug>/` with its
//! `_index.md`, its criteria beside it as `<id>.md`); for a year that
//! exists, the titles and maxima that differ, changed in place (nothing
//! else of the file touched), and the criteria it lacks, each beside its
//! parent's file. Criteria of the year that the table lacks are listed,
//! never deleted.

use super::edit;
use super::messages;
use super::rows::Item;
use super::tree::Tree;
use crate::base::i18n::Msg;
use crate::base::id::NodeId;
use crate::base::score::Score;
use crate::base::vi;
use crate::error::Error;
use crate::load::config::Config;
use crate::model::frontmatter::{self, RawAssessment, RawNode};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// A node of the year as it is on disk.
pub struct OnDisk {
    pub rel: String,
    pub title: String,
    pub max: Score,
}

/// The year as it is, when it exists.
pub struct Year {
    pub index_rel: String,
    /// `max:` of `_index.md`, when it gives one.
    pub max: Option<Score>,
    pub nodes: BTreeMap<NodeId, OnDisk>,
}

/// A file replaced whole by its edited text.
pub struct Edit {
    pub rel: String,
    pub before: Vec<u8>,
    pub after: Vec<u8>,
}

#[derive(Default)]
pub struct Plan {
    /// New files (path from the root, text), in writing order.
    pub new_files: Vec<(String, String)>,
    /// Edited files, in writing order (`_index.md` last).
    pub edits: Vec<Edit>,
    /// Each changed file and what changed in it.
    pub changed: Vec<(String, Vec<Msg>)>,
    /// Files of the year whose node the table lacks, with its id.
    pub removed: Vec<(String, String)>,
    pub notes: Vec<Msg>,
}

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// An area's folder name: its id and the first words of its title.
fn folder(item: &Item) -> String {
    let slug = vi::slugify(&item.title);
    let mut short = String::new();
    for word in slug.split('-') {
        if !short.is_empty() && short.len() + 1 + word.len() > 40 {
            break;
        }
        if !short.is_empty() {
            short.push('-');
        }
        short.push_str(word);
    }
    if short.is_empty() {
        item.id.to_string()
    } else {
        format!("{}-{short}", item.id)
    }
}

/// One line of a table's text as a Markdown list item's text: its own
/// bullet dropped, and what Markdown would read as markup escaped.
fn md_line(s: &str) -> String {
    let s = s
        .strip_prefix(['-', '+', '•', '*', '–', '·'])
        .map_or(s, str::trim_start);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    // `1.` or `1)` at the start would open a numbered list.
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

fn section(body: &mut String, heading: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(body, "\n## {heading}\n\n");
    for l in lines {
        let _ = writeln!(body, "- {}", md_line(l));
    }
}

/// The text of a new node's file.
fn node_text(rel: &str, item: &Item, unit: Option<&str>) -> String {
    let mut t = String::from("---\n");
    t.push_str(&crate::scaffold::schema_line(
        rel,
        crate::schema::Kind::Criterion,
    ));
    let _ = writeln!(t, "id: {}", q(&item.id.to_string()));
    let _ = writeln!(t, "title: {}", q(&item.title));
    if let Some(l) = &item.label {
        let _ = writeln!(t, "label: {}", q(l));
    }
    let _ = writeln!(t, "max: {}", item.max.to_plain());
    if let Some(u) = unit {
        let _ = writeln!(t, "unit: {}", q(u));
    }
    t.push_str("evidence: []\n---\n");
    section(&mut t, "Hướng dẫn chấm điểm", &item.guide);
    section(&mut t, "Tài liệu kiểm chứng", &item.evidence);
    section(&mut t, "Ghi chú", &item.notes);
    t
}

/// The id of the unit of site.toml a cell names by its id or its name,
/// tone marks and case aside.
fn unit_id<'a>(config: &'a Config, shown: &str) -> Option<&'a str> {
    let key = super::header::norm(shown);
    config
        .units
        .iter()
        .find(|u| super::header::norm(&u.id) == key || super::header::norm(&u.name) == key)
        .map(|u| u.id.as_str())
}

fn parent_dir(rel: &str) -> String {
    rel.rsplit_once('/').map_or("", |(d, _)| d).to_string()
}

/// The new files of the table's nodes that the year lacks (all of them for
/// a new year), each beside its parent's file, an area in its own folder.
fn new_nodes(
    tree: &Tree,
    year: i32,
    on_disk: &BTreeMap<NodeId, OnDisk>,
    config: &Config,
    plan: &mut Plan,
) {
    let mut placed: BTreeMap<NodeId, String> = on_disk
        .iter()
        .map(|(id, n)| (id.clone(), n.rel.clone()))
        .collect();
    for item in &tree.items {
        if on_disk.contains_key(&item.id) {
            continue;
        }
        let rel = match item.id.parent().and_then(|p| placed.get(&p)) {
            Some(parent) => format!("{}/{}.md", parent_dir(parent), item.id),
            None => format!("content/{year}/{}/_index.md", folder(item)),
        };
        let unit = item.unit.as_ref().and_then(|(shown, cell)| {
            let id = unit_id(config, shown);
            if id.is_none() {
                plan.notes.push(messages::unknown_unit(cell, shown));
            }
            id
        });
        plan.new_files
            .push((rel.clone(), node_text(&rel, item, unit)));
        placed.insert(item.id.clone(), rel);
    }
}

/// Plans a new year.
pub fn new_year(tree: &Tree, year: i32, config: &Config) -> Plan {
    let mut plan = Plan::default();
    new_nodes(tree, year, &BTreeMap::new(), config, &mut plan);
    // `_index.md` last: a year cut short by a kill has none, which `check`
    // reports.
    let rel = format!("content/{year}/_index.md");
    let text = crate::scaffold::assessment_index(&rel, year, tree.max);
    plan.new_files.push((rel, text));
    plan
}

/// The file's text with `title:` and `max:` set, checked by reading it
/// back: those two values as asked, every other value as before.
fn edited<T: serde::de::DeserializeOwned>(
    rel: &str,
    text: &str,
    changes: &[(&str, String)],
    read: impl Fn(&T) -> Vec<(&'static str, String)>,
) -> Result<String, Error> {
    let mut out = text.to_string();
    for (key, value) in changes {
        out = edit::replace(&out, key, value)
            .or_else(|| {
                (*key == "max")
                    .then(|| edit::append(&out, key, value))
                    .flatten()
            })
            .ok_or_else(|| messages::cannot_edit(rel, key))?;
    }
    let yaml = |t: &str| -> Option<(serde_json::Value, T)> {
        let f = crate::load::SourceFile {
            rel: rel.to_string(),
            text: t.into(),
        };
        let split = frontmatter::split(&f).ok()?;
        let value = serde_saphyr::from_str::<serde_json::Value>(split.yaml).ok()?;
        let typed = frontmatter::parse::<T>(&f, &split).ok()?;
        Some((value, typed))
    };
    let key = changes.first().map_or("title", |c| c.0);
    let (Some((mut a, _)), Some((mut b, typed))) = (yaml(text), yaml(&out)) else {
        return Err(messages::cannot_edit(rel, key));
    };
    for (k, _) in changes {
        for v in [&mut a, &mut b] {
            if let Some(o) = v.as_object_mut() {
                o.remove(*k);
            }
        }
    }
    let wanted: Vec<(&str, String)> = changes.iter().map(|(k, v)| (*k, v.clone())).collect();
    let got = read(&typed);
    let same = wanted.iter().all(|(k, v)| {
        got.iter().any(|(gk, gv)| {
            gk == k && (gv == v || Score::parse(gv).ok() == Score::parse(v).ok() && *k == "max")
        })
    });
    if a != b || !same {
        return Err(messages::cannot_edit(rel, key));
    }
    Ok(out)
}

/// The bytes of a file read for editing: its text without a byte order
/// mark, and the mark.
fn text_of(bytes: &[u8]) -> Option<(&'static str, String)> {
    let (bom, rest) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => ("\u{FEFF}", rest),
        None => ("", bytes),
    };
    std::str::from_utf8(rest).ok().map(|t| (bom, t.to_string()))
}

fn change_in(
    root: &std::path::Path,
    rel: &str,
    changes: Vec<(&str, String)>,
    what: Vec<Msg>,
    is_index: bool,
    plan: &mut Plan,
) -> Result<(), Error> {
    let path: PathBuf = root.join(rel);
    let before = crate::base::fsutil::read(&path)?;
    let (bom, text) = text_of(&before).ok_or_else(|| messages::cannot_edit(rel, "title"))?;
    let out = if is_index {
        edited::<RawAssessment>(rel, &text, &changes, |a| {
            let mut v = vec![("title", q(a.title.value.trim()))];
            if let Some(m) = &a.max {
                v.push(("max", m.value.0.clone()));
            }
            v
        })?
    } else {
        edited::<RawNode>(rel, &text, &changes, |n| {
            vec![
                ("title", q(n.title.value.trim())),
                ("max", n.max.value.0.clone()),
            ]
        })?
    };
    plan.edits.push(Edit {
        rel: rel.to_string(),
        before,
        after: format!("{bom}{out}").into_bytes(),
    });
    plan.changed.push((rel.to_string(), what));
    Ok(())
}

/// Plans the update of a year that exists: titles and maxima.
pub fn update(
    root: &std::path::Path,
    tree: &Tree,
    year: i32,
    existing: &Year,
    config: &Config,
) -> Result<Plan, Error> {
    let mut plan = Plan::default();
    new_nodes(tree, year, &existing.nodes, config, &mut plan);
    for item in &tree.items {
        let Some(n) = existing.nodes.get(&item.id) else {
            continue;
        };
        let mut changes = Vec::new();
        let mut what = Vec::new();
        if n.title != item.title {
            changes.push(("title", q(&item.title)));
            what.push(messages::title_change(&n.title, &item.title));
        }
        if n.max != item.max {
            changes.push(("max", item.max.to_plain()));
            what.push(messages::max_change(n.max, item.max));
        }
        if !changes.is_empty() {
            change_in(root, &n.rel, changes, what, false, &mut plan)?;
        }
    }
    let was = existing.max.unwrap_or(Score::from_int(100));
    if was != tree.max {
        change_in(
            root,
            &existing.index_rel,
            vec![("max", tree.max.to_plain())],
            vec![messages::max_change(was, tree.max)],
            true,
            &mut plan,
        )?;
    }
    let in_table: std::collections::HashSet<&NodeId> = tree.items.iter().map(|i| &i.id).collect();
    for (id, n) in &existing.nodes {
        if !in_table.contains(id) {
            plan.removed.push((n.rel.clone(), id.to_string()));
        }
    }
    Ok(plan)
}
