//! What `serve` adds to the HTML it serves, and only there (never to `build`
//! output, never through the theme): the live-reload script and, after a
//! failed rebuild, the error overlay.
//!
//! Live reload uses Server-Sent Events, one event per response: tiny_http
//! buffers chunked bodies, so an endless stream would never reach the
//! browser. The page asks `/__kiemchung/events?since=<generation it was
//! served at>`; the server holds the request until a newer build exists (or
//! a timeout passes) and answers with a complete response of known length,
//! `id: <generation>` and one `data:` line. The EventSource then reconnects by
//! itself with `Last-Event-ID`, so a rebuild that happens between two
//! requests is still announced: nothing is missed.
//!
//! The endpoints live at the server root, outside the site's base path
//! (`/__kiemchung/…`, not `/cchc/__kiemchung/…`), so the script does not
//! depend on the base path. They are answered before the site is looked
//! at, so with base path `/` too a site file there would be shadowed; no
//! generated URL starts with `__kiemchung`.

use crate::base::diag::{self, Diagnostic};
use crate::base::html::escape;
use crate::base::i18n::{Lang, Msg};
use crate::msg;

/// Long-polled Server-Sent Events endpoint (see the module comment).
pub const EVENTS_PATH: &str = "/__kiemchung/events";
/// `{"generation": n, "ok": bool, "errors": n, "warnings": n}` at once; for
/// scripts and tests that want the state without waiting.
pub const STATUS_PATH: &str = "/__kiemchung/status";
/// The EventSource reconnects this many milliseconds after each response.
/// It may be small: an event is never lost while reconnecting, only delayed.
pub const RETRY_MS: u32 = 100;

/// The markup added before `</body>` of every served page for a build
/// `generation`: the reload script, and the overlay when `failed` holds the
/// diagnostics of a failed rebuild (errors and warnings).
pub fn snippet(generation: u64, failed: &[Diagnostic], lang: Lang) -> String {
    let mut s = String::new();
    if failed.iter().any(Diagnostic::is_error) {
        s.push_str(&overlay(failed, lang));
    }
    s.push_str(&format!(
        "<script>/* kiemchung serve: live reload */(function(){{\
         var es=new EventSource(\"{EVENTS_PATH}?since={generation}\");\
         es.onmessage=function(){{es.close();location.reload();}};}})();</script>\n"
    ));
    s
}

/// At most this many errors, and warnings, are shown in the overlay (it is
/// added to every page); the terminal has them all.
pub const OVERLAY_MAX: usize = 50;

/// The error overlay: each error in full as the terminal shows it
/// (path:line:col, message, the source line with a caret, the hint), then
/// the warnings of that run folded away.
fn overlay(diags: &[Diagnostic], lang: Lang) -> String {
    let say = |m: Msg| escape(&m.text(lang));
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    let warnings: Vec<&Diagnostic> = diags.iter().filter(|d| !d.is_error()).collect();
    let mut s = String::from(
        "<div id=\"kiemchung-overlay\" role=\"alertdialog\" aria-labelledby=\"kiemchung-overlay-title\" \
         style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;\
         background:rgba(15,15,15,.93);color:#eee;font:15px/1.5 system-ui,sans-serif;padding:2rem\">\
         <style>#kiemchung-overlay pre{background:#1e1e1e;color:#f0f0f0;\
         border-left:4px solid #e5484d;padding:.75rem 1rem;margin:0 0 1rem;overflow:auto;\
         white-space:pre;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}\
         #kiemchung-overlay details pre{border-left-color:#f5a623}</style>\
         <div style=\"max-width:62rem;margin:0 auto\">",
    );
    s.push_str(&format!(
        "<h2 id=\"kiemchung-overlay-title\" style=\"color:#ff8080;margin:0 0 .5rem\">{}</h2>\
         <p style=\"margin:0 0 1rem\">{}</p>\n",
        say(msg!("overlay-title", errors = errors.len())),
        say(msg!("overlay-lead")),
    ));
    list(&mut s, &errors, lang);
    if !warnings.is_empty() {
        s.push_str(&format!(
            "<details><summary>{}</summary>\n",
            say(msg!("overlay-warnings", warnings = warnings.len()))
        ));
        list(&mut s, &warnings, lang);
        s.push_str("</details>\n");
    }
    s.push_str(&format!(
        "<button type=\"button\" onclick=\"document.getElementById('kiemchung-overlay').remove()\" \
         style=\"font:inherit;padding:.3rem .9rem;margin-top:.5rem\">{}</button>\
         </div></div>\n",
        say(msg!("overlay-hide"))
    ));
    s
}

