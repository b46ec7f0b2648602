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
//! - Enums of one name merge their members: values the first lacks are added
//!   in order. Values of another JSON type (a string member for an integer
//!   enum) cannot join it: they are left out, with a warning naming them.

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Primitive, TypeExpr, WireNameRule};
use crate::read::{PageEnum, PageModel, PageProperty};

/// Merges pages that all declare the same model; `None` for no pages.
pub fn merge(mut pages: Vec<PageModel>, diagnostics: &mut Vec<Diagnostic>) -> Option<PageModel> {
    pages.sort_by(|a, b| {
        let key = |p: &PageModel| {
            let derived = p
                .properties
                .iter()
                .map(|p| p.wire_name_rule)
                .max()
                .unwrap_or(WireNameRule::AsWritten);
            (
                derived,
                std::cmp::Reverse(p.properties.len()),
                p.sources.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    let mut pages = pages.into_iter();
    let mut merged = pages.next()?;
    for other in pages {
        merged.sources.extend(other.sources);
        merged.description = merged.description.take().or(other.description);
        if merged.one_of.is_empty() {
            merged.one_of = other.one_of;
        }
        merged.additional_properties = merged
            .additional_properties
            .take()
            .or(other.additional_properties);
        for declared in other.enums {
            match merged
                .enums
                .iter_mut()
                .find(|e| e.doc_name == declared.doc_name)
            {
                Some(existing) => merge_enum_members(existing, declared, diagnostics),
                None => merged.enums.push(declared),
            }
        }
        for property in other.properties {
            match merged
                .properties
                .iter_mut()
                .find(|p| same_property(p, &property))
            {
                Some(existing) => combine(&merged.name, existing, property, diagnostics),
                None => merged.properties.push(property),
            }
        }
    }
    merged.sources.sort();
    Some(merged)
}

/// Adds the members of `declared` that `existing` lacks, in their order;
/// members whose value is of the other JSON type are left out, with a warning.
pub fn merge_enum_members(
    existing: &mut PageEnum,
    declared: PageEnum,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let integers = |e: &PageEnum| e.members.iter().all(|m| m.value.is_int());
    let same_base = integers(existing) == integers(&declared);
    let mut left_out = Vec::new();
    for member in declared.members {
        if existing.members.iter().any(|m| m.value == member.value) {
            continue;
        }
        if same_base {
            existing.members.push(member);
        } else {
            left_out.push(format!("`{}`", member.value));
        }
    }
    if !left_out.is_empty() {
        let (kept, other) = if integers(existing) {
            ("integers", "strings")
        } else {
            ("strings", "integers")
        };
        diagnostics.push(Diagnostic::at_line(
            Severity::Warning,
            Code::EnumBaseConflict,
            &declared.source,
            format!(
                "enum `{}`: this page's values are {other}, the first page's ({}) {kept}; {} left out",
                existing.doc_name,
                existing.source,
                left_out.join(", ")
            ),
            "make the pages agree on the values' JSON type",
        ));
    }
    existing.unknown_sentinel = existing
        .unknown_sentinel
        .take()
        .or(declared.unknown_sentinel);
}

/// Whether two rows describe the same property.
fn same_property(a: &PageProperty, b: &PageProperty) -> bool {
    let key = |p: &PageProperty| -> String {
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
    existing: &mut PageProperty,
    other: PageProperty,
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
    use crate::ir::{EnumMember, SourceRef, WireValue};

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

    #[test]
    fn enums_of_other_value_types_do_not_merge_silently() {
        let page_enum = |line: u32, members: Vec<WireValue>| PageEnum {
            doc_name: "FamilyEnum".into(),
            model: Some("Net".into()),
            members: members
                .into_iter()
                .map(|value| EnumMember { name: None, value })
                .collect(),
            unknown_sentinel: None,
            source: SourceRef {
                file: "b.md".into(),
                line,
            },
        };
        let mut first = page_enum(3, vec![WireValue::Int(2), WireValue::Int(23)]);
        let second = page_enum(9, vec![WireValue::Int(2), WireValue::Str("six".into())]);
        let mut diagnostics = Vec::new();
        merge_enum_members(&mut first, second, &mut diagnostics);
        let values: Vec<&WireValue> = first.members.iter().map(|m| &m.value).collect();
        assert_eq!(values, [&WireValue::Int(2), &WireValue::Int(23)]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, Code::EnumBaseConflict);
        assert_eq!(diagnostics[0].line, 9);
        assert!(
            diagnostics[0].message.contains("`six` left out"),
            "{}",
            diagnostics[0].message
        );
    }
}
