//! After Markdown: every photo a page shows is processed once (in parallel), through the
//! in-memory memo of the last build (serve) and the on-disk [`super::cache`] (build), and
//! its files join the output. Failures are errors at the Markdown image that shows the
//! photo; an original over the size limits is a warning there, saying what was published.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::config::ImagesSection;
use super::probe::{Media, Raster};
use super::{cache, process};
use crate::content::assets::ImageInfo;
use crate::diag::Diagnostic;

/// A photo shown by a page: its content-relative path and a diagnostic located at the
/// Markdown image (its message is filled in if there is something to say).
#[derive(Debug, Clone)]
pub(crate) struct Use {
    /// The photo's content-relative path.
    pub rel: String,
    /// Located at the image; severity and message are replaced when used.
    pub at: Diagnostic,
    /// An SVG drawn as the page's social card, rather than a photo.
    pub card: bool,
}

/// Processed files by cache key, kept between builds of one session.
pub(crate) type Memo = HashMap<String, Arc<Vec<(String, Bytes)>>>;

/// What publishing the shown photos produced.
#[derive(Default)]
pub(crate) struct Published {
    /// Output path → bytes (the full-size copy replaces the original at its path).
    pub files: Vec<(String, Bytes)>,
    /// The memo for the next build: the entries this build used.
    pub memo: Memo,
    /// Photos decoded and encoded in this build.
    pub processed: usize,
    /// Photos taken from the memo or the disk cache.
    pub reused: usize,
    /// Errors and warnings, at the images.
    pub diags: Vec<Diagnostic>,
}

/// Where the sources and the cache are.
pub(crate) struct Sources<'a> {
    /// Facts of every image asset.
    pub images: &'a HashMap<String, ImageInfo>,
    /// Bytes of every asset.
    pub bytes: &'a HashMap<String, Bytes>,
    /// The project root (the cache is under it).
    pub root: &'a Path,
    /// Told how many photos there are to publish, before any (for the progress line).
    pub begin: &'a (dyn Fn(usize) + Sync),
    /// Told each time one is published.
    pub done: &'a (dyn Fn() + Sync),
}

