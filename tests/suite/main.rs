//! One integration test binary (one link step): a module per feature.

#![allow(unreachable_pub, missing_docs)]

mod build;
mod bundled;
mod callouts;
mod citations;
mod errors;
mod fidelity;
mod footnotes;
mod hardening;
mod hardening_output;
mod harness;
mod health;
mod import;
mod includes;
mod incremental;
mod init;
mod languages;
mod messages;
mod paper;
mod pdf;
mod photos;
mod props;
mod raw_html;
mod reader;
mod rebuild_props;
mod redirects;
mod regressions;
mod robustness;
mod search;
mod serve;
mod svg_audit;
