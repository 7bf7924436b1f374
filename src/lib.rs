//! `guide`: a static site generator for illustrated guides.
//!
//! The pipeline, one way:
//! 1. [`config`] reads `book.toml`;
//! 2. [`content`] walks the content folder, splits front matter, orders pages into a tree;
//! 3. [`markdown`] renders each page (in parallel): headings, figures, links, callouts, code;
//! 4. [`validate`] checks links across pages; every error of every phase is a [`diag::Diagnostic`];
//! 5. [`render`] puts pages through the theme's templates, [`site`] adds site-wide files;
//! 6. [`output`] writes the tree atomically ([`pipeline`] drives it; `serve` keeps it in memory).

pub mod cli;
pub mod cmd;
pub mod config;
pub mod confine;
pub mod content;
pub mod diag;
pub mod fsx;
pub(crate) mod health;
pub mod i18n;
pub mod markdown;
pub mod output;
pub mod pipeline;
pub(crate) mod redirects;
pub mod render;
pub(crate) mod scratch;
pub mod search;
pub mod serve;
pub mod site;
pub mod validate;

pub use diag::{Diagnostic, Diagnostics};
pub use pipeline::{BuildOptions, Built, Session, build};
