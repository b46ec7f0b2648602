//! `docmodel diff` (the library's `diff`): every change kind in every
//! classification on two hand-made IR versions (`tests/fixtures/diff/`), and
//! the real release `dotnet-269` → `dotnet-270` held to the vendor's release
//! notes (`dotnet-270/releaseNotes.md`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use docmodel_codegen::diff::{ChangeKind, Diff, RustImpact, Semver, WireImpact};
use docmodel_codegen::{Failure, Required, Settings, UnknownFields, diff};
use docmodel_tests::{corpus, repo_root, settings};

fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures/diff").join(name)
}

/// The diff of the hand-made versions, the old and new settings made by `with`.
fn hand_made(with: impl Fn(Settings) -> Settings) -> Diff {
    let old = with(settings(&[fixture("old.yaml")]));
    let new = with(settings(&[fixture("new.yaml")]));
    diff(&old, &new).expect("the fixtures read").diff
}

/// Each change as `model.property kind rust wire`.
fn lines(diff: &Diff) -> Vec<String> {
    diff.changes
        .iter()
        .map(|c| {
            let property = c.property.as_deref().map(|p| format!(".{p}"));
            format!(
                "{}{} {} {:?} {:?}",
                c.model,
                property.unwrap_or_default(),
                c.kind,
                c.rust,
                c.wire
            )
        })
        .collect()
}

#[test]
fn every_kind_is_found_and_classified_on_hand_made_versions() {
    let found = hand_made(|s| s);
    assert_eq!(
        lines(&found),
        [
            "Bag additional_properties_changed Breaking Safe",
            "Box additional_properties_changed Breaking Breaking",
            "Fresh model_added Additive Safe",
            "Gone model_removed Breaking Breaking",
            "NewEnum enum_added Additive Safe",
            "OldEnum enum_removed Breaking Breaking",
            "Payment union_member_added Exhaustive Safe",
            "Payment union_member_removed Breaking Breaking",
            "Pet.Status property_added Exhaustive Safe",
            "Pet.age type_changed Breaking Safe",
            "Pet.color no_longer_nullable Breaking Breaking",
            "Pet.legacy property_removed Breaking Safe",
            "Pet.legs default_added Additive Safe",
            "Pet.microchip property_added Exhaustive Safe",
            "Pet.mood default_removed Breaking Safe",
            "Pet.name made_required Breaking Breaking",
            "Pet.nickname made_readonly None Safe",
            "Pet.note made_nullable Breaking Safe",
            "Pet.ownerId no_longer_readonly None Safe",
            "Pet.photo_urls wire_name_changed None Breaking",
            "Pet.size default_changed None Safe",
            "Pet.species property_added Breaking Breaking",
            "Pet.status field_renamed Breaking Safe",
            "Pet.tag made_optional Breaking Safe",
            "Pet.temper enum_value_added Exhaustive Safe",
            "Pet.weight type_changed Breaking Breaking",
            "PetStatus enum_value_added Exhaustive Safe",
            "PetStatus enum_value_removed Breaking Safe",
            "ToAny model_shape_changed Breaking Safe",
            "ToAny.x property_removed Breaking Safe",
            "ToUnion model_shape_changed Breaking Breaking",
            "ToUnion union_member_added Exhaustive Safe",
            "ToUnion union_member_added Exhaustive Safe",
            "ToUnion.x property_removed Breaking Safe",
        ]
    );
    assert_eq!(found.semver, Semver::Major);
    let kinds: BTreeSet<ChangeKind> = found.changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.len(), 24, "every kind but none: {kinds:?}");
    let named = |model: &str, property: &str| {
        found
            .changes
            .iter()
            .find(|c| c.model == model && c.property.as_deref() == Some(property))
            .unwrap()
    };
    let age = named("Pet", "age");
    assert_eq!(
        (age.old.as_deref(), age.new.as_deref()),
        (Some("int32"), Some("int64"))
    );
    let renamed = named("Pet", "status");
    assert_eq!(
        (renamed.old.as_deref(), renamed.new.as_deref()),
        (Some("status"), Some("status_2")),
        "`Status` took the field `status`: the JSON key `status` keeps its property"
    );
    insta::assert_snapshot!("diff_hand_made", found.render());
}

