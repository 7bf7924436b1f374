//! Images: a lone image in its paragraph becomes a numbered `<figure>` with a caption (its
//! title, else its alt text) and an id links can target; every image must have alt text and,
//! when local, an existing file, whose intrinsic size goes on the element.
//!
//! A blockquote right after a figure whose first line is `[!DESCRIPTION]` is the figure's
//! long description: a `<details>` disclosure under it, wired with `aria-describedby`
//! (other Markdown renderers show it as a quote under the image). Alt text longer than
//! [`LONG_ALT`] characters warns, pointing at that construct.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::links::{encode_path, is_external, resolve};
use super::{Ctx, Ev, Figure, Rendered};
use crate::html::{html_escape, inline_svg};

pub(super) fn pass<'a>(events: Vec<Ev<'a>>, ctx: &Ctx, out: &mut Rendered) -> Vec<Ev<'a>> {
    super::figure_media::social_override(ctx, out);
    let mut result = Vec::with_capacity(events.len());
    let mut images_seen = 0usize;
    let mut i = 0;
    while i < events.len() {
        if let Some((img, end)) = lone_image(&events, i) {
            let span = events[img].1.clone();
            let described = description_after(&events, end + 1);
            let desc_id = described
                .as_ref()
                .map(|_| format!("figure-{}-desc", out.figures.len() + 1));
            let html = figure(
                &events[img..],
                ctx,
                out,
                images_seen,
                &span,
                desc_id.as_deref(),
            );
            images_seen += 1;
            result.push((Event::Html(html.into()), span.clone()));
            i = end + 1;
            if let (Some((inner, close)), Some(id)) = (described, desc_id) {
                let open = format!(
                    "<details class=\"figure-description\">\n<summary>{}</summary>\n<div id=\"{id}\">\n",
                    html_escape(&ctx.strings.text(
                        "content.figure-description",
                        Some(out.figures.len() as i64),
                        &[]
                    ))
                );
                out.anchors.insert(id);
                result.push((Event::Html(open.into()), span.clone()));
                result.extend(inner);
                result.push((Event::Html("</div>\n</details>\n".into()), span));
                i = close + 1;
            }
            continue;
        }
        if description_after(&events, i).is_some() {
            out.diags.push(
                ctx.warning(&events[i].1, "a `[!DESCRIPTION]` quote that does not follow a figure")
                    .hint("put the long description directly after the image it describes (an image alone in its paragraph)"),
            );
        }
        if let Event::Start(Tag::Image { .. }) = &events[i].0 {
            let close = close_of(&events, i);
            let span = events[i].1.clone();
            let img = image(&events[i..=close], ctx, out, images_seen, &span, false).html;
            images_seen += 1;
            result.push((Event::InlineHtml(img.into()), span));
            i = close + 1;
            continue;
        }
        result.push(events[i].clone());
        i += 1;
    }
    super::figure_video::unused_posters(ctx, out);
    result
}

/// If a paragraph starting at `i` holds only one image: (index of its Start(Image), index of End(Paragraph)).
fn lone_image(events: &[Ev], i: usize) -> Option<(usize, usize)> {
    if !matches!(events[i].0, Event::Start(Tag::Paragraph)) {
        return None;
    }
    let blank = |e: &Event| {
        matches!(e, Event::SoftBreak) || matches!(e, Event::Text(t) if t.trim().is_empty())
    };
    let mut j = i + 1;
    while j < events.len() && blank(&events[j].0) {
        j += 1;
    }
    if !matches!(events.get(j)?.0, Event::Start(Tag::Image { .. })) {
        return None;
    }
    let mut k = close_of(events, j) + 1;
    while k < events.len() && blank(&events[k].0) {
        k += 1;
    }
    matches!(events.get(k)?.0, Event::End(TagEnd::Paragraph)).then_some((j, k))
}

/// Alt text longer than this (in characters) warns: detail belongs in a long description.
const LONG_ALT: usize = 150;

/// If `events[i]` opens a blockquote whose first line is `[!DESCRIPTION]`: its inner
/// events without that line, and the index of its End(BlockQuote).
fn description_after<'a>(events: &[Ev<'a>], i: usize) -> Option<(Vec<Ev<'a>>, usize)> {
    if !matches!(events.get(i)?.0, Event::Start(Tag::BlockQuote(None)))
        || !matches!(events.get(i + 1)?.0, Event::Start(Tag::Paragraph))
    {
        return None;
    }
    // The marker line's text events (pulldown-cmark may split `[`, `!DESCRIPTION`, `]`).
    let mut first = String::new();
    let mut j = i + 2;
    while let Some((Event::Text(t), _)) = events.get(j) {
        first.push_str(t);
        j += 1;
    }
    if !first.trim().eq_ignore_ascii_case("[!description]") {
        return None;
    }
    let mut depth = 0usize;
    let mut close = events.len() - 1;
    for (k, (e, _)) in events.iter().enumerate().skip(i) {
        match e {
            Event::Start(Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                depth -= 1;
                if depth == 0 {
                    close = k;
                    break;
                }
            }
            _ => {}
        }
    }
    let mut inner: Vec<Ev> = Vec::with_capacity(close - i);
    match events.get(j).map(|e| &e.0) {
        // The marker alone in its paragraph: drop the paragraph.
        Some(Event::End(TagEnd::Paragraph)) => j += 1,
        // The paragraph goes on after the marker line.
        Some(Event::SoftBreak | Event::HardBreak) => {
            inner.push(events[i + 1].clone());
            j += 1;
        }
        _ => inner.push(events[i + 1].clone()),
    }
    inner.extend(events[j.min(close)..close].iter().cloned());
    Some((inner, close))
}

