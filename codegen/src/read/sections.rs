//! The walk over a page's blocks that files each under its section: the
//! preamble (model description), `Properties` and its table, inline
//! `Enum: X` sections, an enum page's `Enum`/`Enum Variants` values, and a
//! union page's member list. Everything else (examples, methods, back-links)
//! is passed over.

use std::ops::Range;

use super::blocks::Block;

/// A table's header line and body lines, as source ranges.
#[derive(Debug, Clone, Copy)]
pub struct Table<'b> {
    /// The header line.
    pub header: &'b Range<usize>,
    /// The body lines (the separator excluded).
    pub rows: &'b [Range<usize>],
}

/// A section that lists values or members, in whatever form the page uses.
#[derive(Debug, Default)]
pub struct Listing<'b> {
    /// The section's name after `Enum:` (empty for `## Enum`).
    pub doc_name: String,
    /// The id of an `<a id>`/`<a name>` anchor just before the heading.
    pub anchor: Option<String>,
    /// The heading's source range.
    pub heading: Range<usize>,
    /// The heading's level: deeper headings stay inside the listing (Ruby's
    /// `#### Example` under `### openapi_one_of`).
    pub level: u8,
    /// Its first table.
    pub table: Option<Table<'b>>,
    /// Its list items.
    pub items: Vec<Range<usize>>,
    /// Its code blocks' contents.
    pub code: Vec<Range<usize>>,
}

/// The parts of a page that the reader uses.
#[derive(Debug, Default)]
pub struct Sections<'b> {
    /// Front matter text and range.
    pub front_matter: Option<(&'b str, Range<usize>)>,
    /// Every heading: level, text, range.
    pub headings: Vec<(u8, &'b str, Range<usize>)>,
    /// Paragraphs before the first section, the model's description.
    pub description: Vec<Range<usize>>,
    /// `Some` once a `Properties` heading is seen; its table, if it has one.
    pub properties: Option<Option<Table<'b>>>,
    /// Other blocks of the `Properties` section that may hold rows (the
    /// paragraphs and tables a blank line, an HTML comment or a second header
    /// split the table into, or rows under a header without its separator).
    pub properties_rest: Vec<Range<usize>>,
    /// `## Enum: X` sections.
    pub enums: Vec<Listing<'b>>,
    /// The `## Enum` or `## Enum Variants` section of an enum or union page.
    pub enum_page: Option<Listing<'b>>,
    /// The `## oneOf`/`## anyOf` section, or Ruby's `openapi_one_of`.
    pub one_of: Option<Listing<'b>>,
    /// Info strings of fenced code blocks.
    pub code_langs: Vec<&'b str>,
}

/// Which section the walk is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    BeforeHeading,
    Preamble,
    Properties,
    Enum,
    EnumPage,
    OneOf,
    Other,
}

/// Walks the blocks once, filing each under its section.
pub fn sections(found: &[Block]) -> Sections<'_> {
    let mut sections = Sections::default();
    let mut walk = Walk::BeforeHeading;
    let mut anchor = None;
    for block in found {
        match block {
            Block::FrontMatter { yaml, range } => {
                sections.front_matter = Some((yaml.as_str(), range.clone()))
            }
            Block::Anchor { id } => anchor = Some(id.clone()),
            Block::Heading { level, text, range } => {
                sections
                    .headings
                    .push((*level, text.as_str(), range.clone()));
                let nested = listing(&mut sections, walk).is_some_and(|l| *level > l.level);
                if !nested {
                    walk = enter(&mut sections, walk, (*level, text), range, anchor.take());
                }
            }
            Block::Paragraph { range } if walk == Walk::Preamble => {
                sections.description.push(range.clone())
            }
            Block::Paragraph { range } if walk == Walk::Properties => {
                sections.properties_rest.push(range.clone())
            }
            Block::Table { header, rows } => {
                file_table(&mut sections, walk, Table { header, rows })
            }
            Block::Item { range } => {
                if let Some(listing) = listing(&mut sections, walk) {
                    listing.items.push(range.clone());
                }
            }
            Block::Code { lang, range } => {
                if !lang.is_empty() {
                    sections.code_langs.push(lang);
                }
                if let Some(listing) = listing(&mut sections, walk) {
                    listing.code.push(range.clone());
                }
            }
            _ => {}
        }
    }
    sections
}

/// The section a heading opens.
fn enter(
    sections: &mut Sections<'_>,
    walk: Walk,
    (level, text): (u8, &str),
    range: &Range<usize>,
    anchor: Option<String>,
) -> Walk {
    let listing = |doc_name: &str| Listing {
        doc_name: doc_name.trim().to_string(),
        anchor,
        heading: range.clone(),
        level,
        ..Listing::default()
    };
    if text.eq_ignore_ascii_case("properties") {
        if sections.properties.is_none() {
            sections.properties = Some(None);
        }
        Walk::Properties
    } else if text == "Enum" || text == "Enum Variants" {
        sections.enum_page.get_or_insert_with(|| listing(""));
        Walk::EnumPage
    } else if let Some(doc_name) = text.strip_prefix("Enum:") {
        sections.enums.push(listing(doc_name));
        Walk::Enum
    } else if matches!(
        text,
        "oneOf" | "anyOf" | "openapi_one_of" | "openapi_any_of"
    ) || text.ends_with("_one_of")
    {
        sections.one_of.get_or_insert_with(|| listing(""));
        Walk::OneOf
    } else if walk == Walk::BeforeHeading
        || (walk == Walk::Preamble && sections.properties.is_none())
    {
        Walk::Preamble
    } else {
        Walk::Other
    }
}

/// Files a table under the section being walked.
fn file_table<'b>(sections: &mut Sections<'b>, walk: Walk, table: Table<'b>) {
    match walk {
        Walk::Properties if matches!(sections.properties, Some(None)) => {
            sections.properties = Some(Some(table))
        }
        Walk::Properties => sections
            .properties_rest
            .push(table.header.start..table.rows.last().unwrap_or(table.header).end),
        _ => {
            if let Some(listing) = listing(sections, walk) {
                listing.table = listing.table.or(Some(table));
            }
        }
    }
}

/// The listing the walk is in, if any.
fn listing<'s, 'b>(sections: &'s mut Sections<'b>, walk: Walk) -> Option<&'s mut Listing<'b>> {
    match walk {
        Walk::Enum => sections.enums.last_mut(),
        Walk::EnumPage => sections.enum_page.as_mut(),
        Walk::OneOf => sections.one_of.as_mut(),
        _ => None,
    }
}
