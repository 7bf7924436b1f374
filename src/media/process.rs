//! Decoding one photo and writing its published files: EXIF orientation applied, colours
//! converted to sRGB, each width resized from the next larger one, re-encoded as WebP and
//! in the original's format.
//!
//! Re-encoding is what strips metadata: no encoder here writes EXIF, XMP, text chunks or an
//! ICC profile, so a phone photo's GPS position never reaches the site. Because the colour
//! profile is dropped too, a photo that carries one (Display P3 from phones, Adobe RGB from
//! cameras) has its pixels converted from that profile to sRGB first (moxcms), which is
//! what a browser assumes of an untagged image: colours do not shift. A profile that cannot
//! be parsed, or that is not an RGB profile (grey, CMYK), is left out and the pixels are
//! kept as decoded (so treated as sRGB). Decoding runs under [`image::Limits`] sized to the
//! probed header, after the pixel count was checked: a decompression bomb is refused
//! before anything is allocated.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageReader, Limits};

use super::config::ImagesSection;
use super::probe::{Format, Raster};

/// Bumped when the processing changes, so cached files made by older code are not used.
pub(crate) const VERSION: &str = "photos-2";

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
    let icc = decoder.icc_profile().ok().flatten();
    let mut img = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    img.apply_orientation(orientation);
    Ok(match icc {
        Some(profile) => to_srgb(img, &profile),
        None => img,
    })
}

/// The pixels converted from an embedded RGB ICC profile to sRGB (8 bits a channel, what
/// every encoder here writes); unchanged when the profile cannot be used.
pub(crate) fn to_srgb(img: DynamicImage, icc: &[u8]) -> DynamicImage {
    use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};
    let Ok(src) = ColorProfile::new_from_slice(icc) else {
        return img;
    };
    if src.color_space != DataColorSpace::Rgb {
        return img;
    }
    let srgb = ColorProfile::new_srgb();
    let alpha = img.color().has_alpha();
    let layout = if alpha { Layout::Rgba } else { Layout::Rgb };
    let Ok(t) = src.create_transform_8bit(layout, &srgb, layout, TransformOptions::default())
    else {
        return img;
    };
    let (w, h) = (img.width(), img.height());
    let pixels = if alpha {
        img.to_rgba8().into_raw()
    } else {
        img.to_rgb8().into_raw()
    };
    let mut out = vec![0u8; pixels.len()];
    if t.transform(&pixels, &mut out).is_err() {
        return img;
    }
    let converted = if alpha {
        image::RgbaImage::from_raw(w, h, out).map(DynamicImage::ImageRgba8)
    } else {
        image::RgbImage::from_raw(w, h, out).map(DynamicImage::ImageRgb8)
    };
    converted.unwrap_or(img)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_display_p3_photo_is_converted_to_srgb() {
        let p3 = moxcms::ColorProfile::new_display_p3().encode().unwrap();
        let img =
            DynamicImage::ImageRgb8(image::RgbImage::from_pixel(4, 4, image::Rgb([40, 180, 60])));
        // P3's green is wider than sRGB's: the same colour in sRGB has no red left.
        let px = *to_srgb(img.clone(), &p3).to_rgb8().get_pixel(0, 0);
        assert!(px[0] < 20 && px[1] >= 180 && px[2] < 50, "{px:?}");
        // An sRGB profile changes (almost) nothing; an unreadable one nothing at all.
        let srgb = moxcms::ColorProfile::new_srgb().encode().unwrap();
        let same = *to_srgb(img.clone(), &srgb).to_rgb8().get_pixel(0, 0);
        for (a, b) in same.0.iter().zip([40u8, 180, 60]) {
            assert!(a.abs_diff(b) <= 1, "{same:?}");
        }
        let kept = *to_srgb(img, b"not a profile").to_rgb8().get_pixel(0, 0);
        assert_eq!(kept.0, [40, 180, 60]);
    }
}
