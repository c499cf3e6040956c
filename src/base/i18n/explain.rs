//! The long explanation of each diagnostic code, as `kiemchung explain`
//! prints it and the review site's codes page shows it: what the rule is,
//! why it exists, and a before/after example of the fix.
//!
//! The explanations are the documentation: `docs/ma-loi.md` (Vietnamese)
//! and `docs/error-codes.md` (English), embedded here, one `### CODE: title`
//! section per code under `##` headings that group them. One text serves the reader of docs/, the terminal and
//! the review site, so they cannot drift apart; the catalog test checks
//! that every code has its section in both.

use super::Lang;

const VI: &str = include_str!("../../../docs/ma-loi.md");
const EN: &str = include_str!("../../../docs/error-codes.md");

/// One code's section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub code: &'static str,
    pub title: &'static str,
    /// Markdown: the rule, why, and the example.
    pub body: &'static str,
}

/// Every code the documentation of `lang` explains, in its order.
pub fn all(lang: Lang) -> Vec<Explanation> {
    let text = match lang {
        Lang::Vi => VI,
        Lang::En => EN,
    };
    let mut out: Vec<Explanation> = Vec::new();
    let mut rest = text;
    let mut current: Option<(&'static str, &'static str, usize)> = None;
    let mut offset = 0;
    while !rest.is_empty() {
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = &rest[..end];
        let heading = line.strip_prefix("### ").and_then(|h| {
            let (code, title) = h.trim_end().split_once(": ")?;
            super::code_of(code).map(|c| (c, title.trim()))
        });
        // A new section, or a heading of the same or a higher level (the
        // next group), closes the open one.
        if (heading.is_some()
            || line.starts_with("### ")
            || line.starts_with("## ")
            || line.starts_with("# "))
            && let Some((code, title, start)) = current.take()
        {
            out.push(Explanation {
                code,
                title,
                body: text[start..offset].trim(),
            });
        }
        if let Some((code, title)) = heading {
            current = Some((code, title, offset + end));
        }
        offset += end;
        rest = &rest[end..];
    }
    if let Some((code, title, start)) = current {
        out.push(Explanation {
            code,
            title,
            body: text[start..].trim(),
        });
    }
    out
}

/// The section of `code` (`e401` finds `E401`), in `lang`.
pub fn find(lang: Lang, code: &str) -> Option<Explanation> {
    all(lang)
        .into_iter()
        .find(|e| e.code.eq_ignore_ascii_case(code.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_section_whatever_the_case() {
        for lang in Lang::ALL {
            let e = find(lang, "w501").expect("W501 is explained");
            assert_eq!(e.code, "W501");
            assert!(!e.title.is_empty());
            assert!(!e.body.contains("\n#"), "{}", e.body);
        }
        assert_eq!(find(Lang::Vi, "E999"), None);
    }
}
