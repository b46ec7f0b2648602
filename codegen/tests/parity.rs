//! The three entry points give the same code for the same pages: the
//! build-script builder, the CLI, and the tokens the proc-macro expands to
//! (`load` then `emit::emit`, as `docmodel_macros::models!` does), formatted.

use std::path::PathBuf;
use std::process::Command;

use docmodel_codegen::{Builder, Config, emit, load};

fn specs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

#[test]
fn builder_cli_and_macro_tokens_give_identical_code() {
    let from_builder = Builder::new().specs(specs()).generate().unwrap().code;

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("models.rs");
    let status = Command::new(env!("CARGO_BIN_EXE_docmodel"))
        .arg("generate")
        .arg(specs())
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let from_cli = std::fs::read_to_string(&out).unwrap();

    let loaded = load(&[specs()], &Config::default()).unwrap();
    let from_macro_tokens = emit::format(emit::emit(&loaded.ir).tokens).unwrap();

    assert_eq!(from_cli, from_builder);
    assert_eq!(from_macro_tokens, from_builder);
}
