//! R (`array[T]`, `named list(T)`).

use super::detect::Signals;
use super::{Escape, Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the R dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names keep the JSON name where it is a valid identifier.
    wire_case: WireCase::AsWritten,
    renames_fields: false,
    vocabulary: Vocabulary {
        scalars: &[
            ("character", String),
            ("integer", Int64),
            // One word for every number that is not an integer: it may hold one.
            ("numeric", Decimal),
            ("logical", Boolean),
            ("data.frame", Binary),
            ("object", Any),
            ("AnyType", Any),
        ],
        lists: &["array"],
        sets: &["set"],
        maps: &["map", "named list"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: FORMS,
        keywords: KEYWORDS,
        digit_prefixes: &["_", "item_"],
    },
    marks: MARKS,
    quirks: Quirks::NONE,
};

/// How R escapes a reserved field name.
pub(super) const FORMS: &[Escape] = &[Escape::Prefix("_"), Escape::Prefix("item_")];

/// The words R escapes.
pub(super) const KEYWORDS: &[&str] = &[
    "if", "else", "repeat", "while", "function", "for", "next", "break", "true", "false", "null",
    "inf", "nan", "na", "self", "private", "super",
];

/// What gives a R page away.
const MARKS: Marks = Marks {
    // `# pkg::X` over R's own type words (a page without them is read in
    // its folder's dialect).
    heading: Some(|s| s.title().contains("::") && writes_r_words(s)),
    code: &["R", "r"],
    ..Marks::NONE
};

/// Whether a page's types hold R's own words, which no other `pkg::X`
/// dialect writes.
pub(super) fn writes_r_words(s: &Signals<'_>) -> bool {
    s.any_type_mark(&["character", "numeric", "integer", "logical"])
}
