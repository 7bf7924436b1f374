//! Animated GIFs and `prefers-reduced-motion`: a GIF figure is published as it is (its
//! animation is the point), with a still PNG of its first frame that a reader who asked for
//! less motion gets instead (`<source media="(prefers-reduced-motion: reduce)">`).

use std::io::Cursor;

use image::codecs::gif::GifDecoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageEncoder, Limits};

use crate::html::html_escape;

/// Bumped when the still's making changes (part of its cache key).
pub(crate) const VERSION: &str = "gif-still-1";

/// The name of the still in its cache entry (and the end of its published name).
pub(crate) const NAME: &str = "still.png";

/// A GIF's facts, from its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Gif {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// blake3 of the file's bytes, hex.
    pub hash: String,
}

impl Gif {
    /// The still's cache key.
    pub(crate) fn key(&self) -> String {
        super::cache::key(&self.hash, VERSION)
    }
}

/// The first frame as a PNG, decoded under limits sized to the header (`max_pixels`
/// refuses a decompression bomb before anything is allocated).
pub(crate) fn render(bytes: &[u8], g: &Gif, max_pixels: u64) -> Result<Vec<u8>, String> {
    if u64::from(g.width) * u64::from(g.height) > max_pixels {
        return Err(format!(
            "is {}×{} pixels, over the limit of {} megapixels (`[images] max-megapixels`); it was not decoded",
            g.width,
            g.height,
            max_pixels / 1_000_000
        ));
    }
    let damaged = |e: image::ImageError| format!("is truncated or corrupt ({e})");
    let mut decoder = GifDecoder::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut limits = Limits::default();
    limits.max_alloc = Some(u64::from(g.width) * u64::from(g.height) * 8 + (16 << 20));
    image::ImageDecoder::set_limits(&mut decoder, limits).map_err(damaged)?;
    let first = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    let px = first.to_rgba8();
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(
            &px,
            px.width(),
            px.height(),
            image::ExtendedColorType::Rgba8,
        )
        .map_err(|e| format!("could not be re-encoded ({e})"))?;
    Ok(out)
}

/// The `<picture>` of a GIF figure: the animation, or the still for reduced motion.
pub(crate) fn html(src: &str, still: &str, g: &Gif, alt: &str, lazy: bool) -> String {
    let lazy = if lazy { " loading=\"lazy\"" } else { "" };
    format!(
        "<picture><source media=\"(prefers-reduced-motion: reduce)\" srcset=\"{}\"><img src=\"{}\" alt=\"{alt}\" width=\"{}\" height=\"{}\"{lazy} decoding=\"async\"></picture>",
        html_escape(still),
        html_escape(src),
        g.width,
        g.height
    )
}
