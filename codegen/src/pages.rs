//! Where the inputs come from: pages and folders named by the user, read as
//! UTF-8, or one IR file.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic, LineIndex, Severity};

/// A page's path, as given (or joined under a given folder), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    /// The path as the user would write it; diagnostics and `sources` use it.
    pub path: String,
    /// The page's content.
    pub text: String,
}

/// An input that could not be listed or read: a usage or I/O failure, not an
/// error in the docs.
#[derive(Debug)]
pub struct InputError {
    path: PathBuf,
    message: String,
    source: Option<std::io::Error>,
}

impl InputError {
    /// An I/O failure on `path`.
    fn io(path: &Path, error: std::io::Error) -> Self {
        InputError {
            path: path.to_path_buf(),
            message: error.to_string(),
            source: Some(error),
        }
    }

    /// The input that failed.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read `{}`: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as _)
    }
}

/// What a run reads: pages, or one IR file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Inputs {
    /// Page files, sorted and without duplicates.
    Pages(Vec<PathBuf>),
    /// An IR file, as `docmodel ir` writes it.
    Ir(PathBuf),
}

/// Whether `path` names an IR file rather than a page or folder.
fn is_ir_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
        && !path.is_dir()
}

/// The inputs named by `paths`: one IR file alone, or pages and folders.
pub(crate) fn inputs(paths: &[PathBuf]) -> Result<Inputs, InputError> {
    match paths {
        [] => Err(InputError {
            path: PathBuf::new(),
            message: "no input given: name a docs folder, a page or an IR file".to_string(),
            source: None,
        }),
        [only] if is_ir_file(only) => {
            std::fs::metadata(only).map_err(|e| InputError::io(only, e))?;
            Ok(Inputs::Ir(only.clone()))
        }
        _ => match paths.iter().find(|p| is_ir_file(p)) {
            Some(ir) => Err(InputError {
                path: ir.clone(),
                message: "an IR file is generated from on its own: give it without pages or folders (to add pages, edit the IR, or read them all and write a new IR with `docmodel ir`)".to_string(),
                source: None,
            }),
            None => find(paths).map(Inputs::Pages),
        },
    }
}

/// The page files under `paths`: a file is taken as it is, a folder is searched
/// recursively for `*.md` / `*.markdown`. Sorted and without duplicates.
fn find(paths: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut found = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|e| InputError::io(path, e))?;
        if !metadata.is_dir() {
            found.push(path.to_path_buf());
            continue;
        }
        for entry in walkdir::WalkDir::new(path).follow_links(true) {
            let entry = entry.map_err(|error| {
                let failed = error.path().unwrap_or(path).to_path_buf();
                InputError::io(&failed, error.into())
            })?;
            let is_markdown = entry
                .path()
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| {
                    e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
                });
            if entry.file_type().is_file() && is_markdown {
                found.push(entry.into_path());
            }
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

/// A page's text as the reader takes it: without a byte-order mark, and
/// with every `\r` that ends a line alone (old Mac line endings, or a mix)
/// as `\n`, as CommonMark reads it. Byte offsets do not move.
pub(crate) fn page_text(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    String::from_utf8(bytes).expect("one ASCII byte replaced by another keeps UTF-8")
}

/// Reads the files; a file that is not UTF-8 becomes an error diagnostic.
pub(crate) fn read(
    files: &[PathBuf],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Page>, InputError> {
    let mut pages = Vec::with_capacity(files.len());
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| InputError::io(file, e))?;
        let path = file.display().to_string();
        match String::from_utf8(bytes) {
            Ok(text) => pages.push(Page {
                path,
                text: page_text(text),
            }),
            Err(error) => {
                let valid =
                    String::from_utf8_lossy(&error.as_bytes()[..error.utf8_error().valid_up_to()])
                        .into_owned();
                let position = LineIndex::new(&valid).line_and_column(&valid, valid.len());
                diagnostics.push(Diagnostic::at_position(
                    Severity::Error,
                    Code::UnreadableFile,
                    &path,
                    0..0,
                    position,
                    format!(
                        "not UTF-8 text: the bytes at line {}, column {} are not UTF-8",
                        position.0, position.1
                    ),
                    "save the page as UTF-8",
                ))
            }
        }
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ir_file_stands_alone() {
        let dir = tempfile::tempdir().unwrap();
        let ir = dir.path().join("ir.yaml");
        std::fs::write(&ir, "models: []\n").unwrap();
        assert_eq!(
            inputs(std::slice::from_ref(&ir)).unwrap(),
            Inputs::Ir(ir.clone())
        );
        let mixed = inputs(&[dir.path().to_path_buf(), ir.clone()]).unwrap_err();
        assert_eq!(mixed.path(), ir);
        assert!(mixed.to_string().contains("on its own"), "{mixed}");
        assert!(inputs(&[]).is_err());
        let missing = inputs(&[dir.path().join("gone.yaml")]).unwrap_err();
        assert!(std::error::Error::source(&missing).is_some());
    }

    #[test]
    fn pages_are_found_whatever_the_extensions_case_and_lose_their_bom() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Pet.MD"), "\u{feff}# Pet\n").unwrap();
        std::fs::write(dir.path().join("Tag.Markdown"), "# Tag\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "# Not a page\n").unwrap();
        let Inputs::Pages(files) = inputs(&[dir.path().to_path_buf()]).unwrap() else {
            panic!("pages expected")
        };
        assert_eq!(files.len(), 2, "{files:?}");
        let pages = read(&files, &mut Vec::new()).unwrap();
        let pet = pages.iter().find(|p| p.path.ends_with("Pet.MD")).unwrap();
        assert_eq!(pet.text, "# Pet\n");
    }

    #[test]
    fn old_mac_line_endings_are_lines_and_bad_bytes_are_located() {
        assert_eq!(page_text("# A\r\rx\r".to_string()), "# A\n\nx\n");
        assert_eq!(page_text("a\r\nb".to_string()), "a\r\nb");
        assert_eq!(page_text("a\rb\r\nc\r".to_string()), "a\nb\r\nc\n");
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("Bad.md");
        std::fs::write(&file, b"# Bad\n\nab\xffcd\n").unwrap();
        let mut diagnostics = Vec::new();
        assert!(read(&[file], &mut diagnostics).unwrap().is_empty());
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (3, 3));
        assert!(
            diagnostics[0].message.contains("line 3, column 3"),
            "{}",
            diagnostics[0].message
        );
    }
}
