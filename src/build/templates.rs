//! Pages through the theme's templates (in parallel): each page's context (navigation,
//! neighbours, breadcrumbs, JSON-LD), and the pages whose titles it shows, recorded as the
//! context names them so the plan never has to guess.

use std::cell::RefCell;
use std::collections::HashSet;

use rayon::prelude::*;

use super::input::{GENERATOR, Input};
use crate::content::PageId;
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::root_prefix;
use crate::output::write::Stage;
use crate::render::context::{
    AssetsCtx, Common, Fallback, LangLink, LinkCtx, PageCtx, PageTemplate, SiteCtx,
};
use crate::render::jsonld::{self, JsonLdInput};
use crate::render::nav;

/// A page through its template: its id, HTML, and the pages whose titles it shows.
pub(super) type Templated = (PageId, String, Vec<PageId>);

/// Renders the pages `todo`; a template error shared by many pages is reported once. With
/// a `stage`, each page is written there as soon as it is rendered and comes back without
/// its HTML or what it shows (a one-shot build keeps neither).
pub(super) fn render(
    input: &Input,
    titles: &[String],
    todo: &[PageId],
    (site_ctx, assets): (&SiteCtx, &AssetsCtx),
    stage: Option<&Stage>,
) -> Result<Vec<Templated>, Diagnostics> {
    let results: Vec<Result<Templated, Diagnostic>> = todo
        .par_iter()
        .map(|&id| {
            let (html, deps) = page_html(input, titles, id, site_ctx, assets)?;
            super::progress::page_done();
            match stage {
                Some(s) => {
                    s.put(&input.output_path(id), html.as_bytes())?;
                    Ok((id, String::new(), Vec::new()))
                }
                None => Ok((id, html, deps)),
            }
        })
        .collect();
    let mut diags = Diagnostics::new();
    let mut seen = HashSet::new();
    let mut pages = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(t) => pages.push(t),
            Err(d) => {
                if seen.insert((d.message.clone(), d.location())) {
                    diags.push(d);
                }
            }
        }
    }
    if diags.is_empty() {
        Ok(pages)
    } else {
        Err(diags)
    }
}

/// What a page names of other pages: every title or description it shows goes through here,
/// so the list of pages it depends on is exactly what it shows.
struct Shown<'a> {
    input: &'a Input<'a>,
    titles: &'a [String],
    ids: RefCell<Vec<PageId>>,
}

impl<'a> Shown<'a> {
    fn title(&self, id: PageId) -> &'a str {
        self.ids.borrow_mut().push(id);
        &self.titles[id]
    }

    fn link(&self, id: PageId) -> LinkCtx<'a> {
        let p = &self.input.site.pages[id];
        LinkCtx {
            title: self.title(id),
            url: &p.url,
            description: p.front.description.as_deref().unwrap_or(""),
        }
    }
}

/// The page at `url` in every language of the guide, relative to this language's page.
fn language_links(cfg: &crate::config::Config, url: &str) -> Vec<LangLink> {
    let Some(t) = &cfg.translation else {
        return Vec::new();
    };
    let up = if t.current().prefix.is_empty() {
        ""
    } else {
        "../"
    };
    let to_site = format!("{}{up}", root_prefix(url));
    t.languages
        .iter()
        .enumerate()
        .map(|(i, l)| LangLink {
            code: l.code.clone(),
            name: l.name.clone(),
            href: format!("{to_site}{}{url}", l.prefix),
            absolute: t
                .site_base
                .as_ref()
                .map(|b| format!("{b}{}{url}", l.prefix)),
            current: i == t.current,
        })
        .collect()
}

/// The note of a page not yet translated (its file is the default language's).
fn fallback(cfg: &crate::config::Config, shown: &std::path::Path) -> Option<Fallback> {
    let t = cfg.translation.as_ref()?;
    let (_, from) = t.fallback.as_ref()?;
    shown.starts_with(from).then(|| Fallback {
        language: t.current().name.clone(),
        original: t.languages[0].name.clone(),
        original_code: t.languages[0].code.clone(),
    })
}

