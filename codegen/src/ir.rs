//! The intermediate representation: plain, serde-serializable data that the
//! reader produces, the resolver completes and the emitter consumes.
//!
//! Ordering is part of the contract: models and enums are sorted by name (then
//! by source), properties and enum values keep the order of their source table.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::read::Dialect;

/// Every model and enum read from a set of docs pages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "IrDocument")]
pub struct Ir {
    /// Models, sorted by name, then by their first source.
    pub models: Vec<Model>,
    /// Enums, sorted by name; names are unique across models and enums.
    pub enums: Vec<Enum>,
}

/// The serialized shape of [`Ir`], before enum references are told apart
/// from model references (the YAML writes both as a bare name).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IrDocument {
    #[serde(default)]
    models: Vec<Model>,
    #[serde(default)]
    enums: Vec<Enum>,
}

impl From<IrDocument> for Ir {
    fn from(document: IrDocument) -> Self {
        let enum_names: std::collections::HashSet<String> =
            document.enums.iter().map(|e| e.name.clone()).collect();
        let mut ir = Ir {
            models: document.models,
            enums: document.enums,
        };
        // Every place a type is written, as resolve links them.
        for ty in ir.models.iter_mut().flat_map(Model::types_mut) {
            ty.link_enums(&|name| enum_names.contains(name));
        }
        ir
    }
}

impl Ir {
    /// The model with this name, if any: found by binary search, as every
    /// stage keeps the models sorted by name (an IR built by hand is sorted
    /// by [`crate::generate_from_ir`]; sort it before looking up in it).
    pub fn model(&self, name: &str) -> Option<&Model> {
        let at = self.models.partition_point(|m| m.name.as_str() < name);
        self.models.get(at).filter(|m| m.name == name)
    }

    /// The enum with this name, if any: found by binary search, as every
    /// stage keeps the enums sorted by name.
    pub fn enumeration(&self, name: &str) -> Option<&Enum> {
        let at = self.enums.partition_point(|e| e.name.as_str() < name);
        self.enums.get(at).filter(|e| e.name == name)
    }

    /// The IR as YAML, the form `docmodel ir` writes and every entry point reads.
    pub fn to_yaml(&self) -> Result<String, IrError> {
        serde_saphyr::to_string(self).map_err(|e| IrError {
            line: None,
            message: e.to_string(),
        })
    }

    /// An IR read from YAML as [`Ir::to_yaml`] writes it.
    ///
    /// The parser's limits grow with the input (every node and event takes at
    /// least one byte of it), so an IR of any size reads while the work stays
    /// bounded by the input's length.
    pub fn from_yaml(yaml: &str) -> Result<Ir, IrError> {
        let default = serde_saphyr::Budget::default();
        let options = serde_saphyr::options! {
            budget: serde_saphyr::budget! {
                max_nodes: default.max_nodes.max(yaml.len()),
                max_events: default.max_events.max(yaml.len()),
                max_total_scalar_bytes: default.max_total_scalar_bytes.max(yaml.len()),
            },
        };
        serde_saphyr::from_str_with_options(yaml, options).map_err(|e| IrError {
            line: e
                .location()
                .map(|l| u32::try_from(l.line()).unwrap_or(u32::MAX))
                .filter(|&l| l > 0),
            message: crate::settings::without_position(&e.without_snippet().to_string()),
        })
    }
}

/// An IR document that cannot be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IrError {
    line: Option<u32>,
    message: String,
}

impl IrError {
    /// The 1-based line of the problem, when known.
    pub fn line(&self) -> Option<u32> {
        self.line
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for IrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for IrError {}

/// A model: one struct-like object of the API, from one or more pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// The model's name as the page states it (front matter, title or namespace heading).
    pub name: String,
    /// The docs dialect the page was written in.
    pub dialect: Dialect,
    /// The page's description of the model, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The pages this model was read from, as given to the reader.
    pub sources: Vec<String>,
    /// Properties in table order.
    pub properties: Vec<Property>,
    /// For a union page (`oneOf`/`anyOf` that names its members): the member
    /// types, in page order. A union has no properties; its JSON is exactly
    /// one of the members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<TypeExpr>,
    /// True when no page of the model lists a property, a value or a member:
    /// most dialects write enum and `oneOf` pages so, with an empty table.
    /// The model is then any JSON value, kept exactly as it came, so that no
    /// real value is rejected or changed. An opaque model has no properties.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub opaque: bool,
    /// The type of the values under names the table does not list, where the
    /// page says the object takes any (python-prior's `**any string name**`
    /// row): the struct keeps them in a map, so that they are written back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_properties: Option<TypeExpr>,
}

impl Model {
    /// Every type the model writes: its properties', its union members' and
    /// that of the values under unlisted names.
    pub fn types(&self) -> impl Iterator<Item = &TypeExpr> {
        let properties = self.properties.iter().map(|p| &p.ty);
        properties
            .chain(&self.one_of)
            .chain(&self.additional_properties)
    }

