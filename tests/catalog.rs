//! The catalog of messages (`locales/vi/*.ftl`, `locales/en/*.ftl`): both
//! languages have every message, with the same variables; every message the
//! code makes exists, with the variables the code gives; every code of a
//! diagnostic is explained in both languages' documentation, and nothing
//! is explained that no message uses.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LANGS: [&str; 2] = ["vi", "en"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `.ftl` files of one language, by name.
fn files(lang: &str) -> BTreeMap<String, String> {
    let dir = root().join("locales").join(lang);
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

/// Every message of one language: id → its variables.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (name, text) in files(lang) {
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("locales/{lang}/{name}: {errors:?}"));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    for a in &m.attributes {
                        pattern_vars(&a.value, &mut vars);
                    }
                    let id = m.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), vars).is_none(),
                        "locales/{lang}: {id} is defined twice"
                    );
                }
                ast::Entry::Junk { content } => {
                    panic!("locales/{lang}/{name}: cannot read {content:?}")
                }
                _ => {}
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// Every `.rs` file of `src/`, with its text.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                // Comments left out (they show examples), lines kept.
                let text: String = std::fs::read_to_string(&p)
                    .unwrap()
                    .lines()
                    .map(|l| {
                        if l.trim_start().starts_with("//") {
                            ""
                        } else {
                            l
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                out.push((p, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src"), &mut out);
    out
}

/// Each `msg!("id", a = …, b = …)` of the code: (where, id, argument names).
fn msg_calls() -> Vec<(String, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for (path, text) in sources() {
        let rel = path.strip_prefix(root()).unwrap().display().to_string();
        let mut rest = text.as_str();
        // `msg!("id", …)`, or with the id on the next line, as rustfmt
        // writes a long call.
        while let Some(i) = rest.find("msg!(") {
            let open = rest[i + 5..].trim_start();
            let Some(after) = open.strip_prefix('"') else {
                rest = &rest[i + 5..];
                continue;
            };
            let Some(end) = after.find('"') else { break };
            let id = after[..end].to_string();
            // The call's text up to its closing parenthesis.
            let mut depth = 1usize;
            let mut close = after.len();
            for (j, c) in after.char_indices() {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => {
                        depth -= 1;
                        if depth == 0 {
                            close = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let args = top_level_names(&after[end + 1..close]);
            let line = text[..text.len() - rest.len() + i].lines().count();
            out.push((format!("{rel}:{line}"), id, args));
            rest = &after[end..];
        }
    }
    out
}

/// The `name` of each `, name = value` at the top level of a call's
/// arguments.
fn top_level_names(args: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut depth = 0i32;
    let mut in_string = false;
    let mut prev = ' ';
    let mut part = String::new();
    let mut parts = Vec::new();
    for c in args.chars() {
        if c == '"' && prev != '\\' {
            in_string = !in_string;
        }
        if !in_string {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(std::mem::take(&mut part));
                    prev = c;
                    continue;
                }
                _ => {}
            }
        }
        part.push(c);
        prev = c;
    }
    parts.push(part);
    for p in parts {
        if let Some((name, _)) = p.split_once('=') {
            let name = name.trim();
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                names.insert(name.to_string());
            }
        }
    }
    names
}

/// `E401` for `E401-over-max`.
fn code_of(id: &str) -> Option<&str> {
    let code = id.split('-').next()?;
    let b = code.as_bytes();
    (b.len() == 4 && matches!(b[0], b'E' | b'W') && b[1..].iter().all(u8::is_ascii_digit))
        .then_some(code)
}

/// The codes explained in a documentation file, `### CODE: title`, with
/// their section's text (up to the next heading).
fn explained(doc: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("docs").join(doc)).unwrap();
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            current = line
                .strip_prefix("### ")
                .unwrap_or("")
                .split_once(": ")
                .and_then(|(c, _)| code_of(c))
                .map(str::to_string);
            if let Some(c) = &current {
                assert!(
                    out.insert(c.clone(), String::new()).is_none(),
                    "docs/{doc}: {c} twice"
                );
            }
            continue;
        }
        if let Some(c) = &current {
            let s: &mut String = out.get_mut(c).unwrap();
            s.push_str(line);
            s.push('\n');
        }
    }
    out
}

#[test]
fn both_languages_have_every_message_with_the_same_variables() {
    let names: Vec<BTreeSet<String>> = LANGS
        .iter()
        .map(|l| files(l).into_keys().collect())
        .collect();
    assert_eq!(
        names[0], names[1],
        "the same files in locales/vi and locales/en"
    );
    // Every file is in the binary.
    let catalog = std::fs::read_to_string(root().join("src/base/i18n/catalog.rs")).unwrap();
    for name in &names[0] {
        assert!(
            catalog.contains(&format!("\"{name}\"")),
            "{name} is not listed in src/base/i18n/catalog.rs"
        );
    }
    let vi = messages("vi");
    let en = messages("en");
    let ids: BTreeSet<&String> = vi.keys().chain(en.keys()).collect();
    let mut problems = Vec::new();
    for id in ids {
        match (vi.get(id), en.get(id)) {
            (Some(a), Some(b)) if a != b => {
                problems.push(format!("{id}: vi has {a:?}, en has {b:?}"))
            }
            (None, _) => problems.push(format!("{id}: missing in locales/vi")),
            (_, None) => problems.push(format!("{id}: missing in locales/en")),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_the_code_makes_exists_with_its_variables() {
    let en = messages("en");
    let mut problems = Vec::new();
    let calls = msg_calls();
    assert!(calls.len() > 20, "found only {} msg! calls", calls.len());
    for (at, id, args) in calls {
        match en.get(&id) {
            None => problems.push(format!("{at}: {id} is not in the catalog")),
            Some(vars) if *vars != args => problems.push(format!(
                "{at}: {id} is given {args:?}; the catalog uses {vars:?}"
            )),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_of_the_catalog_is_used() {
    let code: String = sources().into_iter().map(|(_, t)| t).collect();
    let unused: Vec<String> = messages("en")
        .into_keys()
        // The command line's ids are made from the commands' names;
        // `cmd::help`'s test checks them.
        .filter(|id| !id.starts_with("cli-"))
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "not used anywhere in src/: {unused:?}");
}

#[test]
fn every_code_is_explained_in_both_languages_with_rule_reason_and_example() {
    let used: BTreeSet<String> = messages("en")
        .into_keys()
        .filter_map(|id| code_of(&id).map(str::to_string))
        .collect();
    for (doc, parts) in [
        ("ma-loi.md", ["**Quy tắc.**", "**Vì sao.**", "**Ví dụ.**"]),
        ("error-codes.md", ["**Rule.**", "**Why.**", "**Example.**"]),
    ] {
        let explained = explained(doc);
        let codes: BTreeSet<String> = explained.keys().cloned().collect();
        let missing: Vec<&String> = used.difference(&codes).collect();
        let stale: Vec<&String> = codes.difference(&used).collect();
        assert!(
            missing.is_empty(),
            "docs/{doc} does not explain {missing:?}"
        );
        assert!(
            stale.is_empty(),
            "docs/{doc} explains codes no message has: {stale:?}"
        );
        for (code, text) in &explained {
            for p in parts {
                assert!(text.contains(p), "docs/{doc}, {code}: no {p}");
            }
        }
    }
}

#[test]
fn a_code_is_an_error_or_a_warning_never_both() {
    let mut by_number: BTreeMap<String, BTreeSet<char>> = BTreeMap::new();
    for id in messages("en").into_keys() {
        if let Some(code) = code_of(&id) {
            by_number
                .entry(code[1..].to_string())
                .or_default()
                .insert(code.chars().next().unwrap());
        }
    }
    let both: Vec<&String> = by_number
        .iter()
        .filter(|(_, letters)| letters.len() > 1)
        .map(|(n, _)| n)
        .collect();
    assert!(both.is_empty(), "numbers used for both E and W: {both:?}");
}
