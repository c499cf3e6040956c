//! The staging folder a build writes into, and the swap that puts it in
//! place of the output folder (see the module above).
//!
//! Names beside `public/`: `.public.kiemchung-new-<pid>` (the new site),
//! `.public.kiemchung-old-<pid>` (the previous one, moved aside where the
//! swap is two renames), `.public.kiemchung-lock` ([`super::lock`]). Every
//! step from the first look at these names to the swap is done holding the
//! lock, so what another build left there is a dead build's leftover.

use super::Output;
use super::failure::{Failed, Space, WriteError};
use super::folders::{exchange, io, recover, remove_tree, sibling, tree_size};
use super::guard::{self, Refusal};
use super::lock::{LockError, OnBusy, OutputLock};
use crate::base::fsutil::{self, Action, PathError};
use crate::msg;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// How a build may write its output folder.
#[derive(Clone, Copy)]
pub struct WriteOptions<'a> {
    /// Replace a non-empty folder kiemchung did not make (`--force`).
    pub force: bool,
    pub on_busy: OnBusy<'a>,
}

impl Default for WriteOptions<'_> {
    fn default() -> Self {
        WriteOptions {
            force: false,
            on_busy: OnBusy::Wait(&|_| {}),
        }
    }
}

/// Why [`Staging::begin`] wrote nothing.
#[derive(Debug)]
pub enum BeginError {
    /// Another build is writing the output folder (`--no-wait`).
    Busy {
        pid: Option<u32>,
    },
    /// The output folder holds files kiemchung did not write.
    Refused(Refusal),
    Io(PathError),
}

/// A file being written into the staging folder: counts what it writes,
/// and records the first failure, after which the build stops.
pub struct StagedFile<'a> {
    file: std::fs::File,
    rel: String,
    staging: &'a Staging,
}

impl std::io::Write for StagedFile<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.file.write(buf) {
            Ok(n) => {
                self.staging.written.fetch_add(n as u64, Ordering::Relaxed);
                Ok(n)
            }
            Err(e) => {
                self.staging.fail(&self.rel, &e);
                Err(e)
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// The sibling folder a build writes into before it replaces the output
/// folder, and the lock that makes it the only build writing there.
/// Dropped without [`Staging::finish`] (a failed build), it removes the
/// staging folder and any parent folder it had to create, so a failed
/// build changes nothing on disk. A build killed midway leaves only the
/// staging folder, which the next build removes first.
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// The topmost folder created for the output's parent, if it was missing.
    created: Option<PathBuf>,
    done: bool,
    lock: Option<OutputLock>,
    written: AtomicU64,
    failed: Mutex<Option<Failed>>,
    free_at_start: Option<u64>,
}

impl Staging {
    /// Takes the lock of `out_dir` (waiting for another build, or not),
    /// checks again, holding it, that the folder is kiemchung's, cleans up
    /// after killed builds and creates the staging folder, with the mark.
    pub fn begin(out_dir: &Path, opts: &WriteOptions) -> Result<Staging, BeginError> {
        let parent = fsutil::parent_or_dot(out_dir).to_path_buf();
        let created = parent
            .ancestors()
            .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
            .last()
            .map(Path::to_path_buf);
        fsutil::create_dir_all(&parent).map_err(BeginError::Io)?;
        let pid = std::process::id();
        let mut staging = Staging {
            out_dir: out_dir.to_path_buf(),
            dir: sibling(out_dir, &format!("kiemchung-new-{pid}")),
            old: sibling(out_dir, &format!("kiemchung-old-{pid}")),
            created,
            done: false,
            lock: None,
            written: AtomicU64::new(0),
            failed: Mutex::new(None),
            free_at_start: None,
        };
        // From here on, dropping `staging` undoes what was done.
        staging.lock = Some(
            OutputLock::acquire(out_dir, opts.on_busy).map_err(|e| match e {
                LockError::Busy { pid } => BeginError::Busy { pid },
                LockError::Io(e) => BeginError::Io(e),
            })?,
        );
        guard::check_mark(out_dir, opts.force).map_err(BeginError::Refused)?;
        recover(out_dir).map_err(BeginError::Io)?;
        staging.free_at_start = fsutil::free_space(&parent);
        fsutil::create_dir_all(&staging.dir).map_err(BeginError::Io)?;
        let mark = staging.dir.join(guard::MARK);
        fsutil::write(&mark, guard::MARK_TEXT.as_bytes()).map_err(BeginError::Io)?;
        Ok(staging)
    }

