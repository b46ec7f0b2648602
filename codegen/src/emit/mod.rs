//! The emit stage: IR → one `proc_macro2::TokenStream` of structs and enums
//! (quote), and that stream → formatted source (prettyplease).
//!
//! The generated code depends only on serde, serde_json, chrono and uuid.

mod cache;
mod docs;
mod enums;
mod names;
mod objects;
mod structs;
mod support;
mod types;
mod unions;

use std::collections::HashMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Ir, Model, SourceRef};
use crate::settings::Shape;

pub(crate) use cache::CodeCache;
use cache::{Key, Keys};
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
    let tokens = pieces(ir)
        .into_iter()
        .map(|piece| emit_piece(ir, &names, Shape::default(), piece, &mut diagnostics))
        .collect();
    Emitted {
        tokens,
        diagnostics,
    }
}

/// One part of the generated file, emitted and formatted on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// The struct, union or alias of `ir.models[i]`, with its impls.
    Model(usize),
    /// The enum `ir.enums[i]`, with its impls.
    Enum(usize),
    /// The `wire` module the structs share.
    Support,
}

/// The pieces of the file, in order: models, enums, the `wire` module.
fn pieces(ir: &Ir) -> Vec<Piece> {
    let models = (0..ir.models.len()).map(Piece::Model);
    let enums = (0..ir.enums.len()).map(Piece::Enum);
    models.chain(enums).chain([Piece::Support]).collect()
}

/// The items of one piece.
fn emit_piece(
    ir: &Ir,
    names: &TypeNames,
    shape: Shape,
    piece: Piece,
    diagnostics: &mut Vec<Diagnostic>,
) -> TokenStream {
    match piece {
        Piece::Model(i) => {
            let model = &ir.models[i];
            let ident = &names.rust[&model.name];
            if model.opaque {
                opaque(model, ident)
            } else if model.one_of.is_empty() {
                structs::emit(model, ident, ir, names, shape, diagnostics)
            } else {
                unions::emit(model, ident, names, diagnostics)
            }
        }
        Piece::Enum(i) => {
            let declared = &ir.enums[i];
            enums::emit(declared, &names.rust[&declared.name], names)
        }
        Piece::Support => support::emit(ir, shape.unknown_fields),
    }
}

/// The Rust field of each property of `model`, in order, as its struct
/// names them (without `r#`).
pub(crate) fn field_names(model: &Model) -> Vec<String> {
    let mut scope = Scope::default();
    model
        .properties
        .iter()
        .map(|property| scope.field(&property.wire_name).text)
        .collect()
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
    Ok(with_header(&[&format_items(tokens)?]))
}

/// [`format`]`(`[`emit`]`(ir).tokens)`, byte for byte, using every core: the
/// pieces are cut into runs, each emitted and formatted on one thread
/// (token streams cannot cross threads; text can). With a cache, a piece
/// whose inputs it holds is taken from it instead, and the cache is left
/// holding exactly the pieces of this file.
pub(crate) fn emit_and_format(
    ir: &Ir,
    shape: Shape,
    mut cache: Option<&mut CodeCache>,
) -> Result<(String, Vec<Diagnostic>), syn::Error> {
    let mut diagnostics = Vec::new();
    let names = type_names(ir, &mut diagnostics);
    let pieces = pieces(ir);
    let keys = match cache.is_some().then(|| Keys::new(ir, &names, shape)) {
        Some(Some(keys)) => piece_keys(ir, &keys, &pieces),
        _ => vec![None; pieces.len()],
    };
    let mut old = cache.as_deref_mut().map(std::mem::take).unwrap_or_default();
    let mut kept = CodeCache::default();
    // A piece's text: from the cache now, or `None` until it is emitted.
    let mut texts: Vec<Option<Text>> = keys
        .iter()
        .map(|key| {
            let key = key.as_ref()?;
            kept.insert(key.clone(), old.take(key)?);
            Some(Text::Kept(key.clone()))
        })
        .collect();
    drop(old);
    let misses: Vec<Piece> = pieces
        .iter()
        .zip(&texts)
        .filter(|(_, text)| text.is_none())
        .map(|(piece, _)| *piece)
        .collect();
    let emitted = emit_in_runs(ir, shape, &misses, PIECES_AT_A_TIME, format_items)?;
    let missed = texts
        .iter_mut()
        .zip(&keys)
        .filter(|(text, _)| text.is_none());
    for ((text, key), (code, found)) in missed.zip(emitted) {
        *text = Some(match key {
            Some(key) if found.is_empty() => {
                kept.insert(key.clone(), code);
                Text::Kept(key.clone())
            }
            _ => Text::Own(code),
        });
        diagnostics.extend(found);
    }
    let code: Vec<&str> = texts
        .iter()
        .map(
            |text| match text.as_ref().expect("every missed piece was emitted") {
                Text::Kept(key) => kept.get(key).expect("kept pieces are in the cache"),
                Text::Own(code) => code.as_str(),
            },
        )
        .collect();
    let code = with_header(&code);
    if let Some(cache) = cache {
        *cache = kept;
    }
    Ok((code, diagnostics))
}

