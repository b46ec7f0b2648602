//! Roots: the models a user wants, and everything they reach. Only that
//! closure is emitted, so a crate that needs a few hundred of an API's
//! thousands of models compiles only those.

use std::collections::BTreeSet;
use std::fmt;

use crate::ir::{Ir, TypeExpr};

/// How many names an unknown root suggests at most.
const MAX_SUGGESTIONS: usize = 3;
/// How alike (Jaro-Winkler, ignoring case) a name must be to be suggested.
const MIN_LIKENESS: f64 = 0.8;

/// The size of a run's closure: what its roots reach, of all there was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClosureSize {
    /// How many roots were named.
    pub roots: usize,
    /// Models in the closure.
    pub models: usize,
    /// Enums in the closure.
    pub enums: usize,
    /// Models in the IR before it was cut to the closure.
    pub all_models: usize,
    /// Enums in the IR before it was cut to the closure.
    pub all_enums: usize,
}

impl fmt::Display for ClosureSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} root(s) reach {} of {} models and {} of {} enums",
            self.roots, self.models, self.all_models, self.enums, self.all_enums
        )
    }
}

/// Roots that name no model or enum of the IR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRoots {
    /// Each unknown root with the nearest names the IR has (best first).
    pub unknown: Vec<(String, Vec<String>)>,
}

impl fmt::Display for UnknownRoots {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (root, nearest)) in self.unknown.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "root `{root}` names no model or enum of the docs")?;
            match nearest.as_slice() {
                [] => f.write_str(
                    "\n  = help: a root is a model or enum name as the docs write it (the page title); `docmodel ir` lists them",
                )?,
                names => {
                    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                    write!(f, "\n  = help: did you mean {}?", names.join(", or "))?;
                }
            }
        }
        Ok(())
    }
}

impl std::error::Error for UnknownRoots {}

/// The part of `ir` that `roots` reach: the roots (models or enums, by IR
/// name) and every model and enum a property, item, map value, union member
/// or additional-properties type of a reached model names, through any depth
/// and cycle. The IR's order is kept.
pub fn closure(mut ir: Ir, roots: &[String]) -> Result<(Ir, ClosureSize), UnknownRoots> {
    let unknown: Vec<(String, Vec<String>)> = roots
        .iter()
        .filter(|root| ir.model(root).is_none() && ir.enumeration(root).is_none())
        .map(|root| (root.clone(), nearest(&ir, root)))
        .collect();
    if !unknown.is_empty() {
        return Err(UnknownRoots { unknown });
    }
    let (models, enums) = reached(&ir, roots);
    let size = ClosureSize {
        roots: roots.len(),
        models: models.len(),
        enums: enums.len(),
        all_models: ir.models.len(),
        all_enums: ir.enums.len(),
    };
    ir.models.retain(|m| models.contains(m.name.as_str()));
    ir.enums.retain(|e| enums.contains(e.name.as_str()));
    Ok((ir, size))
}

/// The names of the models and enums that `roots` reach in `old` or in
/// `new` (a root may be in one version only); an error for roots that
/// neither has, with the nearest names of `new`.
pub fn reached_in_either(
    old: &Ir,
    new: &Ir,
    roots: &[String],
) -> Result<BTreeSet<String>, UnknownRoots> {
    let known = |ir: &Ir, root: &str| ir.model(root).is_some() || ir.enumeration(root).is_some();
    let unknown: Vec<(String, Vec<String>)> = roots
        .iter()
        .filter(|root| !known(old, root) && !known(new, root))
        .map(|root| (root.clone(), nearest(new, root)))
        .collect();
    if !unknown.is_empty() {
        return Err(UnknownRoots { unknown });
    }
    let mut names = BTreeSet::new();
    for ir in [old, new] {
        let (models, enums) = reached(ir, roots);
        names.extend(models);
        names.extend(enums);
    }
    Ok(names)
}

/// The names of the models and enums `roots` reach.
fn reached(ir: &Ir, roots: &[String]) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut models = BTreeSet::new();
    let mut enums: BTreeSet<String> = roots
        .iter()
        .filter(|root| ir.enumeration(root).is_some())
        .cloned()
        .collect();
    let mut todo: Vec<&str> = roots.iter().map(String::as_str).collect();
    while let Some(name) = todo.pop() {
        let Some(model) = ir.model(name) else {
            continue;
        };
        if !models.insert(name.to_string()) {
            continue;
        }
        for ty in model.types() {
            match ty.innermost() {
                TypeExpr::Model(next) => todo.push(next),
                TypeExpr::Enum(found) => {
                    enums.insert(found.clone());
                }
                _ => {}
            }
        }
    }
    (models, enums)
}

