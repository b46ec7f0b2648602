//! docmodel reads the model pages that SDK generators (swagger-codegen,
//! openapi-generator, the Genesys Cloud SDK build) publish as Markdown, and
//! turns them into an intermediate representation ([`ir::Ir`]) from which Rust
//! models are generated.
//!
//! The stages, one module each: [`pages`] (files) → [`read`] (Markdown → page
//! models) → [`resolve`] (pages → IR) → [`emit`] (IR → tokens → formatted
//! code) → [`output`] (files). [`diagnostics`] is shared by all; [`Builder`]
//! is the build-script front end, and the `docmodel` binary the CLI.

mod builder;
pub mod config;
pub mod diagnostics;
pub mod emit;
pub mod ir;
pub mod output;
pub mod pages;
mod parallel;
pub mod read;
pub mod resolve;

use std::collections::HashMap;
use std::path::Path;

pub use builder::{BuildError, Builder};
pub use config::Config;
use diagnostics::{Diagnostic, Severity};
use ir::Ir;
use pages::{LoadError, Page};

/// The result of reading a set of pages: the IR, and what was found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The IR of every model page.
    pub ir: Ir,
    /// Every diagnostic, in page order, then line order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many pages were read (model pages and skipped pages).
    pub pages_read: usize,
    /// The text of each page, for rendering snippets.
    sources: HashMap<String, String>,
}

impl Loaded {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The path of every page read, sorted.
    pub fn page_paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.sources.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    /// How many diagnostics have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The diagnostics of at least `min` severity, rendered rustc-style.
    pub fn render_diagnostics(&self, min: Severity, color: bool) -> String {
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
}

/// Generated code, and the reading it came from.
#[derive(Debug)]
pub struct Generated {
    /// The pages' IR and every diagnostic of reading, resolving and emitting.
    pub loaded: Loaded,
    /// The formatted Rust source; not to be used when `loaded.has_errors()`.
    pub code: String,
}

/// Reads every page under `paths` with `config` and generates formatted Rust models.
pub fn generate(paths: &[impl AsRef<Path>], config: &Config) -> Result<Generated, LoadError> {
    Ok(generate_loaded(load(paths, config)?))
}

/// Generates formatted Rust models from pages already read.
pub fn generate_loaded(mut loaded: Loaded) -> Generated {
    // The tokens are built from sanitized identifiers and literals; a parse
    // failure here is a bug in the emitter, not in the pages.
    let (code, diagnostics) = emit::emit_and_format(&loaded.ir)
        .unwrap_or_else(|e| panic!("docmodel emitted invalid Rust: {e}"));
    loaded.diagnostics.extend(diagnostics);
    Generated { loaded, code }
}

/// Reads every page under `paths` (files, or folders searched recursively)
/// with the settings of `config`.
pub fn load(paths: &[impl AsRef<Path>], config: &Config) -> Result<Loaded, LoadError> {
    let files = pages::find(paths)?;
    let mut diagnostics = Vec::new();
    let pages = pages::read(&files, &mut diagnostics)?;
    let mut loaded = load_pages(pages, config);
    diagnostics.append(&mut loaded.diagnostics);
    loaded.diagnostics = diagnostics;
    loaded.pages_read = files.len();
    Ok(loaded)
}

/// Reads pages already in memory, in any order: the result does not depend on
/// it. Pages are read in parallel, one contiguous part per core.
pub fn load_pages(pages: Vec<Page>, config: &Config) -> Loaded {
    let parts = parallel::map_parts(pages.len(), |part| {
        let mut diagnostics = Vec::new();
        let models: Vec<read::Declared> = pages[part]
            .iter()
            .filter_map(|page| {
                let settings = config.settings_for(&page.path);
                read::read_page(&page.path, &page.text, settings, &mut diagnostics)
            })
            .collect();
        (models, diagnostics)
    });
    let mut models = Vec::with_capacity(pages.len());
    let mut diagnostics = Vec::new();
    for (part_models, part_diagnostics) in parts {
        models.extend(part_models);
        diagnostics.extend(part_diagnostics);
    }
    let pages_read = pages.len();
    let sources = pages.into_iter().map(|p| (p.path, p.text)).collect();
    let ir = resolve::resolve(models, &mut diagnostics);
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Loaded {
        ir,
        diagnostics,
        pages_read,
        sources,
    }
}
