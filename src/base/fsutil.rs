//! File system helpers: which files are editor noise, I/O errors that name
//! their path, and the one writer of content files ([`write_whole`],
//! [`write_new_whole`], [`write_new_files`]): each file is written whole or
//! not at all.

use crate::base::i18n::{Arg, Msg};
use crate::base::score::Score;
use crate::msg;
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
    pub action: Action,
    pub source: std::io::Error,
}

/// What was being done to the path when it failed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Read,
    Write,
    /// A new file, which must not exist yet.
    Create,
    CreateFolder,
    SyncFolder,
    Replace,
    Copy,
    Remove,
    MoveAside,
    Restore,
    OpenLock,
    Lock,
    WriteLock,
}

impl PathError {
    /// `cannot write public/index.html: the disk is full`, in words.
    pub fn message(&self) -> Msg {
        let path = self.path.display().to_string();
        let error = io_arg(&self.source);
        match self.action {
            Action::Read => msg!("E801-read", path = path, error = error),
            Action::Write => msg!("E801-write", path = path, error = error),
            Action::Create => msg!("E801-create", path = path, error = error),
            Action::CreateFolder => msg!("E801-create-folder", path = path, error = error),
            Action::SyncFolder => msg!("E801-sync-folder", path = path, error = error),
            Action::Replace => msg!("E801-replace", path = path, error = error),
            Action::Copy => msg!("E801-copy", path = path, error = error),
            Action::Remove => msg!("E801-remove", path = path, error = error),
            Action::MoveAside => msg!("E801-move-aside", path = path, error = error),
            Action::Restore => msg!("E801-restore", path = path, error = error),
            Action::OpenLock => msg!("E801-open-lock", path = path, error = error),
            Action::Lock => msg!("E801-lock", path = path, error = error),
            Action::WriteLock => msg!("E801-write-lock", path = path, error = error),
        }
    }
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().en())
    }
}

impl std::error::Error for PathError {}

/// An I/O error that kiemchung makes itself (a write refused because an
/// earlier one failed): its words are a message of the catalog, shown in
/// the reader's language ([`io_arg`]).
#[derive(Debug)]
pub struct Said(pub Msg);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en())
    }
}

impl std::error::Error for Said {}

/// An I/O error of kiemchung's own ([`Said`]).
pub fn said(m: Msg) -> std::io::Error {
    std::io::Error::other(Said(m))
}

/// What the system (or kiemchung, [`Said`]) said, as a message argument.
pub fn io_arg(e: &std::io::Error) -> Arg {
    match e.get_ref().and_then(|x| x.downcast_ref::<Said>()) {
        Some(Said(m)) => Arg::from(m.clone()),
        None => Arg::from(e),
    }
}

pub fn read(path: &Path) -> Result<Vec<u8>, PathError> {
    std::fs::read(path).map_err(|source| PathError {
        path: path.to_owned(),
        action: Action::Read,
        source,
    })
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), PathError> {
    std::fs::write(path, bytes).map_err(|source| PathError {
        path: path.to_owned(),
        action: Action::Write,
        source,
    })
}

pub fn create_dir_all(path: &Path) -> Result<(), PathError> {
    std::fs::create_dir_all(path).map_err(|source| PathError {
        path: path.to_owned(),
        action: Action::CreateFolder,
        source,
    })
}

/// Whether an error says the disk, or the user's quota on it, is full.
pub fn is_disk_full(e: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    if matches!(e.kind(), ErrorKind::StorageFull | ErrorKind::QuotaExceeded) {
        return true;
    }
    #[cfg(target_os = "linux")]
    if matches!(e.raw_os_error(), Some(libc::ENOSPC | libc::EDQUOT)) {
        return true;
    }
    false
}