#[test]
fn the_wire_rules_of_the_settings_classify_the_changes() {
    let deny = hand_made(|s| s.unknown_fields(UnknownFields::Deny));
    let legacy = lines(&deny)
        .into_iter()
        .find(|l| l.starts_with("Pet.legacy"));
    assert_eq!(
        legacy.as_deref(),
        Some("Pet.legacy property_removed Breaking Breaking"),
        "a removed key is refused where unknown keys are"
    );
    let lenient = lines(&hand_made(|s| s.required(Required::Lenient)));
    for expected in [
        "Pet.name made_required None Safe",
        "Pet.tag made_optional None Safe",
        "Pet.species property_added Exhaustive Safe",
    ] {
        assert!(
            lenient.contains(&expected.to_string()),
            "{expected}: {lenient:#?}"
        );
    }
}

#[test]
fn a_version_against_itself_has_no_changes() {
    let same = settings(&[fixture("new.yaml")]);
    let found = diff(&same, &same).unwrap().diff;
    assert!(found.changes.is_empty(), "{:#?}", found.changes);
    assert_eq!(found.semver, Semver::None);
    assert_eq!(found.render(), "no changes\n");
    let Some(release) = corpus("dotnet-270") else {
        return;
    };
    let release = settings(&[release]);
    assert!(diff(&release, &release).unwrap().diff.changes.is_empty());
}

#[test]
fn roots_keep_the_changes_of_what_they_reach_in_either_version() {
    let found = hand_made(|s| s.root("Pet").root("Gone"));
    let models: BTreeSet<&str> = found.changes.iter().map(|c| c.model.as_str()).collect();
    assert_eq!(
        models,
        BTreeSet::from(["Gone", "Pet", "PetStatus"]),
        "`Gone` is only in the old version; `PetStatus` is what `Pet` reaches"
    );
    let unknown = diff(
        &settings(&[fixture("old.yaml")]),
        &settings(&[fixture("new.yaml")]).root("Pett"),
    );
    match unknown {
        Err(Failure::Roots(roots, _)) => {
            assert!(roots.to_string().contains("did you mean `Pet`"), "{roots}")
        }
        other => panic!("a root in neither version is an error: {other:?}"),
    }
}

#[test]
fn the_json_form_has_stable_keys() {
    let found = hand_made(|s| s);
    let json: serde_json::Value = serde_json::from_str(&found.to_json()).unwrap();
    let keys = |value: &serde_json::Value| -> Vec<String> {
        value.as_object().unwrap().keys().cloned().collect()
    };
    assert_eq!(keys(&json), ["changes", "counts", "semver"]);
    assert_eq!(json["semver"], "major");
    assert_eq!(json["counts"]["property_added"], 3);
    for change in json["changes"].as_array().unwrap() {
        assert_eq!(
            keys(change),
            [
                "kind",
                "model",
                "new",
                "new_source",
                "old",
                "old_source",
                "property",
                "rust",
                "wire"
            ]
        );
    }
    let changes = json["changes"].as_array().unwrap();
    let field_renamed = changes
        .iter()
        .find(|c| c["kind"] == "field_renamed")
        .unwrap();
    assert_eq!(field_renamed["property"], "status");
    assert_eq!(field_renamed["rust"], "breaking");
    assert_eq!(field_renamed["wire"], "safe");
    assert_eq!(field_renamed["old_source"], "v1/Pet.md:23");
}

/// One model entry of the release notes: the model, the kind of change (as
/// `docmodel diff` names it), the property (its JSON name), and, for a type
/// change, the old and new types as the notes write them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Noted {
    model: String,
    kind: String,
    property: Option<String>,
    types: Option<(String, String)>,
}