/// Up to [`OVERLAY_MAX`] diagnostics, escaped, then how many were left out.
fn list(s: &mut String, diags: &[&Diagnostic], lang: Lang) {
    for d in diags.iter().take(OVERLAY_MAX) {
        s.push_str("<pre class=\"kiemchung-diagnostic\">");
        s.push_str(&escape(diag::render_text(d, false, lang).trim_end()));
        s.push_str("</pre>\n");
    }
    if diags.len() > OVERLAY_MAX {
        let more = msg!("overlay-more", count = diags.len() - OVERLAY_MAX);
        s.push_str(&format!("<p>{}</p>\n", escape(&more.text(lang))));
    }
}

/// `html` with `snippet` inserted before its last `</body>` (any case), or
/// appended when there is none.
pub fn inject(html: &[u8], snippet: &str) -> Vec<u8> {
    let at = rfind_ascii_ci(html, b"</body").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any real message, with `text` in it.
    fn any(text: &str) -> Msg {
        msg!("E701-template", detail = text, within = "")
    }

    #[test]
    fn injects_before_the_last_body_end_tag() {
        let cases: [(&str, &str); 5] = [
            (
                "<html><body><p>x</p></body></html>",
                "<html><body><p>x</p>S</body></html>",
            ),
            ("<BODY>x</BODY>", "<BODY>xS</BODY>"),
            // the last one: a literal "</body>" in a code sample comes earlier
            (
                "<body><code>&lt;/body&gt;</code></body>",
                "<body><code>&lt;/body&gt;</code>S</body>",
            ),
            ("<p>fragment</p>", "<p>fragment</p>S"),
            ("", "S"),
        ];
        for (html, want) in cases {
            let got = inject(html.as_bytes(), "S");
            assert_eq!(String::from_utf8(got).unwrap(), want, "{html:?}");
        }
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("tiêu chí 1.1"), "tiêu chí 1.1");
    }

    #[test]
    fn snippet_has_the_generation_and_no_overlay_after_a_good_build() {
        let s = snippet(7, &[], Lang::Vi);
        assert!(s.contains("/__kiemchung/events?since=7"), "{s}");
        assert!(!s.contains("kiemchung-overlay"));
        // warnings alone are no failure
        let s = snippet(
            7,
            &[Diagnostic::warning("content/a.md", any("meh"))],
            Lang::Vi,
        );
        assert!(!s.contains("kiemchung-overlay"));
    }

    #[test]
    fn overlay_shows_each_error_escaped_with_location_and_source() {
        let text = "---\ntitle: <b>\nsocre: 3\n---\n";
        let diags = [
            Diagnostic::error("content/2022/1.md", any("unknown field `socre` <here>"))
                .at(text, 3, 1),
            Diagnostic::error("site.toml", any("bad & worse")),
            Diagnostic::warning("content/2022/2.md", any("no evidence")),
        ];
        let s = snippet(3, &diags, Lang::Vi);
        assert!(s.contains("id=\"kiemchung-overlay\""));
        assert!(s.contains("content/2022/1.md:3:1"), "{s}");
        assert!(s.contains("unknown field `socre` &lt;here&gt;"));
        assert!(s.contains("3 | socre: 3"));
        assert!(s.contains("bad &amp; worse"));
        assert!(s.contains("2 lỗi"));
        assert!(s.contains("1 cảnh báo"));
        assert!(!s.contains("mục nữa"));
        assert!(!s.contains("<here>"));
        assert_eq!(s.matches("class=\"kiemchung-diagnostic\"").count(), 3);
    }

    #[test]
    fn overlay_lists_at_most_so_many() {
        let mut diags: Vec<Diagnostic> = (0..OVERLAY_MAX + 7)
            .map(|i| Diagnostic::error(format!("content/{i}.md"), any("bad")))
            .collect();
        diags.extend(
            (0..OVERLAY_MAX + 2).map(|i| Diagnostic::warning(format!("w/{i}.md"), any("meh"))),
        );
        let s = snippet(1, &diags, Lang::Vi);
        assert_eq!(
            s.matches("class=\"kiemchung-diagnostic\"").count(),
            2 * OVERLAY_MAX
        );
        assert!(s.contains(&format!("{} lỗi", OVERLAY_MAX + 7)));
        assert!(s.contains("… và 7 mục nữa trong cửa sổ dòng lệnh"));
        assert!(s.contains("… và 2 mục nữa trong cửa sổ dòng lệnh"));
    }
}
