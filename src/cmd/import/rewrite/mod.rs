//! One chapter's Markdown, rewritten for its new place: links to chapters (`x.md`,
//! mdBook's `x.html`, reference definitions) point at the new files, every heading keeps
//! the id mdBook gave it (`{#id}` where guide's slug differs), and includes of Markdown
//! files that are not pages point at their new folder.

use std::collections::HashMap;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

/// What a rewrite needs to know about the whole book.
pub(super) struct Book<'a> {
    /// Source chapter path (relative to `src/`) → new path (relative to `content/`).
    pub(super) dest: &'a HashMap<String, String>,
    /// Markdown files that are not chapters (included pieces), moved to `partials/`.
    pub(super) partials: &'a std::collections::HashSet<String>,
    /// `mathjax-support`: `\\(...\\)` and `\\[...\\]` become `$...$` and `$$...$$`.
    pub(super) math: bool,
    /// mdBook's `src/` folder and the project's folder (absolute or as given).
    pub(super) src_dir: &'a std::path::Path,
    pub(super) project: &'a std::path::Path,
}

/// A rewritten chapter: its text, notes for the report (line, message), the files outside
/// `src/` (relative to the project) that its includes need, and its links that leave the
/// book: (the `[links]` prefix they need, e.g. `../std/`, line).
pub(super) type Rewritten = (
    String,
    Vec<(usize, String)>,
    Vec<String>,
    Vec<(String, usize)>,
);

/// The rewritten text and notes for the report (line, message).
pub(super) fn chapter(text: &str, src_rel: &str, book: &Book) -> Rewritten {
    let folder = src_rel.rfind('/').map_or("", |i| &src_rel[..=i]);
    let dest_rel = &book.dest[src_rel];
    let dest_folder = dest_rel.rfind('/').map_or("", |i| &dest_rel[..=i]);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut notes = Vec::new();
    let mut outside = Vec::new();
    let parser = Parser::new_ext(text, crate::markdown::options());
    for (_, def) in parser.reference_definitions().iter() {
        if let Some(p) = outside_prefix(folder, &def.dest) {
            outside.push((p, line_of(text, def.span.start)));
        }
        if let Some(new) = link_target(&def.dest, folder, dest_folder, book) {
            if let Some(at) = text[def.span.clone()].rfind(def.dest.as_ref()) {
                let s = def.span.start + at;
                edits.push((s, s + def.dest.len(), new));
            }
        }
    }
    let mut ids = Ids::default();
    let mut heading: Option<Heading> = None;
    let mut first = true;
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url,
                ..
            }) => {
                if let Some(p) = outside_prefix(folder, &dest_url) {
                    outside.push((p, line_of(text, range.start)));
                }
                if let Some(new) = link_target(&dest_url, folder, dest_folder, book) {
                    if let Some(at) = text[range.clone()].rfind(dest_url.as_ref()) {
                        let s = range.start + at;
                        edits.push((s, s + dest_url.len(), new));
                    }
                }
            }
            Event::Start(Tag::Heading { id, level, .. }) => {
                let leading = first && level == pulldown_cmark::HeadingLevel::H1;
                heading = Some((range, String::new(), id.is_some(), leading));
            }
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some(h) = heading.as_mut() {
                    h.1.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    heading_id(text, h, &mut ids, &mut edits, &mut notes);
                }
            }
            _ => {}
        }
        first = false;
    }
    if book.math {
        math_edits(text, &mut edits);
    }
    let extra = includes(text, folder, book, &mut edits, &mut notes);
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (s, e, new) in edits {
        out.replace_range(s..e, &new);
    }
    (out, notes, extra, outside)
}

/// A heading being read: its span, its text, whether it has an explicit id, and whether it
/// is the page's leading `#` heading (guide shows that one as the title).
type Heading = (std::ops::Range<usize>, String, bool, bool);

