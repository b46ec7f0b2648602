//! One page → one model (with the enums it declares), or a note that the page
//! is not a model page. Problems become diagnostics; a bad row is skipped and
//! the rest of the page is still read.

use std::ops::Range;

use serde::Deserialize;

use crate::diagnostics::{Code, Diagnostic, Severity, line_and_column};
use crate::ir::{Enum, EnumBase, Model, Property, SourceRef};

use super::blocks::{Block, blocks};
use super::cells::{has_pipe, name_cell, plain_text, split_row, type_cell};
use super::dialect::{self, Rules, Signals};
use super::rows::{self, Columns};
use super::types;

/// What one model page declares, before names are made unique across pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageModel {
    /// The model; its enum references use the page's own enum names.
    pub model: Model,
    /// The page's enums; `name` stays empty until the resolver names them.
    pub enums: Vec<Enum>,
}

/// A table's header line and body lines, as source ranges.
#[derive(Clone, Copy)]
struct Table<'b> {
    header: &'b Range<usize>,
    rows: &'b [Range<usize>],
}

/// An `## Enum: X` section.
struct EnumSection<'b> {
    doc_name: String,
    heading: Range<usize>,
    table: Option<Table<'b>>,
}

/// The parts of a page that the reader uses.
#[derive(Default)]
struct Sections<'b> {
    title: Option<String>,
    headings: Vec<(&'b str, Range<usize>)>,
    description: Vec<Range<usize>>,
    /// `Some` once a `Properties` heading is seen; its table, if it has one.
    properties: Option<Option<Table<'b>>>,
    enums: Vec<EnumSection<'b>>,
}

/// Which section the block walk is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    BeforeHeading,
    Preamble,
    Properties,
    Enum,
    Other,
}

/// Where diagnostics about one page go.
struct Reporter<'d, 't> {
    file: &'t str,
    text: &'t str,
    out: &'d mut Vec<Diagnostic>,
}

