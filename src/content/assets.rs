//! Image facts: intrinsic size (SVG viewBox, PNG/JPEG/GIF/WebP headers) and inlinable SVG.
//!
//! Sizes go on every `<img>`/`<svg>` so nothing shifts while loading. SVGs are inlined into
//! pages because an SVG behind `<img>` cannot see the page's colours: only inline markup
//! follows `currentColor` and the theme's CSS variables when the reader toggles dark mode.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::svg_sanitize;
use crate::diag::Diagnostic;

/// SVGs larger than this are linked with `<img>` rather than inlined into every page.
const INLINE_LIMIT: usize = 200 * 1024;

/// What the renderer needs to know about an image file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImageInfo {
    /// Intrinsic width in CSS pixels.
    pub width: u32,
    /// Intrinsic height in CSS pixels.
    pub height: u32,
    /// For SVGs small enough to inline: the `<svg …>…</svg>` element, sanitised.
    pub inline_svg: Option<Arc<str>>,
    /// What sanitising the SVG removed (byte spans of the file), reported where it is a figure.
    pub svg_removed: Vec<(Range<usize>, String)>,
    /// The SVG's text, kept when it is inlined or something was removed (for the audit and
    /// the warnings' source lines).
    pub svg_text: Option<Arc<str>>,
    /// For rasters and videos: what [`crate::media::probe`] found (`None` for SVG).
    pub media: Option<crate::media::Media>,
}

/// Is this file one that can be a figure?
pub(crate) fn is_image(rel: &str) -> bool {
    let ext = rel.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "svg" | "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif"
    )
}

/// Facts of one image from its bytes.
pub(crate) fn info(rel: &str, bytes: &[u8]) -> Option<ImageInfo> {
    if rel.to_ascii_lowercase().ends_with(".svg") {
        let text = std::str::from_utf8(bytes).ok()?;
        let (start, _) = svg_bounds(text)?;
        let tag_end = text[start..].find('>')? + start;
        let (w, h) = svg_size(&text[start..tag_end])?;
        let (inline, removed) = if bytes.len() <= INLINE_LIMIT {
            sanitized(text, bytes)
        } else {
            (None, Vec::new())
        };
        let keep_text = inline.is_some() || !removed.is_empty();
        return Some(ImageInfo {
            width: w,
            height: h,
            inline_svg: inline,
            svg_text: keep_text.then(|| Arc::from(text)),
            svg_removed: removed,
            media: None,
        });
    }
    let media = crate::media::probe::probe(rel, bytes);
    let (width, height) = match &media {
        crate::media::Media::Raster(r) => (r.width, r.height),
        crate::media::Media::Video(v) => v.size.unwrap_or((0, 0)),
        crate::media::Media::Gif(g) => (g.width, g.height),
        crate::media::Media::Passthrough => {
            let size = imagesize::blob_size(bytes).ok()?;
            (size.width as u32, size.height as u32)
        }
        crate::media::Media::Bad(_) => (0, 0),
    };
    Some(ImageInfo {
        width,
        height,
        inline_svg: None,
        svg_removed: Vec::new(),
        svg_text: None,
        media: Some(media),
    })
}

/// The SVG sanitised for inlining, its CSS scoped to a class named after its content (the
/// same in a page and in the print view, where ids are rewritten); or, if it is not
/// well-formed XML, no inline markup and why.
type Removed = Vec<(Range<usize>, String)>;
fn sanitized(text: &str, bytes: &[u8]) -> (Option<Arc<str>>, Removed) {
    let scope = format!(".guide-svg-{}", &blake3::hash(bytes).to_hex()[..10]);
    match svg_sanitize::sanitize(text, &scope) {
        Ok(s) => (Some(Arc::from(s.svg)), s.removed),
        Err((at, msg)) => (
            None,
            vec![(
                at..at + 1,
                format!(
                    "not inlined: the SVG is not well-formed XML ({msg}); it is shown as an image, which cannot follow the light/dark theme"
                ),
            )],
        ),
    }
}

/// Warnings for what sanitising removed from the SVG `rel` (shown as a figure), at the
/// file's own lines.
pub(crate) fn svg_warnings(rel: &str, info: &ImageInfo, content: &Path) -> Vec<Diagnostic> {
    let Some(text) = info.svg_text.as_ref() else {
        return Vec::new();
    };
    info.svg_removed
        .iter()
        .map(|(span, what)| {
            let msg = if what.starts_with("not inlined") {
                what.clone()
            } else {
                format!("removed {what} from an inlined diagram")
            };
            Diagnostic::warning(msg)
                .at(content.join(rel), text, span.clone())
                .hint("an inlined diagram runs in the reader's page: keep it to drawing elements, `#fragment` references and CSS for the diagram itself")
        })
        .collect()
}

fn svg_bounds(text: &str) -> Option<(usize, usize)> {
    let start = text.find("<svg")?;
    let end = text.rfind("</svg>")? + "</svg>".len();
    (end > start).then_some((start, end))
}

/// Width and height from the root tag: the viewBox, else width/height attributes.
fn svg_size(tag: &str) -> Option<(u32, u32)> {
    if let Some(vb) = attr(tag, "viewBox") {
        let n: Vec<f64> = vb
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        if n.len() == 4 && n[2] > 0.0 && n[3] > 0.0 {
            return Some((n[2].round() as u32, n[3].round() as u32));
        }
    }
    let num = |v: &str| {
        v.trim_end_matches("px")
            .parse::<f64>()
            .ok()
            .filter(|x| *x > 0.0)
    };
    Some((
        num(&attr(tag, "width")?)?.round() as u32,
        num(&attr(tag, "height")?)?.round() as u32,
    ))
}

/// The value of an attribute in a start tag (simple scanner, enough for a root `<svg>`).
pub(crate) fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().last();
        let after = rest[i + name.len()..].trim_start();
        if before.is_some_and(char::is_whitespace) {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let end = v[1..].find(q)?;
                    return Some(v[1..1 + end].to_string());
                }
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::inline_svg;

    #[test]
    fn svg_viewbox_and_inline() {
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\" width=\"10\"><defs><marker id=\"a\"/></defs><path marker-end=\"url(#a)\"/></svg>\n";
        let i = info("d/x.svg", svg.as_bytes()).unwrap();
        assert_eq!((i.width, i.height), (640, 400));
        let html = inline_svg(i.inline_svg.as_deref().unwrap(), "A \"psoas\"", 640, 400, 2);
        assert!(html.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\" class=\"guide-svg-b0d5e8320d\" role=\"img\" aria-label=\"A &quot;psoas&quot;\" width=\"640\" height=\"400\""), "{html}");
        assert!(
            html.contains("id=\"f2-a\"") && html.contains("url(#f2-a)"),
            "{html}"
        );
    }

    #[test]
    fn png_header() {
        let mut png = Vec::new();
        image::ImageEncoder::write_image(
            image::codecs::png::PngEncoder::new(&mut png),
            &[0u8; 300 * 200 * 3],
            300,
            200,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
        let i = info("a.png", &png).unwrap();
        assert_eq!((i.width, i.height), (300, 200));
    }
}