    /// The output folder path of a generated file (for messages).
    fn shown(&self, rel: &str) -> PathBuf {
        self.out_dir.join(rel)
    }

    /// Records the first failure to write; the build stops at it.
    fn fail(&self, rel: &str, e: &std::io::Error) {
        let mut f = self.failed.lock().unwrap_or_else(|e| e.into_inner());
        if f.is_none() {
            *f = Some(Failed {
                path: self.shown(rel),
                kind: e.kind(),
                os: e.raw_os_error(),
                message: e.to_string(),
            });
        }
    }

    /// Whether a write has failed: nothing more is worth rendering.
    pub fn stopped(&self) -> bool {
        self.failed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// The first write that failed while rendering, if any.
    pub fn failure(&self) -> Option<WriteError> {
        let f = self.failed.lock().unwrap_or_else(|e| e.into_inner());
        let f = f.as_ref()?;
        let error = PathError {
            path: f.path.clone(),
            action: Action::Write,
            source: f.error(),
        };
        Some(self.write_error(error, None))
    }

    fn write_error(&self, error: PathError, needed: Option<u64>) -> WriteError {
        let full = fsutil::is_disk_full(&error.source).then(|| Space {
            written: self.written.load(Ordering::Relaxed),
            needed,
            free_at_start: self.free_at_start,
            previous: tree_size(&self.out_dir),
        });
        WriteError { error, full }
    }

    /// Creates a generated file in the staging folder, to be written piece
    /// by piece (a long page rendered straight into it); buffered, so the
    /// caller flushes it. Safe to call from several threads at once.
    pub fn create(&self, rel: &str) -> Result<std::io::BufWriter<StagedFile<'_>>, PathError> {
        let path = self.dir.join(rel);
        let fail = |action, source: std::io::Error| {
            self.fail(rel, &source);
            PathError {
                path: self.shown(rel),
                action,
                source,
            }
        };
        if self.stopped() {
            return Err(PathError {
                path: self.shown(rel),
                action: Action::Write,
                source: fsutil::said(msg!("E801-stopped")),
            });
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(Action::CreateFolder, e))?;
        }
        let file = std::fs::File::create(&path).map_err(|e| fail(Action::Write, e))?;
        let file = StagedFile {
            file,
            rel: rel.to_string(),
            staging: self,
        };
        Ok(std::io::BufWriter::with_capacity(64 * 1024, file))
    }

