//! Stage 3, check: computes every score of every tree and checks the rules
//! of FORMAT.md §5 that span files (2, 3, 4, 6, 7, 8, 9, 10). Rules 1 and 5
//! are checked per file in `model.rs`.

use crate::base::diag::{self, Diagnostic};
use crate::base::score::Score;
use crate::base::vi;
use crate::load::Asset;
use crate::model::documents;
use crate::model::file::Evidence;
use crate::model::frontmatter::Loc;
use crate::model::site::{Assessment, Site};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

fn error(file: &str, loc: Loc, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::error(file, msg).located(loc.line, loc.col)
}

fn warning(file: &str, loc: Loc, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::warning(file, msg).located(loc.line, loc.col)
}

/// What check needs to know of the files on disk, gathered by load.
pub struct FileIndex<'a> {
    pub root: &'a Path,
    /// Set when an evidence file was looked up on disk outside content/ and
    /// static/: such a site is not memoised across rebuilds (see pipeline).
    pub looked_on_disk: std::cell::Cell<bool>,
    pub content_assets: HashMap<&'a str, &'a Asset>,
    pub static_files: HashSet<&'a str>,
}

impl<'a> FileIndex<'a> {
    pub fn new(root: &'a Path, content_assets: &'a [Asset], static_files: &'a [Asset]) -> Self {
        FileIndex {
            root,
            looked_on_disk: std::cell::Cell::new(false),
            content_assets: content_assets.iter().map(|a| (a.rel.as_str(), a)).collect(),
            static_files: static_files.iter().map(|a| a.rel.as_str()).collect(),
        }
    }
}

pub fn check(site: &mut Site, files: &FileIndex, diags: &mut Vec<Diagnostic>) {
    let unit_ids: Vec<String> = site.config.units.iter().map(|u| u.id.clone()).collect();
    let base_path = site.config.base_path.clone();
    for a in &mut site.assessments {
        if a.incomplete {
            // Sums over a tree with files missing: computed for the node
            // states, not reported (see `Assessment::incomplete`).
            compute_scores(a, &mut Vec::new());
        } else {
            let before = diags.len();
            compute_scores(a, diags);
            let tree_ok = !diags[before..].iter().any(Diagnostic::is_error);
            check_totals(a, tree_ok, diags);
        }
        check_units(a, &unit_ids, diags);
        check_evidence(a, diags);
        link_evidence(a, files, &base_path, &mut site.copies, diags);
    }
    check_documents(site, diags);
}

