//! Helpers shared by docmodel's end-to-end tests: where the specs and the
//! shared corpus are.

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits inside the repository")
        .to_path_buf()
}

/// `../shared/corpus/<name>` beside the checkout, or `None` when it is missing.
///
/// A missing corpus is announced on standard error so the skip is never
/// silent; under CI (`CI=true`) it is a failure, since CI has the corpus.
pub fn corpus(name: &str) -> Option<PathBuf> {
    let path = repo_root().join("../shared/corpus").join(name);
    if path.exists() {
        return Some(path);
    }
    let message = format!(
        "SKIPPED: corpus `{}` is missing (expected beside the checkout)",
        path.display()
    );
    if std::env::var_os("CI").is_some_and(|v| v == "true") {
        panic!("{message}; CI must have it");
    }
    eprintln!("{message}");
    None
}
