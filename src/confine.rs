//! Where guide may read and write: the project's boundaries.
//!
//! A guide is often someone else's (a contributed `book.toml`, a downloaded theme, a
//! content folder with symlinks), so nothing outside the project is read or written
//! unless `book.toml` says so with `[build] allow-outside`: the content folder, the theme
//! and an `output` set in book.toml must lie inside the project, and content symlinks
//! must resolve inside the content folder (so `content/x -> ../book.toml` or `../.env` is
//! refused). Hidden files in content are never published unless `include-hidden` lists
//! them. The rules live here, apart from the code that walks or writes, so each caller
//! asks the same question the same way.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};

/// Folders a path may resolve into (canonical), e.g. the content folder plus allowances.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bounds {
    inside: Vec<PathBuf>,
}

impl Bounds {
    /// The content folder and every `allow-outside` folder.
    pub(crate) fn content(cfg: &Config) -> Bounds {
        Bounds::with(cfg, real(&cfg.content_dir()))
    }

    /// The project folder and every `allow-outside` folder.
    pub(crate) fn project(cfg: &Config) -> Bounds {
        Bounds::with(cfg, real(&cfg.root))
    }

    fn with(cfg: &Config, first: PathBuf) -> Bounds {
        let mut inside = vec![first];
        inside.extend(
            cfg.build
                .allow_outside
                .iter()
                .map(|p| real(&cfg.root.join(p))),
        );
        Bounds { inside }
    }

    /// Whether `p` (resolved, symlinks followed) lies inside one of the folders. A path
    /// that cannot be resolved is outside.
    pub(crate) fn contains(&self, p: &Path) -> bool {
        p.canonicalize()
            .is_ok_and(|r| self.inside.iter().any(|b| r.starts_with(b)))
    }

    /// Whether `p` (which may not exist yet) lies inside one of the folders.
    pub(crate) fn contains_path(&self, p: &Path) -> bool {
        let r = real(p);
        self.inside.iter().any(|b| r.starts_with(b))
    }
}

/// Whether the hidden file or folder at `rel` (relative to the content folder,
/// `/`-separated) is listed in `include-hidden` (itself or a folder holding it).
pub(crate) fn hidden_allowed(rel: &str, listed: &[String]) -> bool {
    listed.iter().any(|l| {
        let l = l.trim_matches('/');
        !l.is_empty() && (rel == l || rel.starts_with(&format!("{l}/")))
    })
}

/// Checks book.toml's paths against the project's boundaries: `content`, `theme` and (when
/// it came from book.toml, not `--output`) `output` must stay inside the project unless
/// `allow-outside` lists where they lead. `text` is book.toml's text, for the location.
pub(crate) fn check_config(cfg: &Config, text: &Arc<str>, output_from_toml: bool) -> Diagnostics {
    let project = Bounds::project(cfg);
    let mut diags = Diagnostics::new();
    let mut check = |key: &str, value: &str, path: PathBuf, what: &str| {
        if project.contains_path(&path) {
            return;
        }
        let d = Diagnostic::error(format!(
            "`{key} = \"{value}\"` leads outside the project ({what} {})",
            real(&path).display()
        ))
        .hint(format!(
            "keep the {what} inside the folder holding book.toml, or, if you trust it, allow it \
             with `allow-outside = [\"{value}\"]` under [build]"
        ));
        diags.push(locate(d, text, key, value));
    };
    let content = cfg.build.content.to_string_lossy().into_owned();
    check("content", &content, cfg.content_dir(), "content folder");
    let theme = cfg.build.theme.clone();
    check(
        "theme",
        &theme,
        cfg.root.join("themes").join(&theme),
        "theme folder",
    );
    if output_from_toml {
        let output = cfg.build.output.to_string_lossy().into_owned();
        check("output", &output, cfg.output_dir(), "output folder");
    }
    if real(&cfg.root).starts_with(real(&cfg.content_dir())) {
        let d = Diagnostic::error(format!(
            "`content = \"{content}\"` holds the project itself: book.toml, the themes and \
             everything beside them would be published"
        ))
        .hint("keep the pages in a folder of their own, such as `content = \"content\"`");
        diags.push(locate(d, text, "content", &content));
    }
    diags
}

/// Points a diagnostic at `key = "value"` in book.toml when it can be found.
fn locate(d: Diagnostic, text: &Arc<str>, key: &str, value: &str) -> Diagnostic {
    let shown = Path::new("book.toml");
    let found = text.match_indices(key).find_map(|(at, _)| {
        let rest = &text[at + key.len()..];
        let eq = rest.trim_start().strip_prefix('=')?;
        let quote = eq.trim_start();
        let start = text.len() - quote.len();
        quote[1..]
            .starts_with(value)
            .then_some(start..start + value.len() + 2)
    });
    match found {
        Some(span) => d.at(shown, text, span),
        None => d.in_file(shown),
    }
}

/// The absolute, symlink-resolved form of a path that may not exist yet (its longest
/// existing ancestor resolved, the rest appended with `..` and `.` folded).
pub(crate) fn real(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    if let Ok(r) = abs.canonicalize() {
        return r;
    }
    let mut tail = Vec::new();
    let mut cur = abs.as_path();
    loop {
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_os_string());
                if let Ok(r) = parent.canonicalize() {
                    let mut out = r;
                    for t in tail.iter().rev() {
                        out.push(t);
                    }
                    return normalize(&out);
                }
                cur = parent;
            }
            _ => return normalize(&abs),
        }
    }
}

/// `p` with `.` and `..` components folded away, lexically (an include may name `../x.rs`),
/// so it compares with the absolute paths a watcher reports.
pub(crate) fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_listing_covers_the_folder_and_its_files() {
        let listed = vec![".well-known".to_string()];
        assert!(hidden_allowed(".well-known", &listed));
        assert!(hidden_allowed(".well-known/security.txt", &listed));
        assert!(!hidden_allowed(".well-knownx", &listed));
        assert!(!hidden_allowed(".env", &listed));
        assert!(!hidden_allowed(".env", &[String::new()]));
    }

    #[test]
    fn locate_finds_the_value() {
        let text: Arc<str> = Arc::from("[build]\ncontent = \"../x\"\n");
        let d = locate(Diagnostic::error("e"), &text, "content", "../x");
        assert_eq!(d.location().as_deref(), Some("book.toml:2:11"));
    }
}
