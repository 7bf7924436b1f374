//! After includes: a `{{#name …}}` left in the prose is a directive guide does not know
//! (an error naming it: it would otherwise show as literal braces), and diagnostics made
//! against the expanded text are moved to the file each piece came from.
//!
//! Inside code (fences and inline code) unknown directives stay as written: template
//! languages such as Handlebars use the same braces.

use std::collections::HashSet;
use std::sync::Arc;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::include::{Expanded, directive};
use super::{Ctx, Ev, Rendered};
use crate::diag::Diagnostic;

/// Reports every unknown or incomplete directive in the text outside code.
pub(crate) fn leftovers(events: &[Ev], exp: &Expanded, ctx: &Ctx, out: &mut Rendered) {
    if exp.map.is_none() {
        return;
    }
    let mut in_code = false;
    let mut seen = HashSet::new();
    for (e, range) in events {
        match e {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if !in_code && t.contains("{{") => {
                let slice = &exp.text[range.clone()];
                for (k, _) in slice.match_indices("{{") {
                    let at = range.start + k;
                    if exp.escapes.contains(&at) || !seen.insert(at) {
                        continue;
                    }
                    if let Some(d) = directive(&exp.text[at..]) {
                        let diag = unknown(d.name, d.args.is_empty());
                        out.diags.push(place(exp, ctx, diag, at..at + d.len));
                    }
                }
            }
            _ => {}
        }
    }
}

fn unknown(name: &str, bare: bool) -> Diagnostic {
    let literally = "to show it literally, write `\\{{#…}}`";
    match name {
        "include" | "rustdoc_include" | "playground" | "playpen" if bare => {
            Diagnostic::error(format!("`{{{{#{name}}}}}` names no file"))
                .label("a file is missing here")
                .hint(format!("write `{{{{#{name} path/to/file}}}}`; {literally}"))
        }
        "title" => Diagnostic::error("`{{#title}}` is not a directive guide knows")
            .label("unknown directive")
            .hint(format!("set the page title with `title = \"…\"` in the front matter; {literally}")),
        _ => Diagnostic::error(format!("`{{{{#{name}}}}}` is not a directive guide knows"))
            .label("unknown directive")
            .hint(format!(
                "guide knows `{{{{#include}}}}`, `{{{{#rustdoc_include}}}}` and `{{{{#playground}}}}`; {literally}"
            )),
    }
}

/// `d` at an expanded span of the page.
fn place(exp: &Expanded, ctx: &Ctx, d: Diagnostic, span: std::ops::Range<usize>) -> Diagnostic {
    match &exp.map {
        Some(map) => map.place(d, span),
        None => {
            let page = &ctx.site.pages[ctx.page];
            let o = page.body_start;
            d.at(&page.shown, &page.text, span.start + o..span.end + o)
        }
    }
}

/// Moves the diagnostics `out.diags[from..]`, made by the passes at page-file offsets of
/// the expanded text (see `Ctx::error`), to the files that text came from.
pub(crate) fn relocate(exp: &Expanded, ctx: &Ctx, out: &mut Rendered, from: usize) {
    let page = &ctx.site.pages[ctx.page];
    let o = page.body_start;
    for d in out.diags.iter_mut().skip(from) {
        let mine = d
            .source
            .as_ref()
            .is_some_and(|s| Arc::ptr_eq(s, &page.text));
        // Front matter (before the body) never comes from an include.
        let Some(span) = d.span.clone().filter(|s| mine && s.start >= o) else {
            continue;
        };
        let start = span.start.saturating_sub(o);
        let end = span.end.saturating_sub(o).max(start);
        *d = place(exp, ctx, d.clone(), start..end);
    }
    // The photos' locations, for errors found when they are processed after Markdown.
    for u in &mut out.media {
        if let Some(span) = u.at.span.clone().filter(|s| s.start >= o) {
            let start = span.start.saturating_sub(o);
            let end = span.end.saturating_sub(o).max(start);
            u.at = place(exp, ctx, u.at.clone(), start..end);
        }
    }
    out.sources = exp.map.clone();
}
