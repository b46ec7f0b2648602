//! Property rows → [`PageProperty`]: the cells of a row, the type with its
//! outer wrappers (Go's `Pointer to`, Rust's `Option<…>`), the notes, and the
//! wire name under the page's wire case.

use std::ops::Range;

use crate::diagnostics::{Code, Severity};
use crate::ir::{Primitive, TypeExpr};
use crate::settings::WireCase;

use super::cells::{has_pipe, name_cell, plain_text, split_row, type_cell};
use super::declared::PageProperty;
use super::dialect::{Spec, TypeWrapper as Wrapper};
use super::notes::{self, Notes};
use super::report::Reporter;
use super::rows::{self, Columns};
use super::sections::Table;
use super::types;

/// A property with what its row said beyond the IR fields.
#[derive(Debug)]
pub struct Row {
    /// The property.
    pub property: PageProperty,
    /// The type cell's link target, if any (`#StateEnum`, `Tag.md`).
    pub link: Option<String>,
    /// Values the notes or description listed, for an enum of this property.
    pub values: Vec<String>,
}

/// How the properties of one page are read.
pub struct Reading<'r> {
    /// The model the rows belong to.
    pub model: &'r str,
    /// The page's dialect rules.
    pub rules: &'r Spec,
    /// The configured wire case, if any.
    pub wire_case: Option<WireCase>,
}

impl Reading<'_> {
    /// Reads every row of a properties table.
    pub fn table(&self, table: Table<'_>, reporter: &mut Reporter<'_, '_>) -> (Columns, Vec<Row>) {
        let text = reporter.text;
        let header = split_row(text, table.header.clone());
        let Some(columns) = Columns::from_header(&header) else {
            reporter.report(
                Severity::Warning,
                Code::UnknownTableShape,
                table.header.clone(),
                format!(
                    "the table under `Properties` does not start with `Name | Type`: its {} row(s) are not read",
                    table.rows.len()
                ),
                "give the table the header `| Name | Type | Description | Notes |`",
            );
            return (Columns::default(), Vec::new());
        };
        let mut found = Vec::with_capacity(table.rows.len());
        for line in table.rows {
            if is_table_row(line, reporter) {
                found.extend(self.row(line.clone(), columns, reporter));
            }
        }
        (columns, found)
    }

    /// Reads one property row; `None` (with a warning) when it cannot be read.
    fn row(
        &self,
        line: Range<usize>,
        columns: Columns,
        reporter: &mut Reporter<'_, '_>,
    ) -> Option<Row> {
        let text = reporter.text;
        let raw_cells = split_row(text, line.clone());
        let Some(cells) = rows::assign(text, &raw_cells, columns) else {
            reporter.report(
                Severity::Warning,
                Code::MalformedRow,
                line,
                format!(
                    "row has {} cell(s) and cannot be read as a property: it is left out",
                    raw_cells.len()
                ),
                "a property row needs at least `| **name** | **Type** |`",
            );
            return None;
        };
        let name = name_cell(cells.name.raw);
        if name.is_empty() {
            reporter.report(
                Severity::Warning,
                Code::MalformedRow,
                line,
                "row has an empty Name cell: it is left out".to_string(),
                "write the property name in the first cell: `**name**`",
            );
            return None;
        }
        report_cell_count(&line, raw_cells.len(), columns, cells.rejoined, reporter);
        let (raw_type, wrapper) = unwrap(cells.ty.raw, self.rules.quirks.type_wrapper);
        let cell = type_cell(raw_type);
        // A type the grammar cannot read keeps its property, as any JSON
        // value: it accepts and writes back whatever the wire carries.
        let mut ty = match types::parse(&cell.text, &self.rules.vocabulary) {
            Ok(ty) => ty,
            Err(why) => {
                reporter.report(
                    Severity::Warning,
                    Code::UnparsableType,
                    cells.ty.span.clone(),
                    format!(
                        "cannot read the type `{}` of `{name}` ({why}): it is typed as any JSON value",
                        shortened(&cell.text)
                    ),
                    "write a type such as `**String**`, `[**List&lt;X&gt;**](X.md)` or `**Map&lt;String, X&gt;**`",
                );
                TypeExpr::Primitive(Primitive::Any)
            }
        };
        if self.rules.quirks.glued_namespaces {
            unglue_namespace(&mut ty, cell.link.as_deref());
        }
        let notes = cells
            .notes
            .as_ref()
            .map(|c| notes::notes(c.raw))
            .unwrap_or_default();
        let notes_span = cells
            .notes
            .as_ref()
            .map_or(line.clone(), |c| c.span.clone());
        report_unknown_notes(&name, &notes, notes_span, reporter);
        let required = columns
            .notes
            .then(|| !notes.optional && wrapper != Some(Wrapper::Pointer));
        if wrapper == Some(Wrapper::Option) && required == Some(true) {
            ty = ty.into_nullable();
        }
        let description = cells
            .description
            .map(|c| plain_text(c.raw))
            .filter(|d| !d.is_empty());
        let mut values = notes.values.clone();
        if values.is_empty() {
            values = description
                .as_deref()
                .and_then(super::enums::in_description)
                .unwrap_or_default();
        }
        let (wire_name, wire_name_rule) = self.rules.wire_name(&name, self.model, self.wire_case);
        Some(Row {
            property: PageProperty {
                wire_name,
                wire_name_rule,
                name,
                ty,
                required,
                readonly: notes.readonly,
                default: notes.default,
                description,
                source: reporter.source(line.start),
            },
            link: cell.link,
            values,
        })
    }
}

