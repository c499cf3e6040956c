//! `kiemchung import <year> <file>`: a year's tree from the province's
//! criteria table (Bộ chỉ số), as staff have it in Excel, LibreOffice or
//! CSV.
//!
//! The steps, each in its own file: read the sheets (`sheet.rs`, `ods.rs`),
//! find the header by its Vietnamese names (`header.rs`), read the rows
//! into items (`rows.rs`), check them as a tree (`tree.rs`), plan the files
//! (`plan.rs`, `edit.rs`). Then the planned tree is checked as `check` would
//! check it on disk ([`crate::pipeline::check_as_if`]), and only then is
//! anything written, through the one writer of content files
//! ([`fsutil::write_new_files`], [`fsutil::write_whole`]). A refusal
//! writes nothing and names the cell (`Sheet1!C14`); its messages are all
//! in `messages.rs`.

mod edit;
mod header;
mod messages;
mod ods;
mod plan;
mod rows;
mod sheet;
mod tree;

use super::Failure;
use crate::base::diag::Diagnostic;
use crate::base::fsutil;
use crate::base::i18n::Msg;
use crate::base::score::Score;
use crate::error::Error;
use crate::load;
use crate::model::file::Kind;
use crate::model::markdown::MarkdownSettings;
use crate::pipeline::{self, BuildOptions, Today};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct Args {
    pub root: PathBuf,
    pub year: i32,
    pub file: PathBuf,
    pub sheet: Option<String>,
    pub dry_run: bool,
}

/// What an import did, or with `--dry-run` would do.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Where the table was read: the sheet and the header's first cell.
    pub header: String,
    pub areas: usize,
    pub criteria: usize,
    pub max: Score,
    /// Paths from the root.
    pub added: Vec<String>,
    pub changed: Vec<(String, Vec<Msg>)>,
    pub removed: Vec<(String, String)>,
    pub notes: Vec<Msg>,
    /// The files written, in order (none on a dry run).
    pub written: Vec<PathBuf>,
}

/// The table's tree and where its header is.
fn read_table(args: &Args, year: i32, given: tree::Given) -> Result<(tree::Tree, String), Error> {
    let mut grids = sheet::read(&args.file)?;
    let names: Vec<String> = {
        let mut n: Vec<String> = grids.iter().map(|g| g.sheet.clone()).collect();
        n.dedup();
        n
    };
    if let Some(want) = &args.sheet {
        grids.retain(|g| &g.sheet == want);
        if grids.is_empty() {
            return Err(messages::no_sheet(&args.file, want, &names));
        }
    }
    let Some((grid, h)) = grids.iter().find_map(|g| header::find(g).map(|h| (g, h))) else {
        let closest = grids
            .iter()
            .find_map(|g| header::closest(g).map(|(r, f)| (g.cell(r, 0), f)));
        return Err(messages::no_header(
            &args.file,
            &names,
            header::SEARCH_ROWS,
            closest,
        ));
    };
    let table = rows::read(grid, &h)?;
    let tree = tree::check(table, year, given)?;
    Ok((tree, grid.cell(h.row, h.id)))
}

