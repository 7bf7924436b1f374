//! Photos and media: what a figure's file is (probe), how it is published (responsive
//! variants, video, social cards) and the on-disk cache that makes a rebuild process nothing.
//!
//! The flow: the asset scan [`probe`]s every image or video from its header only (format,
//! oriented size, source hash; nothing decoded). Markdown writes the `<picture>` / `<video>`
//! markup from those facts alone ([`markup`]), and records each raster it shows with the
//! place it is shown. After Markdown, [`publish`] decodes, resizes and re-encodes each shown
//! raster once (in parallel, through the [`cache`]), and its errors and size warnings point
//! at the Markdown image that uses the file.

pub(crate) mod cache;
pub(crate) mod card;
pub(crate) mod config;
pub(crate) mod markup;
pub(crate) mod probe;
pub(crate) mod process;
pub(crate) mod publish;
pub(crate) mod still;
pub(crate) mod video;
pub(crate) mod webm;

pub(crate) use config::ImagesSection;
pub(crate) use probe::{Format, Media};
pub(crate) use publish::Use;
pub(crate) use publish::{Memo, Sources, publish};

/// Extensions the scan probes: images, videos, and image formats it names as unsupported.
pub(crate) fn wants_probe(rel: &str) -> bool {
    let ext = ext_of(rel);
    crate::content::assets::is_image(rel)
        || video::is_video_ext(&ext)
        || probe::UNSUPPORTED.contains(&ext.as_str())
}

/// The lower-case extension of a path (`""` when it has none).
pub(crate) fn ext_of(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match name.rfind('.') {
        Some(i) if i > 0 => name[i + 1..].to_ascii_lowercase(),
        _ => String::new(),
    }
}
