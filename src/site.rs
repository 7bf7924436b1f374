//! Assembling the output tree from rendered pages: page HTML through the templates (in
//! parallel, only the pages asked for), static assets fingerprinted, and the site-wide
//! files (404, print view, search index, sitemap, robots.txt).

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;

use crate::config::Config;
use crate::content::review::Review;
use crate::content::{PageId, Site};
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::{Rendered, highlight, root_prefix};
use crate::output::OutputTree;
use crate::output::site_files::{fingerprinted, for_print, print_anchor, robots, sitemap};
use crate::pipeline::site_ctx;
use crate::render::Renderer;
use crate::render::context::{
    AssetsCtx, Common, LinkCtx, NotFoundTemplate, PageCtx, PageTemplate, PrintPage, PrintTemplate,
    SiteCtx,
};
use crate::render::jsonld::{self, JsonLdInput};
use crate::render::nav;
use crate::render::theme::Theme;
use crate::search;

/// Everything the assembly reads.
pub struct Input<'a> {
    /// Configuration.
    pub cfg: &'a Config,
    /// The guide.
    pub site: &'a Site,
    /// Every page's Markdown result, by page id.
    pub rendered: &'a [&'a Rendered],
    /// Templates.
    pub renderer: &'a Renderer,
    /// Theme files (static assets).
    pub theme: &'a Theme,
    /// Each page's clinical review, by page id.
    pub reviews: &'a [Option<Review>],
}

const GENERATOR: &str = concat!("guide ", env!("CARGO_PKG_VERSION"));

impl Input<'_> {
    /// Each page's title: front matter, else its leading `#` heading, else its file name.
    pub fn titles(&self) -> Vec<String> {
        self.site
            .pages
            .iter()
            .zip(self.rendered)
            .map(|(p, r)| {
                let t = p
                    .front
                    .title
                    .clone()
                    .or_else(|| r.h1.clone())
                    .unwrap_or_else(|| p.fallback_title.clone());
                if p.rel == "_index.md" && t.is_empty() {
                    self.cfg.book.title.clone()
                } else {
                    t
                }
            })
            .collect()
    }

    fn output_path(&self, id: PageId) -> String {
        format!("{}index.html", self.site.pages[id].url)
    }
}

