//! One page → what it declares: a model (with the enums it declares inline),
//! a union, or an enum of its own; or a note that the page declares nothing.
//! Problems become diagnostics; a bad row is skipped and the rest is read.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;

use crate::diagnostics::{Code, Diagnostic, LineIndex, Severity};
use crate::ir::{Dialect, EnumMember, Primitive, TypeExpr, WireNameRule, WireValue};
use crate::settings::PageSettings;

use super::blocks::blocks;
use super::cells::{plain_text, split_row, type_cell};
use super::declared::{Declared, PageEnum, PageModel, PageProperty};
use super::dialect::detect::{self, Detection, Signals};
use super::dialect::{self, Spec};
use super::enums::{self, Values};
use super::properties::{Reading, Row};
use super::report::Reporter;
use super::sections::{Listing, Sections, Table, sections};
use super::types;

/// What reading one page gave.
#[derive(Debug)]
pub(crate) struct PageRead {
    /// What the page declares; `None` for a page that declares nothing (with
    /// a note) or whose model has no name (with an error).
    pub declared: Option<Declared>,
    /// What the page said of its dialect; `None` when the settings named the
    /// dialect, or when the page declares nothing.
    pub detection: Option<Detection>,
}

/// Reads the page `file` whose content is `text`.
pub(crate) fn read_page(
    file: &str,
    text: &str,
    settings: PageSettings,
    diagnostics: &mut Vec<Diagnostic>,
) -> PageRead {
    let mut reporter = Reporter {
        file,
        text,
        out: diagnostics,
        lines: LineIndex::new(text),
    };
    let found = blocks(text);
    let sections = sections(&found);
    let namespace_name = sections
        .headings
        .iter()
        .find_map(|(_, h, _)| dialect::namespace_model_name(h));
    let declares = sections.properties.is_some()
        || namespace_name.is_some()
        || sections.enum_page.is_some()
        || sections.one_of.is_some();
    if !declares {
        reporter.report(
            Severity::Note,
            Code::NotAModelPage,
            0..0,
            "skipped: not a model page (no `Properties`, `Enum` or `oneOf` section)".to_string(),
            "nothing to do for an API page, an index or release notes; a model page has a `## Properties` heading",
        );
        return PageRead {
            declared: None,
            detection: None,
        };
    }
    let title = front_matter_title(&sections, &mut reporter);
    let Some(name) = model_name(namespace_name, title, &sections) else {
        let span = sections
            .headings
            .first()
            .map_or(0..0, |(_, _, r)| r.clone());
        reporter.report(
            Severity::Error,
            Code::MissingModelName,
            span,
            "model page without a model name".to_string(),
            "start the page with `# ModelName`, or front matter `title: ModelName`",
        );
        return PageRead {
            declared: None,
            detection: None,
        };
    };
    let table = sections.properties.flatten();
    let (dialect, detection) = match settings.dialect {
        Some(dialect) => (dialect, None),
        None => {
            let detection = detect::detect(&signals(text, &sections, table));
            (detection.dialect, Some(detection))
        }
    };
    let rules = dialect.spec();
    let page = Page {
        name: rules.vocabulary.unescape_model(&name).to_string(),
        dialect,
        rules,
        settings,
        sections: &sections,
    };
    PageRead {
        declared: page.declared(table, &mut reporter),
        detection,
    }
}

/// The enums a model page declares, and the anchor ids that name them.
struct PageEnums {
    enums: Vec<PageEnum>,
    anchors: HashMap<String, String>,
    /// Each enum's section heading name, by the enum's doc name.
    headings: HashMap<String, String>,
}

impl PageEnums {
    /// For a type link to an in-page anchor (`#StateEnum`, `#Enum--StateEnum`,
    /// `#kotlin.collections.List&lt;X&gt;`): the decoded target and the enum it names.
    fn linked(&self, link: Option<&str>) -> Option<(String, String)> {
        let target = link?.strip_prefix('#')?.trim_start_matches("Enum--");
        let target = html_escape::decode_html_entities(target).into_owned();
        let doc_name = self.anchors.get(&target).cloned().or_else(|| {
            self.enums
                .iter()
                .find(|e| e.doc_name == target)
                .map(|e| e.doc_name.clone())
        })?;
        Some((target, doc_name))
    }
}

