docmodel_macros::models!("fixtures/roots", roots = ["Pett"]);

fn main() {}
