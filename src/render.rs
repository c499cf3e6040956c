//! Stage 4, render: templates (minijinja) and data files into an [`Output`].

use crate::diag::Diagnostic;
use crate::load::SourceFile;
use crate::output::Output;
use crate::score::Score;
use crate::site::Site;
use crate::views::{self, Link, ViewBuilder};
use crate::{data, theme, vi};
use minijinja::value::Value;
use minijinja::{Environment, ErrorKind, UndefinedBehavior, context};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

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
                (format!("themes/{theme_name}/templates/{}", f.rel), f.text.clone()),
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
            d.message.push_str(&format!(" (in {}:{})", me.name().unwrap_or("?"), me.line().unwrap_or(0)));
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
            .map(|x| if x.is_zero() { "0".into() } else { format!("{neg}{}", x.to_vi()) })
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
    vi::parse_date(s).map_err(|e| minijinja::Error::new(ErrorKind::InvalidOperation, format!("{filter}: {e}")))
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
    env.set_loader(move |name| {
        Ok(loader_sources
            .map
            .get(name)
            .map(|(_, s)| s.to_string()))
    });
    env.add_filter("vn_number", vn_number);
    env.add_filter("vn_signed", signed);
    env.add_filter("vn_int", |v: i64| vi::int(v));
    env.add_filter("vn_percent", |v: Value| -> Result<String, minijinja::Error> {
        if v.is_none() {
            return Ok(String::new());
        }
        Ok(format!("{}%", vn_number(v)?))
    });
    env.add_filter("vn_date", |v: Value| -> Result<String, minijinja::Error> {
        if v.is_none() {
            return Ok(String::new());
        }
        Ok(vi::date_short(date_arg(&v, "vn_date")?))
    });
    env.add_filter("vn_date_long", |v: Value| -> Result<String, minijinja::Error> {
        if v.is_none() {
            return Ok(String::new());
        }
        Ok(vi::date_long(date_arg(&v, "vn_date_long")?))
    });
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

struct Job {
    path: String,
    template: &'static str,
    ctx: Value,
}

