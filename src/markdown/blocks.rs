//! Block markup: tables in a scrollable region, fenced code highlighted at build time.
//! (Callouts are `callouts.rs`.)

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::{Ev, Rendered, highlight};

pub(super) fn pass<'a>(events: Vec<Ev<'a>>, out: &mut Rendered) -> Vec<Ev<'a>> {
    let mut result = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        match event {
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
                let info = match &kind {
                    CodeBlockKind::Fenced(info) => info.as_ref(),
                    CodeBlockKind::Indented => "",
                };
                let lang = info.split([' ', ',', '{']).next().unwrap_or("");
                out.has_code = true;
                let html = super::rust_hidden::code_block(&code, info)
                    .unwrap_or_else(|| highlight::code_block(&code, lang));
                result.push((Event::Html(html.into()), range));
            }
            e => result.push((e, range)),
        }
    }
    result
}
