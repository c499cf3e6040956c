//! The one build function, shared by `build`, `check` and `serve`:
//! load → model → check → render → output (in memory).

use crate::check::{self, FileIndex};
use crate::diag::{self, Diagnostic};
use crate::load::{self, Inputs};
use crate::markdown::MarkdownSettings;
use crate::model::{self, ParsedFile};
use crate::output::{Content, Output};
use crate::render;
use crate::site::{self, Site};
use crate::theme;
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Replaces site.toml's base_url (`build --base-url`).
    pub base_url: Option<String>,
    /// Replaces only the scheme and host of base_url, keeping its path
    /// (`serve`: `https://example.gov.vn/cchc/` is previewed at
    /// `http://127.0.0.1:1111/cchc/` with origin `http://127.0.0.1:1111`).
    pub origin: Option<String>,
    /// The date task states are computed against.
    pub today: Date,
    /// Include drafts (serve).
    pub drafts: bool,
}

impl BuildOptions {
    /// Options for the site in `root`, as written (no overrides), drafts left out.
    pub fn new(root: impl Into<PathBuf>, today: Date) -> Self {
        BuildOptions {
            root: root.into(),
            base_url: None,
            origin: None,
            today,
            drafts: false,
        }
    }
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

/// A file's text and what parsing it gave.
type CachedParse = (Arc<str>, Arc<ParsedFile>);

/// Caches across builds of the same site (`serve` keeps one): the pure
/// per-file work (front matter and rendered Markdown), keyed by path and
/// checked against the file's whole text, so a stale entry is never used.
#[derive(Default)]
pub struct Cache {
    texts: load::TextCache,
    pages: render::RenderCache,
    memo: Mutex<Option<Memo>>,
    entries: Mutex<HashMap<String, CachedParse>>,
    settings: Mutex<Option<MarkdownSettings>>,
}

impl Cache {
    fn parse_all(&self, files: &[load::SourceFile], md: &MarkdownSettings) -> Vec<Arc<ParsedFile>> {
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
            .map(|(f, c)| c.unwrap_or_else(|| Arc::new(model::parse_file(f, md))))
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

/// Everything the site model and the diagnostics depend on: what a build
/// reads, except Markdown bodies that show only on their own page, and the
/// templates, which only the render reads (the render cache compares them
/// itself and renders every page again when one changed). Two builds with
/// the same shape have the same site model and the same diagnostics; so a
/// theme edit in `serve` skips assembling and checking the model (190 ms
/// at 10,000 criteria).
#[derive(PartialEq)]
struct Shape {
    config: Option<Arc<str>>,
    today: Date,
    drafts: bool,
    base_url: Option<String>,
    origin: Option<String>,
    files: Vec<(String, Arc<str>)>,
    content_assets: Vec<String>,
    static_files: Vec<String>,
    theme_static: Vec<String>,
}

impl Shape {
    fn of(opts: &BuildOptions, inputs: &Inputs, parsed: &[Arc<ParsedFile>]) -> Shape {
        let rels = |v: &[load::Asset]| v.iter().map(|a| a.rel.clone()).collect();
        Shape {
            config: inputs.config_text.clone(),
            today: opts.today,
            drafts: opts.drafts,
            base_url: opts.base_url.clone(),
            origin: opts.origin.clone(),
            files: parsed
                .iter()
                .map(|p| (p.rel.clone(), p.shape.clone()))
                .collect(),
            content_assets: rels(&inputs.content_assets),
            static_files: rels(&inputs.static_files),
            theme_static: rels(&inputs.theme_static),
        }
    }
}

/// The model and warnings of the last good build, with its shape.
struct Memo {
    shape: Shape,
    site: Arc<Site>,
    warnings: Arc<[Diagnostic]>,
}

/// With `KIEMCHUNG_TIMINGS` set, prints when each stage ends (a profiling
/// aid; see bench/README.md).
pub(crate) fn stopwatch(prefix: &'static str) -> impl Fn(&str) {
    let t0 = std::time::Instant::now();
    let on = std::env::var_os("KIEMCHUNG_TIMINGS").is_some();
    move |what| {
        if on {
            // Peak memory so far, where the system tells it (Linux).
            let peak = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().to_string()))
                })
                .map(|v| format!(", peak memory {v}"))
                .unwrap_or_default();
            // CPU time of the whole process so far (user + system, Linux),
            // to tell a stage that keeps both cores busy from a serial one.
            let cpu = std::fs::read_to_string("/proc/self/stat")
                .ok()
                .and_then(|s| {
                    // The fields after the command name, which is in parentheses.
                    let rest = &s[s.rfind(')')? + 2..];
                    let f: Vec<&str> = rest.split(' ').collect();
                    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
                    // SAFETY: sysconf only reads a system constant.
                    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
                    (hz > 0).then(|| format!(", CPU {:.2} s", ticks as f64 / hz as f64))
                })
                .unwrap_or_default();
            eprintln!("{prefix}{what}: {:?}{cpu}{peak}", t0.elapsed());
        }
    }
}

