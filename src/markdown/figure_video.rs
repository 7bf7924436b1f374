//! A video figure's markup and its companions: the poster (front matter `[extra.posters]`,
//! else a photo named like the video beside it), the captions track (`clip.vtt` beside it,
//! labelled in the page's language), and a warning when the file's size cannot be read.

use std::ops::Range;

use super::links::{encode_path, resolve};
use super::{Ctx, Rendered};
use crate::diag::Diagnostic;
use crate::media::markup::Picture;
use crate::media::video::{self, Video, VideoMarkup};
use crate::media::{Media, Use};

/// The `<video>` of video `rel`, shown at `span`.
pub(super) fn html(
    v: &Video,
    rel: &str,
    ctx: &Ctx,
    out: &mut Rendered,
    span: &Range<usize>,
    alt_h: &str,
) -> String {
    let root = ctx.root();
    out.videos.push(rel.to_string());
    if v.size.is_none() {
        out.diags.push(
            ctx.warning(span, format!("video `{rel}`: its width and height could not be read from its header"))
                .label("this video")
                .hint("the page may shift while the video loads; re-export it (MP4 or WebM) with a standard encoder so its header names its size"),
        );
    }
    let stem = rel.rsplit_once('.').map_or(rel, |(s, _)| s);
    let beside = |ext: &str| {
        let p = format!("{stem}.{ext}");
        ctx.site.assets.contains(&p).then_some(p)
    };
    let poster = match chosen_poster(ctx, rel, out) {
        Some(p) => Some(p),
        None => ["jpg", "jpeg", "png", "webp"]
            .iter()
            .find_map(|e| beside(e))
            .map(|p| (p, ctx.error(span, String::new()))),
    };
    let poster = poster.and_then(|(p, at)| poster_url(ctx, out, &p, at));
    let track = beside("vtt").map(|t| format!("{root}{}", encode_path(&t)));
    let src = format!("{root}{}", encode_path(rel));
    let lang = ctx.strings.lang.clone();
    video::html(&VideoMarkup {
        src: &src,
        alt: alt_h,
        video: v,
        poster,
        track: track.map(|url| video::Track {
            url,
            lang,
            label: ctx.strings.get("lang.name").to_string(),
        }),
    })
}

/// A poster is a photo like any other: published as a variant, without its metadata. The
/// variant near 800 px; a GIF or AVIF as it is.
fn poster_url(ctx: &Ctx, out: &mut Rendered, p: &str, at: Diagnostic) -> Option<String> {
    let root = ctx.root();
    out.images.push(p.to_string());
    match ctx.images.get(p)?.media.as_ref() {
        Some(Media::Raster(r)) => {
            out.media.push(Use {
                rel: p.to_string(),
                at,
                card: false,
            });
            let pic = Picture {
                root: &root,
                rel: p,
                raster: r,
                settings: ctx.media,
                alt: "",
                lazy: false,
            };
            Some(format!(
                "{root}{}",
                encode_path(&pic.variant_near(800, r.format.ext()))
            ))
        }
        Some(Media::Passthrough) => Some(format!("{root}{}", encode_path(p))),
        _ => None,
    }
}

/// The page's `[extra.posters]` table: video path → poster path, both as written.
fn posters<'a>(ctx: &'a Ctx) -> Option<&'a serde_json::Map<String, serde_json::Value>> {
    ctx.site.pages[ctx.page]
        .front
        .extra
        .get("posters")
        .and_then(|v| v.as_object())
}

/// A diagnostic at `needle`'s first place in the page file (front matter values).
fn at_text(ctx: &Ctx, needle: &str, message: String, warning: bool) -> Diagnostic {
    let page = &ctx.site.pages[ctx.page];
    let at = page.text.find(needle).unwrap_or(0);
    let d = if warning {
        Diagnostic::warning(message)
    } else {
        Diagnostic::error(message)
    };
    d.at(&page.shown, &page.text, at..at + needle.len())
}

/// The front matter's poster for video `rel`, if it names one: (content-relative path,
/// where it is written). A poster that is not a photo of the guide is an error there.
fn chosen_poster(ctx: &Ctx, rel: &str, out: &mut Rendered) -> Option<(String, Diagnostic)> {
    let (_, value) = posters(ctx)?
        .iter()
        .find(|(k, _)| resolve(ctx.folder(), k).as_deref() == Some(rel))?;
    let Some(value) = value.as_str() else {
        out.diags.push(at_text(ctx, "posters", format!("the poster of `{rel}` in `[extra.posters]` is not a string"), false)
            .hint("write the poster's path as a string: \"media/clip.mp4\" = \"media/clip-start.jpg\""));
        return None;
    };
    let path = resolve(ctx.folder(), value);
    let usable = path
        .as_ref()
        .and_then(|p| ctx.images.get(p))
        .is_some_and(|i| matches!(i.media, Some(Media::Raster(_)) | Some(Media::Passthrough)));
    let here = at_text(ctx, value, String::new(), false);
    if !usable {
        let mut d = here;
        d.message = format!("the poster `{value}` of video `{rel}` is not a photo of the guide");
        out.diags.push(d.label("poster").hint(format!(
            "name a PNG, JPEG, WebP, GIF or AVIF file relative to the page's folder ({})",
            if ctx.folder().is_empty() {
                "the content folder"
            } else {
                ctx.folder()
            }
        )));
        return None;
    }
    path.map(|p| (p, here))
}

/// After the page's figures: a `[extra.posters]` entry for a video the page does not show
/// is a warning at its key (a typo would otherwise lose the poster silently).
pub(super) fn unused_posters(ctx: &Ctx, out: &mut Rendered) {
    let Some(table) = posters(ctx) else {
        return;
    };
    for key in table.keys() {
        let rel = resolve(ctx.folder(), key);
        if rel.as_ref().is_some_and(|r| out.videos.contains(r)) {
            continue;
        }
        let mut shown: Vec<&str> = out.videos.iter().map(String::as_str).collect();
        shown.dedup();
        let hint = match strsim_closest(key, &shown) {
            Some(c) => {
                format!("did you mean `{c}`? (keys are video paths relative to the page's folder)")
            }
            None => "keys are the paths of the page's video figures, relative to the page's folder"
                .into(),
        };
        out.diags.push(
            at_text(
                ctx,
                key,
                format!(
                    "`[extra.posters]` names `{key}`, which is not a video figure of this page"
                ),
                true,
            )
            .label("no such video figure")
            .hint(hint),
        );
    }
}

fn strsim_closest<'a>(key: &str, names: &[&'a str]) -> Option<&'a str> {
    names
        .iter()
        .map(|n| (strsim::jaro_winkler(key, n), *n))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}
