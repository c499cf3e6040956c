//! Stage 4, render: templates (minijinja) and data files into an [`Output`].

use crate::diag::Diagnostic;
use crate::load::SourceFile;
use crate::markdown::Body;
use crate::output::{Content, Lazy, Output};
use crate::score::Score;
use crate::site::Assessment;
use crate::site::Site;
use crate::views::{self, Link, ViewBuilder};
use crate::{charts, data, documents, report, theme, vi};
use minijinja::value::Value;
use minijinja::{Environment, ErrorKind, UndefinedBehavior, context};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;
use std::sync::Mutex;
use std::time::Duration;

/// Where a template comes from, for error messages.
struct TemplateSources {
    /// name → (path shown in diagnostics, source)
    map: BTreeMap<String, (String, Arc<str>)>,
}

impl TemplateSources {
    fn new(theme_name: &str, overrides: &[SourceFile]) -> Self {
        let mut map = BTreeMap::new();
        for (name, bytes) in theme::templates() {
            let src = String::from_utf8_lossy(bytes).into_owned();
            map.insert(
                (*name).to_string(),
                (format!("(built-in theme)/templates/{name}"), Arc::from(src)),
            );
        }
        for f in overrides {
            map.insert(
                f.rel.clone(),
                (
                    format!("themes/{theme_name}/templates/{}", f.rel),
                    f.text.clone(),
                ),
            );
        }
        TemplateSources { map }
    }
}

fn template_error(sources: &TemplateSources, e: &minijinja::Error) -> Diagnostic {
    let name = e.name().unwrap_or("");
    let (path, src) = sources
        .map
        .get(name)
        .map(|(p, s)| (p.clone(), Some(s.clone())))
        .unwrap_or_else(|| (format!("(template) {name}"), None));
    let mut msg = match e.detail() {
        Some(d) => format!("template error: {d}"),
        None => format!("template error: {}", e.kind()),
    };
    if e.kind() == ErrorKind::UndefinedError {
        msg.push_str(" (a variable or attribute that does not exist; templates are strict)");
    }
    let mut d = Diagnostic::error(path, msg);
    if let (Some(line), Some(src)) = (e.line(), src) {
        let col = e
            .range()
            .map(|r| {
                let before = &src[..r.start.min(src.len())];
                let start = before.rfind('\n').map_or(0, |i| i + 1);
                before[start..].chars().count() as u32 + 1
            })
            .unwrap_or(1);
        d = d.at(&src, line as u32, col);
    } else if let Some(line) = e.line() {
        d.line = Some(line as u32);
    }
    // Errors raised inside an included template: name the chain.
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        if let Some(me) = inner.downcast_ref::<minijinja::Error>() {
            d.message.push_str(&format!(
                " (in {}:{})",
                me.name().unwrap_or("?"),
                me.line().unwrap_or(0)
            ));
        }
        source = inner.source();
    }
    d
}

/// `vn_number`: exact Vietnamese form of a score given as text ("87.303"),
/// or of an integer or float from `extra`.
fn vn_number(v: Value) -> Result<String, minijinja::Error> {
    if v.is_none() || v.is_undefined() {
        return Ok(String::new());
    }
    if let Some(s) = v.as_str() {
        // Differences (change from last year) may be negative.
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", s),
        };
        return Score::parse(digits)
            .map(|x| {
                if x.is_zero() {
                    "0".into()
                } else {
                    format!("{neg}{}", x.to_vi())
                }
            })
            .map_err(|_| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("vn_number: `{s}` is not a number"),
                )
            });
    }
    if let Ok(i) = i64::try_from(v.clone()) {
        return Ok(vi::int(i));
    }
    if let Ok(f) = f64::try_from(v.clone()) {
        // Values from `extra` only: shown with at most three decimals.
        let text = format!("{:.3}", f.abs());
        let s = Score::parse(&text).map(Score::to_vi).unwrap_or(text);
        return Ok(if f < 0.0 { format!("-{s}") } else { s });
    }
    Err(minijinja::Error::new(
        ErrorKind::InvalidOperation,
        format!("vn_number: cannot format {v}"),
    ))
}

/// `vn_score`: a score as [`vn_number`] shows it, or, when there is none,
/// `empty` (default "—") in a muted span. The same markup as the theme's
/// `score` macro, which now calls it: a filter costs a fraction of a macro
/// call, and the year table calls it four times a row.
fn vn_score(v: Value, empty: Option<Value>) -> Result<Value, minijinja::Error> {
    let escape = |s: &str| minijinja::HtmlEscape(s).to_string();
    let html = if v.is_none() {
        let empty = match &empty {
            Some(e) if e.is_safe() => e.to_string(),
            Some(e) => escape(&e.to_string()),
            None => "—".to_string(),
        };
        format!("<span class=\"muted\">{empty}</span>")
    } else {
        escape(&vn_number(v)?)
    };
    Ok(Value::from_safe_string(html))
}

fn signed(v: Value) -> Result<String, minijinja::Error> {
    let s = vn_number(v.clone())?;
    Ok(if s.is_empty() || s.starts_with('-') || s == "0" {
        s.replacen('-', "−", 1)
    } else {
        format!("+{s}")
    })
}

fn date_arg(v: &Value, filter: &str) -> Result<jiff::civil::Date, minijinja::Error> {
    let s = v.as_str().ok_or_else(|| {
        minijinja::Error::new(
            ErrorKind::InvalidOperation,
            format!("{filter}: expected a date as text, found {v}"),
        )
    })?;
    vi::parse_date(s)
        .map_err(|e| minijinja::Error::new(ErrorKind::InvalidOperation, format!("{filter}: {e}")))
}

/// The template environment over `sources` (the site's overrides on the
/// built-in theme), with every template compiled once to report all syntax
/// errors together.
fn environment(
    site: &Site,
    sources: &Arc<TemplateSources>,
) -> Result<Environment<'static>, Vec<Diagnostic>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_debug(true);
    if let Ok(syntax) = env
        .syntax()
        .to_builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    let loader_sources = sources.clone();
    env.set_loader(move |name| Ok(loader_sources.map.get(name).map(|(_, s)| s.to_string())));
    env.add_filter("vn_number", vn_number);
    env.add_filter("vn_score", vn_score);
    env.add_filter("vn_signed", signed);
    env.add_filter("vn_int", |v: i64| vi::int(v));
    env.add_filter(
        "vn_percent",
        |v: Value| -> Result<String, minijinja::Error> {
            if v.is_none() {
                return Ok(String::new());
            }
            Ok(format!("{}%", vn_number(v)?))
        },
    );
    env.add_filter("vn_date", |v: Value| -> Result<String, minijinja::Error> {
        if v.is_none() {
            return Ok(String::new());
        }
        Ok(vi::date_short(date_arg(&v, "vn_date")?))
    });
    env.add_filter(
        "vn_date_long",
        |v: Value| -> Result<String, minijinja::Error> {
            if v.is_none() {
                return Ok(String::new());
            }
            Ok(vi::date_long(date_arg(&v, "vn_date_long")?))
        },
    );
    env.add_filter("slugify", |s: &str| vi::slugify(s));
    let base = site.config.base_path.clone();
    env.add_function("url", move |path: &str| {
        format!("{base}{}", path.trim_start_matches('/'))
    });
    let mut errors = Vec::new();
    for name in sources.map.keys() {
        if let Err(e) = env.get_template(name) {
            errors.push(template_error(sources, &e));
        }
    }
    if errors.is_empty() {
        Ok(env)
    } else {
        Err(errors)
    }
}

