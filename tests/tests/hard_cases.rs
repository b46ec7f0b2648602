//! Pages built to break generators (`tests/fixtures/hard-cases`): models named
//! `Option`, `String`, `Vec`, `Box` and `Result`, keywords and colliding
//! field names, enum values that are not names, integer enums, defaults,
//! direct and indirect recursion, a missing model. The generated code is a
//! reviewed snapshot, and it compiles and works in a crate of its own under
//! `#![deny(warnings)]` and `clippy -D warnings`.

use docmodel_codegen::diagnostics::{Code, Severity};
use docmodel_codegen::pages::Page;
use docmodel_codegen::{Config, emit, generate_loaded, load_pages};
use docmodel_tests::{repo_root, run_and_lint_model_crate, write_model_crate};

const FIXTURES: &str = "tests/fixtures/hard-cases";

fn pages() -> Vec<Page> {
    let mut pages: Vec<Page> = std::fs::read_dir(repo_root().join(FIXTURES))
        .unwrap()
        .map(|entry| {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let path = format!("{FIXTURES}/{name}");
            Page {
                text: std::fs::read_to_string(repo_root().join(&path)).unwrap(),
                path,
            }
        })
        .collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages
}

#[test]
fn hard_cases_generate_the_reviewed_code() {
    let generated = generate_loaded(load_pages(pages(), &Config::default()));
    let warnings: Vec<Code> = generated
        .loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.code)
        .collect();
    assert_eq!(warnings, [Code::MissingModel]);
    insta::assert_snapshot!("hard_cases", generated.code);
}

#[test]
fn parallel_generation_matches_formatting_the_single_token_stream() {
    let loaded = load_pages(pages(), &Config::default());
    let single = emit::format(emit::emit(&loaded.ir).tokens).unwrap();
    let (parallel, _) = emit::emit_and_format(&loaded.ir).unwrap();
    assert_eq!(parallel, single);
    let mut reversed = pages();
    reversed.reverse();
    let again = generate_loaded(load_pages(reversed, &Config::default()));
    assert_eq!(again.code, single, "page order does not matter");
}

#[test]
fn two_models_with_one_rust_name_are_an_error() {
    let page = |path: &str, name: &str| Page {
        path: path.to_string(),
        text: format!(
            "# {name}\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **id** | **String** | x | |\n"
        ),
    };
    let generated = generate_loaded(load_pages(
        vec![page("a.md", "PetTag"), page("b.md", "pet_tag")],
        &Config::default(),
    ));
    let errors: Vec<String> = generated
        .loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("b.md:1:1: error[DM0301]: `pet_tag` would be the Rust type `PetTag`"),
        "{}",
        errors[0]
    );
}

/// Uses the generated types the way a user would; exits non-zero on a mismatch.
const RUNNER: &str = r##"
use hard_cases::*;
use serde_json::json;

fn main() {
    let document = json!({
        "option": {"value": "o"},
        "box": {"value": "b"},
        "results": [{"value": "r"}],
        "vecs": {"k": {"value": "v"}},
        "name": "n",
        "type": "t",
        "self": "s",
        "$ref": "#/x",
        "callbackURI": "u1",
        "callbackUri": "u2",
        "count": 7,
        "mood": "sad",
        "symbol": "-1",
        "level": 3,
        "pattern": "p",
        "missing": {"anything": [1, 2]}
    });
    let holder: Holder = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(holder.r#type.as_deref(), Some("t"));
    assert_eq!(holder.self_.as_deref(), Some("s"));
    assert_eq!(holder.r#ref.as_deref(), Some("#/x"));
    assert_eq!((holder.callback_uri.as_deref(), holder.callback_uri_2.as_deref()), (Some("u1"), Some("u2")));
    assert_eq!(holder.symbol, Some(HolderSymbol::Minus1));
    assert_eq!(holder.level, Some(HolderLevel::from(3)));
    assert_eq!(holder.level.unwrap().value(), 3);
    assert_eq!(serde_json::to_value(&holder).unwrap(), document);

    let defaults: Holder = serde_json::from_value(json!({"box": {}, "name": "n"})).unwrap();
    assert_eq!((defaults.count, defaults.mood), (3, HolderMood::Happy));

    for value in ["1", "-1", "", "+", "s", "S", "transfer.conference", "unknown", "new"] {
        let symbol: HolderSymbol = value.parse().unwrap();
        assert_eq!(symbol.as_str(), value);
        assert_eq!(serde_json::to_value(&symbol).unwrap(), json!(value));
        assert_eq!(serde_json::from_value::<HolderSymbol>(json!(value)).unwrap(), symbol);
    }
    assert_eq!(HolderSymbol::from("S"), HolderSymbol::S2);

    let node: Node = serde_json::from_value(json!({
        "id": "a",
        "next": {"id": "b"},
        "children": [{"id": "c"}],
        "pair": {"node": {"id": "d"}, "label": "l"}
    }))
    .unwrap();
    assert_eq!(node.next.as_ref().unwrap().id, "b");
    assert_eq!(node.pair.as_ref().unwrap().node.id, "d");
    println!("hard cases: all checks passed");
}
"##;

#[test]
fn hard_cases_compile_without_warnings_and_work() {
    let generated = generate_loaded(load_pages(pages(), &Config::default()));
    let dir = repo_root().join("target/docmodel-hard-cases-crate");
    write_model_crate(&dir, "hard-cases", &generated.code, RUNNER);
    run_and_lint_model_crate(&dir, "hard cases: all checks passed");
}
