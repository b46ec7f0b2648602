//! The build-script flow a user relies on (`tests/build-flow`): adding a page
//! needs no other step (the build script reruns), and touching nothing does
//! not rerun it. Checked with cargo's own `-v` output (`Running …build-script-build`,
//! `Fresh …`), not with timing.

use std::path::Path;

use docmodel_tests::{cargo_on_crate, model_crate_manifest, repo_root};

/// Copies the template crate (`tests/build-flow`) to `dir`, with a manifest
/// pointing at this checkout's `docmodel-codegen`.
fn copy_template(dir: &Path) {
    let template = repo_root().join("tests/build-flow");
    for file in ["build.rs", "src/lib.rs", "src/main.rs", "specs/Pet.md"] {
        std::fs::create_dir_all(dir.join(file).parent().unwrap()).unwrap();
        std::fs::copy(template.join(file), dir.join(file)).unwrap();
    }
    let codegen = repo_root().join("codegen");
    let manifest = model_crate_manifest(
        "build-flow",
        &format!("\n[build-dependencies]\ndocmodel-codegen = {{ path = {codegen:?} }}\n"),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(repo_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

/// `cargo build -v`; true when the build script ran.
fn build_reran(dir: &Path) -> bool {
    let output = cargo_on_crate(dir, "build", &["-v"]);
    let log = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{log}");
    let ran = log
        .lines()
        .any(|l| l.trim_start().starts_with("Running") && l.contains("build-script-build"));
    if !ran {
        assert!(
            log.lines()
                .any(|l| l.trim_start().starts_with("Fresh build-flow")),
            "{log}"
        );
    }
    ran
}

/// Whether a build-flow build script wrote its code cache in its `OUT_DIR`
/// since `time`.
fn cache_written_since(time: std::time::SystemTime) -> bool {
    let builds = repo_root().join("target/docmodel-crates-target/debug/build");
    std::fs::read_dir(builds)
        .unwrap()
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|dir| {
            dir.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("build-flow-"))
        })
        .filter_map(|dir| std::fs::metadata(dir.join("out/docmodel-cache.json")).ok())
        .any(|meta| meta.modified().is_ok_and(|modified| modified >= time))
}

fn models(dir: &Path) -> Vec<String> {
    let output = cargo_on_crate(dir, "run", &["--quiet"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_new_page_is_picked_up_and_an_untouched_crate_is_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let started = std::time::SystemTime::now();
    copy_template(dir.path());
    assert!(build_reran(dir.path()), "first build runs the build script");
    assert_eq!(models(dir.path()), ["model Pet"]);
    assert!(
        cache_written_since(started),
        "the build script keeps its cache in OUT_DIR"
    );

    assert!(
        !build_reran(dir.path()),
        "nothing changed: the build script does not rerun"
    );

    let owner = std::fs::read_to_string(dir.path().join("specs/Pet.md"))
        .unwrap()
        .replace("Pet", "Owner");
    std::fs::write(dir.path().join("specs/Owner.md"), owner).unwrap();
    assert!(
        build_reran(dir.path()),
        "a new page reruns the build script"
    );
    assert_eq!(models(dir.path()), ["model Owner", "model Pet"]);
}
