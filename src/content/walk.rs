//! Finds the content folder's pages and assets.
//!
//! Hidden files and editor droppings (`~`, `.swp`, `#x#`) are skipped so a save in progress
//! never becomes a page (hidden ones listed in `include-hidden` are kept). Symlinks are
//! followed, but one that leads outside the content folder (and any `allow-outside`
//! folder) or loops is reported as an error rather than followed: a guide must not publish
//! files from elsewhere (`../book.toml`, `../.env`), and an error rather than a warning
//! because the author linked the file meaning it to be published.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::confine::{self, Bounds};
use crate::diag::{Diagnostic, Diagnostics};

/// A file found under the content folder.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Absolute path.
    pub path: PathBuf,
    /// Path relative to the content folder, `/`-separated.
    pub rel: String,
}

/// What the walk found.
#[derive(Debug, Default, Clone)]
pub(crate) struct Walk {
    /// `.md` files.
    pub pages: Vec<Found>,
    /// Every other file.
    pub assets: Vec<Found>,
}

impl Walk {
    /// Whether a walk now would find the same files, given that only `changed` changed:
    /// true when each of them is a file this walk found and is still a plain file there
    /// (not a symlink, which the walk would have to check). An edit saved in place or by
    /// rename-over is the common case, and at 10,000 pages a walk costs ~25 ms.
    pub(crate) fn still_valid(&self, changed: &[PathBuf]) -> bool {
        !changed.is_empty()
            && changed.iter().all(|c| {
                let known = self.pages.iter().chain(&self.assets).any(|f| &f.path == c);
                known && std::fs::symlink_metadata(c).is_ok_and(|m| m.file_type().is_file())
            })
    }
}

/// Is this a file an editor or the OS leaves around, never content? The same list serve's
/// watcher ignores ([`crate::scratch`]).
pub(crate) fn is_ignored_name(name: &str) -> bool {
    crate::scratch::is_scratch_name(name)
}

/// Walks `content` (absolute) of the project `cfg`; `shown` is the content folder as shown.
pub(crate) fn walk(cfg: &Config, content: &Path, shown: &Path) -> (Walk, Diagnostics) {
    let mut out = Walk::default();
    let mut diags = Diagnostics::new();
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(format!(
                "the content folder {} does not exist",
                shown.display()
            ))
            .in_file("book.toml")
            .hint("create it with an _index.md, or set `[build] content = \"…\"` in book.toml"),
        );
        return (out, diags);
    }
    let bounds = Bounds::content(cfg);
    let hidden = &cfg.build.include_hidden;
    let walker = WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let walker = walker.filter_entry(|e| e.depth() == 0 || !skipped(e, content, hidden));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e
                    .path()
                    .map(|p| rel_shown(shown, content, p))
                    .unwrap_or_else(|| shown.to_path_buf());
                let what = if e.loop_ancestor().is_some() {
                    "a symlink loop".to_string()
                } else {
                    e.to_string()
                };
                diags.push(
                    Diagnostic::error(format!("could not read {}: {what}", at.display()))
                        .in_file(at)
                        .hint("remove the link or the unreadable file from the content folder"),
                );
                continue;
            }
        };
        if entry.path_is_symlink() && !bounds.contains(entry.path()) {
            diags.push(outside_link(&rel_shown(shown, content, entry.path())));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(content) else {
            continue;
        };
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if is_partial(&rel) {
            continue;
        }
        let found = Found {
            path: entry.path().to_path_buf(),
            rel,
        };
        if found.rel.ends_with(".md") {
            out.pages.push(found);
        } else {
            out.assets.push(found);
        }
    }
    (out, diags)
}

/// Is this content-relative path only for inclusion (`{{#include}}`), never published on
/// its own? Any file or folder whose name starts with `_`, except `_index.md` (as Jekyll
/// does): `_shared/safety.md`, `_note.md`, `_listings/main.rs`.
pub(crate) fn is_partial(rel: &str) -> bool {
    let mut parts = rel.split('/').peekable();
    while let Some(p) = parts.next() {
        let last = parts.peek().is_none();
        if p.starts_with('_') && !(last && p == "_index.md") {
            return true;
        }
    }
    false
}

/// Whether the walk skips this entry: an editor's or the OS's file, or a hidden one not
/// listed in `include-hidden`.
fn skipped(e: &walkdir::DirEntry, content: &Path, hidden: &[String]) -> bool {
    let name = e.file_name().to_string_lossy();
    if !is_ignored_name(&name) {
        return false;
    }
    let rel = e.path().strip_prefix(content).unwrap_or(e.path());
    let rel = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    !(name.starts_with('.') && confine::hidden_allowed(&rel, hidden))
}

/// The error for a content symlink that resolves outside the content folder.
fn outside_link(at: &Path) -> Diagnostic {
    Diagnostic::error(format!(
        "{} is a symlink that leads outside the content folder; it is not followed",
        at.display()
    ))
    .in_file(at)
    .hint(
        "copy the file into the content folder instead of linking to it, or, if you trust \
         where it leads, list that folder in `allow-outside = [\"…\"]` under [build]",
    )
}

fn rel_shown(shown: &Path, content: &Path, p: &Path) -> PathBuf {
    shown.join(p.strip_prefix(content).unwrap_or(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_ignored() {
        for n in [".x.md.swp", "a.md~", "#a.md#", ".DS_Store", "4913", "x.tmp"] {
            assert!(is_ignored_name(n), "{n}");
        }
        assert!(!is_ignored_name("anatomy.md"));
    }

    #[test]
    fn partials_are_underscored() {
        for p in [
            "_note.md",
            "_shared/safety.md",
            "a/_listings/main.rs",
            "_x.png",
        ] {
            assert!(is_partial(p), "{p}");
        }
        for p in [
            "_index.md",
            "a/_index.md",
            "a/b.md",
            "listings/x.rs",
            "a_b.md",
        ] {
            assert!(!is_partial(p), "{p}");
        }
    }
}
