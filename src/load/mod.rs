//! Stage 1, load: walk the site folder, read every input and decode it.
//!
//! This is the only stage that reads the disk (besides an existence check for
//! evidence files outside content/ and static/). Text is UTF-8 (a byte order
//! mark is dropped), CRLF becomes LF, and everything is normalised to NFC.

pub mod config;
pub mod decode;
pub mod theme;

pub use decode::{decode, guess_legacy_encoding};

use crate::base::diag::Diagnostic;
use crate::base::fsutil::{self, rel_string};
use crate::base::i18n::Msg;
use crate::base::score::Score;
use crate::msg;
use config::Config;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

/// A text file of the site, decoded.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root, `/`-separated: `content/2022/1.md`.
    pub rel: String,
    pub text: Arc<str>,
}

/// A file copied as it is (static/, theme static/, evidence, section assets).
#[derive(Debug, Clone)]
pub struct Asset {
    pub rel: String,
    pub abs: PathBuf,
}

#[derive(Debug, Default)]
pub struct Inputs {
    pub root: PathBuf,
    pub config: Option<Config>,
    /// site.toml's text, to tell whether it changed between two builds.
    pub config_text: Option<Arc<str>>,
    /// `.md` files under content/, sorted by path.
    pub content: Vec<SourceFile>,
    /// Other files under content/ (evidence PDFs, images), sorted.
    pub content_assets: Vec<Asset>,
    /// Files under static/, sorted; `rel` is relative to static/.
    pub static_files: Vec<Asset>,
    /// `themes/<theme>/templates/**`, name relative to templates/.
    pub theme_templates: Vec<SourceFile>,
    /// `themes/<theme>/static/**`; `rel` relative to that static/.
    pub theme_static: Vec<Asset>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The largest text file kiemchung reads (Markdown, site.toml, templates):
/// 10 MiB. A criterion's file is a few kilobytes and the longest page of a
/// real site well under a megabyte, so a bigger file is a mistake (a PDF or
/// a database dump renamed `.md`); refusing it keeps memory and time
/// bounded. Files copied as they are (evidence PDFs, images) have no limit.
/// See docs/format.md, Decision: limits.
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

fn read_text(root: &Path, abs: &Path) -> Result<SourceFile, Diagnostic> {
    let rel = rel_string(root, abs);
    let bytes = read_limited(abs).map_err(|e| Diagnostic::error(&rel, e))?;
    Ok(SourceFile {
        rel: rel.clone(),
        text: decode(&rel, bytes)?.into(),
    })
}

/// Reads a text file of at most [`MAX_TEXT_BYTES`]; a bigger one is
/// refused without being read into memory.
fn read_limited(abs: &Path) -> Result<Vec<u8>, Msg> {
    use std::io::Read;
    const MB: u64 = 1_048_576;
    let too_big = |size: u64| {
        // Megabytes with one decimal, rounded: tenths as a score.
        let tenths = (size * 10 + MB / 2) / MB;
        msg!(
            "E003-too-large",
            size = Score::from_milli(tenths as i64 * 100),
            max = (MAX_TEXT_BYTES / MB) as usize
        )
    };
    let unreadable = |e: std::io::Error| msg!("E004-unreadable", error = &e);
    let file = std::fs::File::open(abs).map_err(unreadable)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_TEXT_BYTES {
        return Err(too_big(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The size may change between the check and the read (a file being
    // written): read one byte more than allowed to notice.
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Where load may take a file's text from instead of reading it again:
/// `serve`'s cache of unchanged files ([`crate::incremental`]).
pub trait Reread: Sync {
    /// The text of each of `paths`: read with `read`, or, for a file that
    /// did not change since it was last read, as it was then.
    fn read_all(&self, paths: &[PathBuf], read: &ReadText<'_>)
    -> Vec<Result<Arc<str>, Diagnostic>>;
}

/// Reads and decodes one text file.
pub type ReadText<'a> = dyn Fn(&Path) -> Result<Arc<str>, Diagnostic> + Sync + 'a;

/// Reads the Markdown files, through `reread` when there is one.
fn read_all(
    root: &Path,
    paths: &[PathBuf],
    reread: Option<&dyn Reread>,
) -> Vec<Result<SourceFile, Diagnostic>> {
    let Some(reread) = reread else {
        return paths.par_iter().map(|p| read_text(root, p)).collect();
    };
    let read = |p: &Path| read_text(root, p).map(|f| f.text);
    reread
        .read_all(paths, &read)
        .into_iter()
        .zip(paths)
        .map(|(text, p)| {
            text.map(|text| SourceFile {
                rel: rel_string(root, p),
                text,
            })
        })
        .collect()
}

/// Every regular file under `dir`, sorted, skipping hidden and temp files.
fn walk(dir: &Path, diags: &mut Vec<Diagnostic>, root: &Path) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    // Links are followed inside the site folder only: a link to a file or
    // folder outside it (`static/x -> /etc/passwd`) would publish what the
    // site does not hold. The root itself may be reached through a link.
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || e.file_name()
                    .to_str()
                    .is_some_and(|n| !fsutil::is_temp_file(n))
        });
    while let Some(entry) = walker.next() {
        match entry {
            Ok(e) if e.path_is_symlink() && e.depth() > 0 => {
                let target = e.path().canonicalize();
                match target {
                    Ok(t) if t.starts_with(&real_root) => {
                        if e.file_type().is_file() {
                            files.push(e.into_path());
                        }
                    }
                    _ => {
                        let shown = std::fs::read_link(e.path())
                            .map(|t| t.display().to_string())
                            .unwrap_or_default();
                        diags.push(
                            Diagnostic::error(
                                rel_string(root, e.path()),
                                msg!("E005-link-outside", target = shown),
                            )
                            .with_help(msg!("E005-link-outside-help")),
                        );
                        if e.file_type().is_dir() {
                            walker.skip_current_dir();
                        }
                    }
                }
            }
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(|p| rel_string(root, p)).unwrap_or_default();
                let msg = match (e.loop_ancestor(), e.io_error()) {
                    (Some(a), _) => msg!("E006-link-loop", folder = rel_string(root, a)),
                    (None, Some(io)) => msg!("E004-unreadable", error = io),
                    (None, None) => msg!("E004-unreadable", error = e.to_string()),
                };
                diags.push(Diagnostic::error(path, msg));
            }
        }
    }
    files
}

fn assets(paths: Vec<PathBuf>, base: &Path) -> Vec<Asset> {
    paths
        .into_iter()
        .map(|abs| Asset {
            rel: rel_string(base, &abs),
            abs,
        })
        .collect()
}

/// Reads everything a build needs. Problems become diagnostics; the caller
/// decides whether to go on.
pub fn load(root: &Path) -> Inputs {
    load_with(root, None)
}

/// [`load`], taking unchanged texts from `reread`.
pub fn load_with(root: &Path, reread: Option<&dyn Reread>) -> Inputs {
    let mut inputs = Inputs {
        root: root.to_path_buf(),
        ..Inputs::default()
    };
    let diags = &mut inputs.diagnostics;
    let toml_path = root.join(config::FILE);
    if !toml_path.is_file() {
        diags.push(
            Diagnostic::error(
                config::FILE,
                msg!("E007-no-site-toml", folder = root.display().to_string()),
            )
            .with_help(msg!("E007-no-site-toml-help")),
        );
        return inputs;
    }
    match read_text(root, &toml_path) {
        Ok(file) => {
            match config::parse(&file.text) {
                Ok(c) => inputs.config = Some(c),
                Err(mut e) => diags.append(&mut e),
            }
            inputs.config_text = Some(file.text);
        }
        Err(d) => diags.push(d),
    }

    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diags.push(Diagnostic::error(
            "content",
            msg!("E008-no-content", folder = root.display().to_string()),
        ));
    }
    let (md, other): (Vec<PathBuf>, Vec<PathBuf>) = walk(&content_dir, diags, root)
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "md"));
    let results: Vec<Result<SourceFile, Diagnostic>> = read_all(root, &md, reread);
    for r in results {
        match r {
            Ok(f) => inputs.content.push(f),
            Err(d) => diags.push(d),
        }
    }
    inputs.content_assets = assets(other, root);
    let static_dir = root.join("static");
    inputs.static_files = assets(walk(&static_dir, diags, root), &static_dir);

    if let Some(theme) = inputs.config.as_ref().map(|c| c.theme.clone()) {
        let theme_dir = root.join("themes").join(&theme);
        if !theme_dir.is_dir() && theme != "default" {
            diags.push(
                Diagnostic::error(config::FILE, msg!("E703-no-theme", theme = &theme))
                    .with_help(msg!("E703-no-theme-help")),
            );
        }
        let tpl_dir = theme_dir.join("templates");
        for p in walk(&tpl_dir, diags, root) {
            match read_text(root, &p) {
                Ok(mut f) => {
                    // Templates are named relative to templates/ (`node.html`),
                    // but diagnostics keep the full path in `rel` via the name map.
                    f.rel = rel_string(&tpl_dir, &p);
                    inputs.theme_templates.push(f);
                }
                Err(d) => diags.push(d),
            }
        }
        let st = theme_dir.join("static");
        inputs.theme_static = assets(walk(&st, diags, root), &st);
    }
    inputs
}