fn page_html(
    input: &Input,
    titles: &[String],
    id: PageId,
    site_ctx: &SiteCtx,
    assets: &AssetsCtx,
) -> Result<(String, Vec<PageId>), Diagnostic> {
    let (site, cfg) = (input.site, input.cfg);
    let page = &site.pages[id];
    let r = input.rendered[id];
    let assets = &for_page(assets, r.has_code);
    let shown = Shown {
        input,
        titles,
        ids: RefCell::new(Vec::new()),
    };
    let abs = |u: &str| cfg.book.base_url.as_deref().map(|b| format!("{b}{u}"));
    let ancestors = site.ancestors(id);
    let pos = site.position[id];
    let home_description = if id == site.home {
        cfg.book.description.as_str()
    } else {
        ""
    };
    let description = page
        .front
        .description
        .as_deref()
        .unwrap_or(home_description);
    // A raster: a photo's variant or an SVG drawn as a card (see crate::media).
    let image = r.social.clone();
    let json_ld = json_ld(input, &shown, id, (description, image.as_deref()));
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
            children: page.children.iter().map(|&c| shown.link(c)).collect(),
            breadcrumbs: ancestors.iter().map(|&a| shown.link(a)).collect(),
            extra: &page.front.extra,
            canonical: abs(&page.url),
            image,
            json_ld,
            review: input.reviews[id].as_ref(),
            handout_url: crate::print::handout::wanted(page, r, id == site.home)
                .then(|| crate::print::handout::url(&page.url)),
            lists_children: !page.children.is_empty()
                && page
                    .children
                    .iter()
                    .all(|&c| r.links.iter().any(|l| l.target == c)),
            reading_minutes: r.text.split_whitespace().count().div_ceil(200).max(1),
            languages: language_links(cfg, &page.url),
            fallback: fallback(cfg, &page.shown),
        },
        nav: nav::build(site, titles, id),
        prev: pos.checked_sub(1).map(|p| shown.link(site.order[p])),
        next: site.order.get(pos + 1).map(|&n| shown.link(n)),
    };
    let mut deps = shown.ids.take();
    ctx.nav.ids(&mut deps);
    let template = template_of(input, id)?;
    input
        .renderer
        .render(template, &ctx)
        .map(|html| (html, deps))
}

/// The assets a page's head links: the highlighting stylesheet only when the page has code
/// (it is render-blocking; two thirds of a typical guide's pages have none).
pub(super) fn for_page(assets: &AssetsCtx, has_code: bool) -> std::borrow::Cow<'_, AssetsCtx> {
    if has_code || assets.highlight_css.is_none() {
        std::borrow::Cow::Borrowed(assets)
    } else {
        std::borrow::Cow::Owned(AssetsCtx {
            highlight_css: None,
            ..assets.clone()
        })
    }
}

/// The page's structured data: its title, its trail of ancestors, steps, hold and review.
fn json_ld(
    input: &Input,
    shown: &Shown,
    id: PageId,
    (description, image): (&str, Option<&str>),
) -> String {
    let (site, cfg) = (input.site, input.cfg);
    let page = &site.pages[id];
    let r = input.rendered[id];
    let abs = |u: &str| cfg.book.base_url.as_deref().map(|b| format!("{b}{u}"));
    let mut trail: Vec<(&str, Option<String>)> = site
        .ancestors(id)
        .iter()
        .map(|&a| (shown.title(a), abs(&site.pages[a].url)))
        .collect();
    trail.push((&shown.titles[id], abs(&page.url)));
    let main_type = page
        .front
        .extra
        .get("schema_type")
        .and_then(|v| v.as_str())
        .unwrap_or("Article");
    jsonld::build(&JsonLdInput {
        title: &shown.titles[id],
        description,
        site_title: &cfg.book.title,
        language: &cfg.book.language,
        authors: &cfg.book.authors,
        url: abs(&page.url),
        main_type,
        steps: &r.steps,
        hold_seconds: r.holds.iter().map(|h| h.1).max(),
        trail,
        image: image.and_then(abs),
        review: input.reviews[id].as_ref(),
        citations: &r.citations,
    })
}

/// The template page `id` asks for (front matter `template`, else page.html or
/// section.html), or an error at the key when the theme has no such template.
fn template_of<'a>(input: &'a Input, id: PageId) -> Result<&'a str, Diagnostic> {
    let page = &input.site.pages[id];
    let default = if page.is_section {
        "section.html"
    } else {
        "page.html"
    };
    let template = page.front.template.as_deref().unwrap_or(default);
    if input.renderer.has(template) {
        return Ok(template);
    }
    let at = page.text.find(template).unwrap_or(0);
    Err(
        Diagnostic::error(format!("the theme has no template `{template}`"))
            .at(&page.shown, &page.text, at..at + template.len())
            .hint("use a template of the theme's templates/ folder, such as page.html"),
    )
}
