//! Raw HTML in Markdown: sanitised by default, its URLs rewritten and checked like
//! Markdown's; and Markdown links and images whose URL would run script.
//!
//! pulldown-cmark hands raw HTML over in pieces: an HTML block line by line, inline HTML tag
//! by tag with Markdown text between. A block's lines are joined and tokenised as one
//! fragment; each inline tag is its own fragment. Sanitising per fragment works because
//! nothing kept changes how a browser tokenises what follows (no `<script>`, `<style>`,
//! `<textarea>`, `<svg>`…), and an element removed with its content is followed across
//! fragments (and the Markdown between them) to its end tag, or to the end of its block.
//! A whole-document sanitiser (ammonia) cannot do this: it closes a `<div>` that a later
//! fragment ends, drops that later `</div>`, and does not say what it removed.
//!
//! This pass runs first, on the parser's own events, so the HTML that later passes generate
//! (figures, hold timers, heading anchors) is never mistaken for the author's.

mod policy;
mod tags;
mod urls;

#[cfg(test)]
mod attacks;

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Ctx, Ev, Rendered};
use crate::diag::Diagnostic;
use tags::{Frag, Skip};

/// A warning about removed raw HTML at a body-relative span, with the way to keep it.
pub(super) fn warning(ctx: &Ctx, span: &Range<usize>, msg: String) -> Diagnostic {
    let o = ctx.offset();
    Diagnostic::warning(msg)
        .at(ctx.shown(), ctx.text(), span.start + o..span.end + o)
        .hint("raw HTML passes an allowlist so no script runs in a reader's page; if you trust every file of this guide, set `trust-html = true` under `[build]` in book.toml")
}

/// `body` is the text the events were parsed from (the page body, includes expanded).
pub(super) fn pass<'a>(
    events: Vec<Ev<'a>>,
    body: &str,
    ctx: &Ctx,
    out: &mut Rendered,
) -> Vec<Ev<'a>> {
    let trust = ctx.trust_html;
    let mut result = Vec::with_capacity(events.len());
    let mut skip: Option<Skip> = None;
    let mut links: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::HtmlBlock) => {
                let mut map = SourceMap::default();
                let mut html = String::new();
                let mut j = i + 1;
                while let Some((Event::Html(t), r)) = events.get(j) {
                    map.add(html.len(), t, r.clone(), body);
                    html.push_str(t);
                    j += 1;
                }
                let mut f = Frag {
                    ctx,
                    out,
                    to_body: &|k| map.to_body(k),
                    trust,
                };
                let clean = tags::process(&html, &mut f, &mut skip);
                skip = None;
                result.push(events[i].clone());
                result.push((Event::Html(clean.into()), range.clone()));
                i = j;
                continue;
            }
            Event::InlineHtml(t) | Event::Html(t) => {
                let mut map = SourceMap::default();
                map.add(0, t, range.clone(), body);
                let mut f = Frag {
                    ctx,
                    out,
                    to_body: &|k| map.to_body(k),
                    trust,
                };
                let clean = tags::process(t, &mut f, &mut skip);
                result.push((Event::InlineHtml(clean.into()), range.clone()));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let drop = !trust && script_link(ctx, out, dest_url, range, "link");
                links.push(drop);
                if !drop {
                    result.push(events[i].clone());
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop() != Some(true) {
                    result.push(events[i].clone());
                }
            }
            Event::Start(Tag::Image { dest_url, .. })
                if !trust && script_link(ctx, out, dest_url, range, "image") =>
            {
                i = end_of_image(&events, i) + 1;
                continue;
            }
            e if skip.is_some() && is_leaf(e) => {}
            e => {
                if ends_block(e) {
                    skip = None;
                }
                result.push(events[i].clone());
            }
        }
        i += 1;
    }
    result
}

/// Whether a Markdown link's or image's URL runs script; if so it is removed, with a warning.
fn script_link(ctx: &Ctx, out: &mut Rendered, url: &str, range: &Range<usize>, what: &str) -> bool {
    let Some(scheme) = policy::script_scheme(url, what == "image") else {
        return false;
    };
    let msg = if what == "link" {
        format!("removed a link to a `{scheme}` URL (it can run script); its text is kept")
    } else {
        format!("removed an image with a `{scheme}` URL (it can run script)")
    };
    out.diags.push(warning(ctx, range, msg));
    true
}

fn end_of_image(events: &[Ev], start: usize) -> usize {
    let mut depth = 0usize;
    for (k, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// Markdown content that is dropped while an element is removed with its content.
fn is_leaf(e: &Event) -> bool {
    matches!(
        e,
        Event::Text(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
    )
}

/// Whether an event starts or ends a block: an element removed with its content stops there.
fn ends_block(e: &Event) -> bool {
    match e {
        Event::Start(t) => !matches!(
            t,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(t) => !matches!(
            t,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

/// Where the bytes of a fragment (event texts joined) are in the page body. An event's text
/// is usually the body's own bytes; inside a list item or quote, pulldown-cmark strips the
/// container's indentation or `>`, and the text is aligned to the body byte by byte.
#[derive(Default)]
struct SourceMap {
    pieces: Vec<Piece>,
}

struct Piece {
    at: usize,
    src: usize,
    align: Option<Vec<usize>>,
}

impl SourceMap {
    fn add(&mut self, at: usize, text: &str, range: Range<usize>, body: &str) {
        let src = body.get(range.clone()).unwrap_or("");
        let align = (src != text).then(|| {
            let (t, s) = (text.as_bytes(), src.as_bytes());
            let mut j = 0;
            let mut a = Vec::with_capacity(t.len() + 1);
            for &c in t {
                while j < s.len() && s[j] != c {
                    j += 1;
                }
                a.push(range.start + j.min(s.len()));
                j = (j + 1).min(s.len());
            }
            a.push(range.start + j);
            a
        });
        self.pieces.push(Piece {
            at,
            src: range.start,
            align,
        });
    }

    fn to_body(&self, k: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.at <= k).saturating_sub(1);
        let Some(p) = self.pieces.get(i) else {
            return 0;
        };
        let off = k - p.at.min(k);
        match &p.align {
            None => p.src + off,
            Some(a) => a[off.min(a.len() - 1)],
        }
    }
}