/// A page being read: its name, dialect and sections.
struct Page<'p, 'b> {
    name: String,
    dialect: Dialect,
    rules: &'static Spec,
    settings: PageSettings,
    sections: &'p Sections<'b>,
}

impl Page<'_, '_> {
    fn declared(
        self,
        table: Option<Table<'_>>,
        reporter: &mut Reporter<'_, '_>,
    ) -> Option<Declared> {
        if let Some(union) = self.union(reporter) {
            return Some(Declared::Model(union));
        }
        let reading = Reading {
            model: &self.name,
            rules: self.rules,
            wire_case: self.settings.wire_case,
        };
        let (mut columns, mut rows) =
            table.map_or_else(Default::default, |t| reading.table(t, reporter));
        let (loose_header, loose) = loose_rows(reporter.text, &self.sections.properties_rest);
        if let Some(header) = table.map(|t| t.header).or(loose_header.as_ref())
            && let Some(first) = loose.first()
        {
            reporter.report(
                Severity::Warning,
                Code::SplitTable,
                first.clone(),
                format!(
                    "{} row(s) of the Properties section stand outside its table; they are read as part of it",
                    loose.len()
                ),
                "keep the table in one piece: no blank line or comment between rows, one header, and its `---` separator line",
            );
            let (loose_columns, loose_rows) = reading.table(
                Table {
                    header,
                    rows: &loose,
                },
                reporter,
            );
            if table.is_none() {
                columns = loose_columns;
            }
            rows.extend(loose_rows);
        }
        if let Some(listing) = &self.sections.enum_page
            && let Some(declared) = self.enum_page(listing, reporter)
        {
            return Some(Declared::Enum(declared));
        }
        if self.rules.quirks.value_row_enum_pages
            && let Some(values) = python_prior_enum(&rows)
        {
            let heading = self.sections.headings.first().map_or(0..0, |h| h.2.clone());
            return Some(Declared::Enum(self.enumeration(
                None,
                self.name.clone(),
                values,
                heading,
                reporter,
            )));
        }
        if table.is_some() && !columns.notes && !rows.is_empty() {
            let span = table.map_or(0..0, |t| t.header.clone());
            reporter.report(
                Severity::Note,
                Code::RequiredUnknown,
                span,
                "the table has no Notes column: whether each property is required is unknown, so all are read as optional".to_string(),
                "docs generated by typescript-fetch carry no required information; merge them with pages of another dialect to learn it",
            );
        }
        let mut page_enums = self.inline_enums(reporter);
        let (additional, rows): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|row| {
            self.rules.quirks.additional_properties_row == Some(row.property.name.as_str())
        });
        let properties = rows
            .into_iter()
            .map(|row| self.link_enums(row, &mut page_enums, reporter))
            .collect();
        let properties = without_repeats(properties, reporter);
        Some(Declared::Model(PageModel {
            name: self.name.clone(),
            dialect: self.dialect,
            description: description(reporter.text, &self.sections.description),
            sources: vec![reporter.file.to_string()],
            properties,
            one_of: Vec::new(),
            additional_properties: additional.into_iter().next().map(|row| row.property.ty),
            enums: page_enums.enums,
        }))
    }

    /// The page's `## Enum: X` sections, the anchor ids that name them and
    /// their headings.
    fn inline_enums(&self, reporter: &mut Reporter<'_, '_>) -> PageEnums {
        let mut found = Vec::new();
        let mut anchors = HashMap::new();
        let mut headings = HashMap::new();
        for listing in &self.sections.enums {
            let values = enums::read(reporter.text, listing, self.rules.quirks.joined_enum_row);
            // Kotlin titles the section with the wire name and links to its
            // anchor (`Status`, `kotlin.collections.List<X>`); other dialects
            // title it with the enum's type name.
            let named_by = listing.anchor.as_deref().unwrap_or(&listing.doc_name);
            let doc_name = enums::section_enum_name(named_by).to_string();
            let heading = listing.heading.clone();
            let declared = self.enumeration(
                Some(&self.name),
                doc_name.clone(),
                values,
                heading,
                reporter,
            );
            // An enum without values is left out, and nothing links to it.
            if declared.members.is_empty() {
                continue;
            }
            if let Some(anchor) = &listing.anchor {
                anchors.insert(anchor.clone(), doc_name.clone());
            }
            headings.insert(doc_name, listing.doc_name.clone());
            found.push(declared);
        }
        PageEnums {
            enums: found,
            anchors,
            headings,
        }
    }

    /// Points a row's type at the inline enum it names or links to, or at an
    /// enum made from the values its notes or description list.
    fn link_enums(
        &self,
        row: Row,
        page_enums: &mut PageEnums,
        reporter: &mut Reporter<'_, '_>,
    ) -> PageProperty {
        let Row {
            mut property,
            link,
            values,
        } = row;
        if let Some((target, doc_name)) = page_enums.linked(link.as_deref()) {
            // Kotlin writes `inline` and puts the container in the anchor.
            if self.rules.quirks.inline_anchor_types
                && property.ty == TypeExpr::Model("inline".to_string())
                && let Ok(container) = types::parse(&target, &self.rules.vocabulary)
            {
                property.ty = container;
            }
            self.take_shown_wire_name(&mut property, page_enums.headings.get(&doc_name));
            *property.ty.innermost_mut() = TypeExpr::Enum(doc_name);
        }
        let enums = &mut page_enums.enums;
        // JavaScript types the property `String` and names its section by
        // the convention `<Property>Enum`, without a link between them.
        let conventional = format!(
            "{}Enum",
            heck::ToUpperCamelCase::to_upper_camel_case(property.name.as_str())
        );
        let innermost = property.ty.innermost_mut();
        match innermost {
            TypeExpr::Model(name) if enums.iter().any(|e| e.doc_name == *name) => {
                *innermost = TypeExpr::Enum(name.clone());
            }
            TypeExpr::Primitive(
                Primitive::String | Primitive::Int32 | Primitive::Int64 | Primitive::Double,
            ) if self.rules.quirks.enums_by_section_name
                && enums.iter().any(|e| e.doc_name == conventional) =>
            {
                *innermost = TypeExpr::Enum(conventional);
            }
            _ => {}
        }
        let is_plain = matches!(
            innermost,
            TypeExpr::Primitive(
                Primitive::String | Primitive::Int32 | Primitive::Int64 | Primitive::Double
            ) | TypeExpr::Model(_)
        );
        if !values.is_empty() && is_plain {
            let doc_name = match innermost {
                TypeExpr::Model(name) => name.clone(),
                _ => format!(
                    "{}Enum",
                    heck::ToUpperCamelCase::to_upper_camel_case(property.name.as_str())
                ),
            };
            let mut declared = self.enumeration(
                Some(&self.name),
                doc_name.clone(),
                enums::from_list(&values),
                0..0,
                reporter,
            );
            declared.source = property.source.clone();
            // Values listed for a `string` property are strings, even `1`.
            if matches!(innermost, TypeExpr::Primitive(Primitive::String)) {
                for member in &mut declared.members {
                    member.value = WireValue::Str(member.value.to_string());
                }
            }
            *innermost = TypeExpr::Enum(doc_name);
            enums.push(declared);
        }
        property
    }

    /// Takes the wire name from the heading of the property's enum section,
    /// in a dialect that titles it so (Kotlin's `## Enum: resource_type` for
    /// `resourceType`), where the heading spells the property's words.
    fn take_shown_wire_name(&self, property: &mut PageProperty, heading: Option<&String>) {
        let Some(heading) = heading.filter(|_| self.rules.quirks.enum_headings_show_wire_names)
        else {
            return;
        };
        if enums::same_words(&property.name, heading) {
            property.wire_name = heading.clone();
            property.wire_name_rule = WireNameRule::Shown;
        }
    }

    /// The enum page's enum (`## Enum` bullets, Rust's `## Enum Variants`).
    /// `None` (with a warning) when the section lists nothing: the page is
    /// then read as a model (Rust writes an empty variants table for a
    /// discriminated base model).
    fn enum_page(
        &self,
        listing: &Listing<'_>,
        reporter: &mut Reporter<'_, '_>,
    ) -> Option<PageEnum> {
        let values = enums::read(reporter.text, listing, self.rules.quirks.joined_enum_row);
        if values.members.is_empty() {
            reporter.report(
                Severity::Warning,
                Code::EmptyEnum,
                listing.heading.clone(),
                format!(
                    "`{}` has an empty enum section; unless another page lists its values, it is any JSON value",
                    self.name
                ),
                "list the values as `` * `NAME` (value: `\"value\"`) `` bullets",
            );
            return None;
        }
        Some(self.enumeration(
            None,
            self.name.clone(),
            values,
            listing.heading.clone(),
            reporter,
        ))
    }

    /// A [`PageEnum`] from values read at `heading`; warns when there are none.
    fn enumeration(
        &self,
        model: Option<&str>,
        doc_name: String,
        values: Values,
        heading: Range<usize>,
        reporter: &mut Reporter<'_, '_>,
    ) -> PageEnum {
        for line in &values.bad_rows {
            reporter.report(
                Severity::Warning,
                Code::MalformedEnumRow,
                line.clone(),
                "enum row has fewer than two cells: it is left out".to_string(),
                "an enum row is `| NAME | &quot;value&quot; |`",
            );
        }
        if values.members.is_empty() {
            reporter.report(
                Severity::Warning,
                Code::EmptyEnum,
                heading.clone(),
                format!("enum `{doc_name}` lists no values; properties of this type read as its name"),
                "list the values in a `| Name | Value |` table or `` * `NAME` (value: `\"value\"`) `` bullets",
            );
        }
        let integers = values.all_integers();
        let members = values
            .members
            .into_iter()
            .map(|member| EnumMember {
                name: Some(member.name).filter(|n| !n.is_empty()),
                value: match member.value.parse::<i64>() {
                    Ok(n) if integers => WireValue::Int(n),
                    _ => WireValue::Str(member.value),
                },
            })
            .collect();
        PageEnum {
            doc_name,
            model: model.map(str::to_string),
            members,
            unknown_sentinel: values.sentinel,
            source: reporter.source(heading.start),
        }
    }

    /// A union page: php-nextgen `## oneOf` bullets, Ruby's `openapi_one_of`
    /// list, or Rust's `## Enum Variants` table of member types.
    fn union(&self, reporter: &mut Reporter<'_, '_>) -> Option<PageModel> {
        let text = reporter.text;
        let (listing, members) = if let Some(listing) = &self.sections.one_of {
            let from_items = listing
                .items
                .iter()
                .filter_map(|r| self.member_type(&text[r.clone()]));
            let from_code = listing
                .code
                .iter()
                .flat_map(|r| text[r.clone()].lines())
                .filter(|_| self.rules.quirks.one_of_comment)
                .filter_map(ruby_member);
            (listing, from_items.chain(from_code).collect::<Vec<_>>())
        } else {
            let listing = self.sections.enum_page.as_ref()?;
            let table = listing.table?;
            let header = split_row(text, table.header.clone());
            let is_union = header
                .get(1)
                .is_some_and(|c| plain_text(c.raw) == "Description");
            if !is_union {
                return None;
            }
            let names = table
                .rows
                .iter()
                .filter_map(|r| {
                    split_row(text, r.clone())
                        .first()
                        .map(|c| plain_text(c.raw))
                })
                .filter(|n| !n.is_empty())
                .map(|n| self.variant_type(n));
            (listing, names.collect())
        };
        if members.is_empty() {
            reporter.report(
                Severity::Warning,
                Code::EmptyUnion,
                listing.heading.clone(),
                format!(
                    "union `{}` names no member types; it is read as any JSON value",
                    self.name
                ),
                "list the members as `- [**Member**](Member.md)` bullets",
            );
        }
        let members = if members.is_empty() {
            vec![TypeExpr::Primitive(Primitive::Any)]
        } else {
            members
        };
        Some(PageModel {
            name: self.name.clone(),
            dialect: self.dialect,
            description: description(text, &self.sections.description),
            sources: vec![reporter.file.to_string()],
            properties: Vec::new(),
            one_of: members,
            additional_properties: None,
            enums: Vec::new(),
        })
    }

    /// A member bullet: `[**\Ns\Model\Apple**](Apple.md)`.
    /// A Rust variant table's member: a type of the vocabulary (`String`,
    /// `Vec<String>`, `chrono::NaiveDate`), else a model by name; the
    /// variant named like the union itself is an inline member the page does
    /// not describe, so any JSON value.
    fn variant_type(&self, name: String) -> TypeExpr {
        if name == self.name {
            return TypeExpr::Primitive(Primitive::Any);
        }
        types::parse(&name, &self.rules.vocabulary).unwrap_or(TypeExpr::Model(name))
    }

    fn member_type(&self, item: &str) -> Option<TypeExpr> {
        let item = item.trim().trim_start_matches(['-', '*']).trim();
        types::parse(&type_cell(item).text, &self.rules.vocabulary).ok()
    }
}

