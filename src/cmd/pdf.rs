//! `guide pdf`: builds the guide, then prints the print view and every handout to PDF, on
//! A4 and on US Letter, through an installed Chromium or Chrome (see [`crate::print::pdf`]).

use std::path::{Path, PathBuf};

use super::overrides;
use crate::cli::{BuildArgs, Global};
use crate::diag::{Diagnostic, Diagnostics};
use crate::print::pdf::{INSTALL_HINT, Paper, PdfError, find_browser, print};

/// Builds `dir`, then writes `<out>/guide-<paper>.pdf` and `<out>/handouts/<page>-<paper>.pdf`
/// (`out` defaults to the project's `pdf/` folder).
pub(super) fn pdf(
    dir: &Path,
    g: &Global,
    b: &BuildArgs,
    (browser, out): (Option<&Path>, Option<&Path>),
) -> Result<(), Diagnostics> {
    // The browser first: no build is worth making when nothing can print it.
    let browser = find_browser(browser).map_err(|e| diag(e, g))?;
    super::build::build(dir, g, b, true)?;
    let root = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let cfg = crate::config::load(&root, &overrides(b))?;
    let site = cfg.output_dir();
    let out = match out {
        Some(o) => std::path::absolute(o).unwrap_or_else(|_| o.to_path_buf()),
        None => root.join("pdf"),
    };
    let mut jobs: Vec<(PathBuf, String)> = vec![(site.join("print/index.html"), "guide".into())];
    for (page, name) in handouts(&site.join("handout")) {
        jobs.push((page, format!("handouts/{name}")));
    }
    let mut made = 0;
    for (page, name) in &jobs {
        for paper in [Paper::A4, Paper::Letter] {
            let file = out.join(format!("{name}-{}.pdf", paper.name()));
            if let Some(parent) = file.parent() {
                std::fs::create_dir_all(parent).map_err(|e| {
                    Diagnostic::error(format!("cannot create {}: {e}", parent.display()))
                })?;
            }
            print(&browser, page, paper, &file).map_err(|e| diag(e, g))?;
            made += 1;
        }
    }
    if !g.quiet {
        println!(
            "Printed {made} PDFs into {}/ with {}",
            out.display(),
            browser.display()
        );
    }
    Ok(())
}

/// Every handout page under `dir` (`handout/`), named by its folder (`release`, `a-b`).
fn handouts(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found: Vec<(PathBuf, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .filter_map(|e| {
            let rel = e.path().parent()?.strip_prefix(dir).ok()?;
            let name = rel.to_string_lossy().replace(['/', '\\'], "-");
            (!name.is_empty()).then(|| (e.path().to_path_buf(), name))
        })
        .collect();
    found.sort();
    found
}

/// Not an error in the guide: shown here, without the build summary (empty diagnostics
/// make the exit code 1 and nothing more).
fn diag(e: PdfError, g: &Global) -> Diagnostics {
    let d = Diagnostic::error(e.to_string());
    let d = match e {
        PdfError::NoBrowser { .. } => d.hint(INSTALL_HINT),
        PdfError::Failed { .. } => d.hint("run the same browser by hand to see why it fails"),
    };
    super::report_warnings(&d.into(), g);
    Diagnostics::new()
}