/// Rules 2, 3 and 6: children before parents (reverse id order), each
/// node's effective score, applicable max and points lost.
fn compute_scores(a: &mut Assessment, diags: &mut Vec<Diagnostic>) {
    // Rule 6, top-down: a node is in scope when it and its ancestors apply.
    for i in 0..a.nodes.len() {
        let parent_in = a.nodes[i].parent.is_none_or(|p| a.nodes[p].in_scope);
        a.nodes[i].in_scope = parent_in && a.nodes[i].n.applicable.value;
    }
    for i in (0..a.nodes.len()).rev() {
        let children = a.nodes[i].children.clone();
        let node = &a.nodes[i];
        let file = node.file.clone();
        let max = node.n.max.value;
        let given = node.n.score.as_ref().map(|s| s.value);
        let given_loc = node.n.score.as_ref().map(|s| s.loc);
        let in_scope = node.in_scope;

        if !in_scope {
            let id = &node.n.id.value;
            let why = if node.n.applicable.value {
                format!("node {id} is under a node that is not applicable (không áp dụng)")
            } else {
                format!("node {id} is not applicable (không áp dụng)")
            };
            // The fields that give it a score: `ratio`, and `score` unless it
            // was computed from the ratio (then it sits at the ratio).
            let ratio = node.n.ratio.as_ref();
            let written = ratio
                .map(|r| (r.loc, format!("ratio: [{}, {}]", r.value.0, r.value.1)))
                .into_iter()
                .chain(
                    node.n
                        .score
                        .as_ref()
                        .filter(|s| ratio.is_none_or(|r| r.loc != s.loc))
                        .map(|s| (s.loc, format!("score: {}", s.value.to_plain()))),
                );
            for (loc, field) in written {
                diags.push(error(
                    &file,
                    loc,
                    format!("{why}, so it carries no score; remove `{field}`"),
                ));
            }
            let children_max = children.iter().map(|&c| a.nodes[c].n.max.value).sum();
            let n = &mut a.nodes[i];
            n.score = None;
            n.self_score = None;
            n.lost = None;
            n.applicable_max = Score::ZERO;
            n.children_max = children_max;
            continue;
        }

        if children.is_empty() {
            let n = &mut a.nodes[i];
            n.score = given;
            n.self_score = n.n.self_score.as_ref().map(|s| s.value);
            n.applicable_max = max;
            n.lost = given.map(|s| max - s);
            continue;
        }

        let children_max: Score = children.iter().map(|&c| a.nodes[c].n.max.value).sum();
        let scored: Vec<usize> = children
            .iter()
            .copied()
            .filter(|&c| a.nodes[c].score.is_some())
            .collect();
        let child_sum: Score = scored.iter().filter_map(|&c| a.nodes[c].score).sum();
        let child_lost: Score = scored.iter().filter_map(|&c| a.nodes[c].lost).sum();
        let child_applicable: Score = children.iter().map(|&c| a.nodes[c].applicable_max).sum();
        let any_scored = !scored.is_empty();
        let id = node.n.id.value.clone();

        let mut score = given;
        let mut not_itemised = None;
        if children_max > max {
            diags.push(
                error(
                    &file,
                    node.n.max.loc,
                    format!(
                        "the children of {id} have maxima adding up to {}, more than its max {}",
                        children_max.to_plain(),
                        max.to_plain()
                    ),
                )
                .with_help(children_list(a, &children)),
            );
        } else if children_max == max {
            match (given, any_scored) {
                (Some(g), true) if g != child_sum => diags.push(
                    error(
                        &file,
                        given_loc.unwrap_or_default(),
                        format!(
                            "score {} of {id} is not the sum of its children's scores, {}",
                            g.to_plain(),
                            child_sum.to_plain()
                        ),
                    )
                    .with_help(format!(
                        "leave `score` out to have it computed, or correct the children: {}",
                        children_list(a, &children)
                    )),
                ),
                (None, true) => score = Some(child_sum),
                _ => {}
            }
        } else {
            let diff = max - children_max;
            not_itemised = Some(diff);
            match (given, any_scored) {
                (None, true) => diags.push(
                    error(
                        &file,
                        node.n.max.loc,
                        format!(
                            "the children of {id} have maxima adding up to {} of its max {}; give {id} its own `score:` (the {} not itemised is shown as such)",
                            children_max.to_plain(),
                            max.to_plain(),
                            diff.to_plain()
                        ),
                    )
                    .with_help(format!(
                        "its score must lie between {} (the children's sum) and {}",
                        child_sum.to_plain(),
                        (child_sum + diff).to_plain()
                    )),
                ),
                (Some(g), true) if g < child_sum || g > child_sum + diff => diags.push(error(
                    &file,
                    given_loc.unwrap_or_default(),
                    format!(
                        "score {} of {id} must lie between {} (its children's sum) and {} (that sum plus the {} not itemised)",
                        g.to_plain(),
                        child_sum.to_plain(),
                        (child_sum + diff).to_plain(),
                        diff.to_plain()
                    ),
                )),
                _ => {}
            }
        }
        let applicable_max = child_applicable + not_itemised.unwrap_or(Score::ZERO);
        let lost = match score {
            None => None,
            Some(s) if any_scored => {
                let unitemised_score = s - child_sum;
                Some(child_lost + (not_itemised.unwrap_or(Score::ZERO) - unitemised_score))
            }
            Some(s) => Some(applicable_max - s),
        };
        let self_sum: Vec<Score> = children
            .iter()
            .filter(|&&c| a.nodes[c].in_scope)
            .filter_map(|&c| a.nodes[c].self_score)
            .collect();
        let n = &mut a.nodes[i];
        n.children_max = children_max;
        n.not_itemised = not_itemised;
        n.score = score;
        n.applicable_max = applicable_max;
        n.lost = lost;
        n.self_score = n.n.self_score.as_ref().map(|s| s.value).or_else(|| {
            (not_itemised.is_none() && !self_sum.is_empty()).then(|| self_sum.iter().sum())
        });
    }
}