fn close_of(events: &[Ev], start: usize) -> usize {
    let mut depth = 0;
    for (k, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

struct Img {
    html: String,
    alt: String,
    title: String,
}

/// Renders the image whose Start is `events[0]`.
fn image(
    events: &[Ev],
    ctx: &Ctx,
    out: &mut Rendered,
    seen: usize,
    span: &std::ops::Range<usize>,
    inline: bool,
) -> Img {
    let Event::Start(Tag::Image {
        dest_url, title, ..
    }) = &events[0].0
    else {
        unreachable!("image() is called on Start(Image)")
    };
    let mut alt = String::new();
    for (e, _) in &events[1..] {
        match e {
            Event::End(TagEnd::Image) => break,
            Event::Text(t) | Event::Code(t) => alt.push_str(t),
            _ => {}
        }
    }
    let alt = alt.trim().to_string();
    let alt_chars = alt.chars().count();
    if alt_chars > LONG_ALT {
        out.diags.push(
            ctx.warning(span, format!("alt text of `{dest_url}` is {alt_chars} characters long"))
                .label("alt text")
                .hint(format!(
                    "keep alt text under about {LONG_ALT} characters (what the image is); put steps, labels and detail in a long description: a `> [!DESCRIPTION]` blockquote right after the image"
                )),
        );
    }
    if alt.is_empty() {
        out.diags.push(
            ctx.error(span, format!("image `{dest_url}` has no alt text"))
                .label("alt text goes between the brackets")
                .hint(format!(
                    "describe what the image shows: ![what it shows]({dest_url})"
                )),
        );
    }
    let lazy = if seen > 0 { " loading=\"lazy\"" } else { "" };
    let (alt_h, title) = (html_escape(&alt), title.to_string());
    if is_external(dest_url) {
        let html = format!(
            "<img src=\"{}\" alt=\"{alt_h}\"{lazy} decoding=\"async\">",
            html_escape(dest_url)
        );
        return Img { html, alt, title };
    }
    let path = dest_url.split(['#', '?']).next().unwrap_or("");
    let rel = resolve(ctx.folder(), path);
    if let Some(r) = &rel {
        out.images.push(r.clone());
    }
    let info = rel.as_ref().and_then(|r| ctx.images.get(r).map(|i| (r, i)));
    let Some((rel, info)) = info else {
        let exists = rel.as_ref().is_some_and(|r| ctx.site.assets.contains(r));
        out.diags.push(image_not_found(ctx, span, dest_url, exists));
        return Img {
            html: String::new(),
            alt,
            title,
        };
    };
    if let Some(html) = super::figure_media::html(
        info,
        (rel, dest_url),
        ctx,
        out,
        span,
        &alt_h,
        seen > 0,
        inline,
    ) {
        return Img { html, alt, title };
    }
    let html = format!(
        "<img src=\"{}{}\" alt=\"{alt_h}\" width=\"{}\" height=\"{}\"{lazy} decoding=\"async\">",
        ctx.root(),
        encode_path(rel),
        info.width,
        info.height
    );
    if inline && rel.ends_with(".svg") {
        out.svg_figures.push(rel.clone());
        super::figure_media::svg_card(rel, info, ctx, out, span);
    }
    let html = match &info.inline_svg {
        Some(svg) if inline && !alt.is_empty() => {
            inline_svg(svg, &alt, info.width, info.height, seen)
        }
        _ => html,
    };
    Img { html, alt, title }
}

/// The error for an image that is missing (`exists`: present but not a readable image),
/// shared with raw HTML's `<img src>`.
pub(super) fn image_not_found(
    ctx: &Ctx,
    span: &std::ops::Range<usize>,
    dest: &str,
    exists: bool,
) -> crate::diag::Diagnostic {
    let msg = if exists {
        format!("image `{dest}` is not a readable image")
    } else {
        format!("image `{dest}` not found")
    };
    ctx.error(span, msg).hint(format!(
        "image paths are relative to the page's folder ({}); the file must be inside the content folder",
        if ctx.folder().is_empty() { "the content folder" } else { ctx.folder() }
    ))
}

fn figure(
    events: &[Ev],
    ctx: &Ctx,
    out: &mut Rendered,
    seen: usize,
    span: &std::ops::Range<usize>,
    described_by: Option<&str>,
) -> String {
    let mut img = image(events, ctx, out, seen, span, true);
    if let Some(id) = described_by {
        for tag in ["<svg", "<img", "<video"] {
            if let Some(i) = img.html.find(tag) {
                img.html
                    .insert_str(i + tag.len(), &format!(" aria-describedby=\"{id}\""));
                break;
            }
        }
    }
    out.figures.push(Figure);
    let n = out.figures.len();
    let id = format!("figure-{n}");
    out.anchors.insert(id.clone());
    let caption = if img.title.trim().is_empty() {
        &img.alt
    } else {
        &img.title
    };
    format!(
        "<figure class=\"figure\" id=\"{id}\">\n{}\n<figcaption><span class=\"figure-number\">{}</span> {}</figcaption>\n</figure>\n",
        img.html,
        html_escape(&ctx.strings.text("content.figure", Some(n as i64), &[])),
        html_escape(caption.trim())
    )
}