    /// [`Model::types`], to change them in place.
    pub fn types_mut(&mut self) -> impl Iterator<Item = &mut TypeExpr> {
        let properties = self.properties.iter_mut().map(|p| &mut p.ty);
        properties
            .chain(&mut self.one_of)
            .chain(&mut self.additional_properties)
    }
}

/// One row of a model's property table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    /// The name exactly as the docs write it (a language field name).
    pub name: String,
    /// The JSON name on the wire.
    pub wire_name: String,
    /// How [`Property::wire_name`] was obtained from [`Property::name`].
    pub wire_name_rule: WireNameRule,
    /// The property's type.
    #[serde(rename = "type")]
    pub ty: TypeExpr,
    /// Whether the property must be present: `None` when the page cannot tell
    /// (two-column tables carry no notes), which the emitter treats as optional.
    pub required: Option<bool>,
    /// True when the notes say `[readonly]`.
    pub readonly: bool,
    /// The value the property takes when absent, as JSON: the docs'
    /// `[default to X]` read as a value of the property's type (an enum
    /// member named by the docs is its wire value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// The description cell, entities decoded, Markdown kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The page and line of the row.
    pub source: SourceRef,
    /// True when this property closes a cycle of direct model references, so
    /// that the emitter must box it (set by the resolver).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recursive: bool,
}

/// How certain a wire name is, given the name the docs write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WireNameRule {
    /// The docs write the wire name itself (under the configured `wire_case`).
    AsWritten,
    /// The docs write the wire name behind a reserved-word escape that was
    /// undone (`_type`, `r#type`, `var_property`, `` `value` ``).
    Unescaped,
    /// The page shows the wire name apart from the field name (Kotlin
    /// titles a property's enum section with it: `## Enum: resource_type`).
    Shown,
    /// The wire name was computed from a language field name by `wire_case`
    /// (word splitting and rejoining); the docs cannot confirm it.
    Derived,
}

/// An enumeration of wire values, declared by a model page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enum {
    /// The enum's name, unique across the whole IR.
    pub name: String,
    /// The model whose page declares it inline; `None` for an enum page of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The name the page gives it (`StateEnum`), unique only within the page.
    pub doc_name: String,
    /// The members, in table order; every value is of one JSON type.
    pub members: Vec<EnumMember>,
    /// The SDK-only "unknown value" member the source listed (not a wire value), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown_sentinel: Option<String>,
    /// The page and line of the enum's heading.
    pub source: SourceRef,
}

impl Enum {
    /// The JSON type of the values: integers when every member is one.
    pub fn base(&self) -> EnumBase {
        if !self.members.is_empty() && self.members.iter().all(|m| m.value.is_int()) {
            EnumBase::Integer
        } else {
            EnumBase::String
        }
    }

    /// The member whose wire value is `value`, if any.
    pub fn member(&self, value: &WireValue) -> Option<&EnumMember> {
        self.members.iter().find(|m| &m.value == value)
    }
}

/// One value of an enum, and the name the docs give it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumMember {
    /// The member name the docs give (`TRANSFER_CONFERENCE`), if they give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The value on the wire.
    pub value: WireValue,
}

/// An enum member's value as it appears in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum WireValue {
    /// A JSON integer.
    Int(i64),
    /// A JSON string.
    Str(String),
}

impl WireValue {
    /// True for an integer.
    pub fn is_int(&self) -> bool {
        matches!(self, WireValue::Int(_))
    }

    /// The value as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            WireValue::Int(n) => serde_json::Value::from(*n),
            WireValue::Str(s) => serde_json::Value::from(s.as_str()),
        }
    }
}

impl fmt::Display for WireValue {
    /// The value as text: a string as it is, an integer in decimal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireValue::Int(n) => write!(f, "{n}"),
            WireValue::Str(s) => f.write_str(s),
        }
    }
}

