//! `[images]` in book.toml: the widths and quality of published photos, and when an
//! original is big enough to warn about.
//!
//! The defaults suit the default theme: its column is about 70 characters (≈ 44rem, 700 px),
//! so 480 serves phones, 800 a desktop column, 1200/1600 the same on 2× screens (1200 is
//! also the social-card size).

use serde::Deserialize;

/// `[images]`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ImagesSection {
    /// Widths (CSS pixels of the file) each photo is published at; never wider than the original.
    #[serde(default = "default_widths")]
    pub widths: Vec<u32>,
    /// The `sizes` attribute: how wide the figure is shown, for the browser's pick.
    #[serde(default = "default_sizes")]
    pub sizes: String,
    /// JPEG and WebP quality, 1–100.
    #[serde(default = "default_quality")]
    pub quality: u8,
    /// Also publish WebP variants (smaller; the original's format stays as the fallback).
    #[serde(default = "yes")]
    pub webp: bool,
    /// Warn about an original larger than this many kilobytes (1 kB = 1000 bytes).
    #[serde(default = "default_warn_kb")]
    pub warn_kb: u64,
    /// Warn about an original whose longer side is more pixels than this.
    #[serde(default = "default_warn_pixels")]
    pub warn_pixels: u32,
    /// Refuse (error) an image of more megapixels than this: a decompression-bomb guard.
    #[serde(default = "default_max_megapixels")]
    pub max_megapixels: u32,
}

impl Default for ImagesSection {
    fn default() -> Self {
        ImagesSection {
            widths: default_widths(),
            sizes: default_sizes(),
            quality: default_quality(),
            webp: true,
            warn_kb: default_warn_kb(),
            warn_pixels: default_warn_pixels(),
            max_megapixels: default_max_megapixels(),
        }
    }
}

impl ImagesSection {
    /// What the processed files depend on besides the source bytes (the cache key's half).
    pub(crate) fn fingerprint(&self) -> String {
        format!(
            "{};w={:?};q={};webp={}",
            super::process::VERSION,
            self.widths,
            self.quality,
            self.webp
        )
    }

    /// Why these settings cannot be used (the key at fault and what is wrong), if so.
    pub(crate) fn problem(&self) -> Option<(&'static str, String)> {
        if self.widths.is_empty() {
            return Some((
                "widths",
                "`widths` is empty: give at least one width".into(),
            ));
        }
        if let Some(w) = self.widths.iter().find(|w| !(16..=8192).contains(*w)) {
            return Some(("widths", format!("width {w} is outside 16–8192 pixels")));
        }
        if !(1..=100).contains(&self.quality) {
            return Some((
                "quality",
                format!("quality {} is outside 1–100", self.quality),
            ));
        }
        if self.max_megapixels == 0 || self.max_megapixels > 1000 {
            return Some((
                "max-megapixels",
                format!("max-megapixels {} is outside 1–1000", self.max_megapixels),
            ));
        }
        None
    }

    /// The widths to publish for an original `width` pixels wide: the configured ones below
    /// it, and the original width itself when the largest configured one would upscale.
    pub(crate) fn widths_for(&self, width: u32) -> Vec<u32> {
        let mut ws: Vec<u32> = self.widths.iter().copied().filter(|w| *w < width).collect();
        ws.sort_unstable();
        ws.dedup();
        let max = self.widths.iter().copied().max().unwrap_or(width);
        if ws.is_empty() || max >= width {
            ws.push(width);
        }
        ws
    }

    /// The decompression-bomb limit in pixels.
    pub(crate) fn max_pixels(&self) -> u64 {
        u64::from(self.max_megapixels) * 1_000_000
    }
}

fn default_widths() -> Vec<u32> {
    vec![480, 800, 1200, 1600]
}
fn default_sizes() -> String {
    "(min-width: 48rem) 44rem, calc(100vw - 2rem)".into()
}
fn default_quality() -> u8 {
    80
}
fn yes() -> bool {
    true
}
fn default_warn_kb() -> u64 {
    1000
}
fn default_warn_pixels() -> u32 {
    6000
}
fn default_max_megapixels() -> u32 {
    100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        let s = ImagesSection::default();
        assert_eq!(s.widths_for(4000), vec![480, 800, 1200, 1600]);
        assert_eq!(s.widths_for(1000), vec![480, 800, 1000]);
        assert_eq!(s.widths_for(1600), vec![480, 800, 1200, 1600]);
        assert_eq!(s.widths_for(300), vec![300]);
    }
}
