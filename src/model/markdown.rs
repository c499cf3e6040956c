//! Markdown bodies to HTML with pulldown-cmark.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};
use std::borrow::Cow;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MarkdownSettings {
    /// The site's path prefix (`/cchc/`): links written `/2022/1-2/` are
    /// rewritten to `/cchc/2022/1-2/` so they work under the real base_url.
    pub base_path: String,
    /// Let raw HTML through (`[markdown] unsafe_html = true`); otherwise it is
    /// shown as text.
    pub unsafe_html: bool,
    /// The review site: internal blocks are shown, marked; otherwise they
    /// are left out ([`crate::model::internal`]).
    pub review: bool,
}

/// Renders a body with its internal blocks as the audience sees them
/// (see [`crate::model::internal`]).
pub fn render_parts(parts: &[crate::model::internal::Part], settings: &MarkdownSettings) -> String {
    if !settings.review || parts.iter().all(|(internal, _)| !internal) {
        return render(&crate::model::internal::public_text(parts), settings);
    }
    let mut out = String::new();
    for (internal, text) in parts {
        if *internal {
            out.push_str(
                "<div class=\"noi-bo\" role=\"note\"><p class=\"noi-bo-nhan\">Nội bộ — không công bố</p>\n",
            );
            out.push_str(&render(text, settings));
            out.push_str("</div>\n");
        } else {
            out.push_str(&render(text, settings));
        }
    }
    out
}

/// A rendered body, as the pages, feeds and search take it.
///
/// `build` holds every body from parsing until its page is rendered, and
/// the bodies are the largest thing it holds (BENCHMARKS.md, "Figures
/// behind the code"): it keeps them compressed with LZ4 ([`Body::packed`]),
/// a fast block compression, and unpacks each where it is used (its page,
/// and the search index's quote of its beginning). `serve` keeps them as
/// HTML: its caches compare them from one rebuild to the next.
#[derive(Clone, Debug)]
pub enum Body {
    Html(Arc<str>),
    /// LZ4 block, its size in front (`lz4_flex::block`).
    Packed(Arc<[u8]>),
}

impl Body {
    /// The same body, compressed (an empty one stays as it is).
    pub fn packed(self) -> Body {
        match self {
            Body::Html(h) if !h.is_empty() => {
                Body::Packed(lz4_flex::block::compress_prepend_size(h.as_bytes()).into())
            }
            b => b,
        }
    }

    /// The HTML.
    pub fn html(&self) -> Cow<'_, str> {
        match self {
            Body::Html(h) => Cow::Borrowed(h),
            // Only [`Body::packed`] makes a `Packed`, from a `str`: the
            // block decodes, to UTF-8, unless memory was corrupted.
            Body::Packed(b) => Cow::Owned(
                lz4_flex::block::decompress_size_prepended(b)
                    .ok()
                    .and_then(|v| crate::load::decode::utf8_string(v).ok())
                    .expect("a body packed by Body::packed unpacks"),
            ),
        }
    }
}

impl From<String> for Body {
    fn from(html: String) -> Body {
        Body::Html(html.into())
    }
}

impl From<&str> for Body {
    fn from(html: &str) -> Body {
        Body::Html(html.into())
    }
}

/// Same HTML (compared without unpacking when both are the same kind).
impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        match (self, other) {
            (Body::Html(a), Body::Html(b)) => Arc::ptr_eq(a, b) || a == b,
            (Body::Packed(a), Body::Packed(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => self.html() == other.html(),
        }
    }
}

/// Renders a body. Raw HTML is escaped unless allowed; site-absolute links
/// and images get the base path.
pub fn render(body: &str, settings: &MarkdownSettings) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let prefix = |dest| with_base(dest, &settings.base_path);
    // Links and images whose target runs code or reads local files
    // (`javascript:`, `data:`, `file:`…) are dropped, their text kept,
    // unless raw HTML is allowed: then the author is trusted anyway. Links
    // cannot nest, but an image can sit in a link: one flag per open tag.
    let mut dropped: Vec<bool> = Vec::new();
    let parser = Parser::new_ext(body, options).filter_map(move |event| {
        let drop = |dest: &str| !settings.unsafe_html && !is_safe_url(dest);
        Some(match event {
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
                let d = drop(dest_url);
                dropped.push(d);
                if d {
                    return None;
                }
                event
            }
            Event::End(pulldown_cmark::TagEnd::Link | pulldown_cmark::TagEnd::Image) => {
                if dropped.pop().unwrap_or(false) {
                    return None;
                }
                event
            }
            e => e,
        })
    });
    let parser = parser.map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) if !settings.unsafe_html => Event::Text(h),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: prefix(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: prefix(dest_url),
            title,
            id,
        }),
        e => e,
    });
    let mut out = String::with_capacity(body.len() * 5 / 4);
    html::push_html(&mut out, parser);
    out
}

/// Whether a link target is safe to publish: a relative or site path, a
/// fragment, or an `http`, `https`, `mailto` or `tel` URL. Browsers ignore
/// tabs, newlines and leading spaces or control characters in a scheme
/// (`java\tscript:`), so they are ignored here too.
pub fn is_safe_url(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .take(32)
        .collect();
    let Some((scheme, _)) = cleaned.split_once(':') else {
        return true;
    };
    let is_scheme = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        // `:` after a `/`, `?` or `#`: a relative path such as `a/b:c`.
        return true;
    }
    matches!(
        scheme.to_ascii_lowercase().as_str(),
        "http" | "https" | "mailto" | "tel"
    )
}