/// The year on disk, when it exists: its nodes and `_index.md`'s max.
/// Refused when its files have errors.
fn year_on_disk(inputs: &load::Inputs, year: i32) -> Result<Option<plan::Year>, Error> {
    let index_rel = format!("content/{year}/_index.md");
    if !inputs.root.join(&index_rel).is_file() {
        if inputs.root.join(format!("content/{year}")).exists() {
            return Err(messages::folder_without_index(year));
        }
        return Ok(None);
    }
    let md = MarkdownSettings {
        base_path: "/".into(),
        unsafe_html: false,
        review: true,
    };
    let prefix = format!("content/{year}/");
    let mut errors = Vec::new();
    let mut out = plan::Year {
        index_rel,
        max: None,
        nodes: BTreeMap::new(),
    };
    for f in inputs.content.iter().filter(|f| f.rel.starts_with(&prefix)) {
        let p = crate::model::parse::parse_file(f, &md);
        if p.diagnostics.iter().any(Diagnostic::is_error) {
            errors.push(f.rel.clone());
            continue;
        }
        match p.kind {
            Some(Kind::Assessment(_, a)) => out.max = a.max_given.then_some(a.max.value),
            Some(Kind::Node(_, n)) => {
                out.nodes.insert(
                    n.id.value.clone(),
                    plan::OnDisk {
                        rel: f.rel.clone(),
                        title: n.title.clone(),
                        max: n.max.value,
                    },
                );
            }
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Err(messages::year_has_errors(year, &errors));
    }
    Ok(Some(out))
}

/// Checks the planned files as `check` would on disk: an error in a file
/// of the year refuses the import; others are only noted.
fn check_plan(root: &Path, year: i32, p: &plan::Plan, notes: &mut Vec<Msg>) -> Result<(), Error> {
    let mut overlay: Vec<(String, String)> = p.new_files.clone();
    for e in &p.edits {
        let text = load::decode(&e.rel, e.after.clone()).map_err(|d| Error::Site(vec![d]))?;
        overlay.push((e.rel.clone(), text));
    }
    let opts = BuildOptions {
        audience: crate::model::audience::Audience::Review,
        ..BuildOptions::new(root, Today::Now)
    };
    let Err(diags) = pipeline::check_as_if(&opts, &overlay) else {
        return Ok(());
    };
    let prefix = format!("content/{year}/");
    let (mine, others): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
        .into_iter()
        .filter(Diagnostic::is_error)
        .partition(|d| d.file.starts_with(&prefix));
    if !mine.is_empty() {
        return Err(messages::would_fail_check(year, mine));
    }
    if !others.is_empty() {
        notes.push(messages::other_errors(others.len()));
    }
    Ok(())
}

pub fn run(args: &Args) -> Result<Outcome, Failure> {
    let year = args.year;
    if !(1900..=9999).contains(&year) {
        return Err(messages::not_a_year(year).into());
    }
    let inputs = load::load(&args.root);
    let Some(config) = &inputs.config else {
        return Err(Error::Site(inputs.diagnostics.clone()).into());
    };
    let existing = year_on_disk(&inputs, year)?;
    let given = match existing.as_ref().and_then(|y| y.max) {
        Some(m) => tree::Given::Index(m),
        None => tree::Given::Default,
    };
    let (tree, header) = read_table(args, year, given)?;
    let mut p = match &existing {
        None => plan::new_year(&tree, year, config),
        Some(y) => plan::update(&args.root, &tree, year, y, config)?,
    };
    if let Some((rel, _)) = p.new_files.iter().find(|(r, _)| args.root.join(r).exists()) {
        return Err(messages::already_exists(rel).into());
    }
    let mut notes = tree.notes.clone();
    notes.append(&mut p.notes);
    check_plan(&args.root, year, &p, &mut notes)?;
    let mut outcome = Outcome {
        header,
        areas: tree.items.iter().filter(|i| i.id.depth() == 1).count(),
        criteria: tree.items.iter().filter(|i| i.id.depth() > 1).count(),
        max: tree.max,
        added: p.new_files.iter().map(|(r, _)| r.clone()).collect(),
        changed: p.changed.clone(),
        removed: p.removed.clone(),
        notes,
        written: Vec::new(),
    };
    if !p.new_files.is_empty()
        && let Some(note) = super::schema_note(&args.root)
    {
        outcome.notes.push(note);
    }
    if args.dry_run {
        return Ok(outcome);
    }
    write(&args.root, &p, &mut outcome.written)?;
    Ok(outcome)
}

/// Writes the plan: the new files (never over a file), then each edited
/// file whole, `_index.md` last; a file changed on disk since it was read
/// stops the writing.
fn write(root: &Path, p: &plan::Plan, written: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let new: Vec<(PathBuf, &str)> = p
        .new_files
        .iter()
        .map(|(rel, text)| (root.join(rel), text.as_str()))
        .collect();
    match fsutil::write_new_files(&new) {
        Ok(w) => written.extend(w),
        Err((w, e)) => {
            written.extend(w);
            return Err(Failure {
                error: e.into(),
                written: std::mem::take(written),
            });
        }
    }
    for e in &p.edits {
        let path = root.join(&e.rel);
        let stop = |error: Error, written: &mut Vec<PathBuf>| Failure {
            error,
            written: std::mem::take(written),
        };
        match fsutil::read(&path) {
            Ok(now) if now == e.before => {}
            Ok(_) => return Err(stop(messages::changed_meanwhile(&path), written)),
            Err(err) => return Err(stop(err.into(), written)),
        }
        if let Err(err) = fsutil::write_whole(&path, &e.after) {
            return Err(stop(err.into(), written));
        }
        written.push(path);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
