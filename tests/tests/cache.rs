//! Regenerating through the code cache (`Settings::cache_file`) after a
//! real release: the docs folder goes from `dotnet-269` to `dotnet-270` in
//! place, as a user's checkout does, and the code must be exactly what a
//! run without the cache writes, with the unchanged models served from the
//! cache.

#![cfg(unix)]

use std::path::Path;

use docmodel_codegen::generate;
use docmodel_tests::{corpus, settings};

/// What the test puts before each piece of code in the cache: a piece
/// that comes from the cache shows it in the code.
const MARK: &str = "// served from the cache\n";

/// Puts [`MARK`] before every piece of code the cache file holds; returns
/// how many there are. (The file's form is docmodel's own; the test reads
/// it only to tell the served pieces apart.)
fn mark_every_piece(cache: &Path) -> usize {
    let text = std::fs::read_to_string(cache).expect("the run wrote its cache");
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let entries = file["entries"].as_object_mut().expect("entries by key");
    for code in entries.values_mut() {
        *code = format!("{MARK}{}", code.as_str().unwrap()).into();
    }
    let count = entries.len();
    std::fs::write(cache, file.to_string()).unwrap();
    count
}

#[test]
fn a_release_regenerated_through_the_cache_is_the_code_generated_afresh() {
    let (Some(old), Some(new)) = (corpus("dotnet-269"), corpus("dotnet-270")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let cache = dir.path().join("docmodel-cache.json");
    std::os::unix::fs::symlink(&old, &docs).unwrap();
    let cached = settings(&[&docs]).cache_file(&cache);
    let first = generate(&cached).expect("dotnet-269 generates");
    let kept = mark_every_piece(&cache);
    let pieces = first.ir.models.len() + first.ir.enums.len();
    assert!(
        kept * 100 > pieces * 99,
        "every model and enum without diagnostics is kept: {kept} of {pieces}"
    );

    std::fs::remove_file(&docs).unwrap();
    std::os::unix::fs::symlink(&new, &docs).unwrap();
    let served = generate(&cached).expect("dotnet-270 generates").code;
    let fresh = generate(&settings(&[&docs])).unwrap().code;
    assert_eq!(served.replace(MARK, ""), fresh, "the cache changes nothing");
    let from_cache = served.matches(MARK).count();
    assert!(
        from_cache * 10 > kept * 9,
        "most pieces are unchanged between the releases and come from the cache: {from_cache} of {kept}"
    );
    assert!(from_cache < kept, "the changed models are emitted anew");
    eprintln!("dotnet-269 kept {kept} pieces of {pieces}; dotnet-270 took {from_cache} of them");
}
