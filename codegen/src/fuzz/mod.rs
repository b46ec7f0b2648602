//! A fuzzer on stable Rust, run as a test: seed pages from the repository
//! and the corpora, changed by random edits ([`mutate`]), go through the
//! whole pipeline (read, resolve, emit, format) on one core per worker,
//! under a panic hook and a time budget per case. Each case must
//!
//! - not panic;
//! - give code that parses as a Rust file;
//! - give the same IR, the same diagnostics and the same code with its pages
//!   in reverse order;
//! - give an IR that reads back from its YAML as it was.
//!
//! A case is rebuilt from the run's seed and its number alone. Settings come
//! from the environment:
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `DOCMODEL_FUZZ_SEED` | 1 | the run's seed |
//! | `DOCMODEL_FUZZ_CASES` | 100,000 in release, 300 in debug | cases to run |
//! | `DOCMODEL_FUZZ_FIRST` | 0 | the first case's number |
//! | `DOCMODEL_FUZZ_BUDGET_MS` | 5,000 in release, 30,000 in debug | time budget per case |
//! | `DOCMODEL_FUZZ_WORKERS` | the number of cores | threads running cases |
//!
//! `cargo test -p docmodel-codegen --release --lib fuzz -- --nocapture`
//! runs it; each finding's pages are written to a folder (named in the
//! report) that `docmodel generate` can be run on.

mod mutate;
mod seeds;

use std::cell::{Cell, RefCell};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};

use fastrand::Rng;

use crate::diagnostics::Diagnostic;
use crate::ir::Ir;
use crate::pages::Page;
use crate::settings::Resolved;

/// An edit that makes a page larger than this is undone: the time budget
/// is for cost out of proportion to the input, not for large inputs.
const LARGEST_PAGE: usize = 512 * 1024;

/// The pages of one case and the edits made to them.
struct Case {
    pages: Vec<Page>,
    edits: Vec<&'static str>,
}

/// A check that failed: which one, on which case, and what it saw.
#[derive(Debug)]
struct Finding {
    case: u64,
    check: &'static str,
    detail: String,
}

/// What a worker is doing: the case it runs and when it started it
/// (nanoseconds since the run began; 0 when idle).
#[derive(Default)]
struct Slot {
    case: AtomicU64,
    started: AtomicU64,
}

/// What the workers share.
struct Run {
    seeds: Vec<Page>,
    seed: u64,
    end: u64,
    next: AtomicU64,
    stop: AtomicBool,
    began: Instant,
    slots: Vec<Slot>,
    findings: Mutex<Vec<Finding>>,
    totals: Mutex<Totals>,
}

/// Counts over the cases run.
#[derive(Default)]
struct Totals {
    cases: u64,
    pages: u64,
    edits: u64,
    slowest: (Duration, u64),
}

#[test]
fn fuzz() {
    let seed = setting("DOCMODEL_FUZZ_SEED", 1);
    let first = setting("DOCMODEL_FUZZ_FIRST", 0);
    let cases = setting(
        "DOCMODEL_FUZZ_CASES",
        if cfg!(debug_assertions) { 300 } else { 100_000 },
    );
    let budget = Duration::from_millis(setting(
        "DOCMODEL_FUZZ_BUDGET_MS",
        if cfg!(debug_assertions) {
            30_000
        } else {
            2_000
        },
    ));
    let seeds = seeds::seed_pages();
    assert!(seeds.len() > 600, "{} seed pages", seeds.len());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = setting("DOCMODEL_FUZZ_WORKERS", cores as u64) as usize;
    let run = Arc::new(Run {
        seeds,
        seed,
        end: first + cases,
        next: AtomicU64::new(first),
        stop: AtomicBool::new(false),
        began: Instant::now(),
        slots: (0..workers).map(|_| Slot::default()).collect(),
        findings: Mutex::new(Vec::new()),
        totals: Mutex::new(Totals::default()),
    });
    install_panic_hook();
    let handles: Vec<_> = (0..workers)
        .map(|w| {
            let run = Arc::clone(&run);
            std::thread::Builder::new()
                .name(format!("fuzz-{w}"))
                .stack_size(8 << 20)
                .spawn(move || work(&run, w))
                .unwrap()
        })
        .collect();
    watch(&run, &handles, budget);
    report(&run, first, workers);
}

/// A number from the environment, or `default`.
fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).map_or(default, |v| {
        v.replace(['_', ','], "")
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a number"))
    })
}

