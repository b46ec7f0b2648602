//! Settings: what to read, and what the pages cannot tell about themselves.
//!
//! One [`Settings`] value drives every run. The build script's
//! [`crate::Builder`], the macro's arguments, the CLI's flags and the
//! configuration file `docmodel.yaml` all produce it; [`crate::generate`]
//! resolves it (reading the configuration file given, or the one found beside
//! the inputs) in one place.
//!
//! ```yaml
//! wire_case: camelCase        # how field names become wire names
//! strict: true                # every warning is an error
//! unknown_fields: keep        # ignore (default) | keep | deny
//! required: lenient           # strict (default) | lenient
//! roots: [Callback, Pet]      # emit only these and what they reach (default: all)
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
use std::str::FromStr;

use serde::Deserialize;

use crate::ir::Dialect;

mod choices;

pub use choices::{Required, UnknownFields};

/// The file name looked for beside the inputs when no configuration file is given.
pub const CONFIG_FILE_NAME: &str = "docmodel.yaml";
/// The largest configuration file read; a real one is a few hundred bytes.
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// How a language field name becomes a JSON wire name: the name is split into
/// words the way its dialect writes them, and the words joined this way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[non_exhaustive]
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
    /// Every wire case with its name in `docmodel.yaml`, CLI flags and macro arguments.
    pub(crate) const NAMES: &[(WireCase, &str)] = &[
        (WireCase::AsWritten, "as_written"),
        (WireCase::Camel, "camelCase"),
        (WireCase::Snake, "snake_case"),
        (WireCase::Pascal, "PascalCase"),
        (WireCase::Kebab, "kebab-case"),
    ];

    /// The name the settings write (`camelCase`).
    pub fn name(self) -> &'static str {
        choices::name_of(Self::NAMES, self)
    }
}

impl fmt::Display for WireCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for WireCase {
    type Err = String;

    /// Reads a name as [`WireCase::name`] writes it.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        choices::by_name(Self::NAMES, text, "wire case")
    }
}

/// Settings for the pages under one path: they win over the file-wide ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathOverride {
    path: PathBuf,
    dialect: Option<Dialect>,
    wire_case: Option<WireCase>,
}

impl PathOverride {
    /// Settings for the pages at `path` (a page, or a folder and all below it).
    pub fn new(path: impl AsRef<Path>) -> Self {
        PathOverride {
            path: path.as_ref().to_path_buf(),
            dialect: None,
            wire_case: None,
        }
    }

    /// Reads these pages in `dialect` instead of detecting it.
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = Some(dialect);
        self
    }

    /// Derives these pages' wire names with `case`.
    pub fn wire_case(mut self, case: WireCase) -> Self {
        self.wire_case = Some(case);
        self
    }
}

/// What the settings say about one page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PageSettings {
    /// The dialect to read the page in; `None`: detect it.
    pub dialect: Option<Dialect>,
    /// The wire case; `None`: the dialect's default.
    pub wire_case: Option<WireCase>,
}

/// Everything one run needs: the inputs, and how to read them.
///
/// ```
/// use docmodel_codegen::{Settings, WireCase};
/// let settings = Settings::new().input("specs").wire_case(WireCase::Camel);
/// assert_eq!(settings.inputs().len(), 1);
/// ```
///
/// Values set here win over those of the configuration file; the file's
/// overrides come before the ones added here, and the last that matches a
/// page wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    inputs: Vec<PathBuf>,
    config_file: Option<PathBuf>,
    wire_case: Option<WireCase>,
    strict: Option<bool>,
    unknown_fields: Option<UnknownFields>,
    required: Option<Required>,
    roots: Option<Vec<String>>,
    overrides: Vec<PathOverride>,
    cache_file: Option<PathBuf>,
}

impl Settings {
    /// Settings with no inputs and every default.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an input: a page, a folder searched recursively for `*.md`, or an
    /// IR file (`*.yaml`, as `docmodel ir` writes it) to generate from.
    pub fn input(mut self, path: impl AsRef<Path>) -> Self {
        self.inputs.push(path.as_ref().to_path_buf());
        self
    }

