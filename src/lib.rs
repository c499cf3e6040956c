//! kiemchung: a static site generator for PAR index (Chỉ số CCHC) evidence.
//!
//! The pipeline reads top to bottom: [`load`] (walk, read, decode) →
//! [`model`] (per-file parsing, cached) and [`site`] (trees, sections) →
//! [`check`] (scores and rules) → [`render`] (Markdown, templates, data) →
//! [`output`] (an in-memory map, written to disk or served). [`pipeline`]
//! runs it; `build`, `check` and [`serve`] all call [`pipeline::build`].

// Nothing that comes from input or the file system is unwrapped: bad input
// is a diagnostic, never a panic. Tests may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod base;
pub mod check;
pub mod cmd;
pub mod error;
pub mod exports;
#[doc(hidden)]
pub mod fuzzing;
pub mod incremental;
pub mod load;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
