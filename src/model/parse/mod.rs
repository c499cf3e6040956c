//! Each content file parsed on its own: split, deserialized, checked for
//! what one file can check alone (its fields, scores against its own max,
//! rule 1, and its ratio, rule 5), its body rendered. Pure, so `serve` may
//! cache it by content. Cross-file rules live in [`crate::check`].

use crate::base::diag::Diagnostic;
use crate::base::id::NodeId;
use crate::base::score::Score;
use crate::base::vi;
use crate::load::SourceFile;
use crate::model::file::{
    AssessmentFile, FileRole, Kind, NodeFile, PageFile, ParsedFile, SectionFile, SortBy, role_of,
};
use crate::model::frontmatter::{
    self, At, Loc, RawAssessment, RawNode, RawPage, RawSection, S, Text,
};
use crate::model::markdown::{self, MarkdownSettings};
use crate::msg;
use fields::FileParser;
use std::sync::Arc;

fn extra(v: &Option<serde_json::Value>) -> serde_json::Value {
    v.clone()
        .unwrap_or(serde_json::Value::Object(Default::default()))
}

fn parse_node(ctx: &mut FileParser, raw: RawNode) -> Option<NodeFile> {
    let id_loc = ctx.loc(&raw.id);
    let id = match NodeId::parse(&raw.id.value.0) {
        Ok(id) => Some(At {
            value: id,
            loc: id_loc,
        }),
        Err(e) => {
            ctx.error(id_loc, msg!("E301-bad-id", problem = e));
            None
        }
    };
    let title = ctx.text(&raw.title);
    if title.is_empty() {
        let l = ctx.loc(&raw.title);
        ctx.error(l, msg!("E205-empty-title"));
    }
    let max = ctx.score("max", &raw.max);
    let self_score = raw
        .self_score
        .as_ref()
        .and_then(|s| ctx.score("self_score", s));
    let mut score = raw.score.as_ref().and_then(|s| ctx.score("score", s));
    let applicable = match &raw.applicable {
        Some(a) => At {
            value: ctx.bool("applicable", a).unwrap_or(true),
            loc: ctx.loc(a),
        },
        None => At {
            value: true,
            loc: id_loc,
        },
    };
    // Rule 1: scores lie between 0 and max (0 is guaranteed by parsing).
    if let Some(max) = &max {
        for (field, s) in [("self_score", &self_score), ("score", &score)] {
            if let Some(s) = s
                && s.value > max.value
            {
                ctx.error(
                    s.loc,
                    msg!(
                        "E401-over-max",
                        field = field,
                        score = s.value,
                        max = max.value
                    ),
                );
            }
        }
    }
    // Rule 5: ratio [a, b] gives score = max × a / b, rounded half up.
    let mut ratio = None;
    if let Some(r) = &raw.ratio {
        let loc = ctx.loc(r);
        let parts: Vec<Option<u64>> = r.value.iter().map(|p| ctx.uint("ratio", p)).collect();
        match parts.as_slice() {
            [Some(a), Some(b)] => {
                if *b == 0 {
                    ctx.error(loc, msg!("E403-zero-whole"));
                } else if a > b {
                    ctx.error(loc, msg!("E403-part-over-whole", part = *a, whole = *b));
                } else {
                    ratio = Some(At {
                        value: (*a, *b),
                        loc,
                    });
                    if let Some(max) = &max {
                        let computed = max.value.mul_ratio(*a, *b);
                        match &score {
                            Some(s) if s.value != computed => ctx.error_help(
                                s.loc,
                                msg!(
                                    "E404-ratio-mismatch",
                                    score = s.value,
                                    part = *a,
                                    whole = *b,
                                    max = max.value,
                                    computed = computed
                                ),
                                msg!("E404-ratio-mismatch-help", computed = computed),
                            ),
                            Some(_) => {}
                            None => {
                                score = Some(At {
                                    value: computed,
                                    loc,
                                })
                            }
                        }
                    }
                }
            }
            [_, _] => {}
            _ => ctx.error(loc, msg!("E403-not-two", count = r.value.len())),
        }
    }
    let unit = raw.unit.as_ref().map(|u| At {
        value: u.value.trim().to_string(),
        loc: ctx.loc(u),
    });
    let mut evidence = Vec::new();
    for e in raw.evidence.iter().flatten() {
        if let Some(ev) = ctx.evidence("evidence", e) {
            evidence.push(ev);
        }
    }
    let node_id = id.as_ref().map(|i| i.value.to_string());
    let tasks = ctx.tasks(&raw.tasks, node_id);
    let internal = ctx.flag("internal", &raw.internal);
    Some(NodeFile {
        id: id?,
        title,
        label: raw.label.as_ref().map(|l| l.value.0.trim().to_string()),
        max: max?,
        self_score,
        score,
        ratio,
        applicable,
        unit,
        explanation: raw
            .explanation
            .as_ref()
            .map(|e| e.value.trim().to_string())
            .filter(|e| !e.is_empty()),
        reason: raw
            .reason
            .as_ref()
            .map(|e| e.value.trim().to_string())
            .filter(|e| !e.is_empty()),
        evidence,
        tasks,
        internal,
        extra: extra(&raw.extra),
    })
}

