//! The two seed pages in `specs/`, read in full: every property and enum value.

use docmodel_codegen::ir::{Dialect, EnumBase, Ir, Model, TypeExpr};
use docmodel_codegen::load;
use docmodel_tests::repo_root;

fn seeds() -> Ir {
    let loaded = load(&[repo_root().join("specs")]).expect("specs/ is readable");
    assert_eq!(loaded.diagnostics, [], "the seeds read cleanly");
    loaded.ir
}

fn model(ir: &Ir, dialect: Dialect) -> &Model {
    ir.models
        .iter()
        .find(|m| m.name == "Callback" && m.dialect == dialect)
        .expect("a Callback page of this dialect")
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
                p.required,
                p.default.clone(),
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
    let ir = seeds();
    let java = model(&ir, Dialect::GenesysJava);
    assert_eq!(
        java.sources,
        [repo_root()
            .join("specs/Callback.java-docs-site.md")
            .display()
            .to_string()]
    );
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
    let ir = seeds();
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
        assert_eq!(declared.model, "Callback");
        assert_eq!(declared.base, EnumBase::String);
        assert_eq!(declared.values, values);
        assert_eq!(
            declared.unknown_sentinel.as_deref(),
            Some("OutdatedSdkVersion")
        );
    }
    let disconnect = ir.enumeration("CallbackDisconnectType").unwrap();
    assert_eq!(disconnect.value_names[5], "TRANSFER_CONFERENCE");
}

#[test]
fn dotnet_legacy_seed_reads_every_property() {
    let ir = seeds();
    let dotnet = model(&ir, Dialect::GenesysDotnet);
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
fn the_seeds_survive_a_yaml_round_trip() {
    let ir = seeds();
    let yaml = ir.to_yaml().unwrap();
    assert_eq!(Ir::from_yaml(&yaml).unwrap(), ir);
}
