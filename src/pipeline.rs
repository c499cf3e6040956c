//! The one build function, shared by every command: load → model → check
//! → render and exports → output. `build`, `check` and `serve` differ only
//! in the [`Mode`]; `report` stops after the checks ([`check`]).

pub use crate::incremental::Cache;

use crate::base::diag::{self, Diagnostic};
use crate::base::i18n::Msg;
use crate::base::timing::stopwatch;
use crate::check::FileIndex;
use crate::error::Error;
use crate::exports::{self, ExportContext};
use crate::incremental::memo::{Shape, ShapeOptions};
use crate::load::{self, Inputs, theme};
use crate::model::audience::{self, Audience};
use crate::model::file::ParsedFile;
use crate::model::markdown::MarkdownSettings;
use crate::model::site::Site;
use crate::output::{Content, Output, Sink};
use crate::render::{self, Bodies, env::Templates};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Replaces site.toml's base_url (`build --base-url`).
    pub base_url: Option<String>,
    /// Replaces only the scheme and host of base_url, keeping its path
    /// (`serve`: `https://example.gov.vn/cchc/` is previewed at
    /// `http://127.0.0.1:1111/cchc/` with origin `http://127.0.0.1:1111`).
    pub origin: Option<String>,
    /// The date task states are computed against, and the pages show.
    pub today: Today,
    /// The public site (drafts and what is internal left out) or the
    /// reviewers' preview.
    pub audience: Audience,
}

impl BuildOptions {
    /// Options for the public site in `root`, as written (no overrides).
    pub fn new(root: impl Into<PathBuf>, today: impl Into<Today>) -> Self {
        BuildOptions {
            root: root.into(),
            base_url: None,
            origin: None,
            today: today.into(),
            audience: Audience::Public,
        }
    }
}

/// Which day a build is made on. It never depends on the machine's time
/// zone: a given date, else `SOURCE_DATE_EPOCH` (the reproducible-builds
/// convention: seconds since 1970), else the clock read in the site's time
/// zone (site.toml's `timezone`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Today {
    On(Date),
    Now,
}

impl From<Date> for Today {
    fn from(d: Date) -> Today {
        Today::On(d)
    }
}

impl Today {
    /// The date, in `tz`; an unreadable `SOURCE_DATE_EPOCH` is an error.
    pub fn resolve(self, tz: &jiff::tz::TimeZone) -> Result<Date, Msg> {
        if let Today::On(d) = self {
            return Ok(d);
        }
        let now = match crate::base::timing::source_date_epoch() {
            Some(epoch) => epoch?,
            None => jiff::Timestamp::now(),
        };
        Ok(now.to_zoned(tz.clone()).date())
    }
}