#[derive(Serialize, Clone)]
struct PageMeta {
    kind: &'static str,
    title: String,
    url: String,
    breadcrumbs: Vec<Link>,
}

fn meta(
    kind: &'static str,
    title: impl Into<String>,
    url: String,
    breadcrumbs: Vec<Link>,
) -> PageMeta {
    PageMeta {
        kind,
        title: title.into(),
        url,
        breadcrumbs,
    }
}

/// What one page is made of besides its path and Markdown body (from
/// [`Ctx::locate`]): its template and its context, everything the template
/// may read besides `site` and `content`.
struct PageJob {
    template: &'static str,
    ctx: Box<dyn erased::Ser + Send>,
}

impl PageJob {
    fn new<T: Serialize + Send + 'static>(template: &'static str, ctx: T) -> Self {
        PageJob {
            template,
            ctx: Box::new(ctx),
        }
    }
}

/// The pages of the site, as cheap descriptors; each is turned into a
/// [`PageJob`] on a worker thread.
#[derive(Clone, Copy)]
enum Page {
    Home,
    Assessment(usize),
    Node(usize, usize),
    Units,
    Unit(usize),
    Section(usize),
    SectionItem(usize, usize),
    Report(usize),
    Print(usize),
    Documents,
    NotFound,
}

/// Rendered pages kept across builds (serve). A page is rendered again only
/// when its template set, its site-wide values, its own context (compared as
/// exact serialized bytes) or its body changed.
#[derive(Default)]
pub struct RenderCache {
    /// Shared with the pages made on request ([`OnRequest`]), which store
    /// themselves here once made.
    inner: Arc<Mutex<RenderCacheInner>>,
}

#[derive(Default)]
struct RenderCacheInner {
    global: Vec<u8>,
    pages: HashMap<String, CachedPage>,
    /// Counts the renders: a page made on request is stored only if no
    /// render has begun since the one that left it to be made.
    generation: u64,
}

struct CachedPage {
    key: Arc<[u8]>,
    content: Option<Body>,
    html: Arc<[u8]>,
}

/// What a page's template sees: the site, the page's rendered body as
/// `content`, and its own context.
fn page_value(site_value: &Value, content: Option<&Body>, job: &PageJob) -> Value {
    let body = content
        .map(|c| Value::from_safe_string(c.html().into_owned()))
        .unwrap_or_else(|| Value::from(""));
    context! { site => site_value.clone(), content => body, ..job.ctx.value() }
}

impl Page {
    /// One long page each, whose context is the whole year or every
    /// document: in `serve` they are not even compared with the previous
    /// build's (building their contexts is most of their cost).
    fn is_long(self) -> bool {
        matches!(
            self,
            Page::Assessment(_) | Page::Report(_) | Page::Print(_) | Page::Documents
        )
    }
}

/// What the pages made on request in one `serve` build share.
struct Shared {
    site: Arc<Site>,
    env: Environment<'static>,
    site_value: Value,
    sources: Arc<TemplateSources>,
    /// The cache to store a page in once made, and the render that left it.
    store: Arc<Mutex<RenderCacheInner>>,
    generation: u64,
}

/// A page in `serve` that the previous build cannot give, made on first
/// request (Hugo's server, in its default fast render mode, likewise
/// renders only the pages a browser opened). After a theme edit
/// at 10,000 criteria, rendering every page again took 1.2 s on 2 cores
/// (the documents index alone 1.0 s of CPU time on one core), though the
/// reviewer looks at one page; now the edit costs what the reviewer opens.
/// A template error that only shows while rendering (not a syntax error,
/// which every build reports) then shows on the page itself, not in the
/// overlay of the whole build; `build` renders every page and fails on it.
/// Once made, the page is stored in the render cache, so that the next
/// rebuild reuses it as it reuses every other page.
struct OnRequest {
    shared: Arc<Shared>,
    page: Page,
    path: String,
    content: Option<Body>,
}

impl OnRequest {
    fn make(&self) -> Arc<[u8]> {
        let sh = &*self.shared;
        let vb = ViewBuilder::new(&sh.site);
        let no_bodies = Bodies::new();
        let ctx = Ctx {
            site: &sh.site,
            bodies: &no_bodies,
            units: vb.units(),
            unit_lost: std::sync::OnceLock::new(),
            vb,
        };
        let job = ctx.job(self.page);
        let value = page_value(&sh.site_value, self.content.as_ref(), &job);
        let made = sh
            .env
            .get_template(job.template)
            .and_then(|tpl| tpl.render(value));
        match made {
            Ok(html) => {
                let html: Arc<[u8]> = html.into_bytes().into();
                // Stored only if no render began since; a render in
                // progress holds the lock, and the page is then not stored.
                if let Ok(mut inner) = sh.store.try_lock()
                    && inner.generation == sh.generation
                {
                    inner.pages.insert(
                        self.path.clone(),
                        CachedPage {
                            key: job.ctx.key().into(),
                            content: self.content.clone(),
                            html: html.clone(),
                        },
                    );
                }
                html
            }
            Err(e) => error_page(&sh.sources, &e).into(),
        }
    }
}

/// What `serve` shows in place of a page made on request whose template
/// failed while rendering: the diagnostic, with its template file and line.
fn error_page(sources: &TemplateSources, e: &minijinja::Error) -> Vec<u8> {
    let d = template_error(sources, e);
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <title>Lỗi mẫu trang</title></head><body><h1>Lỗi mẫu trang</h1>\
         <pre>{}</pre></body></html>\n",
        crate::html::escape(&crate::diag::render_text(&d, false))
    )
    .into_bytes()
}

/// The rendered Markdown body of each content file, by path
/// (`content/2022/1.md`). Kept out of the site model on purpose.
pub type Bodies<'a> = HashMap<&'a str, Body>;

/// Where `build` writes each file as soon as it is made (the staging
/// folder), so that pages are not all held in memory, and a long page not
/// even once: it is rendered straight into its file.
pub trait Sink: Sync {
    /// Opens a file (`2022/1-2/index.html`) to be written piece by piece;
    /// the caller flushes it.
    fn create(&self, rel: &str) -> Result<Box<dyn Write + '_>, Diagnostic>;