/// `text` cut to its first 80 characters, with `…` where it was cut.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// `VideoChannelSync` for `OpenAPIClientModelVideoChannelSync` linked to
/// `VideoChannelSync.md`: the model name the link names, where the written
/// name ends with it (PHP's namespace with its `\` lost).
fn unglue_namespace(ty: &mut TypeExpr, link: Option<&str>) {
    let Some(stem) = link.and_then(|l| l.strip_suffix(".md")) else {
        return;
    };
    if let TypeExpr::Model(name) = ty.innermost_mut()
        && name.len() > stem.len()
        && name.ends_with(stem)
    {
        *name = stem.to_string();
    }
}

/// Takes the dialect's wrapper (Go's `Pointer to `, Rust's `Option<…>`)
/// off a raw type cell.
fn unwrap(raw: &str, wrapper: Option<Wrapper>) -> (&str, Option<Wrapper>) {
    match wrapper {
        Some(Wrapper::Pointer) => raw
            .strip_prefix("Pointer to ")
            .map_or((raw, None), |rest| (rest.trim(), wrapper)),
        Some(Wrapper::Option) => unwrap_option(raw),
        None => (raw, None),
    }
}

/// Rust's `Option<[**T**](…)>`: the markup inside.
fn unwrap_option(raw: &str) -> (&str, Option<Wrapper>) {
    let wrapped = raw
        .strip_prefix("Option<")
        .and_then(|rest| rest.strip_suffix('>'))
        .filter(|inner| inner.starts_with("**") || inner.starts_with('['));
    match wrapped {
        Some(inner) => (inner.trim(), Some(Wrapper::Option)),
        None => (raw, None),
    }
}

/// True for a line with cells; kramdown attribute lines (`{: class="…"}`) are
/// silently dropped, any other pipe-less line is reported.
pub fn is_table_row(line: &Range<usize>, reporter: &mut Reporter<'_, '_>) -> bool {
    let row = &reporter.text[line.clone()];
    if has_pipe(row) {
        return true;
    }
    if !row.trim_start().starts_with("{:") {
        reporter.report(
            Severity::Warning,
            Code::StrayTableLine,
            line.clone(),
            "line without cells inside a table is ignored".to_string(),
            "separate the table from the following text with a blank line",
        );
    }
    false
}

fn report_unknown_notes(
    name: &str,
    notes: &Notes,
    span: Range<usize>,
    reporter: &mut Reporter<'_, '_>,
) {
    for unknown in &notes.unknown {
        reporter.report(
            Severity::Warning,
            Code::UnknownNote,
            span.clone(),
            format!("note `{unknown}` of `{name}` is not understood and is ignored"),
            "known notes are `[optional]`, `[readonly]`, `[default to X]` and `[one of: …]`",
        );
    }
}

/// Notes rows whose cell count differs from the header's.
fn report_cell_count(
    line: &Range<usize>,
    found: usize,
    columns: Columns,
    rejoined: usize,
    reporter: &mut Reporter<'_, '_>,
) {
    if rejoined > 0 {
        reporter.report(
            Severity::Note,
            Code::ExtraCells,
            line.clone(),
            format!(
                "row has {found} cells for {} columns: unescaped `|` read as part of the description",
                columns.count
            ),
            "escape pipes in descriptions as `\\|`",
        );
    } else if found < columns.count {
        reporter.report(
            Severity::Warning,
            Code::MalformedRow,
            line.clone(),
            format!(
                "row has {found} cells for {} columns: the missing cells are read as empty",
                columns.count
            ),
            "give every row one cell per header column",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_wrappers_come_off() {
        assert_eq!(
            unwrap("Pointer to **string**", Some(Wrapper::Pointer)),
            ("**string**", Some(Wrapper::Pointer))
        );
        assert_eq!(
            unwrap(
                "Option<[**Vec<models::Tag>**](Tag.md)>",
                Some(Wrapper::Option)
            ),
            ("[**Vec<models::Tag>**](Tag.md)", Some(Wrapper::Option))
        );
        assert_eq!(
            unwrap("**Option<String>**", Some(Wrapper::Option)),
            ("**Option<String>**", None)
        );
    }
}
