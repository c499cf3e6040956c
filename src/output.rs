//! Stage 5, output: the built site as an in-memory map from path to bytes,
//! and the one place that writes it to disk.
//!
//! A build never leaves a half-written site: everything is written into a
//! sibling folder (`.public.kiemchung-new`), which then replaces the output
//! folder by two renames. If anything fails before the swap, the previous
//! output is untouched.

use crate::fsutil::{self, PathError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub enum Content {
    Bytes(Arc<[u8]>),
    /// A file copied as it is (static files, evidence), read when written
    /// or served, so large PDFs are not held in memory.
    File(PathBuf),
    /// A file of the embedded default theme.
    Static(&'static [u8]),
    /// Made on first use: data exports (`/data/<year>.json`, …), which
    /// `serve` need not remake after every edit unless someone asks.
    Lazy(Arc<Lazy>),
}

pub struct Lazy {
    cell: std::sync::OnceLock<Arc<[u8]>>,
    make: Box<dyn Fn() -> Vec<u8> + Send + Sync>,
}

impl Lazy {
    pub fn content(make: impl Fn() -> Vec<u8> + Send + Sync + 'static) -> Content {
        Content::Lazy(Arc::new(Lazy {
            cell: std::sync::OnceLock::new(),
            make: Box::new(make),
        }))
    }

    pub fn get(&self) -> &Arc<[u8]> {
        self.cell.get_or_init(|| (self.make)().into())
    }
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.cell.get().is_some() {
            "Lazy(made)"
        } else {
            "Lazy"
        })
    }
}

impl Content {
    pub fn bytes(&self) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
        Ok(match self {
            Content::Bytes(b) => std::borrow::Cow::Borrowed(b),
            Content::Static(b) => std::borrow::Cow::Borrowed(b),
            Content::Lazy(l) => std::borrow::Cow::Borrowed(l.get()),
            Content::File(p) => std::borrow::Cow::Owned(std::fs::read(p)?),
        })
    }
}

/// Output paths are relative, `/`-separated: `2022/1-2/index.html`.
#[derive(Clone, Debug, Default)]
pub struct Output {
    pub files: BTreeMap<String, Content>,
}

impl Output {
    pub fn insert_bytes(&mut self, path: impl Into<String>, bytes: impl Into<Arc<[u8]>>) {
        self.files.insert(path.into(), Content::Bytes(bytes.into()));
    }

    pub fn insert_str(&mut self, path: impl Into<String>, text: String) {
        self.insert_bytes(path, text.into_bytes());
    }

    pub fn get(&self, path: &str) -> Option<&Content> {
        self.files.get(path)
    }

    pub fn pages(&self) -> usize {
        self.files.keys().filter(|k| k.ends_with(".html")).count()
    }

    /// Writes the whole site into `out_dir`, replacing what was there only
    /// once everything is written.
    pub fn write_atomic(&self, out_dir: &Path) -> Result<(), PathError> {
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fsutil::create_dir_all(&parent)?;
        let name = out_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let staging = parent.join(format!(".{name}.kiemchung-new"));
        let old = parent.join(format!(".{name}.kiemchung-old"));
        let io = |action: &'static str, path: &Path| {
            let path = path.to_path_buf();
            move |source| PathError {
                path,
                action,
                source,
            }
        };
        for leftover in [&staging, &old] {
            if leftover.exists() {
                std::fs::remove_dir_all(leftover).map_err(io("remove", leftover))?;
            }
        }
        let result = self.write_into(&staging);
        if let Err(e) = result {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        if out_dir.exists() {
            std::fs::rename(out_dir, &old).map_err(io("move aside", out_dir))?;
        }
        if let Err(source) = std::fs::rename(&staging, out_dir) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old, out_dir);
            return Err(PathError {
                path: out_dir.to_path_buf(),
                action: "replace",
                source,
            });
        }
        if old.exists() {
            remove_tree(&old).map_err(io("remove", &old))?;
        }
        Ok(())
    }

    fn write_into(&self, dir: &Path) -> Result<(), PathError> {
        use rayon::prelude::*;
        fsutil::create_dir_all(dir)?;
        // Folders first (in order, so parents exist), then the files in
        // parallel: a 10,000-page site is 10,000 folders and files.
        let mut folders: Vec<&str> = self
            .files
            .keys()
            .filter_map(|rel| rel.rsplit_once('/').map(|(d, _)| d))
            .collect();
        folders.dedup();
        for f in folders {
            let p = dir.join(f);
            if !p.is_dir() {
                fsutil::create_dir_all(&p)?;
            }
        }
        self.files
            .par_iter()
            .try_for_each(|(rel, content)| Self::write_one(&dir.join(rel), content))
    }

    fn write_one(path: &Path, content: &Content) -> Result<(), PathError> {
        match content {
            Content::File(src) => {
                std::fs::copy(src, path).map_err(|source| PathError {
                    path: src.clone(),
                    action: "copy",
                    source,
                })?;
            }
            other => {
                let bytes = other.bytes().map_err(|source| PathError {
                    path: path.to_path_buf(),
                    action: "read",
                    source,
                })?;
                fsutil::write(path, &bytes)?;
            }
        }
        Ok(())
    }
}

/// `remove_dir_all`, with the subfolders removed in parallel.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            remove_tree(&e.path())
        } else {
            std::fs::remove_file(e.path())
        }
    })?;
    std::fs::remove_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_in_a_new_site_and_keeps_the_old_on_failure() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let mut o = Output::default();
        o.insert_str("index.html", "one".into());
        o.insert_str("a/b/index.html", "two".into());
        o.write_atomic(&out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/b/index.html")).unwrap(),
            "two"
        );

        let mut bad = Output::default();
        bad.insert_str("index.html", "new".into());
        bad.files.insert(
            "x.pdf".into(),
            Content::File(tmp.path().join("missing.pdf")),
        );
        assert!(bad.write_atomic(&out).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "one"
        );
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["public"], "no staging folder is left behind");
    }
}
