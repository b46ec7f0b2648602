//! Every docs dialect against the truth: the pages under
//! `tests/fixtures/dialects/<generator>/` were written by openapi-generator
//! from `tests/fixtures/dialects/spec.yaml` (see `regenerate.sh`), so the spec
//! says what each page means. For each generator the test reads its folder,
//! compares every model, enum, union and property with the spec (wire name,
//! type, required), and holds the differences to that generator's known
//! losses exactly: each generator's list is an insta snapshot
//! (`snapshots/dialects__losses_<generator>.snap`, one difference a line), so
//! a new difference fails, and so does a listed loss that no longer occurs;
//! changes are reviewed with `cargo insta review`.
//!
//! Every listed difference is a loss in the generated page itself, not a
//! reader choice:
//! - `wire`: the generator renamed the property and no rule can undo it
//!   (`snake_case_name` → `snakeCaseName`, `kebab-name` → `kebabName`,
//!   `PascalName` → `pascalName`, acronyms, `$ref` → `ref`, `_underscore`).
//! - `missing`: the page lacks the property (allOf children that list only
//!   their own properties; names no rule maps back).
//! - `type`: the page writes a weaker type (inline enums as `string`, enum
//!   pages as empty tables, `int` for int32 and int64, one number type,
//!   dates and UUIDs as strings, free-form objects as `Object`, no `nullable`,
//!   no `uniqueItems`).
//! - `kind`: a union written as a struct (`object`) or an empty table; an
//!   enum page written as an empty table (both read as `any`: any JSON
//!   value, kept as it came).
//! - `required`: typescript-fetch's two-column tables say nothing about it.
//! - `dialect`: a page read in another dialect than its generator's. None is
//!   listed: a page with nothing but `String` and model links (Swift) has no
//!   sign of its dialect, and is read in its folder's.

use std::collections::BTreeSet;
use std::path::PathBuf;

use docmodel_codegen::diagnostics::Severity;
use docmodel_codegen::ir::{Dialect, Ir, TypeExpr};
use docmodel_codegen::{PathOverride, Settings, WireCase, generate, read_ir};
use docmodel_tests::{repo_root, run_and_lint_model_crate, write_model_crate};
use serde_json::Value;

/// Each generator's folder, the dialect its pages must be detected as, and
/// the `wire_case` its user would configure for this camelCase API: none
/// where the dialect's default fits, `camelCase` where the docs snake_case
/// every name.
const GENERATORS: &[(&str, Dialect, Option<WireCase>)] = &[
    ("java", Dialect::Java, None),
    ("kotlin", Dialect::Kotlin, None),
    ("csharp", Dialect::Csharp, None),
    ("csharp-restsharp", Dialect::Csharp, None),
    ("python", Dialect::Python, Some(WireCase::Camel)),
    ("python-pydantic-v1", Dialect::Python, Some(WireCase::Camel)),
    ("go", Dialect::Go, None),
    ("ruby", Dialect::Ruby, Some(WireCase::Camel)),
    ("php", Dialect::Php, Some(WireCase::Camel)),
    ("php-nextgen", Dialect::Php, Some(WireCase::Camel)),
    ("javascript", Dialect::Javascript, None),
    ("typescript-axios", Dialect::Typescript, None),
    ("typescript-fetch", Dialect::Typescript, None),
    ("swift5", Dialect::Swift, None),
    ("swift6", Dialect::Swift, None),
    ("dart", Dialect::Dart, None),
    ("dart-dio", Dialect::Dart, None),
    ("rust", Dialect::Rust, Some(WireCase::Camel)),
    ("r", Dialect::R, None),
    ("powershell", Dialect::Powershell, None),
    // openapi-generator 6.6.0.
    ("python-prior", Dialect::PythonPrior, Some(WireCase::Camel)),
    // swagger-codegen 3.0.34.
    ("sc3-python", Dialect::Python, Some(WireCase::Camel)),
    ("sc3-ruby", Dialect::Ruby, Some(WireCase::Camel)),
    ("sc3-php", Dialect::Php, Some(WireCase::Camel)),
    ("sc3-java", Dialect::Java, None),
    ("sc3-csharp", Dialect::Csharp, None),
    ("sc3-javascript", Dialect::Javascript, None),
    ("sc3-kotlin-client", Dialect::Kotlin, None),
    ("sc3-go", Dialect::Go, None),
    // swagger-codegen 2.4.9, from the Swagger 2.0 twin of the spec (no
    // oneOf, no nullable: those differences show as losses).
    ("sc2-python", Dialect::Python, Some(WireCase::Camel)),
    ("sc2-ruby", Dialect::Ruby, Some(WireCase::Camel)),
    ("sc2-php", Dialect::Php, Some(WireCase::Camel)),
    ("sc2-java", Dialect::Java, None),
    ("sc2-csharp", Dialect::Csharp, None),
    ("sc2-javascript", Dialect::Javascript, None),
    ("sc2-go", Dialect::Go, None),
    ("sc2-kotlin", Dialect::Kotlin, None),
];

