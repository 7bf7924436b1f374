//! Headings: ids (slugs or `{#custom}`), de-duplicated; a table of contents; anchor links;
//! and the leading `#` heading lifted out as the page title.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use serde::Serialize;

use super::{Ev, Rendered};
use crate::content::assets::html_escape;
use crate::content::order::slugify;

/// One entry of the in-page table of contents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TocEntry {
    /// 2 or 3.
    pub level: u8,
    /// The heading's id.
    pub id: String,
    /// Plain text.
    pub title: String,
}

pub(super) fn pass<'a>(events: Vec<Ev<'a>>, out: &mut Rendered) -> Vec<Ev<'a>> {
    let mut result = Vec::with_capacity(events.len() + 8);
    let mut iter = events.into_iter().enumerate().peekable();
    while let Some((index, (event, range))) = iter.next() {
        let Event::Start(Tag::Heading { level, id, .. }) = event else {
            result.push((event, range));
            continue;
        };
        let mut inner = Vec::new();
        let mut text = String::new();
        for (_, (e, r)) in iter.by_ref() {
            if matches!(e, Event::End(TagEnd::Heading(_))) {
                break;
            }
            if let Event::Text(t) | Event::Code(t) = &e {
                text.push_str(t);
            }
            inner.push((e, r));
        }
        let text = text.trim().to_string();
        if index == 0 && level == HeadingLevel::H1 && out.h1.is_none() {
            out.h1 = Some(text);
            continue;
        }
        let base = id.map(|s| s.to_string()).unwrap_or_else(|| slugify(&text));
        let id = unique(base, out);
        let n = level as u8;
        if n == 2 || n == 3 {
            out.toc.push(TocEntry {
                level: n,
                id: id.clone(),
                title: text.clone(),
            });
        }
        let id_html = html_escape(&id);
        result.push((
            Event::Html(format!("<h{n} id=\"{id_html}\">").into()),
            range.clone(),
        ));
        result.extend(inner);
        let anchor = format!(
            " <a class=\"heading-anchor\" href=\"#{id_html}\" aria-label=\"Link to this heading: {}\">#</a></h{n}>\n",
            html_escape(&text)
        );
        result.push((Event::Html(anchor.into()), range));
    }
    result
}

/// A free id; `figure-N` is left to figures so `#figure-2` always means the figure.
fn unique(mut base: String, out: &mut Rendered) -> String {
    if base
        .strip_prefix("figure-")
        .is_some_and(|n| n.parse::<u32>().is_ok())
    {
        base.push_str("-heading");
    }
    let mut id = base.clone();
    let mut n = 1;
    while out.anchors.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    out.anchors.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use pulldown_cmark::Parser;

    fn run(md: &str) -> (String, Rendered) {
        let mut out = Rendered::default();
        let ev = Parser::new_ext(md, options()).into_offset_iter().collect();
        let ev = super::pass(ev, &mut out);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, ev.into_iter().map(|(e, _)| e));
        (html, out)
    }

    #[test]
    fn ids_toc_and_title() {
        let (html, out) =
            run("# Title\n\n## Hip flexion\n\n## Hip flexion\n\n### Custom {#mine}\n");
        assert_eq!(out.h1.as_deref(), Some("Title"));
        assert!(!html.contains("<h1"));
        assert!(html.contains("<h2 id=\"hip-flexion\">Hip flexion <a class=\"heading-anchor\" href=\"#hip-flexion\""), "{html}");
        assert!(html.contains("<h2 id=\"hip-flexion-1\">"), "{html}");
        assert!(html.contains("<h3 id=\"mine\">Custom"), "{html}");
        let ids: Vec<_> = out.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["hip-flexion", "hip-flexion-1", "mine"]);
    }
}
