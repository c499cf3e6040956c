//! Markdown bodies to HTML with pulldown-cmark.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MarkdownSettings {
    /// The site's path prefix (`/cchc/`): links written `/2022/1-2/` are
    /// rewritten to `/cchc/2022/1-2/` so they work under the real base_url.
    pub base_path: String,
    /// Let raw HTML through (`[markdown] unsafe_html = true`); otherwise it is
    /// shown as text.
    pub unsafe_html: bool,
}

/// Renders a body. Raw HTML is escaped unless allowed; site-absolute links
/// and images get the base path.
pub fn render(body: &str, settings: &MarkdownSettings) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let prefix = |dest| with_base(dest, &settings.base_path);
    let parser = Parser::new_ext(body, options).map(|event| match event {
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

    fn s(base: &str, unsafe_html: bool) -> MarkdownSettings {
        MarkdownSettings {
            base_path: base.into(),
            unsafe_html,
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
