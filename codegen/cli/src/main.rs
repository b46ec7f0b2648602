//! The `docmodel` command line: a thin shell over the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use docmodel_codegen::diagnostics::Severity;
use docmodel_codegen::ir::{Ir, WireNameRule};
use docmodel_codegen::{
    Compared, Failure, FolderDialect, Generated, Loaded, Report, Required, Settings, UnknownFields,
    WireCase,
};
use indicatif::ProgressBar;

/// Exit code for spec errors, and for `--check` drift.
const EXIT_FAILED: u8 = 1;
/// Exit code for usage and I/O failures.
const EXIT_IO: u8 = 2;
/// Exit code for a bug in docmodel.
const EXIT_INTERNAL: u8 = 3;

/// Read SDK model docs (Markdown) and generate typed Rust models.
#[derive(Parser)]
#[command(
    name = "docmodel",
    version,
    about,
    after_help = "Examples:\n  docmodel generate specs/ -o src/models.rs\n  docmodel generate specs/ -o src/models.rs --check   # in CI: fail if out of date\n  docmodel check specs/ --derived   # list wire names a rule derived\n  docmodel generate docs/ --config docmodel.yaml -o src/models.rs\n  docmodel ir specs/ -o ir.yaml\n  docmodel diff old-specs/ specs/ --fail-on breaking   # what changed, and what it breaks\n  docmodel generate ir.yaml -o src/models.rs   # from an IR, edited or made by another tool"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate Rust models from the pages (or from an IR file).
    Generate {
        #[command(flatten)]
        input: Input,
        /// Write the code to this file (only if its content changes) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write nothing; exit 1 if the output file is missing or differs.
        #[arg(long, requires = "output")]
        check: bool,
        /// Keep each model's formatted code in this file between runs, so
        /// that a run after a change of the docs formats only what changed
        /// (the code is the same byte for byte).
        #[arg(long, value_name = "FILE")]
        cache: Option<PathBuf>,
    },
    /// Read, resolve and generate, print the diagnostics and a summary; write nothing.
    Check {
        #[command(flatten)]
        input: Input,
        /// Also list every property whose wire name was derived from a field
        /// name by `wire_case` (the docs cannot confirm those).
        #[arg(long)]
        derived: bool,
        /// Also print what the roots (`--root`, or the settings file's
        /// `roots`) reach: how many models and enums the code holds.
        #[arg(long = "roots")]
        show_roots: bool,
    },
    /// Compare two versions of the docs: what changed in each model, and
    /// what it breaks for code using the generated types and for JSON.
    Diff {
        /// The old docs: a page, a folder or an IR file.
        old: PathBuf,
        /// The new docs: a page, a folder or an IR file.
        new: PathBuf,
        #[command(flatten)]
        options: Options,
        /// Settings file for the old docs; default: `--config`, else the
        /// `docmodel.yaml` found beside the old docs.
        #[arg(long, value_name = "FILE")]
        old_config: Option<PathBuf>,
        /// human (rustc-style) or json (stable keys: see the README).
        #[arg(long, value_name = "FORMAT", default_value = "human")]
        format: DiffFormat,
        /// Exit 1 when a change of this class exists: breaking (the Rust
        /// API), wire (JSON the old types read) or any.
        #[arg(long, value_name = "CLASS")]
        fail_on: Option<FailOn>,
    },
    /// Print the intermediate representation of the pages as YAML.
    Ir {
        #[command(flatten)]
        input: Input,
        /// Write the YAML to this file (only if its content changes) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// How `docmodel diff` prints.
#[derive(Clone, Copy, clap::ValueEnum)]
enum DiffFormat {
    /// rustc-style lines, a count by kind and the version bump.
    Human,
    /// One JSON document.
    Json,
}

/// Which changes make `docmodel diff` exit 1.
#[derive(Clone, Copy, clap::ValueEnum)]
enum FailOn {
    /// A change that breaks the Rust API (a major version).
    Breaking,
    /// A change that breaks JSON the old types read.
    Wire,
    /// Any change.
    Any,
}

/// The pages to read, and how much to say about them.
#[derive(clap::Args)]
struct Input {
    /// Page files, folders searched recursively for `*.md`, or one IR file (`*.yaml`).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    options: Options,
}

/// How to read the pages, and how much to say about them.
#[derive(clap::Args)]
struct Options {
    /// Also show notes (such as each skipped non-model page).
    #[arg(short, long, conflicts_with = "quiet")]
    verbose: bool,
    /// Show errors only: no warnings, no summary, no progress.
    #[arg(short, long)]
    quiet: bool,
    /// Settings file; default: `docmodel.yaml` beside the first page folder that has one.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// How field names become wire names, over the settings file's `wire_case`:
    /// as_written, camelCase, snake_case, PascalCase or kebab-case.
    #[arg(long, value_name = "CASE")]
    wire_case: Option<WireCase>,
    /// Treat every warning as an error (the settings file's `strict: true`).
    #[arg(long)]
    strict: bool,
    /// What structs do with JSON keys their pages do not list, over the
    /// settings file's `unknown_fields`: ignore, keep or deny.
    #[arg(long, value_name = "WHAT")]
    unknown_fields: Option<UnknownFields>,
    /// Whether required properties are required in the types, over the
    /// settings file's `required`: strict or lenient.
    #[arg(long, value_name = "HOW")]
    required: Option<Required>,
    /// Emit only this model or enum (by its name in the docs) and what it
    /// reaches; repeatable; replaces the settings file's `roots`.
    #[arg(long = "root", value_name = "NAME", id = "root")]
    roots: Vec<String>,
}

impl Input {
    /// The settings these flags say: the same value the builder and the macro build.
    fn settings(&self) -> Settings {
        self.options.settings(&self.paths)
    }
}

impl Options {
    /// The settings these flags say for `paths`.
    fn settings(&self, paths: &[PathBuf]) -> Settings {
        let mut settings = paths
            .iter()
            .fold(Settings::new(), |settings, path| settings.input(path));
        if let Some(file) = &self.config {
            settings = settings.config_file(file);
        }
        if let Some(case) = self.wire_case {
            settings = settings.wire_case(case);
        }
        if self.strict {
            settings = settings.strict(true);
        }
        if let Some(unknown) = self.unknown_fields {
            settings = settings.unknown_fields(unknown);
        }
        if let Some(required) = self.required {
            settings = settings.required(required);
        }
        self.roots
            .iter()
            .fold(settings, |settings, root| settings.root(root))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(EXIT_IO)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Generate {
            input,
            output,
            check,
            cache,
        } => generated(&input, cache.as_deref()).and_then(|g| match (output, check) {
            (Some(path), true) => check_file(&path, &g.code),
            (output, _) => write_output(output.as_deref(), &g.code, g.report.files_read()),
        }),
        Command::Check {
            input,
            derived,
            show_roots,
        } => checked(&input).map(|g| {
            print!("{}", folder_dialects(g.report.folder_dialects()));
            if derived {
                print!("{}", derived_wire_names(&g.ir));
            }
            if show_roots {
                println!("{}", closure_size(&g.report, &g.ir));
            }
            ExitCode::SUCCESS
        }),
        Command::Diff {
            old,
            new,
            options,
            old_config,
            format,
            fail_on,
        } => compared(&old, &new, &options, old_config.as_deref()).map(|compared| {
            let diff = &compared.diff;
            match format {
                DiffFormat::Human => print!("{}", diff.render()),
                DiffFormat::Json => print!("{}", diff.to_json()),
            }
            let failing = match fail_on {
                None => false,
                Some(FailOn::Breaking) => diff.changes.iter().any(|c| c.breaks_rust()),
                Some(FailOn::Wire) => diff.changes.iter().any(|c| c.breaks_wire()),
                Some(FailOn::Any) => !diff.changes.is_empty(),
            };
            if failing {
                ExitCode::from(EXIT_FAILED)
            } else {
                ExitCode::SUCCESS
            }
        }),
        Command::Ir { input, output } => loaded(&input).and_then(|loaded| {
            let yaml = loaded
                .ir
                .to_yaml()
                .map_err(|e| fail(EXIT_INTERNAL, format!("cannot write the IR as YAML: {e}")))?;
            write_output(output.as_deref(), &yaml, loaded.report.files_read())
        }),
    };
    result.unwrap_or_else(|code| code)
}

/// Prints `message` as an error and gives the exit code to end with.
fn fail(code: u8, message: String) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(code)
}

