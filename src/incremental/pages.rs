//! Rendered pages kept across `serve`'s rebuilds. A page is rendered again
//! only when the templates or the site-wide values changed (the render's
//! fingerprint), its own context changed (compared as exact serialized
//! bytes) or its Markdown body changed.

use crate::model::markdown::Body;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Default)]
pub struct PageCache {
    /// Shared with the pages made on request ([`PageStore`]), which keep
    /// themselves here once made.
    inner: Arc<Mutex<Pages>>,
}

#[derive(Default)]
struct Pages {
    fingerprint: Vec<u8>,
    by_path: HashMap<String, CachedPage>,
    /// Counts the renders: a page made on request is kept only if no
    /// render has begun since the one that left it to be made.
    generation: u64,
}

/// One rendered page and what it was made from.
pub struct CachedPage {
    /// Its context's exact bytes.
    pub key: Arc<[u8]>,
    pub body: Option<Body>,
    pub html: Arc<[u8]>,
}

impl PageCache {
    /// Begins a render with templates and site-wide values that have
    /// `fingerprint`: every page is forgotten if it differs from the last
    /// render's. The cache stays locked until [`Render::finish`], so a page
    /// made on request meanwhile is not kept.
    pub fn begin(&self, fingerprint: &[u8]) -> Render<'_> {
        let mut pages = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        pages.generation += 1;
        if pages.fingerprint != fingerprint {
            pages.by_path.clear();
            pages.fingerprint = fingerprint.to_vec();
        }
        let store = PageStore {
            inner: self.inner.clone(),
            generation: pages.generation,
        };
        Render { pages, store }
    }
}

/// One render's hold on the cache.
pub struct Render<'a> {
    pages: MutexGuard<'a, Pages>,
    store: PageStore,
}

impl Render<'_> {
    /// What the previous render left for `path`.
    pub fn previous(&self, path: &str) -> Option<&CachedPage> {
        self.pages.by_path.get(path)
    }

    /// Where the pages this render leaves to be made on request keep
    /// themselves.
    pub fn store(&self) -> PageStore {
        self.store.clone()
    }

    /// Ends the render: forgets the pages that are now made on request
    /// (what the cache held for them belongs to an earlier model) and those
    /// the site no longer has.
    pub fn finish<'p>(
        mut self,
        on_request: impl IntoIterator<Item = &'p str>,
        present: &HashSet<&str>,
    ) {
        for path in on_request {
            self.pages.by_path.remove(path);
        }
        if self.pages.by_path.len() > present.len() {
            self.pages
                .by_path
                .retain(|p, _| present.contains(p.as_str()));
        }
    }
}

/// Keeps a page made on request, for the next rebuild to reuse.
#[derive(Clone)]
pub struct PageStore {
    inner: Arc<Mutex<Pages>>,
    generation: u64,
}

impl PageStore {
    /// Kept only if no render began since this store's; a render in
    /// progress holds the lock, and the page is then not kept.
    pub fn keep(&self, path: &str, page: CachedPage) {
        if let Ok(mut pages) = self.inner.try_lock()
            && pages.generation == self.generation
        {
            pages.by_path.insert(path.to_string(), page);
        }
    }
}
