//! The template context, as typed structs borrowed from the model: this file IS the
//! documented contract of docs/templates.md. Nothing is cloned from the whole site into a
//! page's context; each page gets what it shows.

use serde::Serialize;

use super::nav::NavList;
use crate::markdown::TocEntry;

/// `site`: the guide as a whole.
#[derive(Serialize, Debug, Clone)]
pub(crate) struct SiteCtx {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Language tag.
    pub language: String,
    /// Writing direction of the language: `ltr` or `rtl`.
    pub dir: &'static str,
    /// Authors.
    pub authors: Vec<String>,
    /// Absolute base URL, ending with `/`.
    pub base_url: Option<String>,
}

impl SiteCtx {
    /// The guide's `site` as book.toml gives it.
    pub(crate) fn of(cfg: &crate::config::Config) -> SiteCtx {
        SiteCtx {
            title: cfg.book.title.clone(),
            description: cfg.book.description.clone(),
            language: cfg.book.language.clone(),
            dir: crate::i18n::dir_of(&cfg.book.language),
            authors: cfg.book.authors.clone(),
            base_url: cfg.book.base_url.clone(),
        }
    }
}

/// `assets`: fingerprinted files, root-relative.
#[derive(Serialize, Debug, Clone, Default)]
pub(crate) struct AssetsCtx {
    /// Stylesheet.
    pub css: String,
    /// Script.
    pub js: String,
    /// Highlighting stylesheet, when some page has code.
    pub highlight_css: Option<String>,
}

/// What every template gets.
#[derive(Serialize, Debug)]
pub(crate) struct Common<'a> {
    /// Relative prefix to the site root.
    pub root: String,
    /// The guide.
    pub site: &'a SiteCtx,
    /// Fingerprinted assets.
    pub assets: &'a AssetsCtx,
    /// Search index folder.
    pub search_url: &'static str,
    /// Print view.
    pub print_url: &'static str,
    /// `guide x.y.z`.
    pub generator: &'static str,
}

/// A link to a page.
#[derive(Serialize, Debug, Clone)]
pub(crate) struct LinkCtx<'a> {
    /// Title.
    pub title: &'a str,
    /// Root-relative URL.
    pub url: &'a str,
    /// Description (may be empty).
    pub description: &'a str,
}

/// `page`.
#[derive(Serialize, Debug)]
pub(crate) struct PageCtx<'a> {
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// Root-relative URL.
    pub url: &'a str,
    /// HTML body.
    pub content: &'a str,
    /// Table of contents.
    pub toc: &'a [TocEntry],
    /// The landing page.
    pub is_home: bool,
    /// An `_index.md`.
    pub is_section: bool,
    /// Direct children.
    pub children: Vec<LinkCtx<'a>>,
    /// Ancestors, landing page first.
    pub breadcrumbs: Vec<LinkCtx<'a>>,
    /// Front matter `[extra]`.
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    /// Absolute URL, with base-url.
    pub canonical: Option<String>,
    /// First figure's file, root-relative.
    pub image: Option<String>,
    /// Serialised JSON-LD.
    pub json_ld: String,
    /// Clinical review (`None` when neither the page nor book.toml gives one).
    pub review: Option<&'a crate::content::review::Review>,
    /// Minutes to read.
    pub reading_minutes: usize,
    /// The body already links every child page (a section's own list of its parts), so
    /// section.html shows no second list of them.
    pub lists_children: bool,
    /// The page's one-sheet handout (`handout/release/`, root-relative), when it has one.
    pub handout_url: Option<String>,
    /// The same page in every language of the guide (empty for a guide in one language).
    pub languages: Vec<LangLink>,
    /// Set when this page is not yet translated: shown from the default language.
    pub fallback: Option<Fallback>,
}

/// The same page in one language of the guide: the switcher and `hreflang`.
#[derive(Serialize, Debug)]
pub(crate) struct LangLink {
    /// BCP 47 tag (`hreflang`, `lang`).
    pub code: String,
    /// Its own name (`Deutsch`).
    pub name: String,
    /// Relative URL of the page in that language.
    pub href: String,
    /// Absolute URL, with base-url (for `hreflang`).
    pub absolute: Option<String>,
    /// The page's own language.
    pub current: bool,
}

/// A page shown from the default language.
#[derive(Serialize, Debug)]
pub(crate) struct Fallback {
    /// The language this build is in (`Deutsch`).
    pub language: String,
    /// The language the page is shown in.
    pub original: String,
    /// That language's tag (for `lang` on the content).
    pub original_code: String,
}

/// Context of page.html and section.html.
#[derive(Serialize, Debug)]
pub(crate) struct PageTemplate<'a> {
    /// Shared variables.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// The page.
    pub page: PageCtx<'a>,
    /// Sidebar.
    pub nav: NavList<'a>,
    /// Previous page in reading order.
    pub prev: Option<LinkCtx<'a>>,
    /// Next page in reading order.
    pub next: Option<LinkCtx<'a>>,
}

/// One page in the print view.
#[derive(Serialize, Debug)]
pub(crate) struct PrintPage<'a> {
    /// Title.
    pub title: &'a str,
    /// Root-relative URL.
    pub url: &'a str,
    /// 0 for the landing page, 1 for top-level sections…
    pub depth: usize,
    /// Heading level of the page's title in the book: 1 for a chapter, 2 inside one, …
    pub level: usize,
    /// Chapter number: `3`, `3.2` for a page inside chapter 3 (null: the landing page).
    pub number: Option<&'a str>,
    /// The chapter it belongs to (null: the landing page).
    pub chapter: Option<usize>,
    /// For a chapter's first page: its running head, a quoted CSS string (`"3 Release"`).
    pub running_head: Option<String>,
    /// When the print view is split: the part file holding the page (`part-3.html`);
    /// null when it is in this file.
    pub part_url: Option<String>,
    /// Id of the page's section in the print view.
    pub anchor: String,
    /// HTML with ids and links rewritten for the one-page view.
    pub content: String,
    /// Clinical review, as on the page.
    pub review: Option<&'a crate::content::review::Review>,
}

/// Context of print.html.
#[derive(Serialize, Debug)]
pub(crate) struct PrintTemplate<'a> {
    /// Shared variables.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// Every page in reading order.
    pub pages: Vec<PrintPage<'a>>,
}

/// `page` of handout.html.
#[derive(Serialize, Debug)]
pub(crate) struct HandoutCtx<'a> {
    /// Title.
    pub title: &'a str,
    /// Root-relative URL of the page the handout is made from.
    pub url: &'a str,
    /// The kept blocks (steps with their headings, figures, safety callouts), re-rooted.
    pub content: String,
    /// Absolute URL of the page (base-url set).
    pub absolute_url: Option<String>,
    /// Inline SVG QR code of `absolute_url`.
    pub qr_svg: Option<String>,
}

/// Context of handout.html.
#[derive(Serialize, Debug)]
pub(crate) struct HandoutTemplate<'a> {
    /// Shared variables.
    #[serde(flatten)]
    pub common: Common<'a>,
    /// The page.
    pub page: HandoutCtx<'a>,
}

/// Context of 404.html.
#[derive(Serialize, Debug)]
pub(crate) struct NotFoundTemplate<'a> {
    /// Shared variables.
    #[serde(flatten)]
    pub common: Common<'a>,
}
