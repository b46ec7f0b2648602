//! Java (openapi-generator 4–7, swagger-codegen 2).

use super::detect::LONG_SEPARATOR;
use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Java dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names keep the JSON name where it is a valid identifier.
    wire_case: WireCase::AsWritten,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("String", String),
            ("URI", String),
            ("Integer", Int32),
            ("Long", Int64),
            ("Float", Float),
            ("Double", Double),
            ("BigDecimal", Decimal),
            ("Boolean", Boolean),
            ("OffsetDateTime", DateTime),
            ("Date", DateTime),
            ("LocalDateTime", DateTime),
            ("LocalDate", Date),
            ("UUID", Uuid),
            ("File", Binary),
            ("Object", Any),
            ("AnyType", Any),
        ],
        lists: &["List", "java.util.List"],
        sets: &["Set", "LinkedHashSet", "java.util.Set"],
        maps: &["Map", "java.util.Map"],
        nullables: &["JsonNullable"],
        escaped_models: &["Configuration", "List"],
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

/// How Java escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[
    Escape::Prefix("_"),
    Escape::Prefix("property"),
    Escape::Dollar,
];

/// The words Java escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
    "null",
    "true",
    "false",
    "object",
    "list",
    "file",
    "localVarPath",
    // Names the generator reserves for its own code (seen on real folders).
    "configuration",
    // Kotlin, which shares these escapes, also escapes the names of
    // `Map`'s members (`propertySize`, seen on real folders).
    "size",
    "values",
    "keys",
    "entries",
];

/// What gives a Java page away.
const MARKS: Marks = Marks {
    // Java 7 writes the long separator with half-piped rows (`|**name** |`).
    shape: Some(|s| {
        s.compact_separator().as_deref() == Some(LONG_SEPARATOR) && s.text.contains("\n|**")
    }),
    ..Marks::NONE
};
