//! What the generated types read, they write back unchanged: one round trip
//! per rule (numbers, date-time offsets, date-or-date-time, UUIDs, base64,
//! defaults that stay absent, null apart from absent, unknown keys kept or
//! refused, required properties made optional, an enum of no known values),
//! through
//! the code generated from `tests/fixtures/wire` (a folder per dialect) with
//! the default settings, with `unknown_fields: keep` and `required: lenient`
//! (module `keep`), and with `unknown_fields: deny` (module `deny`), compiled
//! in a crate of its own under `#![deny(warnings)]` and clippy.

use docmodel_codegen::{Builder, Required, UnknownFields};
use docmodel_tests::{repo_root, run_and_lint_model_crate, write_model_crate};

/// Round-trips documents through the generated types; exits non-zero on a
/// change.
const RUNNER: &str = r##"
use wire_models::*;
use serde_json::{json, Value};

/// `document` read as `T` and written back, as a JSON value.
fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(document: &Value) -> Value {
    let typed: T = serde_json::from_value(document.clone()).unwrap();
    serde_json::to_value(&typed).unwrap()
}

/// `text` read as `T` and written back, as text: numbers keep their form.
fn round_trip_text<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> String {
    let typed: T = serde_json::from_str(text).unwrap();
    serde_json::to_string(&typed).unwrap()
}

