//! The whole real corpus as a Rust crate: generate `dotnet-270` into a crate
//! of its own, build it with cargo under `#![deny(warnings)]`, and round-trip
//! one real JSON document per model through the generated types.
//!
//! Slow (a 150,000-line crate): `#[ignore]`d by default and run by `.ci/run`:
//! `cargo test -p docmodel-tests --test corpus_crate -- --ignored`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use docmodel_codegen::ir::{Ir, TypeExpr};
use docmodel_codegen::{Generated, UnknownFields, generate};
use docmodel_tests::{UNRECOVERABLE_WIRE_NAMES, corpus, repo_root, round_trip_payloads, settings};
use serde_json::Value;

/// What a payload holds that its model's docs do not allow.
#[derive(Debug, Default, PartialEq, Eq)]
struct Mismatch {
    /// Keys that no property of their model has as wire name.
    unknown_keys: BTreeSet<String>,
    /// Properties the docs mark required that an object lacks.
    missing_required: BTreeSet<String>,
}

/// Walks `json` as a value of model `name`, recording keys the docs do not
/// know and required properties that are absent.
fn check(ir: &Ir, name: &str, json: &Value, found: &mut Mismatch) {
    let (Some(model), Value::Object(object)) = (ir.model(name), json) else {
        return;
    };
    for key in object.keys() {
        if !model.properties.iter().any(|p| &p.wire_name == key) {
            found.unknown_keys.insert(format!("{name}.{key}"));
        }
    }
    for property in &model.properties {
        match object.get(&property.wire_name) {
            Some(value) => check_type(ir, &property.ty, value, found),
            None if property.required == Some(true) => {
                found
                    .missing_required
                    .insert(format!("{name}.{}", property.wire_name));
            }
            None => {}
        }
    }
}

fn check_type(ir: &Ir, ty: &TypeExpr, json: &Value, found: &mut Mismatch) {
    match (ty, json) {
        (TypeExpr::Model(name), _) => check(ir, name, json, found),
        (TypeExpr::List(item) | TypeExpr::Set(item), Value::Array(items)) => {
            items.iter().for_each(|v| check_type(ir, item, v, found))
        }
        (TypeExpr::Map(item), Value::Object(values)) => {
            values.values().for_each(|v| check_type(ir, item, v, found))
        }
        _ => {}
    }
}

#[test]
#[ignore = "builds a 150,000-line crate; run by .ci/run"]
fn the_whole_corpus_compiles_and_round_trips_its_payloads() {
    let (Some(dir), Some(payloads)) = (corpus("dotnet-270"), corpus("dotnet-270.payloads.jsonl"))
    else {
        return;
    };
    let generated = generate(&settings(std::slice::from_ref(&dir))).unwrap();
    let failed = round_trips(&generated, "corpus", &payloads);
    let oracle: Value = serde_json::from_str(
        &std::fs::read_to_string(corpus("dotnet-270.oracle.json").unwrap()).unwrap(),
    )
    .unwrap();
    let unknowable_names = unknowable_wire_names(&oracle, &generated.ir);
    let unrecoverable: BTreeSet<String> = UNRECOVERABLE_WIRE_NAMES
        .iter()
        .map(|(model, _, wire)| format!("{model}.{wire}"))
        .collect();
    assert_eq!(
        unknowable_names, unrecoverable,
        "the wire names the docs cannot tell are the listed unrecoverable ones"
    );
    let mut unknowable = BTreeSet::new();
    let mut incomplete = BTreeSet::new();
    let mut unknown_keys = BTreeSet::new();
    for line in std::fs::read_to_string(&payloads).unwrap().lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        let model = record["model"].as_str().unwrap().to_string();
        if carries_any(&oracle, &model, &record["json"], &unknowable_names) {
            unknowable.insert(model.clone());
        }
        let mut found = Mismatch::default();
        check(&generated.ir, &model, &record["json"], &mut found);
        unknown_keys.extend(found.unknown_keys);
        if !found.missing_required.is_empty() {
            incomplete.insert(model);
        }
    }
    assert_eq!(
        unknown_keys, unknowable_names,
        "the payloads' keys the docs do not name are exactly the unknowable ones"
    );
    // A payload lacks a property the docs mark required only where that
    // property's wire name is one the docs cannot tell (`schema` for `$schema`).
    assert!(
        incomplete.is_subset(&unknowable),
        "payloads that lack a required property: {:?}",
        incomplete.difference(&unknowable).collect::<Vec<_>>()
    );
    assert_eq!(
        failed.keys().cloned().collect::<BTreeSet<_>>(),
        unknowable,
        "exactly the payloads that carry a wire name the docs cannot tell fail"
    );
    eprintln!(
        "{} models compiled; {} payloads: {} round-trip unchanged, {} fail, all carrying a wire name the .NET docs cannot tell",
        generated.ir.models.len(),
        6533,
        6533 - failed.len(),
        unknowable.len(),
    );

    // With `unknown_fields: keep`, the keys the docs cannot name are kept and
    // written back: of the payloads that fail above, only those that lack a
    // property the docs call required (its wire name being one they cannot
    // tell) still fail. Built with those payloads' models as roots, not all
    // 6,533: the rest round-trip without unknown keys already.
    let keep = generate(
        &unknowable
            .iter()
            .fold(settings(std::slice::from_ref(&dir)), |s, root| s.root(root))
            .unknown_fields(UnknownFields::Keep),
    )
    .unwrap();
    assert_eq!(keep.report.closure().unwrap().roots, unknowable.len());
    let keep_payloads = repo_root().join("target/docmodel-corpus-keep-payloads.jsonl");
    let lines: String = std::fs::read_to_string(&payloads)
        .unwrap()
        .lines()
        .filter(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            unknowable.contains(record["model"].as_str().unwrap())
        })
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&keep_payloads, lines).unwrap();
    let failed_keep = round_trips(&keep, "corpus-keep", &keep_payloads);
    assert_eq!(
        failed_keep.keys().cloned().collect::<BTreeSet<_>>(),
        incomplete,
        "with unknown_fields: keep, exactly the payloads whose unknowable key is required fail"
    );
    for (model, reason) in &failed_keep {
        assert!(
            reason.starts_with("deserialize: missing field"),
            "{model}: {reason}"
        );
    }
    eprintln!(
        "with unknown_fields: keep ({} models reached), {} of those {} payloads round-trip unchanged; {} fail, each lacking a required property whose wire name the docs cannot tell",
        keep.ir.models.len(),
        unknowable.len() - failed_keep.len(),
        unknowable.len(),
        failed_keep.len()
    );
}