/// The model entries of `releaseNotes.md`: the bullets under a `**Name**`
/// heading that is not a path or an operation. A bullet of a form the test
/// does not know fails it, so no entry is skipped unseen.
fn release_notes(text: &str) -> Vec<Noted> {
    let mut heading: Option<String> = None;
    let mut noted = Vec::new();
    for line in text.lines() {
        if line.starts_with("# ") {
            heading = None;
        } else if let Some(rest) = line.strip_prefix("**") {
            let name = rest.split("**").next().unwrap();
            heading = (!name.contains('/') && !name.contains(' ')).then(|| name.to_string());
        } else if let (Some(bullet), Some(model)) = (line.strip_prefix("* "), &heading) {
            noted.push(model_entry(model, bullet));
        }
    }
    noted
}

/// One bullet under the heading `model`.
fn model_entry(model: &str, bullet: &str) -> Noted {
    let words: Vec<&str> = bullet.split(' ').collect();
    let entry = |model: &str, kind: &str, property: Option<&str>| Noted {
        model: model.to_string(),
        kind: kind.to_string(),
        property: property.map(str::to_string),
        types: None,
    };
    match words.as_slice() {
        ["Model", "was", "added"] => entry(model, "model_added", None),
        ["Model", name, "was", "removed"] => entry(name, "model_removed", None),
        ["Property", p, "was", "removed"] => entry(model, "property_removed", Some(p)),
        ["Optional" | "Required", "property", p, "was", "added"] => {
            entry(model, "property_added", Some(p))
        }
        ["Property", p, "was", "changed", "from", old, "to", new] => Noted {
            types: Some((old.to_string(), new.to_string())),
            ..entry(model, "type_changed", Some(p))
        },
        [p, "has", "been", "made", "readonly"] => entry(model, "made_readonly", Some(p)),
        [p, "is", "no", "longer", "readonly"] => entry(model, "no_longer_readonly", Some(p)),
        ["Enum", "value", .., "was", "added", "to", "property", p] => {
            entry(model, "enum_value_added", Some(p))
        }
        ["Enum", "value", .., "was", "removed", "from", "property", p] => {
            entry(model, "enum_value_removed", Some(p))
        }
        _ => panic!("a model entry of an unknown form under `{model}`: `{bullet}`"),
    }
}

/// A type as the .NET release notes write it (`Timeseries[]`), as the IR does.
fn ir_type(noted: &str) -> String {
    match noted.strip_suffix("[]") {
        Some(item) => format!("list<{}>", ir_type(item)),
        None => noted.to_string(),
    }
}

