//! The real .NET SDK docs folder (`../shared/corpus/dotnet-270`), checked
//! against counts taken without the reader and against the oracle built from
//! the SDK's C# sources.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use docmodel_codegen::diagnostics::{Code, Severity};
use docmodel_codegen::ir::{Ir, Model, Primitive, TypeExpr};
use docmodel_codegen::{Loaded, read_ir};
use docmodel_tests::{UNRECOVERABLE_WIRE_NAMES, corpus, settings};
use serde_json::Value;

/// The corpus folder and its reading, shared by the tests of this file.
fn corpus_loaded() -> Option<&'static (PathBuf, Loaded)> {
    static LOADED: OnceLock<Option<(PathBuf, Loaded)>> = OnceLock::new();
    LOADED
        .get_or_init(|| {
            let dir = corpus("dotnet-270")?;
            let loaded = read_ir(&settings(std::slice::from_ref(&dir)))
                .expect("the corpus reads without errors");
            Some((dir, loaded))
        })
        .as_ref()
}

fn oracle() -> Option<Value> {
    let path = corpus("dotnet-270.oracle.json")?;
    let text = std::fs::read_to_string(path).expect("the oracle is readable");
    Some(serde_json::from_str(&text).expect("the oracle is JSON"))
}

/// Property rows of a model page, counted by line shape alone: the lines
/// after the `## Properties` table header and separator that start with `|`.
fn rows_counted_by_lines(text: &str) -> Option<usize> {
    let mut lines = text.lines().skip_while(|l| l.trim() != "## Properties");
    lines.next()?;
    let mut table = lines.skip_while(|l| l.trim().is_empty());
    let header = table.next()?;
    assert!(header.contains("Name | Type"), "{header}");
    table.next()?;
    Some(table.take_while(|l| l.starts_with('|')).count())
}

#[test]
fn every_model_page_yields_all_its_rows_and_nothing_else() {
    let Some((dir, loaded)) = corpus_loaded() else {
        return;
    };
    let errors: Vec<String> = loaded
        .report
        .diagnostics()
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors, Vec::<String>::new(), "no errors or warnings");

    let mut model_pages = 0;
    let mut rows = 0;
    let mut skipped = BTreeSet::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        loaded.report.files_read().len(),
        "every page is read"
    );
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.file_stem().unwrap().to_str().unwrap().to_string();
        match rows_counted_by_lines(&text) {
            Some(count) => {
                model_pages += 1;
                rows += count;
                let model = loaded
                    .ir
                    .model(&name)
                    .unwrap_or_else(|| panic!("no model {name}"));
                assert_eq!(model.properties.len(), count, "{name}");
                assert_eq!(model.sources, [file.display().to_string()]);
            }
            None => {
                skipped.insert(file.display().to_string());
            }
        }
    }
    assert_eq!(loaded.report.files_read().len(), 6622);
    assert_eq!((model_pages, loaded.ir.models.len()), (6533, 6533));
    assert_eq!(rows, 35_804);
    assert_eq!(
        skipped.len(),
        89,
        "87 API pages, the index and the release notes"
    );
    let noted: BTreeSet<String> = loaded
        .report
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::NotAModelPage)
        .map(|d| d.file.clone())
        .collect();
    assert_eq!(noted, skipped, "each non-model page is skipped with a note");
}

#[test]
fn pipes_in_descriptions_keep_the_notes_cell() {
    let Some((_, loaded)) = corpus_loaded() else {
        return;
    };
    let text = loaded.ir.model("DocumentText").unwrap();
    let hyperlink = &text.properties[2];
    assert_eq!(hyperlink.wire_name, "hyperlink");
    assert!(
        hyperlink.required == Some(false),
        "its `[optional]` note survives the pipes"
    );
    let description = hyperlink.description.as_deref().unwrap();
    assert!(
        description.starts_with("The URL of the page"),
        "{description}"
    );
    assert!(
        description.ends_with("grn:knowledge:::label/<knowledgeBaseId>/<labelId>"),
        "{description}"
    );
    assert_eq!(
        text.properties[0].required,
        Some(true),
        "Text has an empty Notes cell: required"
    );
    let empty = loaded.ir.model("ArrayNode").unwrap();
    assert!(empty.properties.is_empty());
}

/// Agreement of the IR with the oracle, property by property.
#[derive(Default)]
struct Agreement {
    compared: usize,
    wire: usize,
    types: usize,
    required_compared: usize,
    required: usize,
    wire_misses: BTreeSet<String>,
    type_misses: Vec<String>,
}

