//! One model → one struct (plus the functions that give documented defaults).

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Enum, EnumBase, Ir, Model, Primitive, Property, TypeExpr};

use super::docs;
use super::names::Scope;
use super::types::TypeNames;

/// How a field reads when its property is absent from the JSON.
enum Absent {
    /// Required: absence is an error.
    Required,
    /// Optional: `None`.
    None,
    /// Documented default: the named function yields it.
    Default(Ident),
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
    let fields: Vec<Field> = model
        .properties
        .iter()
        .map(|property| {
            field(
                model,
                property,
                &mut scope,
                ir,
                names,
                &mut default_fns,
                out,
            )
        })
        .collect();
    let doc = docs::model_attributes(model, "");
    let all_optional = fields.iter().all(|f| matches!(f.absent, Absent::None));
    let derive_default = all_optional.then(|| quote!(, Default));
    let default_impl = default_impl(ident, &fields, names);
    let lint = all_caps(&ident.to_string()).then(|| quote!(#[allow(clippy::upper_case_acronyms)]));
    let field_tokens = fields.iter().map(|f| &f.tokens);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize #derive_default)]
        #lint
        pub struct #ident {
            #( #field_tokens )*
        }
        #default_impl
        #( #default_fns )*
    }
}

/// Whether clippy's `upper_case_acronyms` would flag a type name (`ADFS`).
fn all_caps(name: &str) -> bool {
    name.len() > 1
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
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
            Absent::Default(function) => quote!(#name: #function()),
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

/// One field: docs, serde attributes, name and type.
fn field(
    model: &Model,
    property: &Property,
    scope: &mut Scope,
    ir: &Ir,
    names: &TypeNames,
    default_fns: &mut Vec<TokenStream>,
    out: &mut Vec<Diagnostic>,
) -> Field {
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
        .as_deref()
        .and_then(|text| default_literal(model, property, text, ir, names, out));
    let mut serde = Vec::new();
    if name.text != property.wire_name {
        let wire = &property.wire_name;
        serde.push(quote!(rename = #wire));
    }
    let absent = match default_value {
        Some(value) => {
            let function = Ident::new(
                &format!("{}_{}_default", snake(&model.name), name.text),
                Span::call_site(),
            );
            let path = function.to_string();
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

fn snake(name: &str) -> String {
    heck::ToSnakeCase::to_snake_case(name)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
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

/// The Rust expression of a `[default to X]` value, or `None` (with a warning)
/// when it does not fit the property's type.
fn default_literal(
    model: &Model,
    property: &Property,
    text: &str,
    ir: &Ir,
    names: &TypeNames,
    out: &mut Vec<Diagnostic>,
) -> Option<TokenStream> {
    let unquoted = text.trim_matches(|c| c == '"' || c == '\'');
    let ty = match &property.ty {
        TypeExpr::Nullable(inner) => inner.as_ref(),
        other => other,
    };
    let literal = match ty {
        TypeExpr::Primitive(Primitive::Boolean) => match text.to_ascii_lowercase().as_str() {
            "true" => Some(quote!(true)),
            "false" => Some(quote!(false)),
            _ => None,
        },
        TypeExpr::Primitive(Primitive::Int32) => text.parse::<i32>().ok().map(|n| quote!(#n)),
        TypeExpr::Primitive(Primitive::Int64) => text.parse::<i64>().ok().map(|n| quote!(#n)),
        TypeExpr::Primitive(Primitive::Float) => text
            .parse::<f32>()
            .ok()
            .filter(|n| n.is_finite())
            .map(|n| quote!(#n)),
        TypeExpr::Primitive(Primitive::Double | Primitive::Decimal) => text
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(|n| quote!(#n)),
        TypeExpr::Primitive(Primitive::String) => Some(quote!(#unquoted.to_string())),
        TypeExpr::Enum(name) => enum_default(ir.enumeration(name), unquoted, names, name),
        _ => None,
    };
    if literal.is_none() {
        out.push(Diagnostic::at_line(
            Severity::Warning,
            Code::UnusableDefault,
            &property.source,
            format!(
                "`{}.{}`: default `{text}` does not fit type `{}`; the field has no default",
                model.name, property.wire_name, property.ty
            ),
            "write the default as a value of the property's type",
        ));
    }
    literal
}

/// An enum default given as a wire value or as a member name (`StateEnum.Active`).
fn enum_default(
    declared: Option<&Enum>,
    text: &str,
    names: &TypeNames,
    name: &str,
) -> Option<TokenStream> {
    let declared = declared?;
    let member = text.rsplit('.').next().unwrap_or(text);
    let position = declared.values.iter().position(|v| v == text).or_else(|| {
        declared
            .value_names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(member))
    })?;
    let value = &declared.values[position];
    let ident = names.rust.get(name)?;
    match declared.base {
        EnumBase::String => Some(quote!(#ident::from(#value))),
        EnumBase::Integer => value.parse::<i64>().ok().map(|n| quote!(#ident::from(#n))),
    }
}
