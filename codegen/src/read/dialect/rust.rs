//! Rust (`Vec<T>`, `std::collections::HashMap<String, T>`, `Option<T>`).

use super::{Escape, Escapes, Marks, Quirks, Spec, TypeWrapper, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Rust dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names snake_case every name; the page cannot say what the API
    // uses (`wire_case: camelCase` for a camelCase API).
    wire_case: WireCase::Snake,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("String", String),
            ("i32", Int32),
            ("i64", Int64),
            // Unsigned integers, read as the signed type that holds them all.
            ("u32", Int64),
            ("u64", Decimal),
            ("f32", Float),
            // One word for `number` and `number/double`: it may hold an integer.
            ("f64", Decimal),
            ("bool", Boolean),
            ("uuid::Uuid", Uuid),
            ("chrono::DateTime", DateTime),
            ("chrono::NaiveDate", Date),
            ("chrono::NaiveDateTime", DateTime),
            ("std::path::PathBuf", Binary),
            ("serde_json::Value", Any),
        ],
        lists: &["Vec"],
        sets: &["HashSet", "std::collections::HashSet", "BTreeSet"],
        maps: &[
            "HashMap",
            "std::collections::HashMap",
            "::std::collections::HashMap",
            "BTreeMap",
        ],
        nullables: &["Option"],
        escaped_models: &["Self"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["param_"],
    },
    marks: MARKS,
    quirks: Quirks {
        type_wrapper: Some(TypeWrapper::Option),
        ..Quirks::NONE
    },
};

/// How Rust escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[
    Escape::Symbols,
    Escape::RawIdentifier,
    Escape::Prefix("_"),
    Escape::Prefix("param_"),
    Escape::Dollar,
];

/// The words Rust escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
    "where", "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv",
    "typeof", "unsized", "virtual", "yield", "try",
];

/// What gives a Rust page away.
const MARKS: Marks = Marks {
    types: &["Option<", "Vec<", "serde_json::", "models::"],
    sections: &["Enum Variants"],
    ..Marks::NONE
};
