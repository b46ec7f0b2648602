//! Kotlin: fully qualified names.

use super::detect::LONG_SEPARATOR;
use super::{Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Kotlin dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names keep the JSON name where it is a valid identifier.
    wire_case: WireCase::AsWritten,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("kotlin.String", String),
            ("kotlin.Int", Int32),
            ("kotlin.Long", Int64),
            ("kotlin.Float", Float),
            ("kotlin.Double", Double),
            ("java.math.BigDecimal", Decimal),
            ("kotlin.Boolean", Boolean),
            ("kotlin.ByteArray", Binary),
            // swagger-codegen.
            ("ByteArray", Binary),
            ("java.io.File", Binary),
            ("kotlin.Any", Any),
            ("java.util.UUID", Uuid),
            ("java.time.OffsetDateTime", DateTime),
            ("java.time.LocalDateTime", DateTime),
            ("java.time.LocalDate", Date),
            ("java.net.URI", String),
        ],
        lists: &["kotlin.collections.List", "kotlin.Array"],
        sets: &["kotlin.collections.Set"],
        maps: &["kotlin.collections.Map"],
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: super::java::FORMS,
        keywords: super::java::KEYWORDS,
        digit_prefixes: &["_"],
    },
    marks: MARKS,
    quirks: Quirks {
        joined_enum_row: true,
        inline_anchor_types: true,
        enum_headings_show_wire_names: true,
        ..Quirks::NONE
    },
};

/// What gives a Kotlin page away.
const MARKS: Marks = Marks {
    types: &["kotlin."],
    // A fully piped table with the long separator (Genesys Java, which
    // shares it, is told apart by its headings).
    fallback: Some(|s| s.fully_piped() && s.compact_separator().as_deref() == Some(LONG_SEPARATOR)),
    ..Marks::NONE
};
