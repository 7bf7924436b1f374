//! One integration test binary (one link step): a module per feature.

#![allow(unreachable_pub, missing_docs)]

mod build;
mod bundled;
mod errors;
mod harness;
mod incremental;
mod init;
mod props;
mod raw_html;
mod reader;
mod regressions;
mod robustness;
mod serve;
