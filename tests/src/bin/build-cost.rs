//! What the generated code costs its users to compile: generates a crate,
//! counts what it holds, builds it cold and reports the build's wall time and
//! rustc's peak memory.
//!
//! ```sh
//! cargo run -p docmodel-tests --release --bin build-cost            # every case
//! cargo run -p docmodel-tests --release --bin build-cost -- dotnet-270-roots
//! ```
//!
//! Cases: `dotnet-270` (all 6,533 models), `dotnet-270-roots` (eight roots,
//! 299 models), `apis-guru-java` (a module per API of the 53, from their Java
//! docs). The cases `expand-seeds` and `expand-dotnet-270` measure the
//! proc-macro instead: the time rustc spends expanding a crate whose library
//! is one `models!` call on the pages (what every check of that crate pays,
//! in rustc and in rust-analyzer), with the macro built as cargo builds it by
//! default (unoptimized) and with `[profile.dev.build-override] opt-level =
//! 3`. Cold means: the dependencies are built first, and the generated
//! file is new to the compiler (`CARGO_INCREMENTAL=0`), as after a docs
//! change. Peak memory is the largest resident set of any process of the
//! build (`/usr/bin/time -v`), which is rustc's on the models crate. Run it
//! on an idle machine: the figures are meant for the README.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use docmodel_codegen::{Settings, generate};
use docmodel_tests::{apis_guru_apis, corpus, model_crate_manifest, repo_root};

/// The eight roots of `dotnet-270` the README's example names.
const DOTNET_ROOTS: &[&str] = &[
    "User",
    "Conversation",
    "Queue",
    "Flow",
    "Evaluation",
    "Recording",
    "Workitem",
    "ConversationQuery",
];

/// Every case, in the order they run.
const CASES: &[&str] = &["dotnet-270-roots", "dotnet-270", "apis-guru-java"];

/// The proc-macro cases: what the macro's expansion costs.
const EXPANSION_CASES: &[&str] = &["expand-seeds", "expand-dotnet-270"];

fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let cases: Vec<&str> = if wanted.is_empty() {
        CASES.to_vec()
    } else {
        wanted.iter().map(String::as_str).collect()
    };
    let (expansions, cases): (Vec<&str>, Vec<&str>) =
        cases.into_iter().partition(|c| EXPANSION_CASES.contains(c));
    if !expansions.is_empty() {
        expansion::report(&expansions);
    }
    if cases.is_empty() {
        return;
    }
    println!(
        "| case | models | enums | generate | lines | items | impls written | impls derived | cold build | rustc peak |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for case in cases {
        let Some(code) = generate_case(case) else {
            continue;
        };
        let counts = Counts::of(&code.text);
        let build = build_cold(case, &code.text);
        println!(
            "| {case} | {} | {} | {:.2} s | {} | {} | {} | {} | {:.0} s | {:.2} GB |",
            code.models,
            code.enums,
            code.seconds,
            counts.lines,
            counts.items,
            counts.impls,
            counts.derived,
            build.seconds,
            build.peak_kb as f64 / 1024.0 / 1024.0
        );
    }
}

/// A case's generated code.
struct Code {
    text: String,
    models: usize,
    enums: usize,
    /// How long docmodel took to generate it.
    seconds: f64,
}

