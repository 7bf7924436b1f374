//! `guide init`: a new guide that builds at once, showing a figure, steps and a callout.

use std::path::Path;

use crate::cli::Global;
use crate::diag::{Diagnostic, Diagnostics};
use crate::fsx;

const FILES: &[(&str, &str)] = &[
    ("book.toml", include_str!("starter/book.toml")),
    ("content/_index.md", include_str!("starter/_index.md")),
    (
        "content/01-first-steps.md",
        include_str!("starter/01-first-steps.md"),
    ),
    (
        "content/diagrams/example.svg",
        include_str!("starter/example.svg"),
    ),
];

/// Scaffolds a guide in `dir`, which must be empty or not exist.
pub(super) fn init(dir: &Path, g: &Global) -> Result<(), Diagnostics> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(Diagnostic::error(format!("{} is not empty", dir.display()))
                .hint("guide init only writes into an empty or new folder, so it never overwrites your files: `guide init my-guide`")
                .into());
        }
    }
    for (path, text) in FILES {
        fsx::write(&dir.join(path), text.as_bytes())?;
    }
    if !g.quiet {
        println!(
            "Created a guide in {}. Next: `guide serve {}`",
            dir.display(),
            dir.display()
        );
    }
    Ok(())
}