/// Waits for the workers; a case over the budget is a finding that ends the
/// run (its worker may never finish, and is left behind).
fn watch(run: &Run, handles: &[std::thread::JoinHandle<()>], budget: Duration) {
    let mut shown = Instant::now();
    while !handles.iter().all(|h| h.is_finished()) {
        std::thread::sleep(Duration::from_millis(20));
        if shown.elapsed() > Duration::from_secs(60) {
            shown = Instant::now();
            let cases = run.totals.lock().unwrap().cases;
            let findings = run.findings.lock().unwrap().len();
            eprintln!("fuzz: {cases} cases run, {findings} findings so far");
        }
        let now = run.began.elapsed().as_nanos() as u64;
        for slot in &run.slots {
            let started = slot.started.load(Ordering::SeqCst);
            if started != 0 && now.saturating_sub(started) > budget.as_nanos() as u64 {
                run.stop.store(true, Ordering::SeqCst);
                run.findings.lock().unwrap().push(Finding {
                    case: slot.case.load(Ordering::SeqCst),
                    check: "time budget",
                    detail: format!("still running after {budget:?}"),
                });
                return;
            }
        }
    }
}

/// Runs cases until none are left or the run stops.
fn work(run: &Run, worker: usize) {
    crate::parallel::stay_on_this_thread();
    let slot = &run.slots[worker];
    while !run.stop.load(Ordering::SeqCst) {
        let number = run.next.fetch_add(1, Ordering::SeqCst);
        if number >= run.end {
            return;
        }
        let case = build_case(&run.seeds, run.seed, number);
        slot.case.store(number, Ordering::SeqCst);
        let start = Instant::now();
        slot.started.store(
            run.began.elapsed().as_nanos().max(1) as u64,
            Ordering::SeqCst,
        );
        let result = check_caught(&case.pages);
        slot.started.store(0, Ordering::SeqCst);
        let took = start.elapsed();
        let mut totals = run.totals.lock().unwrap();
        totals.cases += 1;
        totals.pages += case.pages.len() as u64;
        totals.edits += case.edits.len() as u64;
        if took > totals.slowest.0 {
            totals.slowest = (took, number);
        }
        drop(totals);
        if let Err((check, detail)) = result {
            eprintln!("fuzz: case {number} fails `{check}`");
            run.findings.lock().unwrap().push(Finding {
                case: number,
                check,
                detail: format!("{detail}\nedits: {:?}", case.edits),
            });
        }
    }
}

/// The case numbered `number` of the run seeded `seed`: one to four seed
/// pages (mostly of one folder, sometimes one page twice), one to twelve
/// edits among them, each page then taken as the reader takes a file.
fn build_case(seeds: &[Page], seed: u64, number: u64) -> Case {
    let mut rng = Rng::with_seed(seed ^ number.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let first = rng.usize(..seeds.len());
    let count = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4][rng.usize(..10)];
    let mut picked = vec![first];
    for _ in 1..count {
        picked.push(match rng.usize(..4) {
            0 => rng.usize(..seeds.len()),
            1 => first,
            _ => sibling(&mut rng, seeds, first),
        });
    }
    let mut pages: Vec<Page> = Vec::new();
    for (n, &i) in picked.iter().enumerate() {
        let mut page = seeds[i].clone();
        if pages.iter().any(|p| p.path == page.path) {
            page.path = page.path.replace(".md", &format!("~{n}.md"));
        }
        pages.push(page);
    }
    let edits = (0..[1, 1, 1, 2, 2, 3, 4, 6, 8, 12][rng.usize(..10)])
        .map(|_| {
            let at = rng.usize(..pages.len());
            let page = &mut pages[at].text;
            let other = &seeds[rng.usize(..seeds.len())].text;
            let before = page.clone();
            let edit = mutate::mutate(&mut rng, page, other);
            if page.len() > LARGEST_PAGE {
                *page = before;
            }
            edit
        })
        .collect();
    // What `pages::read` does to every file it reads.
    for page in &mut pages {
        page.text = crate::pages::page_text(std::mem::take(&mut page.text));
    }
    Case { pages, edits }
}

/// A random page of the folder of `seeds[of]` (the seeds are sorted by
/// path, so a folder's pages are neighbours).
fn sibling(rng: &mut Rng, seeds: &[Page], of: usize) -> usize {
    let folder = crate::read::folder_of(&seeds[of].path);
    let in_folder = |i: &usize| crate::read::folder_of(&seeds[*i].path) == folder;
    let start = (0..of).rev().take_while(in_folder).last().unwrap_or(of);
    let end = (of..seeds.len()).take_while(in_folder).last().unwrap_or(of);
    rng.usize(start..=end)
}

thread_local! {
    /// Whether this thread runs a case now: its panics are findings.
    static IN_CASE: Cell<bool> = const { Cell::new(false) };
    /// The last panic of this thread's case, as the hook saw it.
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A panic hook that keeps a case's panic (message and place) for its
/// finding and leaves every other panic to the hook before it.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_CASE.with(Cell::get) {
                PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                previous(info);
            }
        }));
    });
}

