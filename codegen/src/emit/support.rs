//! The `wire` module emitted once after the models: the types that keep a
//! JSON value exactly as it came, where no type of serde, serde_json, chrono
//! or uuid does. Only the helpers the models use are emitted.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{EnumBase, Ir, Model, Primitive, Property, TypeExpr};
use crate::settings::UnknownFields;

/// The `wire` module for `ir` (whose structs treat unlisted keys as
/// `unknown` says), or nothing when no model needs it.
pub fn emit(ir: &Ir, unknown: UnknownFields) -> TokenStream {
    let uses = |primitive: Primitive| {
        ir.models
            .iter()
            .flat_map(Model::types)
            .any(|ty| *ty.innermost() == TypeExpr::Primitive(primitive))
    };
    let date_time = uses(Primitive::DateTime);
    let uuid = uses(Primitive::Uuid);
    let string_enums = ir.enums.iter().any(|e| e.base() == EnumBase::String);
    let structs = ir.models.iter().any(|m| !m.opaque && m.one_of.is_empty());
    let rest = ir.models.iter().any(|m| {
        !m.opaque
            && m.one_of.is_empty()
            && (m.additional_properties.is_some() || unknown == UnknownFields::Keep)
    });
    if !(date_time || uuid || structs || string_enums) {
        return TokenStream::new();
    }
    let date_time = date_time.then(date_time_type);
    let uuid = uuid.then(uuid_type);
    let objects = structs.then(object_helpers);
    let rest = rest.then(rest_helpers);
    let from_str_value = string_enums.then(from_str_value_function);
    quote! {
        /// Types that keep a JSON value exactly as it came, so that what the
        /// models read they write back unchanged.
        pub mod wire {
            #date_time
            #uuid
            #objects
            #rest
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

/// What every struct's `Deserialize` shares: the key of an object, and
/// reading a field's value once.
fn object_helpers() -> TokenStream {
    quote! {
        /// A key of a JSON object, borrowed from the input where it can be.
        pub struct Key<'de>(std::borrow::Cow<'de, str>);

        impl Key<'_> {
            /// The key's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl<'de> serde::Deserialize<'de> for Key<'de> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Text;

                impl<'de> serde::de::Visitor<'de> for Text {
                    type Value = Key<'de>;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a key")
                    }

                    fn visit_borrowed_str<E: serde::de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                        Ok(Key(std::borrow::Cow::Borrowed(key)))
                    }

                    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                        Ok(Key(std::borrow::Cow::Owned(key.to_owned())))
                    }

                    fn visit_string<E: serde::de::Error>(self, key: String) -> Result<Key<'de>, E> {
                        Ok(Key(std::borrow::Cow::Owned(key)))
                    }
                }

                deserializer.deserialize_str(Text)
            }
        }

        /// Writes a struct as the entries of one JSON object. The first
        /// error is kept, and later entries are not written; `end` gives it.
        pub struct ObjectWriter<M: serde::ser::SerializeMap> {
            map: Result<M, M::Error>,
        }

        impl<M: serde::ser::SerializeMap> ObjectWriter<M> {
            /// Starts the object.
            pub fn new<S>(serializer: S) -> Self
            where
                S: serde::Serializer<SerializeMap = M, Ok = M::Ok, Error = M::Error>,
            {
                Self {
                    map: serializer.serialize_map(None),
                }
            }

            /// Writes the entry of a field that is always written.
            pub fn entry<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
                let Ok(map) = &mut self.map else {
                    return;
                };
                if let Err(error) = map.serialize_entry(name, value) {
                    self.map = Err(error);
                }
            }

            /// Writes the entry of an optional field that holds a value.
            pub fn entry_if_some<T: serde::Serialize>(&mut self, name: &str, value: &Option<T>) {
                if let Some(value) = value {
                    self.entry(name, value);
                }
            }

            /// Ends the object, or gives the first error.
            pub fn end(self) -> Result<M::Ok, M::Error> {
                self.map?.end()
            }
        }

        /// A struct that reads itself from the entries of a JSON object:
        /// how each model's `Deserialize` is written.
        pub trait Object: Sized {
            /// What the input was expected to be, for error messages
            /// (`struct Pet`).
            const EXPECTING: &'static str;

            /// Reads the struct from the entries of an object.
            fn read<'de, A: serde::de::MapAccess<'de>>(object: ObjectReader<'de, A>) -> Result<Self, A::Error>;
        }

        /// Reads a model from a JSON object: its `Deserialize`.
        pub fn read_object<'de, T: Object, D: serde::Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
            struct Visitor<T>(std::marker::PhantomData<T>);

            impl<'de, T: Object> serde::de::Visitor<'de> for Visitor<T> {
                type Value = T;

                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(T::EXPECTING)
                }

                fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                    T::read(ObjectReader::new(map))
                }
            }

            deserializer.deserialize_map(Visitor(std::marker::PhantomData))
        }

        /// Reads a JSON object's entries into a struct's slots. The first
        /// error is kept and ends the reading; `end` gives it.
        pub struct ObjectReader<'de, A: serde::de::MapAccess<'de>> {
            map: A,
            error: Option<A::Error>,
            input: std::marker::PhantomData<&'de ()>,
        }

        impl<'de, A: serde::de::MapAccess<'de>> ObjectReader<'de, A> {
            /// Starts reading the entries of `map`.
            pub fn new(map: A) -> Self {
                Self {
                    map,
                    error: None,
                    input: std::marker::PhantomData,
                }
            }

            /// The next key, or `None` at the end of the object or after an error.
            pub fn next_key(&mut self) -> Option<Key<'de>> {
                if self.error.is_some() {
                    return None;
                }
                let key = self.map.next_key();
                self.kept(key).flatten()
            }

            /// Reads the value of the field `name` into its empty `slot`; a
            /// second value of the field is an error.
            pub fn value<T: serde::Deserialize<'de>>(&mut self, slot: &mut Option<T>, name: &'static str) {
                if slot.is_some() {
                    self.error = Some(serde::de::Error::duplicate_field(name));
                    return;
                }
                let value = self.map.next_value();
                *slot = self.kept(value);
            }

            /// Skips the value of a key no field reads.
            pub fn skip(&mut self) {
                let skipped = self.map.next_value::<serde::de::IgnoredAny>();
                self.kept(skipped);
            }

            /// A key no field names, where the struct denies such keys: an
            /// error that lists the names it knows.
            pub fn deny(&mut self, key: Key<'_>, expected: &'static [&'static str]) {
                self.error = Some(serde::de::Error::unknown_field(key.as_str(), expected));
            }

            /// Ends the reading, or gives the first error.
            pub fn end(self) -> Result<(), A::Error> {
                self.error.map_or(Ok(()), Err)
            }

            /// The value of a step of the reading, or `None` with its error kept.
            fn kept<T>(&mut self, step: Result<T, A::Error>) -> Option<T> {
                step.map_err(|error| self.error = Some(error)).ok()
            }
        }

        /// The value of the required field `name`; its absence is an error.
        pub fn required<T, E: serde::de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
            slot.ok_or_else(|| E::missing_field(name))
        }

        /// The value of a field where absent and `null` both read `None`.
        pub fn none_if_null<T>(slot: Option<Option<T>>) -> Option<T> {
            slot.flatten()
        }
    }
}

