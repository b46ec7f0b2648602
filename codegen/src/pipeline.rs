//! The one pipeline every entry point runs: settings → inputs → read →
//! resolve → emit. The build script, the macro and the CLI call
//! [`generate`] (the CLI's `ir` command [`read_ir`]) with the [`Settings`]
//! they built, and only present the outcome: they cannot drift apart.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostics::{self, Code, Diagnostic, Severity};
use crate::diff::Diff;
use crate::ir::{Dialect, Ir};
use crate::pages::{self, InputError, Inputs, Page};
use crate::read::{FolderDialect, PageRead};
use crate::resolve::{ClosureSize, UnknownRoots};
use crate::settings::{PageSettings, Resolved, Settings, SettingsError, Shape};
use crate::{emit, parallel, read, resolve};

/// Rust models generated from the docs: only made when there are no errors.
#[derive(Debug)]
pub struct Generated {
    /// The formatted Rust source.
    pub code: String,
    /// The IR the code was generated from.
    pub ir: Ir,
    /// What was read, and the warnings and notes found on the way.
    pub report: Report,
}

/// The IR of the docs: only made when there are no errors.
#[derive(Debug)]
pub struct Loaded {
    /// The IR.
    pub ir: Ir,
    /// What was read, and the warnings and notes found on the way.
    pub report: Report,
}

/// What a run read and found: every diagnostic, the files behind them.
#[derive(Debug, Default)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
    strict: bool,
    shape: Shape,
    files: Vec<String>,
    config_file: Option<PathBuf>,
    sources: HashMap<String, String>,
    folders: Vec<FolderDialect>,
    closure: Option<ClosureSize>,
}

impl Report {
    /// Every diagnostic, by file, then line and column.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// How many diagnostics have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The dialect each folder of pages was read in, by folder (empty for
    /// an IR file).
    pub fn folder_dialects(&self) -> &[FolderDialect] {
        &self.folders
    }

    /// What the roots reached, when roots were set.
    pub fn closure(&self) -> Option<ClosureSize> {
        self.closure
    }

    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// Every file read (pages, or the IR file), sorted: what a build must
    /// watch, together with [`Report::config_file`].
    pub fn files_read(&self) -> &[String] {
        &self.files
    }

    /// The configuration file that was used, if any.
    pub fn config_file(&self) -> Option<&Path> {
        self.config_file.as_deref()
    }

    /// The diagnostics of at least `min` severity, rendered rustc-style with
    /// snippets of the files (in ANSI color if `color`).
    pub fn render(&self, min: Severity, color: bool) -> String {
        let shown: Vec<Diagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity >= min)
            .cloned()
            .collect();
        diagnostics::render(
            &shown,
            |file| self.sources.get(file).map(String::as_str),
            color,
        )
    }

    /// Adds diagnostics, keeping the order by file, line and column; under
    /// `strict` a warning is added as an error.
    fn extend(&mut self, found: Vec<Diagnostic>) {
        let strict = self.strict;
        self.diagnostics.extend(found.into_iter().map(|mut d| {
            if strict && d.severity == Severity::Warning {
                d.severity = Severity::Error;
                d.message.push_str(" (an error because `strict` is set)");
            }
            d
        }));
        self.diagnostics
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    }
}

/// Why no code (or IR) came out of a run.
#[derive(Debug)]
#[non_exhaustive]
pub enum Failure {
    /// The configuration file cannot be used.
    Settings(SettingsError),
    /// An input could not be listed or read.
    Input(InputError),
    /// The docs have errors; the report holds every diagnostic of the run.
    Docs(Box<Report>),
    /// A root names no model or enum of the docs; the report holds what
    /// the run read (the pages a caller watches for a fix) and found.
    Roots(UnknownRoots, Box<Report>),
    /// docmodel produced invalid Rust: a bug in docmodel, not in the docs.
    Internal(InternalError),
    /// The cache file ([`Settings::cache_file`]) could not be written.
    Cache(CacheError),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Settings(error) => error.fmt(f),
            Failure::Input(error) => error.fmt(f),
            Failure::Roots(error, _) => error.fmt(f),
            Failure::Docs(report) => {
                let errors = report.count(Severity::Error);
                write!(f, "{errors} error(s) in the docs")?;
                match report
                    .diagnostics
                    .iter()
                    .find(|d| d.severity == Severity::Error)
                {
                    Some(first) => write!(f, "; the first: {first}"),
                    None => Ok(()),
                }
            }
            Failure::Internal(error) => error.fmt(f),
            Failure::Cache(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Failure::Settings(error) => Some(error),
            Failure::Input(error) => Some(error),
            Failure::Roots(error, _) => Some(error),
            Failure::Internal(error) => Some(error),
            Failure::Cache(error) => Some(error),
            Failure::Docs(_) => None,
        }
    }
}

