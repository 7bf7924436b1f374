//! One fragment of raw HTML through html5gum's tokenizer (WHATWG tokenization, with spans):
//! sanitised, each kept tag re-serialised from its tokens, or, with `trust-html`, kept as
//! written with only its URL attributes replaced in place. Either way every URL attribute
//! is rewritten and checked like a Markdown link or image, and ids become link targets.

use std::ops::Range;

use html5gum::{DefaultEmitter, HtmlString, StartTag, Token, Tokenizer};

use super::policy::{self, Element};
use super::urls;
use crate::content::css_sanitize;
use crate::html::html_escape;
use crate::markdown::{Ctx, Rendered};

/// An element being removed with its content, possibly across several fragments.
#[derive(Debug, Clone)]
pub(super) struct Skip {
    pub(super) name: String,
    depth: usize,
}

/// Everything a fragment is processed against.
pub(super) struct Frag<'x, 'c> {
    pub(super) ctx: &'x Ctx<'c>,
    pub(super) out: &'x mut Rendered,
    /// Maps a byte offset of the fragment's text to the page body.
    pub(super) to_body: &'x dyn Fn(usize) -> usize,
    pub(super) trust: bool,
}

impl Frag<'_, '_> {
    fn body(&self, r: Range<usize>) -> Range<usize> {
        (self.to_body)(r.start)..(self.to_body)(r.end)
    }
    fn warn(&mut self, r: Range<usize>, msg: String) {
        let span = self.body(r);
        let d = super::warning(self.ctx, &span, msg);
        self.out.diags.push(d);
    }
}

fn s(h: &HtmlString) -> String {
    String::from_utf8_lossy(h).into_owned()
}

/// Processes one fragment; `skip` carries an element being removed into and out of it.
pub(super) fn process(html: &str, f: &mut Frag, skip: &mut Option<Skip>) -> String {
    // Continuing inside a removed `<script>`/`<style>`: a synthetic start tag puts the
    // tokenizer in the same raw-text state the browser would be in.
    let prefix = match skip {
        Some(sk) if html5gum::naive_next_state(sk.name.as_bytes()).is_some() => {
            format!("<{}>", sk.name)
        }
        _ => String::new(),
    };
    let text = format!("{prefix}{html}");
    let p = prefix.len();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut out = String::with_capacity(html.len());
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let shift = |r: html5gum::Span<usize>| r.start.saturating_sub(p)..r.end.saturating_sub(p);
    for token in Tokenizer::new_with_emitter(text.as_str(), emitter).flatten() {
        match token {
            Token::StartTag(tag) if tag.span.start < p => {}
            Token::StartTag(tag) => {
                let name = s(&tag.name);
                let span = shift(tag.span);
                if let Some(sk) = skip {
                    if sk.name == name && !tag.self_closing {
                        sk.depth += 1;
                    }
                } else if f.trust {
                    edits.extend(trusted_tag(&name, &tag, html, p, f));
                } else {
                    start_tag(&name, &tag, html, p, span, f, skip, &mut out);
                }
            }
            Token::EndTag(tag) => {
                let name = s(&tag.name);
                if let Some(sk) = skip {
                    if sk.name == name {
                        sk.depth -= 1;
                        if sk.depth == 0 {
                            *skip = None;
                        }
                    }
                } else if !f.trust
                    && policy::element(&name) == Element::Keep
                    && !policy::is_void(&name)
                {
                    out.push_str(&format!("</{name}>"));
                }
            }
            Token::String(t) if skip.is_none() && !f.trust => {
                out.push_str(&html_escape(&s(&t.value)));
            }
            Token::Doctype(d) if skip.is_none() && !f.trust => {
                f.warn(shift(d.span), "removed a `<!DOCTYPE>` from raw HTML".into());
            }
            Token::Error(e) if e.value == html5gum::Error::EofInTag => {
                f.warn(
                    shift(e.span),
                    "unfinished HTML tag (no `>`): removed".into(),
                );
            }
            // Comments are not shown either way; sanitised output leaves them out.
            _ => {}
        }
    }
    if f.trust {
        return apply(html, edits);
    }
    out
}

/// A tag to keep (its allowed attributes, its URLs rewritten) or to remove, with a warning.
#[allow(clippy::too_many_arguments)]
fn start_tag(
    name: &str,
    tag: &StartTag<usize>,
    html: &str,
    p: usize,
    span: Range<usize>,
    f: &mut Frag,
    skip: &mut Option<Skip>,
    out: &mut String,
) {
    match policy::element(name) {
        Element::DropWithContent => {
            f.warn(
                span,
                format!("removed `<{name}>` and its content from raw HTML"),
            );
            let closes_itself = tag.self_closing && matches!(name, "svg" | "math");
            if !closes_itself && !policy::is_void(name) {
                *skip = Some(Skip {
                    name: name.to_string(),
                    depth: 1,
                });
            }
        }
        Element::DropTag => f.warn(
            span,
            format!("removed the tag `<{name}>` from raw HTML (its content is kept)"),
        ),
        Element::Keep => {
            out.push('<');
            out.push_str(name);
            for (key, value, attr_span) in attributes(tag, p) {
                if let Some(v) = kept_attribute(name, &key, value, html, attr_span, f) {
                    out.push(' ');
                    out.push_str(&key);
                    if !v.is_empty() {
                        out.push_str(&format!("=\"{}\"", html_escape(&v)));
                    }
                }
            }
            out.push('>');
            check_alt(name, tag, span, f);
        }
    }
}

