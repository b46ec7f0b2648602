//! The whole `dotnet-270` docs folder (6,622 pages) from files to formatted
//! code, and its stages: files → IR (read and resolve), files → tokens
//! parsed as Rust (what `docmodel check` does: read, resolve, emit and
//! parse), and IR → code. Formatting's share is files → code less files →
//! checked tokens. Run with `cargo bench -p docmodel-codegen --bench corpus`.

use std::path::PathBuf;

use divan::Bencher;
use docmodel_codegen::{Settings, check, generate, generate_from_ir, read_ir};

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