fn parse_assessment(ctx: &mut FileParser, raw: RawAssessment) -> Option<AssessmentFile> {
    let title = ctx.text(&raw.title);
    let max = match &raw.max {
        Some(m) => ctx.score("max", m)?,
        None => At {
            value: Score::from_int(100),
            loc: Loc {
                line: ctx.split.yaml_line,
                col: 1,
            },
        },
    };
    let total = raw.total.as_ref().and_then(|t| ctx.score("total", t));
    let mut rank_of = |field: &str, v: &Option<S<Text>>| -> Option<u32> {
        let v = v.as_ref()?;
        let n = ctx.uint(field, v)?;
        if n == 0 || n > u64::from(u32::MAX) {
            let l = ctx.loc(v);
            ctx.error(l, msg!("E209-not-positive", field = field));
            return None;
        }
        Some(n as u32)
    };
    let rank = rank_of("rank", &raw.rank);
    let ranked = rank_of("ranked", &raw.ranked);
    if let (Some(r), Some(n), Some(s)) = (rank, ranked, &raw.ranked)
        && r > n
    {
        let l = ctx.loc(s);
        ctx.error(l, msg!("E411-rank-beyond-ranked", rank = r, ranked = n));
    }
    let decision = raw
        .decision
        .as_ref()
        .and_then(|d| ctx.evidence("decision", d));
    let tasks = ctx.tasks(&raw.tasks, None);
    let internal = ctx.flag("internal", &raw.internal);
    Some(AssessmentFile {
        title,
        max,
        max_given: raw.max.is_some(),
        total,
        rank,
        ranked,
        decision,
        tasks,
        internal,
        extra: extra(&raw.extra),
    })
}

fn parse_section(ctx: &mut FileParser, raw: RawSection) -> SectionFile {
    let sort_by = match &raw.sort_by {
        None => SortBy::Date,
        Some(s) => match s.value.trim() {
            "date" => SortBy::Date,
            "title" => SortBy::Title,
            "weight" => SortBy::Weight,
            other => {
                let l = ctx.loc(s);
                ctx.error(l, msg!("E209-sort-by", found = other));
                SortBy::Date
            }
        },
    };
    let feed = raw
        .feed
        .as_ref()
        .and_then(|f| ctx.bool("feed", f))
        .unwrap_or(false);
    SectionFile {
        title: ctx.text(&raw.title),
        sort_by,
        feed,
        extra: extra(&raw.extra),
    }
}

