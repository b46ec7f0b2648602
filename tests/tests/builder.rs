//! The build-script builder: what it writes, and that errors write nothing.

use docmodel_codegen::{BuildError, Builder, Failure};

const PAGE: &str = "# Pet\n\n## Properties\n\n| Name | Type | Description | Notes |\n| ---- | ---- | ---- | ---- |\n| **id** | **Long** | The id. |  |\n";

#[test]
fn the_builder_writes_the_code_the_library_generates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), PAGE).unwrap();
    let out = dir.path().join("models.rs");
    let builder = Builder::new().specs(dir.path()).out_file(&out);
    builder.build_script().unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written, builder.generate().unwrap().code);
    assert!(written.contains("pub id: i64,"), "{written}");
}

#[test]
fn the_builder_keeps_a_cache_and_writes_the_same_code_through_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), PAGE).unwrap();
    let out = dir.path().join("models.rs");
    let cache = dir.path().join("cache.json");
    let builder = Builder::new()
        .specs(dir.path())
        .out_file(&out)
        .cache_file(&cache);
    builder.build_script().unwrap();
    let kept = std::fs::read_to_string(&cache).unwrap();
    assert!(kept.contains("pub id: i64,"), "{kept}");
    builder.build_script().unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        written,
        Builder::new().specs(dir.path()).generate().unwrap().code
    );
}

#[test]
fn errors_fail_the_build_and_leave_the_old_file() {
    // An unreadable type is a warning; `strict` makes it an error.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Pet.md"),
        PAGE.replace("**Long**", "**Map&lt;Long**"),
    )
    .unwrap();
    let out = dir.path().join("models.rs");
    std::fs::write(&out, "// previous\n").unwrap();
    let result = Builder::new()
        .specs(dir.path())
        .strict(true)
        .out_file(&out)
        .build_script();
    let Err(error @ BuildError::Generate(Failure::Docs(_))) = result else {
        panic!("expected errors in the docs, got {result:?}");
    };
    assert_eq!(
        error.to_string(),
        "1 error(s) in the docs pages (shown above)"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "// previous\n");
}

#[test]
fn a_missing_folder_is_an_input_error() {
    let result = Builder::new()
        .specs("no/such/folder")
        .out_file("unused.rs")
        .build_script();
    assert!(
        matches!(result, Err(BuildError::Generate(Failure::Input(_)))),
        "{result:?}"
    );
}