/// The JSON type of an enum's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EnumBase {
    /// Values are JSON strings.
    String,
    /// Values are JSON integers.
    Integer,
}

/// A place in a source page: file as given to the reader, and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceRef {
    /// The page's path, as given on the command line (or joined under a given folder).
    pub file: String,
    /// 1-based line number.
    pub line: u32,
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl SourceRef {
    /// The first line of the first of `sources`: where a diagnostic about a
    /// whole model points.
    pub(crate) fn first_line_of(sources: &[String]) -> SourceRef {
        SourceRef {
            file: sources.first().cloned().unwrap_or_default(),
            line: 1,
        }
    }
}

impl FromStr for SourceRef {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (file, line) = text
            .rsplit_once(':')
            .ok_or_else(|| format!("`{text}` is not `file:line`"))?;
        let line = line
            .parse()
            .map_err(|_| format!("`{line}` in `{text}` is not a line number"))?;
        Ok(SourceRef {
            file: file.to_string(),
            line,
        })
    }
}

/// The canonical scalar types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Primitive {
    /// A JSON string.
    String,
    /// A JSON boolean.
    Boolean,
    /// A 32-bit integer.
    Int32,
    /// A 64-bit integer.
    Int64,
    /// A 32-bit float.
    Float,
    /// A 64-bit float.
    Double,
    /// A number the docs cannot say is an integer or a float (`number`
    /// without a format, or a word that stands for several: JavaScript's
    /// `Number`, Go's `float32`): emitted as a number type that writes back
    /// what it read (`5` as `5`, `12345678901` as `12345678901`).
    Decimal,
    /// A calendar date (`2024-01-31`).
    Date,
    /// A date and time (ISO-8601 / RFC 3339).
    DateTime,
    /// A calendar date or a date and time, where the dialect writes one type
    /// for both (JavaScript's `Date`, PHP's `\DateTime`): emitted as the
    /// string it came as, so either form is read and written back.
    DateOrDateTime,
    /// A UUID string.
    Uuid,
    /// Any JSON value.
    Any,
    /// Raw bytes (files, streams).
    Binary,
}

impl Primitive {
    /// Every primitive, for lookups by keyword.
    pub const ALL: &[Primitive] = &[
        Primitive::String,
        Primitive::Boolean,
        Primitive::Int32,
        Primitive::Int64,
        Primitive::Float,
        Primitive::Double,
        Primitive::Decimal,
        Primitive::Date,
        Primitive::DateTime,
        Primitive::DateOrDateTime,
        Primitive::Uuid,
        Primitive::Any,
        Primitive::Binary,
    ];

    /// The keyword the IR writes for this primitive.
    pub fn keyword(self) -> &'static str {
        match self {
            Primitive::String => "string",
            Primitive::Boolean => "boolean",
            Primitive::Int32 => "int32",
            Primitive::Int64 => "int64",
            Primitive::Float => "float",
            Primitive::Double => "double",
            Primitive::Decimal => "decimal",
            Primitive::Date => "date",
            Primitive::DateTime => "datetime",
            Primitive::DateOrDateTime => "date_or_datetime",
            Primitive::Uuid => "uuid",
            Primitive::Any => "any",
            Primitive::Binary => "binary",
        }
    }
}

/// A structured property type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TypeExpr {
    /// A scalar.
    Primitive(Primitive),
    /// A JSON array.
    List(Box<TypeExpr>),
    /// A JSON array of unique items.
    Set(Box<TypeExpr>),
    /// A JSON object with string keys and values of this type.
    Map(Box<TypeExpr>),
    /// A model, by name (it may be defined by no page; emit flags that).
    Model(String),
    /// An enum of the IR, by its IR name.
    Enum(String),
    /// A value that may also be JSON `null`.
    Nullable(Box<TypeExpr>),
}

impl TypeExpr {
    /// This type or JSON `null`; `any` already includes null, and a nullable
    /// type stays as it is.
    pub fn into_nullable(self) -> TypeExpr {
        match self {
            TypeExpr::Nullable(_) | TypeExpr::Primitive(Primitive::Any) => self,
            other => TypeExpr::Nullable(Box::new(other)),
        }
    }

