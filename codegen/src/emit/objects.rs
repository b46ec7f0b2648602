//! A struct's `Serialize` and `Deserialize` as a JSON object, written out
//! instead of derived: serde's derive expands every struct to several times
//! this code (a field enum and its visitor, a sequence form no JSON object
//! uses), which is most of what a large generated crate costs to compile.
//!
//! The per-struct code is a line per field. It goes through two shared
//! types of the `wire` module (`support`), `ObjectWriter` and
//! `ObjectReader`, which keep the first error and are asked for it once:
//! a `?` per field, whose error type is a projection of the generic
//! serializer or map, cost rustc more than all the rest of the struct.
//! The slots a struct is read into are typed where they are declared, so
//! rustc need not carry an unknown type through the whole reading loop.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::settings::UnknownFields;

use super::names::unraw;
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

impl Absent {
    /// Whether the field is written whatever it holds (the docs require it).
    pub fn is_required(self) -> bool {
        matches!(self, Absent::Error | Absent::NoneWrittenNull)
    }
}

/// One field as the impls see it.
pub struct ObjectField {
    /// The field's identifier.
    pub ident: Ident,
    /// The field's Rust type, as declared.
    pub ty: TokenStream,
    /// Its JSON.
    pub wire: Wire,
}

impl ObjectField {
    /// The type of the slot the field is read into before the struct is
    /// built: what the map gives for its key, kept apart from absence.
    fn slot_type(&self, names: &TypeNames) -> TokenStream {
        let ty = &self.ty;
        match self.wire {
            Wire::Property {
                absent: Absent::NoneApartFromNull,
                ..
            }
            | Wire::Rest => ty.clone(),
            Wire::Property { .. } => {
                let option = names.option();
                quote!(#option<#ty>)
            }
        }
    }
}

/// The `Serialize` and `Deserialize` impls of the struct `ident`, and the
/// `wire::Object` impl its `Deserialize` reads it through.
pub fn impls(
    ident: &Ident,
    fields: &[ObjectField],
    unknown: UnknownFields,
    names: &TypeNames,
) -> TokenStream {
    let serialize = serialize(ident, fields, names);
    let deserialize = deserialize(ident, fields, unknown, names);
    quote! {
        #serialize
        #deserialize
    }
}

fn serialize(ident: &Ident, fields: &[ObjectField], names: &TypeNames) -> TokenStream {
    let result = names.result();
    let entries: Vec<TokenStream> = fields
        .iter()
        .map(|field| {
            let ident = &field.ident;
            match &field.wire {
                Wire::Property { name, absent } if absent.is_required() => {
                    quote!(object.entry(#name, &self.#ident);)
                }
                Wire::Property { name, .. } => quote!(object.entry_if_some(#name, &self.#ident);),
                Wire::Rest => quote!(object.rest(&self.#ident);),
            }
        })
        .collect();
    let binding = if entries.is_empty() {
        quote!(object)
    } else {
        quote!(mut object)
    };
    quote! {
        impl serde::Serialize for #ident {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                let #binding = wire::ObjectWriter::new(serializer);
                #( #entries )*
                object.end()
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
    let name = ident.to_string();
    let expecting = format!("struct {}", unraw(&name));
    let slots: Vec<Ident> = fields
        .iter()
        .map(|f| {
            let field = f.ident.to_string();
            Ident::new(&format!("slot_{}", unraw(&field)), Span::call_site())
        })
        .collect();
    let starts = fields.iter().zip(&slots).map(|(field, slot)| {
        let ty = field.slot_type(names);
        match field.wire {
            Wire::Property { .. } => quote!(let mut #slot: #ty = None;),
            Wire::Rest => quote!(let mut #slot: #ty = ::std::default::Default::default();),
        }
    });
    let reading = reading(fields, &slots, unknown);
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
        impl<'de> serde::Deserialize<'de> for #ident {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                wire::read_object(deserializer)
            }
        }

        impl wire::Object for #ident {
            const EXPECTING: &'static str = #expecting;

            fn read<'de, A: serde::de::MapAccess<'de>>(mut object: wire::ObjectReader<'de, A>) -> #result<Self, A::Error> {
                #( #starts )*
                #reading
                object.end()?;
                Ok(Self { #( #finishes )* })
            }
        }
    }
}

/// The loop that reads each key of the object into its field's slot; a
/// key no field names goes to the rest, is skipped or is an error, as
/// `unknown` says.
fn reading(fields: &[ObjectField], slots: &[Ident], unknown: UnknownFields) -> TokenStream {
    let mut arms = Vec::new();
    let mut wire_names = Vec::new();
    let mut rest = None;
    for (field, slot) in fields.iter().zip(slots) {
        match &field.wire {
            Wire::Property { name, .. } => {
                arms.push(quote!(#name => object.value(&mut #slot, #name),));
                wire_names.push(name.as_str());
            }
            Wire::Rest => rest = Some(slot),
        }
    }
    let other = match (rest, unknown) {
        (Some(slot), _) => quote!(object.rest(&mut #slot, key)),
        (None, UnknownFields::Deny) => quote!(object.deny(key, &[#(#wire_names),*])),
        (None, _) => quote!(object.skip()),
    };
    if !arms.is_empty() {
        return quote! {
            while let Some(key) = object.next_key() {
                match key.as_str() {
                    #( #arms )*
                    _ => #other,
                }
            }
        };
    }
    match (rest, unknown) {
        (Some(_), _) => quote! {
            while let Some(key) = object.next_key() {
                #other;
            }
        },
        (None, UnknownFields::Deny) => quote! {
            if let Some(key) = object.next_key() {
                #other;
            }
        },
        (None, _) => quote! {
            while object.next_key().is_some() {
                #other;
            }
        },
    }
}
