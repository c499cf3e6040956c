//! Watching the site for changes: which file events trigger a rebuild (a
//! pure function, table-tested), and the watcher with its debounce.
//!
//! Folders are watched, not files: the site root without recursion (for
//! site.toml, which editors replace by a rename on save, and for content/,
//! static/ or themes/ appearing later), and content/, static/ and themes/
//! recursively. The output folder (public/) is none of them, and editor
//! temporary files ([`fsutil::is_temp_file`]) are ignored.

use crate::base::fsutil;
use crate::base::i18n::Lang;
use crate::load::config;
use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{Event, RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// The folders under the root whose whole tree is watched.
pub const WATCHED_DIRS: [&str; 3] = ["content", "static", "themes"];

/// What stands for the changed paths when the system gave none (a rescan);
/// the terminal says it in words.
pub const RESCAN: &str = "(rescan)";
/// A burst of events (an editor's save, a `git checkout`) ends after this
/// much quiet. Short, because it adds to every rebuild's latency; editors
/// finish a save within a few milliseconds.
pub const QUIET: Duration = Duration::from_millis(20);
/// A burst that goes on longer than this is cut: rebuild now, and again
/// after the rest.
pub const MAX_BURST: Duration = Duration::from_millis(500);
/// How often `--poll` looks at every file. notify's PollWatcher compares
/// modification times in whole seconds (reading every file's contents each
/// time would cost too much on a network drive), so a second save within
/// the same second as the previous one is seen only with the next save.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// Whether a file event under `root` should trigger a rebuild.
///
/// - Reads (`Access`) and metadata-only changes (permissions, owner, access
///   time: a build reading files may bump those) do not; creating, writing,
///   renaming and removing do, as do a new modification time (which is how
///   the poll watcher reports writes) and events whose kind is unknown.
/// - Only `site.toml` and paths inside content/, static/ and themes/ count
///   (the output folder is never among them), and none whose name or any
///   folder on its way is an editor temporary or hidden file.
/// - An event that says the watcher lost track (`need_rescan`) always
///   triggers.
pub fn triggers_rebuild(root: &Path, event: &Event) -> bool {
    if event.need_rescan() {
        return true;
    }
    match event.kind {
        EventKind::Access(_) => false,
        // A new modification time is how the poll watcher reports a write.
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)) => {
            event.paths.iter().any(|p| is_watched_path(root, p))
        }
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => event.paths.iter().any(|p| is_watched_path(root, p)),
    }
}

/// Whether `path` is site.toml or inside a watched folder of `root`, and not
/// an editor temporary file.
pub fn is_watched_path(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components();
    let Some(Component::Normal(first)) = parts.next() else {
        return false;
    };
    match first.to_str() {
        Some(config::FILE) => parts.next().is_none(),
        Some(dir) if WATCHED_DIRS.contains(&dir) => !fsutil::is_ignored_path(rel),
        _ => false,
    }
}

/// The file watcher of a site: native (inotify, FSEvents, …) or polling.
pub struct Watch {
    root: PathBuf,
    /// The language of the terminal, for what the watch says there.
    lang: Lang,
    watcher: Box<dyn Watcher + Send>,
    events: Receiver<notify::Result<Event>>,
}