    /// The innermost type: the item of a list, set or map, the value of a nullable.
    pub fn innermost(&self) -> &TypeExpr {
        match self {
            TypeExpr::List(inner)
            | TypeExpr::Set(inner)
            | TypeExpr::Map(inner)
            | TypeExpr::Nullable(inner) => inner.innermost(),
            other => other,
        }
    }

    /// The innermost type, to change it in place.
    pub fn innermost_mut(&mut self) -> &mut TypeExpr {
        match self {
            TypeExpr::List(inner)
            | TypeExpr::Set(inner)
            | TypeExpr::Map(inner)
            | TypeExpr::Nullable(inner) => inner.innermost_mut(),
            other => other,
        }
    }

    /// Turns every model reference whose name `is_enum` accepts into an enum reference.
    pub fn link_enums(&mut self, is_enum: &dyn Fn(&str) -> bool) {
        match self {
            TypeExpr::List(inner)
            | TypeExpr::Set(inner)
            | TypeExpr::Map(inner)
            | TypeExpr::Nullable(inner) => inner.link_enums(is_enum),
            TypeExpr::Model(name) if is_enum(name) => *self = TypeExpr::Enum(std::mem::take(name)),
            _ => {}
        }
    }

    /// Renames enum references through `rename`, which returns the new name or `None` to keep it.
    pub fn rename_enums(&mut self, rename: &dyn Fn(&str) -> Option<String>) {
        match self {
            TypeExpr::List(inner)
            | TypeExpr::Set(inner)
            | TypeExpr::Map(inner)
            | TypeExpr::Nullable(inner) => inner.rename_enums(rename),
            TypeExpr::Enum(name) => {
                if let Some(new_name) = rename(name) {
                    *name = new_name;
                }
            }
            _ => {}
        }
    }
}

impl fmt::Display for TypeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeExpr::Primitive(p) => f.write_str(p.keyword()),
            TypeExpr::List(inner) => write!(f, "list<{inner}>"),
            TypeExpr::Set(inner) => write!(f, "set<{inner}>"),
            TypeExpr::Map(inner) => write!(f, "map<{inner}>"),
            TypeExpr::Nullable(inner) => write!(f, "nullable<{inner}>"),
            TypeExpr::Model(name) | TypeExpr::Enum(name) if is_plain_name(name) => {
                f.write_str(name)
            }
            TypeExpr::Model(name) | TypeExpr::Enum(name) => write!(f, "ref<{name}>"),
        }
    }
}

/// How deeply types may nest (`list<list<…>>`): deeper ones are not read, so
/// that no stage recurses without bound.
pub const MAX_TYPE_DEPTH: usize = 64;

impl TypeExpr {
    /// How many containers and wrappers enclose the innermost type (0 for a
    /// scalar or a name).
    pub fn depth(&self) -> usize {
        let mut depth = 0;
        let mut ty = self;
        while let TypeExpr::List(inner)
        | TypeExpr::Set(inner)
        | TypeExpr::Map(inner)
        | TypeExpr::Nullable(inner) = ty
        {
            depth += 1;
            ty = inner;
        }
        depth
    }
}

impl FromStr for TypeExpr {
    type Err = String;

    /// Parses the IR's own notation. Names parse as model references; [`Ir`]'s
    /// deserializer turns those naming an enum into enum references. Types
    /// nested deeper than [`MAX_TYPE_DEPTH`] are refused.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        /// Wraps a type in a container or `nullable`.
        type Wrap = fn(Box<TypeExpr>) -> TypeExpr;
        const WRAPPERS: [(&str, Wrap); 4] = [
            ("list<", TypeExpr::List),
            ("set<", TypeExpr::Set),
            ("map<", TypeExpr::Map),
            ("nullable<", TypeExpr::Nullable),
        ];
        let mut text = text.trim();
        let mut wraps = Vec::new();
        while let Some((rest, wrap)) = WRAPPERS
            .iter()
            .find_map(|(keyword, wrap)| Some((text.strip_prefix(keyword)?, *wrap)))
        {
            if wraps.len() == MAX_TYPE_DEPTH {
                return Err(format!(
                    "a type nested deeper than {MAX_TYPE_DEPTH} levels is not read"
                ));
            }
            text = rest
                .strip_suffix('>')
                .ok_or_else(|| format!("`{text}` lacks its closing `>`"))?
                .trim();
            wraps.push(wrap);
        }
        let innermost = Self::scalar_or_name(text)?;
        Ok(wraps
            .into_iter()
            .rev()
            .fold(innermost, |ty, wrap| wrap(Box::new(ty))))
    }
}

