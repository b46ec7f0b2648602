//! A struct's `Serialize` and `Deserialize` as a JSON object, written out
//! instead of derived: serde's derive expands every struct to several times
//! this code (a field enum and its visitor, a sequence form no JSON object
//! uses), which is most of what a large generated crate costs to compile.
//! The per-struct code is a match of wire names; the shared part lives in
//! the `wire` module (`support`).

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::settings::UnknownFields;

use super::types::TypeNames;

/// How one field reads and writes its JSON.
pub enum Wire {
    /// A named property: its wire name and how its absence reads.
    Property {
        /// The JSON key.
        name: String,
        /// How the field reads when the key is absent.
        absent: Absent,
    },
    /// The map of every key no property names, flattened into the object.
    Rest,
}

/// How a property's field reads when its key is absent or `null`, and
/// whether it is written when it holds nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    /// Required: absence is an error; always written.
    Error,
    /// Required and nullable: absent or `null` reads `None`; always written
    /// (`None` as `null`).
    NoneWrittenNull,
    /// Optional, of a type with no null of its own: absent or `null` reads
    /// `None`, and `None` is not written.
    None,
    /// Optional, of a type with a null of its own: absent reads `None`,
    /// `null` that null (`Some(None)`, `Some(Value::Null)`), so the two are
    /// written back apart.
    NoneApartFromNull,
}

/// One field as the impls see it.
pub struct ObjectField {
    /// The field's identifier.
    pub ident: Ident,
    /// Its JSON.
    pub wire: Wire,
}

/// The `Serialize` and `Deserialize` impls of the struct `ident`, in a
/// `const _` block that keeps their visitor out of the module.
pub fn impls(
    ident: &Ident,
    fields: &[ObjectField],
    unknown: UnknownFields,
    names: &TypeNames,
) -> TokenStream {
    let serialize = serialize(ident, fields, names);
    let deserialize = deserialize(ident, fields, unknown, names);
    quote! {
        const _: () = {
            #serialize
            #deserialize
        };
    }
}

fn serialize(ident: &Ident, fields: &[ObjectField], names: &TypeNames) -> TokenStream {
    let result = names.result();
    let entries: Vec<TokenStream> = fields
        .iter()
        .map(|field| {
            let ident = &field.ident;
            match &field.wire {
                Wire::Property {
                    name,
                    absent: Absent::Error | Absent::NoneWrittenNull,
                } => quote!(map.serialize_entry(#name, &self.#ident)?;),
                Wire::Property { name, .. } => {
                    quote!(wire::entry_if_some(&mut map, #name, &self.#ident)?;)
                }
                Wire::Rest => quote!(wire::rest_entries(&mut map, &self.#ident)?;),
            }
        })
        .collect();
    let binding = if entries.is_empty() {
        quote!(map)
    } else {
        quote!(mut map)
    };
    quote! {
        impl serde::Serialize for #ident {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                use serde::ser::SerializeMap as _;
                let #binding = serializer.serialize_map(None)?;
                #( #entries )*
                map.end()
            }
        }
    }
}

fn deserialize(
    ident: &Ident,
    fields: &[ObjectField],
    unknown: UnknownFields,
    names: &TypeNames,
) -> TokenStream {
    let result = names.result();
    // The block names no type but the struct's, which the visitor's name
    // must not shadow.
    let visitor_name = if plain(ident) == "Visitor" {
        "ObjectVisitor"
    } else {
        "Visitor"
    };
    let visitor = Ident::new(visitor_name, Span::call_site());
    let expecting = format!("struct {}", plain(ident));
    let slots: Vec<Ident> = fields
        .iter()
        .map(|f| Ident::new(&format!("slot_{}", plain(&f.ident)), Span::call_site()))
        .collect();
    let starts = fields
        .iter()
        .zip(&slots)
        .map(|(field, slot)| match field.wire {
            Wire::Property { .. } => quote!(let mut #slot = None;),
            Wire::Rest => quote!(let mut #slot = ::std::default::Default::default();),
        });
    let mut arms = Vec::new();
    let mut wire_names = Vec::new();
    let mut rest = None;
    for (field, slot) in fields.iter().zip(&slots) {
        match &field.wire {
            Wire::Property { name, .. } => {
                arms.push(quote!(#name => wire::next_value(&mut #slot, &mut map, #name)?,));
                wire_names.push(name.as_str());
            }
            Wire::Rest => rest = Some(slot),
        }
    }
    let other = match (rest, unknown) {
        (Some(slot), _) => quote!(wire::rest_value(&mut #slot, key, &mut map)?),
        (None, UnknownFields::Deny) => {
            quote!(return Err(serde::de::Error::unknown_field(key.as_str(), &[#(#wire_names),*])))
        }
        (None, _) => quote!(wire::skip_value(&mut map)?),
    };
    let reading = if arms.is_empty() {
        match (rest, unknown) {
            (Some(_), _) => quote! {
                while let Some(key) = map.next_key::<wire::Key>()? {
                    #other;
                }
            },
            (None, UnknownFields::Deny) => quote! {
                if let Some(key) = map.next_key::<wire::Key>()? {
                    #other;
                }
            },
            (None, _) => quote! {
                while map.next_key::<wire::Key>()?.is_some() {
                    #other;
                }
            },
        }
    } else {
        quote! {
            while let Some(key) = map.next_key::<wire::Key>()? {
                match key.as_str() {
                    #( #arms )*
                    _ => #other,
                }
            }
        }
    };
    let finishes = fields.iter().zip(&slots).map(|(field, slot)| {
        let ident = &field.ident;
        match &field.wire {
            Wire::Property {
                name,
                absent: Absent::Error,
            } => quote!(#ident: wire::required(#slot, #name)?,),
            Wire::Property {
                absent: Absent::NoneWrittenNull | Absent::None,
                ..
            } => quote!(#ident: wire::none_if_null(#slot),),
            Wire::Property { .. } | Wire::Rest => quote!(#ident: #slot,),
        }
    });
    quote! {
        struct #visitor;

        impl<'de> serde::de::Visitor<'de> for #visitor {
            type Value = #ident;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(#expecting)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> #result<#ident, A::Error> {
                #( #starts )*
                #reading
                Ok(#ident { #( #finishes )* })
            }
        }

        impl<'de> serde::Deserialize<'de> for #ident {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                deserializer.deserialize_map(#visitor)
            }
        }
    }
}

/// An identifier's text without its raw prefix (`r#type` → `type`).
fn plain(ident: &Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").unwrap_or(&text).to_string()
}
