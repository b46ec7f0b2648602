//! IR types → Rust type tokens, and the paths of std items, which are written
//! plainly unless a generated type takes their name (`Option`, `String`…).

use std::collections::{HashMap, HashSet};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::ir::{Primitive, TypeExpr};

/// What the emitter knows about names when it writes a type.
pub struct TypeNames {
    /// IR model or enum name → Rust type name.
    pub rust: HashMap<String, Ident>,
    /// Rust names of every generated type.
    pub generated: HashSet<String>,
}

/// The std prelude items the generated code names.
const PRELUDE: [&str; 6] = ["Option", "String", "Vec", "Box", "Result", "From"];

impl TypeNames {
    /// A std prelude item: `Option` unless a generated type is called that.
    pub fn prelude(&self, name: &str, full: TokenStream) -> TokenStream {
        debug_assert!(PRELUDE.contains(&name), "`{name}` is in PRELUDE");
        if self.generated.contains(name) {
            full
        } else {
            let ident = Ident::new(name, proc_macro2::Span::call_site());
            quote!(#ident)
        }
    }

    /// The std prelude items that a generated type takes the name of.
    pub fn shadowed(&self) -> Vec<&'static str> {
        PRELUDE
            .into_iter()
            .filter(|name| self.generated.contains(*name))
            .collect()
    }

    /// `Option`, or its full path.
    pub fn option(&self) -> TokenStream {
        self.prelude("Option", quote!(::std::option::Option))
    }

    /// `String`, or its full path.
    pub fn string(&self) -> TokenStream {
        self.prelude("String", quote!(::std::string::String))
    }

    /// `Vec`, or its full path.
    pub fn vec(&self) -> TokenStream {
        self.prelude("Vec", quote!(::std::vec::Vec))
    }

    /// `Box`, or its full path.
    pub fn boxed(&self) -> TokenStream {
        self.prelude("Box", quote!(::std::boxed::Box))
    }

    /// `Result`, or its full path.
    pub fn result(&self) -> TokenStream {
        self.prelude("Result", quote!(::std::result::Result))
    }

    /// `From`, or its full path.
    pub fn from(&self) -> TokenStream {
        self.prelude("From", quote!(::std::convert::From))
    }

    /// Whether `name` is a model or enum some page defines.
    pub fn is_defined(&self, name: &str) -> bool {
        self.rust.contains_key(name)
    }

    /// The Rust type of `ty`; an undefined model is `serde_json::Value`.
    pub fn of(&self, ty: &TypeExpr) -> TokenStream {
        match ty {
            TypeExpr::Primitive(p) => self.primitive(*p),
            TypeExpr::List(inner) | TypeExpr::Set(inner) => {
                let (vec, inner) = (self.vec(), self.of(inner));
                quote!(#vec<#inner>)
            }
            TypeExpr::Map(inner) => {
                let (string, inner) = (self.string(), self.of(inner));
                quote!(std::collections::HashMap<#string, #inner>)
            }
            TypeExpr::Nullable(inner) => {
                let (option, inner) = (self.option(), self.of(inner));
                quote!(#option<#inner>)
            }
            TypeExpr::Model(name) | TypeExpr::Enum(name) => match self.rust.get(name) {
                Some(ident) => quote!(#ident),
                None => quote!(serde_json::Value),
            },
        }
    }

    fn primitive(&self, primitive: Primitive) -> TokenStream {
        match primitive {
            Primitive::String => self.string(),
            Primitive::Boolean => quote!(bool),
            Primitive::Int32 => quote!(i32),
            Primitive::Int64 => quote!(i64),
            Primitive::Float => quote!(f32),
            Primitive::Double => quote!(f64),
            Primitive::Decimal => quote!(serde_json::Number),
            Primitive::Date => quote!(chrono::NaiveDate),
            // Kept as written, offset and precision: see `support`.
            Primitive::DateTime => quote!(wire::DateTime),
            Primitive::DateOrDateTime => self.string(),
            Primitive::Uuid => quote!(wire::Uuid),
            Primitive::Any => quote!(serde_json::Value),
            // Bytes are base64 text in JSON: kept as that text.
            Primitive::Binary => self.string(),
        }
    }
}
