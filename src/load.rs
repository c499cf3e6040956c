//! Stage 1, load: walk the site folder, read every input and decode it.
//!
//! This is the only stage that reads the disk (besides an existence check for
//! evidence files outside content/ and static/). Text is UTF-8 (a byte order
//! mark is dropped), CRLF becomes LF, and everything is normalised to NFC.

use crate::config::{self, Config};
use crate::diag::Diagnostic;
use crate::fsutil::{self, rel_string};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
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

/// Decodes a file's bytes: UTF-8 only, BOM dropped, CRLF → LF, NFC.
pub fn decode(rel: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = bytes[..valid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(&bytes[line_start..valid])
                .chars()
                .count() as u32
                + 1;
            // The line is shown as far as it can be read: undecodable
            // bytes appear as U+FFFD, the caret under the first of them.
            let d = Diagnostic::error(
                rel,
                format!(
                    "this file is not UTF-8 (invalid byte 0x{:02X} at line {line}, column {col})",
                    bytes[valid]
                ),
            )
            .at(&String::from_utf8_lossy(bytes), line, col)
            .with_help(
                "it may be in TCVN3 (ABC), VNI or Windows-1258; open it and save it as UTF-8 \
                 (in Word: Save As → Plain Text → Unicode (UTF-8); in Notepad: Encoding → UTF-8)",
            );
            return Err(d);
        }
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    Ok(match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    })
}

/// Decoded texts kept across builds (serve), reused while a file's size and
/// modification time are unchanged. A file modified less than two seconds
/// before it was read is read again next time, since a second write within
/// the file system's timestamp granularity would not change its mtime
/// (git's "racily clean" rule).
#[derive(Default)]
pub struct TextCache {
    entries: Mutex<HashMap<PathBuf, CachedText>>,
}

struct CachedText {
    mtime: SystemTime,
    len: u64,
    trusted: bool,
    text: Arc<str>,
}

fn read_text(root: &Path, abs: &Path) -> Result<SourceFile, Diagnostic> {
    let rel = rel_string(root, abs);
    let bytes = fsutil::read(abs).map_err(|e| Diagnostic::error(&rel, e.to_string()))?;
    Ok(SourceFile {
        rel: rel.clone(),
        text: decode(&rel, bytes)?.into(),
    })
}

/// Reads the Markdown files, reusing from `cache` the texts of files whose
/// size and mtime did not change.
fn read_all(
    root: &Path,
    paths: &[PathBuf],
    cache: Option<&TextCache>,
) -> Vec<Result<SourceFile, Diagnostic>> {
    let Some(cache) = cache else {
        return paths.par_iter().map(|p| read_text(root, p)).collect();
    };
    let stamps: Vec<Option<(SystemTime, u64)>> = paths
        .par_iter()
        .map(|p| {
            let m = std::fs::metadata(p).ok()?;
            Some((m.modified().ok()?, m.len()))
        })
        .collect();
    let hits: Vec<Option<Arc<str>>> = {
        let entries = cache.entries.lock().unwrap_or_else(|e| e.into_inner());
        paths
            .iter()
            .zip(&stamps)
            .map(|(p, stamp)| {
                let (mtime, len) = (*stamp)?;
                let c = entries.get(p)?;
                (c.trusted && c.mtime == mtime && c.len == len).then(|| c.text.clone())
            })
            .collect()
    };
    let read_at = SystemTime::now();
    let was_hit: Vec<bool> = hits.iter().map(Option::is_some).collect();
    let results: Vec<Result<SourceFile, Diagnostic>> = paths
        .par_iter()
        .zip(hits)
        .map(|(p, hit)| match hit {
            Some(text) => Ok(SourceFile {
                rel: rel_string(root, p),
                text,
            }),
            None => read_text(root, p),
        })
        .collect();
    let mut entries = cache.entries.lock().unwrap_or_else(|e| e.into_inner());
    for (((p, stamp), r), hit) in paths.iter().zip(&stamps).zip(&results).zip(&was_hit) {
        if *hit {
            continue;
        }
        if let (Some((mtime, len)), Ok(f)) = (stamp, r) {
            let trusted = read_at
                .duration_since(*mtime)
                .is_ok_and(|age| age > Duration::from_secs(2));
            entries.insert(
                p.clone(),
                CachedText {
                    mtime: *mtime,
                    len: *len,
                    trusted,
                    text: f.text.clone(),
                },
            );
        }
    }
    // Forget files that are gone.
    if entries.len() > paths.len() {
        let present: std::collections::HashSet<&PathBuf> = paths.iter().collect();
        entries.retain(|p, _| present.contains(p));
    }
    results
}

/// Every regular file under `dir`, sorted, skipping hidden and temp files.
fn walk(dir: &Path, diags: &mut Vec<Diagnostic>, root: &Path) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || e.file_name()
                    .to_str()
                    .is_some_and(|n| !fsutil::is_temp_file(n))
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(|p| rel_string(root, p)).unwrap_or_default();
                diags.push(Diagnostic::error(path, format!("cannot read: {e}")));
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

/// [`load`], reusing unchanged texts from `cache`.
pub fn load_with(root: &Path, cache: Option<&TextCache>) -> Inputs {
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
                format!("no {} in {}", config::FILE, root.display()),
            )
            .with_help("run kiemchung in the site folder, or give it with --root DIR"),
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
            format!("no content/ folder in {}", root.display()),
        ));
    }
    let (md, other): (Vec<PathBuf>, Vec<PathBuf>) = walk(&content_dir, diags, root)
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "md"));
    let results: Vec<Result<SourceFile, Diagnostic>> = read_all(root, &md, cache);
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
                Diagnostic::error(
                    config::FILE,
                    format!("theme `{theme}`: there is no folder themes/{theme}/"),
                )
                .with_help("remove `theme` to use the built-in default theme"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_drops_bom_crlf_and_normalises() {
        let nfd = "Thông báo\r\n".replace('ô', "o\u{302}");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(nfd.as_bytes());
        assert_eq!(decode("a.md", bytes).unwrap(), "Thông báo\n");
    }

    #[test]
    fn decode_refuses_legacy_encodings_with_a_hint() {
        // "Thông" in Windows-1258 / TCVN3-like single bytes
        let bytes = b"---\ntitle: Th\xF4ng\n".to_vec();
        let d = decode("content/x.md", bytes).unwrap_err();
        assert_eq!(d.line, Some(2));
        assert_eq!(d.column, Some(10));
        assert_eq!(d.source_line.as_deref(), Some("title: Th\u{FFFD}ng"));
        assert!(d.message.contains("not UTF-8"));
        assert!(d.help.unwrap().contains("TCVN3"));
    }
}
