//! The diagram audit: what axe cannot see inside an inlined SVG, checked at build time in
//! the light and the dark theme. Text must reach 4.5:1 against what is behind it (3:1 when
//! large: 24 px, or bold 18.66 px), a stroke or opaque fill that draws something 3:1
//! against what it is drawn on, and a label must stay at least 12 px tall (or the guide's
//! `diagram-label-px`) when the figure is 360 px wide (a phone).
//!
//! "Behind" a label is the nearest earlier filled shape whose box holds the label's anchor
//! point (composited, with its opacity, over what is behind it), else the figure panel.
//! Translucent fills without a stroke are shading (a region's boundary is drawn elsewhere)
//! and are not judged; a stroke laid inside a wider stroke of the same path (an outlined
//! limb) is judged against that wider stroke; paint servers (`url(#…)`) are not judged.
//! Each SVG is audited once per build, from its file, so warnings name `file.svg:line`.

mod geom;
mod palette;
mod style;

use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use self::geom::{Bbox, Matrix};
pub(crate) use self::palette::palettes;
use self::palette::{Palette, Rgb, contrast};
use self::style::{Paint, Rule, Style};
use super::assets::ImageInfo;
use crate::diag::Diagnostic;

/// Width of the narrowest figure the size check assumes (a 390 px phone, less padding).
const PHONE_WIDTH: f64 = 360.0;
/// Smallest label there, in CSS px, unless book.toml asks for more (`diagram-label-px`).
pub(crate) const MIN_LABEL_PX: f64 = 12.0;

/// One drawn element, as the audit needs it.
#[derive(Debug, Clone)]
struct Drawn {
    /// The start tag's byte span in the file.
    span: Range<usize>,
    /// How the warning names it (`<path class="f-bi">`, `label "psoas major"`).
    name: String,
    tag: String,
    /// Box in the diagram's coordinates (shapes); the anchor point for text.
    bbox: Option<Bbox>,
    anchor: (f64, f64),
    /// Path data or points, to tell an outlined stroke (same geometry, wider).
    geometry: String,
    style: Style,
    /// Font-size after transforms (text only).
    font_px: f64,
}

/// A problem found, at a byte span of the SVG.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub(crate) span: Range<usize>,
    pub(crate) message: String,
}

/// Audit warnings for the SVG `rel` (shown as a figure), when it is inlined.
pub(crate) fn warnings(
    rel: &str,
    info: &ImageInfo,
    content: &Path,
    palettes: &[Palette],
    min_label_px: f64,
) -> Vec<Diagnostic> {
    let (Some(_), Some(text)) = (&info.inline_svg, &info.svg_text) else {
        return Vec::new();
    };
    audit(text, palettes, min_label_px)
        .into_iter()
        .map(|f| {
            Diagnostic::warning(f.message)
                .at(content.join(rel), text, f.span)
                .hint("use a theme figure colour (`currentColor`, `var(--fig-accent)`, `var(--fig-muted)`, …) that keeps its contrast in both themes, or a larger font size")
        })
        .collect()
}

/// Everything wrong in one SVG's text, in document order; labels under `min_px` at a
/// 360 px wide figure are too small.
pub(crate) fn audit(text: &str, palettes: &[Palette], min_px: f64) -> Vec<Finding> {
    let Some((view_width, view, drawn)) = read(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, d) in drawn.iter().enumerate() {
        if d.tag == "text" {
            let px = d.font_px * PHONE_WIDTH / view_width;
            if px < min_px {
                out.push(Finding {
                    span: d.span.clone(),
                    message: format!(
                        "diagram {} renders at {px:.1} px when the figure is {PHONE_WIDTH} px wide (font-size {} in a viewBox {view_width} wide); labels need at least {} px",
                        d.name,
                        trim(d.font_px),
                        trim(min_px)
                    ),
                });
            }
        }
        let low: Vec<String> = palettes
            .iter()
            .filter_map(|p| judge(&drawn, i, view.as_ref(), p).map(|r| (p.name, r)))
            .map(|(theme, (ratio, _))| format!("{ratio:.2}:1 in the {theme} theme"))
            .collect();
        if !low.is_empty() {
            let need = palettes
                .iter()
                .find_map(|p| judge(&drawn, i, view.as_ref(), p))
                .map_or(0.0, |(_, need)| need);
            let what = if d.tag == "text" {
                "contrast against what is behind it"
            } else {
                "contrast against what it is drawn on"
            };
            out.push(Finding {
                span: d.span.clone(),
                message: format!(
                    "diagram {} has {what}: {}; at least {}:1 is needed",
                    d.name,
                    low.join(", "),
                    trim(need)
                ),
            });
        }
    }
    out
}

fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `Some((ratio, needed))` when element `i` is below its threshold in `p`.
fn judge(drawn: &[Drawn], i: usize, view: Option<&Bbox>, p: &Palette) -> Option<(f64, f64)> {
    let d = &drawn[i];
    let bg = background(drawn, view, p);
    if d.tag == "text" {
        let Paint::Color(c, a) = d.style.fill_paint(p) else {
            return None;
        };
        let under = backdrop(drawn, i, d.anchor, bg.1, p);
        let large = d.font_px >= 24.0 || (d.style.bold && d.font_px >= 18.66);
        let need = if large { 3.0 } else { 4.5 };
        let r = contrast(c.over(a, under), under);
        return (r < need).then_some((r, need));
    }
    if bg.0 == Some(i) {
        return None;
    }
    let (c, a, behind) = match (d.style.stroke_paint(p), d.style.fill_paint(p)) {
        (Paint::Color(c, a), _) => {
            let outline = (0..i).rev().find(|&k| {
                let o = &drawn[k];
                o.geometry == d.geometry && o.style.stroke_width > d.style.stroke_width
            });
            let behind = match outline.map(|k| drawn[k].style.stroke_paint(p)) {
                Some(Paint::Color(oc, oa)) => oc.over(oa, bg.1),
                _ => bg.1,
            };
            (c, a, behind)
        }
        (Paint::None, Paint::Color(c, a)) if a >= 1.0 => {
            (c, a, backdrop(drawn, i, d.anchor, bg.1, p))
        }
        _ => return None,
    };
    let r = contrast(c.over(a, behind), behind);
    (r < 3.0).then_some((r, 3.0))
}

/// The diagram's own background, when its first shape is an opaque rectangle covering the
/// viewBox (its index and colour), else the theme's figure panel.
fn background(drawn: &[Drawn], view: Option<&Bbox>, p: &Palette) -> (Option<usize>, Rgb) {
    let first = drawn.iter().position(|d| d.tag != "text");
    if let (Some(k), Some(v)) = (first, view) {
        let d = &drawn[k];
        if d.tag == "rect" && d.bbox.is_some_and(|b| b.covers(v)) {
            if let Paint::Color(c, a) = d.style.fill_paint(p) {
                return (Some(k), c.over(a, p.panel));
            }
        }
    }
    (None, p.panel)
}

/// The colour at `point` from the shapes drawn before index `before`.
fn backdrop(drawn: &[Drawn], before: usize, point: (f64, f64), bg: Rgb, p: &Palette) -> Rgb {
    for k in (0..before).rev() {
        let d = &drawn[k];
        if d.tag == "text" || !d.bbox.is_some_and(|b| b.contains(point)) {
            continue;
        }
        if let Paint::Color(c, a) = d.style.fill_paint(p) {
            return c.over(a, backdrop(drawn, k, point, bg, p));
        }
    }
    bg
}

/// Elements that are not drawn where they stand.
const UNDRAWN: &[&str] = &[
    "defs",
    "clipPath",
    "mask",
    "marker",
    "pattern",
    "symbol",
    "linearGradient",
    "radialGradient",
    "filter",
    "title",
    "desc",
    "metadata",
    "style",
];

