//! The shape of the code (ARCHITECTURE.md): no import cycle between the
//! stages, none between the files of one stage, and no source file over
//! 600 lines. Read from the `crate::` paths in `src/`, comments left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The most lines a source file may have; unit tests (`tests.rs`) aside.
const MAX_LINES: usize = 600;

/// Every `.rs` file under `src/` but `main.rs` and test modules, by its
/// module path (`render::contexts::home`).
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut out = BTreeMap::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "main.rs" || rel == "lib.rs" || rel.ends_with("tests.rs") {
            continue;
        }
        let module = rel
            .trim_end_matches(".rs")
            .trim_end_matches("/mod")
            .replace('/', "::");
        out.insert(module, f);
    }
    out
}

/// The code of a file without its comments and its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => &text[..i],
        None => &text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a file names through `crate::…` or `super::…`, each as the
/// longest module path it starts with.
fn uses(module: &str, code: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let parent = match module.rsplit_once("::") {
        Some((p, _)) => p.to_string(),
        None => String::new(),
    };
    for (prefix, base) in [("crate::", String::new()), ("super::", parent)] {
        let mut rest = code;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().last();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            if rest.starts_with('{') {
                // Items of the parent module (`use super::{FileIndex, error}`)
                // are fine; modules are named one `use` each.
                assert!(
                    prefix == "super::",
                    "{module}: `crate::{{…}}`: name each module in its own `use`"
                );
                out.insert(base.clone());
                continue;
            }
            let mut full = if base.is_empty() {
                path.clone()
            } else {
                format!("{base}::{path}")
            };
            loop {
                if known.contains(&full) {
                    out.insert(full);
                    break;
                }
                match full.rsplit_once("::") {
                    Some((head, _)) => full = head.to_string(),
                    None => {
                        // An item of a folder's mod.rs named from a child
                        // through `super::` (`super::Contexts`).
                        if known.contains(&full) {
                            out.insert(full);
                        } else if !base.is_empty() && known.contains(&base) {
                            out.insert(base.clone());
                        }
                        break;
                    }
                }
            }
        }
    }
    out.remove(module);
    out
}

/// A cycle in `graph`, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(2) => return None,
            Some(1) => {
                let from = stack.iter().position(|s| s == n).unwrap();
                let mut c = stack[from..].to_vec();
                c.push(n.to_string());
                return Some(c);
            }
            _ => {}
        }
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if let Some(c) = visit(n, graph, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(m, path)| (m.clone(), uses(m, &code(path), &known)))
        .collect()
}

fn top(m: &str) -> &str {
    m.split("::").next().unwrap()
}

#[test]
fn the_stages_import_each_other_without_a_cycle() {
    let mut stages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, uses) in graph() {
        let entry = stages.entry(top(&m).to_string()).or_default();
        for u in uses {
            if top(&u) != top(&m) {
                entry.insert(top(&u).to_string());
            }
        }
    }
    assert!(stages.len() > 8, "{stages:?}");
    assert!(stages["render"].contains("model"), "the test reads imports");
    if let Some(c) = cycle(&stages) {
        panic!("the stages import each other in a cycle: {}", c.join(" → "));
    }
}

#[test]
fn the_files_of_a_stage_import_each_other_without_a_cycle() {
    // Between the files of one folder; its mod.rs, which declares and
    // often calls them, is left out.
    let g = graph();
    let mut siblings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, uses) in &g {
        let Some((parent, _)) = m.rsplit_once("::") else {
            continue;
        };
        let entry = siblings.entry(m.clone()).or_default();
        for u in uses {
            // `a::b` using `a::c` or anything inside it.
            if let Some(rest) = u.strip_prefix(&format!("{parent}::")) {
                let sibling = format!("{parent}::{}", rest.split("::").next().unwrap());
                if sibling != *m && !m.starts_with(&format!("{sibling}::")) {
                    entry.insert(sibling);
                }
            }
        }
    }
    if let Some(c) = cycle(&siblings) {
        panic!(
            "files of one stage import each other in a cycle: {}",
            c.join(" → ")
        );
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    let mut files = vec![src.join("main.rs"), src.join("lib.rs")];
    files.extend(modules().into_values());
    for f in files {
        let n = std::fs::read_to_string(&f).unwrap().lines().count();
        if n > MAX_LINES {
            long.push(format!("{} ({n} lines)", f.display()));
        }
    }
    assert!(long.is_empty(), "split these files: {long:?}");
}

#[test]
fn a_cycle_is_found() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(cycle(&g).map(|c| c.len()), Some(4));
    let known: BTreeSet<String> = ["render", "render::env", "model::site"]
        .into_iter()
        .map(String::from)
        .collect();
    let u = uses(
        "render::pages",
        "use crate::model::site::Site;\nuse super::env::Templates;",
        &known,
    );
    assert_eq!(
        u.into_iter().collect::<Vec<_>>(),
        ["model::site", "render::env"]
    );
}
