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
    AssessmentFile, Evidence, FileRole, Kind, NodeFile, PageFile, ParsedFile, SectionFile, SortBy,
    Task, role_of,
};
use crate::model::frontmatter::{
    self, At, Loc, RawAssessment, RawEvidence, RawNode, RawPage, RawSection, RawTask, S, Split,
    Text,
};
use crate::model::markdown::{self, MarkdownSettings};
use jiff::civil::Date;
use std::sync::Arc;

/// Collects per-file errors with their position in the file.
struct FileParser<'a> {
    file: &'a SourceFile,
    split: Split<'a>,
    diags: Vec<Diagnostic>,
}

impl FileParser<'_> {
    fn loc<T>(&self, s: &S<T>) -> Loc {
        frontmatter::loc(s, &self.split)
    }

    fn diag_at(&self, loc: Loc, d: Diagnostic) -> Diagnostic {
        d.at(&self.file.text, loc.line, loc.col)
    }

    fn error(&mut self, loc: Loc, msg: impl Into<String>) {
        let d = self.diag_at(loc, Diagnostic::error(&self.file.rel, msg));
        self.diags.push(d);
    }

    fn error_help(&mut self, loc: Loc, msg: impl Into<String>, help: impl Into<String>) {
        let d = self
            .diag_at(loc, Diagnostic::error(&self.file.rel, msg))
            .with_help(help);
        self.diags.push(d);
    }

    fn text(&self, s: &S<String>) -> String {
        s.value.trim().to_string()
    }

    fn score(&mut self, field: &str, s: &S<Text>) -> Option<At<Score>> {
        let loc = self.loc(s);
        match Score::parse(&s.value.0) {
            Ok(v) => Some(At { value: v, loc }),
            Err(e) => {
                self.error(loc, format!("{field}: {e}"));
                None
            }
        }
    }

    fn date(&mut self, field: &str, s: &S<Text>) -> Option<Date> {
        match vi::parse_date(&s.value.0) {
            Ok(d) => Some(d),
            Err(e) => {
                let loc = self.loc(s);
                self.error(loc, format!("{field}: {e}"));
                None
            }
        }
    }

    fn bool(&mut self, field: &str, s: &S<Text>) -> Option<bool> {
        match s.value.0.trim() {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                let loc = self.loc(s);
                self.error(
                    loc,
                    format!("{field}: expected true or false, found `{other}`"),
                );
                None
            }
        }
    }

    fn uint(&mut self, field: &str, s: &S<Text>) -> Option<u64> {
        match s.value.0.trim().parse::<u64>() {
            Ok(v) => Some(v),
            Err(_) => {
                let loc = self.loc(s);
                self.error(
                    loc,
                    format!(
                        "{field}: expected a whole number ≥ 0, found `{}`",
                        s.value.0
                    ),
                );
                None
            }
        }
    }

    fn int(&mut self, field: &str, s: &S<Text>) -> Option<i64> {
        match s.value.0.trim().parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) => {
                let loc = self.loc(s);
                self.error(
                    loc,
                    format!("{field}: expected a whole number, found `{}`", s.value.0),
                );
                None
            }
        }
    }

    fn evidence(&mut self, field: &str, s: &S<RawEvidence>) -> Option<Evidence> {
        let loc = self.loc(s);
        let e = &s.value;
        let opt = |v: &Option<S<String>>| {
            v.as_ref()
                .map(|x| x.value.trim().to_string())
                .filter(|x| !x.is_empty())
        };
        let title = opt(&e.title);
        let number = e
            .number
            .as_ref()
            .map(|n| n.value.0.trim().to_string())
            .filter(|n| !n.is_empty());
        let file = opt(&e.file);
        let url = opt(&e.url);
        let mut ok = true;
        if title.is_none() {
            self.error(loc, format!("{field}: every entry needs a `title:`"));
            ok = false;
        }
        if file.is_none() && url.is_none() && number.is_none() {
            self.error(
                loc,
                format!(
                    "{field}: give the document's `file:`, its `url:` or at least its `number:`"
                ),
            );
            ok = false;
        }
        if let (Some(u), Some(us)) = (&url, &e.url)
            && !(u.starts_with("https://") || u.starts_with("http://"))
        {
            let l = self.loc(us);
            self.error(
                l,
                format!("{field}: url `{u}` must start with http:// or https:// (use `file:` for a document of the site)"),
            );
            ok = false;
        }
        let date = match &e.date {
            Some(d) => {
                let v = self.date(&format!("{field}: date"), d);
                if v.is_none() {
                    ok = false;
                }
                v
            }
            None => None,
        };
        ok.then(|| Evidence {
            title: title.unwrap_or_default(),
            number,
            date,
            issuer: opt(&e.issuer),
            file,
            url,
            pages: e
                .pages
                .as_ref()
                .map(|p| p.value.0.trim().to_string())
                .filter(|p| !p.is_empty()),
            href: None,
            loc,
            number_loc: e.number.as_ref().map(|n| self.loc(n)),
            date_loc: e.date.as_ref().map(|n| self.loc(n)),
            file_loc: e.file.as_ref().map(|n| self.loc(n)),
        })
    }

    fn tasks(&mut self, raw: &Option<Vec<S<RawTask>>>, node: Option<String>) -> Vec<Task> {
        let mut out = Vec::new();
        for t in raw.iter().flatten() {
            let loc = self.loc(t);
            let title = self.text(&t.value.title);
            if title.is_empty() {
                self.error(loc, "tasks: every task needs a `title:`");
                continue;
            }
            let due = t
                .value
                .due
                .as_ref()
                .and_then(|d| self.date("tasks: due", d));
            let done = t
                .value
                .done
                .as_ref()
                .and_then(|d| self.date("tasks: done", d));
            out.push(Task {
                title,
                unit: t.value.unit.as_ref().map(|u| u.value.trim().to_string()),
                unit_loc: t.value.unit.as_ref().map(|u| self.loc(u)),
                due,
                done,
                node: node.clone(),
                file: self.file.rel.clone(),
                loc,
            });
        }
        out
    }
}

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
            ctx.error(id_loc, format!("id: {e}"));
            None
        }
    };
    let title = ctx.text(&raw.title);
    if title.is_empty() {
        let l = ctx.loc(&raw.title);
        ctx.error(l, "title: expected the criterion's name, found nothing");
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
                    format!(
                        "{field} {} is greater than max {}; expected a value between 0 and {}",
                        s.value.to_plain(),
                        max.value.to_plain(),
                        max.value.to_plain()
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
                    ctx.error(
                        loc,
                        "ratio: the second number (the whole) must be greater than 0",
                    );
                } else if a > b {
                    ctx.error(
                        loc,
                        format!("ratio: [{a}, {b}] — the part cannot exceed the whole; expected [a, b] with a ≤ b"),
                    );
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
                                format!(
                                    "score {} does not follow ratio [{a}, {b}]: max {} × {a} / {b} = {}",
                                    s.value.to_plain(),
                                    max.value.to_plain(),
                                    computed.to_plain()
                                ),
                                format!("write `score: {}` or leave it out to have it computed", computed.to_plain()),
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
            _ => ctx.error(
                loc,
                format!(
                    "ratio: expected two numbers [part, whole] such as [34, 40], found {}",
                    r.value.len()
                ),
            ),
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
        evidence,
        tasks,
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
            ctx.error(l, format!("{field}: expected a whole number ≥ 1"));
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
        ctx.error(
            l,
            format!("rank {r} is beyond ranked {n}; expected rank ≤ ranked"),
        );
    }
    let decision = raw
        .decision
        .as_ref()
        .and_then(|d| ctx.evidence("decision", d));
    let tasks = ctx.tasks(&raw.tasks, None);
    Some(AssessmentFile {
        title,
        max,
        max_given: raw.max.is_some(),
        total,
        rank,
        ranked,
        decision,
        tasks,
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
                ctx.error(
                    l,
                    format!("sort_by: expected date, title or weight, found `{other}`"),
                );
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
                ctx.error(l, "slug: expected letters or digits for the page's URL");
            }
            slug
        }
        None => vi::slugify(file_stem),
    };
    PageFile {
        title: ctx.text(&raw.title),
        date: raw.date.as_ref().and_then(|d| ctx.date("date", d)),
        summary: raw.summary.as_ref().map(|s| s.value.trim().to_string()),
        draft: raw
            .draft
            .as_ref()
            .and_then(|d| ctx.bool("draft", d))
            .unwrap_or(false),
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
    out.body_html = markdown::render(split.body, md).into();
    // Only a section's page shows a summary (in lists and feeds), and only
    // when its front matter gives none: no second parse for other files.
    if let Some(Kind::Page(_, page)) = &out.kind
        && page.summary.is_none()
    {
        out.body_summary = markdown::plain_summary(split.body, 240);
    }
    out
}

#[cfg(test)]
mod tests;
