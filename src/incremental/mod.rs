//! Every cache `serve` keeps across rebuilds, behind one type, [`Cache`].
//! A one-off build (`build`, `check`) uses none of them.
//!
//! The four layers, in the order a rebuild meets them (ARCHITECTURE.md
//! says what each keys on and when it is invalidated):
//!
//! 1. [`texts`]: each Markdown file's decoded text, while its size and
//!    modification time are unchanged;
//! 2. [`parses`]: each file's front matter, diagnostics and rendered body,
//!    while its text is unchanged;
//! 3. [`memo`]: the site model and its warnings, while the build's shape
//!    (every front matter, site.toml, the options, the lists of files) is
//!    unchanged;
//! 4. [`pages`]: each rendered page, while the templates and site-wide
//!    values, its own context and its body are unchanged; the others are
//!    made when a browser asks for them.

pub mod memo;
pub mod pages;
pub mod parses;
pub mod texts;

/// The caches of one site, kept by `serve` from one rebuild to the next.
#[derive(Default)]
pub struct Cache {
    pub texts: texts::TextCache,
    pub parses: parses::ParseCache,
    pub model: memo::ModelMemo,
    pub pages: pages::PageCache,
}