/// Keeps mdBook's id of a heading where guide's would differ: `{#id}` after it, or for the
/// leading heading (shown as the title, without an id) an anchor right after it.
fn heading_id(
    text: &str,
    (r, t, has_id, leading): Heading,
    ids: &mut Ids,
    edits: &mut Vec<(usize, usize, String)>,
    notes: &mut Vec<(usize, String)>,
) {
    let (md, guide) = ids.next(&t, has_id);
    let line_end = text[r.clone()].trim_end().len() + r.start;
    if leading {
        let nl = text[line_end..]
            .find('\n')
            .map_or(text.len(), |n| line_end + n);
        edits.push((nl, nl, format!("\n\n<div id=\"{md}\"></div>")));
    } else if !has_id && md != guide {
        if text[r.clone()].lines().count() > 1 {
            notes.push((
                line_of(text, r.start),
                format!("setext heading: its mdBook id `{md}` is not kept (guide's is `{guide}`)"),
            ));
        } else {
            edits.push((line_end, line_end, format!(" {{#{md}}}")));
        }
    }
}

/// mdBook's MathJax delimiters `\\(...\\)` / `\\[...\\]` as guide's `$...$` / `$$...$$`.
fn math_edits(text: &str, edits: &mut Vec<(usize, usize, String)>) {
    let events: Vec<_> = Parser::new_ext(text, crate::markdown::options())
        .into_offset_iter()
        .collect();
    for (span, display) in crate::markdown::mathjax_spans(text, &events) {
        let (open, close) = if display { ("$$", "$$") } else { ("$", "$") };
        let inner = unescape(text[span.start + 3..span.end - 3].trim());
        edits.push((span.start, span.end, format!("{open}{inner}{close}")));
    }
}

/// The `[links]` prefix a link that climbs out of `src/` needs: `../std/` for
/// `../../std/x.html` in `a/b.md`; None for links inside the book or to other sites.
pub(super) fn outside_prefix(folder: &str, dest: &str) -> Option<String> {
    if dest.contains("://") || dest.starts_with(['#', '/']) || dest.contains(':') {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let mut depth = 0usize;
    let mut climbed = 0usize;
    let mut rest: Vec<&str> = Vec::new();
    for seg in folder.split('/').chain(path.split('/')) {
        match seg {
            "" | "." => {}
            ".." if !rest.is_empty() => {
                rest.pop();
            }
            ".." if depth == 0 => climbed += 1,
            ".." => depth -= 1,
            s if climbed > 0 => rest.push(s),
            _ => depth += 1,
        }
    }
    (climbed > 0).then(|| match rest.first() {
        Some(first) if rest.len() > 1 || path.ends_with('/') => {
            format!("{}{first}/", "../".repeat(climbed))
        }
        _ => "../".repeat(climbed),
    })
}

/// Markdown's backslash escapes undone (`\\\\` → `\\`, `\_` → `_`), as mdBook's Markdown
/// pass did before MathJax saw the formula; `$` math is read raw.
fn unescape(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut chars = tex.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

pub(super) fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Heading ids as mdBook gives them and as guide would, each de-duplicated its own way.
#[derive(Default)]
struct Ids {
    md: HashMap<String, usize>,
    guide: HashMap<String, usize>,
}

impl Ids {
    fn next(&mut self, text: &str, explicit: bool) -> (String, String) {
        let md = dedup(normalize_id(text.trim()), &mut self.md);
        let guide = if explicit {
            md.clone()
        } else {
            dedup(crate::markdown::heading_slug(text), &mut self.guide)
        };
        (md, guide)
    }
}

fn dedup(base: String, seen: &mut HashMap<String, usize>) -> String {
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        format!("{base}-{}", *n - 1)
    }
}

/// mdBook's `normalize_id`: alphanumerics, `_` and `-` kept (ASCII lowercased), whitespace
/// to `-`, the rest dropped.
pub(super) fn normalize_id(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// The new href of a local link to a chapter, or None to keep it.
fn link_target(dest: &str, folder: &str, dest_folder: &str, book: &Book) -> Option<String> {
    if dest.is_empty()
        || dest.starts_with('#')
        || dest.contains("://")
        || dest.starts_with("mailto:")
    {
        return None;
    }
    let (path, frag) = match dest.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (dest, String::new()),
    };
    let src = normalize(&format!("{folder}{path}"))?;
    let target = chapter_of(&src, book)?;
    let new = format!("{}{frag}", relative(dest_folder, &book.dest[&target]));
    (new != dest).then_some(new)
}

/// The chapter a source path names: `x.md`, mdBook's `x.html`, a folder's `index.html`.
pub(super) fn chapter_of(src: &str, book: &Book) -> Option<String> {
    let stem = src.strip_suffix(".html").unwrap_or(src);
    let mut candidates = vec![src.to_string(), format!("{stem}.md")];
    if let Some(dir) = stem
        .strip_suffix("index")
        .or_else(|| src.is_empty().then_some(""))
    {
        candidates.push(format!("{dir}README.md"));
        candidates.push(format!("{dir}index.md"));
    }
    candidates.into_iter().find(|c| book.dest.contains_key(c))
}

/// `a/./b/../c.md` → `a/c.md`; None if it climbs out of `src/`.
pub(super) fn normalize(p: &str) -> Option<String> {
    crate::markdown::links::fold(p)
}

/// The path of `to` (relative to the content root) as seen from folder `from` (`a/b/`).
pub(super) fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out
}

