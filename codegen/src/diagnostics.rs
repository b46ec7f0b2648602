//! Diagnostics: what went wrong (or was noteworthy) where, with a stable code
//! and a hint, and their rustc-style rendering (codespan-reporting).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Write;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Rendered, Label, Severity as RenderedSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use crate::ir::SourceRef;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something worth knowing that changes nothing (a skipped non-model page).
    Note,
    /// The output is usable but may not be what the docs meant: a row left
    /// out, a type read as any JSON value, a guess. The run goes on.
    Warning,
    /// Input that cannot be used at all (or any warning, under `strict`): the
    /// run fails.
    Error,
}

/// Stable diagnostic codes; the text after `DM` never changes meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub enum Code {
    /// A file could not be read or is not UTF-8.
    UnreadableFile,
    /// An IR file that is not valid IR YAML.
    MalformedIr,
    /// A page that is not a model page (API page, index, release notes…).
    NotAModelPage,
    /// A model page whose model name could not be found.
    MissingModelName,
    /// A table row that cannot be read as a property.
    MalformedRow,
    /// A type cell that cannot be parsed.
    UnparsableType,
    /// A row with more cells than its header: unescaped `|` in a description.
    ExtraCells,
    /// A note in the Notes cell that the reader does not know.
    UnknownNote,
    /// A row of an enum table that cannot be read.
    MalformedEnumRow,
    /// A line inside a table that is not a table row.
    StrayTableLine,
    /// Front matter that is not valid YAML.
    MalformedFrontMatter,
    /// The table under `Properties` does not start with `Name | Type`.
    UnknownTableShape,
    /// An enum section that lists no values.
    EmptyEnum,
    /// A table without a Notes column: whether properties are required is unknown.
    RequiredUnknown,
    /// A union page whose members could not be read.
    EmptyUnion,
    /// A property row whose wire name an earlier row of the same table has.
    DuplicateProperty,
    /// Rows of the Properties section outside its table (a blank line, an
    /// HTML comment or a second header split it, or it lacks its separator).
    SplitTable,
    /// Two pages of one model disagree about a property.
    MergeConflict,
    /// Two pages of one enum disagree about the JSON type of its values.
    EnumBaseConflict,
    /// No page of a model lists a property, value or member: it is any JSON value.
    OpaqueModel,
    /// A folder's wire names were derived from field names by a case rule.
    DerivedWireNames,
    /// A folder is read in the wire case its pages show JSON names in, not
    /// its dialect's default.
    ShownWireCase,
    /// A property refers to a model that no page defines.
    MissingModel,
    /// Two models or enums would get the same Rust name.
    DuplicateRustName,
    /// A `[default to X]` value that does not fit the property's type.
    UnusableDefault,
}

impl Code {
    /// The code as printed: `DM0101`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnreadableFile => "DM0001",
            Code::MalformedIr => "DM0002",
            Code::NotAModelPage => "DM0100",
            Code::MissingModelName => "DM0101",
            Code::MalformedRow => "DM0102",
            Code::UnparsableType => "DM0103",
            Code::ExtraCells => "DM0104",
            Code::UnknownNote => "DM0105",
            Code::MalformedEnumRow => "DM0106",
            Code::StrayTableLine => "DM0107",
            Code::MalformedFrontMatter => "DM0108",
            Code::UnknownTableShape => "DM0109",
            Code::EmptyEnum => "DM0110",
            Code::RequiredUnknown => "DM0111",
            Code::EmptyUnion => "DM0112",
            Code::DuplicateProperty => "DM0113",
            Code::SplitTable => "DM0114",
            Code::MergeConflict => "DM0200",
            Code::EnumBaseConflict => "DM0201",
            Code::OpaqueModel => "DM0202",
            Code::DerivedWireNames => "DM0203",
            Code::ShownWireCase => "DM0204",
            Code::MissingModel => "DM0300",
            Code::DuplicateRustName => "DM0301",
            Code::UnusableDefault => "DM0302",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about one place in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Its stable code.
    pub code: Code,
    /// The file, as given to the reader.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// The byte range in the file that the diagnostic points at, when known
    /// (otherwise the whole line is shown).
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Diagnostic {
    /// A diagnostic about `span` of `source`, whose text is `text`.
    #[cfg(test)]
    pub(crate) fn at(
        severity: Severity,
        code: Code,
        source: &str,
        text: &str,
        span: Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        let position = LineIndex::new(text).line_and_column(text, span.start);
        Self::at_position(severity, code, source, span, position, message, hint)
    }

    /// A diagnostic at `span` of a page whose line and column are known.
    pub(crate) fn at_position(
        severity: Severity,
        code: Code,
        source: &str,
        span: Range<usize>,
        (line, column): (u32, u32),
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            file: source.to_string(),
            line,
            column,
            span: Some(span),
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// A diagnostic about a whole line, for stages that no longer hold the text.
    pub(crate) fn at_line(
        severity: Severity,
        code: Code,
        source: &SourceRef,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            file: source.file.clone(),
            line: source.line,
            column: 1,
            span: None,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// One line: `file:line:column: warning[DM0104]: message (hint: …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(
            f,
            "{}:{}:{}: {severity}[{}]: {} (hint: {})",
            self.file, self.line, self.column, self.code, self.message, self.hint
        )
    }
}

/// Where each line of a text starts: a byte offset's line and column in
/// logarithmic time, so that a page's diagnostics and rows cost linear time.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`'s lines.
    pub(crate) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line and column (in characters) of `offset` in `text`,
    /// the text this index was made of.
    pub(crate) fn line_and_column(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = text[start..offset].chars().count() + 1;
        (line as u32, column as u32)
    }
}

