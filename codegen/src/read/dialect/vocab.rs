//! Each dialect's words for types: scalars, containers and nullable wrappers.
//! The parser in `read::types` is shared; only these tables differ. Sources:
//! the type-name map of `dialects.md` (§4) and the fixtures generated from
//! `tests/fixtures/dialects/spec.yaml`. Where a language has one name for
//! several schema types (Python `int`, JavaScript `Number`), the name maps to
//! the widest of them, so every wire value still fits.

use crate::ir::Primitive::{self, *};

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
}

impl Vocabulary {
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

const NO_SETS: &[&str] = &[];

/// Genesys Java SDK: `Date` is the SDK's date-time, `LocalDate` a calendar date.
pub static GENESYS_JAVA: Vocabulary = Vocabulary {
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
    nullables: &[],
    unions: &[],
    escaped_models: &[],
    nullable_prefix: None,
};

/// Genesys .NET SDK: capital `String` is the template's mapping of `format: date`.
pub static GENESYS_DOTNET: Vocabulary = Vocabulary {
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
    nullables: &[],
    unions: &[],
    escaped_models: &[],
    nullable_prefix: None,
};

/// Java (openapi-generator 4–7, swagger-codegen 2).
pub static JAVA: Vocabulary = Vocabulary {
    scalars: &[
        ("String", String),
        ("URI", String),
        ("Integer", Int32),
        ("Long", Int64),
        ("Float", Float),
        ("Double", Double),
        ("BigDecimal", Decimal),
        ("Boolean", Boolean),
        ("OffsetDateTime", DateTime),
        ("Date", DateTime),
        ("LocalDateTime", DateTime),
        ("LocalDate", Date),
        ("UUID", Uuid),
        ("File", Binary),
        ("Object", Any),
        ("AnyType", Any),
    ],
    lists: &["List", "java.util.List"],
    sets: &["Set", "LinkedHashSet", "java.util.Set"],
    maps: &["Map", "java.util.Map"],
    nullables: &["JsonNullable"],
    unions: &[],
    escaped_models: &[],
    nullable_prefix: None,
};

/// Kotlin: fully qualified names.
pub static KOTLIN: Vocabulary = Vocabulary {
    scalars: &[
        ("kotlin.String", String),
        ("kotlin.Int", Int32),
        ("kotlin.Long", Int64),
        ("kotlin.Float", Float),
        ("kotlin.Double", Double),
        ("java.math.BigDecimal", Decimal),
        ("kotlin.Boolean", Boolean),
        ("kotlin.ByteArray", Binary),
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
    nullables: &[],
    unions: &[],
    escaped_models: &[],
    nullable_prefix: None,
};

/// C# (openapi-generator and swagger-codegen; `?` marks value types nullable).
pub static CSHARP: Vocabulary = Vocabulary {
    scalars: &[
        ("string", String),
        ("int", Int32),
        ("long", Int64),
        ("float", Float),
        ("double", Double),
        ("decimal", Decimal),
        ("bool", Boolean),
        ("DateTime", DateTime),
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
    unions: &[],
    escaped_models: &["Environment", "Version"],
    nullable_prefix: None,
};

/// Python 7.x (`List[T]`) and legacy/swagger-codegen (`list[T]`, `dict(str, T)`).
pub static PYTHON: Vocabulary = Vocabulary {
    scalars: &[
        ("str", String),
        ("StrictStr", String),
        ("int", Int64),
        ("StrictInt", Int64),
        ("float", Double),
        ("StrictFloat", Double),
        ("bool", Boolean),
        ("StrictBool", Boolean),
        ("date", Date),
        ("datetime", DateTime),
        ("bytearray", Binary),
        ("bytes", Binary),
        ("file", Binary),
        ("object", Any),
        ("UUID", Uuid),
        ("Decimal", Decimal),
    ],
    lists: &["List", "list"],
    sets: &["Set", "set"],
    maps: &["Dict", "dict"],
    nullables: &["Optional"],
    unions: &["Union"],
    escaped_models: &["Field", "Schema", "Self"],
    nullable_prefix: None,
};

/// python-prior: type tuples (`str, none_type`), `[T]`, `{str: (T,)}`.
pub static PYTHON_PRIOR: Vocabulary = Vocabulary {
    scalars: &[
        ("str", String),
        ("int", Int64),
        ("float", Double),
        ("bool", Boolean),
        ("date", Date),
        ("datetime", DateTime),
        ("file_type", Binary),
        ("dict", Any),
        ("list", Any),
    ],
    lists: &[],
    sets: NO_SETS,
    maps: &[],
    nullables: &[],
    unions: &[],
    escaped_models: &[],
    nullable_prefix: None,
};

/// Go (`[]T`, `map[string]T`, `NullableString`).
pub static GO: Vocabulary = Vocabulary {
    scalars: &[
        ("string", String),
        ("int32", Int32),
        ("int64", Int64),
        ("int", Int64),
        ("float32", Float),
        ("float64", Double),
        ("bool", Boolean),
        ("time.Time", DateTime),
        ("os.File", Binary),
    ],
    lists: &[],
    sets: NO_SETS,
    maps: &[],
    nullables: &[],
    unions: &[],
    escaped_models: &["Error"],
    nullable_prefix: Some("Nullable"),
};

/// Ruby (`Array<T>`, `Hash<String, T>`).
pub static RUBY: Vocabulary = Vocabulary {
    scalars: &[
        ("String", String),
        ("Integer", Int64),
        ("Float", Double),
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
    nullables: &[],
    unions: &[],
    escaped_models: &["Next", "Self"],
    nullable_prefix: None,
};

/// PHP (`T[]`, `array<string,T>`, `\DateTime`).
pub static PHP: Vocabulary = Vocabulary {
    scalars: &[
        ("int", Int64),
        ("float", Double),
        ("double", Double),
        ("string", String),
        ("bool", Boolean),
        ("\\DateTime", DateTime),
        ("\\SplFileObject", Binary),
        ("object", Any),
        ("mixed", Any),
    ],
    lists: &["array"],
    sets: NO_SETS,
    maps: &["array", "map"],
    nullables: &[],
    unions: &[],
    escaped_models: &["Function"],
    nullable_prefix: None,
};

/// JavaScript (`[T]`, `{String: T}`). `Number` stands for every number, so
/// it reads as `decimal`: the page cannot say integer or float, and only a
/// number type that keeps both writes `5` back as `5`.
pub static JAVASCRIPT: Vocabulary = Vocabulary {
    scalars: &[
        ("String", String),
        ("Number", Decimal),
        ("Boolean", Boolean),
        ("Date", DateTime),
        ("File", Binary),
        ("Blob", Binary),
        ("Object", Any),
        ("AnyType", Any),
    ],
    lists: &["Array"],
    sets: NO_SETS,
    maps: &[],
    nullables: &[],
    unions: &[],
    escaped_models: &[],
    nullable_prefix: None,
};

/// TypeScript axios and fetch (`Array<T>`, `{ [key: string]: T; }`);
/// `number`, for every number, reads as `decimal` (see [`JAVASCRIPT`]).
pub static TYPESCRIPT: Vocabulary = Vocabulary {
    scalars: &[
        ("string", String),
        ("number", Decimal),
        ("boolean", Boolean),
        ("Date", DateTime),
        ("File", Binary),
        ("Blob", Binary),
        ("object", Any),
        ("any", Any),
    ],
    lists: &["Array"],
    sets: &["Set"],
    maps: &["Record"],
    nullables: &[],
    unions: &[],
    escaped_models: &["Error", "Map"],
    nullable_prefix: None,
};

/// Swift 5 (`[T]`, `[String: T]`).
pub static SWIFT: Vocabulary = Vocabulary {
    scalars: &[
        ("String", String),
        ("Int", Int32),
        ("Int32", Int32),
        ("Int64", Int64),
        ("Float", Float),
        ("Double", Double),
        ("Decimal", Decimal),
        ("Bool", Boolean),
        ("Date", DateTime),
        ("OpenISO8601DateFormatter", DateTime),
        ("DateWithoutTime", Date),
        ("UUID", Uuid),
        ("Data", Binary),
        ("URL", Binary),
        ("AnyCodable", Any),
        ("JSONValue", Any),
    ],
    lists: &["Array"],
    sets: &["Set"],
    maps: &["Dictionary"],
    nullables: &[],
    unions: &[],
    escaped_models: &[
        "Data",
        "Error",
        "ErrorResponse",
        "Locale",
        "Protocol",
        "Response",
        "Self",
        "Type",
        "URL",
        "ValidationError",
    ],
    nullable_prefix: None,
};

/// Dart and dart-dio (`List<T>`, `BuiltList<T>`); `num`, integer or
/// float, reads as `decimal` (see [`JAVASCRIPT`]).
pub static DART: Vocabulary = Vocabulary {
    scalars: &[
        ("String", String),
        ("int", Int64),
        ("num", Decimal),
        ("double", Double),
        ("bool", Boolean),
        ("DateTime", DateTime),
        ("Date", Date),
        ("MultipartFile", Binary),
        ("Uint8List", Binary),
        ("Object", Any),
        ("JsonObject", Any),
    ],
    lists: &["List", "BuiltList"],
    sets: &["Set", "BuiltSet"],
    maps: &["Map", "BuiltMap"],
    nullables: &[],
    unions: &[],
    escaped_models: &["Function", "Map", "Operator", "Source"],
    nullable_prefix: None,
};

/// Rust (`Vec<T>`, `std::collections::HashMap<String, T>`, `Option<T>`).
pub static RUST: Vocabulary = Vocabulary {
    scalars: &[
        ("String", String),
        ("i32", Int32),
        ("i64", Int64),
        ("f32", Float),
        ("f64", Double),
        ("bool", Boolean),
        ("uuid::Uuid", Uuid),
        ("chrono::DateTime", DateTime),
        ("chrono::NaiveDate", Date),
        ("chrono::NaiveDateTime", DateTime),
        ("std::path::PathBuf", Binary),
        ("serde_json::Value", Any),
        ("Value", Any),
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
    unions: &[],
    escaped_models: &["Self"],
    nullable_prefix: None,
};

/// R (`array[T]`, `named list(T)`).
pub static R: Vocabulary = Vocabulary {
    scalars: &[
        ("character", String),
        ("integer", Int64),
        ("numeric", Double),
        ("logical", Boolean),
        ("data.frame", Binary),
        ("object", Any),
        ("AnyType", Any),
    ],
    lists: &["array"],
    sets: &["set"],
    maps: &["map", "named list"],
    nullables: &[],
    unions: &[],
    escaped_models: &[],
    nullable_prefix: None,
};

/// PowerShell (.NET type names).
pub static POWERSHELL: Vocabulary = Vocabulary {
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
    lists: &[],
    sets: NO_SETS,
    maps: &[],
    nullables: &[],
    unions: &[],
    escaped_models: &[],
    nullable_prefix: None,
};
