//! The template environment: the site's templates over the built-in
//! theme (one minijinja loader, strict undefined, debug on, so an error
//! names its template and line), the filters and functions templates may
//! call (`vn_number`, `vn_score`, `vn_date`, `url`, … listed in
//! docs/format.md), and template errors as diagnostics.

use crate::base::diag::Diagnostic;
use crate::base::i18n::{Arg, Lang, Msg};
use crate::base::score::Score;
use crate::base::vi;
use crate::load::SourceFile;
use crate::load::theme;
use crate::model::site::Site;
use crate::msg;
use crate::render::views::ViewBuilder;
use minijinja::value::Value;
use minijinja::{Environment, ErrorKind, UndefinedBehavior};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The site's templates, ready to render, with what every page sees.
/// Shared (`Arc`) by the pages, the exports, and in `serve` the pages and
/// files made on request.
pub struct Templates {
    pub env: Environment<'static>,
    sources: Arc<TemplateSources>,
    /// The site-wide values every template sees as `site`.
    pub site_value: Value,
    /// What every page depends on besides its own context: the site-wide
    /// values and the text of every template. `serve`'s render cache
    /// forgets every page when it changes.
    pub fingerprint: Vec<u8>,
    /// The site's language, for the error pages `serve` shows.
    pub lang: Lang,
}

impl Templates {
    /// Compiles every template once, reporting all syntax errors together.
    pub fn new(site: &Site, overrides: &[SourceFile]) -> Result<Arc<Templates>, Vec<Diagnostic>> {
        let sources = Arc::new(TemplateSources::new(&site.config.theme, overrides));
        let env = environment(site, &sources)?;
        let site_view = ViewBuilder::new(site).site_view();
        let site_value = Value::from(minijinja::value::Serde(&site_view));
        // A view of plain strings, numbers and lists: serializing it cannot fail.
        let mut fingerprint = serde_json::to_vec(&site_view).unwrap_or_default();
        for (name, (_, src)) in &sources.map {
            fingerprint.extend_from_slice(name.as_bytes());
            fingerprint.push(0);
            fingerprint.extend_from_slice(src.as_bytes());
            fingerprint.push(0);
        }
        Ok(Arc::new(Templates {
            env,
            sources,
            site_value,
            fingerprint,
            lang: site.config.lang(),
        }))
    }

    /// A template error as a diagnostic at its template's file and line.
    pub fn error(&self, e: &minijinja::Error) -> Diagnostic {
        template_error(&self.sources, e)
    }

    /// What `serve` shows in place of a page made on request whose
    /// template failed while rendering: the diagnostic, with its template
    /// file and line.
    pub fn error_page(&self, e: &minijinja::Error) -> Vec<u8> {
        error_page(&self.error(e), self.lang)
    }
}

/// A page that shows a diagnostic (`serve`, in place of a page or file
/// that could not be made).
pub fn error_page(d: &Diagnostic, lang: Lang) -> Vec<u8> {
    let title = crate::base::html::escape(&Msg::new("error-page-title").text(lang));
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head><body><h1>{title}</h1>\
         <pre>{}</pre></body></html>\n",
        lang.tag(),
        crate::base::html::escape(&crate::base::diag::render_text(d, false, lang))
    )
    .into_bytes()
}

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
    let detail = match e.detail() {
        Some(d) => d.to_string(),
        None => e.kind().to_string(),
    };
    // Errors raised inside an included template: name the chain.
    let mut chain = Vec::new();
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        if let Some(me) = inner.downcast_ref::<minijinja::Error>() {
            chain.push(format!(
                "{}:{}",
                me.name().unwrap_or("?"),
                me.line().unwrap_or(0)
            ));
        }
        source = inner.source();
    }
    let within = if chain.is_empty() {
        Arg::Text(String::new())
    } else {
        Arg::from(msg!("template-within", places = chain))
    };
    let msg = if e.kind() == ErrorKind::UndefinedError {
        msg!("E702-template-undefined", detail = detail, within = within)
    } else {
        msg!("E701-template", detail = detail, within = within)
    };
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
    vi::parse_date(s).map_err(|e| {
        minijinja::Error::new(ErrorKind::InvalidOperation, format!("{filter}: {}", e.en()))
    })
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
