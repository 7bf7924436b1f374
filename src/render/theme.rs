//! The theme: templates and static files, embedded in the binary and overlaid file by file
//! by the project's `themes/<name>/` folder.
//!
//! A map from path to bytes (not one field per file, as mdBook has) so a theme can add
//! templates and static files freely. The theme folder and what its symlinks lead to must
//! lie inside the project (see [`crate::confine`]).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::config::Config;
use crate::confine::Bounds;
use crate::diag::{Diagnostic, Diagnostics};
use crate::fsx;

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// One theme file and where it came from.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Contents.
    pub bytes: Cow<'static, [u8]>,
    /// Where it came from, as shown in errors (`themes/mine/templates/page.html`, or
    /// `<embedded theme>/templates/page.html`).
    pub shown: PathBuf,
}

/// Theme files by path inside the theme (`templates/page.html`, `static/style.css`).
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// The files.
    pub files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// The embedded default theme overlaid by the project's theme folder.
    pub fn load(cfg: &Config) -> Result<Theme, Diagnostics> {
        let mut theme = Theme::default();
        add_embedded(&DEFAULT, &mut theme);
        match cfg.theme_dir() {
            Some(dir) => {
                let diags = overlay(cfg, &dir, &mut theme);
                if diags.is_empty() {
                    Ok(theme)
                } else {
                    Err(diags)
                }
            }
            None if cfg.build.theme != "default" => Err(Diagnostic::error(format!(
                "theme `{}` not found",
                cfg.build.theme
            ))
            .in_file("book.toml")
            .hint(format!(
                "create themes/{}/ with the files to override, or remove `theme` from [build]",
                cfg.build.theme
            ))
            .into()),
            None => Ok(theme),
        }
    }

    /// The embedded default theme alone (for `guide init` and tests).
    pub fn embedded() -> Theme {
        let mut theme = Theme::default();
        add_embedded(&DEFAULT, &mut theme);
        theme
    }

    /// Templates: (name inside `templates/`, file).
    pub fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("templates/").map(|n| (n, f)))
    }

    /// Static files: (path inside `static/`, file).
    pub fn statics(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("static/").map(|n| (n, f)))
    }
}

/// Overlays the files of the project's theme folder `dir`. A symlink in it that leads
/// outside the project (and every `allow-outside` folder) is an error, not followed: a
/// downloaded theme must not publish `~/.ssh` through a `static -> /` link.
fn overlay(cfg: &Config, dir: &Path, theme: &mut Theme) -> Diagnostics {
    let bounds = Bounds::project(cfg);
    let mut diags = Diagnostics::new();
    let mut entries = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let Ok(entry) = entry else { continue };
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let shown = PathBuf::from("themes").join(&cfg.build.theme).join(rel);
        if entry.path_is_symlink() && !bounds.contains(entry.path()) {
            diags.push(
                Diagnostic::error(format!(
                    "{} is a symlink that leads outside the project; it is not followed",
                    shown.display()
                ))
                .in_file(&shown)
                .hint(
                    "copy the files into the theme folder, or, if you trust where the link \
                     leads, list that folder in `allow-outside = [\"…\"]` under [build]",
                ),
            );
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match fsx::read(entry.path(), &shown) {
            Ok(bytes) => {
                theme.files.insert(
                    key,
                    ThemeFile {
                        bytes: Cow::Owned(bytes),
                        shown,
                    },
                );
            }
            Err(d) => diags.push(d),
        }
    }
    diags
}

fn add_embedded(dir: &'static Dir<'static>, theme: &mut Theme) {
    for f in dir.files() {
        let key = f.path().to_string_lossy().replace('\\', "/");
        let shown = PathBuf::from("<embedded theme>").join(f.path());
        theme.files.insert(
            key,
            ThemeFile {
                bytes: Cow::Borrowed(f.contents()),
                shown,
            },
        );
    }
    for d in dir.dirs() {
        add_embedded(d, theme);
    }
}
