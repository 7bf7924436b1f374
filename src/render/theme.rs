//! The theme: templates and static files, embedded in the binary and overlaid file by file
//! by the project's `themes/<name>/` folder.
//!
//! A map from path to bytes (not one field per file, as mdBook has) so a theme can add
//! templates and static files freely.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::config::Config;
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
                let mut diags = Diagnostics::new();
                for entry in WalkDir::new(&dir).follow_links(true).sort_by_file_name() {
                    let Ok(entry) = entry else { continue };
                    if !entry.file_type().is_file()
                        || entry.file_name().to_string_lossy().starts_with('.')
                    {
                        continue;
                    }
                    let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                    let key = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    let shown = PathBuf::from("themes").join(&cfg.build.theme).join(rel);
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