/// The value an attribute keeps, or None (removed, with a warning).
fn kept_attribute(
    el: &str,
    key: &str,
    value: String,
    html: &str,
    span: Range<usize>,
    f: &mut Frag,
) -> Option<String> {
    if key.starts_with("on") {
        f.warn(
            span,
            format!("removed the event handler `{key}` from `<{el}>`"),
        );
        return None;
    }
    if !policy::attribute_allowed(el, key) {
        f.warn(
            span,
            format!("removed the attribute `{key}` from `<{el}>`: not allowed in raw HTML"),
        );
        return None;
    }
    if let Some(kind) = policy::url_kind(el, key) {
        let (inner, _) = value_span(html, span.clone());
        if let Some(scheme) = urls::script_scheme_of(kind, &value) {
            f.warn(
                span,
                format!("removed `{key}` from `<{el}>`: a `{scheme}` URL can run script"),
            );
            return None;
        }
        let new = urls::rewrite(kind, el, &value, f.body(inner), f.ctx, f.out);
        return Some(new.unwrap_or(value));
    }
    if key == "style" {
        let (css, removed) = css_sanitize::declarations(&value);
        for r in removed {
            f.warn(
                span.clone(),
                format!("removed {} from a `style` attribute", r.what),
            );
        }
        return Some(css);
    }
    if key == "id" || (key == "name" && el == "a") {
        f.out.anchors.insert(value.clone());
    }
    Some(value)
}

/// With `trust-html`: the URL attributes' new values, in place; ids noted; alt text checked.
fn trusted_tag(
    name: &str,
    tag: &StartTag<usize>,
    html: &str,
    p: usize,
    f: &mut Frag,
) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    for (key, value, span) in attributes(tag, p) {
        if key == "id" || (key == "name" && name == "a") {
            f.out.anchors.insert(value.clone());
        }
        let Some(kind) = policy::url_kind(name, &key) else {
            continue;
        };
        let (inner, outer) = value_span(html, span);
        if let Some(new) = urls::rewrite(kind, name, &value, f.body(inner), f.ctx, f.out) {
            edits.push((outer, format!("\"{}\"", html_escape(&new))));
        }
    }
    let span = tag.span.start.saturating_sub(p)..tag.span.end.saturating_sub(p);
    check_alt(name, tag, span, f);
    edits
}

/// A raw `<img>` needs alt text like a Markdown image; `alt=""` marks it decorative.
fn check_alt(name: &str, tag: &StartTag<usize>, span: Range<usize>, f: &mut Frag) {
    if name != "img" || tag.attributes.contains_key(b"alt".as_slice()) {
        return;
    }
    let src = tag
        .attributes
        .get(b"src".as_slice())
        .map(|v| s(&v.value))
        .unwrap_or_default();
    let body = f.body(span);
    let d = f
        .ctx
        .error(&body, format!("image `{src}` has no alt text"))
        .label("this <img> has no alt attribute")
        .hint("describe what the image shows in alt=\"…\", or write alt=\"\" if it is only decoration");
    f.out.diags.push(d);
}

/// Attributes in source order: (name, value, span in the fragment).
fn attributes(tag: &StartTag<usize>, p: usize) -> Vec<(String, String, Range<usize>)> {
    let mut v: Vec<_> = tag
        .attributes
        .iter()
        .map(|(k, a)| {
            let span = a.span.start.saturating_sub(p)..a.span.end.saturating_sub(p);
            (s(k), s(&a.value), span)
        })
        .collect();
    v.sort_by_key(|(_, _, span)| span.start);
    v
}

/// The span of an attribute's value inside `name=value`: (without, with its quotes).
fn value_span(html: &str, attr: Range<usize>) -> (Range<usize>, Range<usize>) {
    let end = attr.end.min(html.len());
    let seg = &html[attr.start.min(end)..end];
    let Some(eq) = seg.find('=') else {
        return (end..end, end..end);
    };
    let after = &seg[eq + 1..];
    let lead = after.len() - after.trim_start().len();
    let start = attr.start + eq + 1 + lead;
    let rest = &html[start..end];
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => match rest[1..].find(q) {
            Some(close) => (start + 1..start + 1 + close, start..start + close + 2),
            None => (start + 1..end, start..end),
        },
        _ => {
            let len = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(rest.len());
            (start..start + len, start..start + len)
        }
    }
}

/// Applies replacements (sorted, non-overlapping) to a fragment.
fn apply(html: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(html.len() + 32 * edits.len());
    let mut pos = 0;
    for (r, new) in edits {
        if r.start < pos || r.end > html.len() {
            continue;
        }
        out.push_str(&html[pos..r.start]);
        out.push_str(&new);
        pos = r.end;
    }
    out.push_str(&html[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_spans() {
        let h = r#"<a href="x.md" title='t' data-x=y>"#;
        assert_eq!(&h[value_span(h, 3..14).1], "\"x.md\"");
        assert_eq!(&h[value_span(h, 3..14).0], "x.md");
        assert_eq!(&h[value_span(h, 15..24).1], "'t'");
        assert_eq!(&h[value_span(h, 25..34).0], "y");
        assert_eq!(
            apply(h, vec![(value_span(h, 3..14).1, "\"../x/\"".into())]),
            r#"<a href="../x/" title='t' data-x=y>"#
        );
    }
}
