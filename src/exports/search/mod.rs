//! Site search, offline: the build writes an index of every assessment,
//! node, document, unit and page (`tim-kiem/chi-muc.json`) and a page that
//! lists them all (`tim-kiem/`, the fallback without JavaScript). The
//! browser searches the index with `themes/default/static/search.js`.
//!
//! Matching folds both sides with the same function: [`crate::base::vi::fold`]
//! here, `fold` in search.js (tone and vowel marks dropped, đ → d, lower
//! case), checked against one table, `tests/fixtures/search/fold.json`.
//! Ranking lives in search.js (docs/search.md says why Pagefind is not used).

mod entries;
mod text;

pub use entries::{
    Entry, MAX_TEXT_CHARS, MIN_TEXT_CHARS, TEXT_BUDGET_CHARS, entries, kind_label, text_share,
};
pub use text::html_text;

use crate::base::timing::stopwatch;
use crate::error::Error;
use crate::exports::{Export, ExportContext, Part};
use crate::model::site::Site;
use crate::render::Bodies;
use crate::render::env::Templates;
use crate::render::rows::RowByRow;
use crate::render::views::ViewBuilder;
use serde::Serialize;
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

/// The index, relative to the output folder.
pub const INDEX_PATH: &str = "tim-kiem/chi-muc.json";
/// The page listing everything, relative to the output folder.
pub const LIST_PATH: &str = "tim-kiem/index.html";

/// The list page and the index, made from the same entries. In `serve`, a
/// template error shows on the list page (as on every page made on
/// request) and the index is empty; `build` reports it.
pub struct Search;

impl Export for Search {
    fn parts(&self, _: &ExportContext) -> Vec<Part> {
        vec![
            Part::new(vec![LIST_PATH.into(), INDEX_PATH.into()], |cx, w| match w {
                [list, index] => write_files(&cx.site, &cx.bodies, &cx.templates, *list, *index),
                _ => Ok(()),
            })
            .on_error(|path, e, lang| {
                if path == INDEX_PATH {
                    br#"{"v":1,"items":[]}"#.to_vec()
                } else {
                    super::error_file(path, e, lang)
                }
            }),
        ]
    }
}

/// The index as the browser reads it: `{"v":1,"items":[[kind, label,
/// number, title, year, url, text], …]}`. Arrays rather than objects keep
/// it small; a label equal to the kind's default is left empty.
fn index_json_to(entries: &[Entry], w: &mut dyn Write) -> std::io::Result<()> {
    // Serialised straight from borrowed fields, in the order of the object
    // `serde_json::json!` made before (keys sorted: `items`, then `v`).
    struct Items<'a>(&'a [Entry]);
    impl Serialize for Items<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|e| {
                let label = if e.label == kind_label(e.kind) {
                    ""
                } else {
                    e.label.as_str()
                };
                (e.kind, label, &e.number, &e.title, e.year, &e.url, &e.text)
            }))
        }
    }
    #[derive(Serialize)]
    struct Index<'a> {
        items: Items<'a>,
        v: u32,
    }
    serde_json::to_writer(
        w,
        &Index {
            items: Items(entries),
            v: 1,
        },
    )
    .map_err(std::io::Error::from)
}

/// Writes the list page (rendered with `search.html`) to `list` and the
/// index to `index`: `build` gives it the two files, so that neither is
/// held whole in memory.
pub fn write_files(
    site: &Site,
    bodies: &Bodies,
    templates: &Templates,
    list: &mut dyn Write,
    index: &mut dyn Write,
) -> Result<(), Error> {
    use minijinja::Value;
    let lap = stopwatch("  exports/search/");
    let vb = ViewBuilder::new(site);
    let entries = Arc::new(entries(site, &vb, bodies));
    lap("entries");
    // Consecutive entries of one kind (and year) make a group.
    let mut ranges: Vec<(String, String, Range<usize>)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let (title, id) = match e.kind {
            "assessment" | "node" => (
                format!("Năm {}", e.year.unwrap_or_default()),
                format!("nam-{}", e.year.unwrap_or_default()),
            ),
            "document" => ("Văn bản".into(), "van-ban".into()),
            "unit" => ("Đơn vị".into(), "don-vi".into()),
            _ => ("Trang".into(), "trang".into()),
        };
        match ranges.last_mut() {
            Some((_, last, r)) if *last == id => r.end = i + 1,
            _ => ranges.push((title, id, i..i + 1)),
        }
    }
    let groups: Vec<Value> = ranges
        .into_iter()
        .map(|(title, id, range)| {
            minijinja::context! {
                title,
                id,
                items => Value::from_object(RowByRow::range(entries.clone(), range)),
            }
        })
        .collect();
    let tpl = templates
        .env
        .get_template("search.html")
        .map_err(|e| Error::Site(vec![templates.error(&e)]))?;
    let value = minijinja::context! {
        site => templates.site_value.clone(),
        content => "",
        page => minijinja::context! {
            kind => "search",
            title => "Tìm kiếm",
            url => vb.urls.path("tim-kiem/"),
            breadcrumbs => Vec::<()>::new(),
        },
        groups,
        count => entries.len(),
    };
    crate::render::render_to(&tpl, value, list, LIST_PATH, templates)?;
    lap("list page");
    index_json_to(&entries, index)
        .and_then(|()| index.flush())
        .map_err(|e| Error::writing(INDEX_PATH, e))?;
    lap("index");
    Ok(())
}
