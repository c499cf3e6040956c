//! Stage 3, check: the rules of docs/format.md that span files, one file
//! per rule: [`totals`] (4), [`units`] (7), [`links`] (8), [`evidence`] (9)
//! and [`documents`] (10). Rules 1 and 5 are checked per file by
//! [`crate::model::parse`]; rules 2, 3 and 6, which derive the scores, by
//! [`crate::model::scores`], which runs first.

mod documents;
mod evidence;
mod links;
mod totals;
mod units;

use crate::base::diag::{Diagnostic, Loc};
use crate::base::i18n::Msg;
use crate::load::Asset;
use crate::model::site::Site;
use std::collections::{HashMap, HashSet};
use std::path::Path;

fn error(file: &str, loc: Loc, msg: Msg) -> Diagnostic {
    Diagnostic::error(file, msg).at_loc(loc)
}

fn warning(file: &str, loc: Loc, msg: Msg) -> Diagnostic {
    Diagnostic::warning(file, msg).at_loc(loc)
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
        if !a.incomplete {
            totals::check(a, diags);
        }
        units::check(a, &unit_ids, diags);
        evidence::check(a, diags);
        links::link_evidence(a, files, &base_path, &mut site.copies, diags);
    }
    documents::check(site, diags);
}