fn children_list(a: &Assessment, children: &[usize]) -> String {
    let parts: Vec<String> = children
        .iter()
        .map(|&c| {
            let n = &a.nodes[c];
            format!(
                "{} (max {}{})",
                n.n.id.value,
                n.n.max.value.to_plain(),
                n.score
                    .map(|s| format!(", score {}", s.to_plain()))
                    .unwrap_or_default()
            )
        })
        .collect();
    parts.join(", ")
}

/// Rule 4 and the assessment's max: areas add up to the published figures.
/// The total is compared only when the tree has no error (`tree_ok`): a
/// wrong or missing area score would make it look wrong too.
fn check_totals(a: &mut Assessment, tree_ok: bool, diags: &mut Vec<Diagnostic>) {
    let roots = a.roots.clone();
    let scored: Vec<usize> = roots
        .iter()
        .copied()
        .filter(|&r| a.nodes[r].score.is_some())
        .collect();
    a.score = (!scored.is_empty()).then(|| scored.iter().filter_map(|&r| a.nodes[r].score).sum());
    a.lost = (!scored.is_empty()).then(|| scored.iter().filter_map(|&r| a.nodes[r].lost).sum());
    a.applicable_max = roots.iter().map(|&r| a.nodes[r].applicable_max).sum();
    if roots.is_empty() {
        a.applicable_max = a.a.max.value;
        return;
    }
    let max_sum: Score = roots.iter().map(|&r| a.nodes[r].n.max.value).sum();
    if max_sum != a.a.max.value {
        let detail: Vec<String> = roots
            .iter()
            .map(|&r| {
                format!(
                    "{} {}",
                    a.nodes[r].n.id.value,
                    a.nodes[r].n.max.value.to_plain()
                )
            })
            .collect();
        let msg = format!(
            "the areas' maxima add up to {}, but the assessment's max is {}",
            max_sum.to_plain(),
            a.a.max.value.to_plain()
        );
        let areas = format!("areas: {}", detail.join(", "));
        diags.push(if a.a.max_given {
            error(&a.file, a.a.max.loc, msg).with_help(areas)
        } else {
            Diagnostic::error(
                &a.file,
                format!("{msg} (the default: the file gives no `max:`)"),
            )
            .with_help(format!(
                "{areas}; write `max: {}` if that is the published maximum",
                max_sum.to_plain()
            ))
        });
    }
    if let Some(total) = &a.a.total
        && tree_ok
    {
        match a.score {
            Some(sum) if sum != total.value => diags.push(
                error(
                    &a.file,
                    total.loc,
                    format!(
                        "total {} is not the sum of the areas' scores, {}",
                        total.value.to_plain(),
                        sum.to_plain()
                    ),
                )
                .with_help(format!(
                    "differs by {}; check the areas' scores against the published table",
                    (total.value - sum).abs().to_plain()
                )),
            ),
            None => diags.push(error(
                &a.file,
                total.loc,
                format!(
                    "total {} is given but no area of {} has a score to add up",
                    total.value.to_plain(),
                    a.year
                ),
            )),
            _ => {}
        }
    }
}

/// Rule 7: units named in content exist in site.toml.
fn check_units(a: &Assessment, units: &[String], diags: &mut Vec<Diagnostic>) {
    let unknown = |file: &str, loc: Loc, id: &str| {
        let mut d = error(
            file,
            loc,
            format!("unit `{id}` is not declared in site.toml"),
        );
        let list = if units.is_empty() {
            "site.toml declares no [[units]]".to_string()
        } else {
            format!("declared units: {}", units.join(", "))
        };
        d = d.with_help(match diag::nearest(id, units.iter().map(String::as_str)) {
            Some(n) => format!("did you mean `{n}`? ({list})"),
            None => list,
        });
        d
    };
    for n in &a.nodes {
        if let Some(u) = &n.n.unit
            && !units.contains(&u.value)
        {
            diags.push(unknown(&n.file, u.loc, &u.value));
        }
    }
    for t in a.all_tasks() {
        if let Some(u) = &t.unit
            && !units.contains(u)
        {
            diags.push(unknown(&t.file, t.unit_loc.unwrap_or(t.loc), u));
        }
    }
}

