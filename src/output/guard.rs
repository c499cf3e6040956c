//! Which folders a build may replace. A build replaces its output folder
//! whole, so a wrong `--output` would delete what the folder held: the
//! site's sources, the user's documents. Before anything is written:
//!
//! - refused always, whatever the flags: the site folder (which holds
//!   site.toml) and every folder above it, `content/`, `themes/`, `static/`
//!   and anything inside them, the home folder and every folder above it,
//!   the current folder and every folder above it, a file, and a symbolic
//!   link (the swap would replace the link, and the folder it names would
//!   be read as the previous site);
//! - an existing folder that is not empty and has no mark ([`MARK`], which
//!   every build writes into the root of its output) is refused, unless
//!   `--force` (as Zola's `--force` lets it write into a non-empty folder):
//!   then what it held is deleted.

use crate::base::i18n::Msg;
use crate::msg;
use std::path::{Component, Path, PathBuf};

/// The mark a build leaves in the root of its output: a folder holding it
/// was written by kiemchung, and the next build may replace it.
pub const MARK: &str = ".kiemchung";
/// Its content: the same every build (builds are byte for byte the same).
pub const MARK_TEXT: &str = "This folder was written by `kiemchung build`, which replaces it whole \
at every build: keep nothing else in it.\n";

/// Why a build may not write a folder; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: Msg,
    pub help: Msg,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en())
    }
}

/// `path` made absolute, with `.`, `..` and symbolic links resolved as far
/// as the path exists (the rest cannot hold links).
pub fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => out.push(c),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => {
                out.push(n);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
        }
    }
    out
}

/// A path as the user gave it, `./public` as `public`.
fn show(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}

fn refusal(message: Msg, help: Msg) -> Refusal {
    Refusal { message, help }
}

/// The help of a refused folder of the site or of the user.
fn choose() -> Msg {
    msg!("help-choose-own-folder")
}

/// Checks that a build of the site in `root` may write `out_dir`, before
/// anything is written. Returns the output folder as an absolute path with
/// its parent's links resolved: the one the build then writes.
pub fn check(root: &Path, out_dir: &Path, force: bool) -> Result<PathBuf, Refusal> {
    let shown = show(out_dir);
    if let Ok(m) = std::fs::symlink_metadata(out_dir) {
        if m.file_type().is_symlink() {
            return Err(refusal(
                msg!(
                    "E805-symlink",
                    folder = &shown,
                    target = resolve(out_dir).display().to_string()
                ),
                msg!("help-give-folder-itself"),
            ));
        }
        if !m.is_dir() {
            return Err(refusal(
                msg!("E805-file", folder = &shown),
                msg!("help-choose-a-folder"),
            ));
        }
    }
    let out = resolve(out_dir);
    let root = resolve(root);
    if root.starts_with(&out) {
        let message = if root == out {
            msg!("E804-site-folder", folder = &shown)
        } else {
            msg!("E804-holds-site", folder = &shown)
        };
        return Err(refusal(message, choose()));
    }
    for sources in ["content", "themes", "static"] {
        let dir = resolve(&root.join(sources));
        if out.starts_with(&dir) {
            let message = if out == dir {
                msg!("E804-sources", folder = &shown, sources = sources)
            } else {
                msg!("E804-inside-sources", folder = &shown, sources = sources)
            };
            return Err(refusal(message, choose()));
        }
    }
    let home = std::env::home_dir().filter(|h| !h.as_os_str().is_empty());
    if let Some(home) = home.map(|h| resolve(&h))
        && home.starts_with(&out)
    {
        let message = if home == out {
            msg!("E804-home", folder = &shown)
        } else {
            msg!("E804-holds-home", folder = &shown)
        };
        return Err(refusal(message, choose()));
    }
    if let Ok(cwd) = std::env::current_dir()
        && resolve(&cwd).starts_with(&out)
    {
        return Err(refusal(msg!("E804-current", folder = &shown), choose()));
    }
    check_mark(out_dir, force)?;
    Ok(out)
}