/// How a build makes its files.
pub enum Mode<'a> {
    /// `build` (into the staging folder) and `check` (into nothing): every
    /// page and file made and written as soon as it is made.
    Write(&'a dyn Sink),
    /// Every page and file made and kept in memory (tests).
    Memory,
    /// `serve`: in memory, with the caches kept from the previous build.
    Serve(&'a Cache),
}

/// The result of a successful build: the site in memory and its warnings.
pub struct Built {
    pub output: Output,
    pub site: Arc<Site>,
    /// Warnings only (a build with errors returns `Err`), sorted; shared
    /// with the next build when nothing but bodies change.
    pub warnings: Arc<[Diagnostic]>,
    pub input_files: usize,
}

/// The checked model: what `report` needs, and what the render reads.
pub struct Checked {
    pub site: Arc<Site>,
    /// Sorted.
    pub warnings: Arc<[Diagnostic]>,
    pub input_files: usize,
    /// The rendered Markdown bodies, by file.
    pub bodies: Arc<Bodies>,
}

/// A build in memory, with the caches of `serve` when `cache` is given:
/// [`run`] with [`Mode::Memory`] or [`Mode::Serve`], its error as the
/// diagnostics to show.
pub fn build(opts: &BuildOptions, cache: Option<&Cache>) -> Result<Built, Vec<Diagnostic>> {
    let mode = match cache {
        Some(c) => Mode::Serve(c),
        None => Mode::Memory,
    };
    run(opts, mode).map_err(|e| match e {
        Error::Site(diags) => diags,
        other => vec![Diagnostic::error("", other.message())],
    })
}

/// `kiemchung build`: builds the site and writes it into `out_dir`,
/// streaming each page into a staging folder as soon as it is rendered,
/// then swapping that folder in (see [`crate::output`]), holding the lock
/// of `out_dir` throughout. On any failure the output folder is left as it
/// was and the staging folder is removed; the first write that fails (a
/// full disk) stops the build and is the one error reported.
/// The returned [`Built`] holds the paths of the pages, not their bytes.
pub fn build_into(
    opts: &BuildOptions,
    out_dir: &Path,
    write: &crate::output::WriteOptions,
) -> Result<Built, Error> {
    use crate::output::Staging;
    let lap = stopwatch("");
    let staging = Staging::begin(out_dir, write).map_err(|e| Error::from_begin(e, out_dir))?;
    let mut built = match run(opts, Mode::Write(&staging)) {
        Ok(b) => b,
        // Errors that a failed write caused, one per file it stopped: the
        // write is the one to report.
        Err(e) => return Err(staging.failure().map_or(e, Error::from)),
    };
    if let Some(e) = staging.finish(&built.output)? {
        let mut w = built.warnings.to_vec();
        w.push(Diagnostic::warning(
            "",
            crate::msg!("W816-old-site-left", error = e.message()),
        ));
        built.warnings = w.into();
    }
    lap("written");
    Ok(built)
}

/// Loads, parses, assembles and checks the site, and stops there
/// (`report`).
pub fn check(opts: &BuildOptions) -> Result<Checked, Vec<Diagnostic>> {
    model(opts, None, &[]).map(|m| m.checked)
}

/// [`check`] as if each file of `overlay` (its path from the root,
/// `content/…`, and its text) were on disk, in place of the file there or
/// beside the others: `import` checks the tree it is about to write before
/// writing any of it.
pub fn check_as_if(
    opts: &BuildOptions,
    overlay: &[(String, String)],
) -> Result<Checked, Vec<Diagnostic>> {
    model(opts, None, overlay).map(|m| m.checked)
}

/// Puts the texts of `overlay` into the loaded content, kept sorted.
fn lay_over(inputs: &mut Inputs, overlay: &[(String, String)]) {
    for (rel, text) in overlay {
        let text: Arc<str> = Arc::from(text.as_str());
        match inputs.content.iter_mut().find(|f| &f.rel == rel) {
            Some(f) => f.text = text,
            None => inputs.content.push(load::SourceFile {
                rel: rel.clone(),
                text,
            }),
        }
    }
    inputs.content.sort_by(|a, b| a.rel.cmp(&b.rel));
}

/// The checked model and what the later stages need of the inputs.
struct Modeled {
    checked: Checked,
    inputs: Inputs,
    parsed: Vec<Arc<ParsedFile>>,
    /// serve: nothing but Markdown bodies changed since the last build
    /// (the model was taken from the memo).
    only_bodies_changed: bool,
    /// serve: what to keep the model under, if it may be kept.
    keep: Option<Shape>,
}

/// Builds the site in `mode`.
pub fn run(opts: &BuildOptions, mode: Mode) -> Result<Built, Error> {
    let cache = match mode {
        Mode::Serve(c) => Some(c),
        _ => None,
    };
    let Modeled {
        checked,
        inputs,
        // Lives to the end of the build: freeing the per-file results
        // early raised the build's peak memory instead of lowering it
        // (BENCHMARKS.md, "Figures behind the code").
        parsed: _parsed,
        only_bodies_changed,
        keep,
    } = model(opts, cache, &[]).map_err(Error::Site)?;
    let lap = stopwatch("");
    let site = checked.site.clone();
    let with_warnings = |mut errors: Vec<Diagnostic>| {
        errors.extend(checked.warnings.iter().cloned());
        diag::sort(&mut errors);
        Error::Site(errors)
    };
    let templates = Templates::new(&site, &inputs.theme_templates).map_err(with_warnings)?;
    let bodies = checked.bodies.clone();
    let render_mode = match mode {
        Mode::Write(sink) => render::Mode::Write(sink),
        Mode::Memory => render::Mode::Memory,
        Mode::Serve(c) => render::Mode::Serve {
            cache: &c.pages,
            only_bodies_changed,
        },
    };
    let export_cx = Arc::new(ExportContext {
        site: site.clone(),
        bodies: bodies.clone(),
        templates: templates.clone(),
        listed: render::listed_paths(&site),
    });
    // The pages and the site-wide files are independent: made side by
    // side, so that the long single tasks among them (the documents index,
    // the year table, the search index, each year's workbook) overlap with
    // the criterion pages instead of leaving a core idle at the end.
    let (pages, files) = rayon::join(
        || render::render(&site, &bodies, &templates, &checked.warnings, render_mode),
        || exports::make(export_cx, &render_mode_of(&mode, only_bodies_changed)),
    );
    lap("render and exports");
    let mut output = match (pages, files) {
        (Err(Error::Site(errors)), _) | (Ok(_), Err(Error::Site(errors))) => {
            return Err(with_warnings(errors));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
        (Ok(mut output), Ok(files)) => {
            output.files.extend(files);
            output
        }
    };
    let mut diags = Vec::new();
    add_files(&mut output, &site, &inputs, &mut diags);
    if !diags.is_empty() {
        return Err(with_warnings(diags));
    }
    if let Some(c) = cache {
        c.model
            .set(keep.map(|shape| (shape, site.clone(), checked.warnings.clone())));
    }
    Ok(Built {
        output,
        site,
        warnings: checked.warnings,
        input_files: checked.input_files,
    })
}

/// The render mode the exports follow (they use no page cache).
fn render_mode_of<'a>(mode: &Mode<'a>, only_bodies_changed: bool) -> render::Mode<'a> {
    match mode {
        Mode::Write(sink) => render::Mode::Write(*sink),
        Mode::Memory => render::Mode::Memory,
        Mode::Serve(c) => render::Mode::Serve {
            cache: &c.pages,
            only_bodies_changed,
        },
    }
}