/// Reads the inputs and generates the code (through the cache file, if
/// any), reporting; `Err` on errors.
fn generated(input: &Input, cache: Option<&Path>) -> Result<Generated, ExitCode> {
    let settings = input.settings();
    run(
        input,
        match cache {
            Some(file) => settings.cache_file(file),
            None => settings,
        },
        "reading pages and generating models",
        docmodel_codegen::generate,
    )
}

/// Reads the inputs and finds what generating would, without formatting
/// the code, reporting; `Err` on errors.
fn checked(input: &Input) -> Result<Loaded, ExitCode> {
    run(
        input,
        input.settings(),
        "reading pages and checking the models",
        docmodel_codegen::check,
    )
}

/// Reads the inputs into the IR, reporting; `Err` on errors.
fn loaded(input: &Input) -> Result<Loaded, ExitCode> {
    run(
        input,
        input.settings(),
        "reading pages",
        docmodel_codegen::read_ir,
    )
}

/// Reads both versions of the docs and compares them, reporting what
/// reading each found; `Err` on errors. The old docs take `old_config`,
/// else the options' configuration.
fn compared(
    old: &Path,
    new: &Path,
    options: &Options,
    old_config: Option<&Path>,
) -> Result<Compared, ExitCode> {
    let new_settings = options.settings(&[new.to_path_buf()]);
    let old_settings = options.settings(&[old.to_path_buf()]);
    let old_settings = match old_config {
        Some(file) => old_settings.config_file(file),
        None => old_settings,
    };
    let progress = progress(options, "reading both versions and comparing them");
    let outcome = docmodel_codegen::diff(&old_settings, &new_settings);
    progress.finish_and_clear();
    let compared = outcome.map_err(|failure| failed(failure, options))?;
    report(&compared.old, None, options, "old docs: ");
    report(&compared.new, None, options, "new docs: ");
    Ok(compared)
}

