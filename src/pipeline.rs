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

/// The result of a successful build: the site in memory and its warnings.
pub struct Built {
    pub output: Output,
    pub site: Arc<Site>,
    /// Warnings only (a build with errors returns `Err`), sorted.
    pub warnings: Vec<Diagnostic>,
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
        entries.clear();
        for (f, p) in files.iter().zip(&parsed) {
            entries.insert(f.rel.clone(), (f.text.clone(), p.clone()));
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
        if let (Some(line), Some(text)) = (d.line, texts.get(d.file.as_str())) {
            let col = d.column.unwrap_or(1);
            *d = std::mem::replace(d, Diagnostic::error("", "")).at(text, line, col);
        }
    }
}

pub fn build(opts: &BuildOptions, cache: Option<&Cache>) -> Result<Built, Vec<Diagnostic>> {
    let t0 = std::time::Instant::now();
    let timing = std::env::var_os("KIEMCHUNG_TIMINGS").is_some();
    let lap = |what: &str| {
        if timing {
            eprintln!("{what}: {:?}", t0.elapsed())
        }
    };
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
        None => inputs
            .content
            .par_iter()
            .map(|f| Arc::new(model::parse_file(f, &md)))
            .collect(),
    };
    lap("parse");
    for p in &parsed {
        diags.extend(p.diagnostics.iter().cloned());
    }
    let mut site = site::assemble(
        config,
        opts.today,
        opts.drafts,
        &parsed,
        &inputs.content_assets,
        &mut diags,
    );
    let index = FileIndex::new(&inputs.root, &inputs.content_assets, &inputs.static_files);
    lap("assemble");
    check::check(&mut site, &index, &mut diags);
    lap("check");
    fill_source_lines(&mut diags, &inputs);
    lap("fill");

    if diags.iter().any(Diagnostic::is_error) {
        diag::sort(&mut diags);
        return Err(diags);
    }
    let site = Arc::new(site);
    let mut output = match render::render(&site, &inputs.theme_templates, cache.map(|c| &c.pages)) {
        Ok(o) => o,
        Err(mut errs) => {
            diags.append(&mut errs);
            diag::sort(&mut diags);
            return Err(diags);
        }
    };
    lap("render");
    add_files(&mut output, &site, &inputs, &mut diags);
    diag::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(Built {
        output,
        site,
        warnings: diags,
        input_files: inputs.content.len(),
    })
}

/// Files copied as they are: the built-in theme's static files, the site
/// theme's, static/, then section assets and evidence. A later layer
/// overrides an earlier one; none may replace a generated page.
fn add_files(out: &mut Output, site: &Site, inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let generated: std::collections::HashSet<String> = out.files.keys().cloned().collect();
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
            if generated.contains(&a.rel) {
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
        if generated.contains(path) {
            diags.push(Diagnostic::error(
                crate::fsutil::rel_string(&inputs.root, src),
                format!("this file would replace the generated /{path}; rename or remove it"),
            ));
            continue;
        }
        out.files.insert(path.clone(), Content::File(src.clone()));
    }
}