/// Load, parse, assemble, derive the scores and check: the model, or every
/// diagnostic if there is an error. With `cache` (serve), unchanged texts
/// and parses are reused, and so is the whole model when only bodies
/// changed.
fn model(
    opts: &BuildOptions,
    cache: Option<&Cache>,
    overlay: &[(String, String)],
) -> Result<Modeled, Vec<Diagnostic>> {
    let lap = stopwatch("");
    let mut inputs = load::load_with(&opts.root, cache.map(|c| &c.texts as &dyn load::Reread));
    if !overlay.is_empty() {
        lay_over(&mut inputs, overlay);
    }
    lap("load");
    let mut diags = std::mem::take(&mut inputs.diagnostics);
    let Some(mut config) = inputs.config.take() else {
        diag::sort(&mut diags);
        return Err(diags);
    };
    if let Some(url) = &opts.base_url
        && let Err(msg) = config.set_base_url(url)
    {
        diags.push(Diagnostic::error(
            "",
            crate::msg!("E101-base-url-option", detail = msg),
        ));
    }
    if let Some(origin) = &opts.origin {
        let url = format!("{}{}", origin.trim_end_matches('/'), config.base_path);
        if let Err(msg) = config.set_base_url(&url) {
            diags.push(Diagnostic::error(
                "",
                crate::msg!("E101-base-url-origin", detail = msg),
            ));
        }
    }
    let today = match opts.today.resolve(&config.timezone) {
        Ok(d) => d,
        Err(msg) => {
            diags.push(Diagnostic::error("", msg));
            Date::default()
        }
    };
    let md = MarkdownSettings {
        base_path: config.base_path.clone(),
        unsafe_html: config.markdown.unsafe_html,
        review: opts.audience.is_review(),
    };
    let parsed: Vec<Arc<ParsedFile>> = match cache {
        Some(c) => c.parses.parse_all(&inputs.content, &md),
        // The shape (a copy of the front matter) only serves to compare
        // one serve rebuild with the next: a one-off build lets it go, and
        // keeps the rendered bodies compressed until their pages are
        // rendered (`markdown::Body`).
        None => inputs
            .content
            .par_iter()
            .map(|f| {
                let mut p = crate::model::parse::parse_file(f, &md);
                p.shape = Arc::from("");
                p.body_html = p.body_html.packed();
                Arc::new(p)
            })
            .collect(),
    };
    lap("parse");
    let input_files = inputs.content.len();

    // Only bodies changed since the last good build: same model, same
    // diagnostics; assembling and checking are skipped.
    let shape = cache.map(|_| {
        let options = ShapeOptions {
            today,
            audience: opts.audience,
            base_url: opts.base_url.clone(),
            origin: opts.origin.clone(),
        };
        Shape::of(options, &inputs, &parsed)
    });
    let memo = match (cache, &shape) {
        (Some(c), Some(shape)) if diags.is_empty() => c.model.get(shape),
        _ => None,
    };
    if let Some((site, warnings)) = memo {
        lap("memo");
        return Ok(Modeled {
            checked: Checked {
                site,
                warnings,
                input_files,
                bodies: bodies_of(&parsed),
            },
            inputs,
            parsed,
            only_bodies_changed: true,
            keep: shape,
        });
    }
    for p in &parsed {
        diags.extend(p.diagnostics.iter().cloned());
    }
    // Markdown files that could not be read (not UTF-8, too big…) take part
    // as unusable files, so that the checks spanning files do not also
    // report what their absence causes.
    let unread: Vec<Arc<ParsedFile>> = diags
        .iter()
        .filter(|d| d.is_error() && d.file.starts_with("content/") && d.file.ends_with(".md"))
        .map(|d| {
            Arc::new(ParsedFile {
                rel: d.file.clone(),
                shape: Arc::from(""),
                kind: None,
                body_html: "".into(),
                body_summary: String::new(),
                diagnostics: Vec::new(),
            })
        })
        .collect();
    let with_unread;
    let all: &[Arc<ParsedFile>] = if unread.is_empty() {
        &parsed
    } else {
        with_unread = parsed.iter().cloned().chain(unread).collect::<Vec<_>>();
        &with_unread
    };
    let mut site = crate::model::assemble::assemble(
        config,
        today,
        opts.audience,
        all,
        &inputs.content_assets,
        &mut diags,
    );
    let index = FileIndex::new(&inputs.root, &inputs.content_assets, &inputs.static_files);
    lap("assemble");
    crate::model::scores::compute(&mut site, &mut diags);
    crate::check::check(&mut site, &index, &mut diags);
    lap("check");
    fill_source_lines(&mut diags, &inputs);
    diag::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    // Every later stage reads the site as its audience sees it.
    if !opts.audience.is_review() {
        site = audience::public_view(site);
    }
    // A model that looked for evidence on disk outside what the shape
    // records is not kept: a file appearing there would go unnoticed.
    let keep = shape.filter(|_| !index.looked_on_disk.get());
    if cache.is_none() {
        // The texts are not needed past this point (diagnostics already
        // carry their source lines); a one-off build frees them before
        // rendering, the stage that needs the most memory.
        inputs.content = Vec::new();
    }
    Ok(Modeled {
        checked: Checked {
            site: Arc::new(site),
            warnings: diags.into(),
            input_files,
            bodies: bodies_of(&parsed),
        },
        inputs,
        parsed,
        only_bodies_changed: false,
        keep,
    })
}

