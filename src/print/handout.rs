//! Handouts: a one-sheet printable card per page with steps (`handout/<page>/`), for the
//! mat beside the reader: the title, the numbered steps (holds and doses are in their text)
//! under their headings, small figures, the safety callouts (stop-if, warning, caution) and
//! a QR code back to the page when base-url is set. The landing page has none unless
//! marked; `[extra] handout = true` / `false` in front matter adds or removes one.

use super::blocks::top_level;
use super::reroot::{Fragments, one_deeper};
use crate::content::{Page, PageId, Site};
use crate::diag::Diagnostic;
use crate::markdown::{Rendered, root_prefix};
use crate::render::Renderer;
use crate::render::context::{Common, HandoutCtx, HandoutTemplate};

/// Where a page's handout is written (`handout/release/`), relative to the site root.
pub(crate) fn url(page_url: &str) -> String {
    if page_url.is_empty() {
        "handout/home/".into()
    } else {
        format!("handout/{page_url}")
    }
}

/// Does this page get a handout?
pub(crate) fn wanted(page: &Page, r: &Rendered, is_home: bool) -> bool {
    match page.front.extra.get("handout").and_then(|v| v.as_bool()) {
        Some(marked) => marked,
        None => !is_home && !r.steps.is_empty(),
    }
}

/// The pages with a handout, in reading order.
pub(crate) fn pages(site: &Site, rendered: &[&Rendered]) -> Vec<PageId> {
    site.order
        .iter()
        .copied()
        .filter(|&id| wanted(&site.pages[id], rendered[id], id == site.home))
        .collect()
}

/// Page `id`'s handout: (output path, HTML); `common(root, has_code)` is what every template
/// gets (the highlighting stylesheet only for a page with code).
pub(crate) fn render<'a>(
    (site, rendered, titles): (&Site, &[&Rendered], &[String]),
    renderer: &Renderer,
    common: &(impl Fn(String, bool) -> Common<'a> + Sync),
    base_url: Option<&str>,
    id: PageId,
) -> Result<(String, String), Diagnostic> {
    let page = &site.pages[id];
    let at = url(&page.url);
    let root = root_prefix(&at);
    let abs = base_url.map(|b| format!("{b}{}", page.url));
    let ctx = HandoutTemplate {
        common: common(root.clone(), rendered[id].has_code),
        page: HandoutCtx {
            title: &titles[id],
            url: &page.url,
            content: body(&rendered[id].html, &format!("{root}{}", page.url)),
            qr_svg: abs.as_deref().and_then(super::qr::svg),
            absolute_url: abs.clone(),
        },
    };
    let html = renderer.render("handout.html", &ctx)?;
    Ok((format!("{at}index.html"), html))
}

/// The blocks of a page body a handout keeps, re-rooted for `handout/<page>/` (one folder
/// deeper than the page): `page` is the page from there, for its own `#fragment` links.
pub(crate) fn body(html: &str, page: &str) -> String {
    let blocks = top_level(html);
    let mut out = String::new();
    // A heading prints only when something it introduces is kept.
    let mut heading: Option<&str> = None;
    for b in blocks {
        if b.starts_with("<h") && b.as_bytes().get(2).is_some_and(u8::is_ascii_digit) {
            heading = Some(b);
            continue;
        }
        let keep = b.starts_with("<ol")
            || b.starts_with("<figure class=\"figure\"")
            || ["callout-stop", "callout-warning", "callout-caution"]
                .iter()
                .any(|c| {
                    b.starts_with("<div class=\"callout")
                        && b[..b.find('>').unwrap_or(0)].contains(c)
                });
        if keep {
            if let Some(h) = heading.take() {
                out.push_str(&strip_heading_anchor(h));
                out.push('\n');
            }
            out.push_str(b);
            out.push('\n');
        }
    }
    one_deeper(&out, Fragments::ToPage(page))
}

/// A heading without its `#` self-link (a handout is read on paper).
fn strip_heading_anchor(h: &str) -> String {
    match (h.find("<a class=\"heading-anchor\""), h.rfind("</a>")) {
        (Some(a), Some(e)) if e > a => format!("{}{}", h[..a].trim_end(), &h[e + 4..]),
        _ => h.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_steps_figures_and_safety_with_their_headings() {
        let html = concat!(
            "<p>Intro <a href=\"../location/\">x</a></p>\n",
            "<h2 id=\"why\">Why <a class=\"heading-anchor\" href=\"#why\">#</a></h2>\n<p>text</p>\n",
            "<h2 id=\"do\">Do it <a class=\"heading-anchor\" href=\"#do\">#</a></h2>\n",
            "<div class=\"callout callout-warning\" role=\"note\"><p>Careful</p></div>\n",
            "<div class=\"callout callout-tip\" role=\"note\"><p>Tip</p></div>\n",
            "<figure class=\"figure\" id=\"figure-1\"><img src=\"../d/x.svg\" aria-describedby=\"figure-1-desc\" alt=\"a\"></figure>\n",
            "<ol>\n<li>See <a href=\"#why\">why</a> and <a href=\"https://e.org\">e</a></li>\n</ol>\n",
        );
        let out = body(html, "../../release/");
        assert!(!out.contains("Intro") && !out.contains("Why") && !out.contains("Tip"));
        assert!(out.contains("<h2 id=\"do\">Do it</h2>"), "{out}");
        assert!(out.contains("Careful"));
        assert!(out.contains("src=\"../../d/x.svg\"") && !out.contains("aria-describedby"));
        assert!(out.contains("href=\"../../release/#why\""), "{out}");
        assert!(out.contains("href=\"https://e.org\""));
    }
}
