//! Where the reader's diagnostics about one page go.

use std::ops::Range;

use crate::diagnostics::{Code, Diagnostic, Severity, line_and_column};
use crate::ir::SourceRef;

/// The diagnostics of one page, with the page's path and text for locations.
pub struct Reporter<'d, 't> {
    /// The page's path.
    pub file: &'t str,
    /// The page's text.
    pub text: &'t str,
    /// Where the diagnostics are collected.
    pub out: &'d mut Vec<Diagnostic>,
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
        let diagnostic = Diagnostic::at(severity, code, self.file, self.text, span, message, hint);
        self.out.push(diagnostic);
    }

    /// The page and line of a byte offset.
    pub fn source(&self, offset: usize) -> SourceRef {
        SourceRef {
            file: self.file.to_string(),
            line: line_and_column(self.text, offset).0,
        }
    }
}
