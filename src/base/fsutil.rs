//! File system helpers: which files are editor noise, and I/O errors that
//! name their path.

use std::path::{Path, PathBuf};

/// Whether a file name is an editor's temporary, swap or backup file, which
/// must neither be read as content nor trigger a rebuild:
///
/// | editor | names |
/// |---|---|
/// | vim | `.x.md.swp`, `.swx`, `.swo`…, `4913` (its write test), `x.md~` |
/// | emacs | `.#x.md` (lock), `#x.md#` (auto-save), `x.md~` |
/// | JetBrains | `x.md___jb_tmp___`, `x.md___jb_old___` |
/// | kate | `.x.md.kate-swp`, `x.md.kate-swp` |
/// | VS Code | `x.md.vsctmp` (atomic save) |
/// | helix and tools using tempfile | `.tmpXXXXXX` (hidden) |
/// | any | hidden files (`.DS_Store`), `*.tmp`, `*.bak`, `*.orig`, `*.crswap` |
pub fn is_temp_file(name: &str) -> bool {
    if name.is_empty() || name.starts_with('.') || name == "4913" {
        return true;
    }
    if name.ends_with('~') || (name.starts_with('#') && name.ends_with('#')) {
        return true;
    }
    if name.ends_with("___jb_tmp___") || name.ends_with("___jb_old___") {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    if let Some((_, ext)) = lower.rsplit_once('.') {
        let vim_swap = ext.len() == 3
            && ext.starts_with("sw")
            && ext.as_bytes()[2].is_ascii_lowercase()
            && ext.as_bytes()[2] <= b'p';
        if vim_swap
            || matches!(
                ext,
                "kate-swp" | "vsctmp" | "tmp" | "temp" | "bak" | "orig" | "crswap" | "part"
            )
        {
            return true;
        }
    }
    false
}

/// Whether any component of a path (relative to the site root) is hidden or
/// a temporary name: `.git/…`, `content/.x.md.swp`.
pub fn is_ignored_path(rel: &Path) -> bool {
    rel.components().any(|c| match c {
        std::path::Component::Normal(s) => s.to_str().is_none_or(is_temp_file),
        _ => false,
    })
}

/// `/`-separated relative path, the form used in diagnostics and URLs.
pub fn rel_string(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::with_capacity(rel.as_os_str().len());
    for c in rel.components() {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(&c.as_os_str().to_string_lossy());
    }
    out
}

/// An I/O error with the path it happened on.
#[derive(Debug)]
pub struct PathError {
    pub path: PathBuf,
    pub action: &'static str,
    pub source: std::io::Error,
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot {} {}: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for PathError {}

pub fn read(path: &Path) -> Result<Vec<u8>, PathError> {
    std::fs::read(path).map_err(|source| PathError {
        path: path.to_owned(),
        action: "read",
        source,
    })
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), PathError> {
    std::fs::write(path, bytes).map_err(|source| PathError {
        path: path.to_owned(),
        action: "write",
        source,
    })
}

pub fn create_dir_all(path: &Path) -> Result<(), PathError> {
    std::fs::create_dir_all(path).map_err(|source| PathError {
        path: path.to_owned(),
        action: "create folder",
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temp_files() {
        let temp = [
            ".1.2.md.swp",
            ".1.2.md.swx",
            ".1.2.md.swo",
            "4913",
            "1.2.md~",
            ".#1.2.md",
            "#1.2.md#",
            "1.2.md___jb_tmp___",
            "1.2.md___jb_old___",
            ".1.2.md.kate-swp",
            "1.2.md.kate-swp",
            "1.2.md.vsctmp",
            ".tmpA1b2C3",
            ".DS_Store",
            "x.tmp",
            "x.bak",
            "site.toml.orig",
            "",
        ];
        for name in temp {
            assert!(is_temp_file(name), "{name:?} is a temp file");
        }
        let real = [
            "1.2.md",
            "_index.md",
            "site.toml",
            "style.css",
            "bc-120.pdf",
            "bao-cao.swift",
            "49130.md",
            "a#b.md",
            "ke-hoach.docx",
        ];
        for name in real {
            assert!(!is_temp_file(name), "{name:?} is content");
        }
    }

    #[test]
    fn ignored_paths() {
        assert!(is_ignored_path(Path::new(".git/config")));
        assert!(is_ignored_path(Path::new("content/2022/.1.md.swp")));
        assert!(!is_ignored_path(Path::new("content/2022/1.md")));
    }
}
