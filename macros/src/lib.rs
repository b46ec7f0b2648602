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

use std::path::{Path, PathBuf};

use docmodel_codegen::diagnostics::{Diagnostic, Severity};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprAssign, ExprLit, Lit, LitStr, Token};

/// Expands to the models of the given pages and folders.
///
/// ```ignore
/// docmodel_macros::models!("specs");
/// docmodel_macros::models!("specs/Pet.md", "more-specs");
/// docmodel_macros::models!("docs", config = "docmodel.yaml");
/// ```
///
/// Without `config`, a `docmodel.yaml` beside the first folder that has one is used.
#[proc_macro]
pub fn models(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    match syn::parse::<Arguments>(input) {
        Ok(arguments) => expand(&arguments).into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// The macro's arguments: string literals naming pages or folders, and an
/// optional `config = "docmodel.yaml"`.
struct Arguments {
    paths: Vec<LitStr>,
    config: Option<LitStr>,
}

impl Parse for Arguments {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let items = Punctuated::<Expr, Token![,]>::parse_terminated(input)?;
        let mut paths = Vec::new();
        let mut config = None;
        for item in items {
            match item {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(path),
                    ..
                }) => paths.push(path),
                Expr::Assign(ExprAssign { left, right, .. }) => {
                    let option = quote!(#left).to_string();
                    match (option.as_str(), *right) {
                        (
                            "config",
                            Expr::Lit(ExprLit {
                                lit: Lit::Str(file),
                                ..
                            }),
                        ) => config = Some(file),
                        ("config", other) => {
                            return Err(syn::Error::new_spanned(
                                other,
                                "expected the configuration file as a string literal, such as config = \"docmodel.yaml\"",
                            ));
                        }
                        _ => {
                            return Err(syn::Error::new_spanned(
                                left,
                                format!(
                                    "unknown option `{option}`: `models!` takes page or folder paths as string literals and `config = \"file\"`"
                                ),
                            ));
                        }
                    }
                }
                other => {
                    return Err(syn::Error::new_spanned(
                        other,
                        "expected a page or folder path as a string literal, such as \"specs\"",
                    ));
                }
            }
        }
        if paths.is_empty() {
            return Err(input
                .error("expected at least one page or folder path, such as models!(\"specs\")"));
        }
        Ok(Arguments { paths, config })
    }
}

/// The models, the tracking of every page read, and the diagnostics.
fn expand(arguments: &Arguments) -> TokenStream {
    let base = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let paths: Vec<PathBuf> = arguments
        .paths
        .iter()
        .map(|p| base.join(p.value()))
        .collect();
    let config = match &arguments.config {
        Some(file) => docmodel_codegen::Config::from_file(&base.join(file.value())),
        None => docmodel_codegen::Config::discover(&paths),
    };
    let config = match config {
        Ok(config) => config,
        Err(error) => {
            let message = format!("docmodel: {error}");
            return quote!(compile_error!(#message););
        }
    };
    let loaded = match docmodel_codegen::load(&paths, &config) {
        Ok(loaded) => loaded,
        Err(error) => {
            let message = format!("docmodel: {error}");
            return quote!(compile_error!(#message););
        }
    };
    let relative = |file: &str| {
        Path::new(file)
            .strip_prefix(&base)
            .map_or(file.to_string(), |p| p.display().to_string())
    };
    let config_file = config.file.as_ref().map(|f| f.display().to_string());
    let tracking = loaded
        .page_paths()
        .into_iter()
        .chain(config_file.as_deref())
        .map(|page| quote!(include_bytes!(#page)));
    let tracking = quote!(const _: &[&[u8]] = &[#( #tracking ),*];);
    if loaded.has_errors() {
        let errors = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| one_line(d, &relative))
            .map(|message| quote!(compile_error!(#message);));
        return quote!(#tracking #( #errors )*);
    }
    let emitted = docmodel_codegen::emit::emit(&loaded.ir);
    let warnings = loaded
        .diagnostics
        .iter()
        .chain(&emitted.diagnostics)
        .filter(|d| d.severity == Severity::Warning)
        .enumerate()
        .map(|(i, d)| warning(i, &one_line(d, &relative)));
    let models = emitted.tokens;
    quote! {
        #tracking
        #( #warnings )*
        #models
    }
}

/// `page:line:column: severity[code]: message (hint: …)`, page relative to the crate.
fn one_line(diagnostic: &Diagnostic, relative: &dyn Fn(&str) -> String) -> String {
    let mut shown = diagnostic.clone();
    shown.file = relative(&diagnostic.file);
    format!("docmodel: {shown}")
}

/// A deprecation warning at the call site that carries `message`: the one way
/// a proc-macro can make a normal stable build show a warning.
fn warning(index: usize, message: &str) -> TokenStream {
    let name = format_ident!("DocmodelWarning{}", index + 1, span = Span::call_site());
    quote! {
        const _: () = {
            #[deprecated(note = #message)]
            struct #name;
            let _ = #name;
        };
    }
}
