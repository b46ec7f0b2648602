//! TypeScript axios and fetch (`Array<T>`, `{ [key: string]: T; }`);
//! `number`, for every number, reads as `decimal` (see `javascript.rs`).

use super::{Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the TypeScript dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names keep the JSON name where it is a valid identifier.
    wire_case: WireCase::AsWritten,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("string", String),
            ("number", Decimal),
            ("boolean", Boolean),
            // One word for `date` and `date-time`.
            ("Date", DateOrDateTime),
            ("File", Binary),
            ("Blob", Binary),
            ("object", Any),
            ("any", Any),
        ],
        lists: &["Array"],
        sets: &["Set"],
        maps: &["Record"],
        escaped_models: &["Configuration", "Error", "Map"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: super::javascript::FORMS,
        keywords: super::javascript::KEYWORDS,
        digit_prefixes: &["_"],
    },
    marks: MARKS,
    quirks: Quirks::NONE,
};

/// What gives a TypeScript page away.
const MARKS: Marks = Marks {
    // `# .Model` (typescript-axios).
    heading: Some(|s| s.title().starts_with('.')),
    // typescript-fetch's two-column table.
    shape: Some(|s| s.header.is_some() && s.columns == 2),
    types: &["{ [key: string]:"],
    notes: &["[default to undefined]"],
    code: &["typescript"],
    ..Marks::NONE
};