/// Where a piece's formatted code is.
enum Text {
    /// In the cache, under this key.
    Kept(Key),
    /// Here: not to be cached (no key, or emitting it found something).
    Own(String),
}

/// What [`emit_and_format`] finds, without formatting the code: the
/// tokens are emitted and parsed as Rust (so invalid Rust is still an
/// error), and dropped.
pub(crate) fn emit_and_check(ir: &Ir, shape: Shape) -> Result<Vec<Diagnostic>, syn::Error> {
    let mut diagnostics = Vec::new();
    type_names(ir, &mut diagnostics);
    let checked = emit_in_runs(ir, shape, &pieces(ir), PIECES_AT_A_TIME, |tokens| {
        syn::parse2::<syn::File>(tokens).map(drop)
    })?;
    diagnostics.extend(checked.into_iter().flat_map(|(_, found)| found));
    Ok(diagnostics)
}

/// The cache key of each piece (none for the `wire` module, which is made
/// from the whole IR), computed on every core.
fn piece_keys(ir: &Ir, keys: &Keys, pieces: &[Piece]) -> Vec<Option<Key>> {
    let parts = crate::parallel::map_parts(pieces.len(), |part| {
        pieces[part]
            .iter()
            .map(|piece| match *piece {
                Piece::Model(i) => Some(keys.model(&ir.models[i])),
                Piece::Enum(i) => Some(keys.enumeration(&ir.enums[i])),
                Piece::Support => None,
            })
            .collect::<Vec<_>>()
    });
    parts.into_iter().flatten().collect()
}

/// How many pieces are emitted and finished at a time: the tokens and
/// syntax trees of a few dozen models are held at once, not those of them
/// all (on `dotnet-270`, generate peaks at 95 MB with 32, 160 MB with 256,
/// in the same time).
const PIECES_AT_A_TIME: usize = 32;

