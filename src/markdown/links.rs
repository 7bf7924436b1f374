//! Links: `page.md#anchor` → the page's relative URL, assets → their relative path, and
//! `hold:30-90` → a hold timer. Every local target is checked here (pages, assets) or
//! recorded for the cross-page anchor check in `validate`.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::{Ctx, Ev, LinkRef, Rendered};
use crate::content::PageId;

pub(super) fn pass<'a>(events: Vec<Ev<'a>>, ctx: &Ctx, out: &mut Rendered) -> Vec<Ev<'a>> {
    let mut result = Vec::with_capacity(events.len());
    let mut hold_depth: Vec<bool> = Vec::new();
    for (event, range) in events {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some(rest) = dest_url.strip_prefix("hold:") {
                    hold_depth.push(true);
                    result.push((
                        Event::InlineHtml(hold_open(rest, ctx, &range, out).into()),
                        range,
                    ));
                    continue;
                }
                hold_depth.push(false);
                let dest = match link_type {
                    LinkType::Email | LinkType::Autolink => dest_url,
                    _ => rewrite(&dest_url, ctx, &range, out).map_or(dest_url, CowStr::from),
                };
                result.push((
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url: dest,
                        title,
                        id,
                    }),
                    range,
                ));
            }
            Event::End(TagEnd::Link) => {
                if hold_depth.pop() == Some(true) {
                    result.push((Event::InlineHtml("</span></span>".into()), range));
                } else {
                    result.push((Event::End(TagEnd::Link), range));
                }
            }
            e => result.push((e, range)),
        }
    }
    result
}

fn hold_open(spec: &str, ctx: &Ctx, range: &std::ops::Range<usize>, out: &mut Rendered) -> String {
    let parse = |s: &str| {
        s.trim()
            .trim_end_matches('s')
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0 && *n <= 24 * 3600)
    };
    let (min, max) = match spec.split_once('-') {
        Some((a, b)) => (parse(a), parse(b)),
        None => (parse(spec), parse(spec)),
    };
    let (min, max) = match (min, max) {
        (Some(a), Some(b)) if a <= b => (a, b),
        _ => {
            out.diags.push(
                ctx.error(range, format!("`hold:{spec}` is not a hold time"))
                    .hint("write the seconds as `hold:30-90` (a range) or `hold:45`"),
            );
            (1, 1)
        }
    };
    out.holds.push((min, max));
    format!(
        "<span class=\"hold\" data-min=\"{min}\" data-max=\"{max}\"><span class=\"hold-label\">"
    )
}

/// Does this URL leave the guide (`https:`, `mailto:`, `data:`, `//host`)?
pub(crate) fn is_external(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(i) => {
            url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && i > 0
        }
        None => false,
    }
}

/// Resolves `path` against a content folder (`""` or `a/b/`); `/x` is from the content root.
/// None if it climbs out of the content folder.
pub(super) fn resolve(folder: &str, path: &str) -> Option<String> {
    let path = percent_decode(path);
    let joined = if let Some(abs) = path.strip_prefix('/') {
        abs.to_string()
    } else {
        format!("{folder}{path}")
    };
    fold(&joined)
}

/// `a/./b/../c.md` → `a/c.md`, lexically; None if it climbs out of where it starts.
pub(crate) fn fold(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() && s.is_char_boundary(i + 3) {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes the characters of a path that would break an href.
pub(crate) fn encode_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for c in p.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '%' => out.push_str("%25"),
            '"' => out.push_str("%22"),
            _ => out.push(c),
        }
    }
    out
}

