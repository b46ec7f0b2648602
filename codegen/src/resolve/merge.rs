//! Several pages of one model become one model.
//!
//! Rules (stated here because users see their effects):
//! - The *primary* page is the one whose names are wire names under the
//!   configured wire case (no property needed a rule), then the one with the
//!   most properties, then the first by path. Its
//!   property order comes first; properties only other pages have follow, in
//!   their pages' order. Its description wins; others fill a missing one.
//! - Properties match by wire name, else by a key that ignores case and
//!   punctuation (`disconnectType` ~ `DisconnectType` ~ `disconnect_type`).
//! - An enum refines a plain `string` (also inside lists, sets and maps), and
//!   a nullable type refines its non-null form (dialects that cannot write
//!   null say less, not something else). Any other type difference keeps the
//!   primary's type, with a warning.
//! - A page that knows whether a property is required (a Notes column) fills
//!   in one that does not. Pages that disagree make the property optional
//!   (the type that accepts both), with a warning; readonly holds if any page says so;
//!   a default fills a missing one, and two different defaults keep the
//!   primary's, with a warning.

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Enum, Primitive, Property, TypeExpr, WireNameRule};
use crate::read::PageModel;

/// Merges pages that all declare the same model; `pages` is not empty.
pub fn merge(mut pages: Vec<PageModel>, diagnostics: &mut Vec<Diagnostic>) -> PageModel {
    pages.sort_by(|a, b| {
        let key = |p: &PageModel| {
            let derived = p
                .model
                .properties
                .iter()
                .map(|p| p.wire_name_rule)
                .max()
                .unwrap_or(WireNameRule::AsWritten);
            (
                derived,
                std::cmp::Reverse(p.model.properties.len()),
                p.model.sources.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    let mut pages = pages.into_iter();
    let mut merged = pages.next().expect("a model has at least one page");
    for other in pages {
        let model = &mut merged.model;
        model.sources.extend(other.model.sources);
        model.description = model.description.take().or(other.model.description);
        if model.one_of.is_empty() {
            model.one_of = other.model.one_of;
        }
        for declared in other.enums {
            merge_enum(&mut merged.enums, declared);
        }
        for property in other.model.properties {
            match merged
                .model
                .properties
                .iter_mut()
                .find(|p| same_property(p, &property))
            {
                Some(existing) => combine(&merged.model.name, existing, property, diagnostics),
                None => merged.model.properties.push(property),
            }
        }
    }
    merged.model.sources.sort();
    merged
}

/// Adds an enum, or the values it adds to an enum of the same page name.
fn merge_enum(enums: &mut Vec<Enum>, declared: Enum) {
    match enums.iter_mut().find(|e| e.doc_name == declared.doc_name) {
        Some(existing) => merge_enum_values(existing, declared),
        None => enums.push(declared),
    }
}

/// Adds the values of `declared` that `existing` lacks, in their order.
pub fn merge_enum_values(existing: &mut Enum, declared: Enum) {
    for (value, name) in declared.values.into_iter().zip(declared.value_names) {
        if !existing.values.contains(&value) {
            existing.values.push(value);
            existing.value_names.push(name);
        }
    }
    existing.unknown_sentinel = existing
        .unknown_sentinel
        .take()
        .or(declared.unknown_sentinel);
}

/// Whether two rows describe the same property.
fn same_property(a: &Property, b: &Property) -> bool {
    let key = |p: &Property| -> String {
        p.wire_name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    a.wire_name == b.wire_name || key(a) == key(b)
}

/// Folds `other` into `existing` by the rules of this module.
fn combine(
    model: &str,
    existing: &mut Property,
    other: Property,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut conflicts = Vec::new();
    if other.wire_name_rule < existing.wire_name_rule {
        existing.wire_name = other.wire_name.clone();
        existing.wire_name_rule = other.wire_name_rule;
    }
    if refines(&existing.ty, &other.ty) {
        existing.ty = other.ty.clone();
    } else if existing.ty != other.ty && !refines(&other.ty, &existing.ty) {
        conflicts.push((
            format!(
                "this page says type `{}`, the first page `{}`",
                other.ty, existing.ty
            ),
            "the first page's type is kept; make the pages agree",
        ));
    }
    match (existing.required, other.required) {
        (None, known) => existing.required = known,
        (Some(first), Some(this)) if first != this => {
            conflicts.push((
                format!("this page says required = {this}, the first page {first}"),
                "the property is read as optional; make the pages agree",
            ));
            existing.required = Some(false);
        }
        _ => {}
    }
    existing.readonly |= other.readonly;
    match (&existing.default, &other.default) {
        (None, Some(_)) => existing.default = other.default.clone(),
        (Some(kept), Some(new)) if kept != new => conflicts.push((
            format!("this page says default `{new}`, the first page `{kept}`"),
            "the first page's default is kept; make the pages agree",
        )),
        _ => {}
    }
    for (what, rule) in conflicts {
        diagnostics.push(Diagnostic::at_line(
            Severity::Warning,
            Code::MergeConflict,
            &other.source,
            format!(
                "`{model}.{}`: {what} (first page: {})",
                existing.wire_name, existing.source
            ),
            rule,
        ));
    }
    existing.description = existing.description.take().or(other.description);
}

/// Whether `specific` says what `general` says and more: an enum where
/// `general` has a string, or a nullable where it has the plain type.
fn refines(general: &TypeExpr, specific: &TypeExpr) -> bool {
    match (general, specific) {
        (TypeExpr::Primitive(Primitive::String), TypeExpr::Enum(_)) => true,
        (TypeExpr::List(a), TypeExpr::List(b))
        | (TypeExpr::Set(a), TypeExpr::Set(b))
        | (TypeExpr::Map(a), TypeExpr::Map(b))
        | (TypeExpr::Nullable(a), TypeExpr::Nullable(b)) => refines(a, b),
        (plain, TypeExpr::Nullable(inner)) => plain == inner.as_ref() || refines(plain, inner),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_refine_strings_at_any_depth() {
        let string = TypeExpr::Primitive(Primitive::String);
        let state = TypeExpr::Enum("StateEnum".into());
        assert!(refines(&string, &state));
        assert!(refines(
            &TypeExpr::List(Box::new(string.clone())),
            &TypeExpr::List(Box::new(state.clone()))
        ));
        assert!(!refines(&state, &string));
        assert!(!refines(&TypeExpr::Primitive(Primitive::Int32), &state));
    }
}