#[test]
fn the_release_269_to_270_agrees_with_the_vendors_release_notes() {
    let (Some(old), Some(new), Some(notes)) = (
        corpus("dotnet-269"),
        corpus("dotnet-270"),
        corpus("dotnet-270/releaseNotes.md"),
    ) else {
        return;
    };
    let compared = diff(&settings(&[&old]), &settings(&[&new])).unwrap();
    let found = &compared.diff;
    let again = diff(&settings(&[&old]), &settings(&[&new])).unwrap().diff;
    assert_eq!(
        found.to_json(),
        again.to_json(),
        "the diff is deterministic"
    );

    let noted = release_notes(&std::fs::read_to_string(notes).unwrap());
    assert_eq!(noted.len(), 119, "the notes' model entries");

    // What the .NET docs cannot show: they write every enum as `string`
    // (so no enum values), and no `[readonly]` note at all. Proved on the
    // IRs themselves, then those entries are set aside.
    let old_ir = docmodel_codegen::read_ir(&settings(&[&old])).unwrap().ir;
    let new_ir = docmodel_codegen::read_ir(&settings(&[&new])).unwrap().ir;
    for ir in [&old_ir, &new_ir] {
        assert!(ir.enums.is_empty(), "the .NET docs declare no enum");
        let readonly = ir.models.iter().flat_map(|m| &m.properties);
        assert!(
            !readonly.clone().any(|p| p.readonly),
            "nor a readonly property"
        );
    }
    let unshowable = [
        "enum_value_added",
        "enum_value_removed",
        "made_readonly",
        "no_longer_readonly",
    ];
    let (unshown, shown): (Vec<&Noted>, Vec<&Noted>) = noted
        .iter()
        .partition(|n| unshowable.contains(&n.kind.as_str()));
    assert_eq!(unshown.len(), 34, "28 enum value and 6 readonly entries");

    let key = |model: &str, kind: String, property: Option<&str>| {
        (model.to_string(), kind, property.map(str::to_string))
    };
    let reported: BTreeSet<_> = found
        .changes
        .iter()
        .map(|c| key(&c.model, c.kind.to_string(), c.property.as_deref()))
        .collect();
    for entry in &shown {
        let wanted = key(&entry.model, entry.kind.clone(), entry.property.as_deref());
        assert!(
            reported.contains(&wanted),
            "the notes' {entry:?} is reported"
        );
        if let Some((old_type, new_type)) = &entry.types {
            let change = found
                .changes
                .iter()
                .find(|c| key(&c.model, c.kind.to_string(), c.property.as_deref()) == wanted)
                .unwrap();
            assert_eq!(change.old, Some(ir_type(old_type)));
            assert_eq!(change.new, Some(ir_type(new_type)));
        }
    }
    for entry in &unshown {
        let wanted = key(&entry.model, entry.kind.clone(), entry.property.as_deref());
        assert!(!reported.contains(&wanted), "{entry:?} cannot be shown");
    }

    // What the pages show and the notes omit: a property added to 22
    // notification-topic models (`…Topic…`: the models of the event
    // streams, which the notes, made from the REST API's definition, do
    // not list).
    let in_notes: BTreeSet<_> = shown
        .iter()
        .map(|n| key(&n.model, n.kind.clone(), n.property.as_deref()))
        .collect();
    let beyond_notes: Vec<_> = found
        .changes
        .iter()
        .filter(|c| !in_notes.contains(&key(&c.model, c.kind.to_string(), c.property.as_deref())))
        .collect();
    assert_eq!(beyond_notes.len(), 22, "{beyond_notes:#?}");
    for change in &beyond_notes {
        assert_eq!(change.kind, ChangeKind::PropertyAdded, "{change:?}");
        assert!(change.model.contains("Topic"), "{change:?}");
        // The row is on the new page, where the change points.
        let (page, line) = change
            .new_source
            .as_ref()
            .unwrap()
            .rsplit_once(':')
            .unwrap();
        let text = std::fs::read_to_string(page).unwrap();
        let row = text
            .lines()
            .nth(line.parse::<usize>().unwrap() - 1)
            .unwrap();
        let property = change.property.as_ref().unwrap().to_lowercase();
        assert!(
            row.to_lowercase().contains(&format!("**{property}**")),
            "{row}"
        );
    }
    assert_eq!(found.changes.len(), shown.len() + beyond_notes.len());

    let counts = found.counts();
    assert_eq!(counts[&ChangeKind::ModelAdded], 39);
    assert_eq!(counts[&ChangeKind::ModelRemoved], 32);
    assert_eq!(counts[&ChangeKind::PropertyAdded], 30);
    assert_eq!(counts[&ChangeKind::PropertyRemoved], 3);
    assert_eq!(counts[&ChangeKind::TypeChanged], 3);
    assert_eq!(found.semver, Semver::Major);
    let breaking = found
        .changes
        .iter()
        .filter(|c| c.rust == RustImpact::Breaking);
    assert_eq!(
        breaking.count(),
        38,
        "32 removed models, 3 removed properties, 3 types"
    );
    let wire = found
        .changes
        .iter()
        .filter(|c| c.wire == WireImpact::Breaking);
    assert_eq!(wire.count(), 35, "32 removed models and 3 narrowed types");
}