/// Emits `pieces` in runs of `run`, taken in turn by a thread per core,
/// and hands the tokens of each piece to `finish`: for each piece in
/// order, its output and the diagnostics of emitting it.
fn emit_in_runs<T: Send>(
    ir: &Ir,
    shape: Shape,
    pieces: &[Piece],
    run: usize,
    finish: impl Fn(TokenStream) -> Result<T, syn::Error> + Sync,
) -> Result<Vec<(T, Vec<Diagnostic>)>, syn::Error> {
    let runs: Vec<&[Piece]> = pieces.chunks(run.max(1)).collect();
    let done = crate::parallel::map_jobs(
        runs.len(),
        || type_names(ir, &mut Vec::new()),
        |names, job| {
            runs[job]
                .iter()
                .map(|piece| {
                    let mut found = Vec::new();
                    let tokens = emit_piece(ir, names, shape, *piece, &mut found);
                    finish(tokens).map(|output| (output, found))
                })
                .collect::<Result<Vec<_>, _>>()
        },
    );
    let mut outputs = Vec::with_capacity(pieces.len());
    for run in done {
        outputs.extend(run?);
    }
    Ok(outputs)
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

/// The file: a header, then the formatted pieces, a blank line between
/// pieces as between items.
fn with_header(pieces: &[&str]) -> String {
    let header = format!(
        "// @generated by docmodel {}. Do not edit: change the docs pages and regenerate.\n\n",
        env!("CARGO_PKG_VERSION"),
    );
    let mut code =
        String::with_capacity(header.len() + pieces.iter().map(|p| p.len() + 1).sum::<usize>());
    code.push_str(&header);
    for (i, piece) in pieces.iter().filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            code.push('\n');
        }
        code.push_str(piece);
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
    use crate::ir::TypeExpr;
    use crate::pages::Page;
    use crate::settings::Resolved;

    /// The hard-case fixtures of the tests crate, read in the given order.
    fn hard_cases(reverse: bool) -> Ir {
        fixtures("hard-cases", reverse)
    }

    /// The pages of a fixture folder of the tests crate, read in the given order.
    fn fixtures(folder: &str, reverse: bool) -> Ir {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(folder);
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
        let (parallel, diagnostics) = emit_and_format(&ir, Shape::default(), None).unwrap();
        assert_eq!(parallel, single);
        assert_eq!(diagnostics, emitted.diagnostics);
        let (reversed, _) = emit_and_format(&hard_cases(true), Shape::default(), None).unwrap();
        assert_eq!(reversed, parallel, "page order changes nothing");
        let in_runs_of_two =
            emit_in_runs(&ir, Shape::default(), &pieces(&ir), 2, format_items).unwrap();
        let (texts, found): (Vec<String>, Vec<Vec<Diagnostic>>) =
            in_runs_of_two.into_iter().unzip();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(with_header(&texts), single, "runs change nothing");
        let mut all_found = Vec::new();
        type_names(&ir, &mut all_found);
        all_found.extend(found.concat());
        assert_eq!(all_found, emitted.diagnostics);
    }

    #[test]
    fn the_cache_serves_unchanged_pieces_and_changes_nothing() {
        let shape = Shape::default();
        let ir = hard_cases(false);
        let (cold, diagnostics) = emit_and_format(&ir, shape, None).unwrap();
        let mut cache = CodeCache::default();
        let (filled, _) = emit_and_format(&ir, shape, Some(&mut cache)).unwrap();
        assert_eq!(filled, cold, "a cold cache changes nothing");
        // Mark every kept piece: what comes from the cache shows the mark.
        let mut marked = 0;
        for code in cache.codes_mut() {
            code.insert_str(0, "// kept\n");
            marked += 1;
        }
        assert!(
            marked + 1 < pieces(&ir).len(),
            "pieces with diagnostics are not kept"
        );
        let (warm, warm_diagnostics) = emit_and_format(&ir, shape, Some(&mut cache)).unwrap();
        assert_eq!(warm.matches("// kept\n").count(), marked);
        assert_eq!(warm.replace("// kept\n", ""), cold);
        assert_eq!(
            warm_diagnostics, diagnostics,
            "a hit keeps its (no) diagnostics"
        );

        // One changed property of a kept model: only it is emitted anew.
        let mut changed = ir.clone();
        let names = type_names(&ir, &mut Vec::new());
        let kept = |i: usize| {
            let mut found = Vec::new();
            emit_piece(&ir, &names, shape, Piece::Model(i), &mut found);
            found.is_empty() && !ir.models[i].properties.is_empty()
        };
        let edited = (0..ir.models.len()).find(|i| kept(*i)).unwrap();
        changed.models[edited].properties[0].description = Some("Changed.".into());
        let (expected, _) = emit_and_format(&changed, shape, None).unwrap();
        let (served, _) = emit_and_format(&changed, shape, Some(&mut cache)).unwrap();
        assert_eq!(served.replace("// kept\n", ""), expected);
        assert_eq!(served.matches("// kept\n").count(), marked - 1);
    }

    #[test]
    fn a_changed_enum_is_emitted_anew_with_the_models_that_name_it() {
        let shape = Shape::default();
        let ir = fixtures("dialects/java", false);
        let names = type_names(&ir, &mut Vec::new());
        let kept = |i: usize| {
            let mut found = Vec::new();
            emit_piece(&ir, &names, shape, Piece::Model(i), &mut found);
            found.is_empty()
        };
        let enum_of = |model: &Model| {
            model.types().find_map(|ty| match ty.innermost() {
                TypeExpr::Enum(name) => Some(name.clone()),
                _ => None,
            })
        };
        let named = (0..ir.models.len())
            .filter(|i| kept(*i))
            .find_map(|i| enum_of(&ir.models[i]))
            .expect("a kept model names an enum");
        let namers = (0..ir.models.len())
            .filter(|i| {
                kept(*i)
                    && ir.models[*i]
                        .types()
                        .any(|ty| *ty.innermost() == TypeExpr::Enum(named.clone()))
            })
            .count();
        let mut cache = CodeCache::default();
        emit_and_format(&ir, shape, Some(&mut cache)).unwrap();
        let mut marked = 0;
        for code in cache.codes_mut() {
            code.insert_str(0, "// kept\n");
            marked += 1;
        }
        let mut changed = ir.clone();
        let declared = changed.enums.iter_mut().find(|e| e.name == named).unwrap();
        declared.members.pop();
        let (expected, _) = emit_and_format(&changed, shape, None).unwrap();
        let (served, _) = emit_and_format(&changed, shape, Some(&mut cache)).unwrap();
        assert_eq!(served.replace("// kept\n", ""), expected);
        assert_eq!(served.matches("// kept\n").count(), marked - 1 - namers);
    }
}
