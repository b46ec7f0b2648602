//! One model → one struct (plus the accessors of its documented defaults).

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{EnumBase, Ir, Model, Primitive, Property, TypeExpr, WireValue};

use super::docs;
use super::names::{self, Scope};
use super::objects::{self, Absent, ObjectField, Wire};
use super::support;
use super::types::TypeNames;
use crate::settings::{Required, Shape, UnknownFields};

/// One field, ready to print: its declaration, and its JSON.
struct Field {
    tokens: TokenStream,
    object: ObjectField,
}

impl Field {
    /// Whether a JSON object without this field's key reads.
    fn may_be_absent(&self) -> bool {
        match self.object.wire {
            Wire::Property { absent, .. } => !absent.is_required(),
            Wire::Rest => true,
        }
    }
}

/// The struct for `model`, followed by the accessors of its documented defaults.
pub fn emit(
    model: &Model,
    ident: &Ident,
    ir: &Ir,
    names: &TypeNames,
    shape: Shape,
    out: &mut Vec<Diagnostic>,
) -> TokenStream {
    let mut scope = Scope::default();
    let mut methods = Vec::new();
    let emitting = Emitting {
        model,
        ir,
        names,
        shape,
    };
    let mut fields: Vec<Field> = model
        .properties
        .iter()
        .map(|property| emitting.field(property, &mut scope, &mut methods, out))
        .collect();
    let unknown = shape.unknown_fields;
    match &model.additional_properties {
        Some(values) => fields.push(additional_field(values, &mut scope, names)),
        None if unknown == UnknownFields::Keep => fields.push(unknown_field(&mut scope)),
        None => {}
    }
    let doc = docs::model_attributes(model, "");
    let derive_default = fields
        .iter()
        .all(Field::may_be_absent)
        .then(|| quote!(, Default));
    let lint = names::lint_allowances(ident);
    let (field_tokens, object_fields): (Vec<TokenStream>, Vec<ObjectField>) =
        fields.into_iter().map(|f| (f.tokens, f.object)).unzip();
    let impls = objects::impls(ident, &object_fields, unknown, names);
    let methods = (!methods.is_empty()).then(|| {
        quote! {
            impl #ident {
                #( #methods )*
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq #derive_default)]
        #lint
        pub struct #ident {
            #( #field_tokens )*
        }
        #methods
        #impls
    }
}

/// What one struct's fields are emitted from.
struct Emitting<'a> {
    model: &'a Model,
    shape: Shape,
    ir: &'a Ir,
    names: &'a TypeNames,
}

impl Emitting<'_> {
    /// One field: docs, serde attributes, name and type. An optional field
    /// with a documented default stays `None` when absent (so it is written
    /// back absent); an accessor `<field>_or_default` gives the default.
    fn field(
        &self,
        property: &Property,
        scope: &mut Scope,
        methods: &mut Vec<TokenStream>,
        out: &mut Vec<Diagnostic>,
    ) -> Field {
        let Emitting {
            model,
            ir,
            names,
            shape,
        } = *self;
        let name = scope.field(&property.wire_name);
        report_missing_model(model, property, &property.ty, names, out);
        let documented_required = property.required == Some(true);
        let required = documented_required && shape.required == Required::Strict;
        let (nullable, base) = match &property.ty {
            TypeExpr::Nullable(inner) => (true, inner.as_ref()),
            other => (false, other),
        };
        let mut ty = names.of(base);
        if property.recursive {
            let boxed = names.boxed();
            ty = quote!(#boxed<#ty>);
        }
        if nullable {
            let option = names.option();
            ty = quote!(#option<#ty>);
        }
        let renamed = (names::unraw(&name.text) != property.wire_name)
            .then(|| format!("`{}` in JSON.", property.wire_name));
        let absent = if required && nullable {
            Absent::NoneWrittenNull
        } else if required {
            Absent::Error
        } else {
            if let Some(value) = property
                .default
                .as_ref()
                .and_then(|value| default_expression(value, base, ir, names))
            {
                let option = names.option();
                let value = if nullable {
                    quote!(#option::Some(#value))
                } else {
                    value
                };
                let copied = is_copy(base, ir);
                methods.push(default_accessor(
                    &name.ident,
                    &name.text,
                    &ty,
                    value,
                    copied,
                ));
            }
            let option = names.option();
            ty = quote!(#option<#ty>);
            if support::keeps_null(property, ir) {
                // `null` is `Some(None)` (or `Some(Value::Null)`), absence `None`.
                Absent::NoneApartFromNull
            } else {
                Absent::None
            }
        };
        let lenient = (documented_required && !required)
            .then_some("Required by the docs; optional here (`required: lenient`).");
        let doc = docs::attributes(
            property
                .description
                .as_deref()
                .into_iter()
                .chain(renamed.as_deref())
                .chain(lenient),
        );
        let ident = name.ident;
        Field {
            tokens: quote! {
                #doc
                pub #ident: #ty,
            },
            object: ObjectField {
                ident,
                ty,
                wire: Wire::Property {
                    name: property.wire_name.clone(),
                    absent,
                },
            },
        }
    }
}

/// The accessor of a field with a documented default, and the associated
/// function that gives the default: both named after the field, so unique
/// where it is, and valid identifiers whatever the model's name.
fn default_accessor(
    field: &Ident,
    field_text: &str,
    ty: &TokenStream,
    value: TokenStream,
    copied: bool,
) -> TokenStream {
    let plain = names::unraw(field_text);
    let accessor = Ident::new(&format!("{plain}_or_default"), Span::call_site());
    let function = Ident::new(&format!("{plain}_default"), Span::call_site());
    let doc = format!(
        " `{plain}`, or its documented default when absent (the field stays `None`, and is written back absent)."
    );
    let read = if copied {
        quote!(self.#field)
    } else {
        quote!(self.#field.clone())
    };
    quote! {
        #[doc = #doc]
        pub fn #accessor(&self) -> #ty {
            #read.unwrap_or_else(Self::#function)
        }

        fn #function() -> #ty {
            #value
        }
    }
}

/// Whether the Rust type of `ty` is `Copy`: a plain number or boolean, or
/// an integer enum.
fn is_copy(ty: &TypeExpr, ir: &Ir) -> bool {
    match ty {
        TypeExpr::Primitive(p) => matches!(
            p,
            Primitive::Boolean
                | Primitive::Int32
                | Primitive::Int64
                | Primitive::Float
                | Primitive::Double
        ),
        TypeExpr::Enum(name) => ir
            .enumeration(name)
            .is_some_and(|e| e.base() == EnumBase::Integer),
        _ => false,
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
            pub #ident: #ty,
        },
        object: ObjectField {
            ident,
            ty,
            wire: Wire::Rest,
        },
    }
}

/// The field that keeps the keys the page does not list (`unknown_fields:
/// keep`), written back as they came.
fn unknown_field(scope: &mut Scope) -> Field {
    let ident = scope.field("unknown_fields").ident;
    let ty = quote!(serde_json::Map<::std::string::String, serde_json::Value>);
    Field {
        tokens: quote! {
            /// Keys the docs do not list, kept as they came (`unknown_fields: keep`).
            pub #ident: #ty,
        },
        object: ObjectField {
            ident,
            ty,
            wire: Wire::Rest,
        },
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