impl Watch {
    /// Starts watching `root` (which should be canonical, as event paths
    /// are compared with it). `poll` uses notify's PollWatcher, for file
    /// systems that send no events (WSL2 over /mnt, Docker mounts, network
    /// drives).
    pub fn start(root: &Path, poll: bool, lang: Lang) -> notify::Result<Watch> {
        let (tx, events) = mpsc::channel();
        let watcher: Box<dyn Watcher + Send> = if poll {
            let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
            Box::new(notify::PollWatcher::new(tx, config)?)
        } else {
            Box::new(notify::recommended_watcher(tx)?)
        };
        let mut watch = Watch {
            root: root.to_path_buf(),
            lang,
            watcher,
            events,
        };
        watch.watcher.watch(root, RecursiveMode::NonRecursive)?;
        for dir in WATCHED_DIRS {
            let path = root.join(dir);
            if path.is_dir() {
                watch.watcher.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        Ok(watch)
    }

    /// Blocks until a change that needs a rebuild, then until the burst
    /// it belongs to is over ([`QUIET`]). Returns the changed paths,
    /// relative to the root and sorted, or `None` once the watcher is gone.
    pub fn next_change(&mut self) -> Option<Vec<String>> {
        let mut changed = Vec::new();
        while changed.is_empty() {
            let event = self.events.recv().ok()?;
            self.take(event, &mut changed);
        }
        let started = Instant::now();
        let mut quiet_until = started + QUIET;
        loop {
            let until = quiet_until.min(started + MAX_BURST);
            let Some(wait) = until.checked_duration_since(Instant::now()) else {
                break;
            };
            match self.events.recv_timeout(wait) {
                Ok(event) => {
                    if self.take(event, &mut changed) {
                        quiet_until = Instant::now() + QUIET;
                    }
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        changed.sort();
        changed.dedup();
        Some(changed)
    }

    /// Adds the paths of a relevant event to `changed`; true if it was one.
    fn take(&mut self, event: notify::Result<Event>, changed: &mut Vec<String>) -> bool {
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                super::warn(
                    self.lang,
                    crate::msg!("serve-watch-trouble", detail = e.to_string()),
                );
                return false;
            }
        };
        // content/, static/ or themes/ made after the start: watch it too.
        if matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_))
        ) {
            for p in &event.paths {
                let top = p.parent() == Some(&self.root)
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| WATCHED_DIRS.contains(&n));
                if top && p.is_dir() {
                    let _ = self.watcher.watch(p, RecursiveMode::Recursive);
                }
            }
        }
        if !triggers_rebuild(&self.root, &event) {
            return false;
        }
        if event.paths.is_empty() {
            changed.push(RESCAN.to_string());
        }
        for p in &event.paths {
            if is_watched_path(&self.root, p) {
                changed.push(fsutil::rel_string(&self.root, p));
            }
        }
        if changed.is_empty() {
            changed.push(RESCAN.to_string());
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{
        AccessKind, AccessMode, CreateKind, DataChange, Flag, RemoveKind, RenameMode,
    };

    fn ev(kind: EventKind, paths: &[&str]) -> Event {
        let mut e = Event::new(kind);
        for p in paths {
            e = e.add_path(Path::new("/site").join(p));
        }
        e
    }

    #[test]
    fn which_events_trigger_a_rebuild() {
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        let create = EventKind::Create(CreateKind::File);
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let remove = EventKind::Remove(RemoveKind::File);
        let cases: Vec<(EventKind, Vec<&str>, bool)> = vec![
            // what a site is made of
            (write, vec!["site.toml"], true),
            (create, vec!["site.toml"], true),
            (write, vec!["content/2022/1.md"], true),
            (create, vec!["content/2022/new.md"], true),
            (remove, vec!["content/2022/1.md"], true),
            (write, vec!["content/2022/bc-120.pdf"], true),
            (create, vec!["content/2023"], true),
            (remove, vec!["content"], true),
            (write, vec!["static/css/extra.css"], true),
            (write, vec!["themes/default/templates/node.html"], true),
            (write, vec!["themes/default/static/style.css"], true),
            (EventKind::Any, vec!["content/1.md"], true),
            (EventKind::Other, vec!["content/1.md"], true),
            (
                EventKind::Modify(ModifyKind::Any),
                vec!["content/1.md"],
                true,
            ),
            // a save by rename: temp name → real name
            (
                rename,
                vec!["content/2022/1.md.tmp", "content/2022/1.md"],
                true,
            ),
            (
                rename,
                vec!["content/2022/1.md", "content/2022/1.md~"],
                true,
            ),
            (
                rename,
                vec!["content/2022/1.md", "content/2022/1.md___jb_old___"],
                true,
            ),
            (
                rename,
                vec!["content/2022/1.md___jb_tmp___", "content/2022/1.md"],
                true,
            ),
            (
                rename,
                vec!["content/2022/4913", "content/2022/1.md~"],
                false,
            ),
            // reads and metadata
            (
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                vec!["content/1.md"],
                false,
            ),
            (
                EventKind::Access(AccessKind::Read),
                vec!["site.toml"],
                false,
            ),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
                vec!["content/1.md"],
                false,
            ),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions)),
                vec!["site.toml"],
                false,
            ),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                vec!["content/1.md"],
                false,
            ),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
                vec!["content/1.md"],
                true,
            ),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
                vec!["content/.1.md.swp"],
                false,
            ),
            // editor temporary files (vim, emacs, JetBrains, kate, VS Code, helix)
            (create, vec!["content/2022/.1.md.swp"], false),
            (write, vec!["content/2022/.1.md.swx"], false),
            (create, vec!["content/2022/4913"], false),
            (remove, vec!["content/2022/4913"], false),
            (create, vec!["content/2022/1.md~"], false),
            (create, vec!["content/2022/.#1.md"], false),
            (write, vec!["content/2022/#1.md#"], false),
            (create, vec!["content/2022/1.md___jb_tmp___"], false),
            (write, vec!["content/2022/.1.md.kate-swp"], false),
            (write, vec!["content/2022/1.md.vsctmp"], false),
            (create, vec!["content/2022/.tmpAb12Cd"], false),
            (write, vec!["site.toml~"], false),
            (write, vec!["content/.git/index"], false),
            (write, vec!["static/.DS_Store"], false),
            // outside the watched folders: the output and anything else
            (write, vec!["public/index.html"], false),
            (create, vec!["public"], false),
            (create, vec![".public.kiemchung-new/index.html"], false),
            (write, vec!["README.md"], false),
            (write, vec!["site.toml/x"], false),
            (write, vec!["contents/1.md"], false),
            (write, vec!["target/debug/kiemchung"], false),
            (write, vec![""], false),
        ];
        for (kind, paths, want) in cases {
            let e = ev(kind, &paths);
            assert_eq!(
                triggers_rebuild(Path::new("/site"), &e),
                want,
                "{kind:?} {paths:?}"
            );
        }
        let outside =
            Event::new(EventKind::Create(CreateKind::File)).add_path("/elsewhere/site.toml".into());
        assert!(!triggers_rebuild(Path::new("/site"), &outside));
    }

    #[test]
    fn a_lost_watch_always_rebuilds() {
        let e = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert!(triggers_rebuild(Path::new("/site"), &e));
    }
}
