//! The pure per-file work kept across builds: each Markdown file's front
//! matter, diagnostics and rendered body, keyed by path and checked against
//! the file's whole text, so a stale entry is never used. All of it is
//! forgotten when the Markdown settings change.

use crate::load::SourceFile;
use crate::model::file::ParsedFile;
use crate::model::markdown::MarkdownSettings;
use crate::model::parse::parse_file;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A file's text and what parsing it gave.
type CachedParse = (Arc<str>, Arc<ParsedFile>);

#[derive(Default)]
pub struct ParseCache {
    entries: Mutex<HashMap<String, CachedParse>>,
    settings: Mutex<Option<MarkdownSettings>>,
}

impl ParseCache {
    /// Every file parsed, or taken as it was when its text is unchanged.
    pub fn parse_all(&self, files: &[SourceFile], md: &MarkdownSettings) -> Vec<Arc<ParsedFile>> {
        {
            let mut s = self.settings.lock().unwrap_or_else(|e| e.into_inner());
            if s.as_ref() != Some(md) {
                self.entries
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clear();
                *s = Some(md.clone());
            }
        }
        let cached: Vec<Option<Arc<ParsedFile>>> = {
            let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
            files
                .iter()
                .map(|f| {
                    entries
                        .get(&f.rel)
                        .filter(|(text, _)| Arc::ptr_eq(text, &f.text) || **text == *f.text)
                        .map(|(_, p)| p.clone())
                })
                .collect()
        };
        let parsed: Vec<Arc<ParsedFile>> = files
            .par_iter()
            .zip(cached)
            .map(|(f, c)| c.unwrap_or_else(|| Arc::new(parse_file(f, md))))
            .collect();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() != files.len() {
            let present: std::collections::HashSet<&str> =
                files.iter().map(|f| f.rel.as_str()).collect();
            entries.retain(|rel, _| present.contains(rel.as_str()));
        }
        for (f, p) in files.iter().zip(&parsed) {
            match entries.get_mut(&f.rel) {
                Some(e) if Arc::ptr_eq(&e.1, p) => {}
                Some(e) => *e = (f.text.clone(), p.clone()),
                None => {
                    entries.insert(f.rel.clone(), (f.text.clone(), p.clone()));
                }
            }
        }
        parsed
    }
}
