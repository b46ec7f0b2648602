//! What differs between docs dialects. Each dialect is one self-contained
//! spec in a file of its own (`java.rs`, `kotlin.rs` …): its default wire
//! case, type vocabulary ([`Vocabulary`]), reserved-word escapes
//! ([`Escapes`]), the marks that give its pages away ([`Marks`]) and its
//! quirks as named flags ([`Quirks`]). The list of dialects is declared once,
//! in [`dialects!`]'s invocation below: it makes the [`Dialect`] enum, its
//! names and the spec of each. The reader's shared code asks the spec and
//! holds no rule of any one dialect.

pub mod detect;
pub mod vocab;
pub mod wire;

// One module per dialect, each holding its `SPEC`; the compiler holds this
// list and the declaration in `dialects!` below to each other.
mod csharp;
mod dart;
mod genesys_dotnet;
mod genesys_java;
mod go;
mod java;
mod javascript;
mod kotlin;
mod php;
mod powershell;
mod python;
mod python_prior;
mod r;
mod ruby;
mod rust;
mod swift;
mod typescript;

use serde::{Deserialize, Serialize};

use crate::ir::WireNameRule;
use crate::settings::WireCase;

use detect::Signals;
pub use vocab::Vocabulary;
pub use wire::{Escape, Escapes};

/// Everything one dialect means.
#[derive(Debug)]
pub struct Spec {
    /// The wire case its field names are read in when nothing is configured.
    pub wire_case: WireCase,
    /// Whether its generator re-cases JSON names into field names (most
    /// camelCase or snake_case every name; Genesys Java and R keep them), so
    /// that a name taken as written is a guess.
    pub renames_fields: bool,
    /// Its type words.
    pub vocabulary: Vocabulary,
    /// How it escapes reserved words in field names.
    pub escapes: Escapes,
    /// What gives its pages away.
    pub marks: Marks,
    /// Its forms that no other dialect writes.
    pub quirks: Quirks,
}

/// What gives a dialect's pages away, strongest first. A page is the first
/// dialect, in declaration order, whose mark of the strongest kind it shows.
#[derive(Debug)]
pub struct Marks {
    /// Headings or page text only this dialect writes.
    pub heading: Option<fn(&Signals<'_>) -> bool>,
    /// A properties-table shape only this dialect writes.
    pub shape: Option<fn(&Signals<'_>) -> bool>,
    /// Type-cell spellings, found where a word starts.
    pub types: &'static [&'static str],
    /// Notes-cell spellings.
    pub notes: &'static [&'static str],
    /// Section headings (level 2 or deeper), exactly.
    pub sections: &'static [&'static str],
    /// Info strings of fenced code blocks.
    pub code: &'static [&'static str],
    /// Page text anywhere.
    pub text: &'static [&'static str],
    /// For a page with no mark and no known type word: whether it is read in
    /// this dialect.
    pub fallback: Option<fn(&Signals<'_>) -> bool>,
    /// Whether the dialect may be told by its type words alone (the Genesys
    /// dialects are always told by their headings).
    pub by_words: bool,
}

impl Marks {
    /// No marks: the start of a dialect's marks (`..Marks::NONE`).
    pub const NONE: Marks = Marks {
        heading: None,
        shape: None,
        types: &[],
        notes: &[],
        sections: &[],
        code: &[],
        text: &[],
        fallback: None,
        by_words: true,
    };
}

/// Forms that only one dialect writes, each a named flag.
#[derive(Debug)]
pub struct Quirks {
    /// A wrapper around the type cell's markup that says "optional":
    /// Go's `Pointer to …`, Rust's `Option<…>`.
    pub type_wrapper: Option<TypeWrapper>,
    /// Kotlin: an enum section of one row whose value cell joins all values
    /// (`| status | a, b, c |`).
    pub joined_enum_row: bool,
    /// Kotlin: a property typed `inline` whose link anchor holds its
    /// container (`#kotlin.collections.List<X>`).
    pub inline_anchor_types: bool,
    /// Kotlin: an inline enum's section is titled with its property's wire
    /// name (`## Enum: resource_type` for `resourceType`).
    pub enum_headings_show_wire_names: bool,
    /// JavaScript: a `String` property's enum is the section named
    /// `<Property>Enum`, with no link between them.
    pub enums_by_section_name: bool,
    /// python-prior: an enum page is one `value` row whose notes list the values.
    pub value_row_enum_pages: bool,
    /// Ruby: a union page lists its members in an `openapi_one_of` code comment.
    pub one_of_comment: bool,
    /// python-prior: the name cell of the row that types the values under
    /// names the table does not list (`**any string name**`).
    pub additional_properties_row: Option<&'static str>,
    /// PHP: a model name written with its namespace glued on
    /// (`OpenAPIClientModelTag`, the `\`s lost), linked to the model's page.
    pub glued_namespaces: bool,
    /// C#: the vocabulary's date-or-date-time type (`DateTime`, which older
    /// generators and swagger-codegen write for both) is a date-time in a
    /// folder that writes dates apart (openapi-generator 7's `DateOnly`).
    pub date_time_where_dates_apart: bool,
}

impl Quirks {
    /// No quirks: the start of a dialect's quirks (`..Quirks::NONE`).
    pub const NONE: Quirks = Quirks {
        type_wrapper: None,
        joined_enum_row: false,
        inline_anchor_types: false,
        enum_headings_show_wire_names: false,
        enums_by_section_name: false,
        value_row_enum_pages: false,
        one_of_comment: false,
        glued_namespaces: false,
        additional_properties_row: None,
        date_time_where_dates_apart: false,
    };
}

