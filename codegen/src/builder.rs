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

use crate::config::{Config, ConfigError};
use crate::diagnostics::Severity;
use crate::pages::LoadError;
use crate::{Generated, generate, output};

/// Settings for generating models from a build script.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    specs: Vec<PathBuf>,
    out_file: Option<PathBuf>,
    config: Option<PathBuf>,
}

/// Why a build script could not generate the models.
pub enum BuildError {
    /// The configuration file cannot be used.
    Config(ConfigError),
    /// A page or folder could not be read.
    Load(LoadError),
    /// The output file could not be written.
    Write(PathBuf, std::io::Error),
    /// `OUT_DIR` is not set: not running under cargo, and no `out_file` given.
    NoOutDir,
    /// The pages have errors; they were printed in full on standard error.
    Specs {
        /// How many errors.
        errors: usize,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Config(error) => write!(f, "{error}"),
            BuildError::Load(error) => write!(f, "{error}"),
            BuildError::Write(path, error) => {
                write!(f, "cannot write `{}`: {error}", path.display())
            }
            BuildError::NoOutDir => {
                f.write_str("OUT_DIR is not set: run from a build script, or set `out_file`")
            }
            BuildError::Specs { errors } => {
                write!(f, "{errors} error(s) in the docs pages (shown above)")
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

impl std::error::Error for BuildError {}

impl Builder {
    /// A builder with no pages yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a page, or a folder searched recursively for `*.md`; relative paths
    /// are relative to the package (a build script's working directory).
    pub fn specs(mut self, path: impl AsRef<Path>) -> Self {
        self.specs.push(path.as_ref().to_path_buf());
        self
    }

    /// Writes the code here instead of `$OUT_DIR/models.rs`.
    pub fn out_file(mut self, path: impl AsRef<Path>) -> Self {
        self.out_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Reads settings from this `docmodel.yaml` instead of the one found
    /// beside the specs ([`Config::discover`]).
    pub fn config(mut self, file: impl AsRef<Path>) -> Self {
        self.config = Some(file.as_ref().to_path_buf());
        self
    }

    /// The configuration: the given file, or the one beside the specs, or the defaults.
    pub fn load_config(&self) -> Result<Config, ConfigError> {
        match &self.config {
            Some(file) => Config::from_file(file),
            None => Config::discover(&self.specs),
        }
    }

    /// Reads the pages and generates the code, printing nothing.
    pub fn generate(&self) -> Result<Generated, BuildError> {
        let config = self.load_config().map_err(BuildError::Config)?;
        generate(&self.specs, &config).map_err(BuildError::Load)
    }

    /// Runs as a build script: tells cargo which files to watch, writes the
    /// code (only when it changed), turns warnings into `cargo:warning` lines
    /// and errors into a failed build with the full diagnostics on stderr.
    pub fn build_script(&self) -> Result<(), BuildError> {
        for path in self.specs.iter().chain(&self.config) {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        let generated = self.generate()?;
        let loaded = &generated.loaded;
        for page in loaded.page_paths() {
            println!("cargo:rerun-if-changed={page}");
        }
        for warning in loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
        {
            println!("cargo:warning={warning}");
        }
        if loaded.has_errors() {
            eprint!("{}", loaded.render_diagnostics(Severity::Warning, false));
            return Err(BuildError::Specs {
                errors: loaded.count(Severity::Error),
            });
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