    /// Reads this configuration file instead of looking for a
    /// `docmodel.yaml` beside the inputs.
    pub fn config_file(mut self, file: impl AsRef<Path>) -> Self {
        self.config_file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Derives every page's wire names with `case` (a page override still wins).
    pub fn wire_case(mut self, case: WireCase) -> Self {
        self.wire_case = Some(case);
        self
    }

    /// With `true`, every warning is an error: the run fails on anything the
    /// docs did not say plainly (the configuration file's `strict: true`).
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = Some(strict);
        self
    }

    /// What the structs do with JSON keys their pages do not list (the
    /// configuration file's `unknown_fields`; default: ignore them).
    pub fn unknown_fields(mut self, unknown: UnknownFields) -> Self {
        self.unknown_fields = Some(unknown);
        self
    }

    /// Whether required properties are required in the types (the
    /// configuration file's `required`; default: strict).
    pub fn required(mut self, required: Required) -> Self {
        self.required = Some(required);
        self
    }

    /// Adds a root: a model or enum (by its name in the docs) that the code
    /// must hold. With roots, only they and every model and enum they reach
    /// are emitted; without, everything is (the configuration file's
    /// `roots`, which roots set here replace).
    pub fn root(mut self, name: impl Into<String>) -> Self {
        self.roots.get_or_insert_with(Vec::new).push(name.into());
        self
    }

    /// Adds settings for the pages under one path.
    pub fn path_override(mut self, entry: PathOverride) -> Self {
        self.overrides.push(entry);
        self
    }

    /// Keeps the formatted code of every model and enum in this file
    /// between runs of [`crate::generate`], so that a run after a change of
    /// the docs emits and formats only what changed (the output is the same
    /// byte for byte). A missing or unreadable file is a cold run; the file
    /// is written anew after every successful run.
    pub fn cache_file(mut self, file: impl AsRef<Path>) -> Self {
        self.cache_file = Some(file.as_ref().to_path_buf());
        self
    }

    /// The cache file given, if any.
    pub fn given_cache_file(&self) -> Option<&Path> {
        self.cache_file.as_deref()
    }

    /// The inputs, in the order given.
    pub fn inputs(&self) -> &[PathBuf] {
        &self.inputs
    }

    /// The configuration file given, if any.
    pub fn given_config_file(&self) -> Option<&Path> {
        self.config_file.as_deref()
    }

    /// These settings completed by the configuration file: the one given, or
    /// `docmodel.yaml` in the first input folder that holds one (or beside
    /// the first input file that has one). Values set here win.
    pub(crate) fn resolved(&self) -> Result<Resolved, SettingsError> {
        let file = match &self.config_file {
            Some(file) => Some(file.clone()),
            None => discover(&self.inputs),
        };
        let from_file = match &file {
            Some(file) => FileSettings::read(file)?,
            None => FileSettings::default(),
        };
        let mut overrides = from_file.overrides;
        overrides.extend(self.overrides.iter().cloned());
        Ok(Resolved {
            wire_case: self.wire_case.or(from_file.wire_case),
            strict: self.strict.or(from_file.strict).unwrap_or(false),
            shape: Shape {
                unknown_fields: self
                    .unknown_fields
                    .or(from_file.unknown_fields)
                    .unwrap_or_default(),
                required: self.required.or(from_file.required).unwrap_or_default(),
            },
            roots: self.roots.clone().or(from_file.roots).unwrap_or_default(),
            overrides,
            file,
        })
    }
}

/// Settings with their configuration file applied: what the reader uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Resolved {
    wire_case: Option<WireCase>,
    /// Whether warnings are errors.
    pub strict: bool,
    /// How the generated types treat the wire.
    pub shape: Shape,
    /// The models and enums to emit with what they reach; empty: all.
    pub roots: Vec<String>,
    overrides: Vec<PathOverride>,
    /// The configuration file read, if any.
    pub file: Option<PathBuf>,
}

impl Resolved {
    /// The wire case the page `page`, read in `dialect`, is read under.
    pub fn wire_case_of(&self, page: &str, dialect: Dialect) -> WireCase {
        self.for_page(page)
            .wire_case
            .unwrap_or(dialect.spec().wire_case)
    }