/// The names of `ir` most like `root`, best first: one that differs only in
/// case, then those alike enough.
fn nearest(ir: &Ir, root: &str) -> Vec<String> {
    let wanted = root.to_lowercase();
    let mut scored: Vec<(f64, &str)> = ir
        .models
        .iter()
        .map(|m| m.name.as_str())
        .chain(ir.enums.iter().map(|e| e.name.as_str()))
        .map(|name| {
            let lower = name.to_lowercase();
            let score = if lower == wanted {
                2.0
            } else {
                strsim::jaro_winkler(&wanted, &lower)
            };
            (score, name)
        })
        .filter(|&(score, _)| score >= MIN_LIKENESS)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut names: Vec<String> = Vec::new();
    for (_, name) in scored {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        if names.len() == MAX_SUGGESTIONS {
            break;
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A property row of the IR YAML.
    fn property(name: &str, ty: &str) -> String {
        format!(
            "  - {{name: {name}, wire_name: {name}, wire_name_rule: as_written, type: '{ty}', required: false, readonly: false, source: 'P.md:1'}}\n"
        )
    }

    /// Pet ↔ Person (a cycle), a map of lists of a union, an inline enum;
    /// Store reaches Pet but nothing reaches Store; Size is reached by none.
    fn pets() -> Ir {
        let model = |name: &str, rest: &str| {
            format!("- name: {name}\n  dialect: java\n  sources: [{name}.md]\n{rest}")
        };
        let yaml = [
            "models:\n".to_string(),
            model(
                "Pet",
                &format!(
                    "  properties:\n{}{}{}",
                    property("owner", "Person"),
                    property("tags", "map<list<Tag>>"),
                    property("status", "PetStatus")
                ),
            ),
            model("Person", &format!("  properties:\n{}", property("pets", "list<Pet>"))),
            model("Tag", "  properties: []\n  one_of: [Label, Color]\n"),
            model("Label", "  properties: []\n"),
            model("Store", &format!("  properties:\n{}", property("pets", "list<Pet>"))),
            "enums:\n".to_string(),
            "- {name: PetStatus, model: Pet, doc_name: StatusEnum, members: [{value: a}], source: 'P.md:9'}\n".to_string(),
            "- {name: Color, doc_name: Color, members: [{value: red}], source: 'C.md:3'}\n".to_string(),
            "- {name: Size, doc_name: Size, members: [{value: big}], source: 'S.md:3'}\n".to_string(),
        ]
        .concat();
        let mut found = Vec::new();
        crate::resolve::complete(Ir::from_yaml(&yaml).unwrap(), &mut found)
    }

    fn names(ir: &Ir) -> (Vec<&str>, Vec<&str>) {
        (
            ir.models.iter().map(|m| m.name.as_str()).collect(),
            ir.enums.iter().map(|e| e.name.as_str()).collect(),
        )
    }

    #[test]
    fn the_closure_follows_properties_items_maps_members_and_cycles() {
        let (cut, size) = closure(pets(), &["Person".to_string()]).unwrap();
        assert_eq!(
            names(&cut),
            (
                vec!["Label", "Person", "Pet", "Tag"],
                vec!["Color", "PetStatus"]
            )
        );
        assert_eq!(
            size.to_string(),
            "1 root(s) reach 4 of 5 models and 2 of 3 enums"
        );
        let (cut, _) = closure(pets(), &["Size".to_string(), "Label".to_string()]).unwrap();
        assert_eq!(names(&cut), (vec!["Label"], vec!["Size"]));
    }

    #[test]
    fn an_unknown_root_suggests_the_nearest_names() {
        let roots = ["pet".to_string(), "Stor".to_string(), "Zebra".to_string()];
        let error = closure(pets(), &roots).unwrap_err();
        assert_eq!(
            error.unknown,
            vec![
                (
                    "pet".to_string(),
                    vec!["Pet".to_string(), "PetStatus".to_string()]
                ),
                ("Stor".to_string(), vec!["Store".to_string()]),
                ("Zebra".to_string(), vec![]),
            ]
        );
        let shown = error.to_string();
        assert!(shown.contains("did you mean `Store`?"), "{shown}");
        assert!(shown.contains("`docmodel ir` lists them"), "{shown}");
    }
}