/// Generates the code of `case`; `None` (said on stderr) when its corpus is missing.
fn generate_case(case: &str) -> Option<Code> {
    let start = Instant::now();
    let (text, models, enums) = match case {
        "dotnet-270" | "dotnet-270-roots" => {
            let mut settings = Settings::new().input(corpus("dotnet-270")?);
            if case == "dotnet-270-roots" {
                settings = DOTNET_ROOTS.iter().fold(settings, |s, r| s.root(*r));
            }
            let generated = generate(&settings).expect("dotnet-270 generates");
            let (models, enums) = (generated.ir.models.len(), generated.ir.enums.len());
            (generated.code, models, enums)
        }
        "apis-guru-java" => apis_guru_java(&corpus("apis-guru")?),
        other => panic!("unknown case `{other}`; the cases: {}", CASES.join(", ")),
    };
    Some(Code {
        text,
        models,
        enums,
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// One module per API, generated from its Java docs with default settings.
fn apis_guru_java(root: &Path) -> (String, usize, usize) {
    let (mut code, mut models, mut enums) = (String::new(), 0, 0);
    for api in apis_guru_apis(root) {
        let generated = generate(&Settings::new().input(api.join("java")))
            .unwrap_or_else(|f| panic!("{}: {f}", api.display()));
        let name = api.file_name().unwrap().to_string_lossy().to_lowercase();
        let module: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        writeln!(code, "pub mod api_{module} {{\n{}\n}}", generated.code).unwrap();
        models += generated.ir.models.len();
        enums += generated.ir.enums.len();
    }
    (code, models, enums)
}

/// What the code holds, counted on its text as written (before macro expansion).
#[derive(Default)]
struct Counts {
    lines: usize,
    /// Items of every module and `const _` block (structs, enums, impls,
    /// functions …).
    items: usize,
    /// `impl` blocks written out.
    impls: usize,
    /// Impls a `#[derive(…)]` adds: one per trait named.
    derived: usize,
}

impl Counts {
    fn of(code: &str) -> Counts {
        let file = syn::parse_file(code).expect("the generated code parses");
        let mut counts = Counts {
            lines: code.lines().count(),
            ..Counts::default()
        };
        counts.add(&file.items);
        counts
    }

    fn add<'i>(&mut self, items: impl IntoIterator<Item = &'i syn::Item>) {
        for item in items {
            self.items += 1;
            let attrs = match item {
                syn::Item::Impl(_) => {
                    self.impls += 1;
                    continue;
                }
                syn::Item::Mod(module) => {
                    if let Some((_, inner)) = &module.content {
                        self.add(inner);
                    }
                    continue;
                }
                // `const _: () = { … };` holds impls too.
                syn::Item::Const(constant) => {
                    if let syn::Expr::Block(block) = constant.expr.as_ref() {
                        let inner: Vec<&syn::Item> = block
                            .block
                            .stmts
                            .iter()
                            .filter_map(|stmt| match stmt {
                                syn::Stmt::Item(item) => Some(item),
                                _ => None,
                            })
                            .collect();
                        self.add(inner);
                    }
                    continue;
                }
                syn::Item::Struct(s) => &s.attrs,
                syn::Item::Enum(e) => &e.attrs,
                _ => continue,
            };
            for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
                let _ = attr.parse_nested_meta(|_| {
                    self.derived += 1;
                    Ok(())
                });
            }
        }
    }
}

/// A cold build's figures.
struct Build {
    seconds: f64,
    peak_kb: u64,
}

/// Builds `code` as the library of a crate of its own, cold: first with an
/// empty library (the dependencies build), then with the code.
fn build_cold(case: &str, code: &str) -> Build {
    let dir = repo_root().join(format!("target/docmodel-cost-{case}"));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        model_crate_manifest(&format!("cost-{case}"), ""),
    )
    .unwrap();
    std::fs::copy(repo_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    std::fs::write(dir.join("src/lib.rs"), "").unwrap();
    let (status, _) = timed_cargo_build(&dir);
    assert!(status.0, "the dependencies build: {}", status.1);
    std::fs::write(dir.join("src/lib.rs"), code).unwrap();
    let start = Instant::now();
    let ((ok, log), peak_kb) = timed_cargo_build(&dir);
    assert!(ok, "{case} builds: {log}");
    Build {
        seconds: start.elapsed().as_secs_f64(),
        peak_kb,
    }
}

/// Runs `cargo build` on the crate at `dir` under `/usr/bin/time -v`:
/// (success, stderr) and the peak resident set in KiB.
fn timed_cargo_build(dir: &Path) -> ((bool, String), u64) {
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO"))
        .arg("build")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .env(
            "CARGO_TARGET_DIR",
            repo_root().join("target/docmodel-cost-target"),
        )
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .expect("/usr/bin/time runs cargo");
    let log = String::from_utf8_lossy(&output.stderr).into_owned();
    let peak_kb = log
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|kb| kb.trim().parse().ok())
        .unwrap_or(0);
    ((output.status.success(), log), peak_kb)
}

