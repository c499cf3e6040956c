//! Stage 4, render: every page of the site, from its template ([`env`])
//! and its context ([`contexts`], one file per kind of page). Site-wide
//! files that are not pages (data, workbook, search, sitemap, feeds) are
//! [`crate::exports`].
//!
//! How the pages are made depends on the [`Mode`]: written straight into
//! the staging folder (`build`), kept in memory (tests), or taken from
//! `serve`'s cache and otherwise made when a browser asks ([`on_request`]).

pub mod charts;
pub(crate) mod contexts;
pub mod env;
mod on_request;
pub(crate) mod pages;
pub(crate) mod rows;
pub mod views;

use crate::base::diag::Diagnostic;
use crate::base::timing::stopwatch;
use crate::error::Error;
use crate::incremental::pages::PageCache;
use crate::model::markdown::Body;
use crate::model::site::Site;
use crate::output::{Content, Lazy, Output, Sink};
use contexts::Contexts;
use env::Templates;
use minijinja::value::Value;
use on_request::{Made, OnRequest};
use pages::PageKind;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The rendered Markdown body of each content file, by path
/// (`content/2022/1.md`). Kept out of the site model on purpose: a rebuild
/// after a body-only edit reuses the model as it is.
pub type Bodies = HashMap<String, Body>;

/// How a render makes its pages.
pub enum Mode<'a> {
    /// `build` and `check`: every page rendered, each written into the sink
    /// as it is made.
    Write(&'a dyn Sink),
    /// Every page rendered and kept in memory (tests, fuzzing).
    Memory,
    /// `serve`: a page whose inputs did not change since the previous
    /// render is taken from the cache, every other page is made when first
    /// asked for. `only_bodies_changed` says that nothing but Markdown
    /// bodies changed since then (see [`crate::incremental`]): a page whose
    /// body is unchanged is then reused without even building its context.
    Serve {
        cache: &'a PageCache,
        only_bodies_changed: bool,
    },
}

/// The pages' output paths (`2022/1-2/index.html`) that the sitemap lists.
pub fn listed_paths(site: &Site) -> Vec<String> {
    let no_bodies = Bodies::new();
    let cx = Contexts::new(site, &no_bodies, &[]);
    cx.list()
        .into_iter()
        .filter(|p| p.listed())
        .map(|p| cx.locate(p).0)
        .collect()
}

/// Renders every page of `site`. Template errors are [`Error::Site`];
/// a page that cannot be written is [`Error::Io`].
pub fn render(
    site: &Arc<Site>,
    bodies: &Bodies,
    templates: &Arc<Templates>,
    warnings: &Arc<[Diagnostic]>,
    mode: Mode,
) -> Result<Output, Error> {
    let lap = stopwatch("  render/");
    let cx = Contexts::new(site, bodies, warnings);
    let (serve, only_bodies_changed) = match &mode {
        Mode::Serve {
            cache,
            only_bodies_changed,
        } => {
            let render = cache.begin(&templates.fingerprint);
            let made = Arc::new(Made {
                site: site.clone(),
                warnings: warnings.clone(),
                templates: templates.clone(),
                store: render.store(),
            });
            (Some((render, made)), *only_bodies_changed)
        }
        _ => (None, false),
    };
    let timings = Timings::new();
    lap("setup");
    let results: Vec<Result<(String, Content), Error>> = cx
        .list()
        .into_par_iter()
        .map(|page| {
            let (path, body) = cx.locate(page);
            let Some((render, made)) = &serve else {
                let sink = match &mode {
                    Mode::Write(sink) => Some(*sink),
                    _ => None,
                };
                return render_now(&cx, templates, page, path, body, sink, &timings);
            };
            let cached = render.previous(&path).filter(|c| c.body == body);
            let reuse = |hit: &crate::incremental::pages::CachedPage| {
                Ok((path.clone(), Content::Bytes(hit.html.clone())))
            };
            // Only bodies changed since the last render: an unchanged body
            // means an unchanged page, without building its context.
            if let (true, Some(hit)) = (only_bodies_changed, cached) {
                return reuse(hit);
            }
            // A page whose context is as before is reused; any other is
            // made when first requested.
            let unchanged = cached.filter(|_| !page.is_long()).filter(|hit| {
                cx.job(page)
                    .key()
                    .is_some_and(|key| *hit.key == *key.as_slice())
            });
            if let Some(hit) = unchanged {
                return reuse(hit);
            }
            let on_request = OnRequest {
                made: made.clone(),
                page,
                path: path.clone(),
                body,
            };
            Ok((path, Lazy::content(move || on_request.make())))
        })
        .collect();
    lap("pages");
    timings.print();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut out = Output::default();
    for r in results {
        match r {
            Ok((path, content)) => {
                out.files.insert(path, content);
            }
            Err(Error::Site(diags)) => {
                for d in diags {
                    if !errors.contains(&d) {
                        errors.push(d);
                    }
                }
            }
            Err(e) => return Err(e),
        }
    }
    if !errors.is_empty() {
        return Err(Error::Site(errors));
    }
    if let Some((render, _)) = serve {
        let on_request = out
            .files
            .iter()
            .filter(|(_, c)| matches!(c, Content::Lazy(_)))
            .map(|(p, _)| p.as_str());
        let present: HashSet<&str> = out.files.keys().map(String::as_str).collect();
        render.finish(on_request, &present);
    }
    Ok(out)
}