/// Whether a file's name is listed as a folder: `notes/`.
fn entry_name(e: &std::fs::DirEntry) -> String {
    let mut name = e.file_name().to_string_lossy().into_owned();
    if e.file_type().is_ok_and(|t| t.is_dir()) {
        name.push('/');
    }
    name
}

/// The part of [`check`] that is checked again once the build holds the
/// lock of `out_dir`: an existing folder must be empty or hold the mark
/// (unless `force`).
pub fn check_mark(out_dir: &Path, force: bool) -> Result<(), Refusal> {
    let shown = show(out_dir);
    let Ok(m) = std::fs::symlink_metadata(out_dir) else {
        return Ok(());
    };
    if m.file_type().is_symlink() || !m.is_dir() {
        return Err(refusal(
            msg!("E805-no-longer-folder", folder = &shown),
            msg!("help-choose-a-folder"),
        ));
    }
    if force || out_dir.join(MARK).is_file() {
        return Ok(());
    }
    let entries = match std::fs::read_dir(out_dir) {
        Ok(rd) => rd,
        Err(e) => {
            return Err(refusal(
                msg!("E806-unreadable", folder = &shown, error = &e),
                msg!("help-choose-another-folder"),
            ));
        }
    };
    let mut names: Vec<String> = entries.flatten().map(|e| entry_name(&e)).collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let more = names.len().saturating_sub(3);
    names.truncate(3);
    // Two files every build wrote before builds marked their folder: the
    // layout of those builds, which does not change with later ones.
    let earlier =
        out_dir.join("tim-kiem/chi-muc.json").is_file() && out_dir.join("sitemap.xml").is_file();
    let help = if earlier {
        msg!("E806-earlier-help")
    } else {
        msg!("E806-not-empty-help")
    };
    Err(refusal(
        msg!(
            "E806-not-empty",
            folder = &shown,
            names = names,
            more = more
        ),
        help,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_dots_and_links() {
        let tmp = tempfile::tempdir().unwrap();
        let base = tmp.path().canonicalize().unwrap();
        std::fs::create_dir_all(base.join("site/content")).unwrap();
        assert_eq!(
            resolve(&base.join("site/x/../content/./a")),
            base.join("site/content/a")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("site/content"), base.join("link")).unwrap();
            assert_eq!(resolve(&base.join("link/b")), base.join("site/content/b"));
        }
    }

    #[test]
    fn folders_of_the_site_are_refused_even_with_force() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        for d in ["content/tin-tuc", "themes/x", "static"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for out in [
            root.clone(),
            tmp.path().to_path_buf(),
            root.join("content"),
            root.join("content/tin-tuc"),
            root.join("content/new/deeper"),
            root.join("themes/x"),
            root.join("static"),
            root.join("public/../content"),
        ] {
            assert!(check(&root, &out, true).is_err(), "{}", out.display());
        }
        assert!(check(&root, &root.join("public"), false).is_ok());
        assert!(check(&root, &tmp.path().join("elsewhere/out"), false).is_ok());
    }

    #[test]
    fn a_foreign_folder_is_refused_unless_empty_marked_or_forced() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir(&out).unwrap();
        assert!(check_mark(&out, false).is_ok());
        std::fs::write(out.join("a.docx"), "x").unwrap();
        std::fs::create_dir(out.join("notes")).unwrap();
        let e = check_mark(&out, false).unwrap_err();
        assert!(
            e.message.en().contains("(a.docx, notes/)"),
            "{}",
            e.message.en()
        );
        for n in ["b", "c", "d"] {
            std::fs::write(out.join(n), "x").unwrap();
        }
        let e = check_mark(&out, false).unwrap_err();
        assert!(
            e.message.en().contains("(a.docx, b, c and 2 more)"),
            "{}",
            e.message.en()
        );
        assert!(check_mark(&out, true).is_ok());
        std::fs::write(out.join(MARK), MARK_TEXT).unwrap();
        assert!(check_mark(&out, false).is_ok());
    }
}
