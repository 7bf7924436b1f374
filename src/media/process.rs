//! Decoding one photo and writing its published files: EXIF orientation applied, each width
//! resized from the next larger one, re-encoded as WebP and in the original's format.
//!
//! Re-encoding is what strips metadata: no encoder here writes EXIF, XMP or text chunks, so
//! a phone photo's GPS position never reaches the site. Only the colour profile is carried
//! over (JPEG, PNG) so colours do not shift. Decoding runs under [`image::Limits`] sized to
//! the probed header, after the pixel count was checked: a decompression bomb is refused
//! before anything is allocated.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageReader, Limits};

use super::config::ImagesSection;
use super::probe::{Format, Raster};

/// Bumped when the processing changes, so cached files made by older code are not used.
pub(crate) const VERSION: &str = "photos-1";

/// Quality of the full-size copy linked for zoom.
const FULL_QUALITY: u8 = 90;

/// A processed file: its name in the cache entry (`480.webp`, `full.jpg`) and bytes.
pub(crate) type File = (String, Vec<u8>);

/// Why a photo could not be processed (a sentence that follows "image `x` ").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure(pub String);

/// The names of the files [`process`] writes for a raster, in order: variants, then `full`.
pub(crate) fn names(r: &Raster, s: &ImagesSection) -> Vec<String> {
    let mut out = Vec::new();
    for w in s.widths_for(r.width) {
        if s.webp && r.format != Format::Webp {
            out.push(format!("{w}.webp"));
        }
        out.push(format!("{w}.{}", r.format.ext()));
    }
    out.push(format!("full.{}", r.format.ext()));
    out
}

/// Decodes, orients, resizes and re-encodes one photo.
pub(crate) fn process(bytes: &[u8], r: &Raster, s: &ImagesSection) -> Result<Vec<File>, Failure> {
    let pixels = u64::from(r.width) * u64::from(r.height);
    if pixels > s.max_pixels() {
        return Err(Failure(format!(
            "is {}×{} pixels ({} megapixels), over the limit of {} megapixels (`[images] max-megapixels`); it was not decoded",
            r.width,
            r.height,
            pixels / 1_000_000,
            s.max_megapixels
        )));
    }
    if r.format == Format::Jpeg && !jpeg_complete(bytes) {
        return Err(Failure(
            "is truncated or corrupt (its image data ends before the JPEG end-of-image marker)"
                .into(),
        ));
    }
    let img = decode(bytes, r)?;
    let mut out = Vec::new();
    let widths = s.widths_for(img.width());
    let mut current = img.clone();
    let mut variants = Vec::new();
    for &w in widths.iter().rev() {
        if w < current.width() {
            let h = ((u64::from(img.height()) * u64::from(w)) / u64::from(img.width())).max(1);
            current = current.resize_exact(w, h as u32, FilterType::CatmullRom);
        }
        let mut files = Vec::new();
        if s.webp && r.format != Format::Webp {
            files.push((
                format!("{w}.webp"),
                encode(&current, Format::Webp, s.quality)?,
            ));
        }
        files.push((
            format!("{w}.{}", r.format.ext()),
            encode(&current, r.format, s.quality)?,
        ));
        variants.push(files);
    }
    for files in variants.into_iter().rev() {
        out.extend(files);
    }
    out.push((
        format!("full.{}", r.format.ext()),
        encode(&img, r.format, FULL_QUALITY)?,
    ));
    Ok(out)
}

/// Whether a JPEG's segments lead to an end-of-image marker. The decoder fills a cut-off
/// file with grey silently, so a truncated photo must be caught here. Segments are walked by
/// their lengths (an EXIF thumbnail inside APP1 is skipped whole); inside scan data a 0xFF
/// is followed by 0x00 (stuffing) or a restart marker unless a new segment starts.
pub(crate) fn jpeg_complete(b: &[u8]) -> bool {
    let mut i = 2;
    while i + 1 < b.len() {
        if b[i] != 0xFF {
            return false;
        }
        let marker = b[i + 1];
        match marker {
            0xD9 => return true,
            0xFF => i += 1,
            0x01 | 0xD0..=0xD7 => i += 2,
            _ => {
                let Some(len) = b
                    .get(i + 2..i + 4)
                    .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
                else {
                    return false;
                };
                i += 2 + len;
                if marker == 0xDA {
                    // Entropy-coded data: up to the next marker that is not stuffing or RSTn.
                    while i + 1 < b.len()
                        && (b[i] != 0xFF || matches!(b[i + 1], 0x00 | 0xD0..=0xD7))
                    {
                        i += 1;
                    }
                }
            }
        }
    }
    false
}

fn decode(bytes: &[u8], r: &Raster) -> Result<DynamicImage, Failure> {
    let damaged = |e: image::ImageError| Failure(format!("is truncated or corrupt ({e})"));
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| Failure(format!("cannot be read ({e})")))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(r.width.max(r.height));
    limits.max_image_height = Some(r.width.max(r.height));
    // RGBA, 16 bits a channel, twice over (decode buffer and conversion).
    limits.max_alloc = Some(u64::from(r.width) * u64::from(r.height) * 16 + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    img.apply_orientation(orientation);
    Ok(img)
}

fn encode(img: &DynamicImage, format: Format, quality: u8) -> Result<Vec<u8>, Failure> {
    let failed = |e: image::ImageError| Failure(format!("could not be re-encoded ({e})"));
    let mut buf = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb = img.to_rgb8();
            JpegEncoder::new_with_quality(&mut buf, quality)
                .write_image(
                    &rgb,
                    rgb.width(),
                    rgb.height(),
                    image::ExtendedColorType::Rgb8,
                )
                .map_err(failed)?;
        }
        Format::Png => {
            let enc = PngEncoder::new(Cursor::new(&mut buf));
            if img.color().has_alpha() {
                let px = img.to_rgba8();
                enc.write_image(
                    &px,
                    px.width(),
                    px.height(),
                    image::ExtendedColorType::Rgba8,
                )
            } else {
                let px = img.to_rgb8();
                enc.write_image(&px, px.width(), px.height(), image::ExtendedColorType::Rgb8)
            }
            .map_err(failed)?;
        }
        Format::Webp => {
            let mem = if img.color().has_alpha() {
                let px = img.to_rgba8();
                webp::Encoder::from_rgba(&px, px.width(), px.height()).encode(f32::from(quality))
            } else {
                let px = img.to_rgb8();
                webp::Encoder::from_rgb(&px, px.width(), px.height()).encode(f32::from(quality))
            };
            buf.extend_from_slice(&mem);
        }
    }
    Ok(buf)
}
