//! Hostile pages, each at two sizes ten times apart: time and memory must
//! grow linearly. Run with `cargo bench -p docmodel-codegen --bench hostile`;
//! the allocation columns are divan's `AllocProfiler`. Target: a
//! 100,000-row page in under 2 s.

use std::path::Path;

use divan::{AllocProfiler, Bencher};
use docmodel_codegen::diagnostics::Severity;
use docmodel_codegen::{Settings, generate, read_ir};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

const HEAD: &str = "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";

/// A folder holding one page, `Pet.md`, with `text`.
fn folder_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), text).unwrap();
    dir
}

fn settings(dir: &Path) -> Settings {
    Settings::new().input(dir)
}

/// `rows` well-formed rows.
fn rows_page(rows: usize) -> String {
    let mut text = HEAD.to_string();
    for i in 0..rows {
        text.push_str(&format!(
            "**p{i}** | **String** | The {i}th. | [optional]\n"
        ));
    }
    text
}

/// A page of `rows` rows read into the IR.
#[divan::bench(args = [10_000, 100_000], sample_count = 5)]
fn rows_to_ir(bencher: Bencher, rows: usize) {
    let dir = folder_with(&rows_page(rows));
    let settings = settings(dir.path());
    bencher.bench(|| read_ir(&settings).unwrap().ir.models[0].properties.len());
}

/// A page of `rows` rows to formatted code.
#[divan::bench(args = [10_000, 100_000], sample_count = 5)]
fn rows_to_code(bencher: Bencher, rows: usize) {
    let dir = folder_with(&rows_page(rows));
    let settings = settings(dir.path());
    bencher.bench(|| generate(&settings).unwrap().code.len());
}

/// A page of `rows` malformed rows (one cell each), read and its warnings
/// rendered as the CLI renders them.
#[divan::bench(args = [4_000, 40_000], sample_count = 5)]
fn malformed_rows_rendered(bencher: Bencher, rows: usize) {
    let mut text = HEAD.to_string();
    for i in 0..rows {
        text.push_str(&format!("**p{i}**\n"));
    }
    let dir = folder_with(&text);
    let settings = settings(dir.path());
    bencher.bench(|| {
        let loaded = read_ir(&settings).unwrap();
        loaded.report.render(Severity::Note, false).len()
    });
}

/// A row whose type cell opens `Array[` until it is `bytes` long, split by
/// a `|` every 1,000 openings, and never closes.
#[divan::bench(args = [300_000, 3_000_000], sample_count = 5)]
fn unbalanced_type_cell(bencher: Bencher, bytes: usize) {
    let openings = bytes / "Array[".len();
    let mut cell = String::with_capacity(bytes + openings / 1_000);
    for i in 0..openings {
        cell.push_str("Array[");
        if i % 1_000 == 999 {
            cell.push('|');
        }
    }
    let dir = folder_with(&format!("{HEAD}**id** | {cell} | x | \n"));
    let settings = settings(dir.path());
    bencher.bench(|| read_ir(&settings).unwrap().ir.models.len());
}

/// A page of `rows` rows ending in `\r` alone, but one `\n`.
#[divan::bench(args = [10_000, 100_000], sample_count = 5)]
fn mixed_line_endings(bencher: Bencher, rows: usize) {
    let text = format!("\n{}", rows_page(rows).replace('\n', "\r"));
    let dir = folder_with(&text);
    let settings = settings(dir.path());
    bencher.bench(|| read_ir(&settings).unwrap().ir.models[0].properties.len());
}
