//! The macro from a crate's point of view (trybuild): a passing expansion,
//! and the messages of a missing folder, a malformed page, two models with
//! one Rust name, a warning, an unknown option, a configuration file with
//! an unknown key, roots that leave a model out and a root that names none.
//!
//! trybuild builds the cases in its own crate under the target directory,
//! and the macro reads paths relative to that crate. The fixtures are copied
//! there first, so that the cases name them as `fixtures/…` wherever the
//! target directory is (a `CARGO_TARGET_DIR` outside the checkout included).

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    copy_fixtures_into(&trybuild_crate_dir());
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass.rs");
    cases.compile_fail("tests/ui/missing_folder.rs");
    cases.compile_fail("tests/ui/malformed_page.rs");
    cases.compile_fail("tests/ui/one_rust_name.rs");
    cases.compile_fail("tests/ui/warning.rs");
    cases.compile_fail("tests/ui/unknown_option.rs");
    cases.compile_fail("tests/ui/bad_config.rs");
    cases.compile_fail("tests/ui/roots.rs");
    cases.compile_fail("tests/ui/unknown_root.rs");
}

/// The crate trybuild builds the cases in: `<target>/tests/trybuild/<this crate>`.
fn trybuild_crate_dir() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR lies inside the target directory");
    target.join("tests/trybuild").join(env!("CARGO_PKG_NAME"))
}

/// Replaces `<dir>/fixtures` with a copy of this crate's `tests/fixtures`.
fn copy_fixtures_into(dir: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let to = dir.join("fixtures");
    if to.exists() {
        std::fs::remove_dir_all(&to).expect("remove the old fixtures copy");
    }
    copy_dir(&from, &to);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the fixtures copy");
    for entry in std::fs::read_dir(from).expect("read the fixtures") {
        let entry = entry.expect("read a fixtures entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("fixture file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a fixture");
        }
    }
}
