//! Swift 5 (`[T]`, `[String: T]`).

use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Swift dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names keep the JSON name where it is a valid identifier.
    wire_case: WireCase::AsWritten,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("String", String),
            ("Int", Int32),
            ("Int32", Int32),
            ("Int64", Int64),
            ("Float", Float),
            // One word for `number` and `number/double`: it may hold an integer.
            ("Double", Decimal),
            ("Decimal", Decimal),
            ("Bool", Boolean),
            // One word for `date` and `date-time`.
            ("Date", DateOrDateTime),
            ("OpenISO8601DateFormatter", DateTime),
            ("DateWithoutTime", Date),
            ("UUID", Uuid),
            ("Data", Binary),
            ("URL", Binary),
            ("AnyCodable", Any),
            ("JSONValue", Any),
        ],
        lists: &["Array"],
        sets: &["Set"],
        maps: &["Dictionary"],
        escaped_models: &[
            "Configuration",
            "Data",
            "Error",
            "ErrorResponse",
            "Locale",
            "Protocol",
            "Response",
            "Self",
            "Type",
            "URL",
            "ValidationError",
        ],
        any_lists: &["Array"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["_"],
    },
    marks: MARKS,
    quirks: Quirks::NONE,
};

/// How Swift escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[Escape::Prefix("_"), Escape::Prefix("pc")];

/// The words Swift escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "associatedtype",
    "class",
    "deinit",
    "enum",
    "extension",
    "fileprivate",
    "func",
    "import",
    "init",
    "inout",
    "internal",
    "let",
    "open",
    "operator",
    "private",
    "protocol",
    "public",
    "rethrows",
    "static",
    "struct",
    "subscript",
    "typealias",
    "var",
    "break",
    "case",
    "continue",
    "default",
    "defer",
    "do",
    "else",
    "fallthrough",
    "for",
    "guard",
    "if",
    "in",
    "repeat",
    "return",
    "switch",
    "where",
    "while",
    "as",
    "catch",
    "false",
    "is",
    "nil",
    "super",
    "self",
    "throw",
    "throws",
    "true",
    "try",
    "type",
    "description",
    "hashValue",
    // Contextual keywords the generator escapes too (seen on real folders).
    "prefix",
    "required",
    "set",
];

/// What gives a Swift page away.
const MARKS: Marks = Marks {
    types: &["[String: "],
    ..Marks::NONE
};
