//! Running a command: options from the CLI, diagnostics rendered at the edge, exit codes.

mod build;
mod init;

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli::{Cli, Color, Command, Global};
use crate::config::Overrides;
use crate::diag::Diagnostics;

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let g = &cli.global;
    let result = match &cli.command {
        Command::Build { dir } => build::build(dir, g, true),
        Command::Check { dir } => build::build(dir, g, false),
        Command::Init { dir } => init::init(dir, g),
        Command::Serve {
            dir,
            host,
            port,
            open,
        } => serve(dir, g, host, *port, *open),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diags) => {
            report(&diags, g);
            ExitCode::from(1)
        }
    }
}

/// Prints diagnostics to stderr, rustc style, then a count.
pub fn report(diags: &Diagnostics, g: &Global) {
    let color = match g.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    diags.render_to_stderr(color);
    let n = diags.len();
    eprintln!(
        "error: the guide has {n} error{}; nothing was written",
        if n == 1 { "" } else { "s" }
    );
}

fn overrides(g: &Global) -> Overrides {
    Overrides {
        output: g.output.clone(),
        drafts: g.drafts,
        base_url: g.base_url.clone(),
    }
}

fn serve(
    _dir: &std::path::Path,
    _g: &Global,
    _host: &str,
    _port: u16,
    _open: bool,
) -> Result<(), Diagnostics> {
    Err(crate::diag::Diagnostic::error("`guide serve` is not built yet").into())
}
