//! docmodel reads the model pages that SDK generators (swagger-codegen,
//! openapi-generator, the Genesys Cloud SDK build) publish as Markdown, and
//! generates typed, serde-ready Rust models from them through an
//! intermediate representation ([`ir::Ir`]).
//!
//! Every entry point runs one call, [`generate`], on one [`Settings`] value:
//!
//! ```no_run
//! use docmodel_codegen::{Settings, WireCase, generate};
//!
//! let settings = Settings::new().input("specs").wire_case(WireCase::Camel);
//! match generate(&settings) {
//!     Ok(generated) => std::fs::write("models.rs", generated.code).unwrap(),
//!     Err(failure) => eprintln!("{failure}"),
//! }
//! ```
//!
//! [`Builder`] wraps it for build scripts; the `docmodel_macros::models!`
//! macro and the `docmodel` CLI (package `docmodel-cli`) call it too. An
//! input may also be an IR file written by [`ir::Ir::to_yaml`] (`docmodel ir`),
//! edited by hand or made by another tool.
//!
//! Inside, one module per stage: `pages` (files) → `read` (Markdown → what
//! each page declares) → `resolve` (pages → IR) → `emit` (IR → tokens →
//! formatted code) → `output` (files); `pipeline` runs them.
#![deny(missing_docs)]

mod builder;
pub mod diagnostics;
pub mod diff;
mod emit;
#[cfg(test)]
mod fuzz;
pub mod ir;
mod output;
mod pages;
mod parallel;
mod pipeline;
mod read;
mod resolve;
mod settings;

pub use builder::{BuildError, Builder};
pub use output::write_if_changed;
pub use pages::InputError;
pub use pipeline::{
    CacheError, Compared, Failure, Generated, InternalError, Loaded, Report, check, diff, generate,
    generate_from_ir, read_ir,
};
pub use read::FolderDialect;
pub use resolve::{ClosureSize, UnknownRoots};
pub use settings::{
    CONFIG_FILE_NAME, PathOverride, Required, Settings, SettingsError, UnknownFields, WireCase,
};