    /// The settings for the page at `page` (a path as given to the reader).
    pub fn for_page(&self, page: &str) -> PageSettings {
        let page = normalize(Path::new(page));
        let mut settings = PageSettings {
            dialect: None,
            wire_case: self.wire_case,
        };
        for entry in &self.overrides {
            if page.starts_with(normalize(&entry.path)) {
                settings.dialect = entry.dialect.or(settings.dialect);
                settings.wire_case = entry.wire_case.or(settings.wire_case);
            }
        }
        settings
    }
}

/// The settings the emitter takes: how the generated types treat the wire.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// What structs do with keys their pages do not list.
    pub unknown_fields: UnknownFields,
    /// Whether required properties are required in the types.
    pub required: Required,
}

/// The `docmodel.yaml` in the first of `paths` that is a folder holding one
/// (or beside the first file that has one).
fn discover(paths: &[PathBuf]) -> Option<PathBuf> {
    paths.iter().find_map(|path| {
        let folder = if path.is_dir() {
            Some(path.as_path())
        } else {
            path.parent()
        };
        folder
            .map(|f| f.join(CONFIG_FILE_NAME))
            .filter(|candidate| candidate.is_file())
    })
}

/// The keys of `docmodel.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    #[serde(default)]
    wire_case: Option<WireCase>,
    #[serde(default)]
    strict: Option<bool>,
    #[serde(default)]
    unknown_fields: Option<UnknownFields>,
    #[serde(default)]
    required: Option<Required>,
    #[serde(default)]
    roots: Option<Vec<String>>,
    #[serde(default)]
    overrides: Vec<PathOverride>,
}

/// One entry of `overrides:` in the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOverride {
    path: PathBuf,
    #[serde(default)]
    dialect: Option<Dialect>,
    #[serde(default)]
    wire_case: Option<WireCase>,
}

impl<'de> Deserialize<'de> for PathOverride {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entry = FileOverride::deserialize(deserializer)?;
        Ok(PathOverride {
            path: entry.path,
            dialect: entry.dialect,
            wire_case: entry.wire_case,
        })
    }
}

impl FileSettings {
    /// Reads a configuration file; override paths become relative to its folder.
    fn read(file: &Path) -> Result<FileSettings, SettingsError> {
        let error = |message: String, source: Option<std::io::Error>| SettingsError {
            file: file.to_path_buf(),
            line: None,
            message,
            source,
        };
        let size = std::fs::metadata(file)
            .map_err(|e| error(format!("cannot read it: {e}"), Some(e)))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(error(too_large(size), None));
        }
        let text = std::fs::read_to_string(file)
            .map_err(|e| error(format!("cannot read it: {e}"), Some(e)))?;
        let mut settings = FileSettings::parse(&text, file)?;
        let base = file.parent().unwrap_or(Path::new(""));
        for entry in &mut settings.overrides {
            entry.path = base.join(&entry.path);
        }
        Ok(settings)
    }

    /// Parses configuration text; `file` names it in errors.
    fn parse(text: &str, file: &Path) -> Result<FileSettings, SettingsError> {
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(SettingsError {
                file: file.to_path_buf(),
                line: None,
                message: too_large(text.len() as u64),
                source: None,
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
        serde_saphyr::from_str_with_options::<Option<FileSettings>>(text, options)
            .map(Option::unwrap_or_default)
            .map_err(|e| SettingsError {
                file: file.to_path_buf(),
                line: e
                    .location()
                    .map(|l| u32::try_from(l.line()).unwrap_or(u32::MAX))
                    .filter(|&l| l > 0),
                message: without_position(&e.without_snippet().to_string()),
                source: None,
            })
    }
}

/// A configuration file that cannot be used.
#[derive(Debug)]
pub struct SettingsError {
    file: PathBuf,
    line: Option<u32>,
    message: String,
    source: Option<std::io::Error>,
}

impl SettingsError {
    /// The configuration file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The 1-based line of the problem, when known.
    pub fn line(&self) -> Option<u32> {
        self.line
    }

    /// What is wrong, without the file and line.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for SettingsError {
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

impl std::error::Error for SettingsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as _)
    }
}

