//! The one golden file of the seeds: `tests/committed/seeds.rs` is the code
//! of `specs/`, as `docmodel generate specs -o tests/committed/seeds.rs`
//! writes it from the repository root. Any change to the emitted Rust fails
//! here with a diff summary; after reviewing the change, rewrite the file
//! with `DOCMODEL_BLESS=1 cargo test -p docmodel-tests --test golden`.

use docmodel_codegen::{Builder, write_if_changed};
use docmodel_tests::repo_root;

const GOLDEN: &str = "tests/committed/seeds.rs";

#[test]
fn the_seeds_generate_the_committed_code() {
    // Relative paths, as the CLI line above gives them: the generated docs
    // name the pages.
    std::env::set_current_dir(repo_root()).unwrap();
    let code = Builder::new().specs("specs").generate().unwrap().code;
    if std::env::var_os("DOCMODEL_BLESS").is_some_and(|v| v == "1") {
        write_if_changed(&repo_root().join(GOLDEN), &code).unwrap();
    }
    let committed = std::fs::read_to_string(repo_root().join(GOLDEN)).unwrap();
    if committed != code {
        let first = committed
            .lines()
            .zip(code.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(code.lines().count()));
        panic!(
            "{GOLDEN} differs from the generated code from line {}: `{}` became `{}`; review, then run with DOCMODEL_BLESS=1",
            first + 1,
            committed.lines().nth(first).unwrap_or("<end>"),
            code.lines().nth(first).unwrap_or("<end>"),
        );
    }
}
