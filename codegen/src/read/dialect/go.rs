//! Go (`[]T`, `map[string]T`, `NullableString`).

use super::{Escape, Escapes, Marks, Quirks, Spec, TypeWrapper, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Go dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names PascalCase every name; APIs are mostly camelCase.
    wire_case: WireCase::Camel,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("string", String),
            ("int32", Int32),
            ("int64", Int64),
            ("int", Int64),
            // One word for `number` and `number/float`: it may hold an integer.
            ("float32", Decimal),
            ("float64", Double),
            ("bool", Boolean),
            ("time.Time", DateTime),
            ("os.File", Binary),
            // swagger-codegen's word for any value.
            ("Object", Any),
        ],
        escaped_models: &["Error"],
        nullable_prefix: Some("Nullable"),
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["Var"],
    },
    marks: MARKS,
    quirks: Quirks {
        type_wrapper: Some(TypeWrapper::Pointer),
        ..Quirks::NONE
    },
};

/// How Go escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[
    Escape::Suffix("_"),
    // `AdditionalPropertiesField`: the name Go's models keep for themselves.
    Escape::Suffix("Field"),
];

/// The words Go escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
    "additionalProperties",
];

/// What gives a Go page away.
const MARKS: Marks = Marks {
    types: &["Pointer to ", "map[string]", "interface{}", "time.Time"],
    sections: &["Methods"],
    // swagger-codegen's pointer link, `[***Category**](Category.md)`.
    heading: Some(|s| writes_pointer_links(s.text)),
    ..Marks::NONE
};

/// Whether `text` holds swagger-codegen's `[***Name**]` pointer link (not
/// PHP's empty `[****](.md)`).
fn writes_pointer_links(text: &str) -> bool {
    text.match_indices("[***").any(|(at, mark)| {
        text[at + mark.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '[')
    })
}
