//! Callouts: GitHub alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`,
//! `[!CAUTION]`, any case) as `<div class="callout callout-TYPE" role="note">` with a title.
//!
//! pulldown-cmark recognises the marker only alone on its line and only the five types, so
//! quotes it leaves plain are checked here too: a custom title on the marker line
//! (`> [!WARNING] Stop if it hurts`), the aliases DANGER and ERROR (caution), INFO (note),
//! HINT (tip) and ATTENTION (warning), and an unknown type, which is an error listing the
//! valid ones. With a custom title, the type is still announced (a visually hidden prefix).

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Tag, TagEnd};

use super::{Ctx, Ev, Rendered};
use crate::html::html_escape;

/// (marker, class, key of the default title in the theme's tables), the five types first.
const TYPES: &[(&str, &str, &str)] = &[
    ("NOTE", "note", "callout.note"),
    ("TIP", "tip", "callout.tip"),
    ("IMPORTANT", "important", "callout.important"),
    ("WARNING", "warning", "callout.warning"),
    ("CAUTION", "caution", "callout.caution"),
    ("DANGER", "caution", "callout.danger"),
    ("ERROR", "caution", "callout.error"),
    ("INFO", "note", "callout.info"),
    ("HINT", "tip", "callout.hint"),
    ("ATTENTION", "warning", "callout.attention"),
];

pub(super) fn pass<'a>(
    events: Vec<Ev<'a>>,
    text: &str,
    ctx: &Ctx,
    out: &mut Rendered,
) -> Vec<Ev<'a>> {
    let mut result = Vec::with_capacity(events.len());
    let mut open: Vec<bool> = Vec::new();
    let mut iter = events.into_iter().peekable();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (_, class, key) = TYPES[known(kind)];
                let title = ctx.strings.get(key);
                result.push((Event::Html(opening(class, title, None).into()), range));
                open.push(true);
            }
            Event::Start(Tag::BlockQuote(None)) => {
                let marker = match iter.peek() {
                    Some((Event::Start(Tag::Paragraph), p)) => marker(&text[p.start..]),
                    _ => None,
                };
                // `[!DESCRIPTION]` is a figure's long description (figures.rs), not a callout.
                let marker = marker.filter(|(w, _)| !w.eq_ignore_ascii_case("description"));
                let Some((word, len)) = marker else {
                    result.push((Event::Start(Tag::BlockQuote(None)), range));
                    open.push(false);
                    continue;
                };
                let (_, class, key) = TYPES[lookup(word, &range, ctx, out)];
                let title = ctx.strings.get(key);
                let para = iter.next().expect("the peeked paragraph");
                let (title_events, rest_of_para) = first_line(&mut iter, len);
                let custom = (!title_events.is_empty()).then_some(title);
                let head = opening(class, title, custom);
                result.push((Event::Html(head.into()), range.clone()));
                if custom.is_some() {
                    result.extend(title_events);
                    result.push((Event::Html("</p>\n".into()), range));
                }
                if rest_of_para {
                    result.push(para);
                }
                open.push(true);
            }
            Event::End(TagEnd::BlockQuote(k)) => match open.pop() {
                Some(true) => result.push((Event::Html("</div>\n".into()), range)),
                _ => result.push((Event::End(TagEnd::BlockQuote(k)), range)),
            },
            e => result.push((e, range)),
        }
    }
    result
}

fn known(kind: BlockQuoteKind) -> usize {
    match kind {
        BlockQuoteKind::Note => 0,
        BlockQuoteKind::Tip => 1,
        BlockQuoteKind::Important => 2,
        BlockQuoteKind::Warning => 3,
        BlockQuoteKind::Caution => 4,
    }
}

/// The callout's opening markup up to the title's text: a custom title gets the type
/// (`kind`) as a visually hidden prefix, so it is announced.
fn opening(class: &str, title: &str, custom: Option<&str>) -> String {
    let head = format!(
        "<div class=\"callout callout-{class}\" role=\"note\">\n<p class=\"callout-title\">"
    );
    match custom {
        None => format!("{head}{}</p>\n", html_escape(title)),
        Some(kind) => format!(
            "{head}<span class=\"visually-hidden\">{}: </span>",
            html_escape(kind)
        ),
    }
}

/// `[!WORD]` at the start of a quote's first paragraph: the word and the marker's length
/// with the spaces after it. A link (`[!x](url)`, `[!x][ref]`) is not a marker.
fn marker(src: &str) -> Option<(&str, usize)> {
    let rest = src.strip_prefix("[!")?;
    let end = rest.find(']')?;
    let word = &rest[..end];
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let after = &rest[end + 1..];
    if after.starts_with(['(', '[', ':']) {
        return None;
    }
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    Some((word, 2 + end + 1 + spaces))
}

/// The index in [`TYPES`] of a marker word; an unknown one is reported (and shown as a note).
fn lookup(word: &str, range: &std::ops::Range<usize>, ctx: &Ctx, out: &mut Rendered) -> usize {
    let upper = word.to_ascii_uppercase();
    if let Some(i) = TYPES.iter().position(|t| t.0 == upper) {
        return i;
    }
    let names: Vec<&str> = TYPES.iter().map(|t| t.0).collect();
    let closest = names
        .iter()
        .map(|n| (strsim::levenshtein(n, &upper), *n))
        .filter(|(d, _)| *d <= 2)
        .min();
    let hint = match closest {
        Some((_, n)) => format!("did you mean `[!{n}]`? "),
        None => String::new(),
    };
    let span = range.start + 2..range.start + 2 + word.len() + 3;
    out.diags.push(
        ctx.error(&span, format!("unknown callout type `[!{word}]`"))
            .label("not a callout type")
            .hint(format!(
                "{hint}callouts are NOTE, TIP, IMPORTANT, WARNING and CAUTION (also DANGER, ERROR, INFO, HINT, ATTENTION)"
            )),
    );
    0
}

/// Takes the marker line's events after the marker (`skip` bytes of text): the title.
/// Returns them, and whether the paragraph goes on (its start must be kept) or ended.
fn first_line<'a>(
    iter: &mut std::iter::Peekable<impl Iterator<Item = Ev<'a>>>,
    mut skip: usize,
) -> (Vec<Ev<'a>>, bool) {
    let mut title = Vec::new();
    for (e, r) in iter.by_ref() {
        match e {
            Event::SoftBreak | Event::HardBreak => return (title, true),
            Event::End(TagEnd::Paragraph) => return (title, false),
            Event::Text(t) if skip > 0 => {
                let cut = skip.min(t.len());
                skip -= cut;
                let left = t[cut..].trim_start();
                if !left.is_empty() {
                    title.push((Event::Text(CowStr::from(left.to_string())), r));
                }
            }
            e => title.push((e, r)),
        }
    }
    (title, false)
}

#[cfg(test)]
mod tests {
    use super::marker;

    #[test]
    fn markers_and_links() {
        assert_eq!(marker("[!WARNING] Stop"), Some(("WARNING", 11)));
        assert_eq!(marker("[!note]\nbody"), Some(("note", 7)));
        assert_eq!(marker("[!x](https://example.org)"), None);
        assert_eq!(marker("[!x][ref]"), None);
        assert_eq!(marker("[!]"), None);
        assert_eq!(marker("[!NO TE]"), None);
        assert_eq!(marker("plain"), None);
    }
}