/// Rule 9: scored leaves without evidence or explanation; evidence dated
/// after the decision.
fn check_evidence(a: &mut Assessment, diags: &mut Vec<Diagnostic>) {
    let limit = a.evidence_limit();
    let limit_what = if a.a.decision.as_ref().and_then(|d| d.date).is_some() {
        "the date of the decision that published the results"
    } else {
        "the end of the assessed year"
    };
    for n in &mut a.nodes {
        if !n.in_scope {
            continue;
        }
        if n.n.explanation.is_none()
            && let Some(s) = n.scored_without_evidence()
        {
            diags.push(
                warning(
                    &n.file,
                    s.loc,
                    format!(
                        "{} is scored {} but has no evidence and no explanation (không có tài liệu kiểm chứng)",
                        n.n.id.value,
                        s.value.to_plain()
                    ),
                )
                .with_help("add the documents under `evidence:`, or say why under `explanation:`"),
            );
            n.warnings.push(format!(
                "Có điểm ({}) nhưng không có tài liệu kiểm chứng và không có giải trình.",
                s.value.to_vi()
            ));
        }
        for e in &n.n.evidence {
            if let Some(date) = e.date
                && date > limit
            {
                diags.push(warning(
                    &n.file,
                    e.date_loc.unwrap_or(e.loc),
                    format!(
                        "evidence «{}» is dated {}, after {} ({})",
                        e.title,
                        vi::date_iso(date),
                        limit_what,
                        vi::date_iso(limit)
                    ),
                ));
                n.warnings.push(format!(
                    "Tài liệu «{}» ngày {} được ban hành sau {} ({}).",
                    e.title,
                    vi::date_short(date),
                    if limit_what.starts_with("the date") {
                        "ngày quyết định công bố kết quả"
                    } else {
                        "năm đánh giá"
                    },
                    vi::date_short(limit)
                ));
            }
        }
    }
}

/// Lexically joins a relative path, refusing one that climbs above `root`.
fn join_inside(base: &Path, rel: &str) -> Option<PathBuf> {
    let mut out: Vec<String> = base
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    for part in rel.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p.to_string()),
        }
    }
    Some(out.iter().collect())
}

/// Why a `file:` value cannot be a path of the site, if it cannot: a
/// Windows drive or network path, a URL (`file://`, `javascript:`,
/// `https:`), or control characters. Paths climbing out with `..` are
/// caught by [`join_inside`]; `/x` means static/x.
fn not_a_site_path(f: &str) -> Option<&'static str> {
    let b = f.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
        return Some("a path on a computer's drive (C:\\…)");
    }
    if f.starts_with("\\\\") || f.starts_with("//") {
        return Some("a network path");
    }
    if let Some((scheme, _)) = f.split_once(':')
        && !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return Some("a URL, not a file of the site");
    }
    if f.chars().any(char::is_control) {
        return Some("not a file name (it holds control characters)");
    }
    None
}

/// Percent-encodes a path for an href, keeping `/`.
pub fn href_escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Rule 8: local evidence files exist, stay inside the site, and are copied
/// next to the node's page; links are computed for every entry.
fn link_evidence(
    a: &mut Assessment,
    files: &FileIndex,
    base_path: &str,
    copies: &mut BTreeMap<String, PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let year = a.year;
    let mut decision = a.a.decision.take();
    if let Some(d) = &mut decision {
        let out_dir = format!("{year}/");
        link_one(d, &a.file, &out_dir, files, base_path, copies, diags);
    }
    a.a.decision = decision;
    for n in &mut a.nodes {
        if n.n.evidence.iter().all(|e| e.file.is_none()) {
            continue;
        }
        let out_dir = n.url_path(year);
        let file = n.file.clone();
        for e in &mut Arc::make_mut(&mut n.n).evidence {
            link_one(e, &file, &out_dir, files, base_path, copies, diags);
        }
    }
}

