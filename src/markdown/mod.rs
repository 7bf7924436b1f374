//! Markdown → HTML for one page: pulldown-cmark events through small passes, one job each.
//!
//! Each pass (headings, figures, links and hold timers, callouts and tables, code) takes the
//! event list and returns a new one; none knows about the others. Rendering a page is pure
//! given the [`Ctx`], so pages render in parallel and can be cached between rebuilds.
//! Problems are collected as diagnostics with file spans; a page with errors still renders.

mod blocks;
mod callouts;
mod citations;
mod figure_media;
mod figure_video;
mod figures;
mod footnotes;
mod headings;
pub(crate) mod highlight;
mod include;
mod include_check;
mod include_lines;
mod include_map;
mod langs;
pub(crate) mod links;
mod math;
mod raw_html;
mod rust_hidden;
mod stop_if;
mod text;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::content::assets::ImageInfo;
use crate::content::{PageId, Site};
use crate::diag::Diagnostic;

pub(crate) use headings::TocEntry;
pub(crate) use headings::slug as heading_slug;
pub(crate) use links::encode_path;
pub(crate) use math::mathjax_spans;
pub(crate) use text::TextSection;

/// An event with its byte range in the page body.
pub(crate) type Ev<'a> = (Event<'a>, Range<usize>);

/// The parser options, in one place: every extension the spec lists.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
}

/// What a page's Markdown is rendered against.
pub(crate) struct Ctx<'a> {
    /// The whole guide (for resolving links).
    pub site: &'a Site,
    /// Facts of every image asset.
    pub images: &'a HashMap<String, ImageInfo>,
    /// The page being rendered.
    pub page: PageId,
    /// `[build] trust-html`: raw HTML is kept as written (its URLs still rewritten).
    pub trust_html: bool,
    /// The project root (absolute): included files are shown relative to it.
    pub root: &'a Path,
    /// Where included files may be: the project and `[build] allow-outside`.
    pub bounds: &'a crate::confine::Bounds,
    /// The content folder (absolute): `{{#include /x}}` starts there.
    pub content: &'a Path,
    /// book.toml's `[links]`: prefixes of links that leave the content folder → base URLs.
    pub links: &'a crate::config::KeyTable,
    /// book.toml's `[images]`: the widths and formats photos are published in.
    pub media: &'a crate::media::ImagesSection,
    /// The theme's words in the page's language (callout titles, figure numbers…).
    pub strings: &'a crate::i18n::Strings,
    /// `[build] math`: `$...$` and `$$...$$` are formulas, rendered to MathML.
    pub math: bool,
    /// The guide's bibliography, for `[@key]` citations.
    pub bib: &'a crate::content::bibliography::Bibliography,
}

impl Ctx<'_> {
    fn text(&self) -> &Arc<str> {
        &self.site.pages[self.page].text
    }
    fn shown(&self) -> &Path {
        &self.site.pages[self.page].shown
    }
    fn offset(&self) -> usize {
        self.site.pages[self.page].body_start
    }
    /// A diagnostic at a span of the (expanded) body. The span is left unclamped, in page
    /// file offsets: [`render`] then moves it to the file the text came from (includes).
    fn error(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        let o = self.offset();
        let mut d = Diagnostic::error(message).at(self.shown(), self.text(), 0..0);
        d.span = Some(span.start + o..span.end + o);
        d
    }
    /// A warning at a body-relative span.
    fn warning(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        let o = self.offset();
        Diagnostic::warning(message).at(self.shown(), self.text(), span.start + o..span.end + o)
    }
    /// The content-relative folder of the page's file (`""` or `stretches/`).
    fn folder(&self) -> &str {
        let rel = &self.site.pages[self.page].rel;
        rel.rfind('/').map_or("", |i| &rel[..=i])
    }
    /// Relative prefix from this page to the site root.
    pub(crate) fn root(&self) -> String {
        root_prefix(&self.site.pages[self.page].url)
    }
}

/// `""` -> `./`, `a/` -> `../`, `a/b/` -> `../../`.
pub(crate) fn root_prefix(url: &str) -> String {
    let depth = url.matches('/').count();
    if depth == 0 {
        "./".into()
    } else {
        "../".repeat(depth)
    }
}

/// Ids the default theme puts on every page: headings must not take them.
const THEME_IDS: &[&str] = &[
    "main",
    "guide-search-input",
    "guide-search-results",
    "guide-children",
];

/// A link to validate once every page's anchors are known.
#[derive(Debug, Clone)]
pub(crate) struct LinkRef {
    /// The page linked to.
    pub target: PageId,
    /// `#fragment`, if any.
    pub anchor: Option<String>,
    /// The link's span in the source file (file coordinates).
    pub span: Range<usize>,
}

/// A figure on the page (counted for numbering; the social card is [`Rendered::social`]).
#[derive(Debug, Clone)]
pub(crate) struct Figure;

