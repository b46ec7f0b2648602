//! The resolve stage: pages → one [`Ir`]. Merges the pages of each model,
//! gives every enum a name unique across the IR, points enum references at
//! those names, marks the properties that close reference cycles, and orders
//! everything so that the same pages in any order give the same IR.

mod cycles;
mod defaults;
mod merge;
mod roots;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Enum, Ir, Model, Property, SourceRef, TypeExpr};
use crate::read::{self, Declared, PageEnum, PageModel, PageProperty};

pub use roots::{ClosureSize, UnknownRoots, closure, reached_in_either};

/// Builds the IR of the given pages; merge conflicts and unusable defaults
/// become warnings.
pub fn resolve(declared: Vec<Declared>, diagnostics: &mut Vec<Diagnostic>) -> Ir {
    let mut by_model: BTreeMap<String, Vec<PageModel>> = BTreeMap::new();
    let mut enum_pages: BTreeMap<String, Vec<PageEnum>> = BTreeMap::new();
    for item in declared {
        match item {
            Declared::Model(page) => by_model.entry(page.name.clone()).or_default().push(page),
            Declared::Enum(declared) => enum_pages
                .entry(declared.doc_name.clone())
                .or_default()
                .push(declared),
        }
    }
    // Enum pages of one name merge in the order of their pages, whatever the
    // order they were read in.
    let mut standalone: BTreeMap<String, PageEnum> = BTreeMap::new();
    for (name, mut pages) in enum_pages {
        pages.sort_by(|a, b| (&a.source.file, a.source.line).cmp(&(&b.source.file, b.source.line)));
        let mut pages = pages.into_iter();
        let Some(mut merged) = pages.next() else {
            continue;
        };
        for other in pages {
            merge::merge_enum_members(&mut merged, other, diagnostics);
        }
        standalone.insert(name, merged);
    }
    for (name, pages) in &by_model {
        if let Some(enum_page) = standalone.get(name)
            && !pages.iter().all(is_empty)
        {
            diagnostics.push(Diagnostic::at_line(
                Severity::Warning,
                Code::MergeConflict,
                &enum_page.source,
                format!(
                    "`{name}` is an enum on this page and a model with properties on {}: references to `{name}` are read as the enum",
                    // The first page with properties, in path order.
                    pages
                        .iter()
                        .filter(|page| !is_empty(page))
                        .flat_map(|page| &page.sources)
                        .min()
                        .map_or("another page", String::as_str)
                ),
                "rename one of them, or leave out the page that is wrong",
            ));
        }
    }
    // An enum page whose values another dialect lost is an empty model there:
    // the page with the values wins.
    by_model.retain(|name, pages| !(standalone.contains_key(name) && pages.iter().all(is_empty)));
    let mut taken: HashSet<String> = by_model.keys().cloned().collect();
    let mut enums = Vec::new();
    for (name, declared) in standalone {
        enums.push(into_enum(unique_name(&name, &mut taken), declared));
    }
    // A name that a property refers to is taken too, defined or not: an enum
    // named so would be read as that reference (in the IR file, both are a
    // bare name).
    for page in by_model.values().flatten() {
        let types = page.properties.iter().map(|p| &p.ty);
        for ty in types.chain(&page.one_of).chain(&page.additional_properties) {
            if let TypeExpr::Model(name) = ty.innermost() {
                taken.insert(name.clone());
            }
        }
    }
    let standalone_names: HashMap<String, String> = enums
        .iter()
        .map(|e| (e.doc_name.clone(), e.name.clone()))
        .collect();
    let defined: HashSet<String> = by_model
        .keys()
        .chain(standalone_names.keys())
        .cloned()
        .collect();
    let mut models = Vec::with_capacity(by_model.len());
    for (_, pages) in by_model {
        let Some(mut page) = merge::merge(pages, diagnostics) else {
            continue;
        };
        let mut renames = HashMap::new();
        for declared in std::mem::take(&mut page.enums) {
            let name = unique_name(&enum_name(&declared), &mut taken);
            renames.insert(declared.doc_name.clone(), name.clone());
            enums.push(into_enum(name, declared));
        }
        for property in &mut page.properties {
            property.ty.rename_enums(&|n| renames.get(n).cloned());
        }
        let prefix = read::nullable_prefix(page.dialect);
        let types = page.properties.iter_mut().map(|p| &mut p.ty);
        let others = page
            .one_of
            .iter_mut()
            .chain(page.additional_properties.as_mut());
        for ty in types.chain(others) {
            if let Some(prefix) = prefix {
                unwrap_nullable_names(ty, prefix, &defined);
            }
            ty.link_enums(&|n| standalone_names.contains_key(n));
            ty.rename_enums(&|n| standalone_names.get(n).filter(|new| *new != n).cloned());
        }
        models.push(page);
    }
    enums.sort_by(|a, b| a.name.cmp(&b.name));
    let by_name: HashMap<&str, &Enum> = enums.iter().map(|e| (e.name.as_str(), e)).collect();
    let lookup = |name: &str| by_name.get(name).copied();
    let mut models: Vec<Model> = models
        .into_iter()
        .map(|page| into_model(page, &lookup, diagnostics))
        .collect();
    cycles::mark_back_edges(&mut models);
    Ir { models, enums }
}

