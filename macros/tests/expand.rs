//! The macro from a crate's point of view (trybuild): a passing expansion,
//! and the messages of a missing folder, a malformed page, two models with
//! one Rust name, a warning, an unknown option and a configuration file with
//! an unknown key.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass.rs");
    cases.compile_fail("tests/ui/missing_folder.rs");
    cases.compile_fail("tests/ui/malformed_page.rs");
    cases.compile_fail("tests/ui/one_rust_name.rs");
    cases.compile_fail("tests/ui/warning.rs");
    cases.compile_fail("tests/ui/unknown_option.rs");
    cases.compile_fail("tests/ui/bad_config.rs");
}
