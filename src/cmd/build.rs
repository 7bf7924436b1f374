//! `guide build` and `guide check`: the same pipeline; check writes nothing.

use std::path::Path;
use std::time::Instant;

use super::{overrides, progress};
use crate::build::build_loaded;
use crate::cli::{BuildArgs, Global};
use crate::diag::Diagnostics;
use crate::output::write;

/// Builds the guide in `dir`; writes the output when `write_out`.
pub(super) fn build(
    dir: &Path,
    g: &Global,
    b: &BuildArgs,
    write_out: bool,
) -> Result<(), Diagnostics> {
    let start = Instant::now();
    // The root is made absolute here, once: the config, the output folder and every
    // diagnostic path derive from it.
    let root = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let overrides = overrides(b);
    let cfg = crate::config::load(&root, &overrides)?;
    // Refuse a dangerous output folder and take its lock before doing any work.
    let prepared = if write_out {
        Some(write::prepare(&cfg, &cfg.output_dir())?)
    } else {
        None
    };
    // Pages go to the staging folder as they are rendered: the build never holds the site.
    let stage = match &prepared {
        Some(p) => Some(p.stage(&cfg)?),
        None => None,
    };
    let line = progress::start(start, g.quiet);
    let built = build_loaded(cfg, overrides, stage.as_ref());
    drop(line);
    let built = built?;
    super::report_warnings(&built.warnings, g);
    let out = built.config.output_dir();
    let before_write = Instant::now();
    let streamed = stage.as_ref().map_or(0, write::Stage::written);
    match stage {
        Some(s) => s.finish(&built.config, &built.tree)?,
        None if write_out => write::write(&built.config, &built.tree, &out)?,
        None => {}
    }
    if g.verbose {
        // The peak memory so far after each phase: which phase makes the build's peak.
        let peak =
            |kib: Option<u64>| kib.map_or(String::new(), |k| format!("  peak {} MiB", k / 1024));
        for (i, (phase, t)) in built.timings.iter().enumerate() {
            let p = peak(built.peaks.get(i).copied().flatten());
            eprintln!("  {phase:<10} {:>8.1} ms{p}", t.as_secs_f64() * 1000.0);
        }
        eprintln!(
            "  {:<10} {:>8.1} ms{}",
            "write",
            before_write.elapsed().as_secs_f64() * 1000.0,
            peak(crate::build::peak_rss_kib())
        );
    }
    if !g.quiet {
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let shown = out
            .strip_prefix(std::env::current_dir().unwrap_or_default())
            .unwrap_or(&out)
            .display()
            .to_string();
        let warned = match built.warnings.len() {
            0 => String::new(),
            1 => ", 1 warning".to_string(),
            n => format!(", {n} warnings"),
        };
        let verb = if write_out {
            format!(
                "Built {} pages and {} assets into {shown}/",
                built.pages, built.assets
            )
        } else {
            format!(
                "Checked {} pages and {} assets: no errors",
                built.pages, built.assets
            )
        };
        println!(
            "{verb} ({} files) in {ms:.0} ms{warned}",
            built.tree.len() + streamed
        );
    }
    Ok(())
}
