//! A write of the output that failed, and when the disk was full, what is
//! known of the space the build needed.

use super::folders::tree_size;
use crate::base::fsutil::{self, PathError};
use crate::base::i18n::Msg;
use crate::msg;
use std::path::{Path, PathBuf};

/// A write that failed, and when the disk was full, what is known of the
/// space it needed.
#[derive(Debug)]
pub struct WriteError {
    pub error: PathError,
    pub full: Option<Space>,
}

/// Bytes, where they can be known.
#[derive(Debug)]
pub struct Space {
    /// Written into the staging folder before the disk was full.
    pub written: u64,
    /// The whole new site, when the failure came late enough to know it.
    pub needed: Option<u64>,
    /// Free on that disk when the build started.
    pub free_at_start: Option<u64>,
    /// The previous site, which is kept.
    pub previous: Option<u64>,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.full.is_some() {
            f.write_str(&msg!("E802-disk-full", error = self.error.message()).en())
        } else {
            write!(f, "{}", self.error)
        }
    }
}

impl WriteError {
    /// A failure before the build wrote anything of the site (the staging
    /// folder or the mark could not be made).
    pub fn before_writing(error: PathError, out_dir: &Path) -> WriteError {
        let full = fsutil::is_disk_full(&error.source).then(|| Space {
            written: 0,
            needed: None,
            free_at_start: fsutil::free_space(fsutil::parent_or_dot(out_dir)),
            previous: tree_size(out_dir),
        });
        WriteError { error, full }
    }

    /// What is known of the space, one sentence per line.
    pub fn notes(&self) -> Vec<Msg> {
        let Some(s) = &self.full else {
            return Vec::new();
        };
        let h = fsutil::human_size;
        let mut notes = vec![match s.needed {
            Some(n) => msg!("note-site-needs", size = h(n)),
            None => msg!("note-had-written", size = h(s.written)),
        }];
        if let Some(free) = s.free_at_start {
            notes.push(msg!("note-free-at-start", size = h(free)));
        }
        if let Some(p) = s.previous {
            notes.push(msg!("note-previous-kept", size = h(p)));
        }
        notes
    }
}

/// The first write that failed: the path as shown (in the output folder),
/// and the error, kept as its parts (`std::io::Error` is not `Clone`).
pub(super) struct Failed {
    pub(super) path: PathBuf,
    pub(super) kind: std::io::ErrorKind,
    pub(super) os: Option<i32>,
    pub(super) message: String,
}

impl Failed {
    pub(super) fn error(&self) -> std::io::Error {
        match self.os {
            Some(code) => std::io::Error::from_raw_os_error(code),
            None => std::io::Error::new(self.kind, self.message.clone()),
        }
    }
}
