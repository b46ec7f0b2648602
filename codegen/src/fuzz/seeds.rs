//! The pages the fuzzer starts from: every page in the repository's specs
//! and fixtures, and, when `../shared/corpus` is beside the checkout, a fixed
//! sample of the real corpora (every 20th page of `dotnet-270`, every 25th
//! of `apis-guru`, all of `java-sample`).

use std::path::{Path, PathBuf};

use crate::pages::Page;

/// Pages larger than this are left out: a case must stay fast.
const LARGEST_SEED: u64 = 64 * 1024;

/// The seed pages, sorted by path: the same list on every machine that has
/// the same files.
pub fn seed_pages() -> Vec<Page> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut pages = Vec::new();
    for folder in [
        "specs",
        "tests/fixtures/dialects",
        "codegen/cli/tests/bad-inputs",
    ] {
        pages.extend(pages_under(&root, &root.join(folder), 1));
    }
    let corpus = root.join("../shared/corpus");
    if corpus.is_dir() {
        pages.extend(pages_under(&corpus, &corpus.join("dotnet-270"), 20));
        pages.extend(pages_under(&corpus, &corpus.join("apis-guru"), 25));
        pages.extend(pages_under(&corpus, &corpus.join("java-sample"), 1));
    } else {
        let message = format!(
            "SKIPPED: corpus seeds: `{}` is missing; fuzzing from the repository's pages only",
            corpus.display()
        );
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "{message}; CI must have it"
        );
        eprintln!("{message}");
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages
}

/// Every `every`-th Markdown page under `folder` (in path order), named by
/// its path below `root`; files that are not UTF-8 or too large are left out.
fn pages_under(root: &Path, folder: &Path, every: usize) -> Vec<Page> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter(|e| e.metadata().is_ok_and(|m| m.len() <= LARGEST_SEED))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
        .into_iter()
        .step_by(every)
        .filter_map(|file| {
            let text = std::fs::read_to_string(&file).ok()?;
            let path = file.strip_prefix(root).unwrap_or(&file);
            Some(Page {
                path: path.display().to_string(),
                text,
            })
        })
        .collect()
}
