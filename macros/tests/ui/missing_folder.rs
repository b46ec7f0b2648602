// trybuild builds this in its own crate, where `tests/expand.rs` copies the fixtures.
docmodel_macros::models!("fixtures/no-such-folder");

fn main() {}