    /// Whether a write has failed (a full disk): the build stops, and the
    /// pages not yet rendered are not.
    fn stopped(&self) -> bool {
        false
    }
}

/// The error of a page not rendered because the build stopped: the same for
/// every page, so it is reported once beside the failure that stopped it.
fn stopped_error() -> Diagnostic {
    Diagnostic::error("", "stopped after an earlier file could not be written")
}

/// A file of the output that could not be written.
fn write_error(path: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error("", format!("cannot write {path}: {e}"))
}

/// A template rendered straight into the file `path` that failed: in the
/// template, or writing the file.
fn render_error(sources: &TemplateSources, path: &str, e: &minijinja::Error) -> Diagnostic {
    if e.kind() == minijinja::ErrorKind::WriteFailure {
        write_error(path, e)
    } else {
        template_error(sources, e)
    }
}

/// Renders `tpl` straight into the file `path` of `sink`; the number of
/// bytes written.
fn render_into(
    sink: &dyn Sink,
    path: &str,
    tpl: &minijinja::Template,
    value: Value,
    sources: &TemplateSources,
) -> Result<usize, Diagnostic> {
    struct Counting<'a> {
        inner: Box<dyn Write + 'a>,
        n: usize,
    }
    impl Write for Counting<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.n += n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    let mut w = Counting {
        inner: sink.create(path)?,
        n: 0,
    };
    tpl.render_captured_to(value, &mut w)
        .map_err(|e| render_error(sources, path, &e))?;
    w.flush().map_err(|e| write_error(path, e))?;
    Ok(w.n)
}

const HOME: &str = "content/_index.md";

struct Ctx<'a> {
    site: &'a Site,
    bodies: &'a Bodies<'a>,
    vb: ViewBuilder<'a>,
    units: Vec<views::UnitRef>,
    /// Per unit, in the latest scored year.
    unit_lost: std::sync::OnceLock<Vec<report::UnitGap>>,
}

