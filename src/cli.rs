//! The command line (clap derive). Only parsing lives here; `cmd` turns it into option
//! structs for the library, so no clap type reaches the pipeline.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Build illustrated guides: Markdown sections and diagrams in, an accessible static site out.
#[derive(Parser, Debug)]
#[command(name = "guide", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the guide into its output folder.
    Build {
        /// The guide's folder (holding book.toml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where and how to build.
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Build in memory and serve with live reload.
    Serve {
        /// The guide's folder (holding book.toml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// Port to listen on (0 picks a free one).
        #[arg(long, short, default_value_t = 3000)]
        port: u16,
        /// Open the guide in a browser.
        #[arg(long)]
        open: bool,
        /// Another `Host` name to answer (repeatable; `.example.org` allows it and its
        /// subdomains), e.g. behind a reverse proxy or a tunnel. IP addresses, localhost and
        /// this machine's name are always answered; other names are refused (DNS rebinding).
        #[arg(long = "allowed-host", value_name = "HOST")]
        allowed_host: Vec<String>,
        /// How to build.
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Build, then print the print view and every handout to PDF (A4 and US Letter)
    /// through an installed Chromium or Chrome.
    Pdf {
        /// The guide's folder (holding book.toml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The browser to print with (default: $CHROME, $CHROMIUM, else chromium or
        /// google-chrome on PATH).
        #[arg(long, value_name = "PATH")]
        browser: Option<PathBuf>,
        /// Where the PDFs go (default: the project's `pdf/` folder).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Where and how to build.
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Check the guide like `build` does, writing nothing.
    Check {
        /// The guide's folder (holding book.toml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// How to build.
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Convert a book of another tool into a guide project.
    Import {
        /// What to import.
        #[command(subcommand)]
        from: ImportFrom,
    },
    /// Start a new guide in an empty folder.
    Init {
        /// Where to create it.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

/// The tools `guide import` reads.
#[derive(Subcommand, Debug)]
pub enum ImportFrom {
    /// An mdBook project (book.toml and src/SUMMARY.md).
    Mdbook {
        /// The mdBook project's folder (holding book.toml); only read.
        src: PathBuf,
        /// A new or empty folder for the guide project.
        dest: PathBuf,
    },
}

/// Options of the commands that build (`build`, `serve`, `check`); `init` has none of them.
#[derive(Args, Debug, Clone, Default)]
pub struct BuildArgs {
    /// Output folder (default: `[build] output`, i.e. `public`).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Include draft pages.
    #[arg(long)]
    pub drafts: bool,
    /// Absolute URL the site is published at (overrides `[book] base-url`).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Treat warnings as errors (fail the build on any warning; for CI).
    #[arg(long)]
    pub deny_warnings: bool,
}

/// When to colour output.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// When stderr is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Options of every command.
#[derive(Args, Debug, Clone)]
pub struct Global {
    /// Print only errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is done.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Colour in messages.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
}