/// The cache file could not be written.
#[derive(Debug)]
pub struct CacheError {
    file: PathBuf,
    source: std::io::Error,
}

impl CacheError {
    /// The cache file.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

impl fmt::Display for CacheError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot write the cache file `{}`: {}\n  = help: make its folder writable, or give another cache file",
            self.file.display(),
            self.source
        )
    }
}

impl std::error::Error for CacheError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The emitter built tokens that are not valid Rust.
#[derive(Debug)]
pub struct InternalError {
    message: String,
}

impl fmt::Display for InternalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "internal error: docmodel generated invalid Rust ({}); this is a bug in docmodel, please report it with the docs pages that cause it",
            self.message
        )
    }
}

impl std::error::Error for InternalError {}

/// Reads the inputs of `settings` and generates formatted Rust models.
pub fn generate(settings: &Settings) -> Result<Generated, Failure> {
    let (ir, report) = load(settings)?;
    emit_checked(ir, report, settings.given_cache_file())
}

/// Reads the inputs of `settings` and finds everything [`generate`] would
/// (the emitter's diagnostics included), without formatting the code: what
/// `docmodel check` runs.
pub fn check(settings: &Settings) -> Result<Loaded, Failure> {
    let (ir, mut report) = load(settings)?;
    report.extend(emit::emit_and_check(&ir, report.shape).map_err(internal)?);
    let report = without_errors(report)?;
    Ok(Loaded { ir, report })
}

/// Reads the inputs of `settings` into the IR, without generating code.
pub fn read_ir(settings: &Settings) -> Result<Loaded, Failure> {
    let (ir, report) = load(settings)?;
    let report = without_errors(report)?;
    Ok(Loaded { ir, report })
}

/// Generates formatted Rust models from an IR built in memory (completed as
/// an IR file is: sorted, defaults checked, cycles marked).
pub fn generate_from_ir(ir: Ir) -> Result<Generated, Failure> {
    let mut found = Vec::new();
    let ir = resolve::complete(ir, &mut found);
    let mut report = Report::default();
    report.extend(found);
    emit_checked(ir, report, None)
}

/// The IR of the inputs (cut to the closure of the roots, if any) and what
/// reading them found, errors included: a run reports every problem, not the
/// first. Roots are looked up only in docs without errors.
fn load(settings: &Settings) -> Result<(Ir, Report), Failure> {
    let (ir, mut report, roots) = load_whole(settings)?;
    if roots.is_empty() || report.has_errors() {
        return Ok((ir, report));
    }
    let (ir, size) = match resolve::closure(ir, &roots) {
        Ok(closure) => closure,
        Err(unknown) => return Err(Failure::Roots(unknown, Box::new(report))),
    };
    report.closure = Some(size);
    Ok((ir, report))
}

/// The whole IR of the inputs, what reading them found, and the roots the
/// settings name (not applied).
fn load_whole(settings: &Settings) -> Result<(Ir, Report, Vec<String>), Failure> {
    let resolved = settings.resolved().map_err(Failure::Settings)?;
    let inputs = pages::inputs(settings.inputs()).map_err(Failure::Input)?;
    let mut found = Vec::new();
    let (ir, sources, folders) = match inputs {
        Inputs::Pages(files) => {
            let pages = pages::read(&files, &mut found).map_err(Failure::Input)?;
            load_pages(pages, &resolved, &mut found)
        }
        Inputs::Ir(file) => {
            let (ir, sources) = load_ir_file(&file, &mut found).map_err(Failure::Input)?;
            (ir, sources, Vec::new())
        }
    };
    let mut files: Vec<String> = sources.keys().cloned().collect();
    files.sort_unstable();
    let mut report = Report {
        diagnostics: Vec::new(),
        strict: resolved.strict,
        shape: resolved.shape,
        files,
        config_file: resolved.file,
        sources,
        folders,
        closure: None,
    };
    report.extend(found);
    Ok((ir, report, resolved.roots))
}