impl Ctx<'_> {
    fn body(&self, file: &str) -> Option<Body> {
        self.bodies.get(file).cloned()
    }

    fn pages(&self) -> Vec<Page> {
        let s = self.site;
        let mut v = vec![Page::Home];
        for (ai, a) in s.assessments.iter().enumerate() {
            v.push(Page::Assessment(ai));
            if !a.nodes.is_empty() || !a.a.tasks.is_empty() {
                v.push(Page::Report(ai));
                v.push(Page::Print(ai));
            }
            v.extend((0..a.nodes.len()).map(|ni| Page::Node(ai, ni)));
        }
        v.push(Page::Documents);
        if !self.units.is_empty() {
            v.push(Page::Units);
            v.extend((0..self.units.len()).map(Page::Unit));
        }
        for (si, sec) in s.sections.iter().enumerate() {
            if !sec.name.is_empty() {
                v.push(Page::Section(si));
            }
            v.extend((0..sec.pages.len()).map(|pi| Page::SectionItem(si, pi)));
        }
        v.push(Page::NotFound);
        // Rendered in this order, two or more at a time: the pages that list
        // the whole site (each one long task, up to half a second at 10,000
        // criteria) go first, so the criterion pages fill in around them
        // instead of one of them running alone at the end. The sitemap is
        // sorted, so the order shows nowhere in the output.
        v.sort_by_key(|p| {
            !matches!(
                p,
                Page::Documents
                    | Page::Assessment(_)
                    | Page::Report(_)
                    | Page::Print(_)
                    | Page::Units
                    | Page::Unit(_)
            )
        });
        v
    }

    fn job(&self, page: Page) -> PageJob {
        let (s, vb) = (self.site, &self.vb);
        match page {
            Page::Home => {
                let latest = s
                    .assessments
                    .iter()
                    .rev()
                    .find(|a| a.score.is_some() || a.a.total.is_some())
                    .or(s.assessments.last());
                let title = s
                    .home
                    .as_ref()
                    .map(|h| h.title.clone())
                    .unwrap_or_else(|| s.config.title.clone());
                let mut news: Vec<serde_json::Value> = s
                    .sections
                    .iter()
                    .filter(|x| !x.name.is_empty())
                    .flat_map(|x| x.pages.iter().map(move |p| (x, p)))
                    .filter(|(_, p)| p.p.date.is_some())
                    .map(|(x, p)| {
                        serde_json::json!({
                            "title": p.p.title,
                            "url": vb.urls.path(&p.url_path),
                            "date": p.p.date.map(vi::date_iso),
                            "summary": p.summary,
                            "section": x.s.title,
                        })
                    })
                    .collect();
                news.sort_by(|a, b| b["date"].as_str().cmp(&a["date"].as_str()));
                news.truncate(5);
                #[derive(Serialize)]
                struct HomeCtx {
                    page: PageMeta,
                    home: serde_json::Value,
                    latest: Option<views::AssessmentSummary>,
                    change: Option<views::Change>,
                    years: Vec<views::AssessmentSummary>,
                    news: Vec<serde_json::Value>,
                    charts: serde_json::Value,
                }
                let charts = match latest {
                    Some(a) if !a.roots.is_empty() => {
                        let areas: Vec<&crate::site::Node> =
                            a.roots.iter().map(|&r| &a.nodes[r]).collect();
                        serde_json::json!({
                            "score": charts::score_bars(
                                "diem",
                                &format!("Điểm từng lĩnh vực so với điểm tối đa, năm {}", a.year),
                                &self.bars(a, &areas, false),
                            ).html(),
                            "lost": charts::lost_bars(
                                "mat",
                                &format!("Điểm bị mất từng lĩnh vực, năm {}", a.year),
                                &self.bars(a, &areas, true),
                            ).html(),
                            "years": (self.year_points().len() > 1).then(|| charts::years(
                                "nam",
                                "Tổng điểm và xếp hạng qua các năm",
                                &self.year_points(),
                            ).html()),
                        })
                    }
                    _ => serde_json::json!({}),
                };
                let ctx = HomeCtx {
                    page: meta("home", &title, vb.urls.path(""), vec![]),
                    home: serde_json::json!({ "title": title }),
                    latest: latest.map(|a| vb.summary(a)),
                    change: latest.and_then(|a| vb.change(a)),
                    years: s.assessments.iter().rev().map(|a| vb.summary(a)).collect(),
                    news,
                    charts,
                };
                PageJob::new("index.html", ctx)
            }
            Page::Assessment(ai) => {
                let a = &s.assessments[ai];
                #[derive(Serialize)]
                struct NodeWarning {
                    id: String,
                    title: String,
                    url: String,
                    message: String,
                }
                let warnings: Vec<NodeWarning> = a
                    .nodes
                    .iter()
                    .flat_map(|n| {
                        n.warnings.iter().map(move |w| NodeWarning {
                            id: n.n.id.value.to_string(),
                            title: n.n.title.clone(),
                            url: vb.urls.node(a.year, n),
                            message: w.clone(),
                        })
                    })
                    .collect();
                #[derive(Serialize)]
                struct AssessmentCtx {
                    page: PageMeta,
                    assessment: views::AssessmentSummary,
                    change: Option<views::Change>,
                    rows: Vec<views::NodeRow>,
                    warnings: Vec<NodeWarning>,
                    tasks: Vec<views::TaskView>,
                    data: serde_json::Value,
                    years_chart: Option<String>,
                }
                let ctx = AssessmentCtx {
                    page: meta("assessment", &a.a.title, vb.urls.year(a.year), vec![]),
                    assessment: vb.summary(a),
                    change: vb.change(a),
                    rows: a.nodes.iter().map(|n| vb.row(a, n)).collect(),
                    warnings,
                    tasks: a.all_tasks().map(|t| vb.task(a, t)).collect(),
                    data: serde_json::json!({
                        "json": vb.urls.path(&format!("data/{}.json", a.year)),
                        "csv": vb.urls.path(&format!("data/{}.csv", a.year)),
                        "xlsx": vb.urls.path(&format!("data/{}.xlsx", a.year)),
                        "report": (!a.nodes.is_empty() || !a.a.tasks.is_empty())
                            .then(|| vb.urls.path(&format!("{}/bao-cao/", a.year))),
                        "print": (!a.nodes.is_empty() || !a.a.tasks.is_empty())
                            .then(|| vb.urls.path(&format!("{}/in/", a.year))),
                    }),
                    years_chart: (self.year_points().len() > 1).then(|| {
                        charts::years(
                            &format!("nam-{}", a.year),
                            "Tổng điểm và xếp hạng qua các năm",
                            &self.year_points(),
                        )
                        .html()
                    }),
                };
                PageJob::new("assessment.html", ctx)
            }
            Page::Node(ai, ni) => {
                let a = &s.assessments[ai];
                let n = &a.nodes[ni];
                let view = vb.node(a, ni);
                #[derive(Serialize)]
                struct NodeCtx {
                    page: PageMeta,
                    node: views::NodeView,
                    assessment: views::YearRef,
                }
                let ctx = NodeCtx {
                    page: meta(
                        "node",
                        format!("{} {}", n.n.id.value, n.n.title),
                        vb.urls.node(a.year, n),
                        view.breadcrumbs.clone(),
                    ),
                    node: view,
                    assessment: vb.year_ref(a),
                };
                PageJob::new("node.html", ctx)
            }
            Page::Units => {
                let units: Vec<serde_json::Value> = self
                    .units
                    .iter()
                    .map(|u| {
                        let (nodes, tasks) = self.unit_items(&u.id);
                        let counts = task_counts(&tasks);
                        serde_json::json!({
                            "id": u.id, "name": u.name, "url": u.url,
                            "node_count": nodes.len(), "task_count": tasks.len(),
                            "lost": self.unit_lost(&u.id).to_plain(),
                            "tasks": counts,
                            "on_time": counts.on_time_vi(),
                        })
                    })
                    .collect();
                let ctx = serde_json::json!({
                    "page": meta("units", "Đơn vị", vb.urls.path("don-vi/"), vec![]),
                    "units": units,
                });
                PageJob::new("units.html", ctx)
            }
            Page::Unit(ui) => {
                let u = &self.units[ui];
                let (nodes, tasks) = self.unit_items(&u.id);
                #[derive(Serialize)]
                struct UnitCtx {
                    page: PageMeta,
                    unit: views::UnitRef,
                    nodes: Vec<views::NodeRow>,
                    tasks: Vec<views::TaskView>,
                    task_counts: report::TaskCounts,
                    on_time: Option<String>,
                    lost: String,
                }
                let counts = task_counts(&tasks);
                let ctx = UnitCtx {
                    page: meta(
                        "unit",
                        &u.name,
                        u.url.clone(),
                        vec![Link {
                            title: "Đơn vị".into(),
                            url: vb.urls.path("don-vi/"),
                        }],
                    ),
                    unit: u.clone(),
                    nodes,
                    tasks,
                    on_time: counts.on_time_vi(),
                    task_counts: counts,
                    lost: self.unit_lost(&u.id).to_plain(),
                };
                PageJob::new("unit.html", ctx)
            }
            Page::Section(si) => {
                let sec = &s.sections[si];
                let ctx = serde_json::json!({
                    "page": meta("section", &sec.s.title, vb.urls.path(&sec.url_path()), vec![]),
                    "section": self.section_view(si),
                });
                PageJob::new("section.html", ctx)
            }
            Page::SectionItem(si, pi) => {
                let sec = &s.sections[si];
                let p = &sec.pages[pi];
                let crumbs = if sec.name.is_empty() {
                    vec![]
                } else {
                    vec![Link {
                        title: sec.s.title.clone(),
                        url: vb.urls.path(&sec.url_path()),
                    }]
                };
                let ctx = serde_json::json!({
                    "page": meta("page", &p.p.title, vb.urls.path(&p.url_path), crumbs),
                    "section": {
                        "name": sec.name,
                        "title": sec.s.title,
                        "url": vb.urls.path(&sec.url_path()),
                    },
                    "post": {
                        "title": p.p.title,
                        "date": p.p.date.map(vi::date_iso),
                        "summary": p.summary,
                        "draft": p.p.draft,
                        "extra": p.p.extra,
                        "file": p.file,
                    },
                });
                PageJob::new("page.html", ctx)
            }
            Page::Report(ai) | Page::Print(ai) => {
                let a = &s.assessments[ai];
                let print = matches!(page, Page::Print(_));
                let report = report::gap_report(s, a);
                let rows = |v: &[report::GapRow]| -> Vec<GapRowView> {
                    v.iter().map(|r| self.gap_row(r)).collect()
                };
                let areas_by_id: Vec<&crate::site::Node> =
                    a.roots.iter().map(|&r| &a.nodes[r]).collect();
                let mut lost_sorted = areas_by_id.clone();
                lost_sorted.sort_by(|x, y| {
                    y.lost
                        .cmp(&x.lost)
                        .then_with(|| x.n.id.value.cmp(&y.n.id.value))
                });
                let charts = serde_json::json!({
                    "score": charts::score_bars(
                        &format!("diem-{}", a.year),
                        &format!("Điểm từng lĩnh vực so với điểm tối đa, năm {}", a.year),
                        &self.bars(a, &areas_by_id, false),
                    ).html(),
                    "lost": charts::lost_bars(
                        &format!("mat-{}", a.year),
                        &format!("Điểm bị mất từng lĩnh vực, năm {} (nhiều nhất trước)", a.year),
                        &self.bars(a, &lost_sorted, true),
                    ).html(),
                });
                #[derive(Serialize)]
                struct ReportCtx {
                    page: PageMeta,
                    assessment: views::AssessmentSummary,
                    change: Option<views::Change>,
                    charts: serde_json::Value,
                    areas: Vec<GapRowView>,
                    nodes: Vec<GapRowView>,
                    without_evidence: Vec<GapRowView>,
                    changed: Vec<GapRowView>,
                    not_applicable: Vec<GapRowView>,
                    units: Vec<serde_json::Value>,
                    tasks: Vec<views::TaskView>,
                    task_counts: report::TaskCounts,
                    on_time: Option<String>,
                    today: String,
                }
                let ctx = ReportCtx {
                    page: meta(
                        if print { "print" } else { "report" },
                        format!("Báo cáo điểm bị mất — {}", a.a.title),
                        vb.urls.path(&format!(
                            "{}/{}/",
                            a.year,
                            if print { "in" } else { "bao-cao" }
                        )),
                        vec![Link {
                            title: a.a.title.clone(),
                            url: vb.urls.year(a.year),
                        }],
                    ),
                    assessment: vb.summary(a),
                    change: vb.change(a),
                    charts,
                    areas: rows(&report.areas),
                    nodes: rows(&report.nodes),
                    without_evidence: rows(&report.without_evidence),
                    changed: report
                        .changed
                        .iter()
                        .map(|c| {
                            let mut v = self.gap_row(&c.row);
                            v.difference = Some(c.difference.to_plain());
                            v
                        })
                        .collect(),
                    not_applicable: rows(&report.not_applicable),
                    units: report
                        .units
                        .iter()
                        .map(|u| {
                            serde_json::json!({
                                "id": u.id, "name": u.name, "url": vb.urls.unit(&u.id),
                                "nodes": u.nodes, "lost": u.lost.to_plain(),
                                "tasks": u.tasks, "on_time": u.tasks.on_time_vi(),
                            })
                        })
                        .collect(),
                    tasks: a.all_tasks().map(|t| vb.task(a, t)).collect(),
                    on_time: report.tasks.on_time_vi(),
                    task_counts: report.tasks,
                    today: vi::date_iso(s.today),
                };
                PageJob::new(if print { "print.html" } else { "report.html" }, ctx)
            }
            Page::Documents => {
                #[derive(Serialize)]
                struct DocumentsCtx {
                    page: PageMeta,
                    documents: Value,
                    /// How many rows have a `conflict`.
                    conflicts: usize,
                }
                let rows = self.documents();
                let ctx = DocumentsCtx {
                    page: meta(
                        "documents",
                        "Văn bản, tài liệu kiểm chứng",
                        vb.urls.path("van-ban/"),
                        vec![],
                    ),
                    conflicts: rows.iter().filter(|r| r.conflict.is_some()).count(),
                    documents: Value::from_object(RowByRow::all(rows)),
                };
                PageJob::new("documents.html", ctx)
            }
            Page::NotFound => {
                let ctx = serde_json::json!({
                    "page": meta("404", "Không tìm thấy trang", vb.urls.path("404.html"), vec![]),
                });
                PageJob::new("404.html", ctx)
            }
        }
    }

    /// A page's output path and Markdown body, without building its
    /// context: what the fast path of a rebuild needs when only bodies
    /// changed.
    fn locate(&self, page: Page) -> (String, Option<Body>) {
        let s = self.site;
        match page {
            Page::Home => (
                "index.html".into(),
                s.home.as_ref().and_then(|_| self.body(HOME)),
            ),
            Page::Assessment(ai) => {
                let a = &s.assessments[ai];
                (format!("{}/index.html", a.year), self.body(&a.file))
            }
            Page::Node(ai, ni) => {
                let a = &s.assessments[ai];
                let n = &a.nodes[ni];
                (
                    format!("{}index.html", n.url_path(a.year)),
                    self.body(&n.file),
                )
            }
            Page::Units => ("don-vi/index.html".into(), None),
            Page::Unit(ui) => (format!("don-vi/{}/index.html", self.units[ui].id), None),
            Page::Section(si) => {
                let sec = &s.sections[si];
                (
                    format!("{}index.html", sec.url_path()),
                    self.body(&sec.file),
                )
            }
            Page::SectionItem(si, pi) => {
                let p = &s.sections[si].pages[pi];
                (
                    format!("{}index.html", p.url_path),
                    Some(p.body_html.clone()),
                )
            }
            Page::Report(ai) => (
                format!("{}/bao-cao/index.html", s.assessments[ai].year),
                None,
            ),
            Page::Print(ai) => (format!("{}/in/index.html", s.assessments[ai].year), None),
            Page::Documents => ("van-ban/index.html".into(), None),
            Page::NotFound => ("404.html".into(), None),
        }
    }

    fn gap_row(&self, r: &report::GapRow) -> GapRowView {
        GapRowView {
            id: r.id.clone(),
            label: r.label.clone(),
            title: r.title.clone(),
            url: self.vb.urls.path(&r.path),
            depth: r.depth,
            leaf: r.leaf,
            max: r.max.to_plain(),
            self_score: views::plain(r.self_score),
            score: views::plain(r.score),
            lost: views::plain(r.lost),
            unit: r.unit.as_deref().map(|u| self.vb.unit_ref(u)),
            evidence: r.evidence,
            explanation: r.explanation.clone(),
            warnings: r.warnings.clone(),
            difference: None,
        }
    }

    /// Chart bars for nodes: their scores, or the points they lost.
    fn bars(&self, a: &Assessment, nodes: &[&crate::site::Node], lost: bool) -> Vec<charts::Bar> {
        nodes
            .iter()
            .map(|n| charts::Bar {
                label: n
                    .n
                    .label
                    .clone()
                    .unwrap_or_else(|| n.n.id.value.to_string()),
                title: n.n.title.clone(),
                value: if lost { n.lost } else { n.score },
                // Rule 6: parts that do not apply count in no maximum used
                // for a share, as in the tables' bars.
                max: if n.in_scope {
                    n.applicable_max
                } else {
                    n.n.max.value
                },
                href: Some(self.vb.urls.node(a.year, n)),
            })
            .collect()
    }

    fn year_points(&self) -> Vec<charts::YearPoint> {
        self.site
            .assessments
            .iter()
            .filter(|a| a.score.is_some() || a.a.total.is_some() || a.a.rank.is_some())
            .map(|a| charts::YearPoint {
                year: a.year,
                total: a.score.or(a.a.total.as_ref().map(|t| t.value)),
                max: a.a.max.value,
                rank: a.a.rank,
                ranked: a.a.ranked,
                href: Some(self.vb.urls.year(a.year)),
            })
            .collect()
    }

    /// Every cited document, in Vietnamese order of title. Typed rows, not
    /// JSON values: at 10,000 criteria this page lists some 30,000
    /// documents and 40,000 citations, and it was the slowest page.
    fn documents(&self) -> Vec<DocRow> {
        let s = self.site;
        let vb = &self.vb;
        documents::by_title(s)
            .iter()
            .map(|g| {
                let first = g.cites[0].evidence(s);
                let dates = documents::date_list(s, g);
                let mut titles: Vec<String> = Vec::new();
                for c in &g.cites {
                    let t = &c.evidence(s).title;
                    if !titles.iter().any(|x| documents::same_title(x, t)) {
                        titles.push(t.clone());
                    }
                }
                let link = g
                    .cites
                    .iter()
                    .find_map(|c| c.evidence(s).link().map(str::to_string));
                let conflict = (!g.key.0.starts_with('#') && g.cites.len() > 1)
                    .then(|| match (g.dates_differ(s), g.titles_differ(s)) {
                        (true, true) => Some("Được dẫn với ngày ban hành và trích yếu khác nhau"),
                        (true, false) => Some("Được dẫn với ngày ban hành khác nhau"),
                        (false, true) => Some("Được dẫn với trích yếu khác nhau"),
                        _ => None,
                    })
                    .flatten();
                let cites: Vec<DocCite> = g
                    .cites
                    .iter()
                    .map(|c| {
                        let a = &s.assessments[c.assessment];
                        match c.node {
                            Some(ni) => {
                                let n = &a.nodes[ni];
                                DocCite {
                                    year: a.year,
                                    id: Some(n.n.id.value.to_string()),
                                    title: n.n.title.clone(),
                                    url: vb.urls.node(a.year, n),
                                    pages: c.evidence(s).pages.clone(),
                                }
                            }
                            None => DocCite {
                                year: a.year,
                                id: None,
                                title: format!("Quyết định công bố {}", a.a.title),
                                url: vb.urls.year(a.year),
                                pages: None,
                            },
                        }
                    })
                    .collect();
                DocRow {
                    number: g
                        .parsed
                        .as_ref()
                        .map(|d| d.normalized.clone())
                        .or_else(|| first.number.clone()),
                    parsed: g.parsed.is_some(),
                    kind: g.parsed.as_ref().map(|d| d.kind_name),
                    issuer: g
                        .parsed
                        .as_ref()
                        .map(|d| d.issuer.clone())
                        .or_else(|| first.issuer.clone()),
                    year: g.key.2,
                    dates: dates.iter().map(|d| vi::date_iso(*d)).collect(),
                    titles,
                    href: link,
                    conflict,
                    cites,
                    anchor: crate::search::group_anchor(s, g),
                }
            })
            .collect()
    }

    /// Points lost on the unit's nodes in the latest scored year.
    fn unit_lost(&self, unit: &str) -> Score {
        self.unit_lost
            .get_or_init(|| {
                self.site
                    .assessments
                    .iter()
                    .rev()
                    .find(|a| a.score.is_some())
                    .map(|a| report::gap_report_units(self.site, a))
                    .unwrap_or_default()
            })
            .iter()
            .find(|u| u.id == unit)
            .map_or(Score::ZERO, |u| u.lost)
    }

    /// A unit's nodes (latest year first) and tasks.
    fn unit_items(&self, unit: &str) -> (Vec<views::NodeRow>, Vec<views::TaskView>) {
        let mut nodes = Vec::new();
        let mut tasks = Vec::new();
        for a in self.site.assessments.iter().rev() {
            for n in &a.nodes {
                if n.n.unit.as_ref().is_some_and(|x| x.value == unit) {
                    nodes.push(self.vb.row(a, n));
                }
            }
            for t in a.all_tasks() {
                if t.unit.as_deref() == Some(unit) {
                    tasks.push(self.vb.task(a, t));
                }
            }
        }
        (nodes, tasks)
    }

    fn section_view(&self, si: usize) -> serde_json::Value {
        let sec = &self.site.sections[si];
        let vb = &self.vb;
        let pages: Vec<serde_json::Value> = sec
            .pages
            .iter()
            .map(|p| {
                serde_json::json!({
                    "title": p.p.title,
                    "url": vb.urls.path(&p.url_path),
                    "date": p.p.date.map(vi::date_iso),
                    "summary": p.summary,
                    "draft": p.p.draft,
                    "weight": p.p.weight,
                    "extra": p.p.extra,
                })
            })
            .collect();
        serde_json::json!({
            "name": sec.name,
            "title": sec.s.title,
            "url": vb.urls.path(&sec.url_path()),
            "feed": sec.s.feed.then(|| vb.urls.path(&format!("{}atom.xml", sec.url_path()))),
            "extra": sec.s.extra,
            "pages": pages,
        })
    }
}

