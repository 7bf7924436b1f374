//! The `guide` binary: parse the command line, run, map the outcome to an exit code
//! (0 ok, 1 the guide has errors, 2 bad usage).

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = guide::cli::Cli::parse();
    guide::cmd::run(cli)
}
