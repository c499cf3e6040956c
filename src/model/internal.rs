//! Parts of a Markdown body for reviewers only, written as a fenced block
//! (the fenced `div` of Pandoc and markdown-it):
//!
//! ```text
//! ::: noi-bo
//! Cần đối chiếu với bản gốc trước khi nộp.
//! :::
//! ```
//!
//! `::: internal` is the same. The public site leaves such a block out; the
//! review site shows it, marked. Inside a code block (``` or ~~~) the
//! lines are text. Blocks do not nest.

/// The names that open an internal block.
pub const NAMES: [&str; 2] = ["noi-bo", "internal"];

/// A part of a body: its text, and whether it is internal.
pub type Part<'a> = (bool, &'a str);

/// An internal block that is opened and never closed: the 0-based line of
/// the body that opens it.
#[derive(Debug, PartialEq, Eq)]
pub struct Unclosed {
    pub line: usize,
}

fn opens(line: &str) -> bool {
    line.trim()
        .strip_prefix(":::")
        .is_some_and(|rest| NAMES.contains(&rest.trim()))
}

fn closes(line: &str) -> bool {
    line.trim() == ":::"
}

fn fence(line: &str) -> Option<&'static str> {
    let t = line.trim_start();
    if t.starts_with("```") {
        Some("```")
    } else if t.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

/// The body cut into public and internal parts, in order; the marker lines
/// belong to neither. One public part when there is no internal block.
pub fn split(body: &str) -> Result<Vec<Part<'_>>, Unclosed> {
    let mut parts = Vec::new();
    let mut start = 0; // byte where the current part begins
    let mut open: Option<usize> = None; // line that opened the current internal part
    let mut code: Option<&str> = None;
    let mut offset = 0;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let end = offset + line.len();
        if let Some(f) = code {
            if fence(line) == Some(f) {
                code = None;
            }
        } else if let Some(f) = fence(line) {
            code = Some(f);
        } else if open.is_none() && opens(line) {
            parts.push((false, &body[start..offset]));
            open = Some(i);
            start = end;
        } else if open.is_some() && closes(line) {
            parts.push((true, &body[start..offset]));
            open = None;
            start = end;
        }
        offset = end;
    }
    if let Some(line) = open {
        return Err(Unclosed { line });
    }
    parts.push((false, &body[start..]));
    parts.retain(|(internal, text)| *internal || !text.is_empty());
    Ok(parts)
}

/// The public text of a body: its parts that are not internal.
pub fn public_text<'a>(parts: &[Part<'a>]) -> std::borrow::Cow<'a, str> {
    match parts {
        [] => "".into(),
        [(false, text)] => (*text).into(),
        _ => parts
            .iter()
            .filter(|(internal, _)| !internal)
            .map(|(_, t)| *t)
            .collect::<String>()
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_cut_out() {
        let body = "Công khai.\n\n::: noi-bo\nGhi chú *nội bộ*.\n:::\n\nCòn lại.\n";
        let parts = split(body).unwrap();
        assert_eq!(
            parts,
            vec![
                (false, "Công khai.\n\n"),
                (true, "Ghi chú *nội bộ*.\n"),
                (false, "\nCòn lại.\n")
            ]
        );
        assert_eq!(public_text(&parts), "Công khai.\n\n\nCòn lại.\n");
        assert_eq!(split("::: internal\nx\n:::").unwrap(), vec![(true, "x\n")]);
    }

    #[test]
    fn code_blocks_and_other_divs_are_text() {
        let body = "```\n::: noi-bo\n```\n::: canh-bao\nx\n:::\n";
        assert_eq!(split(body).unwrap(), vec![(false, body)]);
    }

    #[test]
    fn an_unclosed_block_names_its_line() {
        assert_eq!(split("a\n\n::: noi-bo\nb\n"), Err(Unclosed { line: 2 }));
    }
}