/// The viewBox width, the viewBox, and the drawn elements, in order; `None` if not XML.
fn read(text: &str) -> Option<(f64, Option<Bbox>, Vec<Drawn>)> {
    let rules = style_rules(text)?;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<(String, Style, Matrix, bool)> = Vec::new();
    let mut out: Vec<Drawn> = Vec::new();
    let mut open_text: Option<usize> = None;
    let (mut width, mut view) = (640.0, None);
    loop {
        let pos = reader.buffer_position() as usize;
        let ev = reader.read_event().ok()?;
        let end = reader.buffer_position() as usize;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let tag = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                let attrs = attributes(e);
                let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
                let (parent, m, hidden) = stack
                    .last()
                    .map(|(_, s, m, h)| (s.inherit(), *m, *h))
                    .unwrap_or_default();
                let hidden = hidden || UNDRAWN.contains(&tag.as_str());
                let mut st = parent;
                st.apply(&tag, &attrs, &rules);
                let m = m.then(get("transform"));
                if tag == "svg" && stack.is_empty() {
                    if let Some(vb) =
                        get("viewBox").and_then(|v| svgtypes::ViewBox::from_str(v).ok())
                    {
                        width = vb.w;
                        view = Some(Bbox {
                            x0: vb.x,
                            y0: vb.y,
                            x1: vb.x + vb.w,
                            y1: vb.y + vb.h,
                        });
                    }
                }
                if !hidden {
                    if let Some(d) = drawn(&tag, &attrs, &st, m, pos..end) {
                        if tag == "text" && !empty {
                            open_text = Some(out.len());
                        }
                        out.push(d);
                    }
                }
                if !empty {
                    stack.push((tag, st, m, hidden));
                }
            }
            Event::Text(t) => {
                if let Some(k) = open_text {
                    let s = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                    out[k].name.push_str(&s);
                }
            }
            Event::End(e) => {
                if e.local_name().as_ref() == b"text" {
                    if let Some(k) = open_text.take() {
                        let label: String =
                            out[k].name.split_whitespace().collect::<Vec<_>>().join(" ");
                        out[k].name = format!("label `{label}`");
                    }
                }
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some((width, view, out))
}

fn drawn(
    tag: &str,
    attrs: &[(String, String)],
    st: &Style,
    m: Matrix,
    span: Range<usize>,
) -> Option<Drawn> {
    let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let num = |k: &str| get(k).and_then(first_number);
    if tag == "text" {
        let anchor = m.apply((num("x").unwrap_or(0.0), num("y").unwrap_or(0.0)));
        return Some(Drawn {
            span,
            name: String::new(),
            tag: tag.into(),
            bbox: None,
            anchor,
            geometry: String::new(),
            style: st.clone(),
            font_px: st.font_size * m.scale(),
        });
    }
    let raw = get("d").or_else(|| get("points"));
    let bbox = geom::bbox(tag, num, raw, m)?;
    let name = match (get("class"), get("id")) {
        (Some(c), _) => format!("`<{tag} class=\"{c}\">`"),
        (None, Some(id)) => format!("`<{tag} id=\"{id}\">`"),
        _ => format!("`<{tag}>`"),
    };
    let geometry: String = [
        "d",
        "points",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "width",
        "height",
        "transform",
    ]
    .iter()
    .map(|k| get(k).unwrap_or("").trim().to_string() + "|")
    .collect();
    Some(Drawn {
        span,
        name,
        tag: tag.into(),
        bbox: Some(bbox),
        anchor: ((bbox.x0 + bbox.x1) / 2.0, (bbox.y0 + bbox.y1) / 2.0),
        geometry,
        style: st.clone(),
        font_px: 0.0,
    })
}

fn first_number(v: &str) -> Option<f64> {
    v.split([' ', ','])
        .find(|s| !s.is_empty())?
        .trim_end_matches("px")
        .parse()
        .ok()
}

fn attributes(e: &BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .map(|a| {
            let k = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_default();
            (k, v)
        })
        .collect()
}

/// The rules of every `<style>` element of the file.
fn style_rules(text: &str) -> Option<Vec<Rule>> {
    let mut reader = Reader::from_str(text);
    let mut css = String::new();
    let mut inside = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == b"style" => inside = true,
            Event::End(e) if e.local_name().as_ref() == b"style" => inside = false,
            Event::Text(t) if inside => css.push_str(&t.decode().ok()?),
            Event::CData(t) if inside => css.push_str(&String::from_utf8_lossy(&t)),
            Event::Eof => break,
            _ => {}
        }
    }
    Some(style::rules(&css))
}

#[cfg(test)]
mod tests;
