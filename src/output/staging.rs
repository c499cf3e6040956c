//! The staging folder a build writes into, and the swap that puts it in
//! place of the output folder (see the module above).

use super::Output;
use crate::fsutil::{self, PathError};
use std::path::{Path, PathBuf};

/// The temporary folders of a build writing `out_dir`: where the new site
/// is written, and where the previous one is moved aside.
fn temp_dirs(out_dir: &Path) -> (PathBuf, PathBuf) {
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    (
        parent.join(format!(".{name}.kiemchung-new")),
        parent.join(format!(".{name}.kiemchung-old")),
    )
}

/// Puts back a previous site that a build killed between "move aside" and
/// "move in" left aside (only where the swap is two renames). Called before
/// every build, so even a failing one finds the output folder whole.
pub fn recover(out_dir: &Path) -> Result<(), PathError> {
    let (_, old) = temp_dirs(out_dir);
    if !out_dir.exists() && old.is_dir() {
        std::fs::rename(&old, out_dir).map_err(|source| PathError {
            path: old.clone(),
            action: "restore",
            source,
        })?;
    }
    Ok(())
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> PathError {
    let path = path.to_path_buf();
    move |source| PathError {
        path,
        action,
        source,
    }
}

/// The sibling folder a build writes into before it replaces the output
/// folder. Dropped without [`Staging::finish`] (a failed build), it removes
/// the staging folder and any parent folder it had to create, so a failed
/// build changes nothing on disk. A build killed midway leaves only the
/// staging folder, which the next build removes first.
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// The topmost folder created for the output's parent, if it was missing.
    created: Option<PathBuf>,
    done: bool,
}

impl Staging {
    pub fn begin(out_dir: &Path) -> Result<Staging, PathError> {
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let created = parent
            .ancestors()
            .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
            .last()
            .map(Path::to_path_buf);
        fsutil::create_dir_all(&parent)?;
        recover(out_dir)?;
        let (dir, old) = temp_dirs(out_dir);
        let staging = Staging {
            out_dir: out_dir.to_path_buf(),
            dir,
            old,
            created,
            done: false,
        };
        // What a killed build left behind: a half-written staging folder,
        // or a previous site not yet removed.
        for leftover in [&staging.dir, &staging.old] {
            if leftover.exists() {
                remove_tree(leftover).map_err(io("remove", leftover))?;
            }
        }
        fsutil::create_dir_all(&staging.dir)?;
        Ok(staging)
    }

    /// The path of a generated file (`2025/1-1-1/index.html`) in the
    /// staging folder, its folder created.
    fn staged(&self, rel: &str) -> Result<PathBuf, PathError> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fsutil::create_dir_all(parent)?;
        }
        Ok(path)
    }

    /// Creates a generated file in the staging folder, to be written piece
    /// by piece (a long page rendered straight into it); buffered, so the
    /// caller flushes it. Safe to call from several threads at once.
    pub fn create(&self, rel: &str) -> Result<std::io::BufWriter<std::fs::File>, PathError> {
        let path = self.staged(rel)?;
        let file = std::fs::File::create(&path).map_err(io("write", &path))?;
        Ok(std::io::BufWriter::with_capacity(64 * 1024, file))
    }

    /// Writes what `output` holds besides the files already written, then
    /// swaps the staging folder in for the output folder.
    pub fn finish(mut self, output: &Output) -> Result<(), PathError> {
        output.write_into(&self.dir)?;
        // One atomic step where the system allows it: the new site and the
        // old one trade places, so at every instant `out_dir` is one whole site.
        if self.out_dir.is_dir() && exchange(&self.dir, &self.out_dir).is_ok() {
            self.done = true;
            return remove_tree(&self.dir).map_err(io("remove", &self.dir));
        }
        if self.out_dir.exists() {
            std::fs::rename(&self.out_dir, &self.old).map_err(io("move aside", &self.out_dir))?;
        }
        if let Err(source) = std::fs::rename(&self.dir, &self.out_dir) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&self.old, &self.out_dir);
            return Err(PathError {
                path: self.out_dir.clone(),
                action: "replace",
                source,
            });
        }
        self.done = true;
        if self.old.exists() {
            remove_tree(&self.old).map_err(io("remove", &self.old))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = remove_tree(&self.dir);
            if let Some(top) = &self.created {
                let _ = std::fs::remove_dir_all(top);
            }
        }
    }
}

/// Swaps two folders in one atomic rename (Linux `renameat2` with
/// `RENAME_EXCHANGE`). Fails where the system or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (ca, cb) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths; the call reads them only.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
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
    use crate::output::Content;

    /// The names in a folder, sorted.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    /// A build whose writing fails (a file to copy is missing) leaves `out`
    /// (in `root`) with its previous home page, "one", and nothing beside it.
    fn fails_and_keeps_the_site(root: &Path, out: &Path) {
        let mut bad = Output::default();
        bad.insert_str("index.html", "new".into());
        bad.files
            .insert("x.pdf".into(), Content::File(root.join("missing.pdf")));
        assert!(bad.write_atomic(out).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "one"
        );
        assert_eq!(
            names_in(root),
            ["public"],
            "no staging folder is left behind"
        );
    }

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

        fails_and_keeps_the_site(tmp.path(), &out);
    }

    /// Streams "page" into `2025/1-1/index.html`, as `build` does.
    fn write_page(st: &Staging) {
        use std::io::Write;
        let mut w = st.create("2025/1-1/index.html").unwrap();
        w.write_all(b"page").unwrap();
        w.flush().unwrap();
    }

    #[test]
    fn streamed_pages_are_swapped_in_and_a_failed_build_leaves_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("a/b/public");
        {
            // A build that fails after writing some pages: nothing remains,
            // not even the parent folders it had to create.
            let st = Staging::begin(&out).unwrap();
            write_page(&st);
        }
        assert!(!tmp.path().join("a").exists());

        let st = Staging::begin(&out).unwrap();
        write_page(&st);
        let mut o = Output::default();
        o.files
            .insert("2025/1-1/index.html".into(), Content::Written);
        o.insert_str("sitemap.xml", "map".into());
        st.finish(&o).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("2025/1-1/index.html")).unwrap(),
            "page"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("sitemap.xml")).unwrap(),
            "map"
        );
        let names = names_in(&tmp.path().join("a/b"));
        assert_eq!(names, ["public"], "no staging folder is left behind");
    }

    #[test]
    fn a_site_left_aside_by_a_killed_build_is_restored() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let mut o = Output::default();
        o.insert_str("index.html", "one".into());
        o.write_atomic(&out).unwrap();
        // Killed between "move aside" and "move in": no public/, the old
        // site aside and a full staging folder.
        std::fs::rename(&out, tmp.path().join(".public.kiemchung-old")).unwrap();
        std::fs::create_dir(tmp.path().join(".public.kiemchung-new")).unwrap();
        fails_and_keeps_the_site(tmp.path(), &out);
    }
}