/// `{{#include x.md}}` of a Markdown file that is not a chapter: it now lives in `partials/`.
fn includes(
    text: &str,
    folder: &str,
    book: &Book,
    edits: &mut Vec<(usize, usize, String)>,
    notes: &mut Vec<(usize, String)>,
) -> Vec<String> {
    let mut extra = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find("{{#") {
        let start = at + i;
        at = start + 3;
        if text[..start].ends_with('\\') {
            continue;
        }
        let Some(end) = text[start..].find("}}").map(|e| start + e) else {
            break;
        };
        let inner = text[start + 3..end].trim();
        let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        if !matches!(
            name,
            "include" | "rustdoc_include" | "playground" | "playpen"
        ) {
            notes.push((
                line_of(text, start),
                format!("`{{{{#{name}}}}}` has no equivalent in guide and is left as text"),
            ));
            continue;
        }
        let file = args.split_whitespace().next().unwrap_or("");
        let path = file.split(':').next().unwrap_or("");
        let line = line_of(text, start);
        if path.is_empty() {
            continue;
        }
        let Some(src) = normalize(&format!("{folder}{path}")) else {
            // Outside src/: inside the project it is copied beside content/, as it was.
            let src_name = book
                .src_dir
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let in_project = normalize(&format!("{src_name}/{folder}{path}"));
            match in_project {
                Some(rel) if book.project.join(&rel).is_file() => extra.push(rel),
                _ => {
                    notes.push((line, format!("included file `{path}` is not in the mdBook project: the directive is replaced by a note")));
                    edits.push((start, end + 2, format!("(guide import: the included file `{path}` was not in the mdBook project)")));
                }
            }
            continue;
        };
        if !book.src_dir.join(&src).is_file() {
            notes.push((
                line,
                format!(
                    "included file `{path}` does not exist: the directive is replaced by a note"
                ),
            ));
            edits.push((
                start,
                end + 2,
                format!("(guide import: the included file `{path}` did not exist)"),
            ));
            continue;
        }
        if book.partials.contains(&src) {
            let depth = folder.matches('/').count() + 1;
            let new = format!("{}partials/{src}", "../".repeat(depth));
            let p = start + 3 + text[start + 3..end].find(path).unwrap_or(0);
            edits.push((p, p + path.len(), new));
        }
    }
    extra
}

#[cfg(test)]
mod tests;
