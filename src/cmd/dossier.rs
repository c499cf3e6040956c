//! `kiemchung dossier <year>`: drafts the documents the department signs
//! and submits for a year ([`crate::exports::dossier`]): the
//! self-assessment report and the results notice (.docx) and the evidence
//! package (.zip), written into a folder (ho-so/ by default), each file
//! whole or not at all.

use super::{Context, fail, labelled, print_diagnostics, say, tell, under};
use crate::base::fsutil::{self, human_size};
use crate::error::Error;
use crate::exports::dossier;
use crate::model::audience::Audience;
use crate::model::dossier::dossier_candidates;
use crate::msg;
use crate::pipeline::{self, BuildOptions, Today};
use std::path::PathBuf;
use std::process::ExitCode;

/// The evidence package's size above which the command warns, when
/// site.toml's `[documents] max_package_mb` does not say.
const MAX_PACKAGE_MB: u64 = 200;

pub fn run(
    cx: &Context,
    root: PathBuf,
    year: i32,
    output: Option<PathBuf>,
    today: Today,
) -> ExitCode {
    // What is sent outside is the public site's: nothing internal.
    let opts = BuildOptions {
        audience: Audience::Public,
        ..BuildOptions::new(&root, today)
    };
    let checked = match pipeline::check(&opts) {
        Ok(c) => c,
        Err(diags) => return fail(cx, &Error::Site(diags)),
    };
    let site = &checked.site;
    let Some(a) = site.assessments.iter().find(|a| a.year == year) else {
        // Years as they are written, never grouped.
        let years: Vec<String> = site
            .assessments
            .iter()
            .map(|a| a.year.to_string())
            .collect();
        let why = if years.is_empty() {
            msg!("E808-no-public-year-none", year = year)
        } else {
            msg!("E808-no-public-year", year = year, years = years)
        };
        return fail(cx, &Error::Command(why));
    };
    let out_dir = output.unwrap_or_else(|| root.join("ho-so"));
    let resolved = crate::output::guard::resolve(&out_dir);
    for own in ["content", "themes", "static"] {
        if resolved.starts_with(crate::output::guard::resolve(&root.join(own))) {
            return fail(
                cx,
                &Error::Refused {
                    message: msg!(
                        "E804-dossier-inside",
                        folder = out_dir.display().to_string(),
                        sources = own
                    ),
                    help: Box::new(msg!("help-choose-another-folder")),
                },
            );
        }
    }
    print_diagnostics(&checked.warnings, cx);
    let files = dossier_candidates(a);
    if files.is_empty() {
        return fail(
            cx,
            &Error::Command(msg!("E813-nothing-to-draft", year = year)),
        );
    }
    if let Err(e) = fsutil::create_dir_all(&out_dir) {
        return fail(cx, &e.into());
    }
    let body = checked
        .bodies
        .get(&a.file)
        .map(|b| b.html().into_owned())
        .unwrap_or_default();
    let mut written: Vec<PathBuf> = Vec::new();
    for file in &files {
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let path = out_dir.join(name);
        let mut failed: Option<Error> = None;
        let result = fsutil::write_whole_with(&path, &mut |w| {
            dossier::make(site, year, file, &body, w).map_err(|e| {
                let io = std::io::Error::other(e.to_string());
                failed = Some(e);
                io
            })
        });
        if let Err(e) = result {
            for p in &written {
                say(cx, msg!("created", path = shown(p)));
            }
            return fail(cx, &failed.unwrap_or(Error::Io(e)));
        }
        written.push(path);
    }
    for p in &written {
        say(cx, msg!("created", path = shown(p)));
    }
    let max = site
        .config
        .documents
        .max_package_mb
        .unwrap_or(MAX_PACKAGE_MB);
    let files = dossier::package::largest(a);
    let total: u64 = files.iter().map(|(_, size)| size).sum();
    if total > max * 1_000_000 {
        let m = msg!("W814-package-large", size = human_size(total), max = max);
        eprintln!("{}", labelled(cx, msg!("label-warning"), m.code(), &m));
        for (name, size) in files.iter().take(5) {
            let note = msg!("note-file-size", name = name, size = human_size(*size));
            under(cx, msg!("label-note"), &note);
        }
        under(cx, msg!("label-help"), &msg!("W814-package-large-help"));
    }
    tell(
        cx,
        msg!("dossier-done", documents = written.len(), year = year),
    );
    ExitCode::SUCCESS
}

fn shown(p: &std::path::Path) -> String {
    p.strip_prefix(".").unwrap_or(p).display().to_string()
}
