//! C# (openapi-generator and swagger-codegen; `?` marks value types nullable).

use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the C# dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names PascalCase every name; APIs are mostly camelCase.
    wire_case: WireCase::Camel,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("string", String),
            ("int", Int32),
            ("long", Int64),
            ("float", Float),
            ("double", Double),
            ("decimal", Decimal),
            ("bool", Boolean),
            // A date or a date-time, but see `date_time_where_dates_apart`.
            ("DateTime", DateOrDateTime),
            ("DateTimeOffset", DateTime),
            ("DateOnly", Date),
            ("Guid", Uuid),
            ("System.IO.Stream", Binary),
            ("FileParameter", Binary),
            ("Object", Any),
            ("object", Any),
        ],
        lists: &["List", "Collection", "IList", "ICollection"],
        sets: &["HashSet", "ISet"],
        maps: &["Dictionary", "IDictionary"],
        nullables: &["Option"],
        escaped_models: &["Configuration", "Environment", "Version"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["Var", "_"],
    },
    marks: MARKS,
    quirks: Quirks {
        date_time_where_dates_apart: true,
        ..Quirks::NONE
    },
};

/// How C# escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[
    Escape::ClassName("_"),
    Escape::ClassName("Var"),
    Escape::Prefix("Var"),
    // swagger-codegen: `_Class` for `class`.
    Escape::Prefix("_"),
];

/// The words C# escapes: its keywords, and names it keeps for `System` types
/// and its own classes (`VarVersion`, seen on real folders).
pub(super) const KEYWORDS: &[&str] = &[
    "abstract",
    "as",
    "base",
    "bool",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "checked",
    "class",
    "const",
    "continue",
    "decimal",
    "default",
    "delegate",
    "do",
    "double",
    "else",
    "enum",
    "event",
    "explicit",
    "extern",
    "false",
    "finally",
    "fixed",
    "float",
    "for",
    "foreach",
    "goto",
    "if",
    "implicit",
    "in",
    "int",
    "interface",
    "internal",
    "is",
    "lock",
    "long",
    "namespace",
    "new",
    "null",
    "object",
    "operator",
    "out",
    "override",
    "params",
    "private",
    "protected",
    "public",
    "readonly",
    "ref",
    "return",
    "sbyte",
    "sealed",
    "short",
    "sizeof",
    "stackalloc",
    "static",
    "string",
    "struct",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "uint",
    "ulong",
    "unchecked",
    "unsafe",
    "ushort",
    "using",
    "virtual",
    "void",
    "volatile",
    "while",
    "Version",
    "TimeZone",
    "Configuration",
    "Environment",
    "Client",
];

/// What gives a C# page away.
const MARKS: Marks = Marks {
    heading: Some(|s| s.any_heading(|t| super::namespace_model_name(t).is_some())),
    types: &["Dictionary<"],
    ..Marks::NONE
};
