//! One model → one struct (plus the functions that give documented defaults).

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Ir, Model, Primitive, Property, TypeExpr, WireValue};

use super::docs;
use super::names::{self, Scope};
use super::types::TypeNames;

/// How a field reads when its property is absent from the JSON.
enum Absent {
    /// Required: absence is an error.
    Required,
    /// Optional: `None`.
    None,
    /// Documented default: the named function yields it.
    Default(Ident),
    /// The map of values under unlisted names: empty.
    Empty,
}

/// One field, ready to print.
struct Field {
    tokens: TokenStream,
    ident: Ident,
    absent: Absent,
}

/// The struct for `model`, followed by its default functions.
pub fn emit(
    model: &Model,
    ident: &Ident,
    ir: &Ir,
    names: &TypeNames,
    out: &mut Vec<Diagnostic>,
) -> TokenStream {
    let mut scope = Scope::default();
    let mut default_fns = Vec::new();
    let emitting = Emitting {
        model,
        ident,
        ir,
        names,
    };
    let mut fields: Vec<Field> = model
        .properties
        .iter()
        .map(|property| emitting.field(property, &mut scope, &mut default_fns, out))
        .collect();
    if let Some(values) = &model.additional_properties {
        fields.push(additional_field(values, &mut scope, names));
    }
    let doc = docs::model_attributes(model, "");
    let all_optional = fields
        .iter()
        .all(|f| matches!(f.absent, Absent::None | Absent::Empty));
    let derive_default = all_optional.then(|| quote!(, Default));
    let default_impl = default_impl(ident, &fields, names);
    let lint = names::lint_allowances(ident);
    let field_tokens = fields.iter().map(|f| &f.tokens);
    let default_fns = (!default_fns.is_empty()).then(|| {
        quote! {
            impl #ident {
                #( #default_fns )*
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize #derive_default)]
        #lint
        pub struct #ident {
            #( #field_tokens )*
        }
        #default_impl
        #default_fns
    }
}

/// What one struct's fields are emitted from.
struct Emitting<'a> {
    model: &'a Model,
    ident: &'a Ident,
    ir: &'a Ir,
    names: &'a TypeNames,
}