/// The rendered body of each parsed file, by path.
fn bodies_of(parsed: &[Arc<ParsedFile>]) -> Arc<Bodies> {
    Arc::new(
        parsed
            .iter()
            .map(|p| (p.rel.clone(), p.body_html.clone()))
            .collect(),
    )
}

/// Shows each diagnostic's source line, for those raised after parsing.
fn fill_source_lines(diags: &mut [Diagnostic], inputs: &Inputs) {
    let texts: HashMap<&str, &str> = inputs
        .content
        .iter()
        .map(|f| (f.rel.as_str(), &*f.text))
        .collect();
    for d in diags.iter_mut() {
        if d.source_line.is_some() {
            continue;
        }
        if let Some(text) = texts.get(d.file.as_str()) {
            d.show_source(text);
        }
    }
}

/// Files copied as they are: the built-in theme's static files, the site
/// theme's, static/, then section assets and evidence. A later layer
/// overrides an earlier one; none may replace a generated page.
fn add_files(out: &mut Output, site: &Site, inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    // Pages and data are `Bytes` or `Lazy`; copied files are `Static` or `File`.
    let generated = |out: &Output, path: &str| {
        matches!(
            out.files.get(path),
            Some(Content::Bytes(_) | Content::Lazy(_) | Content::Written)
        )
    };
    for (path, bytes) in theme::static_files() {
        out.files
            .insert((*path).to_string(), Content::Static(bytes));
    }
    let layers = [
        (
            format!("themes/{}/static/", site.config.theme),
            &inputs.theme_static,
        ),
        ("static/".to_string(), &inputs.static_files),
    ];
    for (prefix, files) in layers {
        for a in files {
            if generated(out, &a.rel) {
                diags.push(Diagnostic::error(
                    format!("{prefix}{}", a.rel),
                    crate::msg!("E815-replaces-generated", path = &a.rel),
                ));
                continue;
            }
            out.files
                .insert(a.rel.clone(), Content::File(a.abs.clone()));
        }
    }
    for (path, src) in &site.copies {
        if generated(out, path) {
            diags.push(Diagnostic::error(
                crate::base::fsutil::rel_string(&inputs.root, src),
                crate::msg!("E815-replaces-generated", path = path),
            ));
            continue;
        }
        out.files.insert(path.clone(), Content::File(src.clone()));
    }
}