fn link_one(
    e: &mut Evidence,
    md_file: &str,
    out_dir: &str,
    files: &FileIndex,
    base_path: &str,
    copies: &mut BTreeMap<String, PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(f) = e.file.clone() else {
        return;
    };
    let loc = e.file_loc.unwrap_or(e.loc);
    if let Some(why) = not_a_site_path(&f) {
        diags.push(
            error(
                md_file,
                loc,
                format!("evidence file {f} is {why}; expected a path inside the site folder"),
            )
            .with_help(
                "copy the document into the site (beside the Markdown file) and write its \
                 relative path, e.g. `file: bc-120.pdf`; a web address goes under `url: https://…`",
            ),
        );
        return;
    }
    if let Some(stat) = f.strip_prefix('/') {
        if files.static_files.contains(stat) {
            e.href = Some(format!("{base_path}{}", href_escape(stat)));
        } else {
            diags.push(
                error(md_file, loc, format!("evidence file {f} does not exist: a file starting with / is looked up in static/, and static/{stat} is missing"))
                    .with_help("put the document in static/ or beside the Markdown file and write its relative path"),
            );
        }
        return;
    }
    let md_dir = Path::new(md_file).parent().unwrap_or(Path::new(""));
    let Some(resolved) = join_inside(md_dir, &f) else {
        diags.push(error(
            md_file,
            loc,
            format!("evidence file {f} leaves the site folder; expected a path inside it"),
        ));
        return;
    };
    let rel: String = resolved
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    // Never publish what is hidden (.git/…) or editor debris, even inside
    // the site folder.
    if crate::base::fsutil::is_ignored_path(&resolved) {
        diags.push(error(
            md_file,
            loc,
            format!(
                "evidence file {f} is a hidden or temporary file ({rel}); it is never published"
            ),
        ));
        return;
    }
    let source = if let Some(asset) = files.content_assets.get(rel.as_str()) {
        // content/ is walked following links: refuse one that leads out.
        let inside = match (asset.abs.canonicalize(), files.root.canonicalize()) {
            (Ok(a), Ok(r)) => a.starts_with(r),
            _ => false,
        };
        if !inside {
            diags.push(error(
                md_file,
                loc,
                format!("evidence file {f} is a link to a file outside the site folder; copy the document into the site"),
            ));
            return;
        }
        Some(asset.abs.clone())
    } else if let Some(stat) = rel.strip_prefix("static/")
        && files.static_files.contains(stat)
    {
        e.href = Some(format!("{base_path}{}", href_escape(stat)));
        return;
    } else {
        files.looked_on_disk.set(true);
        // Elsewhere in the site folder (not content/ or static/): look on disk,
        // refusing symlinks that lead outside the root.
        let abs = files.root.join(&resolved);
        let inside = match (abs.canonicalize(), files.root.canonicalize()) {
            (Ok(a), Ok(r)) => a.starts_with(r) && a.is_file(),
            _ => false,
        };
        if !inside && abs.is_symlink() && abs.exists() {
            diags.push(error(
                md_file,
                loc,
                format!("evidence file {f} is a link to a file outside the site folder; copy the document into the site"),
            ));
            return;
        }
        inside.then_some(abs)
    };
    let Some(source) = source else {
        diags.push(
            error(
                md_file,
                loc,
                format!("evidence file {f} does not exist (looked for {rel})"),
            )
            .with_help("check the file name; paths are relative to the Markdown file"),
        );
        return;
    };
    // Beside the node's page, under the name it was cited by (or just the
    // file name when the path climbs with ..).
    let name = if f.split(['/', '\\']).any(|p| p == ".." || p == ".") {
        resolved
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        f.replace('\\', "/")
    };
    let out = format!("{out_dir}{name}");
    if let Some(prev) = copies.get(&out)
        && *prev != source
    {
        diags.push(error(
            md_file,
            loc,
            format!("evidence file {f} would be copied to /{out}, where another file already goes; rename one of them"),
        ));
        return;
    }
    copies.insert(out.clone(), source);
    e.href = Some(format!("{base_path}{}", href_escape(&out)));
}

