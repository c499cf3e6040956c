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

use crate::base::i18n::Msg;

/// Items joined into one phrase by `pair` (a catalog message of two
/// arguments, so each language chooses its separator), as a balanced tree:
/// a long list is nested only as deep as its logarithm.
pub fn joined(mut items: Vec<Msg>, pair: fn(Msg, Msg) -> Msg) -> Option<Msg> {
    match items.len() {
        0 | 1 => items.pop(),
        n => {
            let right = items.split_off(n / 2);
            Some(pair(joined(items, pair)?, joined(right, pair)?))
        }
    }
}
