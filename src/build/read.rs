//! The read phase: walk the content folder and read its page and asset files, reusing what
//! the last build read of every file that did not change.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;

use super::cache::State;
use crate::config::Config;
use crate::content::assets::{self, ImageInfo};
use crate::content::{self, Loaded, walk};
use crate::diag::Diagnostics;

/// The files changed since the last build (absolute paths, as a watcher reports them).
#[derive(Clone, Copy)]
pub(crate) struct Changed<'a>(pub(crate) &'a [PathBuf]);

impl Changed<'_> {
    /// Whether `path` changed: a changed folder (a rename, or a rescan after lost events)
    /// means every file under it.
    pub(crate) fn contains(&self, path: &Path) -> bool {
        self.0.iter().any(|c| path.starts_with(c))
    }

    /// Whether the file `rel` (relative to `dir`, may hold `..`) changed.
    pub(crate) fn contains_under(&self, dir: &Path, rel: &str) -> bool {
        self.contains(&crate::confine::normalize(&dir.join(rel)))
    }
}

/// What the read phase found.
pub(crate) struct Read {
    /// The walk and what it reported, for the next build (shared: a rebuild after an edit
    /// in place reuses it whole).
    pub(crate) walked: Arc<(walk::Walk, Diagnostics)>,
    /// Every page file, read.
    pub(crate) loaded: Vec<Arc<Loaded>>,
    /// Every asset, by content-relative path.
    pub(crate) assets: HashSet<String>,
    /// Every asset's bytes.
    pub(crate) asset_bytes: HashMap<String, Bytes>,
    /// Size and inlinable markup of every image.
    pub(crate) images: HashMap<String, ImageInfo>,
    /// Images whose size or SVG markup changed: the pages showing them are rendered again.
    pub(crate) edited_images: HashSet<String>,
}

/// Reads the content folder of `cfg`, reusing `prev` for files not in `changed`; problems
/// go to `diags`.
pub(crate) fn read(cfg: &Config, prev: &State, changed: Changed, diags: &mut Diagnostics) -> Read {
    let walked = match &prev.walked {
        Some(w) if w.0.still_valid(changed.0) => w.clone(),
        _ => Arc::new(walk::walk(cfg, &cfg.content_dir(), &cfg.build.content)),
    };
    diags.extend(walked.1.clone());
    let walked = with_fallback(cfg, walked, diags);
    let found = &walked.0;
    let shown = &cfg.build.content;
    let fallback = cfg.translation.as_ref().and_then(|t| t.fallback.clone());
    let shown_of = |f: &walk::Found| match &fallback {
        Some((dir, from)) if f.path.starts_with(dir) => from.clone(),
        _ => shown.clone(),
    };
    let last = Last::of(&prev.loaded, &found.pages);
    let results: Vec<_> = found
        .pages
        .par_iter()
        .enumerate()
        .map(|(i, f)| match last.get(i, &f.rel) {
            Some(l) if !changed.contains(&f.path) => Ok(l.clone()),
            _ => content::load_page(&f.path, &f.rel, &shown_of(f)).map(Arc::new),
        })
        .collect();
    let mut loaded = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(l) => loaded.push(l),
            Err(ds) => ds.into_iter().for_each(|d| diags.push(d)),
        }
    }
    let (asset_bytes, images, edited_images) = read_assets(cfg, prev, found, changed, diags);
    let assets = found.assets.iter().map(|f| f.rel.clone()).collect();
    Read {
        walked,
        loaded,
        assets,
        asset_bytes,
        images,
        edited_images,
    }
}

/// The last build's pages: by position when it read the same files in the same order (an
/// edit in place), else by path.
enum Last<'a> {
    Aligned(&'a [Arc<Loaded>]),
    ByRel(HashMap<&'a str, &'a Arc<Loaded>>),
}

impl<'a> Last<'a> {
    fn of(prev: &'a [Arc<Loaded>], pages: &[walk::Found]) -> Self {
        let aligned =
            prev.len() == pages.len() && prev.iter().zip(pages).all(|(l, f)| l.rel == f.rel);
        match aligned {
            true => Last::Aligned(prev),
            false => Last::ByRel(prev.iter().map(|l| (l.rel.as_str(), l)).collect()),
        }
    }

    /// The last build's page `rel`, at position `i` of this walk.
    fn get(&self, i: usize, rel: &str) -> Option<&'a Arc<Loaded>> {
        match self {
            Last::Aligned(prev) => prev.get(i),
            Last::ByRel(by) => by.get(rel).copied(),
        }
    }
}

