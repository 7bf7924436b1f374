//! What an image or video file is, from its header alone: format, size after EXIF
//! orientation, whether it has alpha, and a hash of its bytes (the cache key's half).
//!
//! Nothing is decoded here, so a decompression bomb costs nothing yet: its claimed size is
//! known and refused before any pixel is allocated ([`super::process`] decodes with limits).

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat, ImageReader, metadata::Orientation};

/// Image formats named in the "not supported" error (the scan looks at them only for that).
pub(crate) const UNSUPPORTED: [&str; 7] = ["heic", "heif", "tif", "tiff", "bmp", "jxl", "psd"];

/// What the figure code and the publisher know about a media file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Media {
    /// A photo or raster drawing published as responsive variants.
    Raster(Raster),
    /// An image published as it is: AVIF (no decoder here).
    Passthrough,
    /// A GIF, published as it is (animation would be lost), with a still first frame for
    /// readers who ask for reduced motion.
    Gif(super::still::Gif),
    /// A video file.
    Video(super::video::Video),
    /// The file cannot be shown: why, for the error at the figure.
    Bad(String),
}

/// A raster image's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Raster {
    /// Width as shown (EXIF orientation applied).
    pub width: u32,
    /// Height as shown.
    pub height: u32,
    /// The file's real format (from its bytes, not its name).
    pub format: Format,
    /// Whether the pixels have an alpha channel.
    pub alpha: bool,
    /// blake3 of the file's bytes, hex.
    pub hash: String,
    /// The file's size in bytes.
    pub bytes: u64,
}

/// Raster formats that are decoded and re-encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// JPEG: fallback variants are JPEG.
    Jpeg,
    /// PNG: fallback variants are PNG.
    Png,
    /// WebP: variants are WebP only.
    Webp,
}

impl Format {
    /// The file extension of variants in this format.
    pub(crate) fn ext(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }
}

/// The formats a figure can be, for messages.
pub(crate) const SUPPORTED: &str = "PNG, JPEG, WebP, GIF, AVIF and SVG images; MP4 and WebM videos";

/// Probes a file by extension and header.
pub(crate) fn probe(rel: &str, bytes: &[u8]) -> Media {
    let ext = super::ext_of(rel);
    if super::video::is_video_ext(&ext) {
        return super::video::probe(&ext, bytes);
    }
    if UNSUPPORTED.contains(&ext.as_str()) {
        return Media::Bad(format!(
            "{} images are not supported (supported: {SUPPORTED})",
            ext.to_ascii_uppercase()
        ));
    }
    match ext.as_str() {
        "gif" => match imagesize::blob_size(bytes) {
            Ok(size) if bytes.starts_with(b"GIF8") => Media::Gif(super::still::Gif {
                width: size.width as u32,
                height: size.height as u32,
                hash: blake3::hash(bytes).to_hex().to_string(),
            }),
            _ => Media::Bad("it is not a readable GIF file".into()),
        },
        "avif" => match imagesize::blob_size(bytes) {
            Ok(_) => Media::Passthrough,
            Err(_) => Media::Bad(format!(
                "it is not a readable {} file",
                ext.to_ascii_uppercase()
            )),
        },
        _ => raster(&ext, bytes),
    }
}

fn raster(ext: &str, bytes: &[u8]) -> Media {
    let reader = match ImageReader::new(Cursor::new(bytes)).with_guessed_format() {
        Ok(r) => r,
        Err(e) => return Media::Bad(format!("it cannot be read ({e})")),
    };
    let format = match reader.format() {
        Some(ImageFormat::Jpeg) => Format::Jpeg,
        Some(ImageFormat::Png) => Format::Png,
        Some(ImageFormat::WebP) => Format::Webp,
        Some(other) => {
            return Media::Bad(format!(
                "its name says {} but its bytes are {}: rename or convert it (supported: {SUPPORTED})",
                ext.to_ascii_uppercase(),
                format!("{other:?}").to_ascii_uppercase()
            ));
        }
        None => {
            return Media::Bad(format!(
                "its bytes are not a known image format (supported: {SUPPORTED})"
            ));
        }
    };
    let mut decoder = match reader.into_decoder() {
        Ok(d) => d,
        Err(e) => return Media::Bad(format!("its header is damaged ({e})")),
    };
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Media::Bad(format!("its header claims a size of {w}×{h} pixels"));
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (width, height) = if swaps(orientation) { (h, w) } else { (w, h) };
    Media::Raster(Raster {
        width,
        height,
        format,
        alpha: decoder.color_type().has_alpha(),
        hash: blake3::hash(bytes).to_hex().to_string(),
        bytes: bytes.len() as u64,
    })
}

/// Whether an orientation turns the image a quarter (width and height trade places).
pub(crate) fn swaps(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}
