//! Footnotes: numbered in order of first citation, gathered at the end of the page under a
//! "Notes" heading (an `h2`, so it is in the contents list), each linking back to every place
//! it is cited. Ids live in their own namespace (`fn:label`, `fnref:label`, `fnref:label:2`):
//! heading slugs never hold a `:`, so `[^used]` next to `## Used` cannot collide.
//!
//! A citation of a label nothing defines is an error (pulldown-cmark leaves it as text); a
//! definition nothing cites is a warning and is left out of the page.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::{Ctx, Ev, Rendered};
use crate::diag::Severity;
use crate::html::html_escape;

struct Def<'a> {
    label: String,
    range: Range<usize>,
    events: Vec<Ev<'a>>,
    id: String,
    /// Number, once cited.
    number: Option<usize>,
    cites: usize,
}

pub(super) fn pass<'a>(
    events: Vec<Ev<'a>>,
    text: &str,
    ctx: &Ctx,
    out: &mut Rendered,
) -> Vec<Ev<'a>> {
    let (mut body, mut defs) = split(events);
    undefined(&body, text, &defs, ctx, out);
    if defs.is_empty() {
        return body;
    }
    let by_label: HashMap<String, usize> = defs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.label.clone(), i))
        .collect();
    let mut order: Vec<usize> = Vec::new();
    for (e, _) in body.iter_mut() {
        let Event::FootnoteReference(label) = e else {
            continue;
        };
        let Some(&i) = by_label.get(label.as_ref()) else {
            continue;
        };
        let d = &mut defs[i];
        let n = *d.number.get_or_insert_with(|| {
            order.push(i);
            order.len()
        });
        d.cites += 1;
        let back = ref_id(&d.id, d.cites);
        out.anchors.insert(back.clone());
        *e = Event::InlineHtml(CowStr::from(format!(
            "<sup class=\"footnote-ref\"><a href=\"#fn:{}\" id=\"{back}\" aria-label=\"{}\">{n}</a></sup>",
            d.id,
            html_escape(&ctx.strings.text("content.footnote", Some(n as i64), &[]))
        )));
    }
    for d in defs.iter().filter(|d| d.number.is_none()) {
        let span = d.range.start..d.range.start + d.label.len() + 3;
        let mut w = ctx
            .error(
                &span,
                format!("footnote `[^{}]` is defined but never cited", d.label),
            )
            .label("not cited anywhere on this page; left out")
            .hint(format!(
                "cite it with `[^{}]` in the text, or remove the definition",
                d.label
            ));
        w.severity = Severity::Warning;
        out.diags.push(w);
    }
    if !order.is_empty() {
        append_notes(&mut body, &mut defs, &order, (ctx.strings, out));
    }
    body
}

/// Takes the definitions out of the event stream.
fn split(events: Vec<Ev<'_>>) -> (Vec<Ev<'_>>, Vec<Def<'_>>) {
    let mut body = Vec::with_capacity(events.len());
    let mut defs: Vec<Def> = Vec::new();
    let mut iter = events.into_iter();
    while let Some((e, range)) = iter.next() {
        let Event::Start(Tag::FootnoteDefinition(label)) = e else {
            body.push((e, range));
            continue;
        };
        let mut inner = Vec::new();
        let mut depth = 0;
        for (e, r) in iter.by_ref() {
            match &e {
                Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                Event::End(TagEnd::FootnoteDefinition) if depth == 0 => break,
                Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                _ => {}
            }
            inner.push((e, r));
        }
        let mut id = slug(&label);
        if defs.iter().any(|d| d.id == id) {
            id = format!("{id}-{}", defs.len() + 1);
        }
        defs.push(Def {
            label: label.to_string(),
            range,
            events: inner,
            id,
            number: None,
            cites: 0,
        });
    }
    (body, defs)
}

