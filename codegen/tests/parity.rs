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

/// One `docmodel.yaml` drives all three: here it renames the Java page's
/// wire names to kebab-case, which every entry point must show alike.
#[test]
fn one_configuration_file_drives_every_entry_point() {
    let dir = tempfile::tempdir().unwrap();
    let config_file = dir.path().join("docmodel.yaml");
    std::fs::write(&config_file, "wire_case: kebab-case\n").unwrap();
    let from_builder = Builder::new()
        .specs(specs())
        .config(&config_file)
        .generate()
        .unwrap()
        .code;
    assert!(
        from_builder.contains("rename = \"disconnect-type\""),
        "the configuration applies"
    );

    let out = dir.path().join("models.rs");
    let status = Command::new(env!("CARGO_BIN_EXE_docmodel"))
        .arg("generate")
        .arg(specs())
        .arg("--config")
        .arg(&config_file)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let from_cli = std::fs::read_to_string(&out).unwrap();

    let config = Config::from_file(&config_file).unwrap();
    let loaded = load(&[specs()], &config).unwrap();
    let from_macro_tokens = emit::format(emit::emit(&loaded.ir).tokens).unwrap();

    assert_eq!(from_cli, from_builder);
    assert_eq!(from_macro_tokens, from_builder);
}
