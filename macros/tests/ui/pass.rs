// trybuild builds this in target/tests/trybuild/docmodel-macros: paths are relative to that.
docmodel_macros::models!("../../../../macros/tests/fixtures/good");

fn main() {
    let pet: Pet = serde_json::from_str(r#"{"id": 7, "name": "Rex"}"#).unwrap();
    assert_eq!(pet.id, 7);
    assert_eq!(serde_json::to_string(&pet).unwrap(), r#"{"id":7,"name":"Rex"}"#);
}
