//! One integration test binary (one link step): a module per feature.

#![allow(unreachable_pub, missing_docs)]

mod build;
mod bundled;
mod errors;
mod fidelity;
mod hardening;
mod hardening_output;
mod harness;
mod health;
mod incremental;
mod init;
mod messages;
mod props;
mod reader;
mod regressions;
mod robustness;
mod serve;
