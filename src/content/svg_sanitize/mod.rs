//! An author's SVG made safe to inline into every page that shows it: diagrams are often
//! downloaded from elsewhere, and inline markup runs with the page's rights.
//!
//! The file is parsed as XML (quick-xml) and written back element by element, keeping only
//! drawing elements (an allowlist), no event handler, no `<script>` or `<foreignObject>`, no
//! reference outside the file (`href` only to `#fragment`, or a data image on `<image>`;
//! `url()` only to `#fragment`), and the CSS of its `<style>` scoped to the diagram's own
//! class so it cannot restyle the page. Each removal is reported with its byte offset.
//! Editor metadata (Inkscape, Sodipodi, RDF: never drawn) is left out without a report.

use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::css_sanitize;
use crate::html::html_escape;

/// The sanitised `<svg>…</svg>` element and what was removed (byte spans of the file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Sanitized {
    /// The root element, ready to inline.
    pub(crate) svg: String,
    /// What was removed, with where.
    pub(crate) removed: Vec<(Range<usize>, String)>,
}

/// Drawing elements kept in an inlined diagram.
const ELEMENTS: &[&str] = &[
    "a",
    "animate",
    "animateMotion",
    "animateTransform",
    "circle",
    "clipPath",
    "defs",
    "desc",
    "ellipse",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
    "filter",
    "g",
    "image",
    "line",
    "linearGradient",
    "marker",
    "mask",
    "metadata",
    "mpath",
    "path",
    "pattern",
    "polygon",
    "polyline",
    "radialGradient",
    "rect",
    "set",
    "stop",
    "style",
    "svg",
    "switch",
    "symbol",
    "text",
    "textPath",
    "title",
    "tspan",
    "use",
    "view",
];

/// Namespace prefixes of editor metadata, dropped quietly.
const EDITOR: &[&str] = &["inkscape", "sodipodi", "rdf", "cc", "dc", "sketch", "serif"];

/// Sanitises the SVG file `text`; `scope` is the class its CSS is scoped to. Err is the
/// byte offset and message of an XML error: such a file is not inlined.
pub(crate) fn sanitize(text: &str, scope: &str) -> Result<Sanitized, (usize, String)> {
    let mut reader = Reader::from_str(text);
    let mut w = Writer {
        out: String::with_capacity(text.len()),
        removed: Vec::new(),
        scope,
    };
    let mut depth = 0usize;
    let mut skip = 0usize;
    let mut style: Option<(usize, String)> = None;
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| (reader.error_position() as usize, e.to_string()))?;
        match event {
            Event::Start(_) if skip > 0 => skip += 1,
            Event::End(_) if skip > 0 => skip -= 1,
            _ if skip > 0 => {}
            Event::Start(e) => {
                if depth == 0 && local(&e) != "svg" {
                    return Err((at, "the root element is not `<svg>`".into()));
                }
                match w.element(&e, at, depth == 0, false) {
                    Some(name) => {
                        depth += 1;
                        if name == "style" {
                            style = Some((reader.buffer_position() as usize, String::new()));
                        }
                    }
                    None => skip = 1,
                }
            }
            Event::Empty(e) => {
                w.element(&e, at, depth == 0, true);
                if depth == 0 {
                    break;
                }
            }
            Event::End(e) => {
                if let Some((start, css)) = style.take() {
                    w.style(&css, start);
                }
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                w.out
                    .push_str(&format!("</{}>", name.trim_start_matches("svg:")));
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            Event::Text(t) if depth > 0 => {
                let raw = t.decode().unwrap_or_default();
                match style.as_mut() {
                    Some((_, css)) => css.push_str(&unescape(&raw)),
                    None => w.out.push_str(&raw),
                }
            }
            Event::CData(c) if depth > 0 => {
                let raw = c.decode().unwrap_or_default();
                match style.as_mut() {
                    Some((_, css)) => css.push_str(&raw),
                    None => w.out.push_str(&html_escape(&raw)),
                }
            }
            Event::GeneralRef(r) if depth > 0 => {
                let name = r.decode().unwrap_or_default();
                match style.as_mut() {
                    Some((_, css)) => css.push_str(&unescape(&format!("&{name};"))),
                    None => w.out.push_str(&format!("&{name};")),
                }
            }
            Event::Eof => return Err((text.len(), "the file ends before `</svg>`".into())),
            // Prolog, comments, processing instructions: not part of the drawing.
            _ => {}
        }
    }
    Ok(Sanitized {
        svg: w.out,
        removed: w.removed,
    })
}

fn local(e: &BytesStart) -> String {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    name.strip_prefix("svg:")
        .map(str::to_string)
        .unwrap_or(name)
}

fn unescape(s: &str) -> String {
    quick_xml::escape::unescape(s).map_or_else(|_| s.to_string(), |c| c.into_owned())
}

struct Writer<'s> {
    out: String,
    removed: Vec<(Range<usize>, String)>,
    scope: &'s str,
}