/// The new href for a local link, or None to leave it as written.
pub(super) fn rewrite(
    dest: &str,
    ctx: &Ctx,
    range: &std::ops::Range<usize>,
    out: &mut Rendered,
) -> Option<String> {
    if is_external(dest) || dest.is_empty() {
        return None;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let o = ctx.offset();
    let span = range.start + o..range.end + o;
    if path.is_empty() {
        out.links.push(LinkRef {
            target: ctx.page,
            anchor,
            span,
        });
        return None;
    }
    let Some(rel) = resolve(ctx.folder(), path) else {
        if let Some(url) = outside(ctx, dest) {
            return Some(url);
        }
        out.diags.push(
            ctx.error(range, format!("link `{dest}` leaves the content folder"))
                .hint("link to pages and files inside the content folder, or map the prefix to a URL in book.toml: [links] \"../other/\" = \"https://example.org/other/\""),
        );
        return None;
    };
    let frag = anchor.as_ref().map(|a| format!("#{a}")).unwrap_or_default();
    if let Some(target) = page_for(ctx, &rel, path.ends_with('/')) {
        out.links.push(LinkRef {
            target,
            anchor,
            span,
        });
        return Some(format!(
            "{}{}{frag}",
            ctx.root(),
            encode_path(&ctx.site.pages[target].url)
        ));
    }
    if ctx.site.assets.contains(&rel) {
        return Some(format!("{}{}{frag}", ctx.root(), encode_path(&rel)));
    }
    if let Some(draft) = draft_for(ctx, &rel, path.ends_with('/')) {
        out.diags.push(
            ctx.error(range, format!("link to a draft page: `{dest}`"))
                .label(format!("`{draft}` is a draft, left out of this build"))
                .hint("build with `--drafts` (or `drafts = true` under [build] in book.toml) to include drafts, or remove `draft = true` from its front matter"),
        );
        return None;
    }
    let what = if rel.ends_with(".md") {
        "page"
    } else {
        "page or file"
    };
    let mut d = ctx
        .error(range, format!("link to a missing {what}: `{dest}`"))
        .label("no such file in the content folder");
    d = d.hint(match closest_page(ctx, &rel) {
        Some(best) => format!("did you mean `{best}`? links are relative to the page's own folder"),
        None => "link to the Markdown file, relative to this page's folder: [text](other-page.md#a-heading)".into(),
    });
    out.diags.push(d);
    None
}

/// A link that leaves the content folder, rewritten by book.toml's `[links]`: the link is
/// resolved from the page's folder (`../std/x.html` from `a/b.md` is `../../std/x.html` there),
/// then the longest matching prefix is replaced by its base URL.
fn outside(ctx: &Ctx, dest: &str) -> Option<String> {
    if ctx.links.entries.is_empty() {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut up = 0;
    let joined = format!("{}{dest}", ctx.folder());
    let trailing = joined.ends_with('/');
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." if parts.pop().is_none() => up += 1,
            ".." => {}
            s => parts.push(s),
        }
    }
    let mut norm = format!("{}{}", "../".repeat(up), parts.join("/"));
    if trailing {
        norm.push('/');
    }
    ctx.links
        .entries
        .iter()
        .filter(|(prefix, _, _)| norm.starts_with(prefix.as_str()))
        .max_by_key(|(prefix, _, _)| prefix.len())
        .map(|(prefix, base, _)| format!("{base}{}", &norm[prefix.len()..]))
}

fn page_for(ctx: &Ctx, rel: &str, dir: bool) -> Option<PageId> {
    let site = ctx.site;
    if rel.ends_with(".md") {
        return site.page_by_rel(rel);
    }
    if dir || rel.is_empty() || !rel.contains('.') {
        let index = if rel.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{rel}/_index.md")
        };
        return site
            .page_by_rel(&index)
            .or_else(|| site.page_by_rel(&format!("{rel}.md")));
    }
    None
}

/// The draft page a link names, if it names one that this build left out.
fn draft_for(ctx: &Ctx, rel: &str, dir: bool) -> Option<String> {
    let drafts = &ctx.site.drafts;
    let candidates = if rel.ends_with(".md") {
        vec![rel.to_string()]
    } else if dir || rel.is_empty() || !rel.contains('.') {
        let index = if rel.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{rel}/_index.md")
        };
        vec![index, format!("{rel}.md")]
    } else {
        Vec::new()
    };
    candidates.into_iter().find(|c| drafts.contains(c))
}

fn closest_page(ctx: &Ctx, rel: &str) -> Option<String> {
    let folder = ctx.folder();
    ctx.site
        .by_rel
        .keys()
        .map(|k| (strsim::levenshtein(k, rel), k))
        .filter(|(d, _)| *d <= 4)
        .min()
        .map(|(_, k)| {
            k.strip_prefix(folder)
                .map_or_else(|| format!("/{k}"), str::to_string)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolving() {
        assert_eq!(resolve("a/", "../b.md").as_deref(), Some("b.md"));
        assert_eq!(resolve("a/", "./c/d.svg").as_deref(), Some("a/c/d.svg"));
        assert_eq!(resolve("", "/x/y.md").as_deref(), Some("x/y.md"));
        assert_eq!(resolve("", "../etc/passwd"), None);
        assert_eq!(resolve("", "my%20file.png").as_deref(), Some("my file.png"));
        assert!(is_external("https://x.org") && is_external("mailto:a@b") && !is_external("a.md"));
    }
}