fn fixtures() -> PathBuf {
    repo_root().join("tests/fixtures/dialects")
}

/// What the spec says about one schema.
#[derive(Debug)]
enum Truth {
    /// An object: its properties as (wire name, type, required).
    Object(Vec<(String, String, bool)>),
    /// An enum schema: its values.
    Enum(Vec<String>),
    /// A `oneOf`: its member types.
    Union(Vec<String>),
}

/// The spec's schemas, in spec order.
fn truth() -> Vec<(String, Truth)> {
    let text = std::fs::read_to_string(fixtures().join("spec.yaml")).unwrap();
    let spec: Value = serde_saphyr::from_str(&text).unwrap();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    schemas
        .iter()
        .map(|(name, schema)| (name.clone(), schema_truth(schema, &spec)))
        .collect()
}

fn schema_truth(schema: &Value, spec: &Value) -> Truth {
    if let Some(values) = schema["enum"].as_array() {
        return Truth::Enum(values.iter().map(scalar_text).collect());
    }
    if let Some(members) = schema["oneOf"].as_array() {
        return Truth::Union(members.iter().map(|m| type_of(m, spec)).collect());
    }
    let mut properties = Vec::new();
    collect_properties(schema, spec, &mut properties);
    Truth::Object(properties)
}

/// Properties of an object schema, `allOf` parts flattened in order.
fn collect_properties(schema: &Value, spec: &Value, out: &mut Vec<(String, String, bool)>) {
    if let Some(target) = schema["$ref"].as_str() {
        return collect_properties(resolve(target, spec), spec, out);
    }
    for part in schema["allOf"].as_array().into_iter().flatten() {
        collect_properties(part, spec, out);
    }
    let required: BTreeSet<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for (wire, property) in schema["properties"].as_object().into_iter().flatten() {
        out.push((
            wire.clone(),
            type_of(property, spec),
            required.contains(wire.as_str()),
        ));
    }
}

fn resolve<'s>(reference: &str, spec: &'s Value) -> &'s Value {
    let name = reference.rsplit('/').next().unwrap();
    &spec["components"]["schemas"][name]
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A schema's type in the IR's notation, enums written with their values
/// (`enum[a,b]`) so that inline and separate enums compare alike.
fn type_of(schema: &Value, spec: &Value) -> String {
    let plain = plain_type_of(schema, spec);
    if schema["nullable"] == true {
        format!("nullable<{plain}>")
    } else {
        plain
    }
}

fn plain_type_of(schema: &Value, spec: &Value) -> String {
    if let Some(target) = schema["$ref"].as_str() {
        let name = target.rsplit('/').next().unwrap();
        return match resolve(target, spec)["enum"].as_array() {
            Some(values) => {
                let values: Vec<String> = values.iter().map(scalar_text).collect();
                format!("enum[{}]", values.join(","))
            }
            None => name.to_string(),
        };
    }
    if let Some(values) = schema["enum"].as_array() {
        let values: Vec<String> = values.iter().map(scalar_text).collect();
        return format!("enum[{}]", values.join(","));
    }
    let format = schema["format"].as_str().unwrap_or_default();
    match schema["type"].as_str() {
        Some("string") => match format {
            "date-time" => "datetime",
            "date" => "date",
            "uuid" => "uuid",
            "binary" | "byte" => "binary",
            _ => "string",
        }
        .to_string(),
        Some("integer") => if format == "int32" { "int32" } else { "int64" }.to_string(),
        Some("number") => match format {
            "double" => "double",
            "float" => "float",
            _ => "decimal",
        }
        .to_string(),
        Some("boolean") => "boolean".to_string(),
        Some("array") => {
            let items = type_of(&schema["items"], spec);
            if schema["uniqueItems"] == true {
                format!("set<{items}>")
            } else {
                format!("list<{items}>")
            }
        }
        Some("object") => match &schema["additionalProperties"] {
            Value::Object(values) => {
                format!("map<{}>", type_of(&Value::Object(values.clone()), spec))
            }
            _ => "map<any>".to_string(),
        },
        _ => "any".to_string(),
    }
}

