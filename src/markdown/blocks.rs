//! Block markup: tables in a scrollable region, fenced code highlighted at build time.
//! (Callouts are `callouts.rs`.)

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::langs::{self, Lang};
use super::{Ctx, Ev, Rendered, highlight};
use crate::diag::Severity;

pub(super) fn pass<'a>(events: Vec<Ev<'a>>, ctx: &Ctx, out: &mut Rendered) -> Vec<Ev<'a>> {
    let mut result = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::Table(a)) => {
                let open = format!(
                    "<div class=\"table-wrap\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n",
                    crate::html::html_escape(ctx.strings.get("content.table"))
                );
                result.push((Event::Html(open.into()), range.clone()));
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
                if let Lang::Unknown(closest) = langs::find(lang) {
                    out.diags.push(unknown_language(ctx, &range, lang, closest));
                }
                out.has_code = true;
                let html = super::rust_hidden::code_block(&code, info, ctx.strings)
                    .unwrap_or_else(|| highlight::code_block(&code, lang));
                result.push((Event::Html(html.into()), range));
            }
            e => result.push((e, range)),
        }
    }
    result
}

/// A warning at the fence's language: the block is shown as plain text.
fn unknown_language(
    ctx: &Ctx,
    block: &std::ops::Range<usize>,
    lang: &str,
    closest: Option<String>,
) -> crate::diag::Diagnostic {
    // The fence's first line: its opening backticks or tildes, then the language.
    let at = block.start + 3;
    let mut d = ctx
        .error(
            &(at..at + lang.len()),
            format!("unknown code language `{lang}`"),
        )
        .label("shown as plain text");
    d.severity = Severity::Warning;
    match closest {
        Some(c) => d.hint(format!(
            "did you mean `{c}`? or write `text` for a block that is not code"
        )),
        None => d.hint(
            "see the languages in docs/authoring.md#markdown, or write `text` for a block that is not code",
        ),
    }
}
