//! python-prior: type tuples (`str, none_type`), `[T]`, `{str: (T,)}`.

use super::{Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the python-prior dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names snake_case every name; the page cannot say what the API
    // uses (`wire_case: camelCase` for a camelCase API).
    wire_case: WireCase::Snake,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("str", String),
            ("int", Int64),
            // One word for every number that is not an integer: it may hold one.
            ("float", Decimal),
            ("bool", Boolean),
            ("date", Date),
            ("datetime", DateTime),
            ("file_type", Binary),
            ("dict", Any),
            ("list", Any),
        ],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: super::python::FORMS,
        keywords: super::python::KEYWORDS,
        digit_prefixes: &["var_", "_"],
    },
    marks: MARKS,
    quirks: Quirks {
        value_row_enum_pages: true,
        additional_properties_row: Some("any string name"),
        ..Quirks::NONE
    },
};

/// What gives a python-prior page away.
const MARKS: Marks = Marks {
    types: &["none_type", "{str: ("],
    notes: &[
        "must be one of [",
        "if omitted the server will use the default value of",
    ],
    ..Marks::NONE
};
