//! Stage 2, model: each content file parsed on its own ([`file`], with
//! [`frontmatter`] and [`markdown`]), then the assembled site ([`site`]),
//! and what is derived from it ([`documents`], [`gaps`]).

pub mod assemble;
pub mod audience;
pub mod documents;
pub mod dossier;
pub mod file;
pub mod frontmatter;
pub mod gaps;
pub mod internal;
pub mod markdown;
pub mod parse;
pub mod scores;
pub mod site;
