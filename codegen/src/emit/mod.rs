//! The emit stage: IR → one `proc_macro2::TokenStream` of structs and enums
//! (quote), and that stream → formatted source (prettyplease).
//!
//! The generated code depends only on serde, serde_json, chrono and uuid.

mod docs;
mod enums;
mod names;
mod objects;
mod structs;
mod support;
mod types;
mod unions;

use std::collections::HashMap;
use std::ops::Range;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Ir, Model, SourceRef};
use crate::settings::Shape;

use names::Scope;
use types::TypeNames;

/// The tokens of an IR, and what emitting them found (missing models, clashing names…).
#[cfg(test)]
#[derive(Debug)]
struct Emitted {
    /// Every struct and enum, models first, each in IR order.
    pub tokens: TokenStream,
    /// Warnings and errors about the IR.
    pub diagnostics: Vec<Diagnostic>,
}

/// Emits the IR as Rust items on one thread: the reference that
/// [`emit_and_format`] must equal.
#[cfg(test)]
fn emit(ir: &Ir) -> Emitted {
    let mut diagnostics = Vec::new();
    let names = type_names(ir, &mut diagnostics);
    let all = 0..ir.models.len();
    let tokens = emit_part(ir, &names, Shape::default(), all, true, &mut diagnostics);
    Emitted {
        tokens,
        diagnostics,
    }
}

