//! The whole `dotnet-270` docs folder (6,622 pages) from files to formatted
//! code, and its stages: files → IR (read and resolve), files → tokens
//! parsed as Rust (what `docmodel check` does: read, resolve, emit and
//! parse), and IR → code. Formatting's share is files → code less files →
//! checked tokens. Then regenerating through the code cache: after the docs
//! folder went from `dotnet-269` to `dotnet-270` in place, and with nothing
//! changed. And `docmodel diff` of `dotnet-269` and `dotnet-270` (two
//! reads and resolves, and the comparison). Run with `cargo bench -p docmodel-codegen --bench corpus`.

use std::path::{Path, PathBuf};

use divan::Bencher;
use docmodel_codegen::{Settings, check, diff, generate, generate_from_ir, read_ir};

fn main() {
    if corpus().is_none() {
        eprintln!("SKIPPED: ../shared/corpus/dotnet-270 is missing beside the checkout");
        return;
    }
    divan::main();
}

fn corpus() -> Option<PathBuf> {
    let dir = release("dotnet-270");
    dir.exists().then_some(dir)
}

/// A release's docs folder in the corpus.
fn release(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(name)
}

/// Copies the pages of `from` into the folder `to`, replacing its pages.
fn copy_pages(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

fn settings() -> Settings {
    Settings::new().input(corpus().unwrap())
}

/// Files → IR → tokens → formatted code: what every entry point does.
#[divan::bench(sample_count = 10)]
fn files_to_code(bencher: Bencher) {
    let settings = settings();
    bencher.bench(|| generate(&settings).unwrap().code.len());
}

/// Files → IR (read and resolve): what `docmodel ir` does.
#[divan::bench(sample_count = 10)]
fn read_and_resolve(bencher: Bencher) {
    let settings = settings();
    bencher.bench(|| read_ir(&settings).unwrap().ir.models.len());
}

/// Files → IR → tokens, parsed as Rust and dropped: what `docmodel check`
/// does, all of generate but formatting.
#[divan::bench(sample_count = 10)]
fn files_to_checked_tokens(bencher: Bencher) {
    let settings = settings();
    bencher.bench(|| check(&settings).unwrap().ir.models.len());
}

/// IR → formatted code (emit, then format, on every core).
#[divan::bench(sample_count = 10)]
fn ir_to_code(bencher: Bencher) {
    let ir = read_ir(&settings()).unwrap().ir;
    bencher
        .with_inputs(|| ir.clone())
        .bench_values(|ir| generate_from_ir(ir).unwrap().code.len());
}

/// `dotnet-270` generated in place of `dotnet-269` through the cache the
/// 269 run left: what a build script does after a release of the docs.
#[divan::bench(sample_count = 10)]
fn regenerate_after_a_release(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let cache = dir.path().join("cache.json");
    let settings = Settings::new().input(&docs).cache_file(&cache);
    copy_pages(&release("dotnet-269"), &docs);
    generate(&settings).unwrap();
    let left_by_269 = std::fs::read(&cache).unwrap();
    copy_pages(&release("dotnet-270"), &docs);
    bencher
        .with_inputs(|| std::fs::write(&cache, &left_by_269).unwrap())
        .bench_values(|()| generate(&settings).unwrap().code.len());
}

/// `dotnet-270` generated again through its own cache: nothing changed.
#[divan::bench(sample_count = 10)]
fn regenerate_unchanged(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings().cache_file(dir.path().join("cache.json"));
    generate(&settings).unwrap();
    bencher.bench(|| generate(&settings).unwrap().code.len());
}

/// `dotnet-269` → `dotnet-270` compared: what `docmodel diff` does.
#[divan::bench(sample_count = 10)]
fn diff_of_two_releases(bencher: Bencher) {
    let old = Settings::new().input(release("dotnet-269"));
    let new = settings();
    bencher.bench(|| diff(&old, &new).unwrap().diff.changes.len());
}
