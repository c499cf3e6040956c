//! The folders beside the output folder, by name, and what is done to a
//! whole folder: the staging and old folders a build makes (with its pid),
//! what a dead build left, the swap, removal, identity and size.

use crate::base::fsutil::{self, Action, PathError};
use std::path::{Path, PathBuf};

/// `out_dir`'s sibling `.<name>.<suffix>`: `.public.kiemchung-lock`.
pub(super) fn sibling(out_dir: &Path, suffix: &str) -> PathBuf {
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    fsutil::parent_or_dot(out_dir).join(format!(".{name}.{suffix}"))
}

/// Whether `name` (beside `out_dir`) is a staging or set-aside folder of a
/// build of `out_dir`: `.public.kiemchung-new-123`, `.public.kiemchung-old-123`,
/// or the same without a pid (as kiemchung named them before the lock).
pub(super) fn is_temp_name(out_dir: &Path, name: &str) -> Option<&'static str> {
    let out = out_dir.file_name()?.to_str()?;
    let rest = name.strip_prefix('.')?.strip_prefix(out)?;
    for kind in ["new", "old"] {
        if let Some(pid) = rest
            .strip_prefix(".kiemchung-")
            .and_then(|r| r.strip_prefix(kind))
        {
            let pid_ok = pid.is_empty()
                || pid
                    .strip_prefix('-')
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
            if pid_ok {
                return Some(kind);
            }
        }
    }
    None
}

/// What builds killed midway left beside `out_dir`: folders of our naming
/// only, as (path, "new" or "old").
pub(super) fn leftovers(out_dir: &Path) -> Result<Vec<(PathBuf, &'static str)>, PathError> {
    let parent = fsutil::parent_or_dot(out_dir);
    let entries = std::fs::read_dir(parent).map_err(io(Action::Read, parent))?;
    let mut found = Vec::new();
    for e in entries {
        let e = e.map_err(io(Action::Read, parent))?;
        if let Some(kind) = e
            .file_name()
            .to_str()
            .and_then(|n| is_temp_name(out_dir, n))
            && e.file_type().is_ok_and(|t| t.is_dir())
        {
            found.push((e.path(), kind));
        }
    }
    found.sort();
    Ok(found)
}

/// Called holding the lock, before a build writes anything: puts back a
/// previous site that a killed build had moved aside (only where the swap
/// is two renames), then removes what killed builds left. Their owners are
/// gone: no build holds the lock but this one.
pub(super) fn recover(out_dir: &Path) -> Result<(), PathError> {
    let mut found = leftovers(out_dir)?;
    let missing = std::fs::symlink_metadata(out_dir).is_err();
    if missing && let Some(i) = found.iter().position(|(_, kind)| *kind == "old") {
        let (old, _) = found.remove(i);
        std::fs::rename(&old, out_dir).map_err(io(Action::Restore, &old))?;
    }
    for (dir, _) in found {
        remove_tree(&dir).map_err(io(Action::Remove, &dir))?;
    }
    Ok(())
}

/// What identifies the output folder: its device and inode, or `None` when
/// there is none. The same before and after a failed build: the folder
/// there is the one that was there (no build replaced it meanwhile).
pub fn identity(dir: &Path) -> Option<(u64, u64)> {
    let m = std::fs::symlink_metadata(dir).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        Some((0, 0))
    }
}

pub(super) fn io(action: Action, path: &Path) -> impl FnOnce(std::io::Error) -> PathError {
    let path = path.to_path_buf();
    move |source| PathError {
        path,
        action,
        source,
    }
}

/// The bytes of the files under `dir`, if it is there.
pub(super) fn tree_size(dir: &Path) -> Option<u64> {
    let m = std::fs::symlink_metadata(dir).ok()?;
    if !m.is_dir() {
        return None;
    }
    let mut total = 0;
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() {
            total += e.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    Some(total)
}

/// Swaps two folders in one atomic rename (Linux `renameat2` with
/// `RENAME_EXCHANGE`). Fails where the system or file system cannot.
#[cfg(target_os = "linux")]
pub(super) fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    fsutil::rename_with(a, b, libc::RENAME_EXCHANGE)
}

#[cfg(not(target_os = "linux"))]
pub(super) fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// `remove_dir_all`, with the subfolders removed in parallel.
pub(super) fn remove_tree(dir: &Path) -> std::io::Result<()> {
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
