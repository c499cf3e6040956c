//! The site model and its warnings kept across builds, reused while the
//! build's [`Shape`] is unchanged.

use crate::base::diag::Diagnostic;
use crate::load::{Asset, Inputs};
use crate::model::file::ParsedFile;
use crate::model::site::Site;
use jiff::civil::Date;
use std::sync::{Arc, Mutex};

/// Everything the site model and the diagnostics depend on: what a build
/// reads, except Markdown bodies that show only on their own page, and the
/// templates, which only the render reads (the render cache compares them
/// itself and renders every page again when one changed). Two builds with
/// the same shape have the same site model and the same diagnostics; so a
/// theme edit in `serve` skips assembling and checking the model.
#[derive(PartialEq)]
pub struct Shape {
    config: Option<Arc<str>>,
    options: ShapeOptions,
    files: Vec<(String, Arc<str>)>,
    content_assets: Vec<String>,
    static_files: Vec<String>,
    theme_static: Vec<String>,
}

/// The build options the model depends on.
#[derive(PartialEq)]
pub struct ShapeOptions {
    pub today: Date,
    pub audience: crate::model::site::Audience,
    pub base_url: Option<String>,
    pub origin: Option<String>,
}

impl Shape {
    pub fn of(options: ShapeOptions, inputs: &Inputs, parsed: &[Arc<ParsedFile>]) -> Shape {
        let rels = |v: &[Asset]| v.iter().map(|a| a.rel.clone()).collect();
        Shape {
            config: inputs.config_text.clone(),
            options,
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
#[derive(Default)]
pub struct ModelMemo {
    last: Mutex<Option<Memo>>,
}

struct Memo {
    shape: Shape,
    site: Arc<Site>,
    warnings: Arc<[Diagnostic]>,
}

impl ModelMemo {
    /// The model and warnings of the last good build, if its shape was
    /// `shape`.
    pub fn get(&self, shape: &Shape) -> Option<(Arc<Site>, Arc<[Diagnostic]>)> {
        let last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        last.as_ref()
            .filter(|m| m.shape == *shape)
            .map(|m| (m.site.clone(), m.warnings.clone()))
    }

    /// Keeps this build's model, or forgets the last one (`None`: a model
    /// that looked at files outside what the shape records).
    pub fn set(&self, memo: Option<(Shape, Arc<Site>, Arc<[Diagnostic]>)>) {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        *last = memo.map(|(shape, site, warnings)| Memo {
            shape,
            site,
            warnings,
        });
    }
}
