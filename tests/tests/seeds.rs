//! The two seed pages in `specs/`, read in full: every property and enum value.

use docmodel_codegen::diagnostics::Code;
use docmodel_codegen::ir::{Dialect, EnumBase, Ir, Model, TypeExpr, WireValue};
use docmodel_codegen::{Settings, read_ir};
use docmodel_tests::repo_root;

const JAVA: &str = "specs/Callback.java-docs-site.md";
const DOTNET: &str = "specs/Callback.dotnet-legacy.md";

/// The IR of `path` under the repository root. It reads cleanly: the one
/// diagnostic is the note that the .NET page's wire names are derived from
/// its PascalCase field names.
fn read(path: &str) -> Ir {
    let loaded =
        read_ir(&Settings::new().input(repo_root().join(path))).expect("specs/ is readable");
    let codes: Vec<Code> = loaded.report.diagnostics().iter().map(|d| d.code).collect();
    let expected: &[Code] = if path == JAVA {
        &[]
    } else {
        &[Code::DerivedWireNames]
    };
    assert_eq!(codes, expected, "{path} reads cleanly");
    loaded.ir
}

fn callback(ir: &Ir, dialect: Dialect) -> &Model {
    let model = ir.model("Callback").expect("a Callback model");
    assert_eq!(model.dialect, dialect);
    model
}

/// (name, wire name, type, required, default) of each property, in order.
fn rows(model: &Model) -> Vec<(String, String, String, bool, Option<String>)> {
    model
        .properties
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.wire_name.clone(),
                p.ty.to_string(),
                p.required == Some(true),
                p.default.as_ref().map(|value| match value {
                    serde_json::Value::String(text) => text.clone(),
                    other => other.to_string(),
                }),
            )
        })
        .collect()
}