fn main() {
    // Numbers: a decimal (Java `BigDecimal`, TypeScript and JavaScript
    // `number`) writes back what it read; integers and doubles as declared.
    for text in [
        r#"{"amount":12345678901}"#,
        r#"{"amount":0.1}"#,
        r#"{"amount":-5}"#,
        r#"{"count":9007199254740993}"#,
        r#"{"ratio":1.5}"#,
    ] {
        assert_eq!(round_trip_text::<Event>(text), text);
    }
    for text in [r#"{"size":12345678901,"unit":"m"}"#, r#"{"size":2.75,"unit":"m"}"#] {
        assert_eq!(round_trip_text::<Measure>(text), text);
    }
    assert_eq!(round_trip_text::<Visit>(r#"{"guests":12345678901}"#), r#"{"guests":12345678901}"#);

    // Date-times keep their offset and precision.
    for at in ["2024-05-01T12:34:56+02:00", "2024-05-01T12:34:56Z", "2024-05-01T12:34:56.120-07:30"] {
        let document = json!({"at": at});
        assert_eq!(round_trip::<Event>(&document), document);
        let event: Event = serde_json::from_value(document).unwrap();
        let parsed = event.at.unwrap();
        assert_eq!(parsed.as_str(), at);
        assert_eq!(parsed.get(), chrono::DateTime::parse_from_rfc3339(at).unwrap());
    }
    // UUIDs keep their case and form.
    for id in [
        "0B8F2C3E-5D1A-4F6B-9C7D-8E9F0A1B2C3D",
        "0b8f2c3e5d1a4f6b9c7d8e9f0a1b2c3d",
        "{0b8f2c3e-5d1a-4f6b-9c7d-8e9f0a1b2c3d}",
    ] {
        let document = json!({"id": id});
        assert_eq!(round_trip::<Event>(&document), document);
        let event: Event = serde_json::from_value(document).unwrap();
        let expected = uuid::Uuid::parse_str("0b8f2c3e-5d1a-4f6b-9c7d-8e9f0a1b2c3d").unwrap();
        assert_eq!(event.id.unwrap().get(), expected);
    }
    assert!(serde_json::from_value::<Event>(json!({"id": "not-a-uuid"})).is_err());
    assert_eq!(wire::Uuid::from(uuid::Uuid::nil()).as_str(), "00000000-0000-0000-0000-000000000000");

    let offset = chrono::FixedOffset::east_opt(2 * 3600).unwrap();
    let made = wire::DateTime::from(chrono::TimeZone::with_ymd_and_hms(&offset, 2024, 5, 1, 12, 34, 56).unwrap());
    assert_eq!(made.as_str(), "2024-05-01T12:34:56+02:00");
    assert!(serde_json::from_value::<Event>(json!({"at": "yesterday"})).is_err());
    let day = json!({"day": "2024-05-01"});
    assert_eq!(round_trip::<Event>(&day), day);

    // One type for date and date-time: either form, as it came.
    for on in ["2024-05-01", "2024-05-01T12:34:56.5+02:00"] {
        let document = json!({"on": on});
        assert_eq!(round_trip::<Visit>(&document), document);
    }

    // Bytes are base64 text in JSON, and stay that text.
    let bytes = json!({"blob": "aGVsbG8=", "file": "AAEC/w=="});
    assert_eq!(round_trip::<Event>(&bytes), bytes);

    // A documented default: absent stays absent, the accessor gives it.
    let empty = json!({});
    assert_eq!(round_trip::<Event>(&empty), empty);
    let event: Event = serde_json::from_value(empty).unwrap();
    assert_eq!((event.held, event.held_or_default()), (None, false));
    assert_eq!(event.label_or_default(), "none");
    let set = json!({"held": true, "label": "x"});
    assert_eq!(round_trip::<Event>(&set), set);

    // Null: a required nullable field reads and writes `null`; an optional
    // one keeps absent and `null` apart.
    for document in [
        json!({"closed": null}),
        json!({"closed": true}),
        json!({"closed": null, "breaks": null}),
        json!({"closed": false, "breaks": 2}),
    ] {
        assert_eq!(round_trip::<Shift>(&document), document);
    }
    let absent: Shift = serde_json::from_value(json!({"closed": null})).unwrap();
    let null: Shift = serde_json::from_value(json!({"closed": null, "breaks": null})).unwrap();
    assert_eq!((absent.breaks, null.breaks), (None, Some(None)));

    // An enum whose page lists no values takes any value and writes it back.
    for mood in [json!("sunny"), json!(""), json!(null)] {
        let document = json!({"mood": mood});
        assert_eq!(round_trip::<Event>(&document), document);
    }

    // Unknown keys: dropped by default, kept with `keep`, refused with `deny`.
    let unlisted = json!({"at": "2024-05-01T12:34:56Z", "extra": [1, {"x": null}], "$ref": "#/a"});
    assert_eq!(round_trip::<Event>(&unlisted), json!({"at": "2024-05-01T12:34:56Z"}));
    assert_eq!(round_trip::<keep::Event>(&unlisted), unlisted);
    let kept: keep::Event = serde_json::from_value(unlisted.clone()).unwrap();
    assert_eq!(kept.unknown_fields["extra"], json!([1, {"x": null}]));
    assert!(serde_json::from_value::<deny::Event>(unlisted).is_err());
    assert!(serde_json::from_value::<deny::Event>(json!({"held": true})).is_ok());

    // `required: lenient`: a required property may be absent.
    assert!(serde_json::from_value::<Measure>(json!({})).is_err());
    let lenient = json!({"size": 3});
    assert_eq!(round_trip::<keep::Measure>(&lenient), lenient);
    let measure: keep::Measure = serde_json::from_value(lenient).unwrap();
    assert_eq!(measure.unit, None);

    // What a payload gets wrong is said as serde's derive says it, with
    // the position in the text.
    let error = |result: Result<Event, serde_json::Error>| result.unwrap_err().to_string();
    let missing = serde_json::from_str::<Measure>(r#"{"size": 3}"#).unwrap_err().to_string();
    assert_eq!(missing, "missing field `unit` at line 1 column 11");
    let twice = error(serde_json::from_str(r#"{"held": true, "held": false}"#));
    assert_eq!(twice, "duplicate field `held` at line 1 column 21");
    assert_eq!(error(serde_json::from_str("[1]")), "invalid type: sequence, expected struct Event at line 1 column 0");
    let refused = serde_json::from_str::<deny::Event>(r#"{"nope": 1}"#).unwrap_err().to_string();
    assert!(refused.starts_with("unknown field `nope`, expected one of `"), "{refused}");

    println!("wire: all round trips unchanged");
}
"##;

#[test]
fn every_rule_round_trips_through_compiled_code() {
    std::env::set_current_dir(repo_root()).unwrap();
    let generate = |builder: Builder| {
        builder
            .specs("tests/fixtures/wire")
            .generate()
            .unwrap()
            .code
    };
    let default = generate(Builder::new());
    let keep = generate(
        Builder::new()
            .unknown_fields(UnknownFields::Keep)
            .required(Required::Lenient),
    );
    let deny = generate(Builder::new().unknown_fields(UnknownFields::Deny));
    assert!(
        keep.contains("/// Required by the docs; optional here"),
        "{keep}"
    );
    let code = format!("{default}\npub mod keep {{\n{keep}\n}}\npub mod deny {{\n{deny}\n}}\n");
    let dir = repo_root().join("target/docmodel-wire-crate");
    write_model_crate(&dir, "wire-models", &code, RUNNER);
    run_and_lint_model_crate(&dir, "wire: all round trips unchanged");
}