/// The result of rendering one page's Markdown.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rendered {
    /// The HTML body.
    pub html: String,
    /// Text of a leading `#` heading (removed from the body; the template shows the title).
    pub h1: Option<String>,
    /// `##`/`###` headings.
    pub toc: Vec<TocEntry>,
    /// Every id on the page (headings, figures, footnotes, raw HTML).
    pub anchors: HashSet<String>,
    /// Links to other pages or anchors, for validation.
    pub links: Vec<LinkRef>,
    /// Figures in order.
    pub figures: Vec<Figure>,
    /// Content-relative paths of the SVGs the page inlines as figures (or tried to): what
    /// sanitising removed from them is reported once per build, not once per page.
    pub svg_figures: Vec<String>,
    /// Content-relative paths of the local images the page shows (figures or inline):
    /// its HTML holds their size, and an SVG's markup, so it must be re-rendered when
    /// one of them is edited.
    pub images: Vec<String>,
    /// The photos the page shows, where: processed after Markdown, errors reported there.
    pub media: Vec<crate::media::Use>,
    /// Content-relative paths of the videos the page shows as figures (poster checks).
    pub videos: Vec<String>,
    /// The page's social card (`og:image`), content-relative: its first photo's ~1200 px
    /// variant, else its first SVG diagram drawn as a PNG, or front matter `social_image`.
    pub social: Option<String>,
    /// Plain text, for reading time: the sections' headings and text.
    pub text: String,
    /// The text by section (see [`text`]), for search.
    pub sections: Vec<TextSection>,
    /// Items of the top-level numbered lists (for HowTo steps).
    pub steps: Vec<String>,
    /// Hold timers: (min, max) seconds.
    pub holds: Vec<(u32, u32)>,
    /// Stop-if blocks on the page (a caution or warning callout starting "Stop if").
    pub stop_ifs: usize,
    /// Bibliography keys the page cites, in citation order.
    pub cites: Vec<String>,
    /// The cited entries as schema.org structured data (the page's `citation`).
    pub citations: Vec<serde_json::Value>,
    /// The page has a fenced code block (so highlighting CSS is needed).
    pub has_code: bool,
    /// Problems found.
    pub diags: Vec<Diagnostic>,
    /// Files the page included (`{{#include}}`), and missing ones it tried, relative to the
    /// content folder, `/`-separated (`_shared/safety.md`; `../listings/x.rs` outside it):
    /// the page must be re-rendered when one of them changes, appears or disappears.
    pub includes: Vec<String>,
    /// Where the text came from, when the page includes files (for locating link spans).
    pub(crate) sources: Option<Arc<include_map::SourceMap>>,
}

impl Rendered {
    /// Points `d` at `span`, a span of the page's file as recorded in [`LinkRef::span`]:
    /// through includes, at the included file's own line.
    pub(crate) fn place(
        &self,
        d: Diagnostic,
        page: &crate::content::Page,
        span: Range<usize>,
    ) -> Diagnostic {
        match &self.sources {
            Some(map) => {
                let o = page.body_start;
                let start = span.start.saturating_sub(o);
                map.place(d, start..span.end.saturating_sub(o).max(start))
            }
            None => d.at(&page.shown, &page.text, span),
        }
    }
}

/// Renders one page.
pub(crate) fn render(ctx: &Ctx) -> Rendered {
    let page = &ctx.site.pages[ctx.page];
    let body = &page.text[page.body_start..];
    let mut out = Rendered::default();
    out.anchors.extend(THEME_IDS.iter().map(|s| s.to_string()));
    let expanded = include::expand(ctx, body, &mut out);
    let opts = if ctx.math {
        options() | Options::ENABLE_MATH
    } else {
        options()
    };
    let events: Vec<Ev> = Parser::new_ext(&expanded.text, opts)
        .into_offset_iter()
        .collect();
    include_check::leftovers(&events, &expanded, ctx, &mut out);
    let located = out.diags.len();
    if !ctx.math {
        math::check_off(&expanded.text, ctx, &mut out);
    }
    math::check_mathjax(&expanded.text, &events, ctx, &mut out);
    let events = raw_html::pass(events, &expanded.text, ctx, &mut out);
    let events = footnotes::pass(events, &expanded.text, ctx, &mut out);
    let events = callouts::pass(events, &expanded.text, ctx, &mut out);
    let mut events = citations::pass(events, &expanded.text, ctx, &mut out);
    stop_if::mark(&mut events, &mut out);
    let events = headings::pass(events, ctx.strings, &mut out);
    // Before figures and blocks turn images, callouts and tables into HTML.
    out.sections = text::sections(&events);
    out.text = out
        .sections
        .iter()
        .flat_map(|s| [s.heading.as_str(), s.text.as_str()])
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let events = if ctx.math {
        math::pass(events, &expanded.text, ctx, &mut out)
    } else {
        events
    };
    let events = figures::pass(events, ctx, &mut out);
    let events = links::pass(events, ctx, &mut out);
    let events = blocks::pass(events, ctx, &mut out);
    collect_text(&events, &mut out);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    out.html = html;
    include_check::relocate(&expanded, ctx, &mut out, located);
    out
}

/// Footnote and raw-HTML ids, and numbered-list steps.
fn collect_text(events: &[Ev], out: &mut Rendered) {
    let mut list_depth = 0usize;
    let mut ordered_top = false;
    let mut step: Option<String> = None;
    for (e, _) in events {
        match e {
            Event::Text(t) | Event::Code(t) => {
                if let Some(s) = step.as_mut() {
                    s.push_str(t);
                }
            }
            Event::End(TagEnd::Item) if list_depth == 1 => {
                if let Some(s) = step.take() {
                    out.steps
                        .push(s.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                if let Some(s) = step.as_mut() {
                    s.push(' ');
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => collect_ids(h, &mut out.anchors),
            Event::Start(Tag::List(kind)) => {
                list_depth += 1;
                if list_depth == 1 {
                    ordered_top = kind.is_some();
                }
            }
            Event::End(TagEnd::List(_)) => list_depth -= 1,
            Event::Start(Tag::Item) if list_depth == 1 && ordered_top => step = Some(String::new()),
            _ => {}
        }
    }
}

fn collect_ids(html: &str, anchors: &mut HashSet<String>) {
    let mut rest = html;
    while let Some(i) = rest.find("id=\"") {
        let v = &rest[i + 4..];
        if let Some(end) = v.find('"') {
            anchors.insert(v[..end].to_string());
        }
        rest = v;
    }
}
