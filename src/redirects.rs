//! Redirects: old URLs that keep working after a page moved or was renamed.
//!
//! Two sources: a page's front-matter `aliases = ["old/path.html"]` (old URLs of that page)
//! and book.toml's `[redirects]` table (`"old.html" = "new-page.md"`, or an absolute URL).
//! Each becomes a small HTML page at the old path: a meta refresh, `rel=canonical` and a
//! visible link (static hosts have no server-side redirects). They are in no sitemap and no
//! search index. Pure: site + config in, diagnostics or files out; `site` writes them.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::content::{PageId, Site};
use crate::diag::{Diagnostic, Diagnostics};
use crate::html::html_escape;
use crate::markdown::{encode_path, root_prefix};

/// Where a redirect goes.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// A page of the guide, with an optional `#fragment`.
    Page(PageId, Option<String>),
    /// An absolute URL elsewhere.
    External(String),
}

/// One redirect: the output path it is written to, where it points, and where it was asked for.
#[derive(Debug, Clone)]
struct Redirect {
    path: String,
    target: Target,
    file: PathBuf,
    source: Arc<str>,
    span: Range<usize>,
}

impl Redirect {
    fn error(&self, message: String) -> Diagnostic {
        Diagnostic::error(message).at(&self.file, &self.source, self.span.clone())
    }
}

/// `/old/page.html` → `old/page.html`; `old/dir/` or `old/dir` → `old/dir/index.html`.
fn output_path(old: &str) -> Result<String, &'static str> {
    let p = old.trim().trim_start_matches('/');
    if p.is_empty() {
        return Err("the landing page's own URL");
    }
    if p.contains(['?', '#', '\\']) || p.contains("://") {
        return Err("not a path inside the site (no `?`, `#`, `\\` or scheme)");
    }
    if p.split('/').any(|s| s == ".." || s == ".") {
        return Err("a path with `.` or `..` segments");
    }
    // A dot-name could replace guide's own `.guide-output` marker, or land where hosts
    // refuse to serve (`.git/`, `.well-known/` belongs to the host).
    if p.split('/').any(|s| s.starts_with('.')) {
        return Err("a path with a hidden (`.`-prefixed) segment");
    }
    let last = p.rsplit('/').next().unwrap_or("");
    Ok(if p.ends_with('/') {
        format!("{p}index.html")
    } else if last.contains('.') {
        p.to_string()
    } else {
        format!("{p}/index.html")
    })
}

/// Every redirect the guide asks for, with the errors found reading them.
fn plan(site: &Site, cfg: &Config) -> (Vec<Redirect>, Diagnostics) {
    let mut out = Vec::new();
    let mut diags = Diagnostics::new();
    for (id, page) in site.pages.iter().enumerate() {
        let front = &page.text[..page.body_start.min(page.text.len())];
        let mut from = 0;
        for alias in &page.front.aliases {
            let at = front[from..].find(alias.as_str()).map_or(0, |i| i + from);
            from = at + alias.len();
            let r = Redirect {
                path: String::new(),
                target: Target::Page(id, None),
                file: page.shown.clone(),
                source: page.text.clone(),
                span: at..at + alias.len(),
            };
            push(r, alias, &mut out, &mut diags);
        }
    }
    let table = &cfg.redirects;
    for (old, to, span) in &table.entries {
        let file = PathBuf::from("book.toml");
        let target = match resolve_target(site, to) {
            Ok(t) => t,
            Err(hint) => {
                let at = value_span(&table.source, span, to);
                diags.push(
                    Diagnostic::error(format!("redirect `{old}` goes to a missing page `{to}`"))
                        .at(&file, &table.source, at)
                        .label("no such page in the content folder")
                        .hint(hint),
                );
                continue;
            }
        };
        let r = Redirect {
            path: String::new(),
            target,
            file,
            source: table.source.clone(),
            span: span.clone(),
        };
        push(r, old, &mut out, &mut diags);
    }
    (out, diags)
}

fn push(mut r: Redirect, old: &str, out: &mut Vec<Redirect>, diags: &mut Diagnostics) {
    match output_path(old) {
        Ok(p) => {
            r.path = p;
            out.push(r);
        }
        Err(why) => diags.push(
            r.error(format!("redirect from `{old}`: {why}"))
                .hint("write the old URL's path from the site root, such as \"old/page.html\" or \"old/section/\""),
        ),
    }
}

/// The value's span on the key's line (for pointing at a bad target), else the key's.
fn value_span(source: &str, key: &Range<usize>, value: &str) -> Range<usize> {
    let line_end = source[key.end..]
        .find('\n')
        .map_or(source.len(), |n| key.end + n);
    match source[key.end..line_end].find(value) {
        Some(i) if !value.is_empty() => key.end + i..key.end + i + value.len(),
        _ => key.clone(),
    }
}

