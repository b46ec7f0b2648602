fn main() {
    let pet: build_flow::Pet = serde_json::from_str(r#"{"id": 1}"#).unwrap();
    assert_eq!(pet.id, 1);
    for line in build_flow::MODELS_RS.lines() {
        if let Some(name) = line.strip_prefix("pub struct ") {
            println!("model {}", name.trim_end_matches(" {"));
        }
    }
}
