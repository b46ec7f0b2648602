//! The build-script front end, in the manner of prost-build and bindgen:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), docmodel_codegen::BuildError> {
//!     docmodel_codegen::Builder::new().specs("specs").build_script()
//! }
//! ```
//! and in `src/lib.rs`: `include!(concat!(env!("OUT_DIR"), "/models.rs"));`

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostics::Severity;
use crate::ir::Ir;
use crate::pipeline::{Failure, Generated, generate};
use crate::settings::{PathOverride, Required, Settings, UnknownFields, WireCase};
use crate::{output, pipeline};

/// Settings for generating models from a build script: the [`Settings`] of
/// the run, and where the code goes.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    settings: Settings,
    out_file: Option<PathBuf>,
}

/// Why a build script could not generate the models.
#[non_exhaustive]
pub enum BuildError {
    /// No code: the configuration, an input or the docs failed (the docs'
    /// errors were printed in full on standard error).
    Generate(Failure),
    /// The output file could not be written.
    Write(PathBuf, std::io::Error),
    /// `OUT_DIR` is not set: not running under cargo, and no `out_file` given.
    NoOutDir,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Generate(Failure::Docs(report)) => write!(
                f,
                "{} error(s) in the docs pages (shown above)",
                report.count(Severity::Error)
            ),
            BuildError::Generate(failure) => failure.fmt(f),
            BuildError::Write(path, error) => {
                write!(f, "cannot write `{}`: {error}", path.display())
            }
            BuildError::NoOutDir => {
                f.write_str("OUT_DIR is not set: run from a build script, or set `out_file`")
            }
        }
    }
}

/// Shows the message, so that `fn main() -> Result<(), BuildError>` prints it readably.
impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Generate(failure) => Some(failure),
            BuildError::Write(_, error) => Some(error),
            BuildError::NoOutDir => None,
        }
    }
}

impl Builder {
    /// A builder with no pages yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder for these settings.
    pub fn with_settings(settings: Settings) -> Self {
        Builder {
            settings,
            out_file: None,
        }
    }

    /// Adds a page, a folder searched recursively for `*.md`, or an IR file
    /// (`*.yaml`); relative paths are relative to the package (a build
    /// script's working directory).
    pub fn specs(mut self, path: impl AsRef<Path>) -> Self {
        self.settings = self.settings.input(path);
        self
    }

    /// Writes the code here instead of `$OUT_DIR/models.rs`.
    pub fn out_file(mut self, path: impl AsRef<Path>) -> Self {
        self.out_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Reads settings from this `docmodel.yaml` instead of the one found
    /// beside the specs.
    pub fn config(mut self, file: impl AsRef<Path>) -> Self {
        self.settings = self.settings.config_file(file);
        self
    }

    /// Derives wire names with `case` ([`Settings::wire_case`]).
    pub fn wire_case(mut self, case: WireCase) -> Self {
        self.settings = self.settings.wire_case(case);
        self
    }

    /// Makes every warning an error ([`Settings::strict`]).
    pub fn strict(mut self, strict: bool) -> Self {
        self.settings = self.settings.strict(strict);
        self
    }

    /// What structs do with keys their pages do not list
    /// ([`Settings::unknown_fields`]).
    pub fn unknown_fields(mut self, unknown: UnknownFields) -> Self {
        self.settings = self.settings.unknown_fields(unknown);
        self
    }

    /// Whether required properties are required in the types
    /// ([`Settings::required`]).
    pub fn required(mut self, required: Required) -> Self {
        self.settings = self.settings.required(required);
        self
    }

    /// Adds a root: only the roots and what they reach are emitted
    /// ([`Settings::root`]).
    pub fn root(mut self, name: impl Into<String>) -> Self {
        self.settings = self.settings.root(name);
        self
    }

    /// Adds settings for the pages under one path ([`Settings::path_override`]).
    pub fn path_override(mut self, entry: PathOverride) -> Self {
        self.settings = self.settings.path_override(entry);
        self
    }

    /// Keeps the code cache in this file instead of `OUT_DIR`
    /// (see [`Settings::cache_file`]).
    pub fn cache_file(mut self, file: impl AsRef<Path>) -> Self {
        self.settings = self.settings.cache_file(file);
        self
    }

    /// The settings this builder runs with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Reads the inputs and generates the code, printing nothing.
    pub fn generate(&self) -> Result<Generated, BuildError> {
        generate(&self.settings).map_err(BuildError::Generate)
    }

    /// [`Builder::generate`], through a cache in `OUT_DIR` unless the
    /// settings name one: a build after a change of the docs formats only
    /// the models that changed.
    fn generate_cached(&self) -> Result<Generated, BuildError> {
        let out_dir = std::env::var_os("OUT_DIR").map(PathBuf::from);
        match (self.settings.given_cache_file(), out_dir) {
            (None, Some(dir)) => {
                let settings = self
                    .settings
                    .clone()
                    .cache_file(dir.join("docmodel-cache.json"));
                generate(&settings).map_err(BuildError::Generate)
            }
            _ => self.generate(),
        }
    }

    /// Reads the inputs into the IR, printing nothing.
    pub fn read_ir(&self) -> Result<Ir, BuildError> {
        pipeline::read_ir(&self.settings)
            .map(|loaded| loaded.ir)
            .map_err(BuildError::Generate)
    }

    /// Runs as a build script: tells cargo which files to watch, writes the
    /// code (only when it changed), turns warnings into `cargo:warning` lines
    /// and errors into a failed build with the full diagnostics on stderr.
    pub fn build_script(&self) -> Result<(), BuildError> {
        let settings = &self.settings;
        for path in settings
            .inputs()
            .iter()
            .map(PathBuf::as_path)
            .chain(settings.given_config_file())
        {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        let generated = match self.generate_cached() {
            Ok(generated) => generated,
            Err(BuildError::Generate(Failure::Docs(report))) => {
                watch(&report);
                eprint!("{}", report.render(Severity::Warning, false));
                return Err(BuildError::Generate(Failure::Docs(report)));
            }
            Err(other) => return Err(other),
        };
        watch(&generated.report);
        for warning in generated
            .report
            .diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Warning)
        {
            println!("cargo:warning={warning}");
        }
        let out_file = match &self.out_file {
            Some(path) => path.clone(),
            None => PathBuf::from(std::env::var_os("OUT_DIR").ok_or(BuildError::NoOutDir)?)
                .join("models.rs"),
        };
        output::write_if_changed(&out_file, &generated.code)
            .map_err(|e| BuildError::Write(out_file, e))?;
        Ok(())
    }
}

/// Tells cargo to rerun the build script when a file read (or the
/// configuration file found) changes.
fn watch(report: &pipeline::Report) {
    for file in report.files_read() {
        println!("cargo:rerun-if-changed={file}");
    }
    if let Some(config) = report.config_file() {
        println!("cargo:rerun-if-changed={}", config.display());
    }
}
