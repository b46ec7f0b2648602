//! The three entry points agree, run for real on the same inputs: the
//! build-script builder, the `docmodel` binary, and the proc-macro's own
//! expansion code (`macros/src/expand.rs`, compiled here as it is compiled
//! into the macro). On clean pages their code is byte for byte the same (the
//! macro's tokens are those of the same text); on pages with warnings all
//! three show the same warnings; on pages with errors all three fail with the
//! same errors.

#[path = "../../../macros/src/expand.rs"]
#[allow(dead_code)]
mod expand;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use docmodel_codegen::diagnostics::{Code, Severity};
use docmodel_codegen::{BuildError, Builder, Failure};
use proc_macro2::TokenStream;
use quote::quote;

fn specs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../specs")
}

/// What the CLI did: exit code, the code it wrote, its standard error.
struct CliRun {
    code: Option<i32>,
    written: Option<String>,
    stderr: String,
}

fn cli(inputs: &[&Path], extra: &[&str]) -> CliRun {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("models.rs");
    let output: Output = Command::new(env!("CARGO_BIN_EXE_docmodel"))
        .arg("generate")
        .args(inputs)
        .args(extra)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    CliRun {
        code: output.status.code(),
        written: std::fs::read_to_string(&out).ok(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The macro's expansion of `models!(<arguments>)` for the crate at `crate_dir`.
fn macro_expansion_in(crate_dir: &Path, arguments: TokenStream) -> expand::Expansion {
    expand::expand(arguments, crate_dir).unwrap()
}

/// The macro's expansion of `models!(<arguments>)` for this test crate.
fn macro_expansion(arguments: TokenStream) -> expand::Expansion {
    macro_expansion_in(Path::new(env!("CARGO_MANIFEST_DIR")), arguments)
}

/// The tokens of `code`, printed: what the macro's models must equal.
fn tokens_of(code: &str) -> String {
    code.parse::<TokenStream>().unwrap().to_string()
}

fn page(dir: &Path, file: &str, text: &str) {
    std::fs::write(dir.join(file), text).unwrap();
}

const TABLE: &str =
    "## Properties\n\n| Name | Type | Description | Notes |\n| ---- | ---- | ---- | ---- |\n";

#[test]
fn the_seeds_give_identical_code_everywhere() {
    let from_builder = Builder::new().specs(specs()).generate().unwrap();
    // The seeds refer to five models no page defines.
    assert_eq!(from_builder.report.count(Severity::Warning), 5);
    let from_cli = cli(&[&specs()], &[]);
    assert_eq!(from_cli.code, Some(0), "{}", from_cli.stderr);
    assert_eq!(
        from_cli.written.as_deref(),
        Some(from_builder.code.as_str())
    );
    assert!(
        from_cli.stderr.contains("0 errors, 5 warnings"),
        "{}",
        from_cli.stderr
    );

    let path = specs().display().to_string();
    let expansion = macro_expansion(quote!(#path));
    assert_eq!(expansion.errors, Vec::<String>::new());
    assert_eq!(expansion.warnings.len(), 5);
    assert_eq!(expansion.models.to_string(), tokens_of(&from_builder.code));
    assert_eq!(expansion.tracked.len(), 2, "both seed pages are tracked");
}

#[test]
fn warnings_show_in_all_three() {
    let dir = tempfile::tempdir().unwrap();
    page(
        dir.path(),
        "Pet.md",
        &format!(
            "# Pet\n\n{TABLE}| **owner** | [**Owner**](Owner.md) | x | [optional] |\n| **age** | **Integer** | x | [optional] [default to old] |\n"
        ),
    );
    let from_builder = Builder::new().specs(dir.path()).generate().unwrap();
    let warnings: Vec<String> = from_builder
        .report
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.to_string())
        .collect();
    let codes: Vec<Code> = from_builder
        .report
        .diagnostics()
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, [Code::MissingModel, Code::UnusableDefault]);

    let from_cli = cli(&[dir.path()], &[]);
    assert_eq!(from_cli.code, Some(0), "{}", from_cli.stderr);
    assert_eq!(
        from_cli.written.as_deref(),
        Some(from_builder.code.as_str())
    );
    assert!(
        from_cli.stderr.contains("0 errors, 2 warnings"),
        "{}",
        from_cli.stderr
    );
    for code in ["warning[DM0300]", "warning[DM0302]"] {
        assert!(from_cli.stderr.contains(code), "{}", from_cli.stderr);
    }

    // The call names the folder relative to its crate, and so do the warnings.
    let crate_dir = dir.path().parent().unwrap();
    let folder = dir.path().file_name().unwrap().to_str().unwrap();
    let expansion = macro_expansion_in(crate_dir, quote!(#folder));
    let crate_prefix = crate_dir.join("").display().to_string();
    let relative: Vec<String> = warnings
        .iter()
        .map(|w| format!("docmodel: {}", w.replace(&crate_prefix, "")))
        .collect();
    assert_eq!(expansion.warnings, relative);
    assert_eq!(expansion.models.to_string(), tokens_of(&from_builder.code));
}

#[test]
fn errors_fail_all_three_alike() {
    // Two names that are one Rust type: an error of the emitter, which the
    // macro once let through.
    let dir = tempfile::tempdir().unwrap();
    page(
        dir.path(),
        "pet_tag.md",
        &format!("# pet_tag\n\n{TABLE}| **id** | **Long** | x | |\n"),
    );
    page(
        dir.path(),
        "PetTag.md",
        &format!("# PetTag\n\n{TABLE}| **id** | **Long** | x | |\n"),
    );
    page(
        dir.path(),
        "Bad.md",
        &format!("# Bad\n\n{TABLE}| **id** |\n"),
    );
    let errors_of = |strict: bool| {
        let Err(BuildError::Generate(Failure::Docs(report))) =
            Builder::new().specs(dir.path()).strict(strict).generate()
        else {
            panic!("the builder must fail on errors");
        };
        let errors: Vec<Code> = report
            .diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code)
            .collect();
        errors
    };
    // The malformed row is a warning, and an error under `strict`.
    assert_eq!(errors_of(false), [Code::DuplicateRustName]);
    assert_eq!(
        errors_of(true),
        [Code::MalformedRow, Code::DuplicateRustName]
    );

    let from_cli = cli(&[dir.path()], &["--strict"]);
    assert_eq!(from_cli.code, Some(1), "{}", from_cli.stderr);
    assert_eq!(from_cli.written, None, "nothing is written");
    assert!(
        from_cli.stderr.contains("error[DM0301]"),
        "{}",
        from_cli.stderr
    );
    assert!(
        from_cli.stderr.contains("error[DM0102]"),
        "{}",
        from_cli.stderr
    );
    assert!(from_cli.stderr.contains("2 errors"), "{}", from_cli.stderr);

    let path = dir.path().display().to_string();
    let expansion = macro_expansion(quote!(#path, strict = true));
    assert_eq!(expansion.errors.len(), 2, "{:?}", expansion.errors);
    assert!(
        expansion.errors[0].contains("error[DM0102]"),
        "{:?}",
        expansion.errors
    );
    assert!(
        expansion.errors[1].contains("error[DM0301]"),
        "{:?}",
        expansion.errors
    );
    assert!(expansion.models.is_empty(), "no models on errors");
    assert_eq!(expansion.tracked.len(), 3, "every page stays tracked");
}

/// One `docmodel.yaml` drives all three: here it renames the Java page's
/// wire names to kebab-case, which every entry point must show alike; a
/// `wire_case` given directly wins over it, alike too.
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
        from_builder.contains("\"disconnect-type\" =>"),
        "the configuration applies"
    );
    let config_arg = config_file.display().to_string();
    let from_cli = cli(&[&specs()], &["--config", &config_arg]);
    assert_eq!(from_cli.written.as_deref(), Some(from_builder.as_str()));
    let path = specs().display().to_string();
    let expansion = macro_expansion(quote!(#path, config = #config_arg));
    assert_eq!(expansion.models.to_string(), tokens_of(&from_builder));
    assert!(
        expansion.tracked.contains(&config_arg),
        "the configuration is tracked"
    );

    let snake = Builder::new()
        .specs(specs())
        .config(&config_file)
        .wire_case(docmodel_codegen::WireCase::Snake)
        .generate()
        .unwrap()
        .code;
    assert!(snake.contains("pub disconnect_type"), "{snake}");
    assert!(!snake.contains("disconnect-type"));
    let from_cli = cli(
        &[&specs()],
        &["--config", &config_arg, "--wire-case", "snake_case"],
    );
    assert_eq!(from_cli.written.as_deref(), Some(snake.as_str()));
    let expansion = macro_expansion(quote!(#path, config = #config_arg, wire_case = "snake_case"));
    assert_eq!(expansion.models.to_string(), tokens_of(&snake));
}

/// An IR file is an input like the pages: IR → YAML → generate equals
/// generating from the pages, in all three.
#[test]
fn an_ir_file_generates_the_same_code_as_its_pages() {
    let from_pages = Builder::new().specs(specs()).generate().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ir_file = dir.path().join("ir.yaml");
    std::fs::write(&ir_file, from_pages.ir.to_yaml().unwrap()).unwrap();
    let from_ir = Builder::new().specs(&ir_file).generate().unwrap();
    assert_eq!(from_ir.code, from_pages.code);
    assert_eq!(from_ir.ir, from_pages.ir);
    let from_cli = cli(&[&ir_file], &[]);
    assert_eq!(from_cli.written.as_deref(), Some(from_pages.code.as_str()));
    let path = ir_file.display().to_string();
    let expansion = macro_expansion(quote!(#path));
    assert_eq!(expansion.models.to_string(), tokens_of(&from_pages.code));
    assert_eq!(expansion.tracked, [path], "the IR file is tracked");
}

/// Roots cut the code alike in all three, and a root that names no model
/// fails all three with the same message.
#[test]
fn roots_cut_the_code_alike_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    page(
        dir.path(),
        "Pet.md",
        &format!("# Pet\n\n{TABLE}| **tag** | [**Tag**](Tag.md) | x | |\n"),
    );
    page(
        dir.path(),
        "Tag.md",
        &format!("# Tag\n\n{TABLE}| **id** | **Long** | x | |\n"),
    );
    page(
        dir.path(),
        "Store.md",
        &format!("# Store\n\n{TABLE}| **pet** | [**Pet**](Pet.md) | x | |\n"),
    );
    let from_builder = Builder::new()
        .specs(dir.path())
        .root("Pet")
        .generate()
        .unwrap();
    assert_eq!(
        from_builder
            .report
            .closure()
            .map(|c| (c.models, c.all_models)),
        Some((2, 3))
    );
    assert!(!from_builder.code.contains("struct Store"));
    let from_cli = cli(&[dir.path()], &["--root", "Pet"]);
    assert_eq!(
        from_cli.written.as_deref(),
        Some(from_builder.code.as_str())
    );
    let path = dir.path().display().to_string();
    let expansion = macro_expansion(quote!(#path, roots = ["Pet"]));
    assert_eq!(expansion.models.to_string(), tokens_of(&from_builder.code));

    let Err(BuildError::Generate(failure @ Failure::Roots(..))) =
        Builder::new().specs(dir.path()).root("Pets").generate()
    else {
        panic!("an unknown root fails the builder");
    };
    let message = failure.to_string();
    assert!(message.contains("did you mean `Pet`"), "{message}");
    let from_cli = cli(&[dir.path()], &["--root", "Pets"]);
    assert_eq!((from_cli.code, from_cli.written), (Some(2), None));
    assert!(from_cli.stderr.contains(&message), "{}", from_cli.stderr);
    let expansion = macro_expansion(quote!(#path, roots = ["Pets"]));
    assert_eq!(expansion.errors, [format!("docmodel: {message}")]);
}
