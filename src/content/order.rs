//! Places loaded pages in the section tree: parents, order, URLs, drafts, duplicates.
//!
//! Order is `weight` (lower first; pages without one after) and then the file name, so a
//! numeric prefix (`02-location.md`) orders pages and is then stripped from the URL.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::{Loaded, Page, PageId, Site};
use crate::diag::{Diagnostic, Diagnostics};
use crate::slug::slugify;

/// Builds the [`Site`] from loaded pages and assets.
pub(crate) fn assemble(
    loaded: Vec<Loaded>,
    assets: HashSet<String>,
    drafts: bool,
    shown: &Path,
) -> (Site, Diagnostics) {
    let mut diags = Diagnostics::new();
    let (loaded, left_out) = without_drafts(loaded, drafts);
    // Every folder that holds a page, and all their ancestors, is a section.
    let mut folders = BTreeSet::from([String::new()]);
    for l in &loaded {
        let mut f = folder_of(&l.rel);
        while !f.is_empty() {
            folders.insert(f.to_string());
            f = folder_of(f);
        }
    }
    let mut site = Site {
        assets,
        drafts: left_out.into_iter().map(|l| l.rel).collect(),
        ..Site::default()
    };
    let mut section_of: HashMap<String, PageId> = HashMap::new();
    let mut by_rel: HashMap<String, Loaded> =
        loaded.into_iter().map(|l| (l.rel.clone(), l)).collect();
    for folder in &folders {
        let rel = if folder.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{folder}/_index.md")
        };
        let name = folder.rsplit('/').next().unwrap_or("");
        let page = match by_rel.remove(&rel) {
            Some(l) => from_loaded(l, true, name),
            None => Page {
                shown: shown.join(folder),
                rel: rel.clone(),
                text: Arc::from(""),
                front: Default::default(),
                body_start: 0,
                url: String::new(),
                is_section: true,
                parent: None,
                children: Vec::new(),
                fallback_title: title_from_name(name),
            },
        };
        section_of.insert(folder.clone(), site.pages.len());
        site.pages.push(Arc::new(page));
    }
    let mut rest: Vec<Loaded> = by_rel.into_values().collect();
    rest.sort_by(|a, b| a.rel.cmp(&b.rel));
    for l in rest {
        let stem = l.rel.rsplit('/').next().unwrap_or("");
        let stem = stem.trim_end_matches(".md").to_string();
        site.pages.push(Arc::new(from_loaded(l, false, &stem)));
    }
    link_family(&mut site, &section_of);
    site.home = section_of[""];
    assign_urls(&mut site);
    index(&mut site);
    check_duplicates(&site, &mut diags);
    (site, diags)
}

/// The pages of this build, and the drafts left out (all pages when `drafts`): a draft
/// `_index.md` leaves out its whole folder.
fn without_drafts(loaded: Vec<Loaded>, drafts: bool) -> (Vec<Loaded>, Vec<Loaded>) {
    let draft_dirs: Vec<String> = loaded
        .iter()
        .filter(|l| l.front.draft && !drafts && l.rel.ends_with("_index.md"))
        .map(|l| folder_of(&l.rel).to_string())
        .collect();
    loaded.into_iter().partition(|l| {
        drafts
            || (!l.front.draft
                && !draft_dirs
                    .iter()
                    .any(|d| !d.is_empty() && l.rel.starts_with(&format!("{d}/"))))
    })
}

/// Each page's parent and each section's children, in order.
fn link_family(site: &mut Site, section_of: &HashMap<String, PageId>) {
    for id in 0..site.pages.len() {
        let rel = site.pages[id].rel.clone();
        let folder = folder_of(&rel);
        let parent_folder = if site.pages[id].is_section {
            if folder.is_empty() {
                continue;
            }
            folder_of(folder)
        } else {
            folder
        };
        let parent = section_of[parent_folder];
        Arc::make_mut(&mut site.pages[id]).parent = Some(parent);
        Arc::make_mut(&mut site.pages[parent]).children.push(id);
    }
    for id in 0..site.pages.len() {
        let mut children = std::mem::take(&mut Arc::make_mut(&mut site.pages[id]).children);
        children.sort_by(|&a, &b| sort_key(&site.pages[a]).cmp(&sort_key(&site.pages[b])));
        Arc::make_mut(&mut site.pages[id]).children = children;
    }
}