fn parse_page(ctx: &mut FileParser, raw: RawPage, file_stem: &str) -> PageFile {
    let slug = match &raw.slug {
        Some(s) => {
            let slug = vi::slugify(&s.value);
            if slug.is_empty() {
                let l = ctx.loc(s);
                ctx.error(l, msg!("E306-empty-slug"));
            }
            slug
        }
        None => vi::slugify(file_stem),
    };
    PageFile {
        title: ctx.text(&raw.title),
        date: raw.date.as_ref().and_then(|d| ctx.date("date", d)),
        summary: raw.summary.as_ref().map(|s| s.value.trim().to_string()),
        draft: ctx.flag("draft", &raw.draft),
        internal: ctx.flag("internal", &raw.internal),
        weight: raw
            .weight
            .as_ref()
            .and_then(|w| ctx.int("weight", w))
            .unwrap_or(0),
        slug,
        extra: extra(&raw.extra),
    }
}

/// The pure per-file work: split, deserialize, check what this file alone
/// can check, render the body. Same input, same output: safe to cache.
pub fn parse_file(file: &SourceFile, md: &MarkdownSettings) -> ParsedFile {
    let mut out = ParsedFile {
        rel: file.rel.clone(),
        shape: file.text.clone(),
        kind: None,
        body_html: "".into(),
        body_summary: String::new(),
        diagnostics: Vec::new(),
    };
    let role = match role_of(&file.rel) {
        Ok(r) => r,
        Err(msg) => {
            out.diagnostics.push(Diagnostic::error(&file.rel, msg));
            return out;
        }
    };
    let split = match frontmatter::split(file) {
        Ok(s) => s,
        Err(d) => {
            out.diagnostics.push(d);
            return out;
        }
    };
    if !matches!(role, FileRole::Page(_)) {
        out.shape = Arc::from(split.yaml);
    }
    let mut ctx = FileParser {
        file,
        split,
        diags: Vec::new(),
    };
    let stem = file
        .rel
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md")
        .to_string();
    let kind = match role {
        FileRole::Home => frontmatter::parse::<RawSection>(file, &split)
            .map(|raw| Some(Kind::Home(parse_section(&mut ctx, raw)))),
        FileRole::Assessment(year) => frontmatter::parse::<RawAssessment>(file, &split)
            .map(|raw| parse_assessment(&mut ctx, raw).map(|a| Kind::Assessment(year, a))),
        FileRole::Node(year) => frontmatter::parse::<RawNode>(file, &split)
            .map(|raw| parse_node(&mut ctx, raw).map(|n| Kind::Node(year, Arc::new(n)))),
        FileRole::Section(name) => frontmatter::parse::<RawSection>(file, &split)
            .map(|raw| Some(Kind::Section(name, parse_section(&mut ctx, raw)))),
        FileRole::Page(section) => frontmatter::parse::<RawPage>(file, &split)
            .map(|raw| Some(Kind::Page(section, parse_page(&mut ctx, raw, &stem)))),
    };
    out.diagnostics = ctx.diags;
    match kind {
        Ok(k) => {
            // A file with errors takes no part in the build: the build fails
            // anyway, and half-read values would only add follow-on errors.
            if out.diagnostics.iter().all(|d| !d.is_error()) {
                out.kind = k;
            }
        }
        Err(d) => out.diagnostics.push(d),
    }
    let parts = match crate::model::internal::split(split.body) {
        Ok(parts) => parts,
        Err(unclosed) => {
            let line = split.body_line + unclosed.line as u32;
            out.diagnostics.push(
                Diagnostic::error(&file.rel, msg!("E210-unclosed-internal"))
                    .at(&file.text, line, 1)
                    .with_help(msg!("E210-unclosed-internal-help")),
            );
            out.kind = None;
            vec![(false, split.body)]
        }
    };
    out.body_html = markdown::render_parts(&parts, md).into();
    // Only a section's page shows a summary (in lists and feeds), and only
    // when its front matter gives none: no second parse for other files.
    if let Some(Kind::Page(_, page)) = &out.kind
        && page.summary.is_none()
    {
        out.body_summary =
            markdown::plain_summary(&crate::model::internal::public_text(&parts), 240);
    }
    out
}

mod fields;
#[cfg(test)]
mod tests;