/// The structs of `models` (a range of `ir.models`), and the enums and the
/// `wire` module if `with_enums`.
fn emit_part(
    ir: &Ir,
    names: &TypeNames,
    shape: Shape,
    models: Range<usize>,
    with_enums: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> TokenStream {
    let structs: Vec<TokenStream> = ir.models[models]
        .iter()
        .map(|m| {
            let ident = &names.rust[&m.name];
            if m.opaque {
                opaque(m, ident)
            } else if m.one_of.is_empty() {
                structs::emit(m, ident, ir, names, shape, diagnostics)
            } else {
                unions::emit(m, ident, names, diagnostics)
            }
        })
        .collect();
    let enums = ir
        .enums
        .iter()
        .filter(|_| with_enums)
        .map(|e| enums::emit(e, &names.rust[&e.name], names));
    let support = with_enums.then(|| support::emit(ir, shape.unknown_fields));
    quote! { #( #structs )* #( #enums )* #support }
}

/// An opaque model: any JSON value under the model's name.
fn opaque(model: &Model, ident: &Ident) -> TokenStream {
    let doc = docs::model_attributes(
        model,
        "Any JSON value, kept as it came: the docs list no property, value or member of it. ",
    );
    let lint = names::lint_allowances(ident);
    quote! {
        #doc
        #lint
        pub type #ident = serde_json::Value;
    }
}

/// Formats emitted tokens as a source file: a header saying where it came
/// from, then each item formatted by prettyplease, a blank line between items.
#[cfg(test)]
fn format(tokens: TokenStream) -> Result<String, syn::Error> {
    Ok(with_header(vec![format_items(tokens)?]))
}

/// [`format`]`(`[`emit`]`(ir).tokens)`, byte for byte, using every core: the
/// models are cut into runs, each emitted and formatted on one thread
/// (token streams cannot cross threads; text can).
pub(crate) fn emit_and_format(
    ir: &Ir,
    shape: Shape,
) -> Result<(String, Vec<Diagnostic>), syn::Error> {
    let (runs, diagnostics) = emit_in_runs(ir, shape, MODELS_AT_A_TIME, format_items)?;
    Ok((with_header(runs), diagnostics))
}

/// What [`emit_and_format`] finds, without formatting the code: the
/// tokens are emitted and parsed as Rust (so invalid Rust is still an
/// error), and dropped.
pub(crate) fn emit_and_check(ir: &Ir, shape: Shape) -> Result<Vec<Diagnostic>, syn::Error> {
    let (_, diagnostics) = emit_in_runs(ir, shape, MODELS_AT_A_TIME, |tokens| {
        syn::parse2::<syn::File>(tokens).map(drop)
    })?;
    Ok(diagnostics)
}

/// How many models are emitted and finished at a time: the tokens and syntax
/// trees of a few dozen models are held at once, not those of them all
/// (on `dotnet-270`, generate peaks at 95 MB with 32, 160 MB with 256, in
/// the same time).
const MODELS_AT_A_TIME: usize = 32;

/// Emits the models in runs of `run`, taken in turn by a thread per core,
/// and hands the tokens of each run to `finish`: the outputs in model
/// order, and the diagnostics of naming the types and of every run.
fn emit_in_runs<T: Send>(
    ir: &Ir,
    shape: Shape,
    run: usize,
    finish: impl Fn(TokenStream) -> Result<T, syn::Error> + Sync,
) -> Result<(Vec<T>, Vec<Diagnostic>), syn::Error> {
    let mut diagnostics = Vec::new();
    type_names(ir, &mut diagnostics);
    let runs: Vec<Range<usize>> = runs(0..ir.models.len(), run).collect();
    let done = crate::parallel::map_jobs(
        runs.len(),
        || type_names(ir, &mut Vec::new()),
        |names, job| {
            let models = runs[job].clone();
            let with_enums = models.end == ir.models.len();
            let mut found = Vec::new();
            let tokens = emit_part(ir, names, shape, models, with_enums, &mut found);
            finish(tokens).map(|output| (output, found))
        },
    );
    let mut outputs = Vec::new();
    for run in done {
        let (output, found) = run?;
        outputs.push(output);
        diagnostics.extend(found);
    }
    Ok((outputs, diagnostics))
}

/// `models` cut into runs of at most `run`, in order; an empty range is
/// one empty run (the enums still follow it).
fn runs(models: Range<usize>, run: usize) -> impl Iterator<Item = Range<usize>> {
    let end = models.end;
    let starts = models.clone().step_by(run.max(1));
    let empty = models.is_empty().then_some(models);
    starts
        .map(move |start| start..(start + run.max(1)).min(end))
        .chain(empty)
}

/// The items of `tokens`, each formatted by prettyplease on its own,
/// separated by blank lines.
fn format_items(tokens: TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens)?;
    let items: Vec<String> = file
        .items
        .into_iter()
        .map(|item| {
            prettyplease::unparse(&syn::File {
                shebang: None,
                frontmatter: None,
                attrs: Vec::new(),
                items: vec![item],
            })
        })
        .collect();
    Ok(items.join("\n"))
}

/// The file: a header, then the formatted runs of items, a blank line
/// between runs as between items; each run is copied into the one string,
/// then freed, so the code is held about once.
fn with_header(runs: Vec<String>) -> String {
    let header = format!(
        "// @generated by docmodel {}. Do not edit: change the docs pages and regenerate.\n\n",
        env!("CARGO_PKG_VERSION"),
    );
    let mut code =
        String::with_capacity(header.len() + runs.iter().map(|r| r.len() + 1).sum::<usize>());
    code.push_str(&header);
    for (i, run) in runs.into_iter().filter(|run| !run.is_empty()).enumerate() {
        if i > 0 {
            code.push('\n');
        }
        code.push_str(&run);
    }
    code
}

/// Rust names for every model and enum; two that want the same name are an error.
fn type_names(ir: &Ir, diagnostics: &mut Vec<Diagnostic>) -> TypeNames {
    let mut scope = Scope::default();
    let mut rust: HashMap<String, Ident> = HashMap::new();
    let mut owners: HashMap<String, SourceRef> = HashMap::new();
    let declared = ir
        .models
        .iter()
        .map(|m| (&m.name, SourceRef::first_line_of(&m.sources)))
        .chain(ir.enums.iter().map(|e| (&e.name, e.source.clone())));
    for (name, source) in declared {
        let base = names::type_base(name);
        if let Some(first) = owners.get(&base).filter(|_| scope.is_taken(&base)) {
            diagnostics.push(Diagnostic::at_line(
                Severity::Error,
                Code::DuplicateRustName,
                &source,
                format!(
                    "`{name}` would be the Rust type `{base}`, like the type read from {first}"
                ),
                "rename one of the models (or enums) in its page",
            ));
        }
        owners.entry(base).or_insert_with(|| source.clone());
        rust.insert(name.clone(), scope.type_name(name).ident);
    }
    let generated = rust.values().map(|i| i.to_string()).collect();
    TypeNames { rust, generated }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::Page;
    use crate::settings::Resolved;

    /// The hard-case fixtures of the tests crate, read in the given order.
    fn hard_cases(reverse: bool) -> Ir {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hard-cases");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        paths.sort();
        if reverse {
            paths.reverse();
        }
        let pages = paths
            .iter()
            .map(|path| Page {
                path: path.file_name().unwrap().to_string_lossy().into_owned(),
                text: std::fs::read_to_string(path).unwrap(),
            })
            .collect();
        crate::pipeline::load_pages(pages, &Resolved::default(), &mut Vec::new()).0
    }

    #[test]
    fn the_parallel_path_equals_one_thread_in_any_page_order() {
        let ir = hard_cases(false);
        assert!(ir.models.len() > 5, "the fixtures are read");
        let emitted = emit(&ir);
        let single = format(emitted.tokens).unwrap();
        let (parallel, diagnostics) = emit_and_format(&ir, Shape::default()).unwrap();
        assert_eq!(parallel, single);
        assert_eq!(diagnostics, emitted.diagnostics);
        let (reversed, _) = emit_and_format(&hard_cases(true), Shape::default()).unwrap();
        assert_eq!(reversed, parallel, "page order changes nothing");
        let (in_runs_of_two, found) = emit_in_runs(&ir, Shape::default(), 2, format_items).unwrap();
        assert_eq!(with_header(in_runs_of_two), single, "runs change nothing");
        assert_eq!(found, emitted.diagnostics);
        let empty: Vec<Range<usize>> = runs(0..0, 2).collect();
        assert_eq!(
            (empty.len(), empty[0].is_empty()),
            (1, true),
            "one empty run"
        );
        assert_eq!(runs(3..8, 2).collect::<Vec<_>>(), [3..5, 5..7, 7..8]);
    }
}
