//! Stage 5, exports: the site-wide files that are not pages, each kind
//! behind one small interface, [`Export`]: the year's data as JSON and CSV
//! ([`data`]), its workbook ([`xlsx`]), the search index and list page
//! ([`search`]), the sitemap and the sections' Atom feeds ([`feeds`]).
//!
//! A new kind of file is a type that implements [`Export`], listed in
//! [`all`]. How its files are made follows the render's [`Mode`]: written
//! straight into the staging folder (`build`), made in memory (tests), or
//! made when first asked for (`serve`, which need not remake them after
//! every edit unless someone asks).

pub mod data;
pub mod dossier;
pub mod feeds;
pub mod search;
pub mod xlsx;

use crate::base::i18n::Lang;
use crate::base::timing::stopwatch;
use crate::error::Error;
use crate::model::site::Site;
use crate::output::{Content, Lazy};
use crate::render::env::Templates;
use crate::render::{Bodies, Mode};
use rayon::prelude::*;
use std::io::Write;
use std::sync::{Arc, OnceLock};

/// What every export reads: the finished site, the rendered bodies, the
/// templates (the search list page is a page of the theme), and the pages
/// the sitemap lists.
pub struct ExportContext {
    pub site: Arc<Site>,
    pub bodies: Arc<Bodies>,
    pub templates: Arc<Templates>,
    /// The pages' output paths that the sitemap lists.
    pub listed: Vec<String>,
}

/// Writes the files of a part, one writer per path, in the order of
/// [`Part::paths`].
type Make = dyn Fn(&ExportContext, &mut [&mut dyn Write]) -> Result<(), Error> + Send + Sync;

/// One or more files made together: a year's workbook, or the search index
/// with its list page (made from the same entries).
pub struct Part {
    pub paths: Vec<String>,
    make: Box<Make>,
    /// What `serve` shows at a path when the part could not be made.
    fallback: fn(&str, &Error, Lang) -> Vec<u8>,
}

impl Part {
    pub fn new(
        paths: Vec<String>,
        make: impl Fn(&ExportContext, &mut [&mut dyn Write]) -> Result<(), Error>
        + Send
        + Sync
        + 'static,
    ) -> Part {
        Part {
            paths,
            make: Box::new(make),
            fallback: error_file,
        }
    }

    /// One file.
    pub fn one(
        path: String,
        make: impl Fn(&ExportContext, &mut dyn Write) -> Result<(), Error> + Send + Sync + 'static,
    ) -> Part {
        Part::new(vec![path], move |cx, w| match w {
            [w] => make(cx, &mut **w),
            _ => Ok(()),
        })
    }

    /// Replaces what `serve` shows when the part cannot be made.
    pub fn on_error(mut self, fallback: fn(&str, &Error, Lang) -> Vec<u8>) -> Part {
        self.fallback = fallback;
        self
    }

    fn make_in_memory(&self, cx: &ExportContext) -> Result<Vec<Vec<u8>>, Error> {
        let mut files: Vec<Vec<u8>> = vec![Vec::new(); self.paths.len()];
        let mut writers: Vec<&mut dyn Write> =
            files.iter_mut().map(|f| f as &mut dyn Write).collect();
        (self.make)(cx, &mut writers)?;
        Ok(files)
    }
}

/// The default of [`Part::on_error`]: for an HTML file, a page that shows
/// the error; nothing for any other.
fn error_file(path: &str, e: &Error, lang: Lang) -> Vec<u8> {
    if !path.ends_with(".html") {
        return Vec::new();
    }
    match e {
        Error::Site(diags) if !diags.is_empty() => crate::render::env::error_page(&diags[0], lang),
        _ => crate::render::env::error_page(
            &crate::base::diag::Diagnostic::error("", e.message()),
            lang,
        ),
    }
}

/// A kind of site-wide file.
pub trait Export: Sync {
    /// Its parts for this site (none, one, or one per year…).
    fn parts(&self, cx: &ExportContext) -> Vec<Part>;
}