/// `impl Default` when every field is optional or has a documented default
/// (and not all are plain optionals, which derive it).
fn default_impl(ident: &Ident, fields: &[Field], names: &TypeNames) -> Option<TokenStream> {
    let has_defaults = fields
        .iter()
        .any(|f| matches!(f.absent, Absent::Default(_)));
    let possible = fields.iter().all(|f| !matches!(f.absent, Absent::Required));
    if !(has_defaults && possible) {
        return None;
    }
    let (none, default_trait) = (names.none(), names.default_trait());
    let values = fields.iter().map(|f| {
        let name = &f.ident;
        match &f.absent {
            Absent::Default(function) => quote!(#name: Self::#function()),
            Absent::Empty => quote!(#name: #default_trait::default()),
            _ => quote!(#name: #none),
        }
    });
    Some(quote! {
        impl #default_trait for #ident {
            fn default() -> Self {
                Self { #( #values, )* }
            }
        }
    })
}

impl Emitting<'_> {
    /// One field: docs, serde attributes, name and type; a documented default
    /// becomes an associated function of the struct.
    fn field(
        &self,
        property: &Property,
        scope: &mut Scope,
        default_fns: &mut Vec<TokenStream>,
        out: &mut Vec<Diagnostic>,
    ) -> Field {
        let Emitting {
            model,
            ident: struct_ident,
            ir,
            names,
        } = *self;
        let name = scope.field(&property.wire_name);
        report_missing_model(model, property, &property.ty, names, out);
        let required = property.required == Some(true);
        // An optional property that may also be null is one `Option`: absent and
        // null both read as `None`.
        let value_type = match &property.ty {
            TypeExpr::Nullable(inner) if !required => inner,
            other => other,
        };
        let mut ty = names.of(value_type);
        if property.recursive {
            let boxed = names.boxed();
            ty = quote!(#boxed<#ty>);
        }
        let default_value = property
            .default
            .as_ref()
            .and_then(|value| default_expression(value, value_type, ir, names));
        let mut serde = Vec::new();
        if name.text != property.wire_name {
            let wire = &property.wire_name;
            serde.push(quote!(rename = #wire));
        }
        let absent = match default_value {
            Some(value) => {
                // An associated function of the struct: its name is unique where
                // the field's is, and a valid identifier whatever the model's.
                let function = Ident::new(
                    &format!("{}_default", name.text.trim_start_matches("r#")),
                    Span::call_site(),
                );
                let path = format!("{struct_ident}::{function}");
                serde.push(quote!(default = #path));
                let value = match value_type {
                    TypeExpr::Nullable(_) => {
                        let option = names.option();
                        quote!(#option::Some(#value))
                    }
                    _ => value,
                };
                default_fns.push(quote! {
                    fn #function() -> #ty {
                        #value
                    }
                });
                Absent::Default(function)
            }
            None if required => Absent::Required,
            None => {
                let option = names.option();
                ty = quote!(#option<#ty>);
                let skip = format!(
                    "{}::is_none",
                    if names.generated.contains("Option") {
                        "::std::option::Option"
                    } else {
                        "Option"
                    }
                );
                serde.push(quote!(default, skip_serializing_if = #skip));
                Absent::None
            }
        };
        let doc = docs::attributes(property.description.as_deref());
        let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
        let ident = name.ident;
        Field {
            tokens: quote! {
                #doc
                #serde
                pub #ident: #ty,
            },
            ident,
            absent,
        }
    }
}

/// The field that keeps the values under names the table does not list:
/// serde flattens them into a map, and writes them back.
fn additional_field(values: &TypeExpr, scope: &mut Scope, names: &TypeNames) -> Field {
    let ident = scope.field("additional_properties").ident;
    let ty = names.of(&TypeExpr::Map(Box::new(values.clone())));
    Field {
        tokens: quote! {
            /// Values under names the table does not list, kept as they came.
            #[serde(flatten)]
            pub #ident: #ty,
        },
        ident,
        absent: Absent::Empty,
    }
}

/// Warns about each model `ty` refers to that no page defines.
fn report_missing_model(
    model: &Model,
    property: &Property,
    ty: &TypeExpr,
    names: &TypeNames,
    out: &mut Vec<Diagnostic>,
) {
    match ty {
        TypeExpr::List(inner)
        | TypeExpr::Set(inner)
        | TypeExpr::Map(inner)
        | TypeExpr::Nullable(inner) => report_missing_model(model, property, inner, names, out),
        TypeExpr::Model(missing) if !names.is_defined(missing) => out.push(Diagnostic::at_line(
            Severity::Warning,
            Code::MissingModel,
            &property.source,
            format!(
                "`{}.{}` refers to model `{missing}`, which no page defines: it is typed `serde_json::Value`",
                model.name, property.wire_name
            ),
            format!("add the page of `{missing}` to the specs for a typed field"),
        )),
        _ => {}
    }
}

/// A `serde_json::Number` default: integers exactly, others from their `f64`
/// (finite, as resolve checked).
fn decimal_expression(value: &serde_json::Value) -> Option<TokenStream> {
    if let Some(n) = value.as_i64() {
        return Some(quote!(serde_json::Number::from(#n)));
    }
    if let Some(n) = value.as_u64() {
        return Some(quote!(serde_json::Number::from(#n)));
    }
    let n = value.as_f64()?;
    Some(quote!(serde_json::Number::from_f64(#n).unwrap_or_else(|| serde_json::Number::from(0))))
}

/// The Rust expression of a default, a JSON value that resolve checked fits
/// the property's type.
fn default_expression(
    value: &serde_json::Value,
    ty: &TypeExpr,
    ir: &Ir,
    names: &TypeNames,
) -> Option<TokenStream> {
    let ty = match ty {
        TypeExpr::Nullable(inner) => inner.as_ref(),
        other => other,
    };
    match ty {
        TypeExpr::Primitive(Primitive::Boolean) => value.as_bool().map(|b| quote!(#b)),
        TypeExpr::Primitive(Primitive::Int32) => value
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(|n| quote!(#n)),
        TypeExpr::Primitive(Primitive::Int64) => value.as_i64().map(|n| quote!(#n)),
        TypeExpr::Primitive(Primitive::Float) => value.as_f64().map(|n| {
            let n = n as f32;
            quote!(#n)
        }),
        TypeExpr::Primitive(Primitive::Double) => value.as_f64().map(|n| quote!(#n)),
        TypeExpr::Primitive(Primitive::Decimal) => decimal_expression(value),
        TypeExpr::Primitive(Primitive::String) => value.as_str().map(|s| quote!(#s.to_string())),
        TypeExpr::Enum(name) => {
            let declared = ir.enumeration(name)?;
            let member = declared
                .members
                .iter()
                .find(|m| m.value.to_json() == *value)?;
            let ident = names.rust.get(name)?;
            Some(match &member.value {
                WireValue::Int(n) => quote!(#ident::from(#n)),
                other => {
                    let text = other.to_string();
                    quote!(#ident::from(#text))
                }
            })
        }
        TypeExpr::List(item) | TypeExpr::Set(item) => {
            let elements = value
                .as_array()?
                .iter()
                .map(|element| default_expression(element, item, ir, names))
                .collect::<Option<Vec<_>>>()?;
            Some(quote!(vec![#(#elements),*]))
        }
        TypeExpr::Map(item) => {
            let entries = value
                .as_object()?
                .iter()
                .map(|(key, value)| {
                    let value = default_expression(value, item, ir, names)?;
                    Some(quote!((#key.to_string(), #value)))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(if entries.is_empty() {
                quote!(::std::default::Default::default())
            } else {
                quote!([#(#entries),*].into_iter().collect())
            })
        }
        TypeExpr::Primitive(Primitive::Any) => {
            let json: TokenStream = value.to_string().parse().ok()?;
            Some(quote!(serde_json::json!(#json)))
        }
        _ => None,
    }
}
