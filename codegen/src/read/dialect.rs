//! What differs between docs dialects, as data: type vocabularies, container
//! names, how wire names relate to written names, and how a page gives its
//! dialect away. Everything else in the reader is shared.

use crate::ir::{Dialect, Primitive, WireNameRule};

/// The rules of one dialect.
#[derive(Debug)]
pub struct Rules {
    /// The dialect these rules describe.
    pub dialect: Dialect,
    /// How the property names the docs write relate to wire names.
    pub wire_names: WireNameRule,
    /// Scalar type names (after any nullable `?` is removed) and their meaning.
    pub scalars: &'static [(&'static str, Primitive)],
    /// Generic names of JSON arrays (`List<T>`).
    pub lists: &'static [&'static str],
    /// Generic names of JSON arrays with unique items (`Set<T>`).
    pub sets: &'static [&'static str],
    /// Generic names of JSON objects (`Map<String, T>`).
    pub maps: &'static [&'static str],
}

/// Genesys Java SDK: `Date` is the SDK's date-time, `LocalDate` a calendar date.
static GENESYS_JAVA: Rules = Rules {
    dialect: Dialect::GenesysJava,
    wire_names: WireNameRule::AsWritten,
    scalars: &[
        ("String", Primitive::String),
        ("URI", Primitive::String),
        ("Integer", Primitive::Int32),
        ("Long", Primitive::Int64),
        ("Float", Primitive::Float),
        ("Double", Primitive::Double),
        ("BigDecimal", Primitive::Decimal),
        ("Boolean", Primitive::Boolean),
        ("Date", Primitive::DateTime),
        ("OffsetDateTime", Primitive::DateTime),
        ("LocalDate", Primitive::Date),
        ("UUID", Primitive::Uuid),
        ("Object", Primitive::Any),
        ("File", Primitive::Binary),
    ],
    lists: &["List"],
    sets: &["Set"],
    maps: &["Map"],
};

/// Genesys .NET SDK: capital `String` is the template's mapping of `format: date`.
static GENESYS_DOTNET: Rules = Rules {
    dialect: Dialect::GenesysDotnet,
    wire_names: WireNameRule::LowerCamel,
    scalars: &[
        ("string", Primitive::String),
        ("String", Primitive::Date),
        ("int", Primitive::Int32),
        ("long", Primitive::Int64),
        ("float", Primitive::Float),
        ("double", Primitive::Double),
        ("decimal", Primitive::Decimal),
        ("bool", Primitive::Boolean),
        ("DateTime", Primitive::DateTime),
        ("Guid", Primitive::Uuid),
        ("Object", Primitive::Any),
        ("System.IO.Stream", Primitive::Binary),
    ],
    lists: &["List"],
    sets: &["HashSet"],
    maps: &["Dictionary"],
};

impl Rules {
    /// The rules of `dialect`.
    pub fn of(dialect: Dialect) -> &'static Rules {
        match dialect {
            Dialect::GenesysJava => &GENESYS_JAVA,
            Dialect::GenesysDotnet => &GENESYS_DOTNET,
        }
    }

    /// The wire name of a property the docs call `name`, in model `model`.
    pub fn wire_name(&self, name: &str, model: &str) -> String {
        match self.wire_names {
            WireNameRule::AsWritten => name.to_string(),
            WireNameRule::LowerCamel => {
                // C# forbids a member named like its class: the SDK writes `_Model`.
                let name = name
                    .strip_prefix('_')
                    .filter(|rest| *rest == model)
                    .unwrap_or(name);
                let mut chars = name.chars();
                match chars.next() {
                    Some(first) => first.to_lowercase().chain(chars).collect(),
                    None => String::new(),
                }
            }
        }
    }
}

/// What a page shows of itself before its rows are read.
#[derive(Debug, Default)]
pub struct Signals<'a> {
    /// The texts of the page's headings.
    pub headings: Vec<&'a str>,
    /// The texts of its type cells.
    pub type_cells: Vec<&'a str>,
}

/// Tells the dialect of a page from cheap signals: a C# namespace heading, then
/// C#-only type spellings; Java is what remains.
pub fn detect(signals: &Signals<'_>) -> Dialect {
    let namespace_heading = signals
        .headings
        .iter()
        .any(|h| namespace_model_name(h).is_some());
    let csharp_types = signals
        .type_cells
        .iter()
        .any(|t| t.contains('?') || t.starts_with("Dictionary<"));
    if namespace_heading || csharp_types {
        Dialect::GenesysDotnet
    } else {
        Dialect::GenesysJava
    }
}

/// The model name of a C# namespace heading: `ININ.PureCloudApi.Model.Callback` → `Callback`.
pub fn namespace_model_name(heading: &str) -> Option<&str> {
    let (namespace, name) = heading.rsplit_once(".Model.")?;
    let is_path = |s: &str| {
        !s.is_empty()
            && s.split('.').all(|part| {
                !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '_')
            })
    };
    (is_path(namespace) && is_path(name) && !name.contains('.')).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotnet_wire_names_lower_the_first_letter_only() {
        let rules = Rules::of(Dialect::GenesysDotnet);
        assert_eq!(rules.wire_name("SsoTargetURI", "M"), "ssoTargetURI");
        assert_eq!(rules.wire_name("Id", "M"), "id");
        assert_eq!(rules.wire_name("_Digits", "Digits"), "digits");
        assert_eq!(rules.wire_name("_Digits", "Other"), "_Digits");
        assert_eq!(Rules::of(Dialect::GenesysJava).wire_name("Id", "M"), "Id");
    }

    #[test]
    fn namespace_headings_name_models() {
        assert_eq!(
            namespace_model_name("ININ.PureCloudApi.Model.Callback"),
            Some("Callback")
        );
        assert_eq!(
            namespace_model_name("PureCloudPlatform.Client.V2.Api.AIStudioApi"),
            None
        );
        assert_eq!(namespace_model_name("Callback"), None);
    }
}
