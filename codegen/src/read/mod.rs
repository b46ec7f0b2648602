//! The read stage: Markdown pages → what each page declares ([`Declared`]:
//! reader types, which the resolve stage turns into the IR).
//!
//! pulldown-cmark finds the structure (front matter, headings, tables and
//! their lines); cells are then cut from the source text so that nothing GFM
//! would drop (extra cells, raw `<…>`) is lost. Dialect differences are data
//! in [`dialect`]; everything else is shared.

mod blocks;
mod cells;
mod declared;
mod dialect;
mod enums;
mod folders;
mod notes;
mod page;
mod properties;
mod report;
mod rows;
mod sections;
mod types;

pub(crate) use declared::{Declared, PageEnum, PageModel, PageProperty};
pub use dialect::Dialect;
pub(crate) use dialect::detect::Detection;
pub use folders::FolderDialect;
pub(crate) use folders::{
    ShownCase, folder_dialects, folder_of, settle_date_times, shown_case_notes, shown_cases,
    wire_case_notes,
};
pub(crate) use page::{PageRead, read_page};

/// The prefix a dialect writes before a nullable type's name (Go's
/// `NullableX`), if it has one.
pub(crate) fn nullable_prefix(dialect: crate::ir::Dialect) -> Option<&'static str> {
    dialect.spec().vocabulary.nullable_prefix
}
