//! `docmodel_generated::Callback`, built from `specs/` by the build script,
//! against a realistic Callback document.

use docmodel_generated::{Callback, CallbackDisconnectType, CallbackState};
use serde_json::{Value, json};

/// A Callback with every property set, as the API would send it.
fn callback_document() -> Value {
    json!({
        "state": "connected",
        "id": "0e4fd3c1-3d39-4bce-9c62-0f8e0b1f4a77",
        "segments": [{
            "startTime": "2024-05-02T14:03:11.250Z",
            "endTime": "2024-05-02T14:09:40.000Z",
            "type": "Interact",
            "howEnded": "Disconnect",
            "disconnectType": "client"
        }],
        "direction": "outbound",
        "held": false,
        "disconnectType": "transfer.conference",
        "startHoldTime": "2024-05-02T14:05:00Z",
        "dialerPreview": {
            "id": "d3b07384-d9a7-4f3b-8a1e-6c1d2a6e0a11",
            "contactId": "c7f1",
            "contactListId": "b1a2",
            "campaignId": "a9c8",
            "phoneNumberColumns": [{"type": "cell", "columnName": "Cell"}]
        },
        "voicemail": {"id": "vm-1", "uploadStatus": "complete"},
        "callbackNumbers": ["+13175550123", "+13175550199"],
        "callbackUserName": "Ada Lovelace",
        "scriptId": "2f1c3e0a-55b4-4e0a-9d51-3f1c7f0c2b10",
        "externalCampaign": true,
        "skipEnabled": true,
        "timeoutSeconds": 30,
        "startAlertingTime": "2024-05-02T14:02:58Z",
        "connectedTime": "2024-05-02T14:03:11Z",
        "disconnectedTime": "2024-05-02T14:09:40Z",
        "callbackScheduledTime": "2024-05-02T14:00:00Z",
        "automatedCallbackConfigId": "cfg-42",
        "provider": "PureCloud",
        "peerId": "5c9b7e0f-b8b6-4ac2-9e1a-8f7a2d6c3e21",
        "wrapup": {"code": "c1", "name": "Sale", "notes": "Follow up", "durationSeconds": 12},
        "afterCallWork": {"state": "complete", "startTime": "2024-05-02T14:09:41Z"},
        "afterCallWorkRequired": true,
        "callerId": "+13175550100",
        "callerIdName": "Acme Support",
        "initialState": "ringing-elsewhere"
    })
}

#[test]
fn a_callback_round_trips_with_known_and_unknown_enum_values() {
    let document = callback_document();
    let callback: Callback = serde_json::from_value(document.clone()).expect("deserializes");
    assert_eq!(callback.state, Some(CallbackState::Connected));
    assert_eq!(
        callback.disconnect_type,
        Some(CallbackDisconnectType::TransferConference)
    );
    let initial = callback.initial_state.as_ref().unwrap();
    assert_eq!(
        initial.as_str(),
        "ringing-elsewhere",
        "an unlisted value is kept"
    );
    assert_eq!(initial.to_string(), "ringing-elsewhere");
    assert_eq!(callback.timeout_seconds, Some(30));
    assert_eq!(callback.skip_enabled, Some(true));
    assert_eq!(
        callback.segments.as_ref().unwrap()[0]["howEnded"],
        "Disconnect",
        "an undefined model is a JSON value"
    );
    assert_eq!(
        serde_json::to_value(&callback).unwrap(),
        document,
        "serializes back unchanged"
    );
}

#[test]
fn known_values_parse_to_their_variant() {
    let parsed: CallbackState = "connected".parse().unwrap();
    assert_eq!(parsed, CallbackState::Connected);
    assert_eq!(CallbackState::from("scheduled"), CallbackState::Scheduled);
    let unknown: CallbackState = serde_json::from_value(json!("parked")).unwrap();
    assert_eq!(unknown, CallbackState::Unknown("parked".into()));
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!("parked"));
}

#[test]
fn documented_defaults_are_read_and_stay_absent() {
    let callback: Callback = serde_json::from_value(json!({})).unwrap();
    assert!(!callback.held_or_default() && !callback.skip_enabled_or_default());
    assert_eq!((callback.held, callback.skip_enabled), (None, None));
    assert_eq!(callback, Callback::default());
    assert_eq!(serde_json::to_value(&callback).unwrap(), json!({}));
}