/// What the structs that keep unlisted keys share: the maps they keep them in.
fn rest_helpers() -> TokenStream {
    quote! {
        /// A map that keeps the keys of an object no field names.
        pub trait Rest {
            /// The type of the values it keeps.
            type Value;

            /// Keeps one key and its value.
            fn keep(&mut self, key: String, value: Self::Value);
        }

        impl<T> Rest for std::collections::HashMap<String, T> {
            type Value = T;

            fn keep(&mut self, key: String, value: T) {
                self.insert(key, value);
            }
        }

        impl Rest for serde_json::Map<String, serde_json::Value> {
            type Value = serde_json::Value;

            fn keep(&mut self, key: String, value: serde_json::Value) {
                self.insert(key, value);
            }
        }

        impl<M: serde::ser::SerializeMap> ObjectWriter<M> {
            /// Writes the entries of the keys no field names.
            pub fn rest<'r, V: serde::Serialize + 'r>(&mut self, rest: impl IntoIterator<Item = (&'r String, &'r V)>) {
                for (key, value) in rest {
                    self.entry(key, value);
                }
            }
        }

        impl<'de, A: serde::de::MapAccess<'de>> ObjectReader<'de, A> {
            /// Reads the value of `key`, which no field names, into `rest`.
            pub fn rest<M>(&mut self, rest: &mut M, key: Key<'_>)
            where
                M: Rest,
                M::Value: serde::Deserialize<'de>,
            {
                let value = self.map.next_value();
                if let Some(value) = self.kept(value) {
                    rest.keep(key.0.into_owned(), value);
                }
            }
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