impl Writer<'_> {
    fn remove(&mut self, at: usize, what: String) {
        self.removed.push((at..at + 1, what));
    }

    /// Writes a kept element's start tag and returns its name; None: removed with content.
    fn element(&mut self, e: &BytesStart, at: usize, root: bool, empty: bool) -> Option<String> {
        let name = local(e);
        if let Some((prefix, _)) = name.split_once(':') {
            if !EDITOR.contains(&prefix) {
                self.remove(at, format!("`<{name}>` (not an SVG element)"));
            }
            return None;
        }
        if !ELEMENTS.contains(&name.as_str()) {
            let why = match name.as_str() {
                "script" => "it runs script",
                "foreignObject" => "it embeds HTML, which can run script",
                _ => "not a drawing element",
            };
            self.remove(at, format!("`<{name}>` and its content ({why})"));
            return None;
        }
        let mut attrs = String::new();
        let mut class = None;
        for a in e.attributes().with_checks(false).flatten() {
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let Ok(value) = a.normalized_value(quick_xml::XmlVersion::Implicit1_0) else {
                self.remove(
                    at,
                    format!("the attribute `{key}` on `<{name}>` (an unknown entity in its value)"),
                );
                continue;
            };
            if let Some(v) = self.attribute(&name, &key, &value, at)? {
                if root && key == "class" {
                    class = Some(v);
                    continue;
                }
                attrs.push_str(&format!(" {key}=\"{}\"", html_escape(&v)));
            }
        }
        if root {
            let class = match class {
                Some(c) => format!("{c} {}", self.scope.trim_start_matches('.')),
                None => self.scope.trim_start_matches('.').to_string(),
            };
            attrs.push_str(&format!(" class=\"{class}\""));
        }
        let close = if empty { "/>" } else { ">" };
        self.out.push_str(&format!("<{name}{attrs}{close}"));
        Some(name)
    }

    /// The value an attribute keeps; Ok(None) removes the attribute, Err(()) maps to
    /// None (through `?`) for the whole element (an animation of a link's target).
    fn attribute(&mut self, el: &str, key: &str, value: &str, at: usize) -> Option<Option<String>> {
        let lower = key.to_ascii_lowercase();
        if lower.starts_with("on") {
            self.remove(at, format!("the event handler `{key}` on `<{el}>`"));
            return Some(None);
        }
        if EDITOR
            .iter()
            .any(|p| lower.starts_with(&format!("{p}:")) || lower == format!("xmlns:{p}"))
        {
            return Some(None);
        }
        if lower == "attributename" && matches!(value.trim(), "href" | "xlink:href") {
            self.remove(
                at,
                format!("`<{el}>` and its content (it animates a link target)"),
            );
            return None;
        }
        if lower == "href" || lower == "xlink:href" {
            let v = value.trim();
            let l = v.to_ascii_lowercase();
            let ok = v.starts_with('#')
                || (el == "image"
                    && ["png", "jpeg", "gif", "webp", "avif"]
                        .iter()
                        .any(|t| l.starts_with(&format!("data:image/{t}"))))
                || (el == "a"
                    && (l.starts_with("https://")
                        || l.starts_with("http://")
                        || l.starts_with("mailto:")));
            if !ok {
                let shown = v.chars().take(60).collect::<String>();
                self.remove(
                    at,
                    format!("`{key}=\"{shown}\"` on `<{el}>` (a reference outside the diagram)"),
                );
                return Some(None);
            }
            return Some(Some(v.to_string()));
        }
        if lower == "xml:base" {
            self.remove(at, format!("`xml:base` on `<{el}>`"));
            return Some(None);
        }
        if lower == "style" {
            let (css, removed) = css_sanitize::declarations(value);
            for r in removed {
                self.remove(at, format!("{} in a `style` attribute", r.what));
            }
            return Some(Some(css));
        }
        if outside_url(value) {
            self.remove(
                at,
                format!("`{key}` on `<{el}>` (its `url()` is outside the diagram)"),
            );
            return Some(None);
        }
        Some(Some(value.to_string()))
    }

    /// Writes a `<style>` element's CSS, scoped; reports what the CSS lost.
    fn style(&mut self, css: &str, start: usize) {
        let (scoped, removed) = css_sanitize::scope_stylesheet(css, self.scope);
        for r in removed {
            self.remove(
                start + r.offset.min(css.len()),
                format!("{} in `<style>`", r.what),
            );
        }
        self.out.push_str(&html_escape(&scoped));
    }
}

/// A presentation attribute (`fill`, `filter`, `mask`, …) with a `url()` not to `#fragment`.
fn outside_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.match_indices("url(").any(|(i, _)| {
        let arg = lower[i + 4..].trim_start().trim_start_matches(['"', '\'']);
        !arg.starts_with('#')
    })
}

#[cfg(test)]
mod tests;
