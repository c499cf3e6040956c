//! Decoded texts kept across builds, reused while a file's size and
//! modification time are unchanged. A file modified less than two seconds
//! before it was read is read again next time, since a second write within
//! the file system's timestamp granularity would not change its mtime
//! (git's "racily clean" rule).

use crate::base::diag::Diagnostic;
use crate::load::{ReadText, Reread};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

#[derive(Default)]
pub struct TextCache {
    entries: Mutex<HashMap<PathBuf, CachedText>>,
}

struct CachedText {
    mtime: SystemTime,
    len: u64,
    trusted: bool,
    text: Arc<str>,
}

impl Reread for TextCache {
    fn read_all(
        &self,
        paths: &[PathBuf],
        read: &ReadText<'_>,
    ) -> Vec<Result<Arc<str>, Diagnostic>> {
        let stamps: Vec<Option<(SystemTime, u64)>> = paths
            .par_iter()
            .map(|p| {
                let m = std::fs::metadata(p).ok()?;
                Some((m.modified().ok()?, m.len()))
            })
            .collect();
        let hits: Vec<Option<Arc<str>>> = {
            let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
            paths
                .iter()
                .zip(&stamps)
                .map(|(p, stamp)| {
                    let (mtime, len) = (*stamp)?;
                    let c = entries.get(p)?;
                    (c.trusted && c.mtime == mtime && c.len == len).then(|| c.text.clone())
                })
                .collect()
        };
        let read_at = SystemTime::now();
        let was_hit: Vec<bool> = hits.iter().map(Option::is_some).collect();
        let results: Vec<Result<Arc<str>, Diagnostic>> = paths
            .par_iter()
            .zip(hits)
            .map(|(p, hit)| match hit {
                Some(text) => Ok(text),
                None => read(p),
            })
            .collect();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        for (((p, stamp), r), hit) in paths.iter().zip(&stamps).zip(&results).zip(&was_hit) {
            if *hit {
                continue;
            }
            if let (Some((mtime, len)), Ok(text)) = (stamp, r) {
                let trusted = read_at
                    .duration_since(*mtime)
                    .is_ok_and(|age| age > Duration::from_secs(2));
                entries.insert(
                    p.clone(),
                    CachedText {
                        mtime: *mtime,
                        len: *len,
                        trusted,
                        text: text.clone(),
                    },
                );
            }
        }
        // Forget files that are gone.
        if entries.len() > paths.len() {
            let present: std::collections::HashSet<&PathBuf> = paths.iter().collect();
            entries.retain(|p, _| present.contains(p));
        }
        results
    }
}
