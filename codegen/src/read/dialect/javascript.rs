//! JavaScript (`[T]`, `{String: T}`). `Number` stands for every number, so
//! it reads as `decimal`: the page cannot say integer or float, and only a
//! number type that keeps both writes `5` back as `5`.

use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the JavaScript dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names keep the JSON name where it is a valid identifier.
    wire_case: WireCase::AsWritten,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("String", String),
            ("Number", Decimal),
            ("Boolean", Boolean),
            // One word for `date` and `date-time`.
            ("Date", DateOrDateTime),
            ("File", Binary),
            ("Blob", Binary),
            ("Object", Any),
            ("AnyType", Any),
        ],
        lists: &["Array"],
        any_lists: &["Array"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["_"],
    },
    marks: MARKS,
    quirks: Quirks {
        enums_by_section_name: true,
        ..Quirks::NONE
    },
};

/// How JavaScript escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[Escape::Prefix("_")];

/// The words JavaScript escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "abstract",
    "arguments",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "double",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "final",
    "finally",
    "float",
    "for",
    "function",
    "goto",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "int",
    "interface",
    "let",
    "long",
    "native",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "volatile",
    "while",
    "with",
    "yield",
    // Names the TypeScript generators reserve for their own code (seen on real folders).
    "configuration",
    "options",
];

/// What gives a JavaScript page away.
const MARKS: Marks = Marks {
    // `# Module.Class`.
    heading: Some(|s| {
        let title = s.title();
        title.split('.').count() == 2
            && title
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'))
    }),
    types: &["{String: "],
    ..Marks::NONE
};
