//! Genesys .NET SDK: capital `String` is the template's mapping of `format:
//! date`, and every value type is written `T?`.

use super::{Escapes, Marks, Quirks, Spec, Vocabulary};
use crate::ir::Primitive::*;
use crate::settings::WireCase;

/// Everything the Genesys .NET dialect means.
pub(super) static SPEC: Spec = Spec {
    // Field names PascalCase every name; APIs are mostly camelCase.
    wire_case: WireCase::Camel,
    renames_fields: true,
    vocabulary: Vocabulary {
        scalars: &[
            ("string", String),
            ("String", Date),
            ("int", Int32),
            ("long", Int64),
            ("float", Float),
            ("double", Double),
            ("decimal", Decimal),
            ("bool", Boolean),
            ("DateTime", DateTime),
            ("Guid", Uuid),
            ("Object", Any),
            ("System.IO.Stream", Binary),
        ],
        lists: &["List"],
        sets: &["HashSet"],
        maps: &["Dictionary"],
        // 100% of the value types of dotnet-270 are `T?`, 1,479 of them
        // required: the `?` says nothing about `null`.
        question_marks_value_types: true,
        ..Vocabulary::NONE
    },
    escapes: Escapes {
        forms: super::csharp::FORMS,
        keywords: super::csharp::KEYWORDS,
        digit_prefixes: &["_", "Var"],
    },
    marks: MARKS,
    quirks: Quirks::NONE,
};

/// What gives a Genesys .NET page away.
const MARKS: Marks = Marks {
    heading: Some(|s| {
        s.any_heading(|t| t.contains("PureCloudApi.Model."))
            || s.text.contains("PureCloudPlatform.Client")
    }),
    by_words: false,
    ..Marks::NONE
};