/// The byte range of 1-based `line` in `text` (empty past the end).
fn line_range(text: &str, line: u32) -> Range<usize> {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len()..text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

/// Renders diagnostics rustc-style, with source snippets where the file text
/// is known, else as one line each.
///
/// `source_text` returns the text of a file named in a diagnostic, if available.
pub(crate) fn render<'a>(
    diagnostics: &[Diagnostic],
    source_text: impl Fn(&str) -> Option<&'a str>,
    color: bool,
) -> String {
    let mut files = SimpleFiles::new();
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    let mut file_ids = HashMap::new();
    let mut counts: BTreeMap<(&str, Code), usize> = BTreeMap::new();
    for diagnostic in diagnostics {
        let count = counts
            .entry((&diagnostic.file, diagnostic.code))
            .or_default();
        *count += 1;
        if *count > RENDERED_PER_PAGE_AND_CODE {
            continue;
        }
        let Some(text) = source_text(&diagnostic.file) else {
            let _ = writeln!(buffer, "{diagnostic}\n");
            continue;
        };
        let file_id = *file_ids
            .entry(diagnostic.file.as_str())
            .or_insert_with(|| files.add(diagnostic.file.as_str(), text));
        let span = match &diagnostic.span {
            Some(span) if span.end <= text.len() => span.clone(),
            _ => line_range(text, diagnostic.line),
        };
        let rendered = Rendered::new(match diagnostic.severity {
            Severity::Note => RenderedSeverity::Note,
            Severity::Warning => RenderedSeverity::Warning,
            Severity::Error => RenderedSeverity::Error,
        })
        .with_code(diagnostic.code.as_str())
        .with_message(&diagnostic.message)
        .with_labels(vec![Label::primary(file_id, span)])
        .with_notes(vec![format!("help: {}", diagnostic.hint)]);
        // Writing into an in-memory buffer only fails on a span outside the
        // file, which the checks above rule out; fall back to the plain line.
        if term::emit_to_write_style(&mut buffer, &config, &files, &rendered).is_err() {
            let _ = writeln!(buffer, "{diagnostic}");
        }
    }
    for ((file, code), count) in counts {
        if let Some(more) = count
            .checked_sub(RENDERED_PER_PAGE_AND_CODE)
            .filter(|&n| n > 0)
        {
            let _ = writeln!(buffer, "{file}: and {more} more {code} like these\n");
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// How many diagnostics of one code in one file are rendered; the rest are
/// counted in one line.
const RENDERED_PER_PAGE_AND_CODE: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let text = "ab\n§cd\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_and_column(text, 0), (1, 1));
        assert_eq!(lines.line_and_column(text, 3), (2, 1));
        assert_eq!(lines.line_and_column(text, 6), (2, 3));
        assert_eq!(lines.line_and_column(text, 99), (3, 1), "past the end");
    }

    #[test]
    fn rendering_shows_fifty_of_a_code_per_page_and_counts_the_rest() {
        let text = "| **a** |\n".repeat(200);
        let diagnostics: Vec<Diagnostic> = (0..200)
            .map(|row| {
                let start = row * 10;
                Diagnostic::at(
                    Severity::Warning,
                    Code::MalformedRow,
                    "x.md",
                    &text,
                    start..start + 9,
                    "row has 1 cell",
                    "write the four cells",
                )
            })
            .collect();
        let out = render(&diagnostics, |_| Some(text.as_str()), false);
        assert_eq!(out.matches("warning[DM0102]").count(), 50);
        assert!(out.contains("x.md:50:1"), "{out}");
        assert!(!out.contains("x.md:51:1"), "{out}");
        assert!(
            out.contains("x.md: and 150 more DM0102 like these"),
            "{out}"
        );
    }

    #[test]
    fn rendering_shows_file_line_code_and_hint() {
        let text = "| **a** |\n";
        let diagnostic = Diagnostic::at(
            Severity::Error,
            Code::MalformedRow,
            "x.md",
            text,
            2..7,
            "row has 1 cell",
            "write the four cells",
        );
        let out = render(&[diagnostic], |_| Some(text), false);
        assert!(out.contains("error[DM0102]: row has 1 cell"), "{out}");
        assert!(out.contains("x.md:1:3"), "{out}");
        assert!(out.contains("help: write the four cells"), "{out}");
    }
}
