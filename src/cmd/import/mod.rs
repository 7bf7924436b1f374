//! `guide import mdbook SRC DEST`: an mdBook project (`book.toml`, `src/SUMMARY.md`) as a
//! guide project that builds at once. Chapters keep their folders (so includes, images and
//! relative paths stay right); a `README.md`/`index.md` chapter becomes its folder's
//! `_index.md`; SUMMARY.md order becomes `weight`; every old `.html` URL and
//! `[output.html.redirect]` becomes a `[redirects]` entry. SRC is only read; DEST must be
//! empty; the same SRC always gives the same DEST (sorted walks, no dates).

mod config;
mod layout;
mod links;
mod rewrite;
mod summary;
mod write;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};

/// What the import did, for the short report.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pages: usize,
    assets: usize,
    redirects: usize,
    mapped: Vec<String>,
    /// `file:line: what has no equivalent`.
    unmapped: Vec<String>,
}

impl Report {
    /// The report as printed.
    pub(crate) fn render(&self, dest: &Path) -> String {
        let mut s = format!(
            "Imported {} pages, {} assets and {} redirects into {}\n",
            self.pages,
            self.assets,
            self.redirects,
            dest.display()
        );
        for m in &self.mapped {
            s.push_str(&format!("  mapped: {m}\n"));
        }
        if !self.unmapped.is_empty() {
            s.push_str(&format!(
                "{} things have no equivalent in guide:\n",
                self.unmapped.len()
            ));
            for u in &self.unmapped {
                s.push_str(&format!("  {u}\n"));
            }
        }
        s
    }
}

fn fail(msg: String, hint: &str) -> Diagnostics {
    Diagnostic::error(msg).hint(hint.to_string()).into()
}

/// Imports the mdBook project at `src` into the empty (or missing) folder `dest`.
pub(crate) fn mdbook(src: &Path, dest: &Path) -> Result<Report, Diagnostics> {
    let toml_path = src.join("book.toml");
    if !toml_path.is_file() {
        return Err(fail(
            format!("no book.toml in {}", src.display()),
            "pass the folder of an mdBook project (the one holding book.toml)",
        ));
    }
    if dest.exists() && std::fs::read_dir(dest).map_or(true, |mut d| d.next().is_some()) {
        return Err(fail(
            format!("{} is not an empty folder", dest.display()),
            "import into a new or empty folder; nothing was written",
        ));
    }
    let toml_text: Arc<str> = crate::fsx::read_text(&toml_path, Path::new("book.toml"))?.into();
    let mut report = Report::default();
    let book = config::read(&toml_text, &mut report)?;
    let src_dir = src.join(&book.src);
    let summary_shown = PathBuf::from(&book.src).join("SUMMARY.md");
    let summary_path = src_dir.join("SUMMARY.md");
    if !summary_path.is_file() {
        return Err(fail(
            format!("no SUMMARY.md in {}", src_dir.display()),
            "an mdBook project lists its chapters in src/SUMMARY.md",
        ));
    }
    let summary_text: Arc<str> = crate::fsx::read_text(&summary_path, &summary_shown)?.into();
    let items = summary::parse(&summary_text);
    let plan = layout::layout(&items, &src_dir, &summary_shown, &summary_text, &mut report)?;
    write::write(src, &src_dir, dest, &book, &plan, &mut report)?;
    Ok(report)
}

/// mdBook's output path of a chapter: `a/b.md` → `a/b.html`, `a/README.md` → `a/index.html`.
pub(super) fn old_url(src_rel: &str) -> String {
    let folder = src_rel.rfind('/').map_or("", |i| &src_rel[..=i]);
    let name = &src_rel[folder.len()..];
    if name.eq_ignore_ascii_case("README.md") || name.eq_ignore_ascii_case("index.md") {
        format!("{folder}index.html")
    } else {
        format!("{}.html", src_rel.strip_suffix(".md").unwrap_or(src_rel))
    }
}

/// Whether guide writes the page where mdBook did (a section's `index.html`).
pub(super) fn same_place(old: &str, dest: &str) -> bool {
    let Some(folder) = dest.strip_suffix("_index.md") else {
        return false;
    };
    old == format!("{folder}index.html")
        && folder
            .split('/')
            .all(|s| crate::content::order::strip_prefix(s) == s)
}

pub(super) fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}
