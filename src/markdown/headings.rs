//! Headings: ids (slugs or `{#custom}`), de-duplicated; a table of contents; anchor links;
//! and the leading `#` heading lifted out as the page title.
//!
//! Ids follow GitHub's rules (as mdBook's `normalize_id` does), so deep links from the web and
//! anchors of a migrated book keep working: lowercase, punctuation other than `-` and `_`
//! dropped, each space a `-`, nothing collapsed; a repeated id gets `-1`, `-2`, ... in
//! linear time (a counter per base id, not a scan from 1 each time).

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use serde::Serialize;

use super::{Ev, Rendered};
use std::collections::HashMap;

use crate::html::html_escape;

/// One entry of the in-page table of contents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct TocEntry {
    /// 2 or 3.
    pub level: u8,
    /// The heading's id.
    pub id: String,
    /// Plain text.
    pub title: String,
}

pub(super) fn pass<'a>(
    events: Vec<Ev<'a>>,
    strings: &crate::i18n::Strings,
    out: &mut Rendered,
) -> Vec<Ev<'a>> {
    let mut result = Vec::with_capacity(events.len() + 8);
    let mut iter = events.into_iter().enumerate().peekable();
    let mut next_suffix = HashMap::new();
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
        let base = id.map(|s| s.to_string()).unwrap_or_else(|| slug(&text));
        let id = unique(base, out, &mut next_suffix);
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
            " <a class=\"heading-anchor\" href=\"#{id_html}\" aria-label=\"{}\">#</a></h{n}>\n",
            html_escape(&strings.text("content.heading-link", None, &[("title", &text)]))
        );
        result.push((Event::Html(anchor.into()), range));
    }
    result
}

/// GitHub's heading slug: lowercase; letters, digits, `-` and `_` kept; each whitespace
/// character becomes `-`; everything else dropped (`Where’s the -> Operator?` gives
/// `wheres-the---operator`). A heading with nothing left gets `section`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// A free id; `figure-N` is left to figures so `#figure-2` always means the figure.
/// `next[base]` remembers the next suffix to try, so n equal headings cost O(n), not O(n²).
fn unique(mut base: String, out: &mut Rendered, next: &mut HashMap<String, usize>) -> String {
    if base
        .strip_prefix("figure-")
        .is_some_and(|n| n.parse::<u32>().is_ok())
    {
        base.push_str("-heading");
    }
    let mut id = base.clone();
    if out.anchors.contains(&id) {
        let n = next.entry(base.clone()).or_insert(1);
        loop {
            id = format!("{base}-{n}");
            *n += 1;
            if !out.anchors.contains(&id) {
                break;
            }
        }
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
        let ev = super::pass(ev, &crate::i18n::Strings::english(), &mut out);
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

    #[test]
    fn github_slugs() {
        use super::slug;
        assert_eq!(slug("Where’s the -> Operator?"), "wheres-the---operator");
        assert_eq!(slug("Hip Flexion & Co."), "hip-flexion--co");
        assert_eq!(
            slug("snake_case and kebab-case"),
            "snake_case-and-kebab-case"
        );
        assert_eq!(slug("Ünïcödé Straße"), "ünïcödé-straße");
        assert_eq!(slug("`Option<T>`: a type"), "optiont-a-type");
        assert_eq!(slug("?!"), "section");
        let (html, _) = run("## Where's the `->` Operator?\n");
        assert!(html.contains("<h2 id=\"wheres-the---operator\">"), "{html}");
    }

    #[test]
    fn duplicates_count_up_past_taken_ids() {
        // `a-1` is taken by a real heading, so the second `a` skips to `a-2` (as GitHub does).
        let (_, out) = run("## A\n\n## A 1\n\n## A\n\n## A\n\n## A-1\n");
        let ids: Vec<_> = out.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-1", "a-2", "a-3", "a-1-1"]);
    }

    #[test]
    fn many_identical_headings_get_distinct_sequential_ids() {
        // 100,000 equal headings: with a scan from 1 per heading this was quadratic
        // (20,000 took 15 s); the ids prove each got the next free suffix.
        let md = "## Step\n\n".repeat(100_000);
        let (_, out) = run(&md);
        assert_eq!(out.toc.len(), 100_000);
        assert_eq!(out.toc[0].id, "step");
        assert_eq!(out.toc[1].id, "step-1");
        assert_eq!(out.toc[99_999].id, "step-99999");
        let distinct: std::collections::HashSet<_> = out.toc.iter().map(|t| &t.id).collect();
        assert_eq!(distinct.len(), 100_000);
    }
}