/// A row of the gap report and its print view.
#[derive(Serialize)]
struct GapRowView {
    id: String,
    label: Option<String>,
    title: String,
    url: String,
    depth: usize,
    leaf: bool,
    max: String,
    self_score: Option<String>,
    score: Option<String>,
    lost: Option<String>,
    unit: Option<views::UnitRef>,
    evidence: usize,
    explanation: Option<String>,
    warnings: Vec<String>,
    /// Change from last year, in the rows of `changed` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    difference: Option<String>,
}

/// A long list handed to a template one row at a time: a row becomes
/// template values when the template reads it, and they are dropped once
/// it has moved on. Made all at once, the documents index's rows were most
/// of the 33.6 MB of template values at the peak of a 10,000-page build
/// (massif), and the search page's entries (with their text, which the
/// built-in theme does not show) took about as much. A template that walks
/// the list twice converts each row twice.
#[derive(Debug)]
pub(crate) struct RowByRow<T> {
    rows: Arc<Vec<T>>,
    range: std::ops::Range<usize>,
}

impl<T> RowByRow<T> {
    pub(crate) fn all(rows: Vec<T>) -> Self {
        let range = 0..rows.len();
        RowByRow {
            rows: Arc::new(rows),
            range,
        }
    }

    /// The rows in `range` of a list shared with other users.
    pub(crate) fn range(rows: Arc<Vec<T>>, range: std::ops::Range<usize>) -> Self {
        let range = range.start.min(rows.len())..range.end.min(rows.len());
        RowByRow { rows, range }
    }
}