/// Two versions of the docs compared: what changed, and what reading each found.
#[derive(Debug)]
pub struct Compared {
    /// The changes from the old docs to the new, with what they break.
    pub diff: Diff,
    /// What reading the old docs found.
    pub old: Report,
    /// What reading the new docs found.
    pub new: Report,
}

/// Reads two versions of the docs (each with its own settings: inputs,
/// configuration file, wire case…) and compares their IRs after resolve:
/// what `docmodel diff` runs. With roots (in the new settings), only the
/// changes to what the roots reach in either version are kept; a root
/// neither version has is an error. The wire rules of the new settings
/// (unknown fields, required) classify the changes.
pub fn diff(old: &Settings, new: &Settings) -> Result<Compared, Failure> {
    // Both versions at once: each read has stretches on one core.
    let (old_loaded, new_loaded) = std::thread::scope(|scope| {
        let old_loaded = scope.spawn(|| load_whole(old));
        let new_loaded = load_whole(new);
        let old_loaded = old_loaded
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (old_loaded, new_loaded)
    });
    let (old_ir, old_report, _) = old_loaded?;
    let old_report = without_errors(old_report)?;
    let (new_ir, new_report, roots) = new_loaded?;
    let new_report = without_errors(new_report)?;
    let mut diff = crate::diff::compare(&old_ir, &new_ir, new_report.shape);
    if !roots.is_empty() {
        match resolve::reached_in_either(&old_ir, &new_ir, &roots) {
            Ok(reached) => diff.retain_types(&reached),
            Err(unknown) => return Err(Failure::Roots(unknown, Box::new(new_report))),
        }
    }
    Ok(Compared {
        diff,
        old: old_report,
        new: new_report,
    })
}

/// Reads pages already in memory, in any order (the IR does not depend on
/// it), on every core. Each folder's dialect is decided from all its pages;
/// pages without a mark of their own that were detected otherwise are then
/// read again in it. A folder whose pages show their JSON names in another
/// case than the dialect's default (and that has no `wire_case`) is read
/// again in that case.
pub(crate) fn load_pages(
    pages: Vec<Page>,
    settings: &Resolved,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Ir, HashMap<String, String>, Vec<FolderDialect>) {
    let all: Vec<usize> = (0..pages.len()).collect();
    let mut reads = read_each(&pages, &all, |i| settings.for_page(&pages[i].path));
    let mut folders = read::folder_dialects(
        pages
            .iter()
            .zip(&reads)
            .filter_map(|(page, (read, _))| read.detection.map(|d| (page.path.as_str(), d))),
    );
    let dialect_of: HashMap<&str, Dialect> = folders
        .iter()
        .map(|f| (f.folder.as_str(), f.dialect))
        .collect();
    let folder_dialect = |page: &Page| dialect_of[read::folder_of(&page.path).as_str()];
    let in_folder_dialect: Vec<bool> = reads
        .iter()
        .zip(&pages)
        .map(|((read, _), page)| {
            read.detection
                .is_some_and(|d| !d.marked && d.dialect != folder_dialect(page))
        })
        .collect();
    let settings_of = |i: usize, shown: &BTreeMap<String, read::ShownCase>| {
        let page = &pages[i];
        let base = settings.for_page(&page.path);
        PageSettings {
            dialect: if in_folder_dialect[i] {
                Some(folder_dialect(page))
            } else {
                base.dialect
            },
            wire_case: shown
                .get(&read::folder_of(&page.path))
                .map(|s| s.case)
                .or(base.wire_case),
        }
    };
    let again: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| in_folder_dialect[i])
        .collect();
    reread(&pages, &mut reads, again, |i| {
        settings_of(i, &BTreeMap::new())
    });
    let shown_cases = read::shown_cases(reads.iter().flat_map(|(r, _)| &r.declared), settings);
    let again: Vec<usize> = all
        .into_iter()
        .filter(|&i| shown_cases.contains_key(&read::folder_of(&pages[i].path)))
        .collect();
    reread(&pages, &mut reads, again, |i| settings_of(i, &shown_cases));
    let mut declared = Vec::with_capacity(pages.len());
    for (read, found) in reads {
        declared.extend(read.declared);
        diagnostics.extend(found);
    }
    read::settle_date_times(&mut declared);
    for folder in &mut folders {
        folder.shown_wire_case = shown_cases.get(&folder.folder).map(|s| s.case);
    }
    diagnostics.extend(read::shown_case_notes(&shown_cases));
    diagnostics.extend(read::wire_case_notes(&declared, settings, &shown_cases));
    let sources = pages.into_iter().map(|p| (p.path, p.text)).collect();
    (resolve::resolve(declared, diagnostics), sources, folders)
}