/// What the proc-macro's expansion costs: rustc's own measure of its macro
/// expansion (`-Z time-passes`, which a stable rustc gives under
/// `RUSTC_BOOTSTRAP=1`; this tool only reads it) in a crate whose library is
/// one `models!` call.
mod expansion {
    use std::path::Path;
    use std::process::Command;

    use docmodel_tests::{corpus, model_crate_manifest, repo_root};

    /// Checks of the crate of the seeds, and of `dotnet-270` (a check takes
    /// 40 s there); the median is reported.
    const RUNS: (usize, usize) = (5, 3);

    /// Prints a table row per case and macro build.
    pub fn report(cases: &[&str]) {
        println!("| case | macro built | macro expansion (median) | all runs |");
        println!("|---|---|---|---|");
        for case in cases {
            let pages = match *case {
                "expand-seeds" => repo_root().join("specs"),
                "expand-dotnet-270" => match corpus("dotnet-270") {
                    Some(path) => path,
                    None => continue,
                },
                other => panic!("unknown case `{other}`"),
            };
            let runs = if *case == "expand-seeds" {
                RUNS.0
            } else {
                RUNS.1
            };
            for optimized in [false, true] {
                let mut times = expansion_times(case, &pages, optimized, runs);
                times.sort_by(f64::total_cmp);
                let built = if optimized {
                    "opt-level 3"
                } else {
                    "default (opt-level 0)"
                };
                let all: Vec<String> = times.iter().map(|t| format!("{t:.2}")).collect();
                println!(
                    "| {case} | {built} | {:.2} s | {} |",
                    times[times.len() / 2],
                    all.join(", ")
                );
            }
        }
    }

    /// The expansion times of `runs` checks of a crate whose library calls
    /// `models!` on `pages`, the macro built unoptimized or optimized.
    fn expansion_times(case: &str, pages: &Path, optimized: bool, runs: usize) -> Vec<f64> {
        let opt = if optimized { "-opt" } else { "" };
        let dir = repo_root().join(format!("target/docmodel-{case}{opt}"));
        std::fs::create_dir_all(dir.join("src")).unwrap();
        let macros = repo_root().join("macros");
        let mut manifest = model_crate_manifest(
            &format!("{case}{opt}"),
            &format!(
                "docmodel-macros = {{ path = {:?} }}\n",
                macros.display().to_string()
            ),
        );
        if optimized {
            manifest.push_str("\n[profile.dev.build-override]\nopt-level = 3\n");
        }
        std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
        std::fs::copy(repo_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        let library = format!(
            "docmodel_macros::models!({:?});\n",
            pages.display().to_string()
        );
        std::fs::write(dir.join("src/lib.rs"), &library).unwrap();
        // The dependencies and the macro build; the crate is checked once.
        check(&dir, opt);
        (0..runs)
            .map(|_| {
                // A changed file: rustc checks the crate again, from scratch.
                std::fs::write(dir.join("src/lib.rs"), &library).unwrap();
                let passes = check(&dir, opt);
                passes
                    .lines()
                    .find(|l| l.ends_with("\tmacro_expand_crate"))
                    .and_then(|l| l.strip_prefix("time:"))
                    .and_then(|l| l.split(';').next())
                    .and_then(|seconds| seconds.trim().parse().ok())
                    .unwrap_or_else(|| panic!("rustc gave no macro_expand_crate time:\n{passes}"))
            })
            .collect()
    }

    /// Checks the crate at `dir` (`cargo rustc --lib -- -Z time-passes`),
    /// cold, in a target folder per macro build; rustc's passes and times,
    /// or a panic with cargo's output unless it succeeds.
    fn check(dir: &Path, opt: &str) -> String {
        let output = Command::new(env!("CARGO"))
            .args([
                "rustc",
                "--quiet",
                "--lib",
                "--profile",
                "check",
                "--manifest-path",
            ])
            .arg(dir.join("Cargo.toml"))
            .args(["--", "-Z", "time-passes"])
            .env(
                "CARGO_TARGET_DIR",
                repo_root().join(format!("target/docmodel-expand-target{opt}")),
            )
            .env("CARGO_INCREMENTAL", "0")
            .env("RUSTC_BOOTSTRAP", "1")
            .output()
            .expect("cargo runs");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(
            output.status.success(),
            "cargo rustc {}: {stderr}",
            dir.display()
        );
        stderr
    }
}