/// The lines of the Properties section's other blocks that are table rows,
/// and the first header line among them (`Name | Type | …`), for a section
/// whose table lacks its separator.
fn loose_rows(text: &str, blocks: &[Range<usize>]) -> (Option<Range<usize>>, Vec<Range<usize>>) {
    let mut header = None;
    let mut rows = Vec::new();
    for block in blocks {
        let mut start = block.start;
        for line in text[block.clone()].split_inclusive('\n') {
            let range = start..start + line.trim_end_matches(['\n', '\r']).len();
            start += line.len();
            let line = line.trim();
            let cells_only = line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
            if !super::cells::has_pipe(line) || cells_only {
                continue;
            }
            let first_cell = line.trim_start_matches('|').split('|').next().unwrap_or("");
            if first_cell.trim().eq_ignore_ascii_case("name") {
                header.get_or_insert(range);
            } else {
                rows.push(range);
            }
        }
    }
    (header, rows)
}

/// The properties with the first row of each wire name; each later row of
/// a wire name is left out with a warning (two fields of one wire name make
/// a struct that cannot read its JSON).
fn without_repeats(
    properties: Vec<PageProperty>,
    reporter: &mut Reporter<'_, '_>,
) -> Vec<PageProperty> {
    let mut first_lines: HashMap<String, u32> = HashMap::new();
    let mut kept = Vec::with_capacity(properties.len());
    for property in properties {
        match first_lines.get(&property.wire_name) {
            Some(first) => reporter.out.push(Diagnostic::at_line(
                Severity::Warning,
                Code::DuplicateProperty,
                &property.source,
                format!(
                    "`{}` is listed again (first at line {first}): this row, typed `{}`, is left out",
                    property.wire_name, property.ty
                ),
                "remove one of the rows",
            )),
            None => {
                first_lines.insert(property.wire_name.clone(), property.source.line);
                kept.push(property);
            }
        }
    }
    kept
}