impl<T: Serialize + std::fmt::Debug + Send + Sync + 'static> minijinja::value::Object
    for RowByRow<T>
{
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let i = self.range.start.checked_add(key.as_usize()?)?;
        (i < self.range.end).then(|| Value::from(minijinja::value::Serde(&self.rows[i])))
    }

    fn enumerate(self: &Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Seq(self.range.len())
    }
}

/// A row of the documents index (`documents.html`).
#[derive(Serialize, Debug)]
struct DocRow {
    number: Option<String>,
    parsed: bool,
    kind: Option<&'static str>,
    issuer: Option<String>,
    year: Option<i32>,
    dates: Vec<String>,
    titles: Vec<String>,
    href: Option<String>,
    conflict: Option<&'static str>,
    cites: Vec<DocCite>,
    /// The row's id, which the search index links to.
    anchor: String,
}

/// Where a document is cited: a criterion, or a year's decision.
#[derive(Serialize, Debug)]
struct DocCite {
    year: i32,
    id: Option<String>,
    title: String,
    url: String,
    pages: Option<String>,
}

fn task_counts(tasks: &[views::TaskView]) -> report::TaskCounts {
    let mut c = report::TaskCounts::default();
    for t in tasks {
        c.add(t.state);
    }
    c
}

/// Renders the whole site. With a cache (serve), pages whose inputs did not
/// change are taken from the previous build.
///
/// `same_shape` says that nothing but Markdown bodies and templates changed
/// since the previous build with this cache (see `pipeline`): then, if the
/// templates are also the same, a page whose body is unchanged is taken as
/// it is, without even building its context. In `serve` (a cache), every
/// other page is made on request ([`OnRequest`]).
pub fn render(
    site: &Arc<Site>,
    bodies: &Bodies,
    overrides: &[SourceFile],
    cache: Option<&RenderCache>,
    same_shape: bool,
    sink: Option<&dyn Sink>,
) -> Result<Output, Vec<Diagnostic>> {
    // A sink is for one-off builds: pages taken from a cache would not
    // reach it.
    debug_assert!(sink.is_none() || cache.is_none(), "a sink and a cache");
    let lap = crate::pipeline::stopwatch("  render/");
    let sources = Arc::new(TemplateSources::new(&site.config.theme, overrides));
    let env = environment(site, &sources)?;
    let vb = ViewBuilder::new(site);
    let site_view = vb.site_view();
    let site_value = Value::from(minijinja::value::Serde(&site_view));
    let ctx = Ctx {
        site,
        bodies,
        units: vb.units(),
        // Computed when a unit page is rendered, not when all are cached.
        unit_lost: std::sync::OnceLock::new(),
        vb,
    };

    // What every page depends on: the templates and the site-wide values.
    let mut global = serde_json::to_vec(&site_view).unwrap_or_default();
    for (name, (_, src)) in &sources.map {
        global.extend_from_slice(name.as_bytes());
        global.push(0);
        global.extend_from_slice(src.as_bytes());
        global.push(0);
    }
    let mut guard = cache.map(|c| c.inner.lock().unwrap_or_else(|e| e.into_inner()));
    if let Some(inner) = guard.as_deref_mut() {
        inner.generation += 1;
        if inner.global != global {
            inner.pages.clear();
            inner.global = global;
        }
    }
    // What the pages made on request need (serve).
    let shared = cache.zip(guard.as_deref()).map(|(c, g)| {
        Arc::new(Shared {
            site: site.clone(),
            env: env.clone(),
            site_value: site_value.clone(),
            sources: sources.clone(),
            store: c.inner.clone(),
            generation: g.generation,
        })
    });
    let previous = guard.as_deref().map(|g| &g.pages);

    let pages = ctx.pages();
    // With KIEMCHUNG_TIMINGS, pages that take 100 ms or more are named.
    let slow_pages = std::env::var_os("KIEMCHUNG_TIMINGS").is_some();
    // With KIEMCHUNG_TIMINGS, the time per template: pages, building their
    // contexts, rendering them (summed over threads).
    type PerTemplate = BTreeMap<&'static str, (u32, Duration, Duration)>;
    let per_template: Mutex<PerTemplate> = Mutex::default();
    lap("setup");
    /// A page: its path, whether the sitemap lists it, and its HTML.
    struct Done {
        path: String,
        listed: bool,
        /// `Written` once written to the sink (`build`); in `serve`, `Bytes`
        /// taken from the previous build or `Lazy`, made on request.
        content: Content,
    }
    let render_pages = || -> Vec<Result<Done, Diagnostic>> {
        pages
            .into_par_iter()
            .map(|page| {
                // The print view repeats the report: no entry in the sitemap.
                let listed = !matches!(page, Page::Print(_));
                let (path, content) = ctx.locate(page);
                let cached = previous
                    .and_then(|p| p.get(&path))
                    .filter(|c| c.content == content);
                // A page taken from the previous build as it was.
                let reuse = |path: String, hit: &CachedPage| Done {
                    path,
                    listed,
                    content: Content::Bytes(hit.html.clone()),
                };
                // Only bodies changed since the last build: an unchanged body
                // means an unchanged page, without building its context.
                if let (true, Some(hit)) = (same_shape, cached) {
                    return Ok(reuse(path, hit));
                }
                if let Some(shared) = &shared {
                    // serve: a page whose context is as before is reused;
                    // any other is made when first requested.
                    let unchanged = cached
                        .filter(|_| !page.is_long())
                        .filter(|hit| *hit.key == *ctx.job(page).ctx.key());
                    if let Some(hit) = unchanged {
                        return Ok(reuse(path, hit));
                    }
                    let made = OnRequest {
                        shared: shared.clone(),
                        page,
                        path: path.clone(),
                        content,
                    };
                    return Ok(Done {
                        path,
                        listed,
                        content: Lazy::content(move || made.make()),
                    });
                }
                if sink.is_some_and(|s| s.stopped()) {
                    return Err(stopped_error());
                }
                let started = slow_pages.then(std::time::Instant::now);
                let job = ctx.job(page);
                let context_time = started.map(|t| t.elapsed());
                let tpl = env
                    .get_template(job.template)
                    .map_err(|e| template_error(&sources, &e))?;
                let value = page_value(&site_value, content.as_ref(), &job);
                // `build` (a sink): straight into the file; a build without
                // one (`check`, `report`, tests): in memory.
                let (html, size) = match sink {
                    Some(sink) => (None, render_into(sink, &path, &tpl, value, &sources)?),
                    None => {
                        let html: Arc<[u8]> = tpl
                            .render(value)
                            .map_err(|e| template_error(&sources, &e))?
                            .into_bytes()
                            .into();
                        let size = html.len();
                        (Some(html), size)
                    }
                };
                if let (Some(t), Some(c)) = (started, context_time) {
                    let mut m = per_template.lock().unwrap_or_else(|e| e.into_inner());
                    let e = m.entry(job.template).or_default();
                    *e = (e.0 + 1, e.1 + c, e.2 + t.elapsed());
                }
                if let Some(t) = started
                    && t.elapsed().as_millis() >= 100
                {
                    eprintln!("  render/page {path}: {:?}, {size} bytes", t.elapsed());
                }
                Ok(Done {
                    path,
                    listed,
                    content: html.map_or(Content::Written, Content::Bytes),
                })
            })
            .collect()
    };
    // The pages, the search page and index, and the data exports are
    // independent: rendered side by side, so that the long single tasks
    // among them (the documents index, the year table, the search index,
    // each year's workbook) overlap with the criterion pages instead of
    // leaving a core idle at the end of each stage.
    let mut searched = Output::default();
    let (results, (search_result, exports)) = rayon::join(render_pages, || {
        rayon::join(
            || {
                // `build`: written straight into their files.
                if let Some(sink) = sink {
                    let paths = [crate::search::LIST_PATH, crate::search::INDEX_PATH];
                    let mut list = sink.create(paths[0])?;
                    let mut index = sink.create(paths[1])?;
                    crate::search::write_files(
                        site,
                        bodies,
                        &env,
                        &site_value,
                        &mut list,
                        &mut index,
                    )
                    .map_err(|e| render_error(&sources, &paths.join(" or "), &e))?;
                    for path in paths {
                        searched.files.insert(path.into(), Content::Written);
                    }
                    return Ok(());
                }
                let shown = sources.clone();
                crate::search::add(
                    &mut searched,
                    site,
                    bodies,
                    &env,
                    &site_value,
                    cache.is_some().then(|| -> crate::search::ErrorPage {
                        Arc::new(move |e| error_page(&shown, e))
                    }),
                )
                .map_err(|e| template_error(&sources, &e))
            },
            || exports(site, sink),
        )
    });
    lap("pages, search and data");
    for (name, (n, context, total)) in per_template.into_inner().unwrap_or_default() {
        eprintln!("  render/{name}: {n} pages, {total:?} (contexts {context:?})");
    }
    let mut errors = Vec::new();
    let mut done = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(d) => done.push(d),
            Err(d) => {
                if !errors.contains(&d) {
                    errors.push(d);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    search_result.map_err(|e| vec![e])?;
    let exports = exports.map_err(|e| vec![e])?;
    if let Some(inner) = guard.as_deref_mut() {
        for d in &done {
            if matches!(d.content, Content::Lazy(_)) {
                // Made on request from now on: what the cache held for it
                // belongs to an earlier model.
                inner.pages.remove(&d.path);
            }
        }
        if inner.pages.len() > done.len() {
            let present: std::collections::HashSet<&str> =
                done.iter().map(|d| d.path.as_str()).collect();
            inner.pages.retain(|p, _| present.contains(p.as_str()));
        }
    }
    let html_paths: Vec<String> = done
        .iter()
        .filter(|d| d.listed)
        .map(|d| d.path.clone())
        .collect();
    let mut out = Output {
        files: done.into_iter().map(|d| (d.path, d.content)).collect(),
    };
    out.files.extend(exports);
    out.files.extend(searched.files);
    let s = site.clone();
    out.files.insert(
        "sitemap.xml".into(),
        Lazy::content(move || data::sitemap(&s, &html_paths).into_bytes()),
    );
    for s in site
        .sections
        .iter()
        .filter(|s| s.s.feed && !s.name.is_empty())
    {
        out.insert_str(format!("{}atom.xml", s.url_path()), data::atom(site, s));
    }
    Ok(out)
}

/// The data exports of each year (`data/<year>.json`, `.csv`, `.xlsx`).
/// With a sink (`build`) they are made now, in parallel, and written;
/// without one (`serve`) they are made when first asked for.
fn exports(
    site: &Arc<Site>,
    sink: Option<&dyn Sink>,
) -> Result<Vec<(String, Content)>, Diagnostic> {
    /// Writes one export of one year.
    type Make = fn(&Site, &Assessment, &mut dyn Write) -> std::io::Result<()>;
    const KINDS: [(&str, Make); 3] = [
        // The JSON file (30 MB at 10,000 criteria) is written as it is
        // serialised, never held whole.
        ("json", |s, a, w| data::json_to(s, a, w)),
        ("csv", |s, a, w| w.write_all(&data::csv(s, a))),
        // The workbook writer fails only on limits the site cannot reach
        // (sheet names, row counts); an empty file would be a bug.
        ("xlsx", |s, a, w| {
            w.write_all(&crate::xlsx::workbook(s, a).unwrap_or_default())
        }),
    ];
    let jobs: Vec<(String, usize, Make)> = site
        .assessments
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            KINDS
                .iter()
                .map(move |&(ext, make)| (format!("data/{}.{ext}", a.year), i, make))
        })
        .collect();
    let lap = crate::pipeline::stopwatch("  render/");
    match sink {
        Some(sink) => jobs
            .into_par_iter()
            .map(|(path, i, make)| {
                if sink.stopped() {
                    return Err(stopped_error());
                }
                let mut w = sink.create(&path)?;
                make(site, &site.assessments[i], &mut w).map_err(|e| write_error(&path, e))?;
                w.flush().map_err(|e| write_error(&path, e))?;
                lap(&path);
                Ok((path, Content::Written))
            })
            .collect(),
        None => Ok(jobs
            .into_iter()
            .map(|(path, i, make)| {
                let s = site.clone();
                (
                    path,
                    Lazy::content(move || {
                        let mut bytes = Vec::new();
                        // Writing into memory cannot fail.
                        let _ = make(&s, &s.assessments[i], &mut bytes);
                        bytes
                    }),
                )
            })
            .collect()),
    }
}