/// What a library call that succeeded has to report.
trait Outcome {
    /// Its diagnostics and the IR it read.
    fn report_and_ir(&self) -> (&Report, &Ir);
}

impl Outcome for Generated {
    fn report_and_ir(&self) -> (&Report, &Ir) {
        (&self.report, &self.ir)
    }
}

impl Outcome for Loaded {
    fn report_and_ir(&self) -> (&Report, &Ir) {
        (&self.report, &self.ir)
    }
}

/// Runs one library call on `settings` (those of `input`) behind a spinner
/// that says `doing`, and reports what it found; a failure is reported and
/// becomes its exit code.
fn run<T: Outcome>(
    input: &Input,
    settings: Settings,
    doing: &'static str,
    call: fn(&Settings) -> Result<T, Failure>,
) -> Result<T, ExitCode> {
    let options = &input.options;
    let progress = progress(options, doing);
    let outcome = call(&settings);
    progress.finish_and_clear();
    let outcome = outcome.map_err(|failure| failed(failure, options))?;
    let (report_of_run, ir) = outcome.report_and_ir();
    report(report_of_run, Some(ir), options, "");
    Ok(outcome)
}

/// Reports a failed run and gives its exit code.
fn failed(failure: Failure, options: &Options) -> ExitCode {
    match failure {
        Failure::Docs(report_of_run) => {
            report(&report_of_run, None, options, "");
            ExitCode::from(EXIT_FAILED)
        }
        Failure::Internal(error) => fail(EXIT_INTERNAL, error.to_string()),
        other => fail(EXIT_IO, other.to_string()),
    }
}

/// One line per property whose wire name a rule derived: where, which
/// model and field, and both names.
fn derived_wire_names(ir: &Ir) -> String {
    let mut out = String::new();
    for model in &ir.models {
        for property in &model.properties {
            if property.wire_name_rule == WireNameRule::Derived {
                out.push_str(&format!(
                    "{}: {}.{}: wire name `{}` derived from `{}`\n",
                    property.source, model.name, property.name, property.wire_name, property.name
                ));
            }
        }
    }
    out
}

/// What the roots reached, or that there were none.
fn closure_size(report: &Report, ir: &Ir) -> String {
    match report.closure() {
        Some(size) => format!("roots: {size}"),
        None => format!(
            "roots: none set, so all {} models and {} enums are emitted",
            ir.models.len(),
            ir.enums.len()
        ),
    }
}

