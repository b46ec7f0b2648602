//! The resolve stage: pages → one [`Ir`]. Merges the pages of each model,
//! gives every enum a name unique across the IR, points enum references at
//! those names, marks the properties that close reference cycles, and orders
//! everything so that the same pages in any order give the same IR.

mod cycles;
mod defaults;
mod merge;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::Diagnostic;
use crate::ir::{Enum, Ir, Model};
use crate::read::{Declared, PageModel};

/// Builds the IR of the given pages; merge conflicts become warnings.
pub fn resolve(declared: Vec<Declared>, diagnostics: &mut Vec<Diagnostic>) -> Ir {
    let mut by_model: BTreeMap<String, Vec<PageModel>> = BTreeMap::new();
    let mut standalone: BTreeMap<String, Enum> = BTreeMap::new();
    for item in declared {
        match item {
            Declared::Model(page) => by_model
                .entry(page.model.name.clone())
                .or_default()
                .push(page),
            Declared::Enum(declared) => match standalone.get_mut(&declared.name) {
                Some(existing) => merge::merge_enum_values(existing, declared),
                None => {
                    standalone.insert(declared.name.clone(), declared);
                }
            },
        }
    }
    // An enum page whose values another dialect lost is an empty model there:
    // the page with the values wins.
    by_model.retain(|name, pages| {
        !(standalone.contains_key(name) && pages.iter().all(|p| is_empty(&p.model)))
    });
    let mut taken: HashSet<String> = by_model.keys().cloned().collect();
    let mut ir = Ir::default();
    for (name, mut declared) in standalone {
        declared.name = unique_name(&name, &mut taken);
        ir.enums.push(declared);
    }
    let standalone_names: HashMap<String, String> = ir
        .enums
        .iter()
        .map(|e| (e.doc_name.clone(), e.name.clone()))
        .collect();
    for (_, pages) in by_model {
        let mut page = merge::merge(pages, diagnostics);
        let mut renames = HashMap::new();
        for mut declared in page.enums {
            declared.name = unique_name(&enum_name(&declared), &mut taken);
            renames.insert(declared.doc_name.clone(), declared.name.clone());
            ir.enums.push(declared);
        }
        for property in &mut page.model.properties {
            property.ty.rename_enums(&|n| renames.get(n).cloned());
        }
        let types = page.model.properties.iter_mut().map(|p| &mut p.ty);
        for ty in types.chain(page.model.one_of.iter_mut()) {
            ty.link_enums(&|n| standalone_names.contains_key(n));
            ty.rename_enums(&|n| standalone_names.get(n).filter(|new| *new != n).cloned());
        }
        ir.models.push(page.model);
    }
    ir.enums.sort_by(|a, b| a.name.cmp(&b.name));
    defaults::to_wire_values(&mut ir);
    cycles::mark_back_edges(&mut ir.models);
    ir
}

/// A model page with nothing in it: how most dialects write an enum page.
fn is_empty(model: &Model) -> bool {
    model.properties.is_empty() && model.one_of.is_empty()
}

/// The preferred IR name of an enum: its model's name, then the page's enum
/// name without its `Enum` suffix (`Callback` + `StateEnum` → `CallbackState`).
fn enum_name(declared: &Enum) -> String {
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
    let name = candidates
        .into_iter()
        .find(|c| !taken.contains(c))
        .expect("an unbounded sequence of candidates has a free one");
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
