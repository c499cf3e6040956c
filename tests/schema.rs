//! `kiemchung schema`: a real JSON Schema validator (the `jsonschema`
//! crate, draft 2020-12) finds every front matter and site.toml that
//! `check` accepts valid, and the refused ones for unknown fields, wrong
//! types and values out of range invalid. The schemas in this repository's
//! `schemas/` are the ones the command writes.

mod common;
use common::{Site, fixtures};
use serde_json::Value;
use std::path::{Path, PathBuf};

const KINDS: [&str; 5] = ["assessment", "criterion", "section", "page", "site"];

/// The schemas as `kiemchung schema --output` writes them.
fn schemas() -> Vec<(&'static str, jsonschema::Validator)> {
    let site = Site::new("site");
    let out = site.tmp.path().join("schemas");
    let run = site.run(&["schema", "--output", out.to_str().unwrap()]);
    run.ok();
    KINDS
        .iter()
        .map(|k| {
            let text = std::fs::read_to_string(out.join(format!("{k}.schema.json"))).unwrap();
            let schema: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                schema["$schema"],
                "https://json-schema.org/draft/2020-12/schema"
            );
            assert!(
                jsonschema::meta::is_valid(&schema),
                "{k}: not a valid schema"
            );
            (*k, jsonschema::draft202012::new(&schema).unwrap())
        })
        .collect()
}

/// Which schema a file of a site is for, by its path under the site.
fn kind_of(rel: &str) -> Option<&'static str> {
    if rel == "site.toml" {
        return Some("site");
    }
    let parts: Vec<&str> = rel.strip_prefix("content/")?.split('/').collect();
    let year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    Some(match parts.as_slice() {
        ["_index.md"] => "section",
        [_] => "page",
        [y, "_index.md"] if year(y) => "assessment",
        [y, ..] if year(y) => "criterion",
        [_, "_index.md"] => "section",
        _ => "page",
    })
}

/// The front matter of a Markdown file, or site.toml, as JSON.
fn instance(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    if path.extension().is_some_and(|e| e == "toml") {
        let t: toml::Table = toml::from_str(&text).unwrap();
        return serde_json::to_value(t).unwrap();
    }
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|r| {
            r.split_once("\n---\n")
                .map(|(y, _)| y)
                .or(r.strip_suffix("\n---"))
        })
        .unwrap_or_else(|| panic!("{}: no front matter", path.display()));
    serde_saphyr::from_str::<Value>(yaml).unwrap()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            files(&p, out);
        } else if name.ends_with(".md") || name == "site.toml" {
            out.push(p);
        }
    }
}

/// Every file of the sites `check` accepts: the repository's own, and the
/// fixtures that pass (the warnings fixtures pass with warnings).
fn accepted() -> Vec<(PathBuf, String)> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut roots: Vec<PathBuf> = vec![repo.to_path_buf()];
    for dir in [
        "site",
        "accepted",
        "warnings",
        "reviewers",
        "audiences",
        "search",
        "serve-site",
        "reports-site",
    ] {
        roots.push(fixtures().join(dir));
    }
    let mut out = Vec::new();
    for root in roots {
        let mut found = Vec::new();
        if root == repo {
            files(&repo.join("content"), &mut found);
            found.push(repo.join("site.toml"));
        } else {
            files(&root, &mut found);
        }
        for f in found {
            let s = f.to_string_lossy().replace('\\', "/");
            // The path from the site's root: after the fixture's folder.
            let rel = match (s.find("/content/"), s.ends_with("/site.toml")) {
                (Some(i), _) => s[i + 1..].to_string(),
                (None, true) => "site.toml".to_string(),
                _ => continue,
            };
            out.push((f, rel));
        }
    }
    out
}

#[test]
fn every_file_check_accepts_validates() {
    let schemas = schemas();
    let files = accepted();
    assert!(files.len() > 60, "{} files", files.len());
    let mut kinds = std::collections::BTreeSet::new();
    for (path, rel) in files {
        let Some(kind) = kind_of(&rel) else { continue };
        kinds.insert(kind);
        let v = &schemas.iter().find(|(k, _)| *k == kind).unwrap().1;
        let doc = instance(&path);
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "{} ({kind}) does not validate: {errors:?}",
            path.display()
        );
    }
    assert_eq!(kinds.len(), KINDS.len(), "{kinds:?}");
}

