//! Site-wide outputs besides the pages: data files, the workbook, the
//! search index.

pub mod data;
pub mod search;
pub mod xlsx;
