//! The integration tests: one binary, one module per feature, so libgit2, Tera and
//! ammonia are linked once. Each module builds real sites in temporary folders.

mod common;

mod base_path;
mod build_site;
mod cli_check;
mod cli_errors;
mod cli_init;
mod cli_new;
mod cli_preview_links;
mod cli_serve;
mod cli_shell;
mod cli_status;
mod compliance;
mod corpus;
mod errors_docs;
mod git_approval;
mod git_check;
mod git_corpus;
mod git_laundering;
mod git_signatures;
mod hostile;
mod hostile_corpus;
mod khaosan_action;
mod output_size;
mod properties;
mod publish_workflow;
mod rebuild;
mod report_git;
mod search;
mod snapshots;
mod statistics;
mod theme;
