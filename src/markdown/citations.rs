//! Citations: `[@key]` and `[@a; @b]` in text become numbered links to a "References" list
//! at the end of the page, built from the guide's bibliography, each entry linking back.
//!
//! Numbers follow the order of first citation on the page. An unknown key is an error at
//! its position naming the closest key; with no bibliography at all, a `[@...]` is a warning
//! (it may be meant literally) and stays as written. Code and raw HTML are never read.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::{Ctx, Ev, Rendered};

/// One `[@...]` group in a text: its byte range in the text and its keys.
fn groups(text: &str) -> Vec<(Range<usize>, Vec<&str>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find("[@").map(|i| i + at) {
        let Some(end) = text[i..].find(']').map(|e| e + i) else {
            break;
        };
        let inner = &text[i + 1..end];
        let keys: Option<Vec<&str>> = inner
            .split(';')
            .map(|k| {
                let k = k.trim().strip_prefix('@')?;
                let ok =
                    !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || "_-:.".contains(c));
                ok.then_some(k)
            })
            .collect();
        match keys {
            Some(keys) => {
                out.push((i..end + 1, keys));
                at = end + 1;
            }
            None => at = i + 2,
        }
    }
    out
}

/// Adjacent text events (pulldown-cmark splits text at brackets) joined into one.
fn merged<'a>(events: Vec<Ev<'a>>) -> Vec<Ev<'a>> {
    let mut out: Vec<Ev<'a>> = Vec::with_capacity(events.len());
    for (e, r) in events {
        if let (Event::Text(t), Some((Event::Text(prev), pr))) = (&e, out.last_mut()) {
            if pr.end == r.start {
                *prev = CowStr::from(format!("{prev}{t}"));
                pr.end = r.end;
                continue;
            }
        }
        out.push((e, r));
    }
    out
}

/// Replaces citation groups with links and appends the references list.
pub(crate) fn pass<'a>(
    events: Vec<Ev<'a>>,
    source: &str,
    ctx: &Ctx,
    out: &mut Rendered,
) -> Vec<Ev<'a>> {
    if !source.contains("[@") {
        return events;
    }
    let mut body = Vec::with_capacity(events.len());
    let mut order: Vec<String> = Vec::new();
    let mut uses: Vec<usize> = Vec::new();
    let mut last = 0..0;
    for (e, r) in merged(events) {
        let Event::Text(t) = &e else {
            body.push((e, r));
            continue;
        };
        let found = groups(t);
        if found.is_empty() {
            body.push((e, r));
            continue;
        }
        // Offsets inside the text are source offsets only when the text is the source.
        let exact = source.get(r.clone()) == Some(t.as_ref());
        let mut pos = 0;
        for (g, keys) in found {
            let span = if exact {
                r.start + g.start..r.start + g.end
            } else {
                r.clone()
            };
            if ctx.bib.shown.is_none() {
                out.diags.push(
                    ctx.warning(&span, "this looks like a citation, but the guide has no bibliography")
                        .label("shown as written")
                        .hint("add references.toml beside book.toml (see docs/authoring.md#citations), or write `\\[@` to keep it literal"),
                );
                continue;
            }
            let unknown: Vec<&&str> = keys.iter().filter(|k| !ctx.bib.contains(k)).collect();
            if !unknown.is_empty() {
                for k in unknown {
                    let closest = ctx
                        .bib
                        .keys()
                        .map(|c| (strsim::jaro_winkler(k, c), c))
                        .filter(|(s, _)| *s > 0.8)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, c)| c);
                    let hint = closest.map_or_else(
                        || "add an entry for it to the bibliography".to_string(),
                        |c| format!("did you mean `@{c}`?"),
                    );
                    out.diags.push(
                        ctx.error(&span, format!("unknown citation key `{k}`"))
                            .label("not in the bibliography")
                            .hint(hint),
                    );
                }
                continue;
            }
            body.push((
                Event::Text(CowStr::from(t[pos..g.start].to_string())),
                r.clone(),
            ));
            let links: Vec<String> = keys
                .iter()
                .map(|k| cite_link(k, &mut order, &mut uses))
                .collect();
            let html = format!("<span class=\"cites\">[{}]</span>", links.join(", "));
            body.push((Event::InlineHtml(CowStr::from(html)), span));
            pos = g.end;
        }
        body.push((Event::Text(CowStr::from(t[pos..].to_string())), r.clone()));
        last = r;
    }
    if !order.is_empty() {
        append_list(&mut body, &order, &uses, last, ctx, out);
    }
    body
}

/// The link for one cited key; numbers and use counts are kept in `order` and `uses`.
fn cite_link(key: &str, order: &mut Vec<String>, uses: &mut Vec<usize>) -> String {
    let n = match order.iter().position(|k| k == key) {
        Some(i) => i,
        None => {
            order.push(key.to_string());
            uses.push(0);
            order.len() - 1
        }
    };
    uses[n] += 1;
    format!(
        "<a href=\"#ref:{key}\" id=\"cite:{key}:{}\" class=\"cite\" role=\"doc-biblioref\">{}</a>",
        uses[n],
        n + 1
    )
}

/// The "References" heading and list, each entry with links back to where it is cited.
fn append_list<'a>(
    body: &mut Vec<Ev<'a>>,
    order: &[String],
    uses: &[usize],
    at: Range<usize>,
    ctx: &Ctx,
    out: &mut Rendered,
) {
    let html = |s: String| (Event::Html(CowStr::from(s)), at.clone());
    body.push(html("<section class=\"references\">\n".into()));
    let h2 = Tag::Heading {
        level: HeadingLevel::H2,
        id: None,
        classes: Vec::new(),
        attrs: Vec::new(),
    };
    body.push((Event::Start(h2), at.clone()));
    let heading = ctx.strings.get("content.references").to_string();
    body.push((Event::Text(heading.into()), at.clone()));
    body.push((Event::End(TagEnd::Heading(HeadingLevel::H2)), at.clone()));
    body.push(html("<ol>\n".into()));
    for (n, key) in order.iter().enumerate() {
        let id = format!("ref:{key}");
        out.anchors.insert(id.clone());
        let back: Vec<String> = (1..=uses[n])
            .map(|k| {
                out.anchors.insert(format!("cite:{key}:{k}"));
                let num = Some(n as i64 + 1);
                let (label, mark) = match (uses[n], k) {
                    (1, _) => (
                        ctx.strings.text("content.citation-back", num, &[]),
                        "↩".to_string(),
                    ),
                    _ => (
                        ctx.strings.text("content.citation-back-nth", num, &[("k", &k.to_string())]),
                        format!("↩<sup>{k}</sup>"),
                    ),
                };
                let label = crate::html::html_escape(&label);
                format!("<a href=\"#cite:{key}:{k}\" class=\"cite-backref\" aria-label=\"{label}\">{mark}</a>")
            })
            .collect();
        body.push(html(format!(
            "<li id=\"{id}\">{} {}</li>\n",
            ctx.bib.html(key),
            back.join(" ")
        )));
        out.cites.push(key.clone());
        if let Some(v) = ctx.bib.json_ld(key) {
            out.citations.push(v);
        }
    }
    body.push(html("</ol>\n</section>\n".into()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_found_and_other_brackets_left() {
        let g = groups("See [@a] and [@b; @c-2], not [x] or [@ bad] or [@a b].");
        let keys: Vec<Vec<&str>> = g.iter().map(|(_, k)| k.clone()).collect();
        assert_eq!(keys, vec![vec!["a"], vec!["b", "c-2"]]);
        assert_eq!(g[0].0, 4..8);
    }
}
