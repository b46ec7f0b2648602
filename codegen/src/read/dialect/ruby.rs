//! Ruby (`Array<T>`, `Hash<String, T>`).

use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Ruby dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names snake_case every name; the page cannot say what the API
    // uses (`wire_case: camelCase` for a camelCase API).
    wire_case: WireCase::Snake,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("String", String),
            ("Integer", Int64),
            // One word for every number that is not an integer: it may hold one.
            ("Float", Decimal),
            ("BigDecimal", Decimal),
            ("Boolean", Boolean),
            ("BOOLEAN", Boolean),
            ("Date", Date),
            ("Time", DateTime),
            ("DateTime", DateTime),
            ("File", Binary),
            ("Object", Any),
            ("Mixed", Any),
        ],
        lists: &["Array"],
        sets: &["Set"],
        maps: &["Hash"],
        escaped_models: &["Next", "Self"],
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
        one_of_comment: true,
        ..Quirks::NONE
    },
};

/// How Ruby escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[Escape::Prefix("_")];

/// The words Ruby escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "alias", "and", "begin", "break", "case", "class", "def", "defined?", "do", "else", "elsif",
    "end", "ensure", "false", "for", "if", "in", "module", "next", "nil", "not", "or", "redo",
    "rescue", "retry", "return", "self", "super", "then", "true", "undef", "unless", "until",
    "when", "while", "yield", "object", "hash",
];

/// What gives a Ruby page away.
const MARKS: Marks = Marks {
    // `A::B` over a piped table (Ruby 7) or Ruby's words (swagger-codegen's
    // bare tables); R writes `pkg::X` too, with its own words (see `r.rs`).
    heading: Some(|s| {
        s.title().contains("::")
            && !super::r::writes_r_words(s)
            && (!s.bare_table() || s.any_type_mark(WORDS))
    }),
    shape: Some(|s| s.compact_separator().as_deref() == Some(SEPARATOR)),
    types: &["Hash<"],
    sections: &["Class instance methods", "Code Sample"],
    code: &["ruby"],
    ..Marks::NONE
};

/// Ruby 7's separator, without whitespace.
const SEPARATOR: &str = "|----|----|-----------|-----|";

/// Ruby's type words that R never writes.
const WORDS: &[&str] = &[
    "Array<",
    "Hash<",
    "String",
    "BOOLEAN",
    "Boolean",
    "Integer",
    "Float",
    "BigDecimal",
    "Date",
    "DateTime",
    "Object",
];
