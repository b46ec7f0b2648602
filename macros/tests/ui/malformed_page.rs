// trybuild builds this in target/tests/trybuild/docmodel-macros: paths are relative to that.
// An unreadable type is a warning; `strict = true` makes it an error.
docmodel_macros::models!("../../../../macros/tests/fixtures/bad", strict = true);

fn main() {}