/// An outer wrapper around a type cell's markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeWrapper {
    /// Go's `Pointer to …`: the property is optional.
    Pointer,
    /// Rust's `Option<…>`: optional, or nullable when required.
    Option,
}

/// Declares the dialects once: the [`Dialect`] enum with its names in the IR
/// and `docmodel.yaml`, [`Dialect::ALL`], and the spec of each.
macro_rules! dialects {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal in $module:ident,)+) => {
        /// The docs dialect a page is written in: decides how names, types
        /// and notes read. One dialect per language family; generator
        /// versions and swagger-codegen forms of a language share it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum Dialect {
            $($(#[doc = $doc])+ #[serde(rename = $name)] $variant,)+
        }

        impl Dialect {
            /// Every dialect, in declaration order.
            pub const ALL: &[Dialect] = &[$(Dialect::$variant),+];

            /// The dialect's name as the IR and `docmodel.yaml` write it
            /// (`kotlin`, `python_prior`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Dialect::$variant => $name,)+
                }
            }

            /// Everything the dialect means.
            pub(crate) fn spec(self) -> &'static Spec {
                match self {
                    $(Dialect::$variant => &$module::SPEC,)+
                }
            }
        }
    };
}

dialects! {
    /// Genesys Cloud .NET SDK docs (`## ININ.PureCloudApi.Model.X`).
    GenesysDotnet = "genesys_dotnet" in genesys_dotnet,
    /// Genesys Cloud Java SDK docs, repository or docs-site rendering.
    GenesysJava = "genesys_java" in genesys_java,
    /// Java (`List<T>`, `OffsetDateTime`).
    Java = "java" in java,
    /// Kotlin (`kotlin.String`, `kotlin.collections.List<T>`).
    Kotlin = "kotlin" in kotlin,
    /// C# (`# Org.OpenAPITools.Model.X`, `Dictionary<string, T>`).
    Csharp = "csharp" in csharp,
    /// Python 7.x and legacy (`List[T]`, `Dict[str, T]`, `list[T]`, `dict(str, T)`).
    Python = "python" in python,
    /// python-prior (`[T]`, `{str: (T,)}`, `str, none_type`).
    PythonPrior = "python_prior" in python_prior,
    /// Go (`[]T`, `map[string]T`, `Pointer to`).
    Go = "go" in go,
    /// Ruby (`# Module::X`, `Array<T>`, `Hash<String, T>`).
    Ruby = "ruby" in ruby,
    /// PHP (`# # X`, `T[]`, `array<string,T>`, `\Ns\Model\X`).
    Php = "php" in php,
    /// JavaScript (`# Module.X`, `[T]`, `{String: T}`).
    Javascript = "javascript" in javascript,
    /// TypeScript axios and fetch (`Array<T>`, `{ [key: string]: T; }`).
    Typescript = "typescript" in typescript,
    /// Swift 5 (`[T]`, `[String: T]`).
    Swift = "swift" in swift,
    /// Dart and dart-dio (`# pkg.model.X`, `BuiltList<T>`).
    Dart = "dart" in dart,
    /// Rust (`Vec<T>`, `Option<…>`, `## Enum Variants`).
    Rust = "rust" in rust,
    /// R (`# pkg::X`, `array[T]`, `map(T)`).
    R = "r" in r,
    /// PowerShell (`# X`, `## Examples` with `Initialize-`).
    Powershell = "powershell" in powershell,
}

/// The dialect's name as the IR and `docmodel.yaml` write it.
impl std::fmt::Display for Dialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Spec {
    /// The wire name of a property the docs call `name` in model `model`,
    /// under `case` (`None`: the dialect's default).
    pub fn wire_name(
        &self,
        name: &str,
        model: &str,
        case: Option<WireCase>,
    ) -> (String, WireNameRule) {
        wire::wire_name(name, model, &self.escapes, case.unwrap_or(self.wire_case))
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
    fn dotnet_wire_names_lower_the_first_word() {
        let rules = Dialect::GenesysDotnet.spec();
        assert_eq!(rules.wire_name("SsoTargetURI", "M", None).0, "ssoTargetURI");
        assert_eq!(rules.wire_name("Id", "M", None).0, "id");
        assert_eq!(rules.wire_name("_Digits", "Digits", None).0, "digits");
        assert_eq!(rules.wire_name("_Digits", "Other", None).0, "_Digits");
        let java = Dialect::GenesysJava.spec();
        assert_eq!(
            java.wire_name("Id", "M", None),
            ("Id".into(), WireNameRule::AsWritten)
        );
    }

    #[test]
    fn each_dialect_undoes_only_its_own_digit_prefix() {
        let wire = |dialect: Dialect, name: &str| dialect.spec().wire_name(name, "M", None).0;
        assert_eq!(wire(Dialect::Dart, "n1"), "1");
        assert_eq!(wire(Dialect::Java, "n1"), "n1", "a Java `n1` is a name");
        assert_eq!(wire(Dialect::Java, "_1"), "1");
        assert_eq!(wire(Dialect::Rust, "param_1"), "1");
        assert_eq!(wire(Dialect::Python, "var_1"), "1");
        assert_eq!(wire(Dialect::Csharp, "Var1"), "1");
    }

    #[test]
    fn every_dialect_has_its_name() {
        for dialect in Dialect::ALL {
            let written = serde_json::to_value(dialect).unwrap();
            assert_eq!(written.as_str(), Some(dialect.name()));
        }
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