/// Completes an IR read from a file, as [`resolve`] completes one read from
/// pages: sorted, defaults checked against their types (an unusable one is
/// dropped with a warning), enums of one base, and the cycle-closing
/// properties marked afresh (a hand-edited IR may add or break a cycle).
pub fn complete(mut ir: Ir, diagnostics: &mut Vec<Diagnostic>) -> Ir {
    ir.models
        .sort_by(|a, b| (&a.name, &a.sources).cmp(&(&b.name, &b.sources)));
    ir.enums.sort_by(|a, b| a.name.cmp(&b.name));
    for declared in &ir.enums {
        let integers = declared.members.iter().filter(|m| m.value.is_int()).count();
        if integers != 0 && integers != declared.members.len() {
            diagnostics.push(Diagnostic::at_line(
                Severity::Error,
                Code::MalformedIr,
                &declared.source,
                format!("enum `{}` mixes integer and string values", declared.name),
                "make every `value` of the enum an integer, or quote them all",
            ));
        }
    }
    let by_name: HashMap<&str, &Enum> = ir.enums.iter().map(|e| (e.name.as_str(), e)).collect();
    let lookup = |name: &str| by_name.get(name).copied();
    for model in &mut ir.models {
        if model.opaque && !(model.properties.is_empty() && model.one_of.is_empty()) {
            let source = SourceRef::first_line_of(&model.sources);
            diagnostics.push(Diagnostic::at_line(
                Severity::Error,
                Code::MalformedIr,
                &source,
                format!(
                    "model `{}` is `opaque` but has properties or members",
                    model.name
                ),
                "remove `opaque: true`, or the model's properties and `one_of`",
            ));
        }
        for property in &mut model.properties {
            let Some(value) = &property.default else {
                continue;
            };
            if !defaults::fits(value, &property.ty, &lookup) {
                diagnostics.push(defaults::unusable(
                    &model.name,
                    property,
                    &value.to_string(),
                ));
                property.default = None;
            }
        }
    }
    cycles::mark_back_edges(&mut ir.models);
    ir
}

/// A reference to `NullableX` where only `X` is defined (Go's spelling of a
/// nullable reference) becomes a nullable reference to `X`; a model that is
/// itself named `NullableX` keeps its name.
fn unwrap_nullable_names(ty: &mut TypeExpr, prefix: &str, defined: &HashSet<String>) {
    match ty {
        TypeExpr::List(inner)
        | TypeExpr::Set(inner)
        | TypeExpr::Map(inner)
        | TypeExpr::Nullable(inner) => {
            unwrap_nullable_names(inner, prefix, defined);
        }
        TypeExpr::Model(name) if !defined.contains(name.as_str()) => {
            if let Some(rest) = name
                .strip_prefix(prefix)
                .filter(|rest| defined.contains(*rest))
            {
                *ty = TypeExpr::Model(rest.to_string()).into_nullable();
            }
        }
        _ => {}
    }
}

