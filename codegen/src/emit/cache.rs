//! Formatted code kept between runs: the code of each model and enum under
//! a hash of everything that code is made from, so that a run after a change
//! of the docs emits and formats only the models and enums that changed.
//!
//! A piece's key hashes the piece (its whole IR, sources included), the
//! Rust names and IR entries of every type it names, which std names a
//! generated type shadows, the shape settings, and the program that runs
//! docmodel (its path, size and modification time: a rebuilt docmodel, or
//! a build script linked anew, never reads code an earlier build wrote).
//! Only pieces that emitted no diagnostic are kept, so a hit has none to
//! report.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::ir::{Enum, Ir, Model, TypeExpr};
use crate::settings::Shape;

use super::types::TypeNames;

/// Formatted code by the hash of what it was made from.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CodeCache {
    /// Hex BLAKE3 hash of a piece's inputs → its formatted code.
    entries: BTreeMap<String, String>,
}

/// The hash a piece's code is kept under.
pub(crate) type Key = String;

impl CodeCache {
    /// The cache in `file`: empty when the file is missing or holds no
    /// cache (a cache only saves time, so a bad one is started anew).
    pub fn load(file: &Path) -> CodeCache {
        std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Writes the cache to `file` atomically (never half-written).
    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        crate::output::replace_with(file, |out| {
            serde_json::to_writer(out, self).map_err(std::io::Error::other)
        })
    }

    /// Removes and returns the code kept under `key`.
    pub fn take(&mut self, key: &str) -> Option<String> {
        self.entries.remove(key)
    }

    /// Keeps `code` under `key`.
    pub fn insert(&mut self, key: Key, code: String) {
        self.entries.insert(key, code);
    }

    /// The code kept under `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(String::as_str)
    }

    /// Every piece of code the cache holds, to mark them in a test.
    #[cfg(test)]
    pub fn codes_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.entries.values_mut()
    }
}

/// What a model's or enum's code is made from, besides itself: one type it
/// names.
#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    rust: Option<String>,
    opaque_model: Option<bool>,
    declared: Option<&'a Enum>,
}

/// Everything a piece's code is made from, hashed into its key.
#[derive(Serialize)]
struct Inputs<'a> {
    program: &'a str,
    shape: &'a str,
    shadowed: &'a [&'static str],
    rust: Option<&'a str>,
    model: Option<&'a Model>,
    declared: Option<&'a Enum>,
    named: Vec<Named<'a>>,
}

/// What the keys of one run share, and the lookups they need.
pub(crate) struct Keys<'a> {
    ir: &'a Ir,
    program: &'a str,
    shape: String,
    shadowed: Vec<&'static str>,
    rust: std::collections::HashMap<&'a str, String>,
}

impl<'a> Keys<'a> {
    /// Keys for the pieces of `ir`, or `None` when the running program
    /// cannot be told apart from another build (then nothing is cached).
    pub fn new(ir: &'a Ir, names: &TypeNames, shape: Shape) -> Option<Keys<'a>> {
        let rust = ir
            .models
            .iter()
            .map(|m| m.name.as_str())
            .chain(ir.enums.iter().map(|e| e.name.as_str()))
            .filter_map(|name| Some((name, names.rust.get(name)?.to_string())))
            .collect();
        Some(Keys {
            ir,
            program: program()?,
            shape: format!("{shape:?}"),
            shadowed: names.shadowed(),
            rust,
        })
    }

    /// The key of a model's code.
    pub fn model(&self, model: &Model) -> Key {
        let mut named: Vec<&str> = model
            .types()
            .filter_map(|ty| match ty.innermost() {
                TypeExpr::Model(name) | TypeExpr::Enum(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        named.sort_unstable();
        named.dedup();
        let named = named
            .into_iter()
            .map(|name| Named {
                name,
                rust: self.rust.get(name).cloned(),
                opaque_model: self.ir.model(name).map(|m| m.opaque),
                declared: self.ir.enumeration(name),
            })
            .collect();
        self.hash(&model.name, Some(model), None, named)
    }

    /// The key of an enum's code.
    pub fn enumeration(&self, declared: &Enum) -> Key {
        self.hash(&declared.name, None, Some(declared), Vec::new())
    }

    fn hash(
        &self,
        name: &str,
        model: Option<&Model>,
        declared: Option<&Enum>,
        named: Vec<Named>,
    ) -> Key {
        let inputs = Inputs {
            program: self.program,
            shape: &self.shape,
            shadowed: &self.shadowed,
            rust: self.rust.get(name).map(String::as_str),
            model,
            declared,
            named,
        };
        let mut hasher = blake3::Hasher::new();
        serde_json::to_writer(&mut hasher, &inputs).expect("the IR serializes");
        hasher.finalize().to_hex().to_string()
    }
}

/// The running program, as its path, size and modification time: what
/// changes whenever docmodel (or a build script using it) is built anew.
fn program() -> Option<&'static str> {
    static PROGRAM: OnceLock<Option<String>> = OnceLock::new();
    PROGRAM
        .get_or_init(|| {
            let path = std::env::current_exe().ok()?;
            let meta = std::fs::metadata(&path).ok()?;
            let modified = meta.modified().ok()?;
            Some(format!("{} {} {modified:?}", path.display(), meta.len()))
        })
        .as_deref()
}
