//! The code generated for the seeds, as a reviewed insta snapshot: any change
//! to the emitted Rust shows up as a diff to review (`cargo insta review`).

use docmodel_codegen::pages::Page;
use docmodel_codegen::{Config, generate_loaded, load_pages};
use docmodel_tests::repo_root;

#[test]
fn seeds_generate_the_reviewed_code() {
    let pages = [
        "specs/Callback.dotnet-legacy.md",
        "specs/Callback.java-docs-site.md",
    ]
    .map(|path| Page {
        path: path.to_string(),
        text: std::fs::read_to_string(repo_root().join(path)).unwrap(),
    });
    let generated = generate_loaded(load_pages(pages.to_vec(), &Config::default()));
    assert!(!generated.loaded.has_errors());
    insta::assert_snapshot!("seeds", generated.code);
}
