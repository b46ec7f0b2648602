//! PHP (`T[]`, `array<string,T>`, `\DateTime`).

use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the PHP dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names snake_case every name; the page cannot say what the API
    // uses (`wire_case: camelCase` for a camelCase API).
    wire_case: WireCase::Snake,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("int", Int64),
            // One word for every number that is not an integer: it may hold one.
            ("float", Decimal),
            ("double", Double),
            ("string", String),
            ("bool", Boolean),
            // One word for `date` and `date-time`.
            ("\\DateTime", DateOrDateTime),
            ("\\SplFileObject", Binary),
            ("object", Any),
            ("mixed", Any),
        ],
        lists: &["array"],
        maps: &["array", "map"],
        escaped_models: &["Function", "List"],
        any_lists: &["array"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["_"],
    },
    marks: MARKS,
    quirks: Quirks {
        glued_namespaces: true,
        ..Quirks::NONE
    },
};

/// How PHP escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[Escape::Prefix("_")];

/// The words PHP escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "abstract",
    "and",
    "array",
    "as",
    "break",
    "callable",
    "case",
    "catch",
    "class",
    "clone",
    "const",
    "continue",
    "declare",
    "default",
    "die",
    "do",
    "echo",
    "else",
    "elseif",
    "empty",
    "enddeclare",
    "endfor",
    "endforeach",
    "endif",
    "endswitch",
    "endwhile",
    "eval",
    "exit",
    "extends",
    "final",
    "for",
    "foreach",
    "function",
    "global",
    "goto",
    "if",
    "implements",
    "include",
    "instanceof",
    "insteadof",
    "interface",
    "isset",
    "list",
    "namespace",
    "new",
    "or",
    "print",
    "private",
    "protected",
    "public",
    "require",
    "return",
    "static",
    "switch",
    "throw",
    "trait",
    "try",
    "unset",
    "use",
    "var",
    "while",
    "xor",
];

/// What gives a PHP page away.
const MARKS: Marks = Marks {
    // `# # X`.
    heading: Some(|s| {
        s.headings
            .iter()
            .any(|(l, t)| *l == 1 && t.starts_with("# "))
    }),
    types: &[
        "array<string,",
        "\\DateTime",
        "\\SplFileObject",
        "\\Model\\",
    ],
    sections: &["oneOf", "anyOf"],
    // The back-link anchors.
    text: &["README.md#models)"],
    ..Marks::NONE
};