pub fn build(opts: &BuildOptions, cache: Option<&Cache>) -> Result<Built, Vec<Diagnostic>> {
    build_with(opts, cache, None)
}

/// Why [`build_into`] did not replace the output folder.
pub enum BuildFailure {
    /// The site has errors (with its warnings).
    Site(Vec<Diagnostic>),
    /// The site could not be written (the first write that failed).
    Write(crate::output::WriteError),
    /// Another build is writing the output folder (`--no-wait`).
    Busy { pid: Option<u32> },
    /// The output folder holds files kiemchung did not write.
    Refused(crate::output::guard::Refusal),
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
    out_dir: &std::path::Path,
    write: &crate::output::WriteOptions,
) -> Result<Built, BuildFailure> {
    use crate::output::{BeginError, Staging};
    let lap = stopwatch("");
    let staging = Staging::begin(out_dir, write).map_err(|e| match e {
        BeginError::Busy { pid } => BuildFailure::Busy { pid },
        BeginError::Refused(r) => BuildFailure::Refused(r),
        BeginError::Io(error) => {
            BuildFailure::Write(crate::output::WriteError::before_writing(error, out_dir))
        }
    })?;
    let mut built = match build_with(opts, None, Some(&staging)) {
        Ok(b) => b,
        // Errors that a failed write caused, one per file it stopped: the
        // write is the one to report.
        Err(diags) => {
            return Err(match staging.failure() {
                Some(w) => BuildFailure::Write(w),
                None => BuildFailure::Site(diags),
            });
        }
    };
    if let Some(e) = staging.finish(&built.output).map_err(BuildFailure::Write)? {
        let mut w = built.warnings.to_vec();
        w.push(Diagnostic::warning(
            "",
            format!("{e}; the new site is in place, and the next build removes what is left"),
        ));
        built.warnings = w.into();
    }
    lap("written");
    Ok(built)
}