/// Renders the whole site.
pub fn render(site: &Site, overrides: &[SourceFile]) -> Result<Output, Vec<Diagnostic>> {
    let env = environment(site, overrides)?;
    let sources = TemplateSources::new(&site.config.theme, overrides);
    let vb = ViewBuilder::new(site);
    let site_value = Value::from(minijinja::value::Serde(&vb.site_view()));
    let page_ctx = |kind: &str, title: &str, url: String, breadcrumbs: Vec<Link>| {
        Value::from(minijinja::value::Serde(&serde_json::json!({
            "kind": kind,
            "title": title,
            "url": url,
            "breadcrumbs": breadcrumbs,
        })))
    };
    let serde = |v: &dyn erased::Ser| v.value();
    let mut jobs: Vec<Job> = Vec::new();

    // Home: the latest assessment with a score, or the latest one.
    let latest = site
        .assessments
        .iter()
        .rev()
        .find(|a| a.score.is_some() || a.a.total.is_some())
        .or(site.assessments.last());
    let home_title = site
        .home
        .as_ref()
        .map(|(h, _)| h.title.clone())
        .unwrap_or_else(|| site.config.title.clone());
    let news: Vec<serde_json::Value> = site
        .sections
        .iter()
        .filter(|s| !s.name.is_empty())
        .flat_map(|s| s.pages.iter().map(move |p| (s, p)))
        .filter(|(_, p)| p.p.date.is_some())
        .map(|(s, p)| {
            serde_json::json!({
                "title": p.p.title,
                "url": vb.urls.path(&p.url_path),
                "date": p.p.date.map(vi::date_iso),
                "summary": p.summary,
                "section": s.s.title,
            })
        })
        .collect();
    let mut news = news;
    news.sort_by(|a, b| b["date"].as_str().cmp(&a["date"].as_str()));
    news.truncate(5);
    jobs.push(Job {
        path: "index.html".into(),
        template: "index.html",
        ctx: context! {
            site => site_value.clone(),
            page => page_ctx("home", &home_title, vb.urls.path(""), vec![]),
            home => serde(&serde_json::json!({
                "title": home_title,
                "body": site.home.as_ref().map(|(_, b)| b.to_string()).unwrap_or_default(),
            })),
            latest => serde(&latest.map(|a| vb.summary(a))),
            change => serde(&latest.and_then(|a| vb.change(a))),
            years => serde(&site.assessments.iter().rev().map(|a| vb.summary(a)).collect::<Vec<_>>()),
            news => serde(&news),
        },
    });

    for a in &site.assessments {
        let summary = vb.summary(a);
        let rows: Vec<views::NodeRow> = a.nodes.iter().map(|n| vb.row(a, n)).collect();
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
        let tasks: Vec<views::TaskView> = a.all_tasks().map(|t| vb.task(a, t)).collect();
        let summary_value = serde(&summary);
        jobs.push(Job {
            path: format!("{}/index.html", a.year),
            template: "assessment.html",
            ctx: context! {
                site => site_value.clone(),
                page => page_ctx("assessment", &a.a.title, vb.urls.year(a.year), vec![]),
                assessment => summary_value.clone(),
                change => serde(&vb.change(a)),
                rows => serde(&rows),
                warnings => serde(&warnings),
                tasks => serde(&tasks),
                body => a.body_html.to_string(),
                data => serde(&serde_json::json!({
                    "json": vb.urls.path(&format!("data/{}.json", a.year)),
                    "csv": vb.urls.path(&format!("data/{}.csv", a.year)),
                })),
            },
        });
        for i in 0..a.nodes.len() {
            let n = &a.nodes[i];
            let view = vb.node(a, i);
            let title = format!("{} {}", n.n.id.value, n.n.title);
            let crumbs = view.breadcrumbs.clone();
            jobs.push(Job {
                path: format!("{}index.html", n.url_path(a.year)),
                template: "node.html",
                ctx: context! {
                    site => site_value.clone(),
                    page => page_ctx("node", &title, vb.urls.node(a.year, n), crumbs),
                    node => serde(&view),
                    assessment => summary_value.clone(),
                },
            });
        }
    }

    // Units.
    let units = vb.units();
    let mut unit_list = Vec::new();
    for u in &units {
        let mut nodes = Vec::new();
        let mut tasks = Vec::new();
        for a in site.assessments.iter().rev() {
            for n in &a.nodes {
                if n.n.unit.as_ref().is_some_and(|x| x.value == u.id) {
                    nodes.push(vb.row(a, n));
                }
            }
            for t in a.all_tasks() {
                if t.unit.as_deref() == Some(u.id.as_str()) {
                    tasks.push(vb.task(a, t));
                }
            }
        }
        let lost: Score = nodes
            .iter()
            .filter(|r| r.leaf)
            .filter_map(|r| r.lost.as_deref().and_then(|l| Score::parse(l).ok()))
            .sum();
        unit_list.push(serde_json::json!({
            "id": u.id, "name": u.name, "url": u.url,
            "node_count": nodes.len(), "task_count": tasks.len(),
            "lost": lost.to_plain(),
        }));
        jobs.push(Job {
            path: format!("don-vi/{}/index.html", u.id),
            template: "unit.html",
            ctx: context! {
                site => site_value.clone(),
                page => page_ctx("unit", &u.name, u.url.clone(), vec![Link { title: "Đơn vị".into(), url: vb.urls.path("don-vi/") }]),
                unit => serde(u),
                nodes => serde(&nodes),
                tasks => serde(&tasks),
            },
        });
    }
    if !units.is_empty() {
        jobs.push(Job {
            path: "don-vi/index.html".into(),
            template: "units.html",
            ctx: context! {
                site => site_value.clone(),
                page => page_ctx("units", "Đơn vị", vb.urls.path("don-vi/"), vec![]),
                units => serde(&unit_list),
            },
        });
    }

    // Sections and their pages.
    for s in &site.sections {
        let section_url = vb.urls.path(&s.url_path());
        let pages: Vec<serde_json::Value> = s
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
        let section_view = serde_json::json!({
            "name": s.name,
            "title": s.s.title,
            "url": section_url,
            "body": s.body_html.to_string(),
            "feed": s.s.feed.then(|| vb.urls.path(&format!("{}atom.xml", s.url_path()))),
            "extra": s.s.extra,
            "pages": pages,
        });
        let sv = serde(&section_view);
        if !s.name.is_empty() {
            jobs.push(Job {
                path: format!("{}index.html", s.url_path()),
                template: "section.html",
                ctx: context! {
                    site => site_value.clone(),
                    page => page_ctx("section", &s.s.title, section_url.clone(), vec![]),
                    section => sv.clone(),
                },
            });
        }
        for p in &s.pages {
            let crumbs = if s.name.is_empty() {
                vec![]
            } else {
                vec![Link { title: s.s.title.clone(), url: section_url.clone() }]
            };
            jobs.push(Job {
                path: format!("{}index.html", p.url_path),
                template: "page.html",
                ctx: context! {
                    site => site_value.clone(),
                    page => page_ctx("page", &p.p.title, vb.urls.path(&p.url_path), crumbs),
                    section => sv.clone(),
                    post => serde(&serde_json::json!({
                        "title": p.p.title,
                        "date": p.p.date.map(vi::date_iso),
                        "summary": p.summary,
                        "draft": p.p.draft,
                        "body": p.body_html.to_string(),
                        "extra": p.p.extra,
                        "file": p.file,
                    })),
                },
            });
        }
    }
    jobs.push(Job {
        path: "404.html".into(),
        template: "404.html",
        ctx: context! {
            site => site_value.clone(),
            page => page_ctx("404", "Không tìm thấy trang", vb.urls.path("404.html"), vec![]),
        },
    });

    let t_jobs = std::time::Instant::now();
    if std::env::var_os("KIEMCHUNG_TIMINGS").is_some() { eprintln!("jobs ready"); }
    // Render in parallel; collect every template error.
    let results: Vec<Result<(String, String), Diagnostic>> = jobs
        .into_par_iter()
        .map(|job| {
            let tpl = env
                .get_template(job.template)
                .map_err(|e| template_error(&sources, &e))?;
            tpl.render(job.ctx)
                .map(|html| (job.path, html))
                .map_err(|e| template_error(&sources, &e))
        })
        .collect();
    if std::env::var_os("KIEMCHUNG_TIMINGS").is_some() { eprintln!("templates: {:?}", t_jobs.elapsed()); }
    let mut out = Output::default();
    let mut errors = Vec::new();
    let mut html_paths = Vec::new();
    for r in results {
        match r {
            Ok((path, html)) => {
                html_paths.push(path.clone());
                out.insert_str(path, html);
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

    for a in &site.assessments {
        out.insert_str(format!("data/{}.json", a.year), data::json(site, a));
        out.insert_bytes(format!("data/{}.csv", a.year), data::csv(site, a));
    }
    out.insert_str("sitemap.xml", data::sitemap(site, &html_paths));
    for s in site.sections.iter().filter(|s| s.s.feed && !s.name.is_empty()) {
        out.insert_str(format!("{}atom.xml", s.url_path()), data::atom(site, s));
    }
    Ok(out)
}

/// Object-safe serialization into a template value.
mod erased {
    use minijinja::value::Value;
    pub trait Ser {
        fn value(&self) -> Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn value(&self) -> Value {
            Value::from(minijinja::value::Serde(self))
        }
    }
}