/// A spinner on a terminal, nothing otherwise (or with `--quiet`).
fn progress(options: &Options, message: &'static str) -> ProgressBar {
    if options.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::new_spinner().with_message(message);
    spinner.enable_steady_tick(Duration::from_millis(100));
    spinner
}

/// One line per folder of pages: its dialect and how sure that was.
fn folder_dialects(folders: &[FolderDialect]) -> String {
    folders
        .iter()
        .map(|f| {
            let case = f
                .shown_wire_case
                .map(|c| format!("; wire names read as `{c}`, as its pages show"))
                .unwrap_or_default();
            format!(
                "{}: {} ({} model page(s): {} with marks of it ({:.0}%), {} without marks, {} with marks of another dialect){case}\n",
                f.folder,
                f.dialect,
                f.pages,
                f.marked,
                100.0 * f.certainty(),
                f.unmarked,
                f.other
            )
        })
        .collect()
}

/// Prints the diagnostics and a one-line summary (with the IR's counts when
/// there is an IR), the summary begun with `whose` (which docs, in a diff).
fn report(report: &Report, ir: Option<&Ir>, options: &Options, whose: &str) {
    let shown = match (options.quiet, options.verbose) {
        (true, _) => Severity::Error,
        (_, true) => Severity::Note,
        _ => Severity::Warning,
    };
    let color = std::io::stderr().is_terminal();
    eprint!("{}", report.render(shown, color));
    if options.quiet {
        return;
    }
    let notes = report.count(Severity::Note);
    let hidden = if options.verbose || notes == 0 {
        ""
    } else {
        " (-v shows the notes)"
    };
    let contents = ir.map_or_else(String::new, |ir| {
        format!(": {} models, {} enums", ir.models.len(), ir.enums.len())
    });
    eprintln!(
        "{whose}{} page(s) read{contents}; {} errors, {} warnings, {notes} notes{hidden}",
        report.files_read().len(),
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
}

/// `--check`: exit 1 with a short summary when `path` is missing or differs from `code`.
fn check_file(path: &Path, code: &str) -> Result<ExitCode, ExitCode> {
    let existing = match std::fs::read_to_string(path) {
        Ok(existing) => existing,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "{} does not exist: run `docmodel generate` without --check to create it",
                path.display()
            );
            return Err(ExitCode::from(EXIT_FAILED));
        }
        Err(error) => return Err(fail(EXIT_IO, format!("{}: {error}", path.display()))),
    };
    if existing == code {
        return Ok(ExitCode::SUCCESS);
    }
    let diff = similar::TextDiff::from_lines(existing.as_str(), code);
    let (mut added, mut removed) = (0, 0);
    for change in diff.iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Insert => added += 1,
            similar::ChangeTag::Delete => removed += 1,
            similar::ChangeTag::Equal => {}
        }
    }
    let first = diff
        .ops()
        .iter()
        .find(|op| op.tag() != similar::DiffTag::Equal)
        .map_or(1, |op| op.old_range().start + 1);
    eprintln!(
        "{} is out of date: {added} line(s) added, {removed} removed, first difference at line {first}; run `docmodel generate` without --check to update it",
        path.display()
    );
    Err(ExitCode::from(EXIT_FAILED))
}

/// Writes `content` to the file (atomically, only if it changed), or to
/// standard output; never over one of the files the run read.
fn write_output(
    output: Option<&Path>,
    content: &str,
    read: &[String],
) -> Result<ExitCode, ExitCode> {
    if let Some(path) = output
        && let Ok(target) = path.canonicalize()
        && read
            .iter()
            .any(|file| Path::new(file).canonicalize().is_ok_and(|f| f == target))
    {
        return Err(fail(
            EXIT_IO,
            format!(
                "`{}` is one of the pages read: not overwritten; write the output elsewhere",
                path.display()
            ),
        ));
    }
    let written = match output {
        Some(path) => docmodel_codegen::write_if_changed(path, content)
            .map(drop)
            .map_err(|e| format!("{}: {e}", path.display())),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(content.as_bytes())
                .map_err(|e| e.to_string())
        }
    };
    written
        .map(|()| ExitCode::SUCCESS)
        .map_err(|error| fail(EXIT_IO, format!("cannot write the output: {error}")))
}
