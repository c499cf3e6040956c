//! Site search, offline: the build writes an index of every assessment,
//! node, document, unit and page (`tim-kiem/chi-muc.json`) and a page that
//! lists them all (`tim-kiem/`, the fallback without JavaScript). The
//! browser searches the index with `themes/default/static/search.js`.
//!
//! Matching folds both sides with the same function: [`crate::base::vi::fold`]
//! here, `fold` in search.js (tone and vowel marks dropped, đ → d, lower
//! case), checked against one table, `tests/fixtures/search/fold.json`.
//! Ranking lives in search.js (docs/search.md says why Pagefind is not used).

use crate::base::vi;
use crate::model::documents;
use crate::model::markdown::Body;
use crate::model::site::Site;
use crate::output::{Lazy, Output};
use crate::render::views::ViewBuilder;
use crate::render::{Bodies, RowByRow};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::io::Write;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// The index, relative to the output folder.
pub const INDEX_PATH: &str = "tim-kiem/chi-muc.json";
/// The page listing everything, relative to the output folder.
pub const LIST_PATH: &str = "tim-kiem/index.html";

/// Body text kept in the whole index, in characters, shared equally by the
/// entries: titles, numbers and ids are always whole, but the text to match
/// and to quote is cut so that the one file the browser loads stays small
/// (docs/search.md gives the sizes). Each entry keeps between
/// [`MIN_TEXT_CHARS`] and [`MAX_TEXT_CHARS`].
pub const TEXT_BUDGET_CHARS: usize = 400_000;
/// Every entry keeps at least this much: enough for a snippet.
pub const MIN_TEXT_CHARS: usize = 160;
/// No entry keeps more: a long notice is found by its first pages.
pub const MAX_TEXT_CHARS: usize = 6_000;

/// What each entry of an index of `n` entries keeps of its text.
pub fn text_share(n: usize) -> usize {
    (TEXT_BUDGET_CHARS / n.max(1)).clamp(MIN_TEXT_CHARS, MAX_TEXT_CHARS)
}

/// One thing search can find.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Entry {
    /// `assessment`, `node`, `document`, `unit` or `page`.
    pub kind: &'static str,
    /// What it is called on the site, in Vietnamese: `Lĩnh vực`,
    /// `Tiêu chí`, `Văn bản`, the section's title for a page…
    pub label: String,
    /// The id of a node (`1.2`) or the number of a document
    /// (`55/TB-SKHCN`), searchable as typed; empty otherwise.
    pub number: String,
    pub title: String,
    pub year: Option<i32>,
    /// Through the base path: `/cchc/2022/1-2/`.
    pub url: String,
    /// Plain text to match and to quote (at most [`text_share`]).
    pub text: String,
    /// Depth in its tree, for the list page (0 for everything but nodes).
    pub depth: usize,
}

/// What each kind is called when nothing more precise is known; search.js
/// has the same table.
pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "assessment" => "Kỳ đánh giá",
        "node" => "Tiêu chí",
        "document" => "Văn bản",
        "unit" => "Đơn vị",
        _ => "Trang",
    }
}

/// The number a document group is shown with: normalised when it parses,
/// as written otherwise, empty when it has none.
fn group_number(site: &Site, g: &crate::model::site::Group) -> String {
    g.parsed
        .as_ref()
        .map(|d| d.normalized.clone())
        .or_else(|| g.cites[0].evidence(site).number.clone())
        .unwrap_or_default()
}

/// The anchor of a document's row on the documents page (`/van-ban/`):
/// its number (or title when it has none) and year, as a slug.
pub fn group_anchor(site: &Site, g: &crate::model::site::Group) -> String {
    let number = group_number(site, g);
    let first = g.cites[0].evidence(site);
    doc_anchor(
        if number.trim().is_empty() {
            &first.title
        } else {
            &number
        },
        g.key.2,
    )
}

fn doc_anchor(number_or_title: &str, year: Option<i32>) -> String {
    match year {
        Some(y) => format!("vb-{}-{y}", vi::slugify(number_or_title)),
        None => format!("vb-{}", vi::slugify(number_or_title)),
    }
}