fn expected(
    rows: &[(&str, &str, &str, bool, Option<&str>)],
) -> Vec<(String, String, String, bool, Option<String>)> {
    rows.iter()
        .map(|(n, w, t, r, d)| {
            (
                n.to_string(),
                w.to_string(),
                t.to_string(),
                *r,
                d.map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn java_docs_site_seed_reads_every_property() {
    let ir = read(JAVA);
    let java = callback(&ir, Dialect::GenesysJava);
    assert_eq!(java.sources, [repo_root().join(JAVA).display().to_string()]);
    let d = "datetime";
    assert_eq!(
        rows(java),
        expected(&[
            ("state", "state", "CallbackState", false, None),
            ("id", "id", "string", false, None),
            ("segments", "segments", "list<Segment>", false, None),
            ("direction", "direction", "CallbackDirection", false, None),
            ("held", "held", "boolean", false, None),
            (
                "disconnectType",
                "disconnectType",
                "CallbackDisconnectType",
                false,
                None
            ),
            ("startHoldTime", "startHoldTime", d, false, None),
            (
                "dialerPreview",
                "dialerPreview",
                "DialerPreview",
                false,
                None
            ),
            ("voicemail", "voicemail", "Voicemail", false, None),
            (
                "callbackNumbers",
                "callbackNumbers",
                "list<string>",
                false,
                None
            ),
            (
                "callbackUserName",
                "callbackUserName",
                "string",
                false,
                None
            ),
            ("scriptId", "scriptId", "string", false, None),
            (
                "externalCampaign",
                "externalCampaign",
                "boolean",
                false,
                None
            ),
            ("skipEnabled", "skipEnabled", "boolean", false, None),
            ("timeoutSeconds", "timeoutSeconds", "int32", false, None),
            ("startAlertingTime", "startAlertingTime", d, false, None),
            ("connectedTime", "connectedTime", d, false, None),
            ("disconnectedTime", "disconnectedTime", d, false, None),
            (
                "callbackScheduledTime",
                "callbackScheduledTime",
                d,
                false,
                None
            ),
            (
                "automatedCallbackConfigId",
                "automatedCallbackConfigId",
                "string",
                false,
                None
            ),
            ("provider", "provider", "string", false, None),
            ("peerId", "peerId", "string", false, None),
            ("wrapup", "wrapup", "Wrapup", false, None),
            (
                "afterCallWork",
                "afterCallWork",
                "AfterCallWork",
                false,
                None
            ),
            (
                "afterCallWorkRequired",
                "afterCallWorkRequired",
                "boolean",
                false,
                None
            ),
            ("callerId", "callerId", "string", false, None),
            ("callerIdName", "callerIdName", "string", false, None),
            (
                "initialState",
                "initialState",
                "CallbackInitialState",
                false,
                None
            ),
        ])
    );
    assert!(java.properties.iter().all(|p| !p.readonly));
    let state = &java.properties[0];
    assert_eq!(state.ty, TypeExpr::Enum("CallbackState".into()));
    assert_eq!(
        state.description.as_deref(),
        Some("The connection state of this communication.")
    );
    assert_eq!(state.source.line, 11);
}

#[test]
fn java_docs_site_seed_reads_every_enum_value() {
    let ir = read(JAVA);
    let states = [
        "alerting",
        "dialing",
        "contacting",
        "offering",
        "connected",
        "disconnected",
        "terminated",
        "scheduled",
        "none",
    ];
    let expected: [(&str, &str, &[&str]); 4] = [
        (
            "CallbackDirection",
            "DirectionEnum",
            &["inbound", "outbound"],
        ),
        (
            "CallbackDisconnectType",
            "DisconnectTypeEnum",
            &[
                "endpoint",
                "client",
                "system",
                "timeout",
                "transfer",
                "transfer.conference",
                "transfer.consult",
                "transfer.forward",
                "transfer.noanswer",
                "transfer.notavailable",
                "transport.failure",
                "error",
                "peer",
                "other",
                "spam",
                "uncallable",
            ],
        ),
        ("CallbackInitialState", "InitialStateEnum", &states),
        ("CallbackState", "StateEnum", &states),
    ];
    assert_eq!(ir.enums.len(), expected.len());
    for (declared, (name, doc_name, values)) in ir.enums.iter().zip(expected) {
        assert_eq!(
            (declared.name.as_str(), declared.doc_name.as_str()),
            (name, doc_name)
        );
        assert_eq!(declared.model.as_deref(), Some("Callback"));
        assert_eq!(declared.base(), EnumBase::String);
        let read: Vec<WireValue> = declared.members.iter().map(|m| m.value.clone()).collect();
        let expected: Vec<WireValue> = values
            .iter()
            .map(|v| WireValue::Str(v.to_string()))
            .collect();
        assert_eq!(read, expected);
        assert_eq!(
            declared.unknown_sentinel.as_deref(),
            Some("OutdatedSdkVersion")
        );
    }
    let disconnect = ir.enumeration("CallbackDisconnectType").unwrap();
    assert_eq!(
        disconnect.members[5].name.as_deref(),
        Some("TRANSFER_CONFERENCE")
    );
}

#[test]
fn dotnet_legacy_seed_reads_every_property() {
    let ir = read(DOTNET);
    let dotnet = callback(&ir, Dialect::GenesysDotnet);
    // The Genesys .NET SDK writes every value type `T?` (`bool?`, `int?`,
    // `DateTime?`): the `?` says nothing about `null`.
    let d = "datetime";
    let f = Some("false");
    assert_eq!(
        rows(dotnet),
        expected(&[
            ("State", "state", "string", false, None),
            ("Id", "id", "string", false, None),
            ("Segments", "segments", "list<Segment>", false, None),
            ("Direction", "direction", "string", false, None),
            ("Held", "held", "boolean", false, f),
            ("DisconnectType", "disconnectType", "string", false, None),
            ("StartHoldTime", "startHoldTime", d, false, None),
            (
                "DialerPreview",
                "dialerPreview",
                "DialerPreview",
                false,
                None
            ),
            (
                "CallbackNumbers",
                "callbackNumbers",
                "list<string>",
                false,
                None
            ),
            (
                "CallbackUserName",
                "callbackUserName",
                "string",
                false,
                None
            ),
            ("ScriptId", "scriptId", "string", false, None),
            ("SkipEnabled", "skipEnabled", "boolean", false, f),
            ("TimeoutSeconds", "timeoutSeconds", "int32", false, None),
            ("ConnectedTime", "connectedTime", d, false, None),
            ("DisconnectedTime", "disconnectedTime", d, false, None),
            (
                "CallbackScheduledTime",
                "callbackScheduledTime",
                d,
                false,
                None
            ),
            ("Provider", "provider", "string", false, None),
        ])
    );
    assert_eq!(
        dotnet.properties[2].description.as_deref(),
        Some("The time line of the participant's callback, divided into activity segments."),
        "entities are decoded"
    );
}

#[test]
fn both_seeds_merge_into_one_callback() {
    let both = read("specs");
    let java = read(JAVA);
    assert_eq!(both.models.len(), 1);
    let merged = callback(&both, Dialect::GenesysJava);
    let java_callback = callback(&java, Dialect::GenesysJava);
    assert_eq!(
        merged.sources,
        [DOTNET, JAVA].map(|p| repo_root().join(p).display().to_string())
    );
    let wire_names = |m: &Model| {
        m.properties
            .iter()
            .map(|p| p.wire_name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        wire_names(merged),
        wire_names(java_callback),
        "every property of both pages, Java order"
    );
    for property in &merged.properties {
        let expected_default = ["held", "skipEnabled"].contains(&property.wire_name.as_str());
        assert_eq!(
            property.default.is_some(),
            expected_default,
            "{}",
            property.wire_name
        );
    }
    let state = merged
        .properties
        .iter()
        .find(|p| p.wire_name == "state")
        .unwrap();
    assert_eq!(
        state.ty,
        TypeExpr::Enum("CallbackState".into()),
        "the enum refines the .NET `string`"
    );
    assert_eq!(both.enums, java.enums);
}

#[test]
fn the_seeds_survive_a_yaml_round_trip() {
    let ir = read("specs");
    let yaml = ir.to_yaml().unwrap();
    assert_eq!(Ir::from_yaml(&yaml).unwrap(), ir);
}
