// trybuild builds this in target/tests/trybuild/docmodel-macros: paths are relative to that.
docmodel_macros::models!(
    "../../../../macros/tests/fixtures/good",
    config = "../../../../macros/tests/fixtures/config/unknown-key.yaml"
);

fn main() {}