fn build_with(
    opts: &BuildOptions,
    cache: Option<&Cache>,
    sink: Option<&dyn render::Sink>,
) -> Result<Built, Vec<Diagnostic>> {
    let lap = stopwatch("");
    let mut inputs = load::load_with(&opts.root, cache.map(|c| &c.texts));
    lap("load");
    let mut diags = std::mem::take(&mut inputs.diagnostics);
    let Some(mut config) = inputs.config.take() else {
        diag::sort(&mut diags);
        return Err(diags);
    };
    if let Some(url) = &opts.base_url
        && let Err(msg) = config.set_base_url(url)
    {
        diags.push(Diagnostic::error("", format!("--base-url: {msg}")));
    }
    if let Some(origin) = &opts.origin {
        let url = format!("{}{}", origin.trim_end_matches('/'), config.base_path);
        if let Err(msg) = config.set_base_url(&url) {
            diags.push(Diagnostic::error("", format!("origin: {msg}")));
        }
    }
    let md = MarkdownSettings {
        base_path: config.base_path.clone(),
        unsafe_html: config.markdown.unsafe_html,
    };
    let parsed = match cache {
        Some(c) => c.parse_all(&inputs.content, &md),
        // The shape (a copy of the front matter) only serves to compare
        // one serve rebuild with the next: a one-off build lets it go
        // (10 MB at 10,000 pages, massif), and keeps the rendered bodies
        // compressed until their pages are rendered (`markdown::Body`).
        None => inputs
            .content
            .par_iter()
            .map(|f| {
                let mut p = model::parse_file(f, &md);
                p.shape = Arc::from("");
                p.body_html = p.body_html.packed();
                Arc::new(p)
            })
            .collect(),
    };
    lap("parse");

    // Only bodies changed since the last good build: same model, same
    // diagnostics; skip assemble and check.
    let shape = cache.map(|_| Shape::of(opts, &inputs, &parsed));
    lap("shape");
    let memo = cache.and_then(|c| {
        let m = c.memo.lock().unwrap_or_else(|e| e.into_inner());
        m.as_ref()
            .filter(|m| diags.is_empty() && Some(&m.shape) == shape.as_ref())
            .map(|m| (m.site.clone(), m.warnings.clone()))
    });
    let same_shape = memo.is_some();
    lap("memo");
    let (site, mut diags, memo_warnings, looked_on_disk) = match memo {
        Some((old, warnings)) => (old, Vec::new(), Some(warnings), false),
        None => {
            for p in &parsed {
                diags.extend(p.diagnostics.iter().cloned());
            }
            // Markdown files that could not be read (not UTF-8, too big…)
            // take part as unusable files, so that the checks spanning
            // files do not also report what their absence causes.
            let unread: Vec<Arc<ParsedFile>> = diags
                .iter()
                .filter(|d| {
                    d.is_error() && d.file.starts_with("content/") && d.file.ends_with(".md")
                })
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
            let mut site = site::assemble(
                config,
                opts.today,
                opts.drafts,
                all,
                &inputs.content_assets,
                &mut diags,
            );
            let index = FileIndex::new(&inputs.root, &inputs.content_assets, &inputs.static_files);
            lap("assemble");
            check::check(&mut site, &index, &mut diags);
            lap("check");
            fill_source_lines(&mut diags, &inputs);
            if diags.iter().any(Diagnostic::is_error) {
                diag::sort(&mut diags);
                return Err(diags);
            }
            (Arc::new(site), diags, None, index.looked_on_disk.get())
        }
    };
    lap("model");
    let input_files = inputs.content.len();
    if cache.is_none() {
        // The texts are not needed past this point (diagnostics already
        // carry their source lines); a one-off build frees them before
        // rendering, the stage that needs the most memory.
        inputs.content = Vec::new();
    }
    let bodies: render::Bodies = parsed
        .iter()
        .map(|p| (p.rel.as_str(), p.body_html.clone()))
        .collect();
    let mut output = match render::render(
        &site,
        &bodies,
        &inputs.theme_templates,
        cache.map(|c| &c.pages),
        same_shape,
        sink,
    ) {
        Ok(o) => o,
        Err(mut errs) => {
            diags.append(&mut errs);
            diag::sort(&mut diags);
            return Err(diags);
        }
    };
    lap("render");
    add_files(&mut output, &site, &inputs, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        diags.extend(memo_warnings.iter().flat_map(|w| w.iter().cloned()));
        diag::sort(&mut diags);
        return Err(diags);
    }
    let warnings: Arc<[Diagnostic]> = match memo_warnings {
        Some(w) => w,
        None => {
            diag::sort(&mut diags);
            diags.into()
        }
    };
    if let (Some(c), Some(shape)) = (cache, shape) {
        let mut m = c.memo.lock().unwrap_or_else(|e| e.into_inner());
        *m = (!looked_on_disk).then(|| Memo {
            shape,
            site: site.clone(),
            warnings: warnings.clone(),
        });
    }
    Ok(Built {
        output,
        site,
        warnings,
        input_files,
    })
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
                    format!(
                        "this file would replace the generated /{}; rename or remove it",
                        a.rel
                    ),
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
                crate::fsutil::rel_string(&inputs.root, src),
                format!("this file would replace the generated /{path}; rename or remove it"),
            ));
            continue;
        }
        out.files.insert(path.clone(), Content::File(src.clone()));
    }
}

impl render::Sink for crate::output::Staging {
    fn create(&self, rel: &str) -> Result<Box<dyn std::io::Write + '_>, Diagnostic> {
        crate::output::Staging::create(self, rel)
            .map(|w| Box::new(w) as Box<dyn std::io::Write>)
            .map_err(|e| Diagnostic::error("", e.to_string()))
    }

    fn stopped(&self) -> bool {
        crate::output::Staging::stopped(self)
    }
}