/// Round-trips the payloads through `generated` built as the crate
/// `target/docmodel-<name>-crate`: the failures, by model.
fn round_trips(generated: &Generated, name: &str, payloads: &Path) -> BTreeMap<String, String> {
    let types: Vec<(String, String)> = generated
        .ir
        .models
        .iter()
        .map(|m| (m.name.clone(), m.name.clone()))
        .collect();
    round_trip_payloads(name, &generated.code, &types, payloads)
}

/// The oracle's properties (`Model.wire`) whose wire name is no property's
/// wire name in the IR read from the docs.
fn unknowable_wire_names(oracle: &Value, ir: &Ir) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (model, truth) in oracle["models"].as_object().unwrap() {
        for property in truth["properties"].as_array().unwrap() {
            let wire = property["wire"].as_str().unwrap();
            let known = ir
                .model(model)
                .is_some_and(|m| m.properties.iter().any(|p| p.wire_name == wire));
            if !known {
                names.insert(format!("{model}.{wire}"));
            }
        }
    }
    names
}

/// Whether `json`, a value of the oracle's model `model`, holds one of
/// `names` (`Model.wire`) at any depth, walked by the oracle's types.
fn carries_any(oracle: &Value, model: &str, json: &Value, names: &BTreeSet<String>) -> bool {
    let (Some(truth), Value::Object(object)) = (oracle["models"].get(model), json) else {
        return false;
    };
    truth["properties"]
        .as_array()
        .unwrap()
        .iter()
        .any(|property| {
            let wire = property["wire"].as_str().unwrap();
            object.get(wire).is_some_and(|value| {
                names.contains(&format!("{model}.{wire}"))
                    || carries_in_type(oracle, &property["type"], value, names)
            })
        })
}

/// [`carries_any`] for a value of the oracle's type `ty`.
fn carries_in_type(oracle: &Value, ty: &Value, json: &Value, names: &BTreeSet<String>) -> bool {
    match (ty["kind"].as_str(), json) {
        (Some("ref"), _) => carries_any(oracle, ty["name"].as_str().unwrap(), json, names),
        (Some("list" | "set"), Value::Array(items)) => items
            .iter()
            .any(|item| carries_in_type(oracle, &ty["items"], item, names)),
        (Some("map"), Value::Object(values)) => values
            .values()
            .any(|value| carries_in_type(oracle, &ty["values"], value, names)),
        _ => false,
    }
}
