//! The markup of a figure whose file is a photo, a video or unusable, from the facts the
//! asset scan probed (see [`crate::media`]): `<picture>` with variants (a figure also links
//! to the full-size copy, for zoom), a GIF with its still for reduced motion, `<video>`
//! (see [`super::figure_video`]), or a located error naming what is supported.

use std::ops::Range;

use super::links::encode_path;
use super::{Ctx, Rendered};
use crate::content::assets::ImageInfo;
use crate::media::markup::Picture;
use crate::media::{Media, Use};

/// The HTML for a local image `rel` (written `dest`) whose file is a photo, video or
/// unusable; `None` for SVG and files published as they are (the caller's `<img>`).
#[allow(clippy::too_many_arguments)]
pub(super) fn html(
    info: &ImageInfo,
    (rel, dest): (&str, &str),
    ctx: &Ctx,
    out: &mut Rendered,
    span: &Range<usize>,
    alt_h: &str,
    lazy: bool,
    figure: bool,
) -> Option<String> {
    match info.media.as_ref()? {
        Media::Passthrough => None,
        Media::Bad(why) => {
            out.diags.push(
                ctx.error(span, format!("image `{dest}` cannot be shown: {why}"))
                    .label("this file")
                    .hint("convert it to JPEG or PNG (HEIC: most photo apps export JPEG), or to MP4 for video"),
            );
            Some(String::new())
        }
        Media::Raster(raster) => {
            let root = ctx.root();
            let p = Picture {
                root: &root,
                rel,
                raster,
                settings: ctx.media,
                alt: alt_h,
                lazy,
            };
            out.media.push(Use {
                rel: rel.to_string(),
                at: ctx.error(span, String::new()),
                card: false,
            });
            if figure && out.social.is_none() {
                out.social = Some(p.variant_near(1200, raster.format.ext()));
            }
            let picture = p.html();
            Some(if figure {
                format!(
                    "<a class=\"figure-zoom\" href=\"{}\">{picture}</a>",
                    p.full_url()
                )
            } else {
                picture
            })
        }
        Media::Video(v) => Some(super::figure_video::html(v, rel, ctx, out, span, alt_h)),
        Media::Gif(g) => {
            out.media.push(Use {
                rel: rel.to_string(),
                at: ctx.error(span, String::new()),
                card: false,
            });
            let root = ctx.root();
            let still =
                crate::media::markup::published_path(rel, &g.key(), crate::media::still::NAME);
            Some(crate::media::still::html(
                &format!("{root}{}", encode_path(rel)),
                &format!("{root}{}", encode_path(&still)),
                g,
                alt_h,
                lazy,
            ))
        }
    }
}

/// An SVG figure: the page's social card, drawn from it, if the page has none yet.
pub(super) fn svg_card(
    rel: &str,
    info: &ImageInfo,
    ctx: &Ctx,
    out: &mut Rendered,
    span: &Range<usize>,
) {
    let Some(svg) = info.inline_svg.as_deref().filter(|_| out.social.is_none()) else {
        return;
    };
    out.social = Some(crate::media::card::path(rel, svg));
    out.media.push(Use {
        rel: rel.to_string(),
        at: ctx.error(span, String::new()),
        card: true,
    });
}

/// Front matter `extra.social_image`: the page's card is that file (a photo: its ~1200 px
/// variant; an SVG: drawn as a card), or an absolute URL as written.
pub(super) fn social_override(ctx: &Ctx, out: &mut Rendered) {
    let page = &ctx.site.pages[ctx.page];
    let Some(value) = page
        .front
        .extra
        .get("social_image")
        .and_then(|v| v.as_str())
    else {
        return;
    };
    if value.starts_with("https://") || value.starts_with("http://") {
        out.social = Some(value.to_string());
        return;
    }
    // Located at the value in the front matter.
    let at = page.text.find(value).unwrap_or(0);
    let here = crate::diag::Diagnostic::error("").at(&page.shown, &page.text, at..at + value.len());
    let rel = super::links::resolve(ctx.folder(), value);
    let info = rel.as_ref().and_then(|r| ctx.images.get(r).map(|i| (r, i)));
    let Some((rel, info)) = info else {
        let mut d = here.clone();
        d.message = format!("`social_image` `{value}` is not an image of the guide");
        out.diags.push(d.hint(format!(
            "name a PNG, JPEG, WebP or SVG file relative to the page's folder ({}), or an absolute https:// URL",
            if ctx.folder().is_empty() { "the content folder" } else { ctx.folder() }
        )));
        return;
    };
    out.images.push(rel.clone());
    match info.media.as_ref() {
        Some(Media::Raster(r)) => {
            let root = ctx.root();
            let p = Picture {
                root: &root,
                rel,
                raster: r,
                settings: ctx.media,
                alt: "",
                lazy: false,
            };
            out.social = Some(p.variant_near(1200, r.format.ext()));
            out.media.push(Use {
                rel: rel.clone(),
                at: here,
                card: false,
            });
        }
        None => {
            if let Some(svg) = info.inline_svg.as_deref() {
                out.social = Some(crate::media::card::path(rel, svg));
                out.media.push(Use {
                    rel: rel.clone(),
                    at: here,
                    card: true,
                });
            }
        }
        _ => out.social = Some(rel.clone()),
    }
}
