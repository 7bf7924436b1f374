//! Social cards: `og:image` must be a raster (the big platforms show no SVG), so a page
//! whose first figure is an SVG diagram gets that diagram drawn onto a 1200×630 PNG with
//! resvg, in the light theme's colours.
//!
//! Diagrams take their colours from the page (`currentColor`, `var(--fig-accent, …)`),
//! which a standalone renderer cannot see: before drawing, every `var(--x[, fallback])` is
//! replaced with the default theme's light value of `--x` (else the fallback), and
//! `currentColor` with its text colour.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// Card size: what Open Graph and X/Twitter show large.
pub(crate) const WIDTH: u32 = 1200;
/// Card height.
pub(crate) const HEIGHT: u32 = 630;

const THEME_CSS: &str = include_str!("../../themes/default/static/style.css");

/// The light palette: `--name` → value, from the default theme's first `:root` block.
fn palette() -> &'static Vec<(String, String)> {
    static P: OnceLock<Vec<(String, String)>> = OnceLock::new();
    P.get_or_init(|| {
        let start = THEME_CSS.find(":root {").map_or(0, |i| i + 7);
        let end = THEME_CSS[start..].find('}').map_or(start, |i| start + i);
        THEME_CSS[start..end]
            .split(';')
            .filter_map(|decl| {
                let (k, v) = decl.split_once(':')?;
                let k = k.trim();
                k.starts_with("--")
                    .then(|| (k.to_string(), v.trim().to_string()))
            })
            .collect()
    })
}

fn colour(name: &str) -> Option<&'static str> {
    palette()
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// `svg` with the page's colours written in.
pub(crate) fn with_light_colours(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find("var(") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 4..];
        let Some(close) = after.find(')') else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let (name, fallback) = inner.split_once(',').unwrap_or((inner, ""));
        let value = colour(name.trim()).unwrap_or(fallback.trim());
        out.push_str(if value.is_empty() { "#1b2326" } else { value });
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out.replace("currentColor", colour("--text").unwrap_or("#1b2326"))
}

/// The cache key of the card drawn from `svg` (also, in 8 digits, part of its file name).
pub(crate) fn key(svg: &str) -> String {
    let hash = blake3::hash(svg.as_bytes()).to_hex();
    super::cache::key(
        &hash,
        &format!("card;{};{WIDTH}x{HEIGHT}", super::process::VERSION),
    )
}

/// The card's published path, beside the SVG.
pub(crate) fn path(rel: &str, svg: &str) -> String {
    super::markup::published_path(rel, &key(svg), "card.png")
}

fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_system_fonts();
        Arc::new(db)
    })
    .clone()
}

/// Draws `svg` (sanitised markup) centred on a 1200×630 card of the light background.
pub(crate) fn render(svg: &str) -> Result<Vec<u8>, String> {
    let opts = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&with_light_colours(svg), &opts)
        .map_err(|e| format!("could not be drawn for the social card ({e})"))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no card")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let margin = 40.0;
    let scale = ((WIDTH as f32 - 2.0 * margin) / size.width())
        .min((HEIGHT as f32 - 2.0 * margin) / size.height());
    let (dx, dy) = (
        (WIDTH as f32 - size.width() * scale) / 2.0,
        (HEIGHT as f32 - size.height() * scale) / 2.0,
    );
    resvg::render(
        &tree,
        tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, dx, dy),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("could not be encoded as the social card ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_colours_are_written_in() {
        let svg = "<path style=\"fill:var(--fig-accent,#000);stroke:var(--nope, #123456)\" stroke=\"currentColor\"/>";
        assert_eq!(
            with_light_colours(svg),
            "<path style=\"fill:#0b6e75;stroke:#123456\" stroke=\"#1b2326\"/>"
        );
    }
}
