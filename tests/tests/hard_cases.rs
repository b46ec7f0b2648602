//! Pages built to break generators (`tests/fixtures/hard-cases`): models named
//! `Option`, `String`, `Vec`, `Box` and `Result`, keywords and colliding
//! field names, enum values that are not names, integer enums, defaults,
//! direct and indirect recursion, a missing model, defaults of models whose
//! names start with a digit (`_2FA`) or would collide (`Pet.storeId`,
//! `PetStore.id`). The generated code is a
//! reviewed snapshot, and it compiles and works in a crate of its own under
//! `#![deny(warnings)]` and `clippy -D warnings`.

use docmodel_codegen::diagnostics::{Code, Severity};
use docmodel_codegen::{BuildError, Builder, Failure, Generated};
use docmodel_tests::{repo_root, run_and_lint_model_crate, write_model_crate};

const FIXTURES: &str = "tests/fixtures/hard-cases";

/// The fixtures' code, read from the repository root so that the pages'
/// paths (which the generated docs name) are the same on every machine.
fn generated() -> Generated {
    std::env::set_current_dir(repo_root()).unwrap();
    Builder::new().specs(FIXTURES).generate().unwrap()
}

#[test]
fn hard_cases_generate_the_reviewed_code() {
    let generated = generated();
    let warnings: Vec<Code> = generated
        .report
        .diagnostics()
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.code)
        .collect();
    assert_eq!(warnings, [Code::MissingModel]);
    insta::assert_snapshot!("hard_cases", generated.code);
}

#[test]
fn two_models_with_one_rust_name_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for (file, name) in [("a.md", "PetTag"), ("b.md", "pet_tag")] {
        std::fs::write(
            dir.path().join(file),
            format!(
                "# {name}\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **id** | **String** | x | |\n"
            ),
        )
        .unwrap();
    }
    let result = Builder::new().specs(dir.path()).generate();
    let Err(BuildError::Generate(Failure::Docs(report))) = result else {
        panic!("expected errors in the docs, got {result:?}");
    };
    let errors: Vec<String> = report
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let expected = format!(
        "{}:1:1: error[DM0301]: `pet_tag` would be the Rust type `PetTag`",
        dir.path().join("b.md").display()
    );
    assert!(errors[0].starts_with(&expected), "{}", errors[0]);
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
        "tags": ["t"],
        "extra": {"k": 1},
        "blob": null,
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
    assert_eq!((defaults.count_or_default(), defaults.mood_or_default()), (3, HolderMood::Happy));
    assert_eq!(defaults.tags_or_default(), ["a", "b|c"]);
    assert!(defaults.extra_or_default().is_empty());
    assert_eq!(defaults.blob_or_default(), json!({"a": [1, "x"]}));
    // Defaults stay absent on the way back.
    assert_eq!(serde_json::to_value(&defaults).unwrap(), json!({"box": {}, "name": "n"}));

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

    // Defaults of models whose names collide or start with a digit.
    let pet: Pet = serde_json::from_value(json!({})).unwrap();
    let store: PetStore = serde_json::from_value(json!({})).unwrap();
    assert_eq!((pet.store_id_or_default(), store.id_or_default()), (1, 2));
    let two_factor: Model2fa = serde_json::from_value(json!({})).unwrap();
    assert!(two_factor.enabled_or_default());
    println!("hard cases: all checks passed");
}
"##;

#[test]
fn hard_cases_compile_without_warnings_and_work() {
    let generated = generated();
    let dir = repo_root().join("target/docmodel-hard-cases-crate");
    write_model_crate(&dir, "hard-cases", &generated.code, RUNNER);
    run_and_lint_model_crate(&dir, "hard cases: all checks passed");
}