/// A model page with nothing in it: how most dialects write an enum page.
fn is_empty(page: &PageModel) -> bool {
    page.properties.is_empty() && page.one_of.is_empty() && page.additional_properties.is_none()
}

/// The IR enum of a page's enum, under its IR name.
fn into_enum(name: String, declared: PageEnum) -> Enum {
    Enum {
        name,
        model: declared.model,
        doc_name: declared.doc_name,
        members: declared.members,
        unknown_sentinel: declared.unknown_sentinel,
        source: declared.source,
    }
}

/// The IR model of merged pages, each default typed against its property's type.
fn into_model<'e>(
    page: PageModel,
    enums: &defaults::EnumLookup<'e>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Model {
    let properties: Vec<Property> = page
        .properties
        .into_iter()
        .map(|declared| into_property(&page.name, declared, enums, diagnostics))
        .collect();
    let opaque =
        properties.is_empty() && page.one_of.is_empty() && page.additional_properties.is_none();
    if opaque {
        diagnostics.push(opaque_note(&page.name, &page.sources));
    }
    Model {
        name: page.name,
        dialect: page.dialect,
        description: page.description,
        sources: page.sources,
        properties,
        one_of: page.one_of,
        opaque,
        additional_properties: page.additional_properties,
    }
}

/// The note that a model's pages list nothing, so that it is any JSON value.
fn opaque_note(name: &str, sources: &[String]) -> Diagnostic {
    let source = SourceRef::first_line_of(sources);
    Diagnostic::at_line(
        Severity::Note,
        Code::OpaqueModel,
        &source,
        format!(
            "`{name}` lists no property, value or member (an enum or oneOf page whose values the docs do not write, or an object without properties): it is typed as any JSON value, kept as it came"
        ),
        "add a page of the model that lists its values or properties (another dialect's docs, or an enum page) for a typed model",
    )
}

fn into_property<'e>(
    model: &str,
    declared: PageProperty,
    enums: &defaults::EnumLookup<'e>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Property {
    let mut property = Property {
        name: declared.name,
        wire_name: declared.wire_name,
        wire_name_rule: declared.wire_name_rule,
        ty: declared.ty,
        required: declared.required,
        readonly: declared.readonly,
        default: None,
        description: declared.description,
        source: declared.source,
        recursive: false,
    };
    if let Some(written) = declared.default {
        property.default = defaults::typed(&written, &property.ty, enums);
        if property.default.is_none() {
            diagnostics.push(defaults::unusable(model, &property, &written));
        }
    }
    property
}

/// The preferred IR name of an enum: its model's name, then the page's enum
/// name without its `Enum` suffix (`Callback` + `StateEnum` → `CallbackState`).
fn enum_name(declared: &PageEnum) -> String {
    let local: String = declared
        .doc_name
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let local = local.strip_suffix("Enum").unwrap_or(&local);
    let mut first = local.chars();
    let local: String = first
        .next()
        .map(|c| c.to_uppercase().chain(first).collect())
        .unwrap_or_default();
    format!("{}{local}", declared.model.as_deref().unwrap_or_default())
}

/// `preferred` if free, else `preferred` + `Enum`, else numbered from 2; the result is taken.
fn unique_name(preferred: &str, taken: &mut HashSet<String>) -> String {
    let candidates = std::iter::once(preferred.to_string())
        .chain(std::iter::once(format!("{preferred}Enum")))
        .chain((2..).map(|n| format!("{preferred}Enum{n}")));
    let mut candidates = candidates.skip_while(|c| taken.contains(c));
    // `taken` is finite and the candidates are not: one is always free.
    let name = candidates.next().unwrap_or_default();
    taken.insert(name.clone());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_avoid_models_and_each_other() {
        let mut taken: HashSet<String> = ["CallbackState".to_string()].into();
        assert_eq!(
            unique_name("CallbackState", &mut taken),
            "CallbackStateEnum"
        );
        assert_eq!(
            unique_name("CallbackState", &mut taken),
            "CallbackStateEnum2"
        );
        assert_eq!(unique_name("Other", &mut taken), "Other");
    }
}
