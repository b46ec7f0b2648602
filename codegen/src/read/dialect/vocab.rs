//! The shape of a dialect's words for types: scalars, containers and
//! nullable wrappers (each dialect's own table is in its spec). The parser in
//! `read::types` is shared; only the tables differ. Sources: the type-name
//! map of `dialects.md` (§4) and the fixtures generated from
//! `tests/fixtures/dialects/spec.yaml`. Where a language has one name for
//! several schema types (Python `int`, JavaScript `Number`), the name maps to
//! the widest of them, so every wire value still fits.

use crate::ir::Primitive;

/// The type words of one dialect.
#[derive(Debug)]
pub struct Vocabulary {
    /// Scalar names and their meaning.
    pub scalars: &'static [(&'static str, Primitive)],
    /// Generic names of JSON arrays (`List<T>`).
    pub lists: &'static [&'static str],
    /// Generic names of JSON arrays with unique items (`Set<T>`).
    pub sets: &'static [&'static str],
    /// Generic names of JSON objects (`Map<String, T>`).
    pub maps: &'static [&'static str],
    /// Generic wrappers meaning "or null" (`Option<T>`).
    pub nullables: &'static [&'static str],
    /// Generic names of a union of their arguments (`Union[int, str]`).
    pub unions: &'static [&'static str],
    /// Model names the generator writes as `Model` + name, because the
    /// language reserves them (Swift's `ModelData` for `Data`).
    pub escaped_models: &'static [&'static str],
    /// A prefix that makes a nullable type (`NullableString` in Go).
    pub nullable_prefix: Option<&'static str>,
    /// List names written without their item type for a list whose items
    /// the generator lost (JavaScript's `[Array]` for a list of lists): a
    /// list of any JSON value.
    pub any_lists: &'static [&'static str],
    /// Whether `T?` marks every value type rather than JSON `null` (the
    /// Genesys .NET SDK writes `bool?` for every boolean, required or not):
    /// the `?` is then read and dropped.
    pub question_marks_value_types: bool,
}

impl Vocabulary {
    /// No words: the start of a dialect's vocabulary (`..Vocabulary::NONE`).
    pub const NONE: Vocabulary = Vocabulary {
        scalars: &[],
        lists: &[],
        sets: &[],
        maps: &[],
        nullables: &[],
        unions: &[],
        escaped_models: &[],
        nullable_prefix: None,
        any_lists: &[],
        question_marks_value_types: false,
    };

    /// The model name behind the generator's escape of a reserved one
    /// (`Data` for Swift's `ModelData`); other names as they are.
    pub fn unescape_model<'n>(&self, name: &'n str) -> &'n str {
        name.strip_prefix("Model")
            .filter(|rest| self.escaped_models.contains(rest))
            .unwrap_or(name)
    }
}

/// Words every dialect reads as JSON `null` inside a union or tuple.
pub const NULL_WORDS: &[&str] = &["null", "none_type", "None", "undefined", "nil"];
