//! Where the reader's diagnostics about one page go.

use std::ops::Range;

use crate::diagnostics::{Code, Diagnostic, LineIndex, Severity};
use crate::ir::SourceRef;

/// The diagnostics of one page, with the page's path and text for locations.
pub struct Reporter<'d, 't> {
    /// The page's path.
    pub file: &'t str,
    /// The page's text.
    pub text: &'t str,
    /// Where the diagnostics are collected.
    pub out: &'d mut Vec<Diagnostic>,
    /// The page's lines, for locations.
    pub lines: LineIndex,
}

impl Reporter<'_, '_> {
    /// Adds a diagnostic at `span` of the page.
    pub fn report(
        &mut self,
        severity: Severity,
        code: Code,
        span: Range<usize>,
        message: String,
        hint: &str,
    ) {
        let position = self.lines.line_and_column(self.text, span.start);
        let diagnostic =
            Diagnostic::at_position(severity, code, self.file, span, position, message, hint);
        self.out.push(diagnostic);
    }

    /// The page and line of a byte offset.
    pub fn source(&self, offset: usize) -> SourceRef {
        SourceRef {
            file: self.file.to_string(),
            line: self.lines.line_and_column(self.text, offset).0,
        }
    }
}
