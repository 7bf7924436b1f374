//! URLs in raw HTML attributes, resolved exactly like Markdown's: `<a href="page.md#x">`
//! through the same link rewrite (page URL, checked anchor), `<img src>`, `<video poster>`,
//! `<source srcset>` and the other media attributes to the asset's path from the page's URL,
//! with the same errors when the page, anchor or file is missing.

use std::ops::Range;

use super::policy::{self, UrlKind};
use crate::markdown::links::{encode_path, is_external, resolve, rewrite as rewrite_link};
use crate::markdown::{Ctx, Rendered};

/// The script-running scheme of an attribute's URL (any candidate of a srcset), if any.
pub(super) fn script_scheme_of(kind: UrlKind, value: &str) -> Option<&'static str> {
    match kind {
        UrlKind::Link | UrlKind::Cite => policy::script_scheme(value, false),
        UrlKind::Media => policy::script_scheme(value, true),
        UrlKind::SrcSet => srcset(value)
            .iter()
            .find_map(|(_, url, _)| policy::script_scheme(url, true)),
    }
}

/// The new value of a URL attribute, or None to keep it as written (external, fragment-only,
/// or broken: then an error is pushed). `span` is the value's span (inside its quotes) in the page body.
pub(super) fn rewrite(
    kind: UrlKind,
    element: &str,
    value: &str,
    span: Range<usize>,
    ctx: &Ctx,
    out: &mut Rendered,
) -> Option<String> {
    match kind {
        UrlKind::Link => rewrite_link(value, ctx, &span, out),
        UrlKind::Media => media(value, element, &span, ctx, out),
        UrlKind::SrcSet => {
            let mut changed = false;
            let parts: Vec<String> = srcset(value)
                .into_iter()
                .map(|(at, url, desc)| {
                    let sub = span.start + at..span.start + at + url.len();
                    let url = match media(url, element, &sub, ctx, out) {
                        Some(new) => {
                            changed = true;
                            new
                        }
                        None => url.to_string(),
                    };
                    if desc.is_empty() {
                        url
                    } else {
                        format!("{url} {desc}")
                    }
                })
                .collect();
            changed.then(|| parts.join(", "))
        }
        UrlKind::Cite => None,
    }
}

/// A file the page shows: its path from the page's URL, or an error if it is missing.
fn media(
    value: &str,
    element: &str,
    span: &Range<usize>,
    ctx: &Ctx,
    out: &mut Rendered,
) -> Option<String> {
    let value = value.trim();
    if value.is_empty() || is_external(value) {
        return None;
    }
    let cut = value.find(['#', '?']).unwrap_or(value.len());
    let (path, tail) = value.split_at(cut);
    if path.is_empty() {
        return None;
    }
    let Some(rel) = resolve(ctx.folder(), path) else {
        out.diags.push(
            ctx.error(span, format!("`{value}` leaves the content folder"))
                .hint("files a page shows must be inside the content folder"),
        );
        return None;
    };
    if ctx.site.assets.contains(&rel) {
        return Some(format!("{}{}{tail}", ctx.root(), encode_path(&rel)));
    }
    let d = if element == "img" {
        crate::markdown::figures::image_not_found(ctx, span, value, false)
    } else {
        ctx.error(span, format!("`<{element}>` file `{value}` not found"))
            .label("no such file in the content folder")
            .hint(format!(
                "paths are relative to the page's folder ({}); the file must be inside the content folder",
                if ctx.folder().is_empty() { "the content folder" } else { ctx.folder() }
            ))
    };
    out.diags.push(d);
    None
}

/// The candidates of a `srcset` (HTML's parsing rules, simplified to what authors write):
/// (byte offset of the URL, URL, descriptors).
fn srcset(value: &str) -> Vec<(usize, &str, &str)> {
    let mut out = Vec::new();
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut url = &value[start..i];
        let mut desc = "";
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let d = i;
            let mut depth = 0i32;
            while i < b.len() && !(b[i] == b',' && depth == 0) {
                depth += i32::from(b[i] == b'(') - i32::from(b[i] == b')');
                i += 1;
            }
            desc = value[d..i].trim();
        }
        out.push((start, url, desc));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_candidates() {
        let v = "a.png 1x, b b.png 2x,c.png, data:image/png;base64,AA== 3x";
        let c: Vec<(&str, &str)> = srcset(v).into_iter().map(|(_, u, d)| (u, d)).collect();
        assert_eq!(
            c,
            [
                ("a.png", "1x"),
                ("b", "b.png 2x"),
                ("c.png", ""),
                ("data:image/png;base64,AA==", "3x")
            ]
        );
        assert_eq!(srcset(" x.png 480w")[0].0, 1);
    }
}
