//! The configuration file, `docmodel.yaml`: what the pages cannot tell about
//! themselves. The CLI (`--config`), the builder ([`crate::Builder::config`])
//! and the macro (`config = "…"`) all read it through [`Config::from_file`],
//! or find it beside the specs with [`Config::discover`].
//!
//! ```yaml
//! wire_case: camelCase        # how field names become wire names
//! overrides:                  # per file or folder, relative to this file
//!   - path: legacy/
//!     dialect: python_prior
//!     wire_case: snake_case
//! ```
//!
//! Unknown keys are errors with their line. The file is read with limits (size,
//! nodes, aliases, depth), so a YAML bomb is rejected instead of exhausting memory.

use std::fmt;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use crate::ir::Dialect;

/// The file name [`Config::discover`] looks for.
pub const FILE_NAME: &str = "docmodel.yaml";

/// The largest configuration file read; a real one is a few hundred bytes.
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// How a language field name becomes a JSON wire name: the name is split into
/// words the way its dialect writes them, and the words joined this way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum WireCase {
    /// The name as written is the wire name (reserved-word escapes undone).
    #[serde(rename = "as_written")]
    AsWritten,
    /// `lowerCamelCase`.
    #[serde(rename = "camelCase")]
    Camel,
    /// `snake_case`.
    #[serde(rename = "snake_case")]
    Snake,
    /// `PascalCase`.
    #[serde(rename = "PascalCase")]
    Pascal,
    /// `kebab-case`.
    #[serde(rename = "kebab-case")]
    Kebab,
}

impl WireCase {
    /// The default for a dialect family, chosen by how its field names relate
    /// to typical wire names:
    /// - Java, Kotlin, JavaScript, TypeScript, Swift, Dart and Genesys Java keep
    ///   the JSON name when it is a valid identifier, and R writes it as it is:
    ///   `as_written`.
    /// - C#, Go, PowerShell and Genesys .NET PascalCase every name, and APIs are
    ///   mostly camelCase: `camelCase`.
    /// - Python, Ruby, PHP and Rust snake_case every name; the page cannot
    ///   say what the API uses, so the names are taken as written
    ///   (`snake_case`). Set `wire_case: camelCase` for a camelCase API.
    pub fn default_for(dialect: Dialect) -> WireCase {
        match dialect {
            Dialect::GenesysJava
            | Dialect::Java
            | Dialect::Kotlin
            | Dialect::Javascript
            | Dialect::Typescript
            | Dialect::Swift
            | Dialect::Dart
            | Dialect::R => WireCase::AsWritten,
            Dialect::GenesysDotnet | Dialect::Csharp | Dialect::Go | Dialect::Powershell => {
                WireCase::Camel
            }
            Dialect::Python
            | Dialect::PythonPrior
            | Dialect::Ruby
            | Dialect::Php
            | Dialect::Rust => WireCase::Snake,
        }
    }
}

/// Settings for the pages under one path.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// A page or a folder, relative to the configuration file.
    pub path: PathBuf,
    /// The dialect of these pages, instead of detecting it per page.
    #[serde(default)]
    pub dialect: Option<Dialect>,
    /// The wire case of these pages, instead of the file's `wire_case`.
    #[serde(default)]
    pub wire_case: Option<WireCase>,
}

/// What the configuration says about one page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageSettings {
    /// The dialect to read the page in; `None`: detect it.
    pub dialect: Option<Dialect>,
    /// The wire case; `None`: the dialect's default.
    pub wire_case: Option<WireCase>,
}

/// A configuration: the defaults, or a `docmodel.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// How field names become wire names; `None`: each dialect's default.
    #[serde(default)]
    pub wire_case: Option<WireCase>,
    /// Per-path settings, in file order; the last matching one wins.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// The folder override paths are relative to (the file's folder).
    #[serde(skip)]
    pub base: PathBuf,
    /// The file this configuration was read from, if any.
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