/// Reads the pages at `indices` again, each with `settings_of` its index,
/// in place of their first reading.
fn reread(
    pages: &[Page],
    reads: &mut [(PageRead, Vec<Diagnostic>)],
    indices: Vec<usize>,
    settings_of: impl Fn(usize) -> PageSettings + Sync,
) {
    let again = read_each(pages, &indices, settings_of);
    for (i, read) in indices.into_iter().zip(again) {
        reads[i] = read;
    }
}

/// Reads the pages at `indices` on every core, each with its settings (by
/// its index): what each declares and what reading it found, in the order of
/// `indices`.
fn read_each(
    pages: &[Page],
    indices: &[usize],
    settings: impl Fn(usize) -> PageSettings + Sync,
) -> Vec<(PageRead, Vec<Diagnostic>)> {
    let parts = parallel::map_parts(indices.len(), |part| {
        indices[part]
            .iter()
            .map(|&i| {
                let page = &pages[i];
                let mut found = Vec::new();
                let read = read::read_page(&page.path, &page.text, settings(i), &mut found);
                (read, found)
            })
            .collect::<Vec<_>>()
    });
    parts.into_iter().flatten().collect()
}

/// Reads an IR file; YAML that is not IR is an error diagnostic at its line.
fn load_ir_file(
    file: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(Ir, HashMap<String, String>), InputError> {
    let mut read = Vec::new();
    let mut pages = pages::read(&[file.to_path_buf()], &mut read)?;
    diagnostics.append(&mut read);
    let Some(page) = pages.pop() else {
        return Ok((Ir::default(), HashMap::new()));
    };
    let ir = match Ir::from_yaml(&page.text) {
        Ok(ir) => resolve::complete(ir, diagnostics),
        Err(error) => {
            let hint = if file
                .file_name()
                .is_some_and(|n| n == crate::CONFIG_FILE_NAME)
            {
                "this is a configuration file: give it as the configuration (`--config`, `Builder::config`, `config = …`), not as an input"
            } else {
                "an IR file is what `docmodel ir` writes; fix this line, or write the IR anew"
            };
            diagnostics.push(Diagnostic::at_line(
                Severity::Error,
                Code::MalformedIr,
                &crate::ir::SourceRef {
                    file: page.path.clone(),
                    line: error.line().unwrap_or(1),
                },
                format!("not a docmodel IR: {}", error.message()),
                hint,
            ));
            Ir::default()
        }
    };
    Ok((ir, HashMap::from([(page.path, page.text)])))
}

/// Emits the IR's code (through the cache in `cache_file`, if any) and adds
/// the emitter's diagnostics; a failure when any diagnostic of the run is
/// an error. The cache is written only after a successful run.
fn emit_checked(
    ir: Ir,
    mut report: Report,
    cache_file: Option<&Path>,
) -> Result<Generated, Failure> {
    let mut cache = cache_file.map(emit::CodeCache::load);
    let (code, found) =
        emit::emit_and_format(&ir, report.shape, cache.as_mut()).map_err(internal)?;
    report.extend(found);
    let report = without_errors(report)?;
    if let (Some(file), Some(cache)) = (cache_file, cache) {
        cache.save(file).map_err(|source| {
            Failure::Cache(CacheError {
                file: file.to_path_buf(),
                source,
            })
        })?;
    }
    Ok(Generated { code, ir, report })
}

/// The report, or the failure it is when it holds an error.
fn without_errors(report: Report) -> Result<Report, Failure> {
    if report.has_errors() {
        return Err(Failure::Docs(Box::new(report)));
    }
    Ok(report)
}

/// The emitter made tokens that are not Rust.
fn internal(error: syn::Error) -> Failure {
    Failure::Internal(InternalError {
        message: error.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Primitive, TypeExpr, WireNameRule};

    /// `../shared/corpus/dotnet-270` beside the checkout; a loud skip when it
    /// is missing, a failure under CI (which has it).
    fn dotnet_270() -> Option<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/dotnet-270");
        if dir.is_dir() {
            return Some(dir);
        }
        let message = format!("SKIPPED: corpus `{}` is missing", dir.display());
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "{message}; CI must have it"
        );
        eprintln!("{message}");
        None
    }

    #[test]
    fn the_corpus_read_in_reverse_order_gives_the_same_ir_and_diagnostics() {
        let Some(dir) = dotnet_270() else {
            return;
        };
        let Inputs::Pages(mut files) = pages::inputs(&[dir]).unwrap() else {
            panic!("a folder of pages");
        };
        let read = |files: &[PathBuf]| {
            let mut found = Vec::new();
            let pages = pages::read(files, &mut found).unwrap();
            let (ir, _, _) = load_pages(pages, &Resolved::default(), &mut found);
            found.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            (ir.to_yaml().unwrap(), found)
        };
        let forward = read(&files);
        files.reverse();
        let reversed = read(&files);
        assert!(forward.0.len() > 1_000_000, "the corpus is read");
        assert!(forward == reversed, "page order changes nothing");
    }

    #[test]
    fn check_finds_what_generate_finds_without_the_code() {
        let dir = tempfile::tempdir().unwrap();
        let table = "## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n";
        let write = |file: &str, text: String| std::fs::write(dir.path().join(file), text).unwrap();
        write(
            "Pet.md",
            format!("# Pet\n\n{table}| **owner** | [**Owner**](Owner.md) | | |\n"),
        );
        let settings = Settings::new().input(dir.path());
        let codes = |report: &Report| {
            report
                .diagnostics()
                .iter()
                .map(|d| d.code)
                .collect::<Vec<_>>()
        };
        let checked = check(&settings).unwrap();
        let generated = generate(&settings).unwrap();
        assert_eq!(
            codes(&checked.report),
            [Code::MissingModel],
            "the emitter's warning"
        );
        assert_eq!(codes(&checked.report), codes(&generated.report));
        assert_eq!(checked.ir, generated.ir);
        write(
            "pet_tag.md",
            format!("# pet_tag\n\n{table}| **id** | **Long** | | |\n"),
        );
        write(
            "PetTag.md",
            format!("# PetTag\n\n{table}| **id** | **Long** | | |\n"),
        );
        let Err(Failure::Docs(report)) = check(&settings) else {
            panic!("two models of one Rust name fail the check");
        };
        assert!(
            codes(&report).contains(&Code::DuplicateRustName),
            "{:?}",
            codes(&report)
        );
    }

    #[test]
    fn enum_pages_of_one_name_and_two_bases_merge_alike_in_any_order() {
        let pages = || {
            vec![
                Page {
                    path: "a/Level.md".to_string(),
                    text: "# Level\n\n## Enum\n\n* `NUMBER_1` (value: `1`)\n".to_string(),
                },
                Page {
                    path: "b/Level.md".to_string(),
                    text: "# Level\n\n## Enum\n\n* `LOW` (value: `\"low\"`)\n".to_string(),
                },
            ]
        };
        let read = |pages: Vec<Page>| {
            let mut found = Vec::new();
            let (ir, _, _) = load_pages(pages, &Resolved::default(), &mut found);
            let codes: Vec<Code> = found.iter().map(|d| d.code).collect();
            (ir.to_yaml().unwrap(), codes)
        };
        let forward = read(pages());
        let mut reversed = pages();
        reversed.reverse();
        assert_eq!(forward, read(reversed), "page order changes nothing");
        assert!(
            forward.1.contains(&Code::EnumBaseConflict),
            "{:?}",
            forward.1
        );
    }

    #[test]
    fn a_csharp_date_time_is_a_date_time_only_in_a_folder_that_writes_dates_apart() {
        const HEAD: &str = "## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
        let page = |name: &str, rows: &str| Page {
            path: format!("{}/{name}.md", &name[..3].to_lowercase()),
            text: format!(
                "# Org.OpenAPITools.Model.{name}\n\n{HEAD}**Id** | **long?** |  | [optional] \n{rows}"
            ),
        };
        // swagger-codegen writes `DateTime?` for dates and date-times alike;
        // openapi-generator 7 writes `DateOnly` for dates.
        let pages = vec![
            page(
                "OldOrder",
                "**ShipDate** | **DateTime?** |  | [optional] \n",
            ),
            page("NewOrder", "**ShipDate** | **DateTime** |  | [optional] \n"),
            page("NewPet", "**BirthDate** | **DateOnly** |  | [optional] \n"),
        ];
        let (ir, _, folders) = load_pages(pages, &Resolved::default(), &mut Vec::new());
        assert!(
            folders.iter().all(|f| f.dialect == Dialect::Csharp),
            "{folders:?}"
        );
        let ship_date = |name: &str| ir.model(name).unwrap().properties[1].ty.innermost().clone();
        assert_eq!(
            ship_date("OldOrder"),
            TypeExpr::Primitive(Primitive::DateOrDateTime)
        );
        assert_eq!(
            ship_date("NewOrder"),
            TypeExpr::Primitive(Primitive::DateTime)
        );
    }

    #[test]
    fn a_model_and_an_enum_of_one_name_are_a_warning_whatever_the_order() {
        let model = |path: &str| {
            Page {
            path: path.to_string(),
            text: "# Level\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **id** | **String** | | |\n".to_string(),
        }
        };
        let mut pages = vec![
            Page {
                path: "Level.md".to_string(),
                text: "# Level\n\n## Enum\n\n* `LOW` (value: `\"low\"`)\n".to_string(),
            },
            model("models/b/Level.md"),
            model("models/a/Level.md"),
        ];
        let warning = |pages: Vec<Page>| {
            let mut found = Vec::new();
            load_pages(pages, &Resolved::default(), &mut found);
            found
                .into_iter()
                .find(|d| d.code == Code::MergeConflict)
                .expect("a warning")
                .message
        };
        let forward = warning(pages.clone());
        pages.reverse();
        assert_eq!(warning(pages), forward, "found by the fuzzer");
        assert!(
            forward.contains(
                "a model with properties on models/a/Level.md: references to `Level` are read as the enum"
            ),
            "{forward}"
        );
    }

    #[test]
    fn an_inline_enum_takes_no_name_a_property_refers_to() {
        // Found by the fuzzer: the enum `PetStatus` and a reference to a model
        // `PetStatus` were one bare name in the IR file.
        const TABLE: &str = "## Properties\n\n| Name | Type | Description | Notes |\n|------------ | ------------- | ------------- | -------------|\n";
        let pages = vec![
            Page {
                path: "a/Pet.md".to_string(),
                text: format!(
                    "# Pet\n\n{TABLE}|**status** | [**StatusEnum**](#StatusEnum) |  |  [optional] |\n\n## Enum: StatusEnum\n\n| Name | Value |\n|---- | -----|\n| A | &quot;a&quot; |\n"
                ),
            },
            Page {
                path: "b/Pet.md".to_string(),
                text: format!(
                    "# Pet\n\n{TABLE}|**kind** | [**PetStatus**](PetStatus.md) |  |  [optional] |\n"
                ),
            },
        ];
        let (ir, _, _) = load_pages(pages, &Resolved::default(), &mut Vec::new());
        assert_eq!(ir.enums[0].name, "PetStatusEnum");
        assert_eq!(Ir::from_yaml(&ir.to_yaml().unwrap()).unwrap(), ir);
    }

    #[test]
    fn a_folder_is_read_in_the_case_its_enum_headings_show() {
        const TABLE: &str = "## Properties\n\n| Name | Type | Description | Notes |\n| ------------ | ------------- | ------------- | ------------- |\n";
        let enum_section = "\n\n<a id=\"ResourceType\"></a>\n## Enum: resource_type\n| Name | Value |\n| ---- | ----- |\n| resourceType | episode, clip |\n";
        let pages = vec![
            Page {
                path: "kotlin/Body.md".to_string(),
                text: format!(
                    "# Body\n\n{TABLE}| **resourceType** | [**inline**](#ResourceType) |  |  |\n| **createdAt** | **kotlin.String** |  |  [optional] |\n{enum_section}"
                ),
            },
            Page {
                path: "kotlin/Other.md".to_string(),
                text: format!(
                    "# Other\n\n{TABLE}| **updatedAt** | **kotlin.String** |  |  [optional] |\n"
                ),
            },
        ];
        let mut diagnostics = Vec::new();
        let (ir, _, _) = load_pages(pages, &Resolved::default(), &mut diagnostics);
        let wire = |model: &str, name: &str| {
            let model = ir.models.iter().find(|m| m.name == model).unwrap();
            let property = model.properties.iter().find(|p| p.name == name).unwrap();
            (property.wire_name.clone(), property.wire_name_rule)
        };
        assert_eq!(
            wire("Body", "resourceType"),
            ("resource_type".to_string(), WireNameRule::Shown)
        );
        assert_eq!(
            wire("Body", "createdAt"),
            ("created_at".to_string(), WireNameRule::Derived)
        );
        assert_eq!(
            wire("Other", "updatedAt").0,
            "updated_at",
            "the whole folder"
        );
        let note = diagnostics
            .iter()
            .find(|d| d.code == Code::ShownWireCase)
            .expect("a note says why");
        assert!(note.message.contains("`snake_case`"), "{}", note.message);
        assert_eq!((note.file.as_str(), note.line), ("kotlin/Body.md", 7));
    }

    #[test]
    fn pages_without_marks_are_read_in_their_folders_dialect() {
        const TABLE: &str = "## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
        let page = |path: &str, rows: &str| Page {
            path: path.to_string(),
            text: format!(
                "# {}\n\n{TABLE}{rows}",
                &path[path.len() - 6..path.len() - 3]
            ),
        };
        let pages = vec![
            // Swift's map spelling marks the page; the other two are plain.
            page(
                "swift/Pet.md",
                "**tags** | **[String: String]** |  | [optional]\n",
            ),
            page("swift/Tag.md", "**name** | **String** |  | [optional]\n"),
            page("other/Toy.md", "**name** | **String** |  | [optional]\n"),
        ];
        let (ir, _, folders) = load_pages(pages, &Resolved::default(), &mut Vec::new());
        let dialect = |name: &str| ir.models.iter().find(|m| m.name == name).unwrap().dialect;
        assert_eq!(
            dialect("Tag"),
            Dialect::Swift,
            "read in its folder's dialect"
        );
        assert_eq!(dialect("Toy"), Dialect::Java, "a folder of its own");
        let swift = folders.iter().find(|f| f.folder == "swift").unwrap();
        assert_eq!(
            (swift.dialect, swift.pages, swift.marked, swift.unmarked),
            (Dialect::Swift, 2, 1, 1)
        );
    }

    #[test]
    fn a_page_that_lists_nothing_is_any_json_value_with_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let empty = "# Org.OpenAPITools.Model.Reason\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
        let pet = "# Org.OpenAPITools.Model.Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**Reason** | **Reason** |  | [optional] \n";
        std::fs::write(dir.path().join("Reason.md"), empty).unwrap();
        std::fs::write(dir.path().join("Pet.md"), pet).unwrap();
        let generated = generate(&Settings::new().input(dir.path())).unwrap();
        assert!(generated.ir.model("Reason").unwrap().opaque);
        assert!(!generated.ir.model("Pet").unwrap().opaque);
        assert!(
            generated
                .code
                .contains("pub type Reason = serde_json::Value;"),
            "{}",
            generated.code
        );
        let notes: Vec<Code> = generated
            .report
            .diagnostics()
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(notes, [Code::DerivedWireNames, Code::OpaqueModel]);

        let yaml = generated.ir.to_yaml().unwrap();
        assert!(yaml.contains("opaque: true"), "{yaml}");
        let file = dir.path().join("ir.yaml");
        std::fs::write(
            &file,
            yaml.replace("opaque: true", "opaque: true\n  one_of: [string]"),
        )
        .unwrap();
        let Err(Failure::Docs(report)) = read_ir(&Settings::new().input(&file)) else {
            panic!("an opaque model with members is not IR");
        };
        assert!(
            report
                .render(Severity::Error, false)
                .contains("is `opaque` but has")
        );
    }

    #[test]
    fn gos_nullable_names_are_nullable_references_unless_a_model_has_the_name() {
        const TABLE: &str = "## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
        let page = |name: &str, rows: &str| Page {
            path: format!("go/{name}.md"),
            text: format!("# {name}\n\n{TABLE}{rows}"),
        };
        let pages = vec![
            page(
                "Place",
                "**Arrival** | Pointer to **NullableTime** |  | [optional] \n**Owner** | Pointer to [**NullableUser**](User.md) |  | [optional] \n**Other** | Pointer to [**NullableOther**](NullableOther.md) |  | [optional] \n**Maybe** | Pointer to [**NullableNullableOther**](NullableOther.md) |  | [optional] \n",
            ),
            page(
                "User",
                "**Name** | Pointer to **string** |  | [optional] \n",
            ),
            page(
                "NullableOther",
                "**Name** | Pointer to **string** |  | [optional] \n",
            ),
        ];
        let (ir, _, _) = load_pages(pages, &Resolved::default(), &mut Vec::new());
        let types: Vec<String> = ir
            .model("Place")
            .unwrap()
            .properties
            .iter()
            .map(|p| p.ty.to_string())
            .collect();
        assert_eq!(
            types,
            [
                "nullable<datetime>",
                "nullable<User>",
                "NullableOther",
                "nullable<NullableOther>"
            ]
        );
    }

    #[test]
    fn a_malformed_ir_file_is_an_error_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ir.yaml");
        std::fs::write(
            &file,
            "models: []\nenums:\n- name: A\n  doc_name: A\n  memberz: []\n",
        )
        .unwrap();
        let Err(Failure::Docs(report)) = read_ir(&Settings::new().input(&file)) else {
            panic!("a malformed IR fails");
        };
        let [only] = report.diagnostics() else {
            panic!("one diagnostic: {:?}", report.diagnostics());
        };
        assert_eq!((only.code, only.line), (Code::MalformedIr, 5));
        assert!(only.message.contains("memberz"), "{}", only.message);
        assert_eq!(report.files_read(), [file.display().to_string()]);
    }

    #[test]
    fn an_ir_default_that_does_not_fit_is_dropped_with_a_warning() {
        let yaml = "models:\n- name: Pet\n  dialect: java\n  sources: [p.md]\n  properties:\n  - name: age\n    wire_name: age\n    wire_name_rule: as_written\n    type: int32\n    required: false\n    readonly: false\n    default: old\n    source: p.md:7\nenums: []\n";
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ir.yaml");
        std::fs::write(&file, yaml).unwrap();
        let generated = generate(&Settings::new().input(&file)).unwrap();
        let codes: Vec<Code> = generated
            .report
            .diagnostics()
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(codes, [Code::UnusableDefault]);
        assert_eq!(generated.ir.models[0].properties[0].default, None);
        assert!(
            generated.code.contains("pub age: Option<i32>"),
            "{}",
            generated.code
        );
    }

    #[test]
    fn enum_members_keep_their_json_type_through_yaml() {
        use crate::ir::{Enum, EnumMember, SourceRef, WireValue};
        let member = |value: WireValue| EnumMember { name: None, value };
        let ir = Ir {
            models: Vec::new(),
            enums: vec![Enum {
                name: "Odd".into(),
                model: None,
                doc_name: "Odd".into(),
                members: ["1", "true", "null", "", "~", "-0"]
                    .map(|s| member(WireValue::Str(s.into())))
                    .into(),
                unknown_sentinel: None,
                source: SourceRef {
                    file: "o.md".into(),
                    line: 1,
                },
            }],
        };
        let yaml = ir.to_yaml().unwrap();
        assert_eq!(Ir::from_yaml(&yaml).unwrap(), ir, "{yaml}");
        let mut numbers = ir.clone();
        numbers.enums[0].members = vec![member(WireValue::Int(-7)), member(WireValue::Int(23))];
        let yaml = numbers.to_yaml().unwrap();
        assert!(yaml.contains("value: -7"), "{yaml}");
        assert_eq!(Ir::from_yaml(&yaml).unwrap(), numbers);
    }
}