/// [`check`] under `catch_unwind`: a panic is a finding.
fn check_caught(pages: &[Page]) -> Result<(), (&'static str, String)> {
    IN_CASE.with(|c| c.set(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| check(pages)));
    IN_CASE.with(|c| c.set(false));
    result.unwrap_or_else(|_| {
        let message = PANIC.with(|p| p.borrow_mut().take());
        Err(("panic", message.unwrap_or_default()))
    })
}

/// The IR and the diagnostics (sorted) of `pages`.
fn read(pages: Vec<Page>) -> (Ir, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let (ir, _, _) = crate::pipeline::load_pages(pages, &Resolved::default(), &mut found);
    found.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.code, &b.message))
    });
    (ir, found)
}

/// The formatted code of `ir`, checked to parse as a Rust file.
fn code(ir: &Ir) -> Result<String, (&'static str, String)> {
    let (code, _) = crate::emit::emit_and_format(ir, Default::default(), None)
        .map_err(|e| ("emitted tokens parse", e.to_string()))?;
    syn::parse_file(&code).map_err(|e| ("formatted code parses", e.to_string()))?;
    Ok(code)
}

/// Runs every check on one case.
fn check(pages: &[Page]) -> Result<(), (&'static str, String)> {
    let (ir, diagnostics) = read(pages.to_vec());
    let forward = code(&ir)?;
    let (reversed_ir, reversed_diagnostics) = read(pages.iter().rev().cloned().collect());
    if reversed_ir != ir {
        return Err(("order: IR", first_difference(&ir, &reversed_ir)));
    }
    if reversed_diagnostics != diagnostics {
        let differing = reversed_diagnostics
            .iter()
            .zip(&diagnostics)
            .find(|(a, b)| a != b);
        return Err(("order: diagnostics", format!("{differing:?}")));
    }
    if code(&reversed_ir)? != forward {
        return Err(("order: code", String::new()));
    }
    let yaml = ir
        .to_yaml()
        .map_err(|e| ("IR writes YAML", e.to_string()))?;
    let again = Ir::from_yaml(&yaml).map_err(|e| ("IR reads back", e.to_string()))?;
    if again != ir {
        return Err(("IR → YAML → IR", first_difference(&ir, &again)));
    }
    Ok(())
}

/// Where two IRs first differ: the first differing line of their YAML, or
/// of their debug form when the YAML is the same.
fn first_difference(a: &Ir, b: &Ir) -> String {
    let (left, right) = match (a.to_yaml(), b.to_yaml()) {
        (Ok(x), Ok(y)) if x != y => (x, y),
        _ => (format!("{a:#?}"), format!("{b:#?}")),
    };
    let at = left
        .lines()
        .zip(right.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| left.lines().count().min(right.lines().count()));
    let around = |text: &str| {
        let lines: Vec<&str> = text.lines().collect();
        lines[at.saturating_sub(8)..(at + 3).min(lines.len())].join("\n")
    };
    format!(
        "line {}:\n{}\n---- and ----\n{}",
        at + 1,
        around(&left),
        around(&right)
    )
}

/// Prints what the run did and writes each finding's pages to a folder;
/// fails when there is any finding.
fn report(run: &Run, first: u64, workers: usize) {
    let totals = run.totals.lock().unwrap();
    let seconds = run.began.elapsed().as_secs_f64();
    let findings = run.findings.lock().unwrap();
    eprintln!(
        "fuzz: seed {}, cases {first}..{}: {} run on {workers} workers in {seconds:.1} s ({:.0} cases/s), {} pages, {} edits, {} seed pages; slowest case {} ({:?}); {} findings",
        run.seed,
        run.end,
        totals.cases,
        totals.cases as f64 / seconds,
        totals.pages,
        totals.edits,
        run.seeds.len(),
        totals.slowest.1,
        totals.slowest.0,
        findings.len(),
    );
    for finding in findings.iter().take(20) {
        let folder = write_case(&run.seeds, run.seed, finding.case);
        eprintln!(
            "finding: case {} fails `{}`; its pages are in {}\n{}\n",
            finding.case,
            finding.check,
            folder.display(),
            finding.detail
        );
    }
    assert!(
        findings.is_empty(),
        "{} findings; rerun one with DOCMODEL_FUZZ_SEED={} DOCMODEL_FUZZ_FIRST=<case> DOCMODEL_FUZZ_CASES=1",
        findings.len(),
        run.seed
    );
}

/// Writes the pages of case `number` under the temporary folder.
fn write_case(seeds: &[Page], seed: u64, number: u64) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("docmodel-fuzz-{seed}-{number}"));
    for page in build_case(seeds, seed, number).pages {
        let file = folder.join(&page.path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, page.text).unwrap();
    }
    folder
}