/// A read type in the same notation as [`type_of`].
fn read_type(ty: &TypeExpr, ir: &Ir) -> String {
    match ty {
        TypeExpr::Primitive(p) => p.keyword().to_string(),
        TypeExpr::List(inner) => format!("list<{}>", read_type(inner, ir)),
        TypeExpr::Set(inner) => format!("set<{}>", read_type(inner, ir)),
        TypeExpr::Map(inner) => format!("map<{}>", read_type(inner, ir)),
        TypeExpr::Nullable(inner) => format!("nullable<{}>", read_type(inner, ir)),
        TypeExpr::Model(name) => name.clone(),
        TypeExpr::Enum(name) => match ir.enumeration(name) {
            Some(declared) => format!("enum[{}]", enum_values(declared).join(",")),
            None => name.clone(),
        },
        other => panic!("a type this test does not know: {other}"),
    }
}

/// An enum's values as text, in order.
fn enum_values(declared: &docmodel_codegen::ir::Enum) -> Vec<String> {
    declared
        .members
        .iter()
        .map(|m| m.value.to_string())
        .collect()
}

/// One difference between a folder's IR and the spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Difference {
    /// `Model.wire` or `Model`.
    item: String,
    /// `wire`, `type`, `required`, `missing`, `kind`.
    aspect: &'static str,
    /// What the spec says, then what was read.
    truth: String,
    read: String,
}

/// Per-folder counts for the report.
#[derive(Debug, Default)]
struct Score {
    models: usize,
    enums: usize,
    properties: usize,
    compared: usize,
    wire: usize,
    types: usize,
    required: usize,
}

/// Reads one folder and compares it with the spec.
fn compare(
    folder: &str,
    dialect: Dialect,
    wire_case: Option<WireCase>,
) -> (Score, BTreeSet<Difference>) {
    let mut settings = Settings::new().input(fixtures().join(folder));
    if let Some(case) = wire_case {
        settings = settings.wire_case(case);
    }
    let loaded = read_ir(&settings).unwrap_or_else(|failure| panic!("{folder}: {failure}"));
    assert_eq!(loaded.report.count(Severity::Error), 0);
    let ir = &loaded.ir;
    let mut score = Score {
        models: ir.models.len(),
        enums: ir.enums.len(),
        properties: ir.models.iter().map(|m| m.properties.len()).sum(),
        ..Score::default()
    };
    let mut differences = BTreeSet::new();
    let mut differ = |item: String, aspect, truth: String, read: String| {
        differences.insert(Difference {
            item,
            aspect,
            truth,
            read,
        });
    };
    for model in ir.models.iter().filter(|m| m.dialect != dialect) {
        differ(
            model.name.clone(),
            "dialect",
            format!("{dialect:?}"),
            format!("{:?}", model.dialect),
        );
    }
    for (name, truth) in truth() {
        let model = ir.model(&name);
        match truth {
            Truth::Enum(values) => match ir.enumeration(&name).map(enum_values) {
                Some(read) if read == values => {}
                Some(read) => differ(name, "values", values.join(","), read.join(",")),
                None => differ(
                    name,
                    "kind",
                    "enum".into(),
                    model.map_or("nothing", model_kind).into(),
                ),
            },
            Truth::Union(members) => {
                let read: Vec<String> = model.map_or_else(Vec::new, |m| {
                    m.one_of.iter().map(|t| read_type(t, ir)).collect()
                });
                if read != members {
                    let read = if read.is_empty() {
                        model.map_or("nothing", model_kind).to_string()
                    } else {
                        read.join(",")
                    };
                    differ(name, "kind", format!("union {}", members.join(",")), read);
                }
            }
            Truth::Object(properties) => {
                let Some(model) = model else {
                    differ(name, "kind", "object".into(), "nothing".into());
                    continue;
                };
                for (wire, ty, required) in properties {
                    let item = format!("{name}.{wire}");
                    let key = |s: &str| {
                        s.chars()
                            .filter(|c| c.is_alphanumeric())
                            .flat_map(char::to_lowercase)
                            .collect::<String>()
                    };
                    let found = model
                        .properties
                        .iter()
                        .find(|p| p.wire_name == wire)
                        .or_else(|| {
                            model
                                .properties
                                .iter()
                                .find(|p| key(&p.wire_name) == key(&wire))
                        });
                    let Some(property) = found else {
                        differ(item, "missing", ty, String::new());
                        continue;
                    };
                    score.compared += 1;
                    if property.wire_name == wire {
                        score.wire += 1;
                    } else {
                        differ(
                            item.clone(),
                            "wire",
                            wire.clone(),
                            property.wire_name.clone(),
                        );
                    }
                    let read = read_type(&property.ty, ir);
                    if read == ty {
                        score.types += 1;
                    } else {
                        differ(item.clone(), "type", ty, read);
                    }
                    if property.required == Some(required) {
                        score.required += 1;
                    } else {
                        let read = property
                            .required
                            .map_or("unknown".to_string(), |r| r.to_string());
                        differ(item, "required", required.to_string(), read);
                    }
                }
            }
        }
    }
    (score, differences)
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// What a model that is no enum or union was read as: an opaque one (an
/// empty table) is any JSON value.
fn model_kind(model: &docmodel_codegen::ir::Model) -> &'static str {
    if model.opaque { "any" } else { "object" }
}

