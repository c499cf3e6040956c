//! Stage 5, output: the built site as an in-memory map from path to bytes,
//! and the one place that writes it to disk.
//!
//! A build never leaves a half-written site: everything is written into a
//! sibling folder (`.public.kiemchung-new-<pid>`), which then trades places
//! with the output folder in one atomic rename (Linux; elsewhere two
//! renames, and the next build puts back a previous site a kill left
//! aside). If anything fails before the swap, the previous output is
//! untouched; what a killed build leaves behind is removed by the next
//! build. One build at a time writes an output folder ([`lock`]), and only
//! a folder kiemchung made, or an empty one, is ever replaced ([`guard`]).
//! The first write that fails (a full disk) stops the build.
//!
//! `build` streams pages into the staging folder as they are rendered
//! ([`Staging`]), so a 10,000-page site is never held in memory whole;
//! `serve` keeps its site in memory ([`Output`]) and writes nothing.

use crate::base::fsutil::{self, Action, PathError};
use crate::error::Error;

mod failure;
mod folders;
pub mod guard;
pub mod lock;
mod staging;
pub use failure::{Space, WriteError};
pub use folders::identity;
pub use lock::OnBusy;
pub use staging::{BeginError, StagedFile, Staging, WriteOptions};
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
    /// Already written into the staging folder while rendering (`build`);
    /// only its path is kept.
    Written,
    /// Made on first use: data exports (`/data/<year>.json`, …), which
    /// `serve` need not remake after every edit unless someone asks.
    Lazy(Arc<Lazy>),
}

pub struct Lazy {
    cell: std::sync::OnceLock<Arc<[u8]>>,
    make: Box<dyn Fn() -> Arc<[u8]> + Send + Sync>,
}

impl Lazy {
    /// `make` may give bytes already shared (`Arc<[u8]>`, as a page made
    /// on request that the render cache also keeps), or a `Vec<u8>`.
    pub fn content<T: Into<Arc<[u8]>>>(make: impl Fn() -> T + Send + Sync + 'static) -> Content {
        Content::Lazy(Arc::new(Lazy {
            cell: std::sync::OnceLock::new(),
            make: Box::new(move || make().into()),
        }))
    }

    pub fn get(&self) -> &Arc<[u8]> {
        self.cell.get_or_init(|| (self.make)())
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
            Content::Written => {
                return Err(fsutil::said(crate::msg!("output-written-not-kept")));
            }
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

    /// The bytes of what [`Output::write_into`] still has to write.
    fn unwritten_size(&self) -> u64 {
        self.files
            .values()
            .map(|c| match c {
                Content::Written => 0,
                Content::Bytes(b) => b.len() as u64,
                Content::Static(b) => b.len() as u64,
                Content::Lazy(l) => l.get().len() as u64,
                Content::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            })
            .sum()
    }

    pub(super) fn write_into(&self, dir: &Path) -> Result<(), PathError> {
        use rayon::prelude::*;
        fsutil::create_dir_all(dir)?;
        // Folders first (in order, so parents exist), then the files in
        // parallel: a 10,000-page site is 10,000 folders and files.
        let mut folders: Vec<&str> = self
            .files
            .iter()
            .filter(|(_, content)| !matches!(content, Content::Written))
            .filter_map(|(rel, _)| rel.rsplit_once('/').map(|(d, _)| d))
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
            .filter(|(_, content)| !matches!(content, Content::Written))
            .try_for_each(|(rel, content)| Self::write_one(&dir.join(rel), content))
    }

    fn write_one(path: &Path, content: &Content) -> Result<(), PathError> {
        match content {
            Content::File(src) => {
                std::fs::copy(src, path).map_err(|source| PathError {
                    // A full disk is the copy's fault, not the source's.
                    path: if fsutil::is_disk_full(&source) {
                        path.to_path_buf()
                    } else {
                        src.clone()
                    },
                    action: Action::Copy,
                    source,
                })?;
            }
            other => {
                let bytes = other.bytes().map_err(|source| PathError {
                    path: path.to_path_buf(),
                    action: Action::Read,
                    source,
                })?;
                fsutil::write(path, &bytes)?;
            }
        }
        Ok(())
    }
}

/// Where `build` writes each file as soon as it is made (the staging
/// folder), so that pages are not all held in memory, and a long page not
/// even once: it is rendered straight into its file.
pub trait Sink: Sync {
    /// Opens a file (`2022/1-2/index.html`) to be written piece by piece;
    /// the caller flushes it.
    fn create(&self, rel: &str) -> Result<Box<dyn std::io::Write + '_>, Error>;

    /// Whether a write has failed (a full disk): the build stops, and the
    /// files not yet made are not.
    fn stopped(&self) -> bool {
        false
    }
}

impl Sink for Staging {
    fn create(&self, rel: &str) -> Result<Box<dyn std::io::Write + '_>, Error> {
        Staging::create(self, rel)
            .map(|w| Box::new(w) as Box<dyn std::io::Write>)
            .map_err(Error::from)
    }

    fn stopped(&self) -> bool {
        Staging::stopped(self)
    }
}

/// A sink that keeps nothing: `check` renders every page and file, to find
/// every error, and writes none.
pub struct Discard;

impl Sink for Discard {
    fn create(&self, _: &str) -> Result<Box<dyn std::io::Write + '_>, Error> {
        Ok(Box::new(std::io::sink()))
    }
}

/// What a file not made because the build stopped reports: the same for
/// every file, so it is reported once; the failed write that stopped the
/// build is the error shown ([`Staging::failure`]).
pub fn stopped_error() -> Error {
    Error::Site(vec![crate::base::diag::Diagnostic::error(
        "",
        crate::msg!("E801-stopped"),
    )])
}

impl From<WriteError> for Error {
    fn from(w: WriteError) -> Error {
        Error::Write {
            notes: w.notes(),
            disk_full: w.full.is_some(),
            error: w.error,
        }
    }
}

impl From<guard::Refusal> for Error {
    fn from(r: guard::Refusal) -> Error {
        Error::Refused {
            message: r.message,
            help: Box::new(r.help),
        }
    }
}

impl Error {
    /// Why [`Staging::begin`] wrote nothing, as the build's error.
    pub fn from_begin(e: BeginError, out_dir: &Path) -> Error {
        match e {
            BeginError::Busy { pid } => Error::Busy { pid, folder: None },
            BeginError::Refused(r) => r.into(),
            BeginError::Io(error) => WriteError::before_writing(error, out_dir).into(),
        }
    }
}