/// Reports `[^x]` left as text: a citation of a label no definition has.
fn undefined(body: &[Ev], text: &str, defs: &[Def], ctx: &Ctx, out: &mut Rendered) {
    let mut in_code = false;
    let mut run: Option<Range<usize>> = None;
    let mut runs = Vec::new();
    for (e, r) in body {
        match e {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(_) if !in_code => {
                run = Some(match run.take() {
                    Some(p) if p.end == r.start => p.start..r.end,
                    Some(p) => {
                        runs.push(p);
                        r.clone()
                    }
                    None => r.clone(),
                });
                continue;
            }
            _ => {}
        }
        runs.extend(run.take());
    }
    runs.extend(run);
    for r in runs {
        let slice = &text[r.clone()];
        for (k, _) in slice.match_indices("[^") {
            let at = r.start + k;
            if at > 0 && text.as_bytes()[at - 1] == b'\\' {
                continue;
            }
            let rest = &slice[k + 2..];
            let Some(end) = rest.find(']') else { continue };
            let label = &rest[..end];
            if label.is_empty() || label.contains(char::is_whitespace) || label.contains('[') {
                continue;
            }
            let span = r.start + k..r.start + k + end + 3;
            let hint = if defs.is_empty() {
                format!("add the note on its own line: `[^{label}]: The note.`")
            } else {
                let list: Vec<String> = defs.iter().map(|d| format!("`[^{}]`", d.label)).collect();
                format!(
                    "footnotes defined on this page: {}; or add `[^{label}]: The note.`",
                    list.join(", ")
                )
            };
            out.diags.push(
                ctx.error(&span, format!("footnote `[^{label}]` is not defined"))
                    .label("no `[^label]: …` definition on this page")
                    .hint(hint),
            );
        }
    }
}

/// The notes section: heading, then each cited definition with its links back.
fn append_notes<'a>(
    body: &mut Vec<Ev<'a>>,
    defs: &mut [Def<'a>],
    order: &[usize],
    (strings, out): (&crate::i18n::Strings, &mut Rendered),
) {
    let at = defs[order[0]].range.clone();
    let html = |s: String| (Event::Html(CowStr::from(s)), at.clone());
    body.push(html("<section class=\"footnotes\">\n".into()));
    let h2 = Tag::Heading {
        level: HeadingLevel::H2,
        id: None,
        classes: Vec::new(),
        attrs: Vec::new(),
    };
    body.push((Event::Start(h2), at.clone()));
    body.push((
        Event::Text(strings.get("content.footnotes").to_string().into()),
        at.clone(),
    ));
    body.push((Event::End(TagEnd::Heading(HeadingLevel::H2)), at.clone()));
    body.push(html("<ol>\n".into()));
    for (n, &i) in order.iter().enumerate() {
        let d = &mut defs[i];
        let id = format!("fn:{}", d.id);
        out.anchors.insert(id.clone());
        let links: Vec<String> = (1..=d.cites)
            .map(|k| {
                let (label, mark) = match k {
                    1 => (
                        strings.text("content.footnote-back", Some(n as i64 + 1), &[]),
                        "↩".to_string(),
                    ),
                    _ => (
                        strings.text(
                            "content.footnote-back-nth",
                            Some(n as i64 + 1),
                            &[("k", &k.to_string())],
                        ),
                        format!("↩<sup>{k}</sup>"),
                    ),
                };
                format!(
                    "<a href=\"#{}\" class=\"footnote-backref\" aria-label=\"{}\">{mark}</a>",
                    ref_id(&d.id, k),
                    html_escape(&label)
                )
            })
            .collect();
        let back = format!(" {}", links.join(" "));
        body.push(html(format!("<li id=\"{id}\">\n")));
        let mut events = std::mem::take(&mut d.events);
        match events.last() {
            Some((Event::End(TagEnd::Paragraph), _)) => {
                let last = events.pop().expect("a last event");
                events.push((Event::InlineHtml(CowStr::from(back)), last.1.clone()));
                events.push(last);
            }
            _ => events.push(html(format!("<p>{back}</p>\n"))),
        }
        body.extend(events);
        body.push(html("</li>\n".into()));
    }
    body.push(html("</ol>\n</section>\n".into()));
}

fn ref_id(id: &str, k: usize) -> String {
    match k {
        1 => format!("fnref:{id}"),
        _ => format!("fnref:{id}:{k}"),
    }
}

/// A label as an id: letters, digits, `-` and `_` kept, anything else `-`.
fn slug(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{ref_id, slug};

    #[test]
    fn ids_never_look_like_heading_slugs() {
        assert_eq!(slug("used"), "used");
        assert_eq!(slug("a b.c"), "a-b-c");
        assert_eq!(ref_id("used", 1), "fnref:used");
        assert_eq!(ref_id("used", 2), "fnref:used:2");
    }
}
