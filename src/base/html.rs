//! The one escaper for text put into HTML and XML by hand (charts, feeds,
//! the sitemap, serve's overlay); templates escape through minijinja.

/// Escapes text for element content and attribute values, in HTML and XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::escape("<a href=\"x\">Sở KH&CN's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Sở KH&amp;CN&#39;s&lt;/a&gt;"
        );
    }
}
