//! The `wire` module emitted once after the models: the types that keep a
//! JSON value exactly as it came, where no type of serde, serde_json, chrono
//! or uuid does. Only the helpers the models use are emitted.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{EnumBase, Ir, Model, Primitive, Property, TypeExpr};

/// The `wire` module for `ir`, or nothing when no model needs it.
pub fn emit(ir: &Ir) -> TokenStream {
    let uses = |primitive: Primitive| {
        ir.models
            .iter()
            .flat_map(Model::types)
            .any(|ty| *ty.innermost() == TypeExpr::Primitive(primitive))
    };
    let date_time = uses(Primitive::DateTime);
    let uuid = uses(Primitive::Uuid);
    let string_enums = ir.enums.iter().any(|e| e.base() == EnumBase::String);
    let present = ir
        .models
        .iter()
        .filter(|m| !m.opaque && m.one_of.is_empty())
        .any(|m| m.properties.iter().any(|p| keeps_null(p, ir)));
    if !(date_time || uuid || present || string_enums) {
        return TokenStream::new();
    }
    let date_time = date_time.then(date_time_type);
    let uuid = uuid.then(uuid_type);
    let present = present.then(present_function);
    let from_str_value = string_enums.then(from_str_value_function);
    quote! {
        /// Types that keep a JSON value exactly as it came, so that what the
        /// models read they write back unchanged.
        pub mod wire {
            #date_time
            #uuid
            #present
            #from_str_value
        }
    }
}

/// `wire::from_str_value`: reads a JSON string as any type made from a
/// `&str` (the open enums), without allocating for a value it knows.
fn from_str_value_function() -> TokenStream {
    quote! {
        /// Reads a JSON string into a type made from `&str`: how the open
        /// enums read their values (a value they do not list is kept).
        pub fn from_str_value<'de, D, T>(deserializer: D) -> Result<T, D::Error>
        where
            D: serde::Deserializer<'de>,
            T: for<'a> From<&'a str>,
        {
            struct Text<T>(std::marker::PhantomData<T>);

            impl<T: for<'a> From<&'a str>> serde::de::Visitor<'_> for Text<T> {
                type Value = T;

                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a string")
                }

                fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
                    Ok(T::from(value))
                }
            }

            deserializer.deserialize_str(Text(std::marker::PhantomData))
        }
    }
}

/// Whether `property` is an optional field whose JSON may be `null`
/// (nullable, or any value: `any`, an opaque model, a model no page
/// defines), which must be told apart from absence.
pub fn keeps_null(property: &Property, ir: &Ir) -> bool {
    property.required != Some(true)
        && match &property.ty {
            TypeExpr::Nullable(_) | TypeExpr::Primitive(Primitive::Any) => true,
            TypeExpr::Model(name) => ir.model(name).is_none_or(|m| m.opaque),
            _ => false,
        }
}

/// `wire::present`: reads a present field as `Some`, `null` included.
fn present_function() -> TokenStream {
    quote! {
        /// Reads a field that the JSON holds, `null` included, as `Some`: with
        /// `#[serde(default)]` an absent field stays `None`, so absent and
        /// `null` are told apart and written back as they came.
        pub fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
        where
            D: serde::Deserializer<'de>,
            T: serde::Deserialize<'de>,
        {
            T::deserialize(deserializer).map(Some)
        }
    }
}

/// `wire::DateTime`: an RFC 3339 date and time that keeps its text.
fn date_time_type() -> TokenStream {
    quote! {
        /// An RFC 3339 date and time, kept as written: its offset and its
        /// precision are written back as they came (`2024-05-01T12:34:56+02:00`
        /// stays `+02:00`). [`DateTime::get`] gives its value with that offset.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct DateTime {
            text: String,
            value: chrono::DateTime<chrono::FixedOffset>,
        }

        impl DateTime {
            /// Reads `text` as an RFC 3339 date and time.
            pub fn parse(text: &str) -> Result<Self, chrono::ParseError> {
                Ok(Self {
                    value: chrono::DateTime::parse_from_rfc3339(text)?,
                    text: text.to_string(),
                })
            }

            /// The date and time, with the offset it was written with.
            pub fn get(&self) -> chrono::DateTime<chrono::FixedOffset> {
                self.value
            }

            /// The text, as it came.
            pub fn as_str(&self) -> &str {
                &self.text
            }
        }

        impl<Tz: chrono::TimeZone> From<chrono::DateTime<Tz>> for DateTime {
            fn from(value: chrono::DateTime<Tz>) -> Self {
                let value = value.fixed_offset();
                Self {
                    text: value.to_rfc3339(),
                    value,
                }
            }
        }

        impl std::str::FromStr for DateTime {
            type Err = chrono::ParseError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::parse(text)
            }
        }

        impl std::fmt::Display for DateTime {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text)
            }
        }

        impl serde::Serialize for DateTime {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.text)
            }
        }

        impl<'de> serde::Deserialize<'de> for DateTime {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    }
}

/// `wire::Uuid`: a UUID that keeps its text.
fn uuid_type() -> TokenStream {
    quote! {
        /// A UUID, kept as written: its case and its form (hyphenated,
        /// simple, braced or URN) are written back as they came, where
        /// `uuid::Uuid` would write lowercase hyphens. [`Uuid::get`] gives
        /// its value.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct Uuid {
            text: String,
            value: uuid::Uuid,
        }

        impl Uuid {
            /// Reads `text` as a UUID in any of the forms `uuid` reads.
            pub fn parse(text: &str) -> Result<Self, uuid::Error> {
                Ok(Self {
                    value: uuid::Uuid::parse_str(text)?,
                    text: text.to_string(),
                })
            }

            /// The UUID.
            pub fn get(&self) -> uuid::Uuid {
                self.value
            }

            /// The text, as it came.
            pub fn as_str(&self) -> &str {
                &self.text
            }
        }

        impl From<uuid::Uuid> for Uuid {
            fn from(value: uuid::Uuid) -> Self {
                Self {
                    text: value.to_string(),
                    value,
                }
            }
        }

        impl std::str::FromStr for Uuid {
            type Err = uuid::Error;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::parse(text)
            }
        }

        impl std::fmt::Display for Uuid {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text)
            }
        }

        impl serde::Serialize for Uuid {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.text)
            }
        }

        impl<'de> serde::Deserialize<'de> for Uuid {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    }
}