/// The bytes an unprivileged user may still write on the file system that
/// holds `path` (statvfs), where the system tells it.
#[cfg(target_os = "linux")]
pub fn free_space(path: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: statvfs only fills the struct it is given; all zeroes is a
    // valid value of that plain C struct.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid NUL-terminated path and `st` a valid pointer.
    let rc = unsafe { libc::statvfs(c.as_ptr(), &mut st) };
    (rc == 0).then(|| st.f_bavail as u64 * st.f_frsize as u64)
}

#[cfg(not(target_os = "linux"))]
pub fn free_space(_: &Path) -> Option<u64> {
    None
}

/// A size for people: `512 B`, `3.4 MB`, `1.2 GB` (decimal units, one
/// decimal), with the decimal sign of the reader's language.
pub fn human_size(bytes: u64) -> Msg {
    // Tenths of the unit, rounded, as a score (thousandths).
    let tenths = |unit: u64| Score::from_milli(((bytes + unit / 20) / (unit / 10)) as i64 * 100);
    match bytes {
        0..1_000 => msg!("size-bytes", n = bytes),
        1_000..1_000_000 => msg!("size-kb", n = tenths(1_000)),
        1_000_000..1_000_000_000 => msg!("size-mb", n = tenths(1_000_000)),
        _ => msg!("size-gb", n = tenths(1_000_000_000)),
    }
}

/// `rename` with `renameat2` flags (Linux): `RENAME_EXCHANGE` swaps two
/// paths in one atomic step, `RENAME_NOREPLACE` fails if `to` exists.
#[cfg(target_os = "linux")]
pub fn rename_with(from: &Path, to: &Path, flags: libc::c_uint) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c(from)?, c(to)?);
    // SAFETY: both are valid NUL-terminated paths; the call reads them only.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            flags,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Flushes a folder's entries (a file renamed into it) to disk.
pub fn sync_dir(dir: &Path) -> Result<(), PathError> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(|source| PathError {
                path: dir.to_owned(),
                action: Action::SyncFolder,
                source,
            })?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The temporary file beside `path` that [`write_whole`] writes first:
/// `.1.2.md.kiemchung-tmp-<pid>`, hidden, so that neither the loader nor
/// `serve`'s watcher ever takes it for content.
fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.kiemchung-tmp-{}", std::process::id()))
}

/// Writes `bytes` into the temporary file beside `path` and flushes it to
/// disk; returns the temporary file's path. Removes it on failure.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, PathError> {
    write_temp_with(path, &mut |w| w.write_all(bytes))
}

/// A temporary file beside `path`, written by `write` (buffered) and
/// flushed to disk; removed again if anything fails.
fn write_temp_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<PathBuf, PathError> {
    use std::io::Write;
    let tmp = temp_beside(path);
    let result = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        write(&mut w)?;
        w.flush()?;
        w.get_ref().sync_all()
    });
    if let Err(source) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(PathError {
            path: path.to_owned(),
            action: Action::Write,
            source,
        });
    }
    Ok(tmp)
}

/// Moves the written temporary file to `path`, refusing to replace a file
/// there (atomically where the system allows: `RENAME_NOREPLACE`, or a hard
/// link).
fn rename_new(tmp: &Path, path: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    match rename_with(tmp, path, libc::RENAME_NOREPLACE) {
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {}
        other => return other,
    }
    match std::fs::hard_link(tmp, path) {
        Ok(()) => std::fs::remove_file(tmp),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links: check, then rename.
        Err(_) if path.exists() => Err(std::io::ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(tmp, path),
    }
}

/// Writes a new file `path` whole or not at all, without flushing its
/// folder: see [`write_new_files`].
fn put_new(path: &Path, bytes: &[u8]) -> Result<(), PathError> {
    let tmp = write_temp(path, bytes)?;
    rename_new(&tmp, path).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        PathError {
            path: path.to_owned(),
            action: Action::Create,
            source,
        }
    })
}

