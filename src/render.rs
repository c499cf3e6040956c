//! Stage 4, render: templates (minijinja) and data files into an [`Output`].

use crate::diag::Diagnostic;
use crate::load::SourceFile;
use crate::output::{Content, Lazy, Output};
use crate::score::Score;
use crate::site::Site;
use crate::views::{self, Link, ViewBuilder};
use crate::{data, theme, vi};
use minijinja::value::Value;
use minijinja::{Environment, ErrorKind, UndefinedBehavior, context};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::Mutex;

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

pub fn environment(
    site: &Site,
    overrides: &[SourceFile],
) -> Result<Environment<'static>, Vec<Diagnostic>> {
    let sources = Arc::new(TemplateSources::new(&site.config.theme, overrides));
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
            errors.push(template_error(&sources, &e));
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

/// What one page is made of: its template, its context (everything the
/// template may read besides `site`), and its Markdown body, which is passed
/// as `content` and compared by identity rather than serialized.
struct PageJob {
    path: String,
    template: &'static str,
    ctx: Box<dyn erased::Ser + Send>,
    content: Option<Arc<str>>,
}

impl PageJob {
    fn new<T: Serialize + Send + 'static>(
        path: String,
        template: &'static str,
        ctx: T,
        content: Option<Arc<str>>,
    ) -> Self {
        PageJob {
            path,
            template,
            ctx: Box::new(ctx),
            content,
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
    NotFound,
}

/// Rendered pages kept across builds (serve). A page is rendered again only
/// when its template set, its site-wide values, its own context (compared as
/// exact serialized bytes) or its body changed.
#[derive(Default)]
pub struct RenderCache {
    inner: Mutex<RenderCacheInner>,
}

#[derive(Default)]
struct RenderCacheInner {
    global: Vec<u8>,
    pages: HashMap<String, CachedPage>,
}

struct CachedPage {
    key: Vec<u8>,
    content: Option<Arc<str>>,
    html: Arc<[u8]>,
}

fn same_content(a: &Option<Arc<str>>, b: &Option<Arc<str>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
        _ => false,
    }
}

struct Ctx<'a> {
    site: &'a Site,
    vb: ViewBuilder<'a>,
    units: Vec<views::UnitRef>,
}

impl Ctx<'_> {
    fn pages(&self) -> Vec<Page> {
        let s = self.site;
        let mut v = vec![Page::Home];
        for (ai, a) in s.assessments.iter().enumerate() {
            v.push(Page::Assessment(ai));
            v.extend((0..a.nodes.len()).map(|ni| Page::Node(ai, ni)));
        }
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
                    .map(|(h, _)| h.title.clone())
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
                }
                let ctx = HomeCtx {
                    page: meta("home", &title, vb.urls.path(""), vec![]),
                    home: serde_json::json!({ "title": title }),
                    latest: latest.map(|a| vb.summary(a)),
                    change: latest.and_then(|a| vb.change(a)),
                    years: s.assessments.iter().rev().map(|a| vb.summary(a)).collect(),
                    news,
                };
                let content = s.home.as_ref().map(|(_, b)| b.clone());
                PageJob::new("index.html".into(), "index.html", ctx, content)
            }
            Page::Assessment(ai) => {
                let a = &s.assessments[ai];
                let warnings: Vec<serde_json::Value> = a
                    .nodes
                    .iter()
                    .flat_map(|n| {
                        n.warnings.iter().map(move |w| {
                            serde_json::json!({
                                "id": n.n.id.value.to_string(),
                                "title": n.n.title,
                                "url": vb.urls.node(a.year, n),
                                "message": w,
                            })
                        })
                    })
                    .collect();
                #[derive(Serialize)]
                struct AssessmentCtx {
                    page: PageMeta,
                    assessment: views::AssessmentSummary,
                    change: Option<views::Change>,
                    rows: Vec<views::NodeRow>,
                    warnings: Vec<serde_json::Value>,
                    tasks: Vec<views::TaskView>,
                    data: serde_json::Value,
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
                    }),
                };
                PageJob::new(
                    format!("{}/index.html", a.year),
                    "assessment.html",
                    ctx,
                    Some(a.body_html.clone()),
                )
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
                PageJob::new(
                    format!("{}index.html", n.url_path(a.year)),
                    "node.html",
                    ctx,
                    Some(n.body_html.clone()),
                )
            }
            Page::Units => {
                let units: Vec<serde_json::Value> = self
                    .units
                    .iter()
                    .map(|u| {
                        let (nodes, tasks) = self.unit_items(&u.id);
                        let lost: Score = nodes
                            .iter()
                            .filter(|r| r.leaf)
                            .filter_map(|r| r.lost.as_deref().and_then(|l| Score::parse(l).ok()))
                            .sum();
                        serde_json::json!({
                            "id": u.id, "name": u.name, "url": u.url,
                            "node_count": nodes.len(), "task_count": tasks.len(),
                            "lost": lost.to_plain(),
                        })
                    })
                    .collect();
                let ctx = serde_json::json!({
                    "page": meta("units", "Đơn vị", vb.urls.path("don-vi/"), vec![]),
                    "units": units,
                });
                PageJob::new("don-vi/index.html".into(), "units.html", ctx, None)
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
                }
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
                };
                PageJob::new(
                    format!("don-vi/{}/index.html", u.id),
                    "unit.html",
                    ctx,
                    None,
                )
            }
            Page::Section(si) => {
                let sec = &s.sections[si];
                let ctx = serde_json::json!({
                    "page": meta("section", &sec.s.title, vb.urls.path(&sec.url_path()), vec![]),
                    "section": self.section_view(si),
                });
                PageJob::new(
                    format!("{}index.html", sec.url_path()),
                    "section.html",
                    ctx,
                    Some(sec.body_html.clone()),
                )
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
                PageJob::new(
                    format!("{}index.html", p.url_path),
                    "page.html",
                    ctx,
                    Some(p.body_html.clone()),
                )
            }
            Page::NotFound => {
                let ctx = serde_json::json!({
                    "page": meta("404", "Không tìm thấy trang", vb.urls.path("404.html"), vec![]),
                });
                PageJob::new("404.html".into(), "404.html", ctx, None)
            }
        }
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

