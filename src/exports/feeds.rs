//! `/sitemap.xml` and the sections' Atom feeds (`/<section>/atom.xml`).

use crate::base::html::escape;
use crate::base::vi;
use crate::error::Error;
use crate::exports::{Export, ExportContext, Part};
use crate::model::site::{Section, Site};

/// `/sitemap.xml`: every page but the 404 page and the print views.
pub struct Sitemap;

impl Export for Sitemap {
    fn parts(&self, cx: &ExportContext) -> Vec<Part> {
        // The review site is not for search engines.
        if cx.site.audience.is_review() {
            return Vec::new();
        }
        vec![Part::one("sitemap.xml".into(), |cx, w| {
            w.write_all(sitemap(&cx.site, &cx.listed).as_bytes())
                .map_err(|e| Error::writing("sitemap.xml", e))
        })]
    }
}

/// The Atom feed of every section that asks for one (`feed: true`).
pub struct Atom;

impl Export for Atom {
    fn parts(&self, cx: &ExportContext) -> Vec<Part> {
        cx.site
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.front.feed && !s.name.is_empty())
            .map(|(i, s)| {
                let path = format!("{}atom.xml", s.url_path());
                let shown = path.clone();
                Part::one(path, move |cx, w| {
                    w.write_all(atom(&cx.site, &cx.site.sections[i]).as_bytes())
                        .map_err(|e| Error::writing(&shown, e))
                })
            })
            .collect()
    }
}

/// The absolute URL of an output path: `https://…/cchc/` + `2022/1-2/`.
fn absolute(site: &Site, path: &str) -> String {
    format!("{}{}", site.config.base_url, path)
}

pub fn sitemap(site: &Site, html_paths: &[String]) -> String {
    let mut paths: Vec<&str> = html_paths
        .iter()
        .filter(|p| p.as_str() != "404.html")
        .map(|p| p.trim_end_matches("index.html"))
        .collect();
    paths.sort_unstable();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in paths {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&absolute(site, p))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// Atom feed of a section: its dated pages, newest first. `updated` is the
/// newest page's date (not the build time), so builds are reproducible.
pub fn atom(site: &Site, s: &Section) -> String {
    let mut pages: Vec<_> = s.pages.iter().filter(|p| p.front.date.is_some()).collect();
    pages.sort_by(|a, b| {
        b.front
            .date
            .cmp(&a.front.date)
            .then_with(|| a.url_path.cmp(&b.url_path))
    });
    let updated = pages
        .first()
        .and_then(|p| p.front.date)
        .unwrap_or(site.today);
    let feed_url = absolute(site, &format!("{}atom.xml", s.url_path()));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(&site.config.language)
    ));
    out.push_str(&format!(
        "  <title>{} — {}</title>\n",
        escape(&s.front.title),
        escape(&site.config.title)
    ));
    out.push_str(&format!("  <id>{}</id>\n", escape(&feed_url)));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&feed_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&absolute(site, &s.url_path()))
    ));
    out.push_str(&format!(
        "  <updated>{}T00:00:00Z</updated>\n",
        vi::date_iso(updated)
    ));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(&site.config.title)
    ));
    for p in pages {
        let url = absolute(site, &p.url_path);
        let date = p.front.date.map(vi::date_iso).unwrap_or_default();
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", escape(&p.front.title)));
        out.push_str(&format!("    <id>{}</id>\n", escape(&url)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&url)
        ));
        out.push_str(&format!("    <updated>{date}T00:00:00Z</updated>\n"));
        out.push_str(&format!("    <published>{date}T00:00:00Z</published>\n"));
        if !p.summary.is_empty() {
            out.push_str(&format!("    <summary>{}</summary>\n", escape(&p.summary)));
        }
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&p.body_html.html())
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