/// Renders one page now: into its file of the sink, or into memory.
fn render_now(
    cx: &Contexts,
    templates: &Templates,
    page: PageKind,
    path: String,
    body: Option<Body>,
    sink: Option<&dyn Sink>,
    timings: &Timings,
) -> Result<(String, Content), Error> {
    if sink.is_some_and(|s| s.stopped()) {
        return Err(crate::output::stopped_error());
    }
    let started = timings.on.then(std::time::Instant::now);
    let job = cx.job(page);
    let context_time = started.map(|t| t.elapsed());
    let tpl = templates
        .env
        .get_template(job.template)
        .map_err(|e| Error::Site(vec![templates.error(&e)]))?;
    let value = job.value(&templates.site_value, body.as_ref());
    let (content, size) = match sink {
        Some(sink) => {
            let size = render_into(sink, &path, &tpl, value, templates)?;
            (Content::Written, size)
        }
        None => {
            let html: Arc<[u8]> = tpl
                .render(value)
                .map_err(|e| Error::Site(vec![templates.error(&e)]))?
                .into_bytes()
                .into();
            let size = html.len();
            (Content::Bytes(html), size)
        }
    };
    if let (Some(t), Some(c)) = (started, context_time) {
        timings.add(job.template, c, t.elapsed(), &path, size);
    }
    Ok((path, content))
}

/// Renders `tpl` straight into the file `path` of `sink`; the number of
/// bytes written.
fn render_into(
    sink: &dyn Sink,
    path: &str,
    tpl: &minijinja::Template,
    value: Value,
    templates: &Templates,
) -> Result<usize, Error> {
    let mut w = sink.create(path)?;
    render_to(tpl, value, &mut *w, path, templates)
}

/// Renders `tpl` into `w`, the file `path` of the output, and flushes it;
/// the number of bytes written. A failure to write is [`Error::Io`] with
/// the system's error, a failure in the template [`Error::Site`].
pub(crate) fn render_to(
    tpl: &minijinja::Template,
    value: Value,
    w: &mut dyn Write,
    path: &str,
    templates: &Templates,
) -> Result<usize, Error> {
    /// Counts what is written, and keeps the first write error: minijinja
    /// reports it only as text.
    struct Counting<'a> {
        inner: &'a mut dyn Write,
        n: usize,
        failed: Option<std::io::Error>,
    }
    impl Write for Counting<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            match self.inner.write(buf) {
                Ok(n) => {
                    self.n += n;
                    Ok(n)
                }
                Err(e) => {
                    if self.failed.is_none() {
                        self.failed = Some(std::io::Error::new(e.kind(), e.to_string()));
                    }
                    Err(e)
                }
            }
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    let mut w = Counting {
        inner: w,
        n: 0,
        failed: None,
    };
    if let Err(e) = tpl.render_captured_to(value, &mut w) {
        return Err(match w.failed.take() {
            Some(io) => Error::writing(path, io),
            None if e.kind() == minijinja::ErrorKind::WriteFailure => {
                Error::writing(path, std::io::Error::other(e.to_string()))
            }
            None => Error::Site(vec![templates.error(&e)]),
        });
    }
    w.flush().map_err(|e| Error::writing(path, e))?;
    Ok(w.n)
}

/// With `KIEMCHUNG_TIMINGS` set: the time per template (pages, building
/// their contexts, rendering them, summed over threads), and the pages that
/// take 100 ms or more (a profiling aid; see bench/README.md).
struct Timings {
    on: bool,
    per_template: Mutex<BTreeMap<&'static str, (u32, Duration, Duration)>>,
}

impl Timings {
    fn new() -> Self {
        Timings {
            on: std::env::var_os("KIEMCHUNG_TIMINGS").is_some(),
            per_template: Mutex::default(),
        }
    }

    fn add(
        &self,
        template: &'static str,
        context: Duration,
        total: Duration,
        path: &str,
        size: usize,
    ) {
        let mut m = self.per_template.lock().unwrap_or_else(|e| e.into_inner());
        let e = m.entry(template).or_default();
        *e = (e.0 + 1, e.1 + context, e.2 + total);
        if total.as_millis() >= 100 {
            eprintln!("  render/page {path}: {total:?}, {size} bytes");
        }
    }

    fn print(&self) {
        let m = self.per_template.lock().unwrap_or_else(|e| e.into_inner());
        for (name, (n, context, total)) in m.iter() {
            eprintln!("  render/{name}: {n} pages, {total:?} (contexts {context:?})");
        }
    }
}
