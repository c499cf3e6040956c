//! The vocabulary every stage speaks: exact scores, node ids, document
//! numbers, Vietnamese text conventions and order, HTML escaping, file
//! helpers and diagnostics. Nothing here knows what a site is.

pub mod collate;
pub mod diag;
pub mod docnum;
pub mod forms;
pub mod fsutil;
pub mod html;
pub mod i18n;
pub mod id;
pub mod score;
pub mod timing;
pub mod vi;
