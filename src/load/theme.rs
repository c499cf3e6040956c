//! The default theme, embedded at compile time by build.rs. A site's
//! `themes/<name>/templates/` and `static/` override it file by file.

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/theme.rs"));
}

/// `(name, bytes)` of every default template, e.g. `("node.html", …)`.
pub fn templates() -> &'static [(&'static str, &'static [u8])] {
    embedded::TEMPLATES
}

/// `(path, bytes)` of every default static file, e.g. `("style.css", …)`.
pub fn static_files() -> &'static [(&'static str, &'static [u8])] {
    embedded::STATIC
}

pub fn template(name: &str) -> Option<&'static str> {
    embedded::TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, b)| std::str::from_utf8(b).ok())
}
