//! Dart and dart-dio (`List<T>`, `BuiltList<T>`); `num`, integer or
//! float, reads as `decimal` (see `javascript.rs`).

use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Dart dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names keep the JSON name where it is a valid identifier.
    wire_case: WireCase::AsWritten,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("String", String),
            ("int", Int64),
            ("num", Decimal),
            ("double", Double),
            ("bool", Boolean),
            // One word for `date` and `date-time`.
            ("DateTime", DateOrDateTime),
            ("Date", Date),
            ("MultipartFile", Binary),
            ("Uint8List", Binary),
            ("Object", Any),
            ("JsonObject", Any),
        ],
        lists: &["List", "BuiltList"],
        sets: &["Set", "BuiltSet"],
        maps: &["Map", "BuiltMap"],
        escaped_models: &["Function", "List", "Map", "Operator", "Source"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["n"],
    },
    marks: MARKS,
    quirks: Quirks::NONE,
};

/// How Dart escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[
    Escape::Prefix("_"),
    Escape::Prefix("$"),
    Escape::Suffix("_"),
    Escape::Dollar,
    Escape::Symbols,
];

/// The words Dart escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "abstract",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "covariant",
    "default",
    "deferred",
    "do",
    "dynamic",
    "else",
    "enum",
    "export",
    "extends",
    "extension",
    "external",
    "factory",
    "false",
    "final",
    "finally",
    "for",
    "get",
    "hide",
    "if",
    "implements",
    "import",
    "in",
    "interface",
    "is",
    "late",
    "library",
    "mixin",
    "new",
    "null",
    "on",
    "operator",
    "part",
    "required",
    "rethrow",
    "return",
    "set",
    "show",
    "static",
    "super",
    "switch",
    "sync",
    "this",
    "throw",
    "true",
    "try",
    "typedef",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// What gives a Dart page away.
const MARKS: Marks = Marks {
    // `# pkg.model.X`.
    heading: Some(|s| s.title().contains(".model.")),
    types: &["BuiltList", "BuiltMap", "BuiltSet", "JsonObject"],
    sections: &["Load the model package"],
    code: &["dart"],
    ..Marks::NONE
};
