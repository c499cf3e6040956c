//! Changing one top-level value of a file's front matter and nothing else:
//! the bytes before and after the value (other fields, comments, the body,
//! a byte order mark, CRLF line ends) stay exactly as they were. The caller
//! reads the result back to make sure (`plan::edited`).

/// The byte range of the front matter's lines: after the opening `---`
/// line, up to the start of the closing one.
fn block(text: &str) -> Option<(usize, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut pos = first_end + 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == "---" {
            return Some((first_end + 1, pos));
        }
        pos = end + 1;
    }
    None
}

/// `(start, end)` of each line of `text[from..to]`, without its line end.
fn lines(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = from;
    while pos < to {
        let end = text[pos..to].find('\n').map_or(to, |i| pos + i);
        let bare = if text[pos..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        out.push((pos, bare));
        pos = end + 1;
    }
    out
}

/// Where the value of a quoted scalar starting at `start` ends (after its
/// closing quote), across lines if need be.
fn quoted_end(text: &str, start: usize, to: usize) -> Option<usize> {
    let quote = text[start..].chars().next()?;
    let mut chars = text[start + 1..to].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            ('"', '\\') => {
                chars.next();
            }
            ('"', '"') => return Some(start + 1 + i + 1),
            ('\'', '\'') => {
                if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    return Some(start + 1 + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Replaces the value of the top-level `key:` with `value` (YAML already:
/// `"…"` or `1.5`). `None` when the key is not there, or its value is not
/// a scalar this can replace (a list, a mapping, an alias).
pub fn replace(text: &str, key: &str, value: &str) -> Option<String> {
    let (from, to) = block(text)?;
    let lines = lines(text, from, to);
    let prefix = format!("{key}:");
    let (i, &(line_start, line_end)) = lines.iter().enumerate().find(|(_, (s, e))| {
        let l = &text[*s..*e];
        l.starts_with(&prefix)
            && l[prefix.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == ' ' || c == '\t')
    })?;
    let after_key = line_start + prefix.len();
    let start = after_key
        + (text[after_key..line_end].len() - text[after_key..line_end].trim_start().len());
    let first = text[start..line_end].chars().next()?;
    // The lines after the key's that belong to its value: indented ones.
    let continued = lines[i + 1..]
        .iter()
        .take_while(|(s, e)| {
            let l = &text[*s..*e];
            l.starts_with([' ', '\t']) && !l.trim_start().starts_with('#') || l.trim().is_empty()
        })
        .filter(|(s, e)| !text[*s..*e].trim().is_empty())
        .last()
        .map(|&(_, e)| e);
    let end = match first {
        '"' | '\'' => quoted_end(text, start, to)?,
        '|' | '>' => continued?,
        '[' | '{' | '&' | '*' | '!' | '#' => return None,
        _ => match continued {
            Some(e) => e,
            // One line: up to a comment.
            None => {
                let l = &text[start..line_end];
                let bare = l.find(" #").map_or(l, |c| &l[..c]);
                start + bare.trim_end().len()
            }
        },
    };
    let mut out = String::with_capacity(text.len() + value.len());
    out.push_str(&text[..start]);
    out.push_str(value);
    out.push_str(&text[end..]);
    Some(out)
}

/// Adds `key: value` as the last line of the front matter, with the
/// file's line end.
pub fn append(text: &str, key: &str, value: &str) -> Option<String> {
    let (_, to) = block(text)?;
    let eol = if text[..to].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Some(format!("{}{key}: {value}{eol}{}", &text[..to], &text[to..]))
}