/// A Ruby `openapi_one_of` comment line: `#   :'Apple',`.
fn ruby_member(line: &str) -> Option<TypeExpr> {
    let rest = line.trim().strip_prefix('#')?.trim().strip_prefix(":'")?;
    let (name, _) = rest.split_once('\'')?;
    (!name.is_empty()).then(|| TypeExpr::Model(name.to_string()))
}

/// python-prior's enum page: one `value` row whose notes list the values.
fn python_prior_enum(rows: &[Row]) -> Option<Values> {
    let [only] = rows else { return None };
    (only.property.name == "value" && !only.values.is_empty())
        .then(|| enums::from_list(&only.values))
}

/// The `title` of YAML front matter.
fn front_matter_title(sections: &Sections<'_>, reporter: &mut Reporter<'_, '_>) -> Option<String> {
    #[derive(Deserialize)]
    struct FrontMatter {
        title: Option<String>,
    }
    let (yaml, span) = sections.front_matter.as_ref()?;
    match serde_saphyr::from_str::<FrontMatter>(yaml) {
        Ok(front_matter) => front_matter.title,
        Err(error) => {
            reporter.report(
                Severity::Warning,
                Code::MalformedFrontMatter,
                span.clone(),
                format!("front matter is not valid YAML: {error}"),
                "fix the YAML between the `---` lines, or remove it",
            );
            None
        }
    }
}

