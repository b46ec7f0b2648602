//! The whole `dotnet-270` docs folder (6,622 pages) from files to formatted
//! code, and each stage alone. Run with `cargo bench -p docmodel-codegen`;
//! target on a 2-core machine: under 1 s for files → code.

use std::path::PathBuf;

use divan::Bencher;
use docmodel_codegen::{Config, emit, generate, load};

fn main() {
    if corpus().is_none() {
        eprintln!("SKIPPED: ../shared/corpus/dotnet-270 is missing beside the checkout");
        return;
    }
    divan::main();
}

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/dotnet-270");
    dir.exists().then_some(dir)
}

/// Files → IR → tokens → formatted code: what the CLI and build scripts do.
#[divan::bench(sample_count = 10)]
fn files_to_code(bencher: Bencher) {
    let dir = corpus().unwrap();
    bencher.bench(|| generate(&[&dir], &Config::default()).unwrap().code.len());
}

/// Files → IR (read and resolve).
#[divan::bench(sample_count = 10)]
fn read_and_resolve(bencher: Bencher) {
    let dir = corpus().unwrap();
    bencher.bench(|| load(&[&dir], &Config::default()).unwrap().ir.models.len());
}

/// IR → tokens.
#[divan::bench(sample_count = 10)]
fn emit_tokens(bencher: Bencher) {
    let ir = load(&[corpus().unwrap()], &Config::default()).unwrap().ir;
    bencher.bench(|| emit::emit(&ir).tokens);
}

/// Tokens → formatted code.
#[divan::bench(sample_count = 10)]
fn format_code(bencher: Bencher) {
    let ir = load(&[corpus().unwrap()], &Config::default()).unwrap().ir;
    bencher
        .with_inputs(|| emit::emit(&ir).tokens)
        .bench_values(|tokens| emit::format(tokens).unwrap().len());
}
