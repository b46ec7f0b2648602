//! One union model (`oneOf` that names its members) → one untagged serde
//! enum with a variant per member type: the JSON is whichever member it
//! deserializes as, tried in page order, except that members which take any
//! JSON value (`any`, a model no page defines) come last, so that they do
//! not swallow the values of the others.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Model, Primitive, SourceRef, TypeExpr};

use super::docs;
use super::names::{self, Scope};
use super::types::TypeNames;

/// The enum for the union `model`.
pub fn emit(
    model: &Model,
    ident: &Ident,
    names: &TypeNames,
    out: &mut Vec<Diagnostic>,
) -> TokenStream {
    let mut scope = Scope::default();
    let takes_anything = |member: &&TypeExpr| match member {
        TypeExpr::Primitive(Primitive::Any) => true,
        TypeExpr::Model(name) => !names.is_defined(name),
        _ => false,
    };
    let (catch_all, typed): (Vec<&TypeExpr>, Vec<&TypeExpr>) =
        model.one_of.iter().partition(takes_anything);
    let variants = typed.into_iter().chain(catch_all).map(|member| {
        report_missing(model, member, names, out);
        let variant = scope.variant(&variant_name(member), None).ident;
        let ty = names.of(member);
        quote!(#variant(#ty),)
    });
    let doc = docs::model_attributes(model, "One of its member types. ");
    let lint = names::lint_allowances(ident);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(untagged)]
        #lint
        pub enum #ident {
            #( #variants )*
        }
    }
}

/// A variant name that says what the member is: the model's name, or the
/// IR's word for a primitive or container (`string`, `list`).
fn variant_name(member: &TypeExpr) -> String {
    match member {
        TypeExpr::Model(name) | TypeExpr::Enum(name) => name.clone(),
        TypeExpr::Primitive(p) => p.keyword().to_string(),
        TypeExpr::List(_) => "list".to_string(),
        TypeExpr::Set(_) => "set".to_string(),
        TypeExpr::Map(_) => "map".to_string(),
        TypeExpr::Nullable(inner) => variant_name(inner),
    }
}

/// Warns about a member model that no page defines.
fn report_missing(model: &Model, member: &TypeExpr, names: &TypeNames, out: &mut Vec<Diagnostic>) {
    if let TypeExpr::Model(missing) = member
        && !names.is_defined(missing)
    {
        let source = SourceRef::first_line_of(&model.sources);
        out.push(Diagnostic::at_line(
                Severity::Warning,
                Code::MissingModel,
                &source,
                format!("union `{}` has member `{missing}`, which no page defines: it is typed `serde_json::Value`", model.name),
                format!("add the page of `{missing}` to the specs for a typed member"),
            ));
    }
}