/// Rule 10: one document (number, issuer, year) cited with different
/// dates or titles. Also: a document number that does not parse, or looks
/// like a typo (QD for QĐ), is a warning at its line.
fn check_documents(site: &mut Site, diags: &mut Vec<Diagnostic>) {
    let mut node_warnings: Vec<(usize, usize, String)> = Vec::new();
    let groups = documents::groups(site);
    for (cite, msg) in documents::number_problems(site, &groups) {
        let e = cite.evidence(site);
        diags.push(
            warning(cite.file(site), e.number_loc.unwrap_or(e.loc), msg).with_help(
                "write it as on the document, e.g. 55/TB-SKHCN, 3859/QĐ-UBND or 30/2020/NĐ-CP",
            ),
        );
        // Reviewers see it on the node's page too, like every warning.
        if let (Some(ni), Some(number)) = (cite.node, &e.number) {
            let msg_vi = if crate::base::docnum::parse(number).is_err() {
                format!(
                    "Số, ký hiệu «{number}» của tài liệu «{}» không đúng dạng (như 55/TB-SKHCN, 30/2020/NĐ-CP); cần ghi đúng như trên văn bản.",
                    e.title
                )
            } else {
                format!(
                    "Số, ký hiệu «{number}» của tài liệu «{}» có thể gõ nhầm (D thay cho Đ); cần ghi đúng như trên văn bản.",
                    e.title
                )
            };
            node_warnings.push((cite.assessment, ni, msg_vi));
        }
    }
    for g in &groups {
        if g.key.0.starts_with('#') || g.cites.len() < 2 {
            continue;
        }
        let (dates, titles) = (g.dates_differ(site), g.titles_differ(site));
        let (what, what_vi) = match (dates, titles) {
            (false, false) => continue,
            (true, true) => ("different dates and titles", "ngày ban hành và trích yếu"),
            (true, false) => ("different dates", "ngày ban hành"),
            (false, true) => ("different titles", "trích yếu"),
        };
        let mut variants: Vec<String> = g
            .cites
            .iter()
            .map(|c| {
                let e = c.evidence(site);
                format!(
                    "{}:{} «{}»{}",
                    c.file(site),
                    e.number_loc.unwrap_or(e.loc).line,
                    e.title,
                    e.date
                        .map(|d| format!(" {}", vi::date_iso(d)))
                        .unwrap_or_default()
                )
            })
            .collect();
        variants.dedup();
        let help = format!("citations: {}", variants.join("; "));
        let number = g.cites[0].evidence(site).number.clone().unwrap_or_default();
        let msg_vi = format!(
            "Văn bản số {number} được dẫn với {what_vi} khác nhau; cần thống nhất với bản gốc."
        );
        for c in &g.cites {
            let e = c.evidence(site);
            diags.push(
                warning(
                    c.file(site),
                    e.number_loc.unwrap_or(e.loc),
                    format!("document {number} is cited with {what}"),
                )
                .with_help(help.clone()),
            );
            if let Some(ni) = c.node {
                node_warnings.push((c.assessment, ni, msg_vi.clone()));
            }
        }
    }
    for (ai, ni, msg) in node_warnings {
        let w = &mut site.assessments[ai].nodes[ni].warnings;
        if !w.contains(&msg) {
            w.push(msg);
        }
    }
    // The evidence is final here (this is the last check): the documents
    // page and the search index use these groups instead of grouping again.
    site.doc_groups = crate::model::site::Derived::new(groups);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_stay_inside() {
        assert_eq!(
            join_inside(Path::new("content/2022/a"), "../b/x.pdf"),
            Some(PathBuf::from("content/2022/b/x.pdf"))
        );
        assert_eq!(
            join_inside(Path::new("content/2022"), "../../../x.pdf"),
            None
        );
        assert_eq!(
            join_inside(Path::new("content/2022"), "./x.pdf"),
            Some(PathBuf::from("content/2022/x.pdf"))
        );
    }

    #[test]
    fn file_values_that_are_no_site_path() {
        for bad in [
            "C:\\Users\\vp\\bc.pdf",
            "d:/tai-lieu/bc.pdf",
            "\\\\server\\share\\bc.pdf",
            "//server/share/bc.pdf",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "https://example.gov.vn/bc.pdf",
            "bc\u{0}.pdf",
        ] {
            assert!(not_a_site_path(bad).is_some(), "{bad:?}");
        }
        for ok in [
            "bc-120.pdf",
            "../tai-lieu/bc.pdf",
            "/van-ban/bc.pdf",
            "báo cáo: quý 1.pdf",
        ] {
            assert_eq!(not_a_site_path(ok), None, "{ok:?}");
        }
    }

    #[test]
    fn hrefs_are_escaped() {
        assert_eq!(
            href_escape("2022/1-2/báo cáo.pdf"),
            "2022/1-2/b%C3%A1o%20c%C3%A1o.pdf"
        );
    }
}
