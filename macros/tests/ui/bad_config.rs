// trybuild builds this in its own crate, where `tests/expand.rs` copies the fixtures.
docmodel_macros::models!(
    "fixtures/good",
    config = "fixtures/config/unknown-key.yaml"
);

fn main() {}