/// Why a file of `size` bytes is refused.
fn too_large(size: u64) -> String {
    format!("it has {size} bytes, more than the {MAX_FILE_BYTES} a configuration may have")
}

/// A parser message without its position (`line N column M: `, ` at line
/// N, column M`): the error prints the line itself.
pub(crate) fn without_position(message: &str) -> String {
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

    fn parse(text: &str) -> Result<FileSettings, SettingsError> {
        FileSettings::parse(text, Path::new("docmodel.yaml"))
    }

    #[test]
    fn reads_every_key() {
        let mut file = parse(
            "wire_case: camelCase\nunknown_fields: keep\nrequired: lenient\nroots: [Pet, Tag]\noverrides:\n  - path: legacy/\n    dialect: python_prior\n    wire_case: snake_case\n",
        )
        .unwrap();
        assert_eq!(file.wire_case, Some(WireCase::Camel));
        assert_eq!(
            (file.unknown_fields, file.required),
            (Some(UnknownFields::Keep), Some(Required::Lenient))
        );
        assert_eq!(file.roots, Some(vec!["Pet".to_string(), "Tag".to_string()]));
        assert!(
            parse("required: loose\n")
                .unwrap_err()
                .message()
                .contains("expected one of strict, lenient")
        );
        assert_eq!(file.overrides[0].dialect, Some(Dialect::PythonPrior));
        file.overrides[0].path = Path::new("specs").join(&file.overrides[0].path);
        let resolved = Resolved {
            wire_case: file.wire_case,
            strict: false,
            shape: Shape::default(),
            roots: Vec::new(),
            overrides: file.overrides,
            file: None,
        };
        let legacy = resolved.for_page("specs/./legacy/Pet.md");
        assert_eq!(legacy.dialect, Some(Dialect::PythonPrior));
        assert_eq!(legacy.wire_case, Some(WireCase::Snake));
        let other = resolved.for_page("specs/Pet.md");
        assert_eq!(
            (other.dialect, other.wire_case),
            (None, Some(WireCase::Camel))
        );
        let empty = parse("").unwrap();
        assert_eq!((empty.wire_case, empty.overrides.len()), (None, 0));
    }

    #[test]
    fn values_set_in_code_win_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE_NAME),
            "wire_case: snake_case\nstrict: true\nroots: [Pet]\noverrides:\n  - path: legacy\n    dialect: ruby\n",
        )
        .unwrap();
        let settings = Settings::new()
            .input(dir.path())
            .wire_case(WireCase::Kebab)
            .path_override(PathOverride::new(dir.path().join("legacy/old")).dialect(Dialect::Php));
        let resolved = settings.resolved().unwrap();
        assert_eq!(resolved.file, Some(dir.path().join(CONFIG_FILE_NAME)));
        assert!(resolved.strict, "the file's `strict`");
        assert!(!settings.clone().strict(false).resolved().unwrap().strict);
        assert_eq!(resolved.roots, ["Pet"], "the file's roots");
        let own_roots = settings
            .clone()
            .root("Tag")
            .root("Order")
            .resolved()
            .unwrap();
        assert_eq!(
            own_roots.roots,
            ["Tag", "Order"],
            "roots set in code replace the file's"
        );
        let page = |p: &str| resolved.for_page(&dir.path().join(p).display().to_string());
        assert_eq!(page("a.md").wire_case, Some(WireCase::Kebab));
        assert_eq!(page("legacy/a.md").dialect, Some(Dialect::Ruby));
        assert_eq!(page("legacy/old/a.md").dialect, Some(Dialect::Php));
    }

    #[test]
    fn wire_cases_print_and_parse_back() {
        for (case, name) in WireCase::NAMES {
            assert_eq!(case.to_string(), *name);
            assert_eq!(name.parse::<WireCase>(), Ok(*case));
        }
        assert!(
            "camel"
                .parse::<WireCase>()
                .unwrap_err()
                .contains("camelCase")
        );
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