impl Reporter<'_, '_> {
    fn report(
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

    fn source(&self, offset: usize) -> SourceRef {
        SourceRef {
            file: self.file.to_string(),
            line: line_and_column(self.text, offset).0,
        }
    }
}

/// Reads the page `file` whose content is `text`; `None` for pages that
/// declare no model (with a note) or whose model has no name (with an error).
pub fn read_page(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<PageModel> {
    let mut reporter = Reporter {
        file,
        text,
        out: diagnostics,
    };
    let found = blocks(text);
    let sections = sections(&found, &mut reporter);
    let namespace_name = sections
        .headings
        .iter()
        .find_map(|(h, _)| dialect::namespace_model_name(h));
    if sections.properties.is_none() && namespace_name.is_none() {
        reporter.report(
            Severity::Note,
            Code::NotAModelPage,
            0..0,
            "skipped: not a model page (no `Properties` section)".to_string(),
            "nothing to do for an API page, an index or release notes; a model page has a `## Properties` heading",
        );
        return None;
    }
    let Some(name) = model_name(namespace_name, &sections) else {
        let span = sections.headings.first().map_or(0..0, |(_, r)| r.clone());
        reporter.report(
            Severity::Error,
            Code::MissingModelName,
            span,
            "model page without a model name".to_string(),
            "start the page with `# ModelName`, or front matter `title: ModelName`",
        );
        return None;
    };
    let table = sections.properties.flatten();
    let dialect = dialect::detect(&Signals {
        headings: sections.headings.iter().map(|(h, _)| *h).collect(),
        type_cells: table.map_or_else(Vec::new, |t| type_cell_texts(text, t)),
    });
    let rules = Rules::of(dialect);
    let enums: Vec<Enum> = sections
        .enums
        .iter()
        .filter_map(|section| read_enum(&name, section, &mut reporter))
        .collect();
    let mut properties = table.map_or_else(Vec::new, |t| {
        read_properties(&name, t, rules, &mut reporter)
    });
    for property in &mut properties {
        property
            .ty
            .link_enums(&|n| enums.iter().any(|e| e.doc_name == n));
    }
    let description = description(text, &sections.description);
    Some(PageModel {
        model: Model {
            name,
            dialect,
            description,
            sources: vec![file.to_string()],
            properties,
        },
        enums,
    })
}

/// Walks the blocks once, filing each under its section.
fn sections<'b>(found: &'b [Block], reporter: &mut Reporter<'_, '_>) -> Sections<'b> {
    let mut sections = Sections::default();
    let mut walk = Walk::BeforeHeading;
    for block in found {
        match block {
            Block::FrontMatter { yaml, range } => {
                sections.title = front_matter_title(yaml, range.clone(), reporter)
            }
            Block::Heading { text, range, .. } => {
                sections.headings.push((text, range.clone()));
                walk = if text.eq_ignore_ascii_case("properties") {
                    sections.properties = Some(None);
                    Walk::Properties
                } else if let Some(doc_name) = text.strip_prefix("Enum:") {
                    sections.enums.push(EnumSection {
                        doc_name: doc_name.trim().to_string(),
                        heading: range.clone(),
                        table: None,
                    });
                    Walk::Enum
                } else if sections.properties.is_none() && sections.enums.is_empty() {
                    Walk::Preamble
                } else {
                    Walk::Other
                };
            }
            Block::Paragraph { range } if walk == Walk::Preamble => {
                sections.description.push(range.clone())
            }
            Block::Table { header, rows } => {
                let table = Some(Table { header, rows });
                match walk {
                    Walk::Properties if matches!(sections.properties, Some(None)) => {
                        sections.properties = Some(table)
                    }
                    Walk::Enum => {
                        if let Some(section) = sections.enums.last_mut() {
                            section.table = section.table.or(table);
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    sections
}

/// The `title` of YAML front matter.
fn front_matter_title(
    yaml: &str,
    span: Range<usize>,
    reporter: &mut Reporter<'_, '_>,
) -> Option<String> {
    #[derive(Deserialize)]
    struct FrontMatter {
        title: Option<String>,
    }
    match serde_saphyr::from_str::<FrontMatter>(yaml) {
        Ok(front_matter) => front_matter.title,
        Err(error) => {
            reporter.report(
                Severity::Warning,
                Code::MalformedFrontMatter,
                span,
                format!("front matter is not valid YAML: {error}"),
                "fix the YAML between the `---` lines, or remove it",
            );
            None
        }
    }
}

/// The model's name: the C# namespace heading, else the front matter title,
/// else the first level-1 or level-2 heading that is a plain identifier.
fn model_name(namespace_name: Option<&str>, sections: &Sections<'_>) -> Option<String> {
    let is_identifier = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    namespace_name
        .map(str::to_string)
        .or_else(|| sections.title.clone().filter(|t| is_identifier(t)))
        .or_else(|| {
            sections
                .headings
                .iter()
                .map(|(h, _)| *h)
                .find(|h| is_identifier(h) && !h.eq_ignore_ascii_case("properties"))
                .map(str::to_string)
        })
}

/// The text of each row's second cell, for dialect detection.
fn type_cell_texts<'t>(text: &'t str, table: Table<'_>) -> Vec<&'t str> {
    table
        .rows
        .iter()
        .filter_map(|row| split_row(text, row.clone()).get(1).map(|c| c.raw))
        .collect()
}

/// The preamble paragraphs, entities decoded, joined by blank lines.
fn description(text: &str, paragraphs: &[Range<usize>]) -> Option<String> {
    let joined = paragraphs
        .iter()
        .map(|r| plain_text(&text[r.clone()]))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    (!joined.is_empty()).then_some(joined)
}

/// Reads every row of the properties table.
fn read_properties(
    model: &str,
    table: Table<'_>,
    rules: &Rules,
    reporter: &mut Reporter<'_, '_>,
) -> Vec<Property> {
    let text = reporter.text;
    let header = split_row(text, table.header.clone());
    let Some(columns) = Columns::from_header(&header) else {
        reporter.report(
            Severity::Error,
            Code::UnknownTableShape,
            table.header.clone(),
            "the table under `Properties` does not start with `Name | Type`".to_string(),
            "give the table the header `| Name | Type | Description | Notes |`",
        );
        return Vec::new();
    };
    let mut properties = Vec::with_capacity(table.rows.len());
    for line in table.rows {
        if is_table_row(line, reporter) {
            properties.extend(read_property(model, line.clone(), columns, rules, reporter));
        }
    }
    properties
}

/// True for a line with cells; kramdown attribute lines (`{: class="…"}`) are
/// silently dropped, any other pipe-less line is reported.
fn is_table_row(line: &Range<usize>, reporter: &mut Reporter<'_, '_>) -> bool {
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

/// Reads one property row; `None` (with an error) when it cannot be read.
fn read_property(
    model: &str,
    line: Range<usize>,
    columns: Columns,
    rules: &Rules,
    reporter: &mut Reporter<'_, '_>,
) -> Option<Property> {
    let text = reporter.text;
    let raw_cells = split_row(text, line.clone());
    let Some(cells) = rows::assign(text, &raw_cells, columns) else {
        reporter.report(
            Severity::Error,
            Code::MalformedRow,
            line,
            format!(
                "row has {} cell(s) and cannot be read as a property",
                raw_cells.len()
            ),
            "a property row needs at least `| **name** | **Type** |`",
        );
        return None;
    };
    let name = name_cell(cells.name.raw);
    if name.is_empty() {
        reporter.report(
            Severity::Error,
            Code::MalformedRow,
            line,
            "row has an empty Name cell".to_string(),
            "write the property name in the first cell: `**name**`",
        );
        return None;
    }
    report_cell_count(&line, raw_cells.len(), columns, cells.rejoined, reporter);
    let type_text = type_cell(cells.ty.raw).text;
    let ty = match types::parse(&type_text, rules) {
        Ok(ty) => ty,
        Err(why) => {
            reporter.report(
                Severity::Error,
                Code::UnparsableType,
                cells.ty.span.clone(),
                format!("cannot read the type `{type_text}` of `{name}`: {why}"),
                "write a type such as `**String**`, `[**List&lt;X&gt;**](X)` or `**Dictionary&lt;string, X&gt;**`",
            );
            return None;
        }
    };
    let notes = cells
        .notes
        .as_ref()
        .map(|c| rows::notes(c.raw))
        .unwrap_or_default();
    for unknown in &notes.unknown {
        let span = cells
            .notes
            .as_ref()
            .map_or(line.clone(), |c| c.span.clone());
        reporter.report(
            Severity::Warning,
            Code::UnknownNote,
            span,
            format!("note `{unknown}` of `{name}` is not understood and is ignored"),
            "known notes are `[optional]`, `[readonly]` and `[default to X]`",
        );
    }
    let description = cells
        .description
        .map(|c| plain_text(c.raw))
        .filter(|d| !d.is_empty());
    Some(Property {
        wire_name: rules.wire_name(&name, model),
        wire_name_rule: rules.wire_names,
        name,
        ty,
        required: columns.notes && !notes.optional,
        readonly: notes.readonly,
        default: notes.default,
        description,
        source: reporter.source(line.start),
        recursive: false,
    })
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
            format!("row has {found} cells for {} columns: unescaped `|` read as part of the description", columns.count),
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

/// Reads an `## Enum: X` section; `None` (with a warning) when it lists no values.
fn read_enum(
    model: &str,
    section: &EnumSection<'_>,
    reporter: &mut Reporter<'_, '_>,
) -> Option<Enum> {
    let text = reporter.text;
    let mut read = Enum {
        name: String::new(),
        model: model.to_string(),
        doc_name: section.doc_name.clone(),
        base: EnumBase::String,
        values: Vec::new(),
        value_names: Vec::new(),
        unknown_sentinel: None,
        source: reporter.source(section.heading.start),
    };
    let rows = section.table.map_or(&[][..], |t| t.rows);
    let mut all_integers = true;
    for line in rows {
        if !is_table_row(line, reporter) {
            continue;
        }
        let cells = split_row(text, line.clone());
        let [name, value, ..] = cells.as_slice() else {
            reporter.report(
                Severity::Error,
                Code::MalformedEnumRow,
                line.clone(),
                format!("enum row has {} cell(s)", cells.len()),
                "an enum row is `| NAME | &quot;value&quot; |`",
            );
            continue;
        };
        let name = name_cell(name.raw);
        let value = plain_text(value.raw);
        let (value, quoted) = match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            Some(inner) => (inner.to_string(), true),
            None => (value, false),
        };
        if is_unknown_sentinel(&name, &value) {
            read.unknown_sentinel = Some(value);
            continue;
        }
        all_integers &= !quoted && value.parse::<i64>().is_ok();
        read.value_names.push(name);
        read.values.push(value);
    }
    if read.values.is_empty() {
        reporter.report(
            Severity::Warning,
            Code::EmptyEnum,
            section.heading.clone(),
            format!(
                "enum `{}` lists no values; properties of this type read as its name",
                section.doc_name
            ),
            "follow the heading with a `| Name | Value |` table",
        );
        return None;
    }
    if all_integers {
        read.base = EnumBase::Integer;
    }
    Some(read)
}

/// The Genesys SDKs' member for values the SDK does not know: not a wire value.
fn is_unknown_sentinel(name: &str, value: &str) -> bool {
    value == "OutdatedSdkVersion"
        || name.eq_ignore_ascii_case("OUTDATEDSDKVERSION")
        || name.eq_ignore_ascii_case("OUTDATED_SDK_VERSION")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Dialect, TypeExpr};

    fn read(text: &str) -> (Option<PageModel>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let page = read_page("p.md", text, &mut diagnostics);
        (page, diagnostics)
    }

    #[test]
    fn a_namespace_heading_without_properties_is_an_empty_model() {
        let (page, diagnostics) = read("# X\n\n## ININ.PureCloudApi.Model.Thing\n\n_footer_\n");
        let page = page.unwrap();
        assert_eq!(
            (page.model.name.as_str(), page.model.dialect),
            ("Thing", Dialect::GenesysDotnet)
        );
        assert!(page.model.properties.is_empty());
        assert_eq!(diagnostics, []);
    }

    #[test]
    fn the_name_comes_from_the_page_and_the_description_from_its_preamble() {
        let text = "---\ntitle: Pet\n---\n## Pet\n\nA pet &amp; its *tags*.\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **id** | **Long** | x | |\n";
        let page = read(text).0.unwrap();
        assert_eq!(page.model.name, "Pet");
        assert_eq!(
            page.model.description.as_deref(),
            Some("A pet & its *tags*.")
        );
        assert_eq!(page.model.properties[0].ty.to_string(), "int64");
        assert!(page.model.properties[0].required);
    }

    #[test]
    fn integer_enums_and_stray_lines() {
        let text = "# Net\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **family** | [**FamilyEnum**](#FamilyEnum) | x | [optional] |\nstray text\n\n## Enum: FamilyEnum\n\n| Name | Value |\n|--|--|\n| NUMBER_2 | 2 |\n| NUMBER_23 | 23 |\n";
        let (page, diagnostics) = read(text);
        let page = page.unwrap();
        assert_eq!(
            page.model.properties[0].ty,
            TypeExpr::Enum("FamilyEnum".into())
        );
        assert_eq!(page.enums[0].base, EnumBase::Integer);
        assert_eq!(page.enums[0].values, ["2", "23"]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            (diagnostics[0].code, diagnostics[0].line),
            (Code::StrayTableLine, 8)
        );
    }

    #[test]
    fn a_row_without_a_type_is_reported_and_the_next_row_is_read() {
        let text = "# M\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **a** |\n| **b** | **String** | | |\n";
        let (page, diagnostics) = read(text);
        let names: Vec<String> = page
            .unwrap()
            .model
            .properties
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["b"]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            (diagnostics[0].code, diagnostics[0].severity),
            (Code::MalformedRow, Severity::Error)
        );
        assert_eq!(diagnostics[0].line, 7);
    }
}