/// Every searchable thing of the site, in the order of the list page:
/// assessments (latest first) each followed by its nodes in tree order,
/// then documents, units and pages.
pub fn entries<K: Borrow<str> + Hash + Eq + Sync>(
    site: &Site,
    vb: &ViewBuilder,
    bodies: &HashMap<K, Body>,
) -> Vec<Entry> {
    let urls = vb.urls;
    // Already in the documents page's order.
    let groups = documents::by_title(site);
    let count = site
        .assessments
        .iter()
        .map(|a| 1 + a.nodes.len())
        .sum::<usize>()
        + groups.len()
        + site.config.units.len()
        + site
            .sections
            .iter()
            .map(|s| 1 + s.pages.len())
            .sum::<usize>();
    let share = text_share(count);
    // Only the first `share` characters are kept: convert no more.
    let body = |file: &str| {
        bodies
            .get(file)
            .map(|b| html_text_prefix(&b.html(), share))
            .unwrap_or_default()
    };
    let mut out = Vec::with_capacity(count);
    for a in site.assessments.iter().rev() {
        let mut text = body(&a.file);
        if let Some(d) = &a.a.decision {
            push_evidence(&mut text, d);
        }
        out.push(Entry {
            kind: "assessment",
            label: kind_label("assessment").into(),
            number: String::new(),
            title: a.a.title.clone(),
            year: Some(a.year),
            url: urls.year(a.year),
            text: cap(text, share),
            depth: 0,
        });
        // Tree order: each root followed by its descendants.
        let mut order = Vec::with_capacity(a.nodes.len());
        let mut stack: Vec<usize> = a.roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            stack.extend(a.nodes[i].children.iter().rev());
        }
        let nodes: Vec<Entry> = order
            .par_iter()
            .map(|&i| {
                let n = &a.nodes[i];
                let mut text = String::new();
                if let Some(e) = &n.n.explanation {
                    text.push_str(e.trim());
                }
                let b = body(&n.file);
                if !b.is_empty() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&b);
                }
                for e in &n.n.evidence {
                    push_evidence(&mut text, e);
                }
                Entry {
                    kind: "node",
                    label: if n.parent.is_none() {
                        "Lĩnh vực".into()
                    } else {
                        kind_label("node").into()
                    },
                    number: n.n.id.value.to_string(),
                    title: n.n.title.clone(),
                    year: Some(a.year),
                    url: urls.node(a.year, n),
                    text: cap(text, share),
                    depth: n.n.id.value.depth().saturating_sub(1),
                }
            })
            .collect();
        out.extend(nodes);
    }

    let docs: Vec<Entry> = groups
        .par_iter()
        .map(|g| {
            let first = g.cites[0].evidence(site);
            let number = group_number(site, g);
            let year = g.key.2.or(first.date.map(|d| i32::from(d.year())));
            let mut text = String::new();
            if let Some(kind) = g.parsed.as_ref().map(|d| d.kind_name) {
                text.push_str(kind);
            }
            let issuer = g
                .parsed
                .as_ref()
                .map(|d| d.issuer.clone())
                .or_else(|| first.issuer.clone());
            if let Some(i) = issuer {
                push_word(&mut text, &i);
            }
            // Other titles it was cited with, and where it is cited.
            for c in &g.cites {
                let e = c.evidence(site);
                if e.title != first.title && !text.contains(&e.title) {
                    push_word(&mut text, &e.title);
                }
            }
            for c in &g.cites {
                let a = &site.assessments[c.assessment];
                if let Some(ni) = c.node {
                    let n = &a.nodes[ni];
                    push_word(
                        &mut text,
                        &format!("{} · {} {}", a.year, n.n.id.value, n.n.title),
                    );
                }
                if text.len() > 4 * share {
                    break;
                }
            }
            Entry {
                kind: "document",
                label: g
                    .parsed
                    .as_ref()
                    .map(|d| d.kind_name.to_string())
                    .unwrap_or_else(|| kind_label("document").into()),
                number,
                title: first.title.clone(),
                year,
                url: urls.path(&format!("van-ban/#{}", group_anchor(site, g))),
                text: cap(text, share),
                depth: 0,
            }
        })
        .collect();
    out.extend(docs);

    for u in vb.units() {
        out.push(Entry {
            kind: "unit",
            label: kind_label("unit").into(),
            number: String::new(),
            title: u.name,
            year: None,
            url: u.url,
            text: String::new(),
            depth: 0,
        });
    }

    for sec in &site.sections {
        let label = if sec.name.is_empty() {
            kind_label("page").to_string()
        } else {
            sec.s.title.clone()
        };
        if !sec.name.is_empty() {
            out.push(Entry {
                kind: "page",
                label: "Chuyên mục".into(),
                number: String::new(),
                title: sec.s.title.clone(),
                year: None,
                url: urls.path(&sec.url_path()),
                text: cap(body(&sec.file), share),
                depth: 0,
            });
        }
        for p in &sec.pages {
            out.push(Entry {
                kind: "page",
                label: label.clone(),
                number: String::new(),
                title: p.p.title.clone(),
                year: p.p.date.map(|d| i32::from(d.year())),
                url: urls.path(&p.url_path),
                text: cap(html_text_prefix(&p.body_html.html(), share), share),
                depth: 0,
            });
        }
    }
    out
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

