//! Math: `$...$` and `$$...$$` rendered at build time to MathML, or reported when it is off.
//!
//! Math is opt-in (`[build] math = true`), as in mdBook and Zola: a `$` in prose (`$5`,
//! `$HOME`) is common in guides that have no formulas. With math on, each formula is turned
//! into MathML Core by `pulldown-latex` (no JavaScript, no web font; browsers lay it out);
//! a formula that does not parse is an error at its position, and a `$...$` that reads like
//! prose is a warning suggesting `\$`. With math off, a `$...$` that looks like TeX (a
//! `\command`, `^`, `_`, braces, or `$$`) is a warning: it is shown as written, and the
//! author learns how to have it rendered.

use pulldown_cmark::{CowStr, Event, Options, Parser};
use pulldown_latex::config::DisplayMode;
use pulldown_latex::{Parser as TexParser, RenderConfig, Storage, push_mathml};

use super::{Ctx, Ev, Rendered};

/// With math on: every math event becomes MathML (inline `<math>` or `<math display="block">`).
pub(crate) fn pass<'a>(
    events: Vec<Ev<'a>>,
    text: &str,
    ctx: &Ctx,
    out: &mut Rendered,
) -> Vec<Ev<'a>> {
    events
        .into_iter()
        .map(|(e, span)| match e {
            Event::InlineMath(tex) => {
                let digit_after = text[span.end..].starts_with(|c: char| c.is_ascii_digit());
                if reads_like_prose(&tex, digit_after) {
                    out.diags.push(
                        ctx.warning(&span, "this `$...$` was read as a formula")
                            .label("rendered as math")
                            .hint(
                                "for a literal dollar sign write `\\$` (e.g. `\\$5`); \
                                 formulas are on because book.toml sets `[build] math = true`",
                            ),
                    );
                }
                (
                    Event::InlineHtml(mathml(&tex, false, ctx, &span, out)),
                    span,
                )
            }
            Event::DisplayMath(tex) => {
                (Event::InlineHtml(mathml(&tex, true, ctx, &span, out)), span)
            }
            e => (e, span),
        })
        .collect()
}

/// MathML for one formula; on a TeX error, the error and the TeX source as code.
fn mathml<'a>(
    tex: &str,
    block: bool,
    ctx: &Ctx,
    span: &std::ops::Range<usize>,
    out: &mut Rendered,
) -> CowStr<'a> {
    let storage = Storage::new();
    let events: Vec<_> = TexParser::new(tex, &storage).collect();
    if let Some(Err(e)) = events.iter().find(|r| r.is_err()) {
        let reason = e.to_string();
        let first = reason
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("parsing error: ");
        out.diags.push(
            ctx.error(span, format!("math does not parse: {first}"))
                .label("this formula")
                .hint("math is LaTeX as KaTeX and MathJax read it, e.g. `$\\frac{a}{b}$`, `$x^2$`"),
        );
        return format!("<code>{}</code>", crate::html::html_escape(tex)).into();
    }
    let config = RenderConfig {
        display_mode: if block {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        annotation: Some(tex),
        ..RenderConfig::default()
    };
    let mut html = String::new();
    // Writing into a String cannot fail; an error here is a parse error, handled above.
    let _ = push_mathml(&mut html, events.into_iter(), config);
    html.into()
}

/// A `$...$` span that is words or money, not a formula: `$5 and 6$`, or `$5-$` of `$5-$10`
/// (a digit right after the closing dollar).
fn reads_like_prose(tex: &str, digit_after: bool) -> bool {
    !looks_like_tex(tex) && (digit_after || tex.split_whitespace().count() >= 2)
}

/// TeX markers: a backslash command, a script, a group.
fn looks_like_tex(tex: &str) -> bool {
    tex.contains(['\\', '^', '_', '{', '}', '='])
}

/// With math off: warn where the page has `$...$` that looks like a formula.
pub(crate) fn check_off(text: &str, ctx: &Ctx, out: &mut Rendered) {
    if !text.contains('$') {
        return;
    }
    let opts = super::options() | Options::ENABLE_MATH;
    for (e, span) in Parser::new_ext(text, opts).into_offset_iter() {
        let display = match &e {
            Event::DisplayMath(_) => true,
            Event::InlineMath(t) if looks_like_tex(t) => false,
            _ => continue,
        };
        let shown = if display { "`$$...$$`" } else { "`$...$`" };
        out.diags.push(
            ctx.warning(
                &span,
                format!("this looks like math ({shown}) but math is off"),
            )
            .label("shown as written")
            .hint(
                "to render formulas as MathML set `math = true` under `[build]` in book.toml; \
                     to keep the dollar signs literal write `\\$`",
            ),
        );
    }
}

/// mdBook's MathJax delimiters, `\\(...\\)` and `\\[...\\]` in the source, outside code and
/// raw HTML: (the whole span, display?). `guide import mdbook` turns them into `$` math.
pub(crate) fn mathjax_spans(text: &str, events: &[Ev]) -> Vec<(std::ops::Range<usize>, bool)> {
    if !text.contains("\\\\(") && !text.contains("\\\\[") {
        return Vec::new();
    }
    let code = code_ranges(events);
    let outside = |at: usize| !code.iter().any(|r| r.contains(&at));
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find("\\\\").map(|i| i + at) {
        let display = match text.as_bytes().get(i + 2) {
            Some(b'(') => false,
            Some(b'[') => true,
            _ => {
                at = i + 2;
                continue;
            }
        };
        let close = if display { "\\\\]" } else { "\\\\)" };
        match text[i + 3..].find(close).map(|j| j + i + 3) {
            Some(j) if outside(i) && outside(j) => {
                found.push((i..j + 3, display));
                at = j + 3;
            }
            _ => at = i + 3,
        }
    }
    found
}

/// Byte ranges of code spans, code blocks and raw HTML.
fn code_ranges(events: &[Ev]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    for (e, r) in events {
        match e {
            Event::Start(pulldown_cmark::Tag::CodeBlock(_)) => block = Some(r.start),
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                if let Some(s) = block.take() {
                    out.push(s..r.end);
                }
            }
            Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) => out.push(r.clone()),
            _ => {}
        }
    }
    out
}

/// Warns at each MathJax-delimited formula: guide reads `$` math only.
pub(crate) fn check_mathjax(text: &str, events: &[Ev], ctx: &Ctx, out: &mut Rendered) {
    for (span, display) in mathjax_spans(text, events) {
        let (was, now) = if display {
            ("`\\\\[...\\\\]`", "`$$...$$`")
        } else {
            ("`\\\\(...\\\\)`", "`$...$`")
        };
        let on = if ctx.math {
            ""
        } else {
            " and set `math = true` under `[build]` in book.toml"
        };
        out.diags.push(
            ctx.warning(
                &span,
                format!("MathJax delimiters {was} are not read as math"),
            )
            .label("shown as written")
            .hint(format!("write the formula as {now}{on}")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_and_tex_are_told_apart() {
        assert!(reads_like_prose("5 and 6", false));
        assert!(reads_like_prose("5-", true));
        assert!(!reads_like_prose("x", false));
        assert!(!reads_like_prose("x^2 + y^2", false));
        assert!(!reads_like_prose("\\frac{a}{b}", true));
        assert!(looks_like_tex("E = mc^2"));
        assert!(!looks_like_tex("5 and the block "));
    }
}
