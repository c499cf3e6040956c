//! `kiemchung dossier <year>`: drafts the documents the department signs
//! and submits for a year ([`crate::exports::dossier`]): the
//! self-assessment report and the results notice (.docx) and the evidence
//! package (.zip), written into a folder (ho-so/ by default), each file
//! whole or not at all.

use super::{Context, fail, plural, print_diagnostics};
use crate::base::fsutil::{self, human_size};
use crate::error::Error;
use crate::exports::dossier;
use crate::model::audience::Audience;
use crate::model::dossier::dossier_candidates;
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
        let years: Vec<String> = site
            .assessments
            .iter()
            .map(|a| a.year.to_string())
            .collect();
        return fail(
            cx,
            &Error::Command(format!(
                "there is no public assessment for {year}; the site has: {}",
                if years.is_empty() {
                    "none".to_string()
                } else {
                    years.join(", ")
                }
            )),
        );
    };
    let out_dir = output.unwrap_or_else(|| root.join("ho-so"));
    let resolved = crate::output::guard::resolve(&out_dir);
    for own in ["content", "themes", "static"] {
        if resolved.starts_with(crate::output::guard::resolve(&root.join(own))) {
            return fail(
                cx,
                &Error::Refused {
                    message: format!(
                        "{} is inside the site's {own}/ folder, which the documents may not be written into",
                        out_dir.display()
                    ),
                    help: "choose another folder with --output; nothing was changed".into(),
                },
            );
        }
    }
    print_diagnostics(&checked.warnings, cx);
    let files = dossier_candidates(a);
    if files.is_empty() {
        return fail(
            cx,
            &Error::Command(format!(
                "{year} has no criteria yet: there is nothing to draft"
            )),
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
                println!("created {}", shown(p));
            }
            return fail(cx, &failed.unwrap_or(Error::Io(e)));
        }
        written.push(path);
    }
    for p in &written {
        println!("created {}", shown(p));
    }
    let max = site
        .config
        .documents
        .max_package_mb
        .unwrap_or(MAX_PACKAGE_MB);
    let files = dossier::package::largest(a);
    let total: u64 = files.iter().map(|(_, size)| size).sum();
    if total > max * 1_000_000 {
        eprintln!(
            "warning: the evidence package holds {} of files, more than {max} MB ([documents] max_package_mb)",
            human_size(total)
        );
        for (name, size) in files.iter().take(5) {
            eprintln!("  = note: {name}: {}", human_size(*size));
        }
        eprintln!(
            "  = help: a scanned document can often be saved smaller (lower resolution, grey levels)"
        );
    }
    eprintln!(
        "Drafted {} for {year} from the public site",
        plural(written.len(), "document")
    );
    ExitCode::SUCCESS
}

fn shown(p: &std::path::Path) -> String {
    p.strip_prefix(".").unwrap_or(p).display().to_string()
}
