//! Plain text out of the HTML the Markdown renderer makes, and text cut to
//! a length: what the search index keeps of each body.

/// `text` cut to at most `max` characters, at a space, marked with `…`.
pub(super) fn cap(mut text: String, max: usize) -> String {
    if let Some((end, _)) = text.char_indices().nth(max) {
        let end = match text[..end].rfind(' ') {
            Some(i) if i > 0 => i,
            _ => end,
        };
        text.truncate(end);
        text.push('…');
    }
    // Kept until the index is written: with the room left by growing and
    // cutting, the texts' buffers took twice the size of the index itself.
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
pub(super) fn html_text_prefix(html: &str, chars: usize) -> String {
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
}