enum Job<'a> {
    Photo(&'a Raster),
    Card(&'a str),
    Still(&'a super::still::Gif),
}

enum Outcome {
    Reused(Arc<Vec<(String, Bytes)>>),
    Made(Arc<Vec<(String, Bytes)>>),
    Failed(String),
}

/// Processes (or reuses) every photo in `uses`.
pub(crate) fn publish<'a>(
    uses: impl Iterator<Item = &'a Use>,
    src: &Sources,
    s: &ImagesSection,
    prev: &Memo,
) -> Published {
    // Each photo's first use, in path order (most pages show the same few files: hashing
    // each use is cheaper than ordering them all).
    let mut first: FxHashMap<(&str, bool), &Use> = FxHashMap::default();
    for u in uses {
        first.entry((u.rel.as_str(), u.card)).or_insert(u);
    }
    let mut first: Vec<((&str, bool), &Use)> = first.into_iter().collect();
    first.sort_unstable_by_key(|(k, _)| *k);
    let jobs: Vec<(&str, Job, &Use)> = first
        .into_iter()
        .filter_map(|((rel, card), u)| {
            let info = src.images.get(rel)?;
            match (card, info.media.as_ref()) {
                (false, Some(Media::Raster(r))) => Some((rel, Job::Photo(r), u)),
                (false, Some(Media::Gif(g))) => Some((rel, Job::Still(g), u)),
                (true, None) => Some((rel, Job::Card(info.inline_svg.as_deref()?), u)),
                _ => None,
            }
        })
        .collect();
    let dir = cache::images_dir(src.root);
    let fp = s.fingerprint();
    (src.begin)(jobs.len());
    let results: Vec<(String, Outcome)> = jobs
        .par_iter()
        .map(|(rel, job, _)| {
            let made = match job {
                Job::Photo(r) => {
                    let key = cache::key(&r.hash, &fp);
                    let outcome = one(rel, r, &key, (src, &dir), s, prev);
                    (key, outcome)
                }
                Job::Card(svg) => {
                    let key = super::card::key(svg);
                    (key.clone(), card(svg, &key, &dir, prev))
                }
                Job::Still(g) => {
                    let key = g.key();
                    (key.clone(), still(rel, g, &key, (src, &dir), s, prev))
                }
            };
            (src.done)();
            made
        })
        .collect();
    let mut out = Published::default();
    for ((rel, job, u), (key, outcome)) in jobs.iter().zip(results) {
        let files = match outcome {
            Outcome::Reused(f) => {
                out.reused += 1;
                f
            }
            Outcome::Made(f) => {
                out.processed += 1;
                f
            }
            Outcome::Failed(why) => {
                out.diags.push(failure(u, rel, &why));
                continue;
            }
        };
        if let Job::Photo(r) = job {
            if let Some(w) = size_warning(u, rel, r, &files, s) {
                out.diags.push(w);
            }
        }
        for (name, bytes) in files.iter() {
            out.files.push((
                super::markup::published_path(rel, &key, name),
                bytes.clone(),
            ));
        }
        out.memo.insert(key, files);
    }
    out
}

fn one(
    rel: &str,
    r: &Raster,
    key: &str,
    (src, dir): (&Sources, &Path),
    s: &ImagesSection,
    prev: &Memo,
) -> Outcome {
    if let Some(f) = prev.get(key) {
        return Outcome::Reused(f.clone());
    }
    let names = process::names(r, s);
    if let Some(f) = cache::load(dir, key, &names) {
        return Outcome::Reused(Arc::new(f));
    }
    let Some(bytes) = src.bytes.get(rel) else {
        return Outcome::Failed("could not be read".into());
    };
    match process::process(bytes, r, s) {
        Ok(files) => made(dir, key, files),
        Err(process::Failure(why)) => Outcome::Failed(why),
    }
}

/// A GIF's still first frame (memo, cache, else decoded).
fn still(
    rel: &str,
    g: &super::still::Gif,
    key: &str,
    (src, dir): (&Sources, &Path),
    s: &ImagesSection,
    prev: &Memo,
) -> Outcome {
    if let Some(f) = prev.get(key) {
        return Outcome::Reused(f.clone());
    }
    let names = [super::still::NAME.to_string()];
    if let Some(f) = cache::load(dir, key, &names) {
        return Outcome::Reused(Arc::new(f));
    }
    let Some(bytes) = src.bytes.get(rel) else {
        return Outcome::Failed("could not be read".into());
    };
    match super::still::render(bytes, g, s.max_pixels()) {
        Ok(png) => made(dir, key, vec![(names[0].clone(), png)]),
        Err(why) => Outcome::Failed(why),
    }
}

/// A social card drawn from an SVG (memo, cache, else resvg).
fn card(svg: &str, key: &str, dir: &Path, prev: &Memo) -> Outcome {
    if let Some(f) = prev.get(key) {
        return Outcome::Reused(f.clone());
    }
    let names = ["card.png".to_string()];
    if let Some(f) = cache::load(dir, key, &names) {
        return Outcome::Reused(Arc::new(f));
    }
    match super::card::render(svg) {
        Ok(png) => made(dir, key, vec![(names[0].clone(), png)]),
        Err(why) => Outcome::Failed(why),
    }
}

/// Files just made: stored in the disk cache under `key`, and handed on.
fn made(dir: &Path, key: &str, files: Vec<(String, Vec<u8>)>) -> Outcome {
    cache::store(dir, key, &files);
    let files = files.into_iter().map(|(n, b)| (n, Bytes::from(b)));
    Outcome::Made(Arc::new(files.collect()))
}

fn failure(u: &Use, rel: &str, why: &str) -> Diagnostic {
    let mut d = u.at.clone();
    d.severity = crate::diag::Severity::Error;
    d.message = format!("image `{rel}` {why}");
    d.label = Some("this image".into());
    d.hint = Some(format!(
        "open and re-save the file in an image editor, or replace it (supported: {})",
        super::probe::SUPPORTED
    ));
    d
}

/// The warning for an original over `warn-kb` or `warn-pixels`, saying what was published.
fn size_warning(
    u: &Use,
    rel: &str,
    r: &Raster,
    files: &[(String, Bytes)],
    s: &ImagesSection,
) -> Option<Diagnostic> {
    let big_bytes = r.bytes > s.warn_kb * 1000;
    let big_px = r.width.max(r.height) > s.warn_pixels;
    if !big_bytes && !big_px {
        return None;
    }
    let widths = s.widths_for(r.width);
    let largest = files
        .iter()
        .filter(|(n, _)| !n.starts_with("full."))
        .map(|(_, b)| b.len())
        .max()
        .unwrap_or(0);
    let full = files
        .iter()
        .find(|(n, _)| n.starts_with("full."))
        .map_or(0, |(_, b)| b.len());
    let formats = if s.webp && r.format != super::Format::Webp {
        format!("WebP and {}", r.format.ext().to_ascii_uppercase())
    } else {
        r.format.ext().to_ascii_uppercase()
    };
    let mut d = u.at.clone();
    d.severity = crate::diag::Severity::Warning;
    d.message = format!(
        "image `{rel}` is {} ({}×{} pixels): pages get {}–{} px wide {formats} variants (largest {}); the {} full-size copy, without metadata, is only linked for zoom",
        human(r.bytes as usize),
        r.width,
        r.height,
        widths[0],
        widths[widths.len() - 1],
        human(largest),
        human(full),
    );
    d.label = Some("large original".into());
    d.hint = Some(format!(
        "scale the original down (under {} kB and {} px) to keep the published copy small, or raise `warn-kb` / `warn-pixels` under `[images]` in book.toml",
        s.warn_kb, s.warn_pixels
    ));
    Some(d)
}

fn human(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
}
