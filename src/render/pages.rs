//! The kinds of page a site has, and what one page is made of: its
//! template and its context ([`PageJob`]). [`crate::render::contexts`]
//! lists the pages and builds each context.

use crate::model::markdown::Body;
use crate::render::views::Link;
use minijinja::context;
use minijinja::value::Value;
use serde::Serialize;

/// One page of the site, as a cheap descriptor (indices into the site);
/// each is turned into a [`PageJob`] on a worker thread.
#[derive(Clone, Copy, Debug)]
pub(crate) enum PageKind {
    Home,
    Assessment(usize),
    Node(usize, usize),
    Units,
    /// An index into [`crate::render::contexts::Contexts::units`].
    Unit(usize),
    Section(usize),
    SectionItem(usize, usize),
    Report(usize),
    Print(usize),
    Documents,
    /// The review site's "Việc cần làm".
    Todo,
    /// The review site's explanation of every diagnostic code.
    Codes,
    NotFound,
}

impl PageKind {
    /// One long page each, whose context is the whole year or every
    /// document: in `serve` they are not even compared with the previous
    /// build's (building their contexts is most of their cost).
    pub(crate) fn is_long(self) -> bool {
        matches!(
            self,
            PageKind::Assessment(_)
                | PageKind::Report(_)
                | PageKind::Print(_)
                | PageKind::Documents
                | PageKind::Todo
        )
    }

    /// Whether the sitemap lists it: the print view repeats the report.
    pub(crate) fn listed(self) -> bool {
        !matches!(self, PageKind::Print(_) | PageKind::Todo | PageKind::Codes)
    }
}

/// `page` in every template: what kind of page, its title, URL and
/// breadcrumbs.
#[derive(Serialize, Clone)]
pub(crate) struct PageMeta {
    kind: &'static str,
    title: String,
    url: String,
    breadcrumbs: Vec<Link>,
}

pub(crate) fn meta(
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

/// What one page is made of besides its path and Markdown body: its
/// template and its context, everything the template may read besides
/// `site` and `content`.
pub(crate) struct PageJob {
    pub template: &'static str,
    context: Box<dyn Context + Send>,
}

impl PageJob {
    pub(crate) fn new<T: Serialize + Send + 'static>(template: &'static str, context: T) -> Self {
        PageJob {
            template,
            context: Box::new(context),
        }
    }

    /// What the page's template sees: the site, the page's rendered body
    /// as `content`, and its own context.
    pub(crate) fn value(&self, site_value: &Value, content: Option<&Body>) -> Value {
        let body = content
            .map(|c| Value::from_safe_string(c.html().into_owned()))
            .unwrap_or_else(|| Value::from(""));
        context! { site => site_value.clone(), content => body, ..self.context.value() }
    }

    /// The context as exact bytes, to compare with the previous build's
    /// (`serve`); `None` if it cannot be serialized, and then it is never
    /// taken as unchanged.
    pub(crate) fn key(&self) -> Option<Vec<u8>> {
        self.context.key()
    }
}

/// Object-safe serialization of a page context: as a template value, and
/// as exact bytes.
trait Context {
    fn value(&self) -> Value;
    fn key(&self) -> Option<Vec<u8>>;
}

impl<T: Serialize> Context for T {
    fn value(&self) -> Value {
        Value::from(minijinja::value::Serde(self))
    }
    fn key(&self) -> Option<Vec<u8>> {
        serde_json::to_vec(self).ok()
    }
}
