//! One IR enum → one open Rust enum: the documented values, then a catch-all
//! that keeps any other wire value and writes it back unchanged.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::ir::{Enum, EnumBase, EnumMember, WireValue};

use super::docs;
use super::names::{self, Scope};
use super::types::TypeNames;

/// The enum for `declared`, with `as_str`/`value`, `Display`, `FromStr` and `From`.
pub fn emit(declared: &Enum, ident: &Ident, names: &TypeNames) -> TokenStream {
    let members = distinct_members(declared);
    let mut scope = Scope::default();
    let variants: Vec<Ident> = members
        .iter()
        .map(|m| scope.variant(&m.value.to_string(), m.name.as_deref()).ident)
        .collect();
    let unknown = scope.variant("Unknown", None).ident;
    let about = match &declared.model {
        Some(model) => format!("Values of `{}` in model `{model}`.", declared.doc_name),
        None => format!("Values of `{}`.", declared.doc_name),
    };
    let read_from = format!("Read from `{}`.", declared.source.file);
    let doc = docs::attributes([about.as_str(), read_from.as_str()]);
    let shared = shared_word(&variants).then(|| quote!(#[allow(clippy::enum_variant_names)]));
    let name_lints = names::lint_allowances(ident);
    let lint = quote!(#shared #name_lints);
    let body = match declared.base() {
        EnumBase::Integer => integer_enum(ident, &members, &variants, &unknown, names),
        _ => string_enum(ident, &members, &variants, &unknown, names),
    };
    quote! {
        #doc
        #lint
        #body
    }
}

/// The members without repeated values (which would be unreachable match arms).
fn distinct_members(declared: &Enum) -> Vec<&EnumMember> {
    let mut seen = std::collections::HashSet::new();
    declared
        .members
        .iter()
        .filter(|m| seen.insert(&m.value))
        .collect()
}

/// Whether all variants (three or more) start or end with the same word,
/// which clippy's `enum_variant_names` flags.
fn shared_word(variants: &[Ident]) -> bool {
    let words: Vec<Vec<String>> = variants
        .iter()
        .map(|v| camel_words(&v.to_string()))
        .collect();
    let same = |pick: fn(&Vec<String>) -> Option<&String>| {
        let first = words.first().and_then(pick);
        first.is_some() && words.iter().all(|w| pick(w) == first && w.len() > 1)
    };
    variants.len() >= 3 && (same(|w| w.first()) || same(|w| w.last()))
}

fn camel_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for c in name.chars() {
        match words.last_mut() {
            Some(word) if !c.is_ascii_uppercase() => word.push(c),
            _ => words.push(c.to_string()),
        }
    }
    words
}

fn string_enum(
    ident: &Ident,
    members: &[&EnumMember],
    variants: &[Ident],
    unknown: &Ident,
    names: &TypeNames,
) -> TokenStream {
    let (string, result, from) = (names.string(), names.result(), names.from());
    let values: Vec<String> = members.iter().map(|m| m.value.to_string()).collect();
    let value_docs: Vec<String> = values
        .iter()
        .map(|v| format!(" `{v:?}` on the wire."))
        .collect();
    quote! {
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #ident {
            #( #[doc = #value_docs] #variants, )*
            /// A value the docs do not list, kept as received.
            #unknown(#string),
        }

        impl #ident {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#variants => #values, )*
                    Self::#unknown(value) => value,
                }
            }
        }

        impl #from<&str> for #ident {
            fn from(value: &str) -> Self {
                match value {
                    #( #values => Self::#variants, )*
                    other => Self::#unknown(other.into()),
                }
            }
        }

        impl std::str::FromStr for #ident {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> #result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl std::fmt::Display for #ident {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #ident {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #ident {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                wire::from_str_value(deserializer)
            }
        }
    }
}

fn integer_enum(
    ident: &Ident,
    members: &[&EnumMember],
    variants: &[Ident],
    unknown: &Ident,
    names: &TypeNames,
) -> TokenStream {
    let (result, from) = (names.result(), names.from());
    let values: Vec<i64> = members
        .iter()
        .filter_map(|m| match m.value {
            WireValue::Int(n) => Some(n),
            _ => None,
        })
        .collect();
    quote! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum #ident {
            #( #variants, )*
            /// A value the docs do not list, kept as received.
            #unknown(i64),
        }

        impl #ident {
            /// The wire value.
            pub fn value(self) -> i64 {
                match self {
                    #( Self::#variants => #values, )*
                    Self::#unknown(value) => value,
                }
            }
        }

        impl #from<i64> for #ident {
            fn from(value: i64) -> Self {
                match value {
                    #( #values => Self::#variants, )*
                    other => Self::#unknown(other),
                }
            }
        }

        impl std::str::FromStr for #ident {
            type Err = std::num::ParseIntError;

            fn from_str(value: &str) -> #result<Self, Self::Err> {
                value.parse::<i64>().map(Self::from)
            }
        }

        impl std::fmt::Display for #ident {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.value().fmt(f)
            }
        }

        impl serde::Serialize for #ident {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> serde::Deserialize<'de> for #ident {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                <i64 as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    }
}
