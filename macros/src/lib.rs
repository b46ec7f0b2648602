//! docmodel's proc-macro entry point: `docmodel_macros::models!("specs")`
//! expands to the models of every page under `specs/` (paths relative to the
//! calling crate's `CARGO_MANIFEST_DIR`; folders, single pages, several paths).
//!
//! - **Rebuilds**: each page read is tracked with `include_bytes!`, so editing
//!   one recompiles the calling crate. A page *added* to a folder cannot be
//!   tracked by a proc-macro on stable Rust: use the build-script builder
//!   (`docmodel_codegen::Builder`) when pages come and go.
//! - **Errors** become `compile_error!` at the call, with page, line and message.
//! - **Warnings** (a model no page defines, …) become deprecation warnings at
//!   the call (`use of deprecated … docmodel: <page>:<line>: warning[…]`), so a
//!   normal build shows them; `#[allow(deprecated)]` on the call silences them.
//!
//! The generated code needs `serde` (with `derive`), `serde_json`, `chrono`
//! (with `serde`) and `uuid` (with `serde`) in the calling crate.

#![deny(missing_docs)]

mod expand;

use std::path::PathBuf;

use quote::ToTokens;

/// Expands to the models of the given pages and folders (or of one IR file).
///
/// ```ignore
/// docmodel_macros::models!("specs");
/// docmodel_macros::models!("specs/Pet.md", "more-specs");
/// docmodel_macros::models!("docs", config = "docmodel.yaml");
/// docmodel_macros::models!("docs", wire_case = "camelCase");
/// docmodel_macros::models!("docs", roots = ["Pet", "Order"]); // only these and what they reach
/// docmodel_macros::models!("ir.yaml");
/// ```
///
/// Without `config`, a `docmodel.yaml` beside the first folder that has one is used.
#[proc_macro]
pub fn models(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    match expand::expand(input.into(), &manifest_dir) {
        Ok(expansion) => expansion.into_token_stream().into(),
        Err(error) => error.to_compile_error().into(),
    }
}
