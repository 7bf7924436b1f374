//! Assembling the output tree from rendered pages: page HTML through the templates (in
//! parallel, only the pages asked for), static assets fingerprinted, and the site-wide
//! files (404, print view, search index, sitemap, robots.txt).

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;

use super::clock::Clock;
use super::templates::{Templated, page_html, site_ctx};
use crate::config::Config;
use crate::content::review::Review;
use crate::content::{PageId, Site};
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::{Rendered, highlight};
use crate::output::OutputTree;
use crate::output::site_files::{fingerprinted, robots, sitemap};
use crate::render::Renderer;
use crate::render::context::{AssetsCtx, Common, NotFoundTemplate, SiteCtx};
use crate::render::theme::Theme;
use crate::search;

/// Everything the assembly reads.
pub(super) struct Input<'a> {
    /// Configuration.
    pub(super) cfg: &'a Config,
    /// The guide.
    pub(super) site: &'a Site,
    /// Every page's Markdown result, by page id.
    pub(super) rendered: &'a [&'a Rendered],
    /// Templates.
    pub(super) renderer: &'a Renderer,
    /// Theme files (static assets).
    pub(super) theme: &'a Theme,
    /// Each page's clinical review, by page id.
    pub(super) reviews: &'a [Option<Review>],
}

pub(super) const GENERATOR: &str = concat!("guide ", env!("CARGO_PKG_VERSION"));

impl Input<'_> {
    /// Each page's title: front matter, else its leading `#` heading, else its file name.
    pub(super) fn titles(&self) -> Vec<String> {
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
    clock: &mut Clock,
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

/// What the site-wide files keep between builds.
#[derive(Default)]
pub(crate) struct SiteCache {
    /// Page HTML by output path.
    pub(crate) html: HashMap<String, Bytes>,
    /// For each page URL, the URLs of the pages whose titles it shows.
    pub(crate) deps: HashMap<String, Arc<[String]>>,
    /// Each page's print-view fragment, by URL (kept only when builds repeat).
    pub(super) print: HashMap<String, Arc<str>>,
    /// The rendered print template with its slots, and the hash of what it shows (order,
    /// titles, depths, assets): an edit that changes none of them reuses it. Rendering it
    /// walks every page (27 ms at 10,000 pages).
    pub(super) print_shell: Option<(blake3::Hash, Arc<str>)>,
    /// The print numbering the fragments in `print` were made with.
    pub(super) book_key: [u8; 32],
}

fn site_wide(
    input: &Input,
    titles: &[String],
    (site_ctx, assets): (&SiteCtx, &AssetsCtx),
    tree: &mut OutputTree,
    (prev, cache, one_shot): (&SiteCache, &mut SiteCache, bool),
    todo: &[PageId],
    clock: &mut Clock,
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

    super::print::print_view(
        input,
        titles,
        (assets, common("../".into())),
        tree,
        (prev, cache, one_shot),
        todo,
    )?;
    let handouts = crate::print::handout::render_all(
        (site, input.rendered, titles),
        input.renderer,
        common,
        cfg.book.base_url.as_deref(),
    )?;
    for (path, html) in handouts {
        if tree.files.contains_key(&path) {
            return Err(Diagnostic::error(format!(
                "a handout would be written over the page at `{path}`"
            ))
            .hint("rename the folder `handout/` in the content, or set `handout = false` in the page's [extra]")
            .into());
        }
        tree.insert(path, html);
    }
    clock.lap("print");
    for (path, html) in crate::redirects::files(site, cfg, titles) {
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