/// The model's name: the C# namespace heading, else the front matter title,
/// else the first level-1 or level-2 heading that names a type once its
/// module path is removed (`# # Pet`, `# Petstore::Pet`, `# pkg.model.Pet`).
fn model_name(
    namespace_name: Option<&str>,
    title: Option<String>,
    sections: &Sections<'_>,
) -> Option<String> {
    let is_identifier = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    if let Some(name) = namespace_name {
        return Some(name.to_string());
    }
    if let Some(title) = title.filter(|t| is_identifier(t)) {
        return Some(title);
    }
    sections
        .headings
        .iter()
        .filter(|(level, _, _)| *level <= 2)
        .map(|(_, h, _)| {
            let h = h.trim_start_matches("# ").trim();
            h.rsplit(['.', ':', '\\']).next().unwrap_or(h)
        })
        .find(|h| is_identifier(h) && !h.eq_ignore_ascii_case("properties"))
        .map(str::to_string)
}

/// The page's signals for dialect detection.
fn signals<'t>(text: &'t str, sections: &Sections<'t>, table: Option<Table<'_>>) -> Signals<'t> {
    let mut signals = Signals {
        text,
        headings: sections.headings.iter().map(|(l, h, _)| (*l, *h)).collect(),
        front_matter: sections.front_matter.is_some(),
        code_langs: sections.code_langs.clone(),
        ..Signals::default()
    };
    if let Some(table) = table {
        let header = &text[table.header.clone()];
        let separator_start = (table.header.end + 1).min(text.len());
        let separator = text[separator_start..].lines().next().unwrap_or_default();
        signals.header = Some((header, separator));
        signals.columns = split_row(text, table.header.clone()).len();
        for row in table.rows {
            let cells = split_row(text, row.clone());
            if let Some(cell) = cells.get(1) {
                signals
                    .type_cells
                    .push(html_escape::decode_html_entities(cell.raw).into_owned());
            }
            if let Some(cell) = cells.last().filter(|_| cells.len() >= 4) {
                signals.notes_cells.push(cell.raw);
            }
        }
    }
    signals
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<Declared>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let page = read_page("p.md", text, PageSettings::default(), &mut diagnostics);
        (page.declared, diagnostics)
    }

    fn model(text: &str) -> PageModel {
        match read(text).0 {
            Some(Declared::Model(page)) => page,
            other => panic!("not a model page: {other:?}"),
        }
    }

    #[test]
    fn rows_split_off_the_table_are_read_with_a_warning() {
        const TABLE_HEAD: &str = "Name | Type | Description | Notes\n";
        const HEAD: &str = "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n";
        const SEPARATOR: &str = "------------ | ------------- | ------------- | -------------\n";
        let id = "**id** | **Long** | | \n";
        let name = "**name** | **String** | | \n";
        for (form, text) in [
            ("a blank line", format!("{HEAD}{SEPARATOR}{id}\n{name}")),
            (
                "an HTML comment",
                format!("{HEAD}{SEPARATOR}{id}<!-- a\nb -->\n{name}"),
            ),
            (
                "a second table",
                format!("{HEAD}{SEPARATOR}{id}\n{TABLE_HEAD}{SEPARATOR}{name}"),
            ),
            ("no separator line", format!("{HEAD}{id}{name}")),
        ] {
            let (page, diagnostics) = read(&text);
            let Some(Declared::Model(page)) = page else {
                panic!("{form}")
            };
            let names: Vec<&str> = page.properties.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(names, ["id", "name"], "{form}");
            let codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
            assert_eq!(codes, [Code::SplitTable], "{form}");
        }
    }

    #[test]
    fn a_repeated_row_is_left_out_with_a_warning() {
        let (page, diagnostics) = read(
            "# Pet\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **id** | **Long** | | |\n| **id** | **String** | | |\n",
        );
        let Some(Declared::Model(page)) = page else {
            panic!()
        };
        assert_eq!(page.properties.len(), 1);
        assert_eq!(page.properties[0].ty.to_string(), "int64", "the first row");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0].code, Code::DuplicateProperty);
        assert_eq!(diagnostics[0].line, 8);
    }

    #[test]
    fn python_priors_any_string_name_row_types_the_unlisted_values() {
        let page = model(
            "# Pet\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**name** | **str** |  | [optional]\n**any string name** | **bool, date, datetime, dict, float, int, list, str, none_type** | any string name can be used but the value must be the correct type | [optional]\n",
        );
        assert_eq!(page.dialect, Dialect::PythonPrior);
        let names: Vec<&str> = page.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["name"], "not a field");
        assert_eq!(
            page.additional_properties,
            Some(TypeExpr::Primitive(Primitive::Any))
        );
    }

    #[test]
    fn a_namespace_heading_without_properties_is_an_empty_model() {
        let (page, diagnostics) = read("# X\n\n## ININ.PureCloudApi.Model.Thing\n\n_footer_\n");
        let Some(Declared::Model(page)) = page else {
            panic!()
        };
        assert_eq!(
            (page.name.as_str(), page.dialect),
            ("Thing", Dialect::GenesysDotnet)
        );
        assert!(page.properties.is_empty());
        assert_eq!(diagnostics, []);
    }

    #[test]
    fn the_name_comes_from_the_page_and_the_description_from_its_preamble() {
        let text = "---\ntitle: Pet\n---\n## Pet\n\nA pet &amp; its *tags*.\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **id** | **Long** | x | |\n";
        let page = model(text);
        assert_eq!(page.name, "Pet");
        assert_eq!(page.description.as_deref(), Some("A pet & its *tags*."));
        assert_eq!(page.properties[0].ty.to_string(), "int64");
        assert_eq!(page.properties[0].required, Some(true));

        let quoted = "# Card\n\n> vendor.models.card\n\nA card.\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**id** | **int** |  | \n";
        assert_eq!(model(quoted).description.as_deref(), Some("A card."));
    }

    #[test]
    fn integer_enums_and_stray_lines() {
        let text = "# Net\n\n## Properties\n\n| Name | Type | Description | Notes |\n|--|--|--|--|\n| **family** | [**FamilyEnum**](#FamilyEnum) | x | [optional] |\nstray text\n\n## Enum: FamilyEnum\n\n| Name | Value |\n|--|--|\n| NUMBER_2 | 2 |\n| NUMBER_23 | 23 |\n";
        let (page, diagnostics) = read(text);
        let Some(Declared::Model(page)) = page else {
            panic!()
        };
        assert_eq!(page.properties[0].ty, TypeExpr::Enum("FamilyEnum".into()));
        let values: Vec<&WireValue> = page.enums[0].members.iter().map(|m| &m.value).collect();
        assert_eq!(values, [&WireValue::Int(2), &WireValue::Int(23)]);
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
        let Some(Declared::Model(page)) = page else {
            panic!()
        };
        let names: Vec<String> = page.properties.into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["b"]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            (diagnostics[0].code, diagnostics[0].severity),
            (Code::MalformedRow, Severity::Warning)
        );
        assert_eq!(diagnostics[0].line, 7);
    }

    #[test]
    fn kotlin_inline_enums_link_through_their_anchor() {
        let text = "\n# Order\n\n## Properties\n| Name | Type | Description | Notes |\n| ------------ | ------------- | ------------- | ------------- |\n| **status** | [**inline**](#Status) | Order status. |  [optional] |\n\n\n<a id=\"Status\"></a>\n## Enum: status\n| Name | Value |\n| ---- | ----- |\n| status | placed, approved, delivered |\n";
        let page = model(text);
        assert_eq!(page.dialect, Dialect::Kotlin);
        assert_eq!(page.properties[0].ty, TypeExpr::Enum("Status".into()));
        let values: Vec<String> = page.enums[0]
            .members
            .iter()
            .map(|m| m.value.to_string())
            .collect();
        assert_eq!(values, ["placed", "approved", "delivered"]);
    }

    #[test]
    fn an_anchor_of_an_enum_without_values_links_nothing() {
        // Found by the fuzzer: the property pointed at an enum left out.
        let text = "\n# Order\n\n## Properties\n| Name | Type | Description | Notes |\n| ------------ | ------------- | ------------- | ------------- |\n| **status** | [**inline**](#Status) | Order status. |  [optional] |\n\n\n<a id=\"Status\"></a>\n## Enum: status\n\n";
        let page = model(text);
        assert_eq!(page.enums, []);
        assert_eq!(page.properties[0].ty, TypeExpr::Model("inline".into()));
    }

    #[test]
    fn kotlins_joined_row_keeps_commas_in_values_and_a_trailing_empty_one() {
        let values = |row: &str| -> Vec<String> {
            let text = format!(
                "# Linode\n\n## Properties\n| Name | Type | Description | Notes |\n| ------------ | ------------- | ------------- | ------------- |\n| **propertyClass** | [**inline**](#PropertyClass) |  |  [optional] |\n\n\n<a id=\"PropertyClass\"></a>\n## Enum: class\n| Name | Value |\n| ---- | ----- |\n| propertyClass | {row} |\n"
            );
            model(&text).enums[0]
                .members
                .iter()
                .map(|m| m.value.to_string())
                .collect()
        };
        assert_eq!(
            values("nanode, gpu"),
            ["nanode", "gpu"],
            "an escaped row name"
        );
        assert_eq!(values("a,, b,, c"), ["a,", "b,", "c"]);
        assert_eq!(values("a, b,  "), ["a", "b", ""], "a null among the values");
    }

    #[test]
    fn enum_and_union_pages() {
        let (page, _) = read(
            "# Priority\n\n## Enum\n\n* `NUMBER_1` (value: `1`)\n\n* `NUMBER_2` (value: `2`)\n",
        );
        let Some(Declared::Enum(priority)) = page else {
            panic!()
        };
        assert_eq!(priority.doc_name, "Priority");
        let values: Vec<&WireValue> = priority.members.iter().map(|m| &m.value).collect();
        assert_eq!(values, [&WireValue::Int(1), &WireValue::Int(2)]);
        let (page, _) = read(
            "# Fruit\n\n## oneOf\n\n- [**\\OpenAPI\\Client\\Model\\Apple**](Apple.md)\n- [**\\OpenAPI\\Client\\Model\\Banana**](Banana.md)\n",
        );
        let Some(Declared::Model(fruit)) = page else {
            panic!()
        };
        assert_eq!(
            fruit.one_of,
            [
                TypeExpr::Model("Apple".into()),
                TypeExpr::Model("Banana".into())
            ]
        );
        let (page, _) = read(
            "# Thing\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n| Apple |  |\n| String |  |\n| Vec<String> |  |\n| i32 |  |\n| chrono::NaiveDate |  |\n| Thing |  |\n",
        );
        let Some(Declared::Model(value)) = page else {
            panic!()
        };
        let members: Vec<String> = value.one_of.iter().map(|t| t.to_string()).collect();
        assert_eq!(
            members,
            ["Apple", "string", "list<string>", "int32", "date", "any"],
            "Rust's variants are types; the one named like the union is any JSON value"
        );
    }
}
