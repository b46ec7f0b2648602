//! Python 7.x (`List[T]`) and legacy/swagger-codegen (`list[T]`, `dict(str, T)`).

use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Python dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names snake_case every name; the page cannot say what the API
    // uses (`wire_case: camelCase` for a camelCase API).
    wire_case: WireCase::Snake,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("str", String),
            ("StrictStr", String),
            ("int", Int64),
            ("StrictInt", Int64),
            // One word for every number that is not an integer: it may hold one.
            ("float", Decimal),
            ("StrictFloat", Decimal),
            ("bool", Boolean),
            ("StrictBool", Boolean),
            ("date", Date),
            ("datetime", DateTime),
            ("bytearray", Binary),
            ("bytes", Binary),
            ("file", Binary),
            ("object", Any),
            ("UUID", Uuid),
            ("Decimal", Decimal),
            // `type: string, format: decimal`: a decimal sent as a string.
            ("decimal.Decimal", String),
        ],
        lists: &["List", "list"],
        sets: &["Set", "set"],
        maps: &["Dict", "dict"],
        nullables: &["Optional"],
        unions: &["Union"],
        escaped_models: &["Field", "Schema", "Self"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["var_", "_"],
    },
    marks: MARKS,
    quirks: Quirks::NONE,
};

/// How Python escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[Escape::Prefix("var_"), Escape::Prefix("_")];

/// The words Python escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "false", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "none", "nonlocal", "not", "or", "pass", "raise", "return", "true", "try", "while",
    "with", "yield", "print", "exec", "self", "property", "schema", "base64", "json", "date",
    "float", "int", "str", "bool", "dict", "list", "object", "type",
    // Names pydantic's models keep for themselves (seen on real folders).
    "field",
];

/// What gives a Python page away.
const MARKS: Marks = Marks {
    types: &["Dict[", "List[", "dict(", "list["],
    code: &["python"],
    ..Marks::NONE
};
