//! The `<picture>` for a photo, written from probed facts alone (no decoding), so Markdown
//! renders before, and independently of, the processing that makes the files it names.
//!
//! Variant files sit beside the original, named `<stem>.<key8>.<width>.<ext>`: the key
//! changes with the photo or the settings, so a browser never shows a stale cached variant.
//! The original's own path holds the full-size copy (re-encoded, without metadata), which
//! the figure links to for zoom; no page loads it by default.

use super::config::ImagesSection;
use super::probe::{Format, Raster};
use crate::markdown::encode_path;

/// The published path of cache file `name` (`480.webp`, `full.jpg`) of photo `rel`.
pub(crate) fn published_path(rel: &str, key: &str, name: &str) -> String {
    if name.starts_with("full.") {
        return rel.to_string();
    }
    let (dir, file) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let sep = if dir.is_empty() { "" } else { "/" };
    format!("{dir}{sep}{stem}.{}.{name}", &key[..8])
}

/// What a photo's markup is built from.
pub(crate) struct Picture<'a> {
    /// Relative prefix from the page to the site root.
    pub root: &'a str,
    /// The photo's content-relative path.
    pub rel: &'a str,
    /// Its probed facts.
    pub raster: &'a Raster,
    /// `[images]`.
    pub settings: &'a ImagesSection,
    /// Alt text, already escaped.
    pub alt: &'a str,
    /// Below the page's first image: load lazily.
    pub lazy: bool,
}

impl Picture<'_> {
    /// The cache key (and, in 8 hex digits, the variants' names).
    pub(crate) fn key(&self) -> String {
        super::cache::key(&self.raster.hash, &self.settings.fingerprint())
    }

    fn url(&self, key: &str, name: &str) -> String {
        format!(
            "{}{}",
            self.root,
            encode_path(&published_path(self.rel, key, name))
        )
    }

    fn srcset(&self, key: &str, widths: &[u32], ext: &str) -> String {
        widths
            .iter()
            .map(|w| format!("{} {w}w", self.url(key, &format!("{w}.{ext}"))))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The URL of the variant nearest `want` pixels wide (for social cards).
    pub(crate) fn variant_near(&self, want: u32, ext: &str) -> String {
        let widths = self.settings.widths_for(self.raster.width);
        let w = widths
            .iter()
            .copied()
            .min_by_key(|w| w.abs_diff(want))
            .unwrap_or(self.raster.width);
        published_path(self.rel, &self.key(), &format!("{w}.{ext}"))
    }

    /// The `<picture>` element.
    pub(crate) fn html(&self) -> String {
        let key = self.key();
        let r = self.raster;
        let widths = self.settings.widths_for(r.width);
        let largest = *widths.last().unwrap_or(&r.width);
        let height = (u64::from(r.height) * u64::from(largest) / u64::from(r.width)).max(1);
        let src_w = widths
            .iter()
            .copied()
            .filter(|w| *w <= 800)
            .max()
            .unwrap_or(widths[0]);
        let ext = r.format.ext();
        let sizes = crate::html::html_escape(&self.settings.sizes);
        let source = if self.settings.webp && r.format != Format::Webp {
            format!(
                "<source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\">",
                self.srcset(&key, &widths, "webp")
            )
        } else {
            String::new()
        };
        let lazy = if self.lazy { " loading=\"lazy\"" } else { "" };
        format!(
            "<picture>{source}<img src=\"{}\" srcset=\"{}\" sizes=\"{sizes}\" alt=\"{}\" width=\"{largest}\" height=\"{height}\"{lazy} decoding=\"async\"></picture>",
            self.url(&key, &format!("{src_w}.{ext}")),
            self.srcset(&key, &widths, ext),
            self.alt,
        )
    }

    /// The full-size copy's URL (the zoom link's target).
    pub(crate) fn full_url(&self) -> String {
        format!("{}{}", self.root, encode_path(self.rel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_sit_beside_the_original() {
        assert_eq!(
            published_path("photos/beach.jpg", "0123456789ab", "480.webp"),
            "photos/beach.01234567.480.webp"
        );
        assert_eq!(
            published_path("a.png", "0123456789ab", "800.png"),
            "a.01234567.800.png"
        );
        assert_eq!(published_path("a.png", "0123456789ab", "full.png"), "a.png");
    }
}