impl Agreement {
    fn measure(ir: &Ir, oracle: &Value) -> Agreement {
        let mut agreement = Agreement::default();
        for (name, truth) in oracle["models"].as_object().unwrap() {
            let model = ir.model(name).unwrap_or_else(|| panic!("no model {name}"));
            for truth in truth["properties"].as_array().unwrap() {
                agreement.compare(model, truth);
            }
        }
        agreement
    }

    fn compare(&mut self, model: &Model, truth: &Value) {
        let sdk_name = truth["sdk_name"].as_str().unwrap();
        let property = model
            .properties
            .iter()
            .find(|p| p.name == sdk_name)
            .unwrap_or_else(|| panic!("no {}.{sdk_name}", model.name));
        self.compared += 1;
        let wire = truth["wire"].as_str().unwrap();
        if property.wire_name == wire {
            self.wire += 1;
        } else {
            self.wire_misses
                .insert(format!("{}.{} -> {wire}", model.name, sdk_name));
        }
        if same_type(&property.ty, &truth["type"]) {
            self.types += 1;
        } else {
            self.type_misses.push(format!(
                "{}.{}: {} vs {}",
                model.name, sdk_name, property.ty, truth["type"]
            ));
        }
        if let Some(required) = truth["required"].as_bool() {
            self.required_compared += 1;
            self.required += usize::from(Some(required) == property.required);
        }
    }
}

/// Whether a read type has the oracle's kind (recursively); the .NET docs write
/// enums as `string`, which is right for a docs-only reader. The reader takes
/// the .NET `T?` of every value type as no nullability, and so does the oracle
/// (its `int?` is in its `sdk_type`); a nullable read type is compared by its
/// value type.
fn same_type(read: &TypeExpr, truth: &Value) -> bool {
    let kind = truth["kind"].as_str().unwrap();
    match (read, kind) {
        (TypeExpr::Nullable(inner), _) => same_type(inner, truth),
        (TypeExpr::List(inner), "list") => same_type(inner, &truth["items"]),
        (TypeExpr::Set(inner), "set") => same_type(inner, &truth["items"]),
        (TypeExpr::Map(inner), "map") => same_type(inner, &truth["values"]),
        (TypeExpr::Model(name), "ref") => truth["name"] == name.as_str(),
        (TypeExpr::Primitive(Primitive::String), "enum") => truth["base"] != "integer",
        (TypeExpr::Primitive(Primitive::Int32 | Primitive::Int64), "enum") => {
            truth["base"] == "integer"
        }
        (TypeExpr::Enum(_), "enum") => true,
        (TypeExpr::Primitive(p), kind) => p.keyword() == kind,
        _ => false,
    }
}

#[test]
fn the_ir_agrees_with_the_oracle() {
    let (Some((_, loaded)), Some(oracle)) = (corpus_loaded(), oracle()) else {
        return;
    };
    let agreement = Agreement::measure(&loaded.ir, &oracle);
    let percent = |n: usize, of: usize| 100.0 * n as f64 / of as f64;
    let wire = percent(agreement.wire, agreement.compared);
    let types = percent(agreement.types, agreement.compared);
    let required = percent(agreement.required, agreement.required_compared);
    eprintln!(
        "oracle agreement over {} properties: wire names {wire:.3}%, types {types:.3}%, required {required:.3}% (of {})",
        agreement.compared, agreement.required_compared
    );
    for miss in &agreement.type_misses {
        eprintln!("type differs: {miss}");
    }
    assert_eq!(agreement.compared, 35_804);
    let listed: BTreeSet<String> = UNRECOVERABLE_WIRE_NAMES
        .iter()
        .map(|(model, name, wire)| format!("{model}.{name} -> {wire}"))
        .collect();
    assert_eq!(agreement.wire_misses, listed);
    assert!(wire >= 99.8, "wire names {wire}%");
    assert!(types >= 99.5, "types {types}%");
}

#[test]
fn the_corpus_ir_survives_a_yaml_round_trip() {
    let Some((_, loaded)) = corpus_loaded() else {
        return;
    };
    let yaml = loaded.ir.to_yaml().unwrap();
    let back = Ir::from_yaml(&yaml).unwrap();
    assert!(back == loaded.ir, "IR -> YAML -> IR is the identity");
}
