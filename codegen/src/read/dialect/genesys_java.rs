//! Genesys Java SDK: `Date` is the SDK's date-time, `LocalDate` a calendar date.

use super::{Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Genesys Java dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names keep the JSON name where it is a valid identifier.
    wire_case: WireCase::AsWritten,
    renames_fields: false,
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
            ("Date", DateTime),
            ("OffsetDateTime", DateTime),
            ("LocalDate", Date),
            ("UUID", Uuid),
            ("Object", Any),
            ("File", Binary),
        ],
        lists: &["List"],
        sets: &["Set"],
        maps: &["Map"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: &[],
        keywords: &[],
        digit_prefixes: &["_"],
    },
    marks: MARKS,
    quirks: Quirks::NONE,
};

/// What gives a Genesys Java page away.
const MARKS: Marks = Marks {
    heading: Some(|s| {
        s.front_matter || s.text.contains("com.mypurecloud") || s.text.contains("(#Enum--")
    }),
    by_words: false,
    ..Marks::NONE
};