/// Renders the whole site. With a cache (serve), pages whose inputs did not
/// change are taken from the previous build.
pub fn render(
    site: &Arc<Site>,
    overrides: &[SourceFile],
    cache: Option<&RenderCache>,
) -> Result<Output, Vec<Diagnostic>> {
    let t0 = std::time::Instant::now();
    let timing = std::env::var_os("KIEMCHUNG_TIMINGS").is_some();
    let lap = |what: &str| {
        if timing {
            eprintln!("  render/{what}: {:?}", t0.elapsed())
        }
    };
    let env = environment(site, overrides)?;
    let sources = TemplateSources::new(&site.config.theme, overrides);
    lap("env");
    let vb = ViewBuilder::new(site);
    let site_view = vb.site_view();
    let site_value = Value::from(minijinja::value::Serde(&site_view));
    let ctx = Ctx {
        site,
        units: vb.units(),
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
    if let Some(inner) = guard.as_deref_mut()
        && inner.global != global
    {
        inner.pages.clear();
        inner.global = global;
    }
    let previous = guard.as_deref().map(|g| &g.pages);

    let pages = ctx.pages();
    lap("setup");
    type Rendered = Result<(String, Arc<[u8]>, CachedPage), Diagnostic>;
    let results: Vec<Rendered> = pages
        .into_par_iter()
        .map(|page| {
            let job = ctx.job(page);
            let key = if previous.is_some() {
                job.ctx.key()
            } else {
                Vec::new()
            };
            if let Some(hit) = previous
                .and_then(|p| p.get(&job.path))
                .filter(|c| c.key == key && same_content(&c.content, &job.content))
            {
                let html = hit.html.clone();
                return Ok((
                    job.path,
                    html.clone(),
                    CachedPage {
                        key,
                        content: job.content,
                        html,
                    },
                ));
            }
            let tpl = env
                .get_template(job.template)
                .map_err(|e| template_error(&sources, &e))?;
            let content = job
                .content
                .as_deref()
                .map(|c| Value::from_safe_string(c.to_string()))
                .unwrap_or_else(|| Value::from(""));
            let value =
                context! { site => site_value.clone(), content => content, ..job.ctx.value() };
            let html: Arc<[u8]> = tpl
                .render(value)
                .map_err(|e| template_error(&sources, &e))?
                .into_bytes()
                .into();
            Ok((
                job.path,
                html.clone(),
                CachedPage {
                    key,
                    content: job.content,
                    html,
                },
            ))
        })
        .collect();
    lap("pages");
    let mut out = Output::default();
    let mut errors = Vec::new();
    let mut html_paths = Vec::new();
    let mut fresh = HashMap::new();
    for r in results {
        match r {
            Ok((path, html, cached)) => {
                html_paths.push(path.clone());
                out.files.insert(path.clone(), Content::Bytes(html));
                fresh.insert(path, cached);
            }
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
    if let Some(inner) = guard.as_deref_mut() {
        inner.pages = fresh;
    }

    lap("collect");
    for (i, a) in site.assessments.iter().enumerate() {
        let s = site.clone();
        out.files.insert(
            format!("data/{}.json", a.year),
            Lazy::content(move || data::json(&s, &s.assessments[i]).into_bytes()),
        );
        let s = site.clone();
        out.files.insert(
            format!("data/{}.csv", a.year),
            Lazy::content(move || data::csv(&s, &s.assessments[i])),
        );
    }
    lap("data");
    out.insert_str("sitemap.xml", data::sitemap(site, &html_paths));
    for s in site
        .sections
        .iter()
        .filter(|s| s.s.feed && !s.name.is_empty())
    {
        out.insert_str(format!("{}atom.xml", s.url_path()), data::atom(site, s));
    }
    Ok(out)
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
