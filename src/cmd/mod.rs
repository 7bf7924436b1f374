//! Running a command: options from the CLI, diagnostics rendered at the edge, exit codes.

mod build;
mod import;
mod init;
mod pdf;
mod progress;

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli::{BuildArgs, Cli, Color, Command, Global};
use crate::config::Overrides;
use crate::diag::Diagnostics;

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let g = &cli.global;
    let result = match &cli.command {
        Command::Build { dir, build: b } => build::build(dir, g, b, true),
        Command::Check { dir, build: b } => build::build(dir, g, b, false),
        Command::Pdf {
            dir,
            browser,
            out,
            build: b,
        } => pdf::pdf(dir, g, b, (browser.as_deref(), out.as_deref())),
        Command::Import {
            from: crate::cli::ImportFrom::Mdbook { src, dest },
        } => {
            return match import::mdbook(src, dest) {
                Ok(report) => {
                    if !g.quiet {
                        print!("{}", report.render(dest));
                    }
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    diags.render_to_stderr(color(g));
                    ExitCode::from(1)
                }
            };
        }
        Command::Init { dir } => {
            // Not a build: its errors are about the folder, with no build summary.
            return match init::init(dir, g) {
                Ok(()) => ExitCode::SUCCESS,
                Err(diags) => {
                    diags.render_to_stderr(color(g));
                    ExitCode::from(1)
                }
            };
        }
        Command::Serve {
            dir,
            host,
            port,
            open,
            allowed_host,
            build: b,
        } => serve(dir, g, b, host, *port, *open, allowed_host),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diags) => {
            if !diags.is_empty() {
                report(&diags, g);
            }
            ExitCode::from(1)
        }
    }
}

/// Prints diagnostics to stderr, rustc style, then a count.
pub fn report(diags: &Diagnostics, g: &Global) {
    diags.render_to_stderr(color(g));
    let n = diags.error_count();
    let w = diags.warning_count();
    let warned = match w {
        0 => String::new(),
        1 => " and 1 warning".to_string(),
        w => format!(" and {w} warnings"),
    };
    eprintln!(
        "error: the guide has {n} error{}{warned}; nothing was written",
        if n == 1 { "" } else { "s" }
    );
}

/// Prints the warnings of a build that succeeded, rustc style (the summary line counts them).
pub fn report_warnings(diags: &Diagnostics, g: &Global) {
    if diags.is_empty() {
        return;
    }
    diags.render_to_stderr(color(g));
}

fn color(g: &Global) -> bool {
    match g.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

fn overrides(g: &BuildArgs) -> Overrides {
    // A path on the command line is relative to where the user stands, not to the project
    // (book.toml's own `output` stays relative to the project root).
    let output = g
        .output
        .as_ref()
        .map(|o| std::path::absolute(o).unwrap_or_else(|_| o.clone()));
    Overrides {
        output,
        drafts: g.drafts,
        base_url: g.base_url.clone(),
        deny_warnings: g.deny_warnings,
    }
}

fn serve(
    dir: &std::path::Path,
    g: &Global,
    b: &BuildArgs,
    host: &str,
    port: u16,
    open: bool,
    allowed_hosts: &[String],
) -> Result<(), Diagnostics> {
    use crate::serve::{ServeOptions, adapter::GuideSite, run_blocking};
    let root = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let site = GuideSite::new(crate::build::BuildOptions {
        root,
        overrides: overrides(b),
    });
    let opts = ServeOptions {
        host: host.to_string(),
        port,
        open,
        quiet: g.quiet,
        allowed_hosts: allowed_hosts.to_vec(),
        ..ServeOptions::default()
    };
    run_blocking(site, opts).map_err(|e| {
        // Not an error in the guide: say it plainly, without the build summary.
        eprintln!("error: {e}");
        Diagnostics::new()
    })
}
