//! Finds the properties that close a cycle of direct model references
//! (`A { b: B }`, `B { a: Option<A> }`): a Rust struct cannot contain itself,
//! so the emitter boxes exactly these. Lists and maps already put their items
//! on the heap and never need it.
//!
//! A depth-first search over models in IR order, following properties in table
//! order, marks each back edge; removing the back edges of a DFS leaves no
//! cycle, and the order makes the choice stable.

use std::collections::HashMap;

use crate::ir::{Model, TypeExpr};

/// Where the search stands with a model.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    OnPath,
    Done,
}

/// Sets `recursive` on every property that closes a cycle, and clears it elsewhere.
pub fn mark_back_edges(models: &mut [Model]) {
    let index: HashMap<&str, usize> = models
        .iter()
        .enumerate()
        .map(|(i, m)| (m.name.as_str(), i))
        .collect();
    let edges: Vec<Vec<Option<usize>>> = models
        .iter()
        .map(|m| {
            m.properties
                .iter()
                .map(|p| direct_model(&p.ty).and_then(|name| index.get(name).copied()))
                .collect()
        })
        .collect();
    let mut back_edges = Vec::new();
    let mut visit = vec![Visit::New; models.len()];
    for root in 0..models.len() {
        if visit[root] != Visit::New {
            continue;
        }
        // Each frame: a model and the next property of it to follow.
        let mut path = vec![(root, 0usize)];
        visit[root] = Visit::OnPath;
        while let Some((model, next)) = path.last_mut() {
            let (model, property) = (*model, *next);
            let Some(target) = edges[model].get(property) else {
                visit[model] = Visit::Done;
                path.pop();
                continue;
            };
            *next += 1;
            match target.map(|t| (t, visit[t])) {
                Some((_, Visit::OnPath)) => back_edges.push((model, property)),
                Some((t, Visit::New)) => {
                    visit[t] = Visit::OnPath;
                    path.push((t, 0));
                }
                _ => {}
            }
        }
    }
    for property in models.iter_mut().flat_map(|m| &mut m.properties) {
        property.recursive = false;
    }
    for (model, property) in back_edges {
        models[model].properties[property].recursive = true;
    }
}

/// The model a type holds inline (itself or as a nullable): a list or map
/// holds its items on the heap, so only these references can make a type infinite.
fn direct_model(ty: &TypeExpr) -> Option<&str> {
    match ty {
        TypeExpr::Model(name) => Some(name),
        TypeExpr::Nullable(inner) => direct_model(inner),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Dialect, Primitive, Property, SourceRef, WireNameRule};

    fn model(name: &str, properties: &[TypeExpr]) -> Model {
        let property = |ty: &TypeExpr| Property {
            name: "p".into(),
            wire_name: "p".into(),
            wire_name_rule: WireNameRule::AsWritten,
            ty: ty.clone(),
            required: Some(false),
            readonly: false,
            default: None,
            description: None,
            source: SourceRef {
                file: "x.md".into(),
                line: 1,
            },
            recursive: false,
        };
        Model {
            name: name.into(),
            dialect: Dialect::GenesysJava,
            description: None,
            sources: vec![],
            properties: properties.iter().map(property).collect(),
            one_of: vec![],
            additional_properties: None,
            opaque: false,
        }
    }

    fn marked(models: &mut [Model]) -> Vec<(String, usize)> {
        mark_back_edges(models);
        models
            .iter()
            .flat_map(|m| {
                m.properties
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.recursive)
                    .map(|(i, _)| (m.name.clone(), i))
            })
            .collect()
    }

    #[test]
    fn only_back_edges_are_marked() {
        let to = |n: &str| TypeExpr::Model(n.into());
        let list = |n: &str| TypeExpr::List(Box::new(to(n)));
        let mut models = vec![
            model("A", &[to("B"), to("A"), list("A")]),
            model("B", &[to("C"), TypeExpr::Primitive(Primitive::String)]),
            model("C", &[to("A"), to("Missing")]),
            model("D", &[to("B")]),
        ];
        // A→A directly, and A→B→C→A: C's edge back to A closes it. Lists and
        // D→B (no cycle through D) are left alone.
        assert_eq!(
            marked(&mut models),
            [("A".to_string(), 1), ("C".to_string(), 0)]
        );
    }
}