/// Object-safe serialization of a page context: as a template value, and
/// as exact bytes to compare with the previous build's.
mod erased {
    use minijinja::value::Value;
    pub trait Ser {
        fn value(&self) -> Value;
        fn key(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn value(&self) -> Value {
            Value::from(minijinja::value::Serde(self))
        }
        fn key(&self) -> Vec<u8> {
            serde_json::to_vec(self).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `vn_score` gives what the theme's `score` macro gave before it
    /// called the filter, escaping included.
    #[test]
    fn vn_score_matches_the_macro_it_replaces() {
        let mut env = Environment::new();
        env.add_filter("vn_number", vn_number);
        env.add_filter("vn_score", vn_score);
        env.add_template(
            "t.html",
            concat!(
                r#"{% macro score(value, empty="—") %}{% if value is none %}<span class="muted">{{ empty }}</span>{% else %}{{ value|vn_number }}{% endif %}{% endmacro %}"#,
                "{% for v in values %}{% for e in empties %}",
                "{{ score(v, e) }} | {{ v|vn_score(e) }}\n",
                "{% endfor %}{{ score(v) }} | {{ v|vn_score }}\n{% endfor %}",
            ),
        )
        .unwrap();
        let values: Vec<Value> = vec![
            Value::from(()),
            Value::from("6.5"),
            Value::from("0"),
            Value::from("1250.25"),
            Value::from("-0.75"),
            Value::from(3),
        ];
        let empties = vec![
            Value::from(""),
            Value::from("chưa chấm"),
            Value::from("<a & \"b\"/>"),
            Value::from_safe_string("<em>KAD</em>".into()),
        ];
        let out = env
            .get_template("t.html")
            .unwrap()
            .render(minijinja::context! { values, empties })
            .unwrap();
        let mut lines = 0;
        for line in out.lines() {
            let (from_macro, from_filter) = line.split_once(" | ").unwrap();
            assert_eq!(from_macro, from_filter);
            lines += 1;
        }
        assert_eq!(lines, 6 * 5);
        assert!(out.contains(r#"<span class="muted">&lt;a &amp; &quot;b&quot;&#x2f;&gt;</span>"#));
        assert!(out.contains("1.250,25"));
    }
}
