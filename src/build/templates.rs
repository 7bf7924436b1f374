//! Pages through the theme's templates: each page's context (navigation, neighbours,
//! breadcrumbs, JSON-LD) and the pages whose titles it shows.

use crate::config::Config;
use crate::content::PageId;
use crate::diag::Diagnostic;
use crate::markdown::root_prefix;
use crate::render::context::{AssetsCtx, Common, LinkCtx, PageCtx, PageTemplate, SiteCtx};
use crate::render::jsonld::{self, JsonLdInput};
use crate::render::nav;

use super::assemble::{GENERATOR, Input};

fn link<'a>(input: &'a Input, titles: &'a [String], id: PageId) -> LinkCtx<'a> {
    let p = &input.site.pages[id];
    LinkCtx {
        title: &titles[id],
        url: &p.url,
        description: p.front.description.as_deref().unwrap_or(""),
    }
}

pub(super) fn page_html(
    input: &Input,
    titles: &[String],
    id: PageId,
    site_ctx: &SiteCtx,
    assets: &AssetsCtx,
) -> Result<(String, Vec<PageId>), Diagnostic> {
    let site = input.site;
    let page = &site.pages[id];
    let r = input.rendered[id];
    let base = input.cfg.book.base_url.as_deref();
    let abs = |u: &str| base.map(|b| format!("{b}{u}"));
    let ancestors = site.ancestors(id);
    let pos = site.position[id];
    let description = page
        .front
        .description
        .as_deref()
        .unwrap_or(if id == site.home {
            &input.cfg.book.description
        } else {
            ""
        });
    let image = r
        .figures
        .iter()
        .find(|f| !f.src.contains(':'))
        .map(|f| f.src.clone());
    let mut trail: Vec<(&str, Option<String>)> = ancestors
        .iter()
        .map(|&a| (titles[a].as_str(), abs(&site.pages[a].url)))
        .collect();
    trail.push((&titles[id], abs(&page.url)));
    let main_type = page
        .front
        .extra
        .get("schema_type")
        .and_then(|v| v.as_str())
        .unwrap_or("Article");
    let json_ld = jsonld::build(&JsonLdInput {
        title: &titles[id],
        description,
        site_title: &input.cfg.book.title,
        language: &input.cfg.book.language,
        authors: &input.cfg.book.authors,
        url: abs(&page.url),
        main_type,
        steps: &r.steps,
        hold_seconds: r.holds.iter().map(|h| h.1).max(),
        trail,
        image: image.as_deref().and_then(abs),
        review: input.reviews[id].as_ref(),
    });
    let words = r.text.split_whitespace().count();
    let ctx = PageTemplate {
        common: Common {
            root: root_prefix(&page.url),
            site: site_ctx,
            assets,
            search_url: "search/",
            print_url: "print/",
            generator: GENERATOR,
        },
        page: PageCtx {
            title: &titles[id],
            description,
            url: &page.url,
            content: &r.html,
            toc: &r.toc,
            is_home: id == site.home,
            is_section: page.is_section,
            children: page
                .children
                .iter()
                .map(|&c| link(input, titles, c))
                .collect(),
            breadcrumbs: ancestors.iter().map(|&a| link(input, titles, a)).collect(),
            extra: &page.front.extra,
            canonical: abs(&page.url),
            image,
            json_ld,
            review: input.reviews[id].as_ref(),
            reading_minutes: words.div_ceil(200).max(1),
            handout_url: crate::print::handout::wanted(page, r, id == site.home)
                .then(|| crate::print::handout::url(&page.url)),
            lists_children: !page.children.is_empty()
                && page
                    .children
                    .iter()
                    .all(|&c| r.links.iter().any(|l| l.target == c)),
        },
        nav: nav::build(site, titles, id),
        prev: pos
            .checked_sub(1)
            .map(|p| link(input, titles, site.order[p])),
        next: site.order.get(pos + 1).map(|&n| link(input, titles, n)),
    };
    // The pages whose titles (or descriptions) this page shows: what it depends on.
    let mut deps = ancestors.clone();
    deps.extend(&page.children);
    deps.extend(site.order.get(pos + 1));
    deps.extend(pos.checked_sub(1).map(|p| site.order[p]));
    ctx.nav.ids(&mut deps);
    let default = if page.is_section {
        "section.html"
    } else {
        "page.html"
    };
    let template = page.front.template.as_deref().unwrap_or(default);
    if !input.renderer.has(template) {
        let at = page.text.find(template).unwrap_or(0);
        return Err(
            Diagnostic::error(format!("the theme has no template `{template}`"))
                .at(&page.shown, &page.text, at..at + template.len())
                .hint("use a template of the theme's templates/ folder, such as page.html"),
        );
    }
    input
        .renderer
        .render(template, &ctx)
        .map(|html| (html, deps))
}

/// A page through its template: its id, HTML, and the pages whose titles it shows.
pub(super) type Templated = (PageId, String, Vec<PageId>);

/// Site-level context shared by every template.
pub(crate) fn site_ctx(cfg: &Config) -> SiteCtx {
    SiteCtx {
        title: cfg.book.title.clone(),
        description: cfg.book.description.clone(),
        language: cfg.book.language.clone(),
        authors: cfg.book.authors.clone(),
        base_url: cfg.book.base_url.clone(),
    }
}