/// A generator's differences, one a line: `item  aspect  spec → read`.
fn listing(differences: &BTreeSet<Difference>) -> String {
    differences
        .iter()
        .map(|d| format!("{}  {}  {} → {}\n", d.item, d.aspect, d.truth, d.read))
        .collect()
}

#[test]
fn every_dialect_reads_as_the_spec_says_up_to_its_known_losses() {
    println!("generator            models enums props  wire%  type%  required%");
    for &(folder, dialect, wire_case) in GENERATORS {
        let (score, differences) = compare(folder, dialect, wire_case);
        println!(
            "{folder:<20} {:>6} {:>5} {:>5} {:>6.1} {:>6.1} {:>9.1}",
            score.models,
            score.enums,
            score.properties,
            percent(score.wire, score.compared),
            percent(score.types, score.compared),
            percent(score.required, score.compared),
        );
        insta::assert_snapshot!(format!("losses_{folder}"), listing(&differences));
    }
}

/// Checks run inside the crate generated from every folder at once.
const RUNNER: &str = r##"
use dialect_models::*;
use serde_json::json;

fn main() {
    let fruit: Fruit = serde_json::from_value(json!({"cultivar": "Gala"})).unwrap();
    assert!(matches!(fruit, Fruit::Apple(_)), "{fruit:?}");
    assert_eq!(serde_json::to_value(&fruit).unwrap(), json!({"cultivar": "Gala"}));
    let order = json!({"id": 1, "status": "approved", "priority": 2, "color": "dark-blue"});
    let read: Order = serde_json::from_value(order.clone()).unwrap();
    assert_eq!(read.priority, Some(Priority::from(2)));
    assert_eq!(read.color.as_ref().map(|c| c.as_str()), Some("dark-blue"));
    // Its documented defaults are read, and stay absent on the way back.
    assert_eq!((read.quantity_or_default(), read.complete_or_default()), (1, Some(false)));
    assert_eq!(serde_json::to_value(&read).unwrap(), order);
    // python-prior says every object takes values under unlisted names: they
    // are kept and written back.
    let tag = json!({"id": 7, "name": "x", "extra": [1, "two"]});
    let read: Tag = serde_json::from_value(tag.clone()).unwrap();
    assert_eq!(read.additional_properties["extra"], json!([1, "two"]));
    assert_eq!(serde_json::to_value(&read).unwrap(), tag);
    println!("dialects: all checks passed");
}
"##;

/// All generators' pages in one folder tree, each generator's wire case set by
/// a per-path override: one model per name, and code that compiles and works.
#[test]
fn every_dialect_in_one_tree_merges_and_compiles() {
    let settings = GENERATORS
        .iter()
        .fold(Settings::new(), |settings, &(folder, _, wire_case)| {
            let path = fixtures().join(folder);
            let settings = settings.input(&path);
            match wire_case {
                Some(case) => settings.path_override(PathOverride::new(&path).wire_case(case)),
                None => settings,
            }
        });
    let generated = generate(&settings).unwrap_or_else(|failure| panic!("{failure}"));
    let ir = &generated.ir;
    let yaml = ir.to_yaml().unwrap();
    assert_eq!(
        &Ir::from_yaml(&yaml).unwrap(),
        ir,
        "the IR reads back from its YAML"
    );
    for (name, truth) in truth() {
        let found = match truth {
            Truth::Enum(_) => ir.enumeration(&name).is_some(),
            _ => ir.model(&name).is_some_and(|m| m.sources.len() > 1),
        };
        assert!(found, "{name} is read, from several pages");
    }
    let dir = repo_root().join("target/docmodel-dialects-crate");
    write_model_crate(&dir, "dialect-models", &generated.code, RUNNER);
    run_and_lint_model_crate(&dir, "dialects: all checks passed");
}
