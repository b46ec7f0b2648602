//! PowerShell (.NET type names).

use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the PowerShell dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names PascalCase every name; APIs are mostly camelCase.
    wire_case: WireCase::Camel,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("String", String),
            ("Int32", Int32),
            ("Int64", Int64),
            ("Decimal", Decimal),
            ("Double", Double),
            ("Boolean", Boolean),
            ("System.DateTime", DateTime),
            ("System.Guid", Uuid),
            ("System.IO.FileInfo", Binary),
            ("SystemByte", Binary),
            ("SystemCollectionsHashtable", Any),
            ("System.Collections.Hashtable", Any),
            ("Hashtable", Any),
            ("PSCustomObject", Any),
            ("AnyType", Any),
        ],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["Var", "_"],
    },
    marks: MARKS,
    quirks: Quirks::NONE,
};

/// How PowerShell escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[Escape::ClassName("_"), Escape::Prefix("Var")];

/// The words PowerShell escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "begin",
    "break",
    "catch",
    "class",
    "continue",
    "data",
    "define",
    "do",
    "dynamicparam",
    "else",
    "elseif",
    "end",
    "exit",
    "filter",
    "finally",
    "for",
    "foreach",
    "from",
    "function",
    "if",
    "in",
    "param",
    "process",
    "return",
    "switch",
    "throw",
    "trap",
    "try",
    "until",
    "using",
    "var",
    "while",
];

/// What gives a PowerShell page away.
const MARKS: Marks = Marks {
    code: &["powershell"],
    ..Marks::NONE
};
