//! The review site's codes page (`/ma-loi/`): the explanation of every
//! diagnostic code, in the site's language, each at its own anchor
//! (`#W501`), so "Việc cần làm" and the overlay can link to it. The text is
//! the documentation's (`docs/ma-loi.md`), as `kiemchung explain` prints it.

use super::Contexts;
use crate::base::i18n::explain;
use crate::render::pages::{PageJob, meta};
use serde::Serialize;

/// Where the page goes, under the base path.
pub(crate) const PATH: &str = "ma-loi/";

#[derive(Serialize)]
struct Code {
    code: &'static str,
    title: &'static str,
    html: String,
}

pub(super) fn context(cx: &Contexts) -> PageJob {
    let lang = cx.site.config.lang();
    // The explanations are the program's own text, not the site's: plain
    // Markdown rendered as it is.
    let codes: Vec<Code> = explain::all(lang)
        .into_iter()
        .map(|e| {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(e.body));
            Code {
                code: e.code,
                title: e.title,
                html,
            }
        })
        .collect();
    #[derive(Serialize)]
    struct CodesCtx {
        page: crate::render::pages::PageMeta,
        codes: Vec<Code>,
    }
    PageJob::new(
        "codes.html",
        CodesCtx {
            page: meta("codes", "Mã lỗi và cảnh báo", cx.vb.urls.path(PATH), vec![]),
            codes,
        },
    )
}