/// Whether a model or enum name is written as it is in the IR's notation:
/// a name of letters, digits, `_` and `.` that is no keyword of it. Others
/// (`string`, `list`, `a::b`) are written `ref<name>`.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && !Primitive::ALL.iter().any(|p| p.keyword() == name)
}

impl TypeExpr {
    /// A primitive keyword or a model name of the IR's notation.
    fn scalar_or_name(text: &str) -> Result<TypeExpr, String> {
        if let Some(name) = text
            .strip_prefix("ref<")
            .and_then(|rest| rest.strip_suffix('>'))
        {
            return Ok(TypeExpr::Model(name.to_string()));
        }
        if let Some(p) = Primitive::ALL.iter().find(|p| p.keyword() == text) {
            return Ok(TypeExpr::Primitive(*p));
        }
        let is_name = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
        if is_name {
            Ok(TypeExpr::Model(text.to_string()))
        } else {
            Err(format!("`{text}` is not a type expression"))
        }
    }
}

/// Serializes a `Display`/`FromStr` type as its string form.
macro_rules! serde_as_string {
    ($ty:ty, $expecting:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse()
                    .map_err(|e| serde::de::Error::custom(format!("expected {}: {e}", $expecting)))
            }
        }
    };
}

serde_as_string!(TypeExpr, "a type expression");
serde_as_string!(SourceRef, "`file:line`");

#[cfg(test)]
mod tests {
    #[test]
    fn names_that_are_keywords_or_no_plain_names_read_back_as_written() {
        for name in ["string", "int64", "a::b", "ref<x>", " x", "", "List<T>"] {
            let ty = super::TypeExpr::List(Box::new(super::TypeExpr::Model(name.to_string())));
            let written = ty.to_string();
            assert_eq!(written.parse::<super::TypeExpr>(), Ok(ty), "{written}");
        }
        assert_eq!(super::TypeExpr::Model("Pet".into()).to_string(), "Pet");
    }

    #[test]
    fn enum_references_read_back_wherever_a_type_is_written() {
        // Found by the fuzzer: a union member that is an enum read back as a model.
        let yaml = "models:\n- name: Fruit\n  dialect: rust\n  sources: [f.md]\n  properties: []\n  one_of: [Apple, list<Apple>]\n  additional_properties: Apple\nenums:\n- name: Apple\n  doc_name: Apple\n  members: [{value: a}]\n  source: a.md:1\n";
        let ir = super::Ir::from_yaml(yaml).unwrap();
        let apple = || super::TypeExpr::Enum("Apple".into());
        let fruit = &ir.models[0];
        assert_eq!(
            fruit.one_of,
            [apple(), super::TypeExpr::List(Box::new(apple()))]
        );
        assert_eq!(fruit.additional_properties, Some(apple()));
        assert_eq!(super::Ir::from_yaml(&ir.to_yaml().unwrap()).unwrap(), ir);
    }

    #[test]
    fn ir_types_nested_beyond_the_limit_are_refused() {
        let nested = |depth: usize| format!("{}string{}", "list<".repeat(depth), ">".repeat(depth));
        let ok: super::TypeExpr = nested(super::MAX_TYPE_DEPTH).parse().unwrap();
        assert_eq!(ok.depth(), super::MAX_TYPE_DEPTH);
        assert_eq!(ok.to_string(), nested(super::MAX_TYPE_DEPTH));
        assert!(nested(100_000).parse::<super::TypeExpr>().is_err());
    }

    use super::*;

    #[test]
    fn type_expressions_print_and_parse_back() {
        for text in [
            "string",
            "list<map<list<int64>>>",
            "set<uuid>",
            "map<any>",
            "list<nullable<any>>",
            "Segment",
        ] {
            let parsed: TypeExpr = text.parse().unwrap();
            assert_eq!(parsed.to_string(), text);
        }
        assert!("list<string".parse::<TypeExpr>().is_err());
        assert!("a b".parse::<TypeExpr>().is_err());
    }

    #[test]
    fn source_refs_split_on_the_last_colon() {
        let parsed: SourceRef = "C:/docs/x.md:12".parse().unwrap();
        assert_eq!(parsed.file, "C:/docs/x.md");
        assert_eq!(parsed.line, 12);
    }
}