/// Writes `bytes` to `path` whole or not at all, replacing the file there:
/// a temporary file in the same folder, flushed to disk, then renamed over
/// `path`, and the folder flushed. A kill or a full disk at any moment
/// leaves `path` as it was or as it should be, never truncated.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), PathError> {
    write_whole_with(path, &mut |w| w.write_all(bytes))
}

/// [`write_whole`] for a file written piece by piece by `write` (a large
/// archive), never held in memory whole.
pub fn write_whole_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), PathError> {
    let tmp = write_temp_with(path, write)?;
    std::fs::rename(&tmp, path).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        PathError {
            path: path.to_owned(),
            action: Action::Replace,
            source,
        }
    })?;
    sync_dir(parent_or_dot(path))
}

/// [`write_whole`] for a file that must not exist yet: fails, writing
/// nothing, if `path` exists (or appears meanwhile).
pub fn write_new_whole(path: &Path, bytes: &[u8]) -> Result<(), PathError> {
    put_new(path, bytes)?;
    sync_dir(parent_or_dot(path))
}

/// Writes new files, each whole or not at all ([`write_new_whole`]), in the
/// order given, creating their folders; each folder is flushed once, at the
/// end. Stops at the first failure and returns it with the files written
/// until then. The set is not one transaction: a kill midway leaves some of
/// the files written (each whole) and the others absent.
pub fn write_new_files<B: AsRef<[u8]>>(
    files: &[(PathBuf, B)],
) -> Result<Vec<PathBuf>, (Vec<PathBuf>, PathError)> {
    let mut written = Vec::with_capacity(files.len());
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut result = Ok(());
    for (path, bytes) in files {
        let dir = parent_or_dot(path);
        if !dir.is_dir() {
            // The new folders' own entries are flushed with their parents.
            for a in dir
                .ancestors()
                .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
            {
                dirs.push(parent_or_dot(a).to_path_buf());
            }
            if let Err(e) = create_dir_all(dir) {
                result = Err(e);
                break;
            }
        }
        if let Err(e) = put_new(path, bytes.as_ref()) {
            result = Err(e);
            break;
        }
        dirs.push(dir.to_path_buf());
        written.push(path.clone());
    }
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        if let Err(e) = sync_dir(d)
            && result.is_ok()
        {
            result = Err(e);
        }
    }
    match result {
        Ok(()) => Ok(written),
        Err(e) => Err((written, e)),
    }
}

/// The folder holding `path`; `.` for a bare file name.
pub fn parent_or_dot(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
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
    fn whole_files_are_written_and_new_ones_never_replace() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("a.md");
        write_new_whole(&p, b"one").unwrap();
        let e = write_new_whole(&p, b"two").unwrap_err();
        assert_eq!(e.source.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_whole(&p, b"three").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        let files = [
            (tmp.path().join("x/y/b.md"), "b"),
            (tmp.path().join("x/c.md"), "c"),
            (p.clone(), "no"),
            (tmp.path().join("x/d.md"), "d"),
        ];
        let (written, e) = write_new_files(&files).unwrap_err();
        assert_eq!(written, [files[0].0.clone(), files[1].0.clone()]);
        assert_eq!(e.path, p);
        assert!(!files[3].0.exists());
        // No temporary file is left beside them.
        let mut names: Vec<String> = std::fs::read_dir(tmp.path().join("x"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["c.md", "y"]);
    }

    #[test]
    fn sizes_for_people() {
        use crate::base::i18n::Lang;
        assert_eq!(human_size(999).en(), "999 B");
        assert_eq!(human_size(3_400_000).en(), "3.4 MB");
        assert_eq!(human_size(3_400_000).text(Lang::Vi), "3,4 MB");
        assert_eq!(human_size(2_100_000_000).en(), "2.1 GB");
    }

    #[test]
    fn ignored_paths() {
        assert!(is_ignored_path(Path::new(".git/config")));
        assert!(is_ignored_path(Path::new("content/2022/.1.md.swp")));
        assert!(!is_ignored_path(Path::new("content/2022/1.md")));
    }
}