/// A language's walk completed by the default language's pages and assets it lacks (the
/// pages not yet translated), which are then rendered from the default language.
fn with_fallback(
    cfg: &Config,
    walked: Arc<(walk::Walk, Diagnostics)>,
    diags: &mut Diagnostics,
) -> Arc<(walk::Walk, Diagnostics)> {
    let Some((dir, shown)) = cfg.translation.as_ref().and_then(|t| t.fallback.as_ref()) else {
        return walked;
    };
    let (mut own, d) = Arc::unwrap_or_clone(walked);
    let (base, base_diags) = walk::walk(cfg, dir, shown);
    diags.extend(base_diags);
    let have: HashSet<String> = own
        .pages
        .iter()
        .chain(&own.assets)
        .map(|f| f.rel.clone())
        .collect();
    own.pages
        .extend(base.pages.into_iter().filter(|f| !have.contains(&f.rel)));
    own.assets
        .extend(base.assets.into_iter().filter(|f| !have.contains(&f.rel)));
    Arc::new((own, d))
}

type Assets = (
    HashMap<String, Bytes>,
    HashMap<String, ImageInfo>,
    HashSet<String>,
);

/// Reads and measures the new or changed assets; keeps the others from `prev`.
fn read_assets(
    cfg: &Config,
    prev: &State,
    found: &walk::Walk,
    changed: Changed,
    diags: &mut Diagnostics,
) -> Assets {
    let fresh: Vec<_> = found
        .assets
        .par_iter()
        .filter(|f| changed.contains(&f.path) || !prev.asset_bytes.contains_key(&f.rel))
        .map(|f| {
            let bytes = crate::fsx::read(&f.path, &cfg.build.content.join(&f.rel));
            (f.rel.clone(), bytes)
        })
        .collect();
    let keep: HashSet<&str> = found.assets.iter().map(|f| f.rel.as_str()).collect();
    let kept = |k: &String| keep.contains(k.as_str());
    let mut bytes: HashMap<String, Bytes> = prev
        .asset_bytes
        .iter()
        .filter(|(k, _)| kept(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut images: HashMap<String, ImageInfo> = prev
        .images
        .iter()
        .filter(|(k, _)| kept(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut edited = HashSet::new();
    for (rel, read) in fresh {
        match read {
            Ok(b) => {
                let info = crate::media::wants_probe(&rel)
                    .then(|| assets::info(&rel, &b))
                    .flatten();
                if prev.images.get(&rel) != info.as_ref() {
                    edited.insert(rel.clone());
                }
                match info {
                    Some(info) => images.insert(rel.clone(), info),
                    None => images.remove(&rel),
                };
                bytes.insert(rel, Bytes::from(b));
            }
            Err(d) => diags.push(d),
        }
    }
    (bytes, images, edited)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(rel: &str) -> Arc<Loaded> {
        Arc::new(Loaded {
            rel: rel.into(),
            shown: PathBuf::from("content").join(rel),
            text: Arc::from(rel),
            front: Default::default(),
            body_start: 0,
        })
    }

    fn found(rel: &str) -> walk::Found {
        walk::Found {
            path: PathBuf::from("/g/content").join(rel),
            rel: rel.into(),
        }
    }

    #[test]
    fn the_last_pages_are_found_by_position_only_when_the_walk_is_the_same() {
        let prev = [loaded("a.md"), loaded("b.md")];
        let same = [found("a.md"), found("b.md")];
        let last = Last::of(&prev, &same);
        assert!(matches!(last, Last::Aligned(_)));
        assert_eq!(last.get(1, "b.md").unwrap().rel, "b.md");
        // A page added in front shifts every position: each is found by its path.
        let added = [found("0.md"), found("a.md"), found("b.md")];
        let last = Last::of(&prev, &added);
        assert!(last.get(0, "0.md").is_none());
        assert_eq!(last.get(1, "a.md").unwrap().rel, "a.md");
        assert_eq!(last.get(2, "b.md").unwrap().rel, "b.md");
        // A rename at the same position is a new page, not the old one's text.
        let renamed = [found("a.md"), found("c.md")];
        let last = Last::of(&prev, &renamed);
        assert!(last.get(1, "c.md").is_none());
    }

    #[test]
    fn a_changed_folder_changes_every_file_under_it_and_dots_fold() {
        let changed = [PathBuf::from("/g/content/s")];
        let c = Changed(&changed);
        assert!(c.contains(Path::new("/g/content/s/a.md")));
        assert!(!c.contains(Path::new("/g/content/sa.md")));
        assert!(c.contains_under(Path::new("/g/content/t"), "../s/x.rs"));
        assert!(!c.contains_under(Path::new("/g/content/t"), "./x.rs"));
    }
}