/// Every kind of site-wide file. Each part is independent of the others;
/// the search index comes first, as the longest single task.
pub fn all() -> [&'static dyn Export; 7] {
    [
        &search::Search,
        &data::Json,
        &data::Csv,
        &xlsx::Xlsx,
        &feeds::Sitemap,
        &feeds::Atom,
        &dossier::Dossier,
    ]
}

/// Makes every export's files as `mode` says; the files and what they
/// hold (`Written` when they went into the sink).
pub fn make(cx: Arc<ExportContext>, mode: &Mode) -> Result<Vec<(String, Content)>, Error> {
    let parts: Vec<Part> = all().iter().flat_map(|e| e.parts(&cx)).collect();
    let lap = stopwatch("  exports/");
    match mode {
        Mode::Write(sink) => {
            let write = |part: Part| -> Result<Vec<String>, Error> {
                if sink.stopped() {
                    return Err(crate::output::stopped_error());
                }
                let mut files = part
                    .paths
                    .iter()
                    .map(|p| sink.create(p))
                    .collect::<Result<Vec<_>, _>>()?;
                let mut writers: Vec<&mut dyn Write> = files
                    .iter_mut()
                    .map(|f| &mut **f as &mut dyn Write)
                    .collect();
                (part.make)(&cx, &mut writers)?;
                for (w, path) in writers.iter_mut().zip(&part.paths) {
                    w.flush().map_err(|e| Error::writing(path, e))?;
                }
                lap(&part.paths.join(", "));
                Ok(part.paths)
            };
            // The first part (the search index, the longest) starts at once;
            // the others are made beside it.
            let mut parts = parts.into_iter();
            let first = parts.next();
            let rest: Vec<Part> = parts.collect();
            let (first, rest) = rayon::join(
                || first.map(write).transpose(),
                || rest.into_par_iter().map(write).collect::<Vec<_>>(),
            );
            let mut out = Vec::new();
            let first = first.map(Option::unwrap_or_default);
            for paths in std::iter::once(first).chain(rest) {
                out.extend(paths?.into_iter().map(|p| (p, Content::Written)));
            }
            Ok(out)
        }
        Mode::Memory => {
            let made: Vec<Result<Vec<(String, Content)>, Error>> = parts
                .into_par_iter()
                .map(|part| {
                    let files = part.make_in_memory(&cx)?;
                    Ok(part
                        .paths
                        .into_iter()
                        .zip(files)
                        .map(|(p, bytes)| (p, Content::Bytes(bytes.into())))
                        .collect())
                })
                .collect();
            let mut out = Vec::new();
            for files in made {
                out.extend(files?);
            }
            Ok(out)
        }
        Mode::Serve { .. } => Ok(parts
            .into_iter()
            .flat_map(|part| on_request(part, cx.clone()))
            .collect()),
    }
}

/// `serve`: the part's files, made together when one is first asked for.
fn on_request(part: Part, cx: Arc<ExportContext>) -> Vec<(String, Content)> {
    struct MadeTogether {
        part: Part,
        cx: Arc<ExportContext>,
        made: OnceLock<Vec<Arc<[u8]>>>,
    }
    let paths = part.paths.clone();
    let shared = Arc::new(MadeTogether {
        part,
        cx,
        made: OnceLock::new(),
    });
    paths
        .into_iter()
        .enumerate()
        .map(|(i, path)| {
            let shared = shared.clone();
            let content = Lazy::content(move || {
                let files =
                    shared
                        .made
                        .get_or_init(|| match shared.part.make_in_memory(&shared.cx) {
                            Ok(files) => files.into_iter().map(Arc::from).collect(),
                            Err(e) => shared
                                .part
                                .paths
                                .iter()
                                .map(|p| {
                                    Arc::from((shared.part.fallback)(
                                        p,
                                        &e,
                                        shared.cx.site.config.lang(),
                                    ))
                                })
                                .collect(),
                        });
                files[i].clone()
            });
            (path, content)
        })
        .collect()
}
