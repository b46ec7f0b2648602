//! The whole `dotnet-270` docs folder (6,622 pages) from files to formatted
//! code, and its two halves: files → IR, and IR → code. Run with
//! `cargo bench -p docmodel-codegen`; target on a 2-core machine: under 1 s
//! for files → code.

use std::path::PathBuf;

use divan::Bencher;
use docmodel_codegen::{Settings, generate, generate_from_ir, read_ir};

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

/// IR → formatted code (emit, then format, on every core).
#[divan::bench(sample_count = 10)]
fn ir_to_code(bencher: Bencher) {
    let ir = read_ir(&settings()).unwrap().ir;
    bencher
        .with_inputs(|| ir.clone())
        .bench_values(|ir| generate_from_ir(ir).unwrap().code.len());
}