/// Reading order, each page's position in it, and pages by path.
fn index(site: &mut Site) {
    site.order = depth_first(site, site.home);
    site.position = vec![0; site.pages.len()];
    for (i, &id) in site.order.iter().enumerate() {
        site.position[id] = i;
    }
    site.by_rel = Arc::new(
        site.pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.rel.clone(), i))
            .collect(),
    );
}

fn from_loaded(l: Loaded, is_section: bool, name: &str) -> Page {
    Page {
        rel: l.rel,
        shown: l.shown,
        text: l.text,
        front: l.front,
        body_start: l.body_start,
        url: String::new(),
        is_section,
        parent: None,
        children: Vec::new(),
        fallback_title: title_from_name(name),
    }
}

fn depth_first(site: &Site, id: PageId) -> Vec<PageId> {
    let mut out = Vec::with_capacity(site.pages.len());
    let mut stack = vec![id];
    while let Some(p) = stack.pop() {
        out.push(p);
        stack.extend(site.pages[p].children.iter().rev());
    }
    out
}

fn assign_urls(site: &mut Site) {
    let mut stack = vec![site.home];
    while let Some(id) = stack.pop() {
        let children = site.pages[id].children.clone();
        for c in children {
            let seg = segment(&site.pages[c]);
            let url = format!("{}{seg}/", site.pages[id].url);
            Arc::make_mut(&mut site.pages[c]).url = url;
            stack.push(c);
        }
    }
}

/// The URL segment of a page: its slug, else its file or folder name without a numeric prefix.
fn segment(p: &Page) -> String {
    if let Some(s) = &p.front.slug {
        return s.clone();
    }
    let name = if p.is_section {
        folder_of(&p.rel).rsplit('/').next().unwrap_or("")
    } else {
        p.rel
            .rsplit('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".md")
    };
    slugify(strip_prefix(name))
}

/// `02-location` -> `location`; a name that is only a number keeps it.
pub(crate) fn strip_prefix(name: &str) -> &str {
    let digits = name.len() - name.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &name[digits..];
    match rest.strip_prefix(['-', '_', '.', ' ']) {
        Some(r) if digits > 0 && !r.is_empty() => r,
        _ => name,
    }
}

fn title_from_name(name: &str) -> String {
    let base = strip_prefix(name).replace(['-', '_'], " ");
    let mut c = base.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn sort_key(p: &Page) -> (bool, i64, &str) {
    let name = if p.is_section {
        folder_of(&p.rel).rsplit('/').next().unwrap_or("")
    } else {
        p.rel.rsplit('/').next().unwrap_or("")
    };
    (p.front.weight.is_none(), p.front.weight.unwrap_or(0), name)
}

fn folder_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(f, _)| f)
}

fn check_duplicates(site: &Site, diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, PageId> = HashMap::new();
    for (id, p) in site.pages.iter().enumerate() {
        if let Some(&other) = seen.get(p.url.as_str()) {
            let o = &site.pages[other];
            diags.push(
                Diagnostic::error(format!(
                    "{} and {} both have the URL /{}",
                    o.shown.display(),
                    p.shown.display(),
                    p.url
                ))
                .in_file(&p.shown)
                .hint(
                    "rename one of the files, or give one a different `slug` in its front matter",
                ),
            );
        } else {
            seen.insert(&p.url, id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_slugs() {
        assert_eq!(strip_prefix("02-location"), "location");
        assert_eq!(strip_prefix("2024"), "2024");
        assert_eq!(strip_prefix("10_a"), "a");
        assert_eq!(title_from_name("03-kneeling-lunge"), "Kneeling lunge");
    }
}
