// Only the root and what it reaches are emitted: `Pet` and its `Tag`, not
// `Store`, which refers to `Pet` but which `Pet` does not reach.
docmodel_macros::models!("fixtures/roots", roots = ["Pet"]);

fn main() {
    let pet: Pet = serde_json::from_str(r#"{"id": 7, "tag": {"name": "old"}}"#).unwrap();
    let tag: Tag = pet.tag.unwrap();
    assert_eq!(tag.name, "old");
    let _store: Option<Store> = None;
}
