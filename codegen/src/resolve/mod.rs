//! The resolve stage: pages → one [`Ir`]. Merges the pages of each model,
//! gives every enum a name unique across the IR, points enum references at
//! those names, marks the properties that close reference cycles, and orders
//! everything so that the same pages in any order give the same IR.

mod cycles;
mod merge;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::Diagnostic;
use crate::ir::{Enum, Ir};
use crate::read::PageModel;

/// Builds the IR of the given pages; merge conflicts become warnings.
pub fn resolve(pages: Vec<PageModel>, diagnostics: &mut Vec<Diagnostic>) -> Ir {
    let mut by_model: BTreeMap<String, Vec<PageModel>> = BTreeMap::new();
    for page in pages {
        by_model
            .entry(page.model.name.clone())
            .or_default()
            .push(page);
    }
    let mut taken: HashSet<String> = by_model.keys().cloned().collect();
    let mut ir = Ir::default();
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
        ir.models.push(page.model);
    }
    ir.enums.sort_by(|a, b| a.name.cmp(&b.name));
    cycles::mark_back_edges(&mut ir.models);
    ir
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
    format!("{}{local}", declared.model)
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
