//! QR codes for handouts (the `qrcode` crate, as inline SVG): the page's address, so a
//! printed sheet leads back to the page with its timers and full text.

use qrcode::QrCode;
use qrcode::render::svg;

/// An inline `<svg>` QR code of `url`, with its text as the accessible name (None when the
/// address is too long for a QR code).
pub(crate) fn svg(url: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(96, 96)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    let at = image.find("<svg")?;
    let label = url
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Some(
        image[at..]
            .replacen(
                "<svg",
                &format!("<svg class=\"handout-qr\" role=\"img\" aria-label=\"QR code: {label}\""),
                1,
            )
            .replacen(" version=\"1.1\"", "", 1),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_inline_svg_named_by_its_url() {
        let s = super::svg("https://example.org/guide/release/").unwrap();
        assert!(s.starts_with("<svg class=\"handout-qr\" role=\"img\" aria-label=\"QR code: https://example.org/guide/release/\""), "{s}");
        assert!(s.ends_with("</svg>") && !s.contains("<?xml"));
    }
}
