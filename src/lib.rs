//! `guide`: a static site generator for illustrated guides.
//!
//! The pipeline, one way:
//! 1. [`config`] reads `book.toml`;
//! 2. [`content`] walks the content folder, splits front matter, orders pages into a tree;
//! 3. [`markdown`] renders each page (in parallel): headings, figures, links, callouts, code;
//! 4. [`validate`] checks links across pages; every error of every phase is a [`diag::Diagnostic`];
//! 5. [`render`] puts pages through the theme's templates, [`build`] adds site-wide files;
//! 6. [`output`] writes the tree atomically ([`build`] drives it; `serve` keeps it in memory).

pub mod build;
pub mod cli;
pub mod cmd;
pub(crate) mod config;
pub(crate) mod confine;
pub(crate) mod content;
pub(crate) mod diag;
pub(crate) mod fsx;
pub(crate) mod health;
pub(crate) mod html;
pub(crate) mod i18n;
pub(crate) mod markdown;
pub mod output;
pub mod print;
pub(crate) mod redirects;
pub(crate) mod render;
pub(crate) mod scratch;
pub mod search;
pub mod serve;
pub(crate) mod slug;
pub(crate) mod validate;

pub use build::{BuildOptions, Built, Session, build};
pub use diag::{Diagnostic, Diagnostics, Severity};
pub use render::theme::Theme;
