//! The Java SDK's repository form (`../shared/corpus/java-sample`): enum links
//! `(#Enum--StateEnum)`, links without `.html`, a footer after the last table.

use docmodel_codegen::ir::{Dialect, TypeExpr, WireNameRule};
use docmodel_codegen::read_ir;
use docmodel_tests::{corpus, settings};

#[test]
fn java_repository_pages_read_with_enums_and_required_rows() {
    let Some(dir) = corpus("java-sample") else {
        return;
    };
    let loaded = read_ir(&settings(&[dir])).unwrap();
    assert_eq!(
        loaded.report.diagnostics(),
        [],
        "the footer and links read cleanly"
    );
    let names: Vec<&str> = loaded.ir.models.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Callback",
            "DialerPreview",
            "Segment",
            "Voicemail",
            "Wrapup"
        ]
    );
    assert!(
        loaded
            .ir
            .models
            .iter()
            .all(|m| m.dialect == Dialect::GenesysJava)
    );

    let callback = loaded.ir.model("Callback").unwrap();
    assert_eq!(callback.properties.len(), 29);
    assert!(
        callback
            .properties
            .iter()
            .all(|p| p.wire_name == p.name && p.wire_name_rule == WireNameRule::AsWritten)
    );
    let state = &callback.properties[0];
    assert_eq!(
        (state.name.as_str(), &state.ty),
        ("state", &TypeExpr::Enum("CallbackState".into()))
    );
    assert_eq!(callback.properties[3].ty.to_string(), "list<Segment>");

    let segment = loaded.ir.model("Segment").unwrap();
    let required: Vec<(&str, bool, String)> = segment
        .properties
        .iter()
        .map(|p| (p.name.as_str(), p.required == Some(true), p.ty.to_string()))
        .collect();
    assert_eq!(
        required[..3],
        [
            ("startTime", true, "datetime".to_string()),
            ("endTime", true, "datetime".to_string()),
            ("type", false, "string".to_string()),
        ]
    );

    let enums: Vec<&str> = loaded.ir.enums.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        enums,
        [
            "CallbackDirection",
            "CallbackDisconnectType",
            "CallbackInitialState",
            "CallbackState",
            "VoicemailUploadStatus"
        ]
    );
    let upload = loaded.ir.enumeration("VoicemailUploadStatus").unwrap();
    assert_eq!(upload.model.as_deref(), Some("Voicemail"));
    assert_eq!(
        upload.unknown_sentinel.as_deref(),
        Some("OutdatedSdkVersion")
    );
    assert!(
        !upload
            .members
            .iter()
            .any(|m| m.value.to_string() == "OutdatedSdkVersion")
    );
}

#[test]
fn java_and_dotnet_pages_of_one_model_merge_into_one() {
    let (Some(java), Some(dotnet)) = (corpus("java-sample"), corpus("dotnet-270")) else {
        return;
    };
    let pages: Vec<_> = [
        "Callback",
        "DialerPreview",
        "Segment",
        "Voicemail",
        "Wrapup",
    ]
    .iter()
    .map(|name| dotnet.join(format!("{name}.md")))
    .chain([java])
    .collect();
    let loaded = read_ir(&settings(&pages)).unwrap();
    assert_eq!(loaded.ir.models.len(), 5, "one model per name");
    for model in &loaded.ir.models {
        assert_eq!(
            model.sources.len(),
            2,
            "{} is read from both SDKs",
            model.name
        );
        // The Java page writes wire names; it leads, and every wire name it
        // gives is kept.
        assert_eq!(model.dialect, Dialect::GenesysJava, "{}", model.name);
        assert!(
            model
                .properties
                .iter()
                .all(|p| p.wire_name_rule == WireNameRule::AsWritten),
            "{}",
            model.name
        );
    }
    let callback = loaded.ir.model("Callback").unwrap();
    let state = callback
        .properties
        .iter()
        .find(|p| p.wire_name == "state")
        .unwrap();
    assert!(
        matches!(state.ty, TypeExpr::Enum(_)),
        "the Java enum refines .NET's string"
    );
}