/// A configuration file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub file: PathBuf,
    /// The 1-based line of the problem, when known.
    pub line: Option<u32>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(
            f,
            ": {}\n  = help: see the `docmodel.yaml` section of the README for the keys",
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads a configuration file.
    pub fn from_file(file: &Path) -> Result<Config, ConfigError> {
        let error = |message: String| ConfigError {
            file: file.to_path_buf(),
            line: None,
            message,
        };
        let size = std::fs::metadata(file)
            .map_err(|e| error(format!("cannot read it: {e}")))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(error(too_large(size)));
        }
        let text =
            std::fs::read_to_string(file).map_err(|e| error(format!("cannot read it: {e}")))?;
        let mut config = Config::from_yaml(&text, file)?;
        config.base = file.parent().map(Path::to_path_buf).unwrap_or_default();
        config.file = Some(file.to_path_buf());
        Ok(config)
    }

    /// Parses configuration text; `file` names it in errors.
    pub fn from_yaml(text: &str, file: &Path) -> Result<Config, ConfigError> {
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(ConfigError {
                file: file.to_path_buf(),
                line: None,
                message: too_large(text.len() as u64),
            });
        }
        let options = serde_saphyr::options! {
            budget: serde_saphyr::budget! {
                max_nodes: 10_000,
                max_events: 20_000,
                max_aliases: 64,
                max_anchors: 64,
                max_depth: 16,
                max_total_scalar_bytes: MAX_FILE_BYTES as usize,
            },
        };
        serde_saphyr::from_str_with_options::<Option<Config>>(text, options)
            .map(Option::unwrap_or_default)
            .map_err(|e| ConfigError {
                file: file.to_path_buf(),
                line: e
                    .location()
                    .map(|l| u32::try_from(l.line()).unwrap_or(u32::MAX))
                    .filter(|&l| l > 0),
                message: without_position(&e.without_snippet().to_string()),
            })
    }

    /// The `docmodel.yaml` in the first of `paths` that is a folder holding
    /// one (or beside the first file that has one), else the defaults.
    pub fn discover(paths: &[impl AsRef<Path>]) -> Result<Config, ConfigError> {
        for path in paths {
            let path = path.as_ref();
            let folder = if path.is_dir() {
                Some(path)
            } else {
                path.parent()
            };
            let candidate = folder.map(|f| f.join(FILE_NAME));
            if let Some(candidate) = candidate.filter(|c| c.is_file()) {
                return Config::from_file(&candidate);
            }
        }
        Ok(Config::default())
    }

    /// The settings for the page at `page` (a path as given to the reader).
    pub fn settings_for(&self, page: &str) -> PageSettings {
        let page = normalize(Path::new(page));
        let mut settings = PageSettings {
            dialect: None,
            wire_case: self.wire_case,
        };
        for entry in &self.overrides {
            if page.starts_with(normalize(&self.base.join(&entry.path))) {
                settings.dialect = entry.dialect.or(settings.dialect);
                settings.wire_case = entry.wire_case.or(settings.wire_case);
            }
        }
        settings
    }
}

/// Why a file of `size` bytes is refused.
fn too_large(size: u64) -> String {
    format!("it has {size} bytes, more than the {MAX_FILE_BYTES} a configuration may have")
}

/// A parser message without its position (`line N column M: `, ` at line
/// N, column M`): the error prints the line itself.
fn without_position(message: &str) -> String {
    let rest = message.strip_prefix("error: ").unwrap_or(message).trim();
    let rest = match rest.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
        Some((_, text)) => text,
        None => rest,
    };
    rest.rsplit_once(" at line ")
        .map_or(rest, |(text, _)| text)
        .to_string()
}

/// `path` without `.` components and with `..` applied where it can be.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_yaml(text, Path::new("docmodel.yaml"))
    }

    #[test]
    fn reads_every_key() {
        let config = parse(
            "wire_case: camelCase\noverrides:\n  - path: legacy/\n    dialect: python_prior\n    wire_case: snake_case\n",
        )
        .unwrap();
        assert_eq!(config.wire_case, Some(WireCase::Camel));
        assert_eq!(config.overrides[0].dialect, Some(Dialect::PythonPrior));
        let base = Config {
            base: PathBuf::from("specs"),
            ..config
        };
        let legacy = base.settings_for("specs/./legacy/Pet.md");
        assert_eq!(legacy.dialect, Some(Dialect::PythonPrior));
        assert_eq!(legacy.wire_case, Some(WireCase::Snake));
        let other = base.settings_for("specs/Pet.md");
        assert_eq!(
            (other.dialect, other.wire_case),
            (None, Some(WireCase::Camel))
        );
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn unknown_keys_and_values_name_their_line() {
        let error = parse("wire_case: camelCase\nwire_cas: snake_case\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("wire_cas"), "{error}");
        let error = parse("overrides:\n  - path: a\n    dialect: cobol\n").unwrap_err();
        assert_eq!(error.line, Some(3));
    }

    #[test]
    fn bombs_and_huge_files_are_rejected() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            bomb.push_str(&format!(
                "l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        assert!(parse(&bomb).is_err());
        let huge = format!("wire_case: camelCase\n#{}\n", "x".repeat(200_000));
        let error = parse(&huge).unwrap_err();
        assert!(error.message.contains("bytes"), "{error}");
    }
}
