//! The content model: pages in a section tree, in reading order, plus assets.
//!
//! Plain data: loading it (in `build`, with a cache) reads files and front matter but never renders Markdown, so the
//! pipeline can cache and re-render pages independently.

pub(crate) mod assets;
pub(crate) mod bibliography;
pub(crate) mod css_sanitize;
pub(crate) mod front_matter;
pub(crate) mod order;
pub(crate) mod review;
pub(crate) mod svg_audit;
pub(crate) mod svg_sanitize;
pub(crate) mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::fsx;
use front_matter::FrontMatter;

/// Index of a page in [`Site::pages`].
pub(crate) type PageId = usize;

/// One page (a Markdown file, or a folder without `_index.md`).
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// Path relative to the content folder, `/`-separated (`stretches/_index.md`).
    pub rel: String,
    /// Path as shown in diagnostics (`content/stretches/_index.md`).
    pub shown: PathBuf,
    /// The file's text (empty for a folder without `_index.md`).
    pub text: Arc<str>,
    /// Parsed front matter.
    pub front: FrontMatter,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    /// Root-relative URL: `""` for the landing page, else `stretches/lunge/`.
    pub url: String,
    /// An `_index.md` (or the folder stand-in for one).
    pub is_section: bool,
    /// The section it belongs to.
    pub parent: Option<PageId>,
    /// Children in order (sections only).
    pub children: Vec<PageId>,
    /// Title to use when neither front matter nor a `#` heading gives one.
    pub fallback_title: String,
}

/// The whole guide.
#[derive(Debug, Clone, Default)]
pub(crate) struct Site {
    /// Every page; `pages[home]` is the landing page (shared: a rebuild after a one-page
    /// edit reuses the others).
    pub pages: Vec<Arc<Page>>,
    /// The landing page.
    pub home: PageId,
    /// Reading order (depth first from the landing page).
    pub order: Vec<PageId>,
    /// Position of each page in `order`.
    pub position: Vec<usize>,
    /// Assets by rel path.
    pub assets: HashSet<String>,
    /// Pages by rel path (shared: a site patched after an edit of page bodies keeps it).
    pub by_rel: Arc<HashMap<String, PageId>>,
    /// Draft pages left out of this build (rel paths), so a link to one can say so.
    pub drafts: HashSet<String>,
}

impl Site {
    /// The page for a content-relative Markdown path.
    pub(crate) fn page_by_rel(&self, rel: &str) -> Option<PageId> {
        self.by_rel.get(rel).copied()
    }
    /// Ancestors from the landing page down, not including `id`.
    pub(crate) fn ancestors(&self, id: PageId) -> Vec<PageId> {
        let mut out = Vec::new();
        let mut cur = self.pages[id].parent;
        while let Some(p) = cur {
            out.push(p);
            cur = self.pages[p].parent;
        }
        out.reverse();
        out
    }
}

/// A page file read from disk, before it has a place in the tree.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// Content-relative path.
    pub rel: String,
    /// Shown path.
    pub shown: PathBuf,
    /// Text.
    pub text: Arc<str>,
    /// Front matter.
    pub front: FrontMatter,
    /// Body offset.
    pub body_start: usize,
}

/// Reads and splits one page file.
pub(crate) fn load_page(
    path: &Path,
    rel: &str,
    shown_content: &Path,
) -> Result<Loaded, Vec<crate::diag::Diagnostic>> {
    let shown = shown_content.join(rel);
    let text: Arc<str> = fsx::read_text(path, &shown).map_err(|d| vec![d])?.into();
    let split = front_matter::parse(&text, &shown)?;
    Ok(Loaded {
        rel: rel.to_string(),
        shown,
        text,
        front: split.front,
        body_start: split.body_start,
    })
}