    /// Writes what `output` holds besides the files already written, then
    /// swaps the staging folder in for the output folder. Once the new site
    /// is in place, a failure to remove the previous one is only a warning
    /// (returned): the next build removes it.
    pub fn finish(mut self, output: &Output) -> Result<Option<PathError>, WriteError> {
        if let Some(e) = self.failure() {
            return Err(e);
        }
        let rest = output.unwritten_size();
        if let Err(mut e) = output.write_into(&self.dir) {
            if let Ok(rel) = e.path.strip_prefix(&self.dir) {
                e.path = self.out_dir.join(rel);
            }
            let needed = self.written.load(Ordering::Relaxed) + rest;
            return Err(self.write_error(e, Some(needed)));
        }
        // One atomic step where the system allows it: the new site and the
        // old one trade places, so at every instant `out_dir` is one whole site.
        let is_dir = std::fs::symlink_metadata(&self.out_dir).is_ok_and(|m| m.is_dir());
        if is_dir && exchange(&self.dir, &self.out_dir).is_ok() {
            self.done = true;
            return Ok(remove_tree(&self.dir)
                .map_err(io(Action::Remove, &self.dir))
                .err());
        }
        let plain = |e| WriteError {
            error: e,
            full: None,
        };
        if std::fs::symlink_metadata(&self.out_dir).is_ok() {
            std::fs::rename(&self.out_dir, &self.old)
                .map_err(io(Action::MoveAside, &self.out_dir))
                .map_err(plain)?;
        }
        if let Err(source) = std::fs::rename(&self.dir, &self.out_dir) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&self.old, &self.out_dir);
            return Err(plain(PathError {
                path: self.out_dir.clone(),
                action: Action::Replace,
                source,
            }));
        }
        self.done = true;
        if self.old.exists() {
            return Ok(remove_tree(&self.old)
                .map_err(io(Action::Remove, &self.old))
                .err());
        }
        Ok(None)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = remove_tree(&self.dir);
        }
        // The lock file goes, still held; then the folders this build
        // created for the output's parent, if now empty; then the lock.
        let lock = self.lock.take();
        if let Some(top) = &self.created
            && !self.done
        {
            drop(lock);
            let parent = fsutil::parent_or_dot(&self.out_dir);
            for dir in parent.ancestors() {
                if std::fs::remove_dir(dir).is_err() || dir == top {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Content;

    impl Output {
        /// Writes the whole site into `out_dir`, replacing what was there
        /// only once everything is written.
        fn write_atomic(&self, out_dir: &Path) -> Result<(), String> {
            Staging::begin(out_dir, &WriteOptions::default())
                .map_err(|e| format!("{e:?}"))?
                .finish(self)
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
    }

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
            let st = Staging::begin(&out, &WriteOptions::default()).unwrap();
            write_page(&st);
        }
        assert!(!tmp.path().join("a").exists());

        let st = Staging::begin(&out, &WriteOptions::default()).unwrap();
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
        // site aside and a full staging folder (named as a build of another
        // process, and as builds before the lock named them).
        std::fs::rename(&out, tmp.path().join(".public.kiemchung-old-99999")).unwrap();
        std::fs::create_dir(tmp.path().join(".public.kiemchung-new-99999")).unwrap();
        std::fs::create_dir(tmp.path().join(".public.kiemchung-new")).unwrap();
        // Not ours: left alone.
        std::fs::create_dir(tmp.path().join(".public.kiemchung-newer")).unwrap();
        std::fs::write(tmp.path().join(".public.kiemchung-old-1"), "a file").unwrap();
        let mut bad = Output::default();
        bad.files.insert(
            "x.pdf".into(),
            Content::File(tmp.path().join("missing.pdf")),
        );
        assert!(bad.write_atomic(&out).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "one"
        );
        assert_eq!(
            names_in(tmp.path()),
            [
                ".public.kiemchung-newer",
                ".public.kiemchung-old-1",
                "public"
            ]
        );
    }

    #[test]
    fn the_output_holds_the_mark_and_a_stopped_build_writes_no_more() {
        use std::io::Write;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let mut o = Output::default();
        o.insert_str("index.html", "one".into());
        o.write_atomic(&out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join(guard::MARK)).unwrap(),
            guard::MARK_TEXT
        );
        let st = Staging::begin(&out, &WriteOptions::default()).unwrap();
        let mut w = st.create("a.html").unwrap();
        w.write_all(b"a").unwrap();
        w.flush().unwrap();
        drop(w);
        st.fail("b.html", &std::io::Error::from_raw_os_error(28));
        assert!(st.stopped());
        assert!(st.create("c.html").is_err());
        let e = st.failure().unwrap();
        assert_eq!(e.error.path, out.join("b.html"));
        let space = e.full.as_ref().expect("ENOSPC is a full disk");
        assert_eq!(space.written, 1);
        assert!(space.previous.unwrap() > 3);
        assert!(st.finish(&o).is_err());
        assert_eq!(names_in(tmp.path()), ["public"]);
    }
}
