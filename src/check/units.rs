//! Rule 7: the units named in content are declared in site.toml.

use super::error;
use crate::base::diag::{self, Diagnostic, Loc};
use crate::model::site::Assessment;

/// Rule 7: units named in content exist in site.toml.
pub(super) fn check(a: &Assessment, units: &[String], diags: &mut Vec<Diagnostic>) {
    let unknown = |file: &str, loc: Loc, id: &str| {
        let mut d = error(
            file,
            loc,
            format!("unit `{id}` is not declared in site.toml"),
        );
        let list = if units.is_empty() {
            "site.toml declares no [[units]]".to_string()
        } else {
            format!("declared units: {}", units.join(", "))
        };
        d = d.with_help(match diag::nearest(id, units.iter().map(String::as_str)) {
            Some(n) => format!("did you mean `{n}`? ({list})"),
            None => list,
        });
        d
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
