// trybuild builds this in its own crate, where `tests/expand.rs` copies the fixtures.
// An unreadable type is a warning; `strict = true` makes it an error.
docmodel_macros::models!("fixtures/bad", strict = true);

fn main() {}
