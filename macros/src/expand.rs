//! What `models!(…)` expands to, apart from the proc-macro plumbing: the
//! arguments become a [`Settings`], [`docmodel_codegen::generate`] runs on
//! it, and its outcome becomes tokens. Nothing else is decided here, so the
//! macro cannot drift from the builder and the CLI.

use std::path::{Path, PathBuf};

use docmodel_codegen::diagnostics::Severity;
use docmodel_codegen::{Failure, Generated, Report, Required, Settings, UnknownFields, WireCase};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprAssign, ExprLit, Lit, LitStr, Token};

/// The expansion of one call.
#[derive(Debug, Default)]
pub struct Expansion {
    /// Every file the run read (and the configuration file), as `include_bytes!`
    /// paths: editing one recompiles the calling crate.
    pub tracked: Vec<String>,
    /// The errors, one line each (`page:line:column: error[DM…]: …`), as
    /// `compile_error!`s.
    pub errors: Vec<String>,
    /// The warnings, one line each, as deprecation warnings at the call.
    pub warnings: Vec<String>,
    /// The models; empty when there are errors.
    pub models: TokenStream,
}

impl ToTokens for Expansion {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let tracked = &self.tracked;
        tokens.extend(quote!(const _: &[&[u8]] = &[#( include_bytes!(#tracked) ),*];));
        for message in &self.errors {
            tokens.extend(quote!(compile_error!(#message);));
        }
        for (index, message) in self.warnings.iter().enumerate() {
            tokens.extend(warning(index, message));
        }
        tokens.extend(self.models.clone());
    }
}

/// Generates on every core. Inside a proc-macro, proc-macro2 makes its
/// tokens through the compiler, which only the expanding thread may call,
/// so the library would work on that one thread; its tokens never leave it
/// (it gives text), so here they are made by proc-macro2's own
/// implementation instead, on a thread of their own, from which the
/// library spreads its work over the cores. The macro's own tokens are made
/// after, through the compiler again.
fn generate_on_every_core(settings: &Settings) -> Result<Generated, Failure> {
    proc_macro2::fallback::force();
    let generated =
        std::thread::scope(|scope| scope.spawn(|| docmodel_codegen::generate(settings)).join());
    proc_macro2::fallback::unforce();
    generated.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Expands `models!(input)` for the crate at `manifest_dir`.
pub fn expand(input: TokenStream, manifest_dir: &Path) -> Result<Expansion, syn::Error> {
    let arguments: Arguments = syn::parse2(input)?;
    let settings = arguments.settings(manifest_dir);
    let lines = |report: &Report, severity: Severity| -> Vec<String> {
        report
            .diagnostics()
            .iter()
            .filter(|d| d.severity == severity)
            .map(|d| format!("docmodel: {d}"))
            .collect()
    };
    let mut expansion = Expansion::default();
    match generate_on_every_core(&settings) {
        Ok(generated) => {
            expansion.tracked = tracked(&generated.report);
            expansion.warnings = lines(&generated.report, Severity::Warning);
            expansion.models = generated.code.parse().map_err(|e| {
                syn::Error::new(
                    Span::call_site(),
                    format!("docmodel: internal error: the generated code does not lex ({e}); please report this bug"),
                )
            })?;
        }
        Err(Failure::Docs(report)) => {
            expansion.tracked = tracked(&report);
            expansion.errors = lines(&report, Severity::Error);
        }
        Err(Failure::Roots(unknown, report)) => {
            // The pages read are watched: one may be edited to define the root.
            expansion.tracked = tracked(&report);
            expansion.errors = vec![format!("docmodel: {unknown}")];
        }
        Err(Failure::Settings(error)) => {
            expansion.tracked = vec![error.file().display().to_string()];
            expansion.errors = vec![format!("docmodel: {error}")];
        }
        Err(other) => expansion.errors = vec![format!("docmodel: {other}")],
    }
    // Paths are shown as the call writes them, relative to the crate.
    let crate_prefix = manifest_dir.join("").display().to_string();
    for line in expansion.errors.iter_mut().chain(&mut expansion.warnings) {
        *line = line.replace(&crate_prefix, "");
    }
    Ok(expansion)
}

/// The files a run read, and its configuration file.
fn tracked(report: &Report) -> Vec<String> {
    let config = report.config_file().map(|f| f.display().to_string());
    report.files_read().iter().cloned().chain(config).collect()
}

/// The macro's arguments: string literals naming pages, folders or an IR
/// file, then options: `config = "docmodel.yaml"`, `wire_case = "camelCase"`,
/// `strict = true`, `unknown_fields = "keep"`, `required = "lenient"`,
/// `roots = ["Pet", "Order"]`.
struct Arguments {
    paths: Vec<LitStr>,
    config: Option<LitStr>,
    wire_case: Option<WireCase>,
    strict: Option<bool>,
    unknown_fields: Option<UnknownFields>,
    required: Option<Required>,
    roots: Option<Vec<String>>,
}

impl Arguments {
    /// The settings these arguments say, paths relative to `base`.
    fn settings(&self, base: &Path) -> Settings {
        let join = |path: &LitStr| -> PathBuf { base.join(path.value()) };
        let mut settings = self
            .paths
            .iter()
            .fold(Settings::new(), |settings, path| settings.input(join(path)));
        if let Some(file) = &self.config {
            settings = settings.config_file(join(file));
        }
        if let Some(case) = self.wire_case {
            settings = settings.wire_case(case);
        }
        if let Some(strict) = self.strict {
            settings = settings.strict(strict);
        }
        if let Some(unknown) = self.unknown_fields {
            settings = settings.unknown_fields(unknown);
        }
        if let Some(required) = self.required {
            settings = settings.required(required);
        }
        self.roots
            .iter()
            .flatten()
            .fold(settings, |settings, root| settings.root(root))
    }
}

impl Parse for Arguments {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let items = Punctuated::<Expr, Token![,]>::parse_terminated(input)?;
        let mut arguments = Arguments {
            paths: Vec::new(),
            config: None,
            wire_case: None,
            strict: None,
            unknown_fields: None,
            required: None,
            roots: None,
        };
        for item in items {
            match item {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(path),
                    ..
                }) => arguments.paths.push(path),
                Expr::Assign(assign) => arguments.option(assign)?,
                other => {
                    return Err(syn::Error::new_spanned(
                        other,
                        "expected a page or folder path as a string literal, such as \"specs\"",
                    ));
                }
            }
        }
        if arguments.paths.is_empty() {
            return Err(input
                .error("expected at least one page or folder path, such as models!(\"specs\")"));
        }
        Ok(arguments)
    }
}

/// A setting's value, read from its name in a string literal.
fn named<T: std::str::FromStr<Err = String>>(value: &LitStr) -> syn::Result<T> {
    value
        .value()
        .parse()
        .map_err(|e: String| syn::Error::new_spanned(value, e))
}

impl Arguments {
    /// Takes one `name = value` option.
    fn option(&mut self, assign: ExprAssign) -> syn::Result<()> {
        let ExprAssign { left, right, .. } = assign;
        let option = quote!(#left).to_string();
        match (option.as_str(), *right) {
            (
                "strict",
                Expr::Lit(ExprLit {
                    lit: Lit::Bool(value),
                    ..
                }),
            ) => {
                self.strict = Some(value.value);
            }
            ("strict", other) => {
                return Err(syn::Error::new_spanned(
                    other,
                    "expected `strict = true` or `strict = false`",
                ));
            }
            (
                "config",
                Expr::Lit(ExprLit {
                    lit: Lit::Str(value),
                    ..
                }),
            ) => self.config = Some(value),
            (
                "wire_case",
                Expr::Lit(ExprLit {
                    lit: Lit::Str(value),
                    ..
                }),
            ) => self.wire_case = Some(named(&value)?),
            (
                "unknown_fields",
                Expr::Lit(ExprLit {
                    lit: Lit::Str(value),
                    ..
                }),
            ) => self.unknown_fields = Some(named(&value)?),
            (
                "required",
                Expr::Lit(ExprLit {
                    lit: Lit::Str(value),
                    ..
                }),
            ) => self.required = Some(named(&value)?),
            ("roots", Expr::Array(array)) => {
                let roots = self.roots.get_or_insert_with(Vec::new);
                for element in array.elems {
                    match element {
                        Expr::Lit(ExprLit {
                            lit: Lit::Str(root),
                            ..
                        }) => roots.push(root.value()),
                        other => {
                            return Err(syn::Error::new_spanned(
                                other,
                                "expected a model or enum name as a string literal, such as roots = [\"Pet\"]",
                            ));
                        }
                    }
                }
            }
            ("roots", other) => {
                return Err(syn::Error::new_spanned(
                    other,
                    "expected `roots` as an array of string literals, such as roots = [\"Pet\", \"Order\"]",
                ));
            }
            ("config" | "wire_case" | "unknown_fields" | "required", other) => {
                return Err(syn::Error::new_spanned(
                    other,
                    format!(
                        "expected `{option}` as a string literal, such as config = \"docmodel.yaml\""
                    ),
                ));
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    left,
                    format!(
                        "unknown option `{option}`: `models!` takes page or folder paths as string literals, `config = \"file\"`, `wire_case = \"camelCase\"`, `strict = true`, `unknown_fields = \"keep\"`, `required = \"lenient\"` and `roots = [\"Pet\"]`"
                    ),
                ));
            }
        }
        Ok(())
    }
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
