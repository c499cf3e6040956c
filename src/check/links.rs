//! Rule 8: local evidence files exist, stay inside the site, and are
//! copied next to their criterion's page; every entry gets its link.

use super::{FileIndex, error};
use crate::base::diag::Diagnostic;
use crate::base::i18n::Msg;
use crate::model::file::Evidence;
use crate::model::site::Assessment;
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

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
fn not_a_site_path(f: &str) -> Option<Msg> {
    let b = f.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
        return Some(msg!("site-path-drive"));
    }
    if f.starts_with("\\\\") || f.starts_with("//") {
        return Some(msg!("site-path-network"));
    }
    if let Some((scheme, _)) = f.split_once(':')
        && !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return Some(msg!("site-path-url"));
    }
    if f.chars().any(char::is_control) {
        return Some(msg!("site-path-control"));
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
pub(super) fn link_evidence(
    a: &mut Assessment,
    files: &FileIndex,
    base_path: &str,
    copies: &mut BTreeMap<String, PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let year = a.year;
    let mut decision = a.front.decision.take();
    if let Some(d) = &mut decision {
        let out_dir = format!("{year}/");
        link_one(d, &a.file, &out_dir, files, base_path, copies, diags);
    }
    a.front.decision = decision;
    for n in &mut a.nodes {
        if n.front.evidence.iter().all(|e| e.file.is_none()) {
            continue;
        }
        let out_dir = n.url_path(year);
        let file = n.file.clone();
        for e in &mut Arc::make_mut(&mut n.front).evidence {
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
                msg!("E508-not-a-site-path", file = &f, why = why),
            )
            .with_help(msg!("E508-not-a-site-path-help")),
        );
        return;
    }
    // static/ is published as it is, whoever links to it.
    let internal_in_static = || {
        error(md_file, loc, msg!("E509-internal-in-static", file = &f))
            .with_help(msg!("E509-internal-in-static-help"))
    };
    if let Some(stat) = f.strip_prefix('/') {
        if e.internal {
            diags.push(internal_in_static());
        } else if files.static_files.contains(stat) {
            e.href = Some(format!("{base_path}{}", href_escape(stat)));
            e.source = Some(files.root.join("static").join(stat));
        } else {
            diags.push(
                error(
                    md_file,
                    loc,
                    msg!("E507-static-missing", file = &f, path = stat),
                )
                .with_help(msg!("E507-static-missing-help")),
            );
        }
        return;
    }
    let md_dir = Path::new(md_file).parent().unwrap_or(Path::new(""));
    let Some(resolved) = join_inside(md_dir, &f) else {
        diags.push(error(md_file, loc, msg!("E508-leaves-site", file = &f)));
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
            msg!("E508-hidden", file = &f, path = &rel),
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
            diags.push(error(md_file, loc, msg!("E508-link-outside", file = &f)));
            return;
        }
        Some(asset.abs.clone())
    } else if let Some(stat) = rel.strip_prefix("static/")
        && files.static_files.contains(stat)
    {
        if e.internal {
            diags.push(internal_in_static());
        } else {
            e.href = Some(format!("{base_path}{}", href_escape(stat)));
            e.source = Some(files.root.join("static").join(stat));
        }
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
            diags.push(error(md_file, loc, msg!("E508-link-outside", file = &f)));
            return;
        }
        inside.then_some(abs)
    };
    let Some(source) = source else {
        diags.push(
            error(
                md_file,
                loc,
                msg!("E507-file-missing", file = &f, path = &rel),
            )
            .with_help(msg!("E507-file-missing-help")),
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
            msg!("E510-copy-clash", file = &f, path = &out),
        ));
        return;
    }
    copies.insert(out.clone(), source.clone());
    e.href = Some(format!("{base_path}{}", href_escape(&out)));
    e.copied_to = Some(out);
    e.source = Some(source);
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
