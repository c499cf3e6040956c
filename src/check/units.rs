//! Rule 7: the units named in content are declared in site.toml.

use super::error;
use crate::base::diag::{self, Diagnostic, Loc};
use crate::model::site::Assessment;
use crate::msg;

/// Rule 7: units named in content exist in site.toml.
pub(super) fn check(a: &Assessment, units: &[String], diags: &mut Vec<Diagnostic>) {
    let unknown = |file: &str, loc: Loc, id: &str| {
        let help = if units.is_empty() {
            msg!("E601-no-units-help")
        } else {
            match diag::nearest(id, units.iter().map(String::as_str)) {
                Some(n) => msg!("E601-did-you-mean-help", name = n, units = units.to_vec()),
                None => msg!("E601-units-help", units = units.to_vec()),
            }
        };
        error(file, loc, msg!("E601-unknown-unit", unit = id)).with_help(help)
    };
    for n in &a.nodes {
        if let Some(u) = &n.front.unit
            && !units.contains(&u.value)
        {
            diags.push(unknown(&n.file, u.loc, &u.value));
        }
    }
    for t in a.all_tasks() {
        if let Some(u) = &t.unit
            && !units.contains(u)
        {
            diags.push(unknown(&t.file, t.unit_loc.unwrap_or(t.loc), u));
        }
    }
}
