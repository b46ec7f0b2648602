// trybuild builds this in its own crate, where `tests/expand.rs` copies the fixtures.
docmodel_macros::models!("fixtures/good");

fn main() {
    let pet: Pet = serde_json::from_str(r#"{"id": 7, "name": "Rex"}"#).unwrap();
    assert_eq!(pet.id, 7);
    assert_eq!(serde_json::to_string(&pet).unwrap(), r#"{"id":7,"name":"Rex"}"#);
}
