// Two pages whose models are one Rust type: the error the CLI and the builder report.
docmodel_macros::models!("fixtures/one-rust-name");

fn main() {}