/// Makes the page shown in place of one whose template failed.
pub type ErrorPage = Arc<dyn Fn(&minijinja::Error) -> Vec<u8> + Send + Sync>;

/// Adds the index and the list page to `out`. The list page is rendered
/// with the site's templates (`search.html`).
///
/// With `lazy` (serve), both are made on first request, like the data
/// exports, so that a rebuild after an edit does not pay for them (about
/// 0.7 s at 10,000 pages, docs/search.md); a template error then shows on the
/// list page, as the given error page (the same as every page made on
/// request), and the index is empty. A build makes them at once and reports
/// such an error.
pub fn add(
    out: &mut Output,
    site: &Arc<Site>,
    bodies: &Bodies,
    env: &minijinja::Environment<'static>,
    site_value: &minijinja::Value,
    lazy: Option<ErrorPage>,
) -> Result<(), minijinja::Error> {
    let Some(error_page) = lazy else {
        let (list, index) = files(site, bodies, env, site_value)?;
        out.insert_bytes(LIST_PATH, list);
        out.insert_bytes(INDEX_PATH, index);
        return Ok(());
    };
    struct Made {
        site: Arc<Site>,
        bodies: HashMap<String, Body>,
        env: minijinja::Environment<'static>,
        site_value: minijinja::Value,
        error_page: ErrorPage,
        cell: OnceLock<(Vec<u8>, Vec<u8>)>,
    }
    impl Made {
        fn get(&self) -> &(Vec<u8>, Vec<u8>) {
            self.cell.get_or_init(|| {
                match files(&self.site, &self.bodies, &self.env, &self.site_value) {
                    Ok(made) => made,
                    Err(e) => ((self.error_page)(&e), br#"{"v":1,"items":[]}"#.to_vec()),
                }
            })
        }
    }
    let made = Arc::new(Made {
        site: site.clone(),
        bodies: bodies
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect(),
        env: env.clone(),
        site_value: site_value.clone(),
        error_page,
        cell: OnceLock::new(),
    });
    let m = made.clone();
    out.files
        .insert(LIST_PATH.into(), Lazy::content(move || m.get().0.clone()));
    out.files.insert(
        INDEX_PATH.into(),
        Lazy::content(move || made.get().1.clone()),
    );
    Ok(())
}

/// The list page and the index, in memory.
fn files<K: Borrow<str> + Hash + Eq + Sync>(
    site: &Site,
    bodies: &HashMap<K, Body>,
    env: &minijinja::Environment,
    site_value: &minijinja::Value,
) -> Result<(Vec<u8>, Vec<u8>), minijinja::Error> {
    let (mut list, mut index) = (Vec::new(), Vec::new());
    write_files(site, bodies, env, site_value, &mut list, &mut index)?;
    Ok((list, index))
}

/// Writes the list page (rendered with `search.html`) to `list` and the
/// index to `index`: `build` gives it the two files, so that neither is
/// held whole in memory. An error writing is a `WriteFailure`.
pub fn write_files<K: Borrow<str> + Hash + Eq + Sync>(
    site: &Site,
    bodies: &HashMap<K, Body>,
    env: &minijinja::Environment,
    site_value: &minijinja::Value,
    list: &mut dyn Write,
    index: &mut dyn Write,
) -> Result<(), minijinja::Error> {
    use minijinja::Value;
    let lap = crate::pipeline::stopwatch("  render/search/");
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
    let tpl = env.get_template("search.html")?;
    tpl.render_captured_to(
        minijinja::context! {
            site => site_value.clone(),
            content => "",
            page => minijinja::context! {
                kind => "search",
                title => "Tìm kiếm",
                url => vb.urls.path("tim-kiem/"),
                breadcrumbs => Vec::<()>::new(),
            },
            groups,
            count => entries.len(),
        },
        &mut *list,
    )?;
    let write_failure = |e: std::io::Error| {
        minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())
    };
    list.flush().map_err(write_failure)?;
    lap("list page");
    index_json_to(&entries, index)
        .and_then(|()| index.flush())
        .map_err(write_failure)?;
    lap("index");
    Ok(())
}

fn push_word(text: &mut String, word: &str) {
    let word = word.trim();
    if word.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str(" · ");
    }
    text.push_str(word);
}

fn push_evidence(text: &mut String, e: &crate::model::file::Evidence) {
    match &e.number {
        Some(n) => push_word(text, &format!("{n} {}", e.title)),
        None => push_word(text, &e.title),
    }
}

