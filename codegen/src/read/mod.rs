//! The read stage: Markdown pages → one [`PageModel`] per model page.
//!
//! pulldown-cmark finds the structure (front matter, headings, tables and
//! their lines); cells are then cut from the source text so that nothing GFM
//! would drop (extra cells, raw `<…>`) is lost. Dialect differences are data
//! in [`dialect`]; everything else is shared.

mod blocks;
mod cells;
pub mod dialect;
mod enums;
mod notes;
mod page;
mod properties;
mod rows;
mod sections;
mod types;

pub use page::{Declared, PageModel, read_page};
