//! `serve`'s pages made on first request.
//!
//! A page the previous build cannot give is made when a browser first asks
//! for it (Hugo's server, in its default fast render mode, likewise renders
//! only the pages a browser opened), so that a theme edit costs what the
//! reviewer opens, not the whole site (BENCHMARKS.md has the figures). A
//! template error that only shows while rendering (not a syntax error,
//! which every build reports) then shows on the page itself, not in the
//! overlay of the whole build; `build` renders every page and fails on it.
//! Once made, the page is kept in the render cache, so that the next
//! rebuild reuses it as it reuses every other page.

use crate::incremental::pages::{CachedPage, PageStore};
use crate::model::markdown::Body;
use crate::model::site::Site;
use crate::render::Bodies;
use crate::render::contexts::Contexts;
use crate::render::env::Templates;
use crate::render::pages::PageKind;
use std::sync::Arc;

/// What the pages made on request in one `serve` build share.
pub(crate) struct Made {
    pub site: Arc<Site>,
    pub warnings: Arc<[crate::base::diag::Diagnostic]>,
    pub templates: Arc<Templates>,
    pub store: PageStore,
}

/// One page to be made on request.
pub(crate) struct OnRequest {
    pub made: Arc<Made>,
    pub page: PageKind,
    pub path: String,
    pub body: Option<Body>,
}

impl OnRequest {
    pub(crate) fn make(&self) -> Arc<[u8]> {
        let made = &*self.made;
        // The body is given: the contexts need no other.
        let no_bodies = Bodies::new();
        let job = Contexts::new(&made.site, &no_bodies, &made.warnings).job(self.page);
        let value = job.value(&made.templates.site_value, self.body.as_ref());
        let rendered = made
            .templates
            .env
            .get_template(job.template)
            .and_then(|tpl| tpl.render(value));
        match rendered {
            Ok(html) => {
                let html: Arc<[u8]> = html.into_bytes().into();
                if let Some(key) = job.key() {
                    made.store.keep(
                        &self.path,
                        CachedPage {
                            key: key.into(),
                            body: self.body.clone(),
                            html: html.clone(),
                        },
                    );
                }
                html
            }
            Err(e) => made.templates.error_page(&e).into(),
        }
    }
}