/// `text` cut to at most `max` characters, at a space, marked with `…`.
fn cap(mut text: String, max: usize) -> String {
    if let Some((end, _)) = text.char_indices().nth(max) {
        let end = match text[..end].rfind(' ') {
            Some(i) if i > 0 => i,
            _ => end,
        };
        text.truncate(end);
        text.push('…');
    }
    // Kept until the index is written: with the room left by growing and
    // cutting, the texts' buffers took 26 MB at 10,000 pages (massif), for
    // an index of 12.9 MB.
    text.shrink_to_fit();
    text
}

/// The text of an HTML fragment made by the Markdown renderer: tags
/// dropped (a space for block elements), entities decoded, white space
/// collapsed.
pub fn html_text(html: &str) -> String {
    collapse(&decode_entities(&strip_tags(html)))
}

/// A prefix of [`html_text`]`(html)` that is either all of it or longer
/// than `chars` characters: enough for [`cap`] to give the same result,
/// without converting the whole of a long page when only its first
/// [`text_share`] characters are kept.
///
/// It converts a prefix of `html` cut just after a `>`, growing it until
/// the text is long enough. Each step keeps the prefix property: tags end
/// at or before the cut, so the tags stripped are the same as in the
/// whole; an `&` within the last 10 bytes of the stripped text might start
/// an entity whose `;` lies beyond the cut, so such a cut is not used; and
/// collapsing white space of a prefix gives a prefix of the collapsed whole.
fn html_text_prefix(html: &str, chars: usize) -> String {
    let mut len = chars.saturating_mul(8).max(2048);
    while len < html.len() {
        let Some(gt) = html.as_bytes()[len..].iter().position(|&b| b == b'>') else {
            break;
        };
        let cut = len + gt + 1;
        let raw = strip_tags(&html[..cut]);
        let tail = &raw.as_bytes()[raw.len().saturating_sub(10)..];
        if !tail.contains(&b'&') {
            let text = collapse(&decode_entities(&raw));
            if text.chars().nth(chars).is_some() {
                return text;
            }
        }
        len = cut.saturating_mul(2);
    }
    html_text(html)
}

/// Tags dropped, a space for each that is not inline.
fn strip_tags(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "code", "del", "em", "i", "mark", "s", "small", "span", "strong", "sub",
        "sup", "u",
    ];
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        raw.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        let name = tag.trim_start_matches('/');
        let end = name
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        let name = &name[..end];
        if !INLINE.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            raw.push(' ');
        }
        rest = &rest[lt + gt + 1..];
    }
    raw.push_str(rest);
    raw
}

/// White space collapsed to single spaces, none at either end.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            html_text(
                "<h2>Kết quả</h2>\n<p>Đạt <strong>6,47</strong>/10 điểm &amp; xếp thứ 14.</p><ul><li>một</li><li>hai</li></ul>"
            ),
            "Kết quả Đạt 6,47/10 điểm & xếp thứ 14. một hai"
        );
        assert_eq!(
            html_text("a &lt;b&gt; &#39;c&#x27; &unknown; & d"),
            "a <b> 'c' &unknown; & d"
        );
    }

    #[test]
    fn a_prefix_of_the_text_caps_like_the_whole() {
        // Entities, inline and block tags and white space around every cut.
        let mut html = String::new();
        for i in 0..400 {
            html.push_str(&format!(
                "<p>Đoạn {i}: <strong>cải cách</strong> &amp; hành&nbsp;chính &#273;ã   xong</p>\n<ul><li>mục&lt;{i}&gt;</li></ul>"
            ));
        }
        let whole = html_text(&html);
        for chars in [0, 1, 5, 160, 161, 400, 2000, 6000, 100_000] {
            let prefix = html_text_prefix(&html, chars);
            assert!(whole.starts_with(&prefix), "{chars}");
            assert!(prefix == whole || prefix.chars().count() > chars, "{chars}");
            assert_eq!(cap(prefix, chars), cap(whole.clone(), chars), "{chars}");
        }
    }

    #[test]
    fn long_text_is_cut_at_a_space() {
        let text = cap("chính quyền số ".repeat(200), 100);
        assert_eq!(text.chars().count(), 95 + 1, "{text}");
        assert!(text.ends_with("số chính…"), "{text}");
        assert_eq!(cap("ngắn".to_string(), 4), "ngắn");
    }

    #[test]
    fn a_large_site_keeps_less_text_per_entry() {
        assert_eq!(text_share(27), MAX_TEXT_CHARS);
        assert_eq!(text_share(1000), 400);
        assert_eq!(text_share(10_000), MIN_TEXT_CHARS);
    }

    #[test]
    fn document_anchors_are_slugs() {
        assert_eq!(doc_anchor("55/TB-SKHCN", Some(2023)), "vb-55-tb-skhcn-2023");
        assert_eq!(
            doc_anchor("Báo cáo tự đánh giá", None),
            "vb-bao-cao-tu-danh-gia"
        );
    }
}