/// Renders pages `todo` (others come from `prev`) and builds the tree (all but the search
/// index) and the next [`SiteCache`]; `one_shot` keeps no cache that only a rebuild uses.
pub(crate) fn assemble(
    input: &Input,
    titles: &[String],
    todo: &[PageId],
    (prev, one_shot): (&SiteCache, bool),
    asset_bytes: &HashMap<String, Bytes>,
    clock: &mut crate::pipeline::Clock,
) -> Result<(OutputTree, SiteCache), Diagnostics> {
    let live: std::collections::HashSet<&str> =
        input.site.pages.iter().map(|p| p.url.as_str()).collect();
    let mut cache = SiteCache {
        deps: prev
            .deps
            .iter()
            .filter(|(url, _)| live.contains(url.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        ..SiteCache::default()
    };
    let mut html: HashMap<String, Bytes> = HashMap::with_capacity(input.site.pages.len());
    let mut tree = OutputTree::default();
    let assets = statics(input, &mut tree);
    let site_ctx = site_ctx(input.cfg);
    let results: Vec<Result<Templated, Diagnostic>> = todo
        .par_iter()
        .map(|&id| page_html(input, titles, id, &site_ctx, &assets).map(|(h, d)| (id, h, d)))
        .collect();
    let mut diags = Diagnostics::new();
    let mut seen = std::collections::HashSet::new();
    for r in results {
        match r {
            Ok((id, h, deps)) => {
                html.insert(input.output_path(id), Bytes::from(h));
                let urls: Vec<String> = deps
                    .into_iter()
                    .map(|d| input.site.pages[d].url.clone())
                    .collect();
                cache
                    .deps
                    .insert(input.site.pages[id].url.clone(), urls.into());
            }
            Err(d) => {
                if seen.insert((d.message.clone(), d.location())) {
                    diags.push(d);
                }
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    for id in 0..input.site.pages.len() {
        // A page not rendered now is one the plan found unchanged: the last build has it.
        let path = input.output_path(id);
        if let std::collections::hash_map::Entry::Vacant(e) = html.entry(path) {
            let kept = prev.html.get(e.key()).cloned();
            e.insert(kept.expect("the plan re-renders every page the cache lacks"));
        }
    }
    for (k, v) in html.iter() {
        tree.insert(k.clone(), v.clone());
    }
    cache.html = html;
    for (rel, bytes) in asset_bytes {
        tree.files
            .entry(rel.clone())
            .or_insert_with(|| bytes.clone());
    }
    clock.lap("templates");
    site_wide(
        input,
        titles,
        (&site_ctx, &assets),
        &mut tree,
        (prev, &mut cache, one_shot),
        todo,
        clock,
    )?;
    Ok((tree, cache))
}

/// Whether the highlighting stylesheet is part of the site (and linked from every head).
pub(crate) fn needs_highlight(rendered: &[&Rendered]) -> bool {
    rendered.iter().any(|r| r.has_code)
}

/// Copies the theme's static files, fingerprinting style.css and guide.js.
fn statics(input: &Input, tree: &mut OutputTree) -> AssetsCtx {
    let mut assets = AssetsCtx::default();
    for (name, file) in input.theme.statics() {
        let path = match name {
            "style.css" | "guide.js" => fingerprinted(name, &file.bytes),
            _ => format!("static/{name}"),
        };
        match name {
            "style.css" => assets.css = path.clone(),
            "guide.js" => assets.js = path.clone(),
            _ => {}
        }
        tree.insert(path, Bytes::from(file.bytes.to_vec()));
    }
    if needs_highlight(input.rendered) {
        let css = highlight::stylesheet();
        let path = fingerprinted("highlight.css", css.as_bytes());
        assets.highlight_css = Some(path.clone());
        tree.insert(path, css);
    }
    assets
}

fn link<'a>(input: &'a Input, titles: &'a [String], id: PageId) -> LinkCtx<'a> {
    let p = &input.site.pages[id];
    LinkCtx {
        title: &titles[id],
        url: &p.url,
        description: p.front.description.as_deref().unwrap_or(""),
    }
}

fn page_html(
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
type Templated = (PageId, String, Vec<PageId>);

/// What the site-wide files keep between builds.
#[derive(Default)]
pub(crate) struct SiteCache {
    /// Page HTML by output path.
    pub(crate) html: HashMap<String, Bytes>,
    /// For each page URL, the URLs of the pages whose titles it shows.
    pub(crate) deps: HashMap<String, Arc<[String]>>,
    /// Each page's print-view fragment, by URL (kept only when builds repeat).
    print: HashMap<String, Arc<str>>,
    /// The rendered print template with its slots, and the hash of what it shows (order,
    /// titles, depths, assets): an edit that changes none of them reuses it. Rendering it
    /// walks every page (27 ms at 10,000 pages).
    print_shell: Option<(blake3::Hash, Arc<str>)>,
}

/// Marks where a page's print fragment goes in the rendered print template, so Tera never
/// copies the whole guide's HTML through its context (10 MB at 1,000 pages).
const SLOT: char = '\u{1}';

fn site_wide(
    input: &Input,
    titles: &[String],
    (site_ctx, assets): (&SiteCtx, &AssetsCtx),
    tree: &mut OutputTree,
    (prev, cache, one_shot): (&SiteCache, &mut SiteCache, bool),
    todo: &[PageId],
    clock: &mut crate::pipeline::Clock,
) -> Result<(), Diagnostics> {
    let site = input.site;
    let cfg = input.cfg;
    let base_path = cfg
        .book
        .base_url
        .as_deref()
        .and_then(|b| b.splitn(4, '/').nth(3))
        .map(|p| format!("/{p}"));
    let root404 = base_path.unwrap_or_else(|| "/".into());
    let common = |root: String| Common {
        root,
        site: site_ctx,
        assets,
        search_url: "search/",
        print_url: "print/",
        generator: GENERATOR,
    };
    tree.insert(
        "404.html",
        input.renderer.render(
            "404.html",
            &NotFoundTemplate {
                common: common(root404),
            },
        )?,
    );

    // Print view: fragments of the pages that changed, then the template with slots.
    let anchors: HashMap<&str, String> = site
        .pages
        .iter()
        .map(|p| (p.url.as_str(), print_anchor(&p.url)))
        .collect();
    let rewrite = |id: PageId| {
        let p = &site.pages[id];
        let html = for_print(
            &input.rendered[id].html,
            &root_prefix(&p.url),
            &print_anchor(&p.url),
            &anchors,
        );
        // On paper a closed disclosure is lost: long descriptions print open.
        const DESC: &str = "<details class=\"figure-description\">";
        if html.contains(DESC) {
            html.replace(DESC, "<details class=\"figure-description\" open>")
        } else {
            html
        }
    };
    if !one_shot {
        let fresh: Vec<(String, Arc<str>)> = todo
            .par_iter()
            .map(|&id| (site.pages[id].url.clone(), rewrite(id).into()))
            .collect();
        cache.print = prev
            .print
            .iter()
            .filter(|(url, _)| anchors.contains_key(url.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        cache.print.extend(fresh);
    }
    let depth = |id: PageId| site.ancestors(id).len();
    let key = {
        let mut h = blake3::Hasher::new();
        for a in [&assets.css, &assets.js] {
            h.update(a.as_bytes()).update(b"\0");
        }
        h.update(
            assets
                .highlight_css
                .as_deref()
                .unwrap_or("\u{1}")
                .as_bytes(),
        );
        for &id in &site.order {
            h.update(b"\0").update(titles[id].as_bytes()).update(b"\0");
            h.update(site.pages[id].url.as_bytes());
            h.update(&depth(id).to_le_bytes());
            h.update(format!("{:?}", input.reviews[id]).as_bytes());
        }
        h.finalize()
    };
    let shell: Arc<str> = match &prev.print_shell {
        Some((k, shell)) if *k == key => shell.clone(),
        _ => {
            let pages: Vec<PrintPage> = site
                .order
                .iter()
                .enumerate()
                .map(|(i, &id)| {
                    let p = &site.pages[id];
                    PrintPage {
                        title: &titles[id],
                        url: &p.url,
                        depth: depth(id),
                        anchor: print_anchor(&p.url),
                        content: format!("{SLOT}{i}{SLOT}"),
                        review: input.reviews[id].as_ref(),
                    }
                })
                .collect();
            input
                .renderer
                .render(
                    "print.html",
                    &PrintTemplate {
                        common: common("../".into()),
                        pages,
                    },
                )?
                .into()
        }
    };
    // Fill the slots. A one-shot build rewrites pages chunk by chunk straight into the page
    // (no cache beside it: ~100 MB less at 10,000 pages); serve keeps fragments for next time.
    let mut parts = shell.split(SLOT);
    let head = parts.next().unwrap_or("");
    let mut slots: Vec<(Option<PageId>, &str)> = Vec::new();
    while let (Some(n), Some(rest)) = (parts.next(), parts.next()) {
        slots.push((
            n.parse::<usize>()
                .ok()
                .and_then(|i| site.order.get(i).copied()),
            rest,
        ));
    }
    let body: usize = input.rendered.iter().map(|r| r.html.len()).sum();
    let mut print = String::with_capacity(shell.len() + body + body / 8);
    print.push_str(head);
    for chunk in slots.chunks(64) {
        let frags: Vec<std::borrow::Cow<str>> = chunk
            .par_iter()
            .map(|(id, _)| match id {
                Some(id) if one_shot => std::borrow::Cow::Owned(rewrite(*id)),
                Some(id) => std::borrow::Cow::Borrowed(&*cache.print[&site.pages[*id].url]),
                None => std::borrow::Cow::Borrowed(""),
            })
            .collect();
        for (frag, (_, rest)) in frags.iter().zip(chunk) {
            print.push_str(frag);
            print.push_str(rest);
        }
    }
    tree.insert("print/index.html", print);
    if !one_shot {
        cache.print_shell = Some((key, shell));
    }
    clock.lap("print");
    for (path, html) in crate::redirects::files(site, cfg, titles, &input.renderer.strings) {
        tree.insert(path, html);
    }
    if let Some(base) = &cfg.book.base_url {
        let urls: Vec<&str> = site
            .order
            .iter()
            .map(|&id| site.pages[id].url.as_str())
            .collect();
        tree.insert("sitemap.xml", sitemap(base, &urls));
        tree.insert("robots.txt", robots(base));
    }
    Ok(())
}

/// Brings the search index to the site and adds its files to `tree`: only the documents
/// whose page was re-rendered (`todo`) can have changed.
pub(crate) fn search_files(
    (site, language): (&Site, &str),
    titles: &[String],
    rendered: &[&Rendered],
    todo: &[PageId],
    index: &mut search::Index,
    tree: &mut OutputTree,
) {
    let docs: Vec<search::Doc> = site
        .order
        .iter()
        .map(|&id| search::Doc {
            title: &titles[id],
            url: &site.pages[id].url,
            sections: &rendered[id].sections,
        })
        .collect();
    let dirty: std::collections::HashSet<usize> =
        todo.iter().map(|&id| site.position[id]).collect();
    index.update(language, &docs, |doc| dirty.contains(&doc));
    for (path, bytes) in index.files() {
        tree.insert(path.clone(), bytes.clone());
    }
}