#[test]
fn the_refused_files_do_not_validate() {
    let schemas = schemas();
    let validator = |k: &str| &schemas.iter().find(|(n, _)| *n == k).unwrap().1;
    let refusals = fixtures().join("refusals");
    // (file of a refusal fixture, its kind): unknown fields, wrong types,
    // values out of range or of the wrong form.
    for (file, kind) in [
        (
            "unknown-field/content/2022/1-chi-dao/_index.md",
            "criterion",
        ),
        ("unknown-key-site-toml/site.toml", "site"),
        ("wrong-shape/content/2022/2-the-che/2.1.md", "criterion"),
        ("wrong-shape/content/2022/1-chi-dao/1.2.md", "criterion"),
        ("negative-score/content/2022/1-chi-dao/1.2.md", "criterion"),
        ("bad-date/content/2022/1-chi-dao/1.2.md", "criterion"),
        ("bad-date/content/tin-tuc/thong-bao.md", "page"),
        ("bad-ratio/content/2022/1-chi-dao/1.10.md", "criterion"),
        ("missing-field/content/2022/2-the-che/2.1.md", "criterion"),
    ] {
        let doc = instance(&refusals.join(file));
        assert!(
            !validator(kind).is_valid(&doc),
            "{file} validates, but check refuses it"
        );
    }
    // And forms no fixture has, each refused by check too.
    let node = |extra: &str| -> Value {
        let max = if extra.starts_with("max:") {
            ""
        } else {
            "max: 2\n"
        };
        serde_saphyr::from_str(&format!("id: \"1.1\"\ntitle: x\n{max}{extra}")).unwrap()
    };
    for extra in [
        "score: \"1,2345\"",
        "self_score: \"1.5.2\"",
        "max: \"hai\"",
        "applicable: \"có\"",
        "unit: \"Văn phòng\"",
        "ratio: [1, 2, 3]",
        "evidence:\n  - title: x\n    url: ftp://x",
        "evidence:\n  - title: x\n    date: 2022-02-30",
        "tasks:\n  - title: x\n    done: 1/13/2022",
        "internal: 1",
        "extra: 5",
    ] {
        assert!(!validator("criterion").is_valid(&node(extra)), "{extra}");
    }
    let page: Value = serde_saphyr::from_str("title: x\nweight: nặng\n").unwrap();
    assert!(!validator("page").is_valid(&page));
    let section: Value = serde_saphyr::from_str("title: x\nsort_by: name\n").unwrap();
    assert!(!validator("section").is_valid(&section));
    let index: Value = serde_saphyr::from_str("title: x\nrank: 0\n").unwrap();
    assert!(!validator("assessment").is_valid(&index));
    let site: Value = serde_json::json!({"title": "x", "base_url": "example.gov.vn"});
    assert!(!validator("site").is_valid(&site));
}

/// The schemas committed in `schemas/` are the ones the command writes,
/// and they say what each field is in Vietnamese, with its English name.
#[test]
fn the_repositorys_schemas_are_up_to_date() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = Site::new("site");
    let out = site.tmp.path().join("schemas");
    site.run(&["schema", "--output", out.to_str().unwrap()])
        .ok();
    for k in KINDS {
        let name = format!("{k}.schema.json");
        let fresh = std::fs::read_to_string(out.join(&name)).unwrap();
        let kept = std::fs::read_to_string(repo.join("schemas").join(&name))
            .unwrap_or_else(|_| panic!("schemas/{name} is missing: run `kiemchung schema`"));
        assert!(
            fresh == kept,
            "schemas/{name} is out of date: run `cargo run -- schema`"
        );
    }
    let criterion: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("criterion.schema.json")).unwrap())
            .unwrap();
    assert_eq!(criterion["properties"]["max"]["title"], "Điểm tối đa (max)");
    let again = site.run(&["schema", "--output", out.to_str().unwrap()]);
    assert!(again.stdout.lines().all(|l| l.starts_with("unchanged ")));
}
