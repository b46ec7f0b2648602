//! The `docmodel` command line: a thin shell over the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use docmodel_codegen::diagnostics::Severity;
use docmodel_codegen::{Loaded, load};

/// Exit code for spec errors.
const EXIT_SPEC_ERRORS: u8 = 1;
/// Exit code for usage and I/O failures.
const EXIT_IO: u8 = 2;

/// Read SDK model docs (Markdown) and generate typed models.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Examples:\n  docmodel ir specs/ -o ir.yaml\n  docmodel generate specs/ -o src/models.rs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the intermediate representation of the pages as YAML.
    Ir(Run),
    /// Generate Rust models from the pages.
    Generate(Run),
}

/// What every command reads, where it writes, and how much it says.
#[derive(clap::Args)]
struct Run {
    /// Page files, or folders searched recursively for `*.md`.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write to this file (only if its content changes) instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Also show notes (such as each skipped non-model page).
    #[arg(short, long)]
    verbose: bool,
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
    match cli.command {
        Command::Ir(run) => ir(run),
        Command::Generate(run) => generate(run),
    }
}

/// `docmodel generate`: read, report, write the code.
fn generate(run: Run) -> ExitCode {
    let generated = match docmodel_codegen::generate(&run.paths) {
        Ok(generated) => generated,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_IO);
        }
    };
    report(&generated.loaded, run.verbose);
    if generated.loaded.has_errors() {
        return ExitCode::from(EXIT_SPEC_ERRORS);
    }
    write_output(run.output, &generated.code)
}

/// `docmodel ir`: read, report, print the YAML.
fn ir(run: Run) -> ExitCode {
    let loaded = match load(&run.paths) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_IO);
        }
    };
    report(&loaded, run.verbose);
    if loaded.has_errors() {
        return ExitCode::from(EXIT_SPEC_ERRORS);
    }
    let yaml = match loaded.ir.to_yaml() {
        Ok(yaml) => yaml,
        Err(error) => {
            eprintln!("error: cannot write the IR as YAML: {error}");
            return ExitCode::from(EXIT_IO);
        }
    };
    write_output(run.output, &yaml)
}

/// Writes `content` to the file (atomically, only if it changed), or to standard output.
fn write_output(output: Option<PathBuf>, content: &str) -> ExitCode {
    let written = match output {
        Some(path) => docmodel_codegen::output::write_if_changed(&path, content)
            .map(drop)
            .map_err(|e| format!("{}: {e}", path.display())),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(content.as_bytes())
                .map_err(|e| e.to_string())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the output: {error}");
            ExitCode::from(EXIT_IO)
        }
    }
}

/// Prints the diagnostics and a one-line summary to standard error.
fn report(loaded: &Loaded, verbose: bool) {
    let min = if verbose {
        Severity::Note
    } else {
        Severity::Warning
    };
    let color = std::io::stderr().is_terminal();
    eprint!("{}", loaded.render_diagnostics(min, color));
    let notes = loaded.count(Severity::Note);
    let hidden = if verbose || notes == 0 {
        String::new()
    } else {
        " (-v shows the notes)".to_string()
    };
    eprintln!(
        "{} page(s) read: {} models, {} enums; {} errors, {} warnings, {notes} notes{hidden}",
        loaded.pages_read,
        loaded.ir.models.len(),
        loaded.ir.enums.len(),
        loaded.count(Severity::Error),
        loaded.count(Severity::Warning),
    );
}