/// `page.md#x`, `folder/` (its `_index.md`) or an absolute URL; Err(hint) if no such page.
fn resolve_target(site: &Site, to: &str) -> Result<Target, String> {
    if to.starts_with("https://") || to.starts_with("http://") {
        return Ok(Target::External(to.to_string()));
    }
    let (path, frag) = match to.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (to, None),
    };
    let rel = path.trim_start_matches("./").trim_start_matches('/');
    let dir = rel.trim_end_matches('/');
    let candidates = [
        rel.to_string(),
        format!("{dir}/_index.md"),
        format!("{dir}.md"),
    ];
    let found = if rel.is_empty() {
        Some(site.home)
    } else {
        candidates.iter().find_map(|c| site.page_by_rel(c))
    };
    match found {
        Some(id) => Ok(Target::Page(id, frag)),
        None => {
            let best = site
                .by_rel
                .keys()
                .map(|k| (strsim::levenshtein(k, rel), k))
                .filter(|(d, _)| *d <= 4)
                .min()
                .map(|(_, k)| k.clone());
            Err(match best {
                Some(b) => format!("did you mean `{b}`?"),
                None => "name a Markdown file of the content folder (`section/page.md`), or an absolute URL".into(),
            })
        }
    }
}

/// Every redirect whose path is taken by a page, an asset, a generated file or another
/// redirect, and every target that does not exist: each an error naming both sides.
pub(crate) fn check(site: &Site, cfg: &Config, statics: &[&str]) -> Diagnostics {
    let (redirects, mut diags) = plan(site, cfg);
    if redirects.is_empty() {
        return diags;
    }
    let pages = crate::validate::PagesByUrl::new(site);
    let mut seen: HashMap<&str, &Redirect> = HashMap::new();
    for r in &redirects {
        let clash = if let Some(id) = pages.at_path(&r.path) {
            Some(format!("the page {}", site.pages[id].shown.display()))
        } else if site.assets.contains(&r.path) {
            Some(format!(
                "the file {}",
                cfg.build.content.join(&r.path).display()
            ))
        } else if let Some(what) = crate::validate::generated(&r.path, cfg, statics) {
            Some(what.to_string())
        } else {
            seen.get(r.path.as_str()).map(|first| {
                let (line, _) = crate::diag::offset_to_line_col(&first.source, first.span.start);
                format!("another redirect ({}:{line})", first.file.display())
            })
        };
        match clash {
            Some(what) => diags.push(
                r.error(format!("redirect written to `{}`, which is {what}", r.path))
                    .label("this old URL is taken")
                    .hint("an old URL can only redirect where nothing else is published; remove one of the two"),
            ),
            None => {
                seen.insert(&r.path, r);
            }
        }
    }
    diags
}

/// The redirect pages, as (output path, HTML). Call after [`check`] found no error.
pub(crate) fn files(
    site: &Site,
    cfg: &Config,
    titles: &[String],
    strings: &crate::i18n::Strings,
) -> Vec<(String, String)> {
    let (redirects, _) = plan(site, cfg);
    redirects
        .iter()
        .map(|r| (r.path.clone(), page(r, (site, cfg, titles), strings)))
        .collect()
}

fn page(
    r: &Redirect,
    (site, cfg, titles): (&Site, &Config, &[String]),
    words: &crate::i18n::Strings,
) -> String {
    let folder = r.path.rfind('/').map_or("", |i| &r.path[..=i]);
    let (href, canonical, title) = match &r.target {
        Target::External(u) => (u.clone(), u.clone(), u.clone()),
        Target::Page(id, frag) => {
            let url = encode_path(&site.pages[*id].url);
            let frag = frag.as_ref().map(|f| format!("#{f}")).unwrap_or_default();
            let href = format!("{}{url}{frag}", root_prefix(folder));
            let canonical = match &cfg.book.base_url {
                Some(base) => format!("{base}{url}"),
                None => href.clone(),
            };
            (href, canonical, titles[*id].clone())
        }
    };
    let (href, canonical, title) = (
        html_escape(&href),
        html_escape(&canonical),
        html_escape(&title),
    );
    let link = format!("<a href=\"{href}\">{title}</a>");
    let heading = html_escape(words.get("moved.heading"));
    let text = crate::i18n::fill(&html_escape(words.get("moved.text")), &[("link", &link)]);
    let head_title = html_escape(&words.text("moved.title", None, &[("title", &title)]));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{head_title}</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n</head>\n<body>\n<main>\n<h1>{heading}</h1>\n\
         <p>{text}</p>\n</main>\n</body>\n</html>\n",
        lang = html_escape(&cfg.book.language),
        dir = crate::i18n::dir_of(&cfg.book.language),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths() {
        assert_eq!(output_path("/a/b.html").unwrap(), "a/b.html");
        assert_eq!(output_path("old/").unwrap(), "old/index.html");
        assert_eq!(output_path("old").unwrap(), "old/index.html");
        assert!(output_path("/").is_err());
        assert!(output_path("../x.html").is_err());
        assert!(output_path("a.html#x").is_err());
        assert!(output_path("/.guide-output").is_err());
        assert!(output_path(".git/config").is_err());
    }

    #[test]
    fn value_spans() {
        let src = "[redirects]\n\"a.html\" = \"b.md\"\n";
        let key = 12..20;
        assert_eq!(&src[value_span(src, &key, "b.md")], "b.md");
    }
}
