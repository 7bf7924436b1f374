//! Images: a lone image in its paragraph becomes a numbered `<figure>` with a caption (its
//! title, else its alt text) and an id links can target; every image must have alt text and,
//! when local, an existing file, whose intrinsic size goes on the element.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::links::{encode_path, is_external, resolve};
use super::{Ctx, Ev, Figure, Rendered};
use crate::content::assets::{html_escape, inline_svg};

pub(super) fn pass<'a>(events: Vec<Ev<'a>>, ctx: &Ctx, out: &mut Rendered) -> Vec<Ev<'a>> {
    let mut result = Vec::with_capacity(events.len());
    let mut images_seen = 0usize;
    let mut i = 0;
    while i < events.len() {
        if let Some((img, end)) = lone_image(&events, i) {
            let span = events[img].1.clone();
            let html = figure(&events[img..], ctx, out, images_seen, &span);
            images_seen += 1;
            result.push((Event::Html(html.into()), span));
            i = end + 1;
            continue;
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
    src: String,
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
        return Img {
            html,
            src: dest_url.to_string(),
            alt,
            title,
        };
    }
    let path = dest_url.split(['#', '?']).next().unwrap_or("");
    let rel = resolve(ctx.folder(), path);
    if let Some(r) = &rel {
        out.images.push(r.clone());
    }
    let info = rel.as_ref().and_then(|r| ctx.images.get(r).map(|i| (r, i)));
    let Some((rel, info)) = info else {
        let exists = rel
            .as_ref()
            .is_some_and(|r| ctx.site.assets.contains_key(r));
        out.diags.push(image_not_found(ctx, span, dest_url, exists));
        return Img {
            html: String::new(),
            src: String::new(),
            alt,
            title,
        };
    };
    let html = format!(
        "<img src=\"{}{}\" alt=\"{alt_h}\" width=\"{}\" height=\"{}\"{lazy} decoding=\"async\">",
        ctx.root(),
        encode_path(rel),
        info.width,
        info.height
    );
    if inline && rel.ends_with(".svg") {
        out.svg_figures.push(rel.clone());
    }
    let html = match &info.inline_svg {
        Some(svg) if inline && !alt.is_empty() => {
            inline_svg(svg, &alt, info.width, info.height, seen)
        }
        _ => html,
    };
    Img {
        html,
        src: rel.clone(),
        alt,
        title,
    }
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
) -> String {
    let img = image(events, ctx, out, seen, span, true);
    out.figures.push(Figure {
        src: img.src.clone(),
        alt: img.alt.clone(),
    });
    let n = out.figures.len();
    let id = format!("figure-{n}");
    out.anchors.insert(id.clone());
    let caption = if img.title.trim().is_empty() {
        &img.alt
    } else {
        &img.title
    };
    format!(
        "<figure class=\"figure\" id=\"{id}\">\n{}\n<figcaption><span class=\"figure-number\">Figure {n}.</span> {}</figcaption>\n</figure>\n",
        img.html,
        html_escape(caption.trim())
    )
}
