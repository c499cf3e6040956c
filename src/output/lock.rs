//! One build at a time per output folder, as Cargo locks its build folder:
//! a lock file beside the output (`.public.kiemchung-lock` beside
//! `public/`), held with an OS lock (`flock` on Linux, through
//! `std::fs::File::lock`) for the whole build, and holding the pid of the
//! build that holds it, for the message of one that waits.
//!
//! The holder removes the lock file before it lets go of the lock, so no
//! file is left behind. A build that was waiting on the removed file then
//! finds, once it holds that lock, that the path no longer names the file
//! it locked, and starts over on the new one; so two builds never both
//! believe they hold the lock.

use crate::base::fsutil::{Action, PathError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Held for the life of the value: dropping it removes the lock file, then
/// releases the lock.
#[derive(Debug)]
pub struct OutputLock {
    file: std::fs::File,
    path: PathBuf,
}

/// What to do when another build holds the lock.
#[derive(Clone, Copy)]
pub enum OnBusy<'a> {
    /// Wait for it; called once, with its pid when known, before waiting.
    Wait(&'a (dyn Fn(Option<u32>) + Sync)),
    /// Fail at once (`--no-wait`).
    Fail,
}

#[derive(Debug)]
pub enum LockError {
    /// Another build holds the lock, and `OnBusy::Fail` was asked.
    Busy {
        pid: Option<u32>,
    },
    Io(PathError),
}

/// The lock file of a build writing `out_dir`: `.public.kiemchung-lock`.
pub fn lock_path(out_dir: &Path) -> PathBuf {
    super::folders::sibling(out_dir, "kiemchung-lock")
}

/// Whether `file` (open) is the file `path` names now.
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

fn read_pid(file: &mut std::fs::File) -> Option<u32> {
    let mut s = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut s).ok()?;
    s.trim().parse().ok()
}

impl OutputLock {
    /// Takes the lock of `out_dir`, whose parent folder must exist.
    pub fn acquire(out_dir: &Path, on_busy: OnBusy) -> Result<OutputLock, LockError> {
        let path = lock_path(out_dir);
        let io = |action: Action| {
            let path = path.clone();
            move |source| {
                LockError::Io(PathError {
                    path,
                    action,
                    source,
                })
            }
        };
        let mut told = false;
        loop {
            // Never truncated on opening: the holder's pid is in it.
            let open = || {
                std::fs::OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(false)
                    .open(&path)
            };
            let mut file = match open() {
                // A failed first build removes the parent folders it made
                // once it lets go of the lock: make them again.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    std::fs::create_dir_all(crate::base::fsutil::parent_or_dot(out_dir))
                        .and_then(|()| open())
                }
                other => other,
            }
            .map_err(io(Action::OpenLock))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    // The holder writes its pid just after taking the lock:
                    // give it a moment when the file is still empty.
                    let mut pid = read_pid(&mut file);
                    for _ in 0..20 {
                        if pid.is_some() {
                            break;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(5));
                        pid = read_pid(&mut file);
                    }
                    match on_busy {
                        OnBusy::Fail => return Err(LockError::Busy { pid }),
                        OnBusy::Wait(tell) => {
                            if !told {
                                tell(pid);
                                told = true;
                            }
                            file.lock().map_err(io(Action::Lock))?;
                        }
                    }
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io(Action::Lock)(e)),
            }
            // The holder before us may have removed the file we locked.
            if !same_file(&file, &path) {
                continue;
            }
            file.set_len(0).map_err(io(Action::WriteLock))?;
            file.rewind().map_err(io(Action::WriteLock))?;
            writeln!(file, "{}", std::process::id()).map_err(io(Action::WriteLock))?;
            return Ok(OutputLock { file, path });
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still held; the lock goes with the file handle.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_or_fails_and_the_file_goes_with_the_last() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = OutputLock::acquire(&out, OnBusy::Fail).unwrap();
        let lock = tmp.path().join(".public.kiemchung-lock");
        assert_eq!(
            std::fs::read_to_string(&lock).unwrap().trim(),
            std::process::id().to_string()
        );
        // Locks of one process on distinct opens exclude each other too.
        match OutputLock::acquire(&out, OnBusy::Fail) {
            Err(LockError::Busy { pid }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("{other:?}"),
        }
        let waited = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|s| {
            let h = s.spawn(|| {
                let tell = |_: Option<u32>| waited.store(true, std::sync::atomic::Ordering::SeqCst);
                OutputLock::acquire(&out, OnBusy::Wait(&tell)).unwrap()
            });
            while !waited.load(std::sync::atomic::Ordering::SeqCst) {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            drop(first);
            let second = h.join().unwrap();
            assert!(lock.exists());
            drop(second);
        });
        assert!(!lock.exists());
    }
}