fn with_base<'a>(dest: CowStr<'a>, base_path: &str) -> CowStr<'a> {
    if base_path != "/" && dest.starts_with('/') && !dest.starts_with("//") {
        CowStr::from(format!("{}{}", base_path, &dest[1..]))
    } else {
        dest
    }
}

/// The first paragraph's text, for summaries and feed entries.
pub fn plain_summary(body: &str, max_chars: usize) -> String {
    let mut text = String::new();
    let mut in_para = false;
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Paragraph) => in_para = true,
            Event::End(pulldown_cmark::TagEnd::Paragraph) if !text.is_empty() => break,
            Event::Text(t) | Event::Code(t) if in_para => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_para => text.push(' '),
            _ => {}
        }
    }
    if text.chars().count() > max_chars {
        let cut: String = text.chars().take(max_chars).collect();
        let cut = cut
            .rsplit_once(' ')
            .map_or(cut.as_str(), |(a, _)| a)
            .to_string();
        format!("{cut}…")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_body_unpacks_to_the_same_html() {
        let md = "# Tiêu chí 1.1\n\nBáo cáo **kết quả** thực hiện [văn bản](/2022/1-1/) \
                  “Chỉ số CCHC” năm 2023…\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
            .repeat(20);
        let html = render(&md, &s("/cchc/", false));
        let plain = Body::from(html.clone());
        let packed = plain.clone().packed();
        assert!(matches!(packed, Body::Packed(_)));
        assert_eq!(packed.html(), html);
        // Repeated text packs small: that is what it is for.
        let Body::Packed(bytes) = &packed else {
            unreachable!()
        };
        assert!(
            bytes.len() < html.len() / 4,
            "{} of {}",
            bytes.len(),
            html.len()
        );
        assert_eq!(packed, plain);
        assert_ne!(packed, Body::from("<p>khác</p>\n").packed());
        // Nothing to pack in an empty body.
        assert!(matches!(Body::from("").packed(), Body::Html(h) if h.is_empty()));
    }

    fn s(base: &str, unsafe_html: bool) -> MarkdownSettings {
        MarkdownSettings {
            base_path: base.into(),
            unsafe_html,
            review: false,
        }
    }

    #[test]
    fn raw_html_is_escaped_by_default() {
        let html = render(
            "a <script>alert(1)</script> b\n\n<div>x</div>\n",
            &s("/", false),
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("&lt;div&gt;"), "{html}");
        let html = render("<div>x</div>\n", &s("/", true));
        assert!(html.contains("<div>x</div>"), "{html}");
    }

    #[test]
    fn script_urls_are_dropped_by_default() {
        let md = "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](java&#9;script:x) \
                  <javascript:alert(1)> [d](vbscript:x) [e](data:text/html,x) [f](file:///etc/passwd) \
                  ![g](javascript:alert(1)) [![h](x.png)](javascript:y) [ok](https://x.vn/) [m](mailto:a@b.vn) \
                  [rel](a/b:c.pdf)";
        let html = render(md, &s("/", false));
        let lower = html.to_ascii_lowercase();
        for bad in ["javascript", "vbscript", "data:", "file:", "java\tscript"] {
            assert!(!lower.contains(&format!("=\"{bad}")), "{bad} in {html}");
        }
        // The text of a dropped link stays, without its link.
        assert!(html.starts_with("<p>a b c "), "{html}");
        assert!(html.contains("src=\"x.png\""), "{html}");
        assert!(html.contains("href=\"https://x.vn/\""), "{html}");
        assert!(html.contains("href=\"mailto:a@b.vn\""), "{html}");
        assert!(html.contains("href=\"a/b:c.pdf\""), "{html}");
        // With raw HTML allowed the author is trusted with links too.
        let html = render("[a](javascript:x)", &s("/", true));
        assert!(html.contains("href=\"javascript:x\""), "{html}");
    }

    #[test]
    fn safe_urls() {
        for ok in [
            "",
            "#x",
            "/2022/",
            "a.pdf",
            "../a.pdf",
            "https://x",
            "HTTP://x",
            "a/b:c",
            "?q=a:b",
        ] {
            assert!(is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:x",
            " javascript:x",
            "\u{1}javascript:x",
            "JAVA\nSCRIPT:x",
            "data:x",
            "file:/x",
            "vbscript:x",
            "c:\\x",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn site_links_get_the_base_path() {
        let html = render(
            "[a](/2022/1-2/) [b](https://x.vn/) [c](//cdn/x) ![i](/anh.png) [d](bc.pdf)",
            &s("/cchc/", false),
        );
        assert!(html.contains("href=\"/cchc/2022/1-2/\""), "{html}");
        assert!(html.contains("href=\"https://x.vn/\""));
        assert!(html.contains("href=\"//cdn/x\""));
        assert!(html.contains("src=\"/cchc/anh.png\""));
        assert!(html.contains("href=\"bc.pdf\""));
    }

    #[test]
    fn tables_render() {
        let html = render("| a | b |\n|---|---:|\n| 1 | 2 |\n", &s("/", false));
        assert!(html.contains("<table>"));
    }

    #[test]
    fn summary_is_the_first_paragraph() {
        assert_eq!(
            plain_summary("# T\n\nMột *hai* ba.\n\nBốn.", 100),
            "Một hai ba."
        );
        assert_eq!(plain_summary("một hai ba bốn", 8), "một hai…");
    }
}
