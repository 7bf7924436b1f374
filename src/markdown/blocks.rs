//! Block markup: GitHub alerts as callouts, tables in a scrollable region, fenced code
//! highlighted at build time.
//!
//! A `> [!CAUTION]` or `> [!WARNING]` callout whose text starts with "Stop if" is a stop-if
//! block (safety conditions to stop at): marked `callout-stop`, titled "Stop", and counted
//! in [`Rendered::stop_ifs`] so book.toml can require one on pages with steps or holds.

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, Tag, TagEnd};

use super::{Ev, Rendered, highlight};

pub(super) fn pass<'a>(events: Vec<Ev<'a>>, out: &mut Rendered) -> Vec<Ev<'a>> {
    let mut result = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, mut title) = callout(kind);
                let mut class = class.to_string();
                if is_stop_if(kind, iter.as_slice()) {
                    out.stop_ifs += 1;
                    class.push_str(" callout-stop");
                    title = "Stop";
                }
                let html = format!(
                    "<div class=\"callout callout-{class}\" role=\"note\">\n<p class=\"callout-title\">{title}</p>\n"
                );
                result.push((Event::Html(html.into()), range));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                result.push((Event::Html("</div>\n".into()), range))
            }
            Event::Start(Tag::Table(a)) => {
                result.push((Event::Html("<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n".into()), range.clone()));
                result.push((Event::Start(Tag::Table(a)), range));
            }
            Event::End(TagEnd::Table) => {
                result.push((Event::End(TagEnd::Table), range.clone()));
                result.push((Event::Html("</div>\n".into()), range));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut code = String::new();
                for (e, _) in iter.by_ref() {
                    match e {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) => code.push_str(&t),
                        _ => {}
                    }
                }
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                out.has_code = true;
                result.push((
                    Event::Html(highlight::code_block(&code, &lang).into()),
                    range,
                ));
            }
            e => result.push((e, range)),
        }
    }
    result
}

/// Whether the callout whose inner events are `rest` starts with "Stop if".
fn is_stop_if(kind: BlockQuoteKind, rest: &[Ev]) -> bool {
    if !matches!(kind, BlockQuoteKind::Caution | BlockQuoteKind::Warning) {
        return false;
    }
    let mut first = String::new();
    for (e, _) in rest {
        match e {
            Event::Text(t) => first.push_str(t),
            Event::End(TagEnd::Paragraph | TagEnd::BlockQuote(_)) => break,
            _ => {}
        }
        if first.len() >= 7 {
            break;
        }
    }
    first
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("stop if"))
}

fn callout(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}
