//! Where pages come from: files and folders named by the user, read as UTF-8.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic, Severity};

/// A page's path, as given (or joined under a given folder), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The path as the user would write it; diagnostics and `sources` use it.
    pub path: String,
    /// The page's content.
    pub text: String,
}

/// A path that could not be listed or read: a usage or I/O failure, not a spec error.
#[derive(Debug)]
pub struct LoadError {
    /// The path that failed.
    pub path: PathBuf,
    /// Why.
    pub error: std::io::Error,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read `{}`: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// The page files under `paths`: a file is taken as it is, a folder is searched
/// recursively for `*.md` / `*.markdown`. Sorted and without duplicates.
pub fn find(paths: &[impl AsRef<Path>]) -> Result<Vec<PathBuf>, LoadError> {
    let mut found = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let metadata = std::fs::metadata(path).map_err(|error| LoadError {
            path: path.to_path_buf(),
            error,
        })?;
        if !metadata.is_dir() {
            found.push(path.to_path_buf());
            continue;
        }
        for entry in walkdir::WalkDir::new(path).follow_links(true) {
            let entry = entry.map_err(|error| LoadError {
                path: error.path().unwrap_or(path).to_path_buf(),
                error: error.into(),
            })?;
            let is_markdown = entry
                .path()
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown");
            if entry.file_type().is_file() && is_markdown {
                found.push(entry.into_path());
            }
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

/// Reads the files; a file that is not UTF-8 becomes an error diagnostic.
pub fn read(files: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<Page>, LoadError> {
    let mut pages = Vec::with_capacity(files.len());
    for file in files {
        let bytes = std::fs::read(file).map_err(|error| LoadError {
            path: file.clone(),
            error,
        })?;
        let path = file.display().to_string();
        match String::from_utf8(bytes) {
            Ok(text) => pages.push(Page { path, text }),
            Err(error) => diagnostics.push(Diagnostic::at(
                Severity::Error,
                Code::UnreadableFile,
                &path,
                "",
                0..0,
                format!("not UTF-8 text: {}", error.utf8_error()),
                "save the page as UTF-8",
            )),
        }
    }
    Ok(pages)
}
