//! Comparing two IRs: what changed in each model and enum, and what each
//! change breaks, for code that uses the generated types (the Rust API) and
//! for JSON those types used to read (the wire).
//!
//! Properties of one model are paired by their wire name (the same JSON
//! key is the same property), then, among those left, by their Rust field
//! (which the emitter derives from the wire name): a pair whose fields
//! differ is a field rename that keeps the wire name (another property took
//! the field's name); a pair whose wire names differ is a wire-name change
//! that keeps the field. What is left is removed or added.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::ir::{Enum, EnumBase, Ir, Model, Primitive, Property, SourceRef, TypeExpr};
use crate::settings::{Required, Shape, UnknownFields};

/// Every change between two IRs, sorted by model (or enum) name, then
/// property, then kind: the same IRs always give the same diff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The version bump the generated crate needs.
    pub semver: Semver,
    /// Every change.
    pub changes: Vec<Change>,
}

/// One change to one model, enum or property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The model or enum, by its name in the docs.
    pub model: String,
    /// The property's wire name (the new one where it changed), for a change
    /// to a property or an enum value's property.
    pub property: Option<String>,
    /// What changed.
    pub kind: ChangeKind,
    /// The old side, as text (a type, a value, a wire name), where the kind has one.
    pub old: Option<String>,
    /// The new side, as text, where the kind has one.
    pub new: Option<String>,
    /// What it breaks for code that uses the generated types.
    pub rust: RustImpact,
    /// What it breaks for JSON the old types read.
    pub wire: WireImpact,
    /// Where the old side is written (`page:line`), if it exists.
    pub old_source: Option<String>,
    /// Where the new side is written (`page:line`), if it exists.
    pub new_source: Option<String>,
}

/// The kinds of change, each with its own impact rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// A model is new.
    ModelAdded,
    /// A model is gone.
    ModelRemoved,
    /// A model changed between struct, union and any-JSON-value.
    ModelShapeChanged,
    /// An enum is new.
    EnumAdded,
    /// An enum is gone.
    EnumRemoved,
    /// A property is new.
    PropertyAdded,
    /// A property is gone.
    PropertyRemoved,
    /// A property's type changed (nullability aside).
    TypeChanged,
    /// An optional property became required.
    MadeRequired,
    /// A required property became optional.
    MadeOptional,
    /// A property became readonly.
    MadeReadonly,
    /// A property is no longer readonly.
    NoLongerReadonly,
    /// A property may now be `null`.
    MadeNullable,
    /// A property may no longer be `null`.
    NoLongerNullable,
    /// A property got a default.
    DefaultAdded,
    /// A property lost its default.
    DefaultRemoved,
    /// A property's default changed.
    DefaultChanged,
    /// A property keeps its Rust field, and its JSON name changed.
    WireNameChanged,
    /// A property keeps its JSON name, and its Rust field changed.
    FieldRenamed,
    /// The type of the values under unlisted names changed.
    AdditionalPropertiesChanged,
    /// An enum has a new value.
    EnumValueAdded,
    /// An enum lost a value.
    EnumValueRemoved,
    /// A union has a new member.
    UnionMemberAdded,
    /// A union lost a member.
    UnionMemberRemoved,
}

/// What a change does to code that uses the generated types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RustImpact {
    /// Nothing in the generated API changed (docs, or the wire only).
    None,
    /// Something was added that no existing code can name.
    Additive,
    /// Breaks only code that lists every field or variant: struct literals
    /// without `..Default::default()`, matches without a `_` arm. A major
    /// change under cargo's SemVer rules (the types are not `#[non_exhaustive]`).
    Exhaustive,
    /// Breaks code that uses what changed.
    Breaking,
}

/// What a change does to JSON the old types read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WireImpact {
    /// Every JSON value the old types read, the new types read alike.
    Safe,
    /// Some JSON the old types read, the new ones refuse or read otherwise.
    Breaking,
}

/// The version bump a change set needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Semver {
    /// Nothing changed.
    #[default]
    None,
    /// Only docs or behaviour that no code or JSON depends on.
    Patch,
    /// Additions only.
    Minor,
    /// Something breaks: the Rust API or the wire.
    Major,
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = serde_json::to_value(self).expect("a kind serializes");
        f.write_str(text.as_str().expect("a kind is a string"))
    }
}

impl fmt::Display for Semver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Semver::None => "none",
            Semver::Patch => "patch",
            Semver::Minor => "minor",
            Semver::Major => "major",
        })
    }
}

impl Change {
    /// Whether the change breaks the Rust API (needs a major version).
    pub fn breaks_rust(&self) -> bool {
        self.rust >= RustImpact::Exhaustive
    }

    /// Whether the change breaks JSON the old types read.
    pub fn breaks_wire(&self) -> bool {
        self.wire == WireImpact::Breaking
    }

    /// The bump this change alone needs.
    pub fn semver(&self) -> Semver {
        if self.breaks_rust() || self.breaks_wire() {
            Semver::Major
        } else if self.rust == RustImpact::Additive {
            Semver::Minor
        } else {
            Semver::Patch
        }
    }
}

impl Diff {
    /// How many changes there are of each kind.
    pub fn counts(&self) -> BTreeMap<ChangeKind, usize> {
        let mut counts = BTreeMap::new();
        for change in &self.changes {
            *counts.entry(change.kind).or_default() += 1;
        }
        counts
    }

    /// Keeps only the changes to the named models and enums.
    pub(crate) fn retain_types(&mut self, names: &BTreeSet<String>) {
        self.changes.retain(|c| names.contains(&c.model));
        self.semver = semver(&self.changes);
    }
}

/// Compares `old` with `new`; `shape` is how the generated types treat the
/// wire (a removed property breaks JSON only where unknown keys are denied).
pub(crate) fn compare(old: &Ir, new: &Ir, shape: Shape) -> Diff {
    let mut changes = Vec::new();
    let models = paired(&old.models, &new.models, |m| &m.name);
    for (name, (before, after)) in models {
        match (before, after) {
            (Some(before), Some(after)) => ModelPair {
                before,
                after,
                old,
                new,
                shape,
            }
            .compare(&mut changes),
            (Some(model), None) | (None, Some(model)) => {
                let source = SourceRef::first_line_of(&model.sources);
                let removed = before.is_some();
                changes.push(one_sided(name, source, removed, MODEL_KINDS));
            }
            (None, None) => unreachable!("`{name}` is on one side at least"),
        }
    }
    for (_, (before, after)) in paired(&old.enums, &new.enums, |e| &e.name) {
        compare_enums(before, after, new, &mut changes);
    }
    changes.sort_by(|a, b| {
        (&a.model, &a.property, a.kind, &a.old, &a.new).cmp(&(
            &b.model,
            &b.property,
            b.kind,
            &b.old,
            &b.new,
        ))
    });
    Diff {
        semver: semver(&changes),
        changes,
    }
}

/// The bump a change set needs: the largest of its changes'.
fn semver(changes: &[Change]) -> Semver {
    changes.iter().map(Change::semver).max().unwrap_or_default()
}

/// The items of both sides by name: `(old, new)`, either missing.
fn paired<'a, T>(
    old: &'a [T],
    new: &'a [T],
    name: impl Fn(&T) -> &String,
) -> BTreeMap<&'a String, (Option<&'a T>, Option<&'a T>)> {
    let mut pairs: BTreeMap<&String, (Option<&T>, Option<&T>)> = BTreeMap::new();
    for item in old {
        pairs.entry(name(item)).or_default().0.get_or_insert(item);
    }
    for item in new {
        pairs.entry(name(item)).or_default().1.get_or_insert(item);
    }
    pairs
}

/// The kinds of a model that one side lacks: (added, removed).
const MODEL_KINDS: (ChangeKind, ChangeKind) = (ChangeKind::ModelAdded, ChangeKind::ModelRemoved);
/// The kinds of an enum that one side lacks: (added, removed).
const ENUM_KINDS: (ChangeKind, ChangeKind) = (ChangeKind::EnumAdded, ChangeKind::EnumRemoved);

/// A model or enum that only one side has (the old one when `removed`):
/// added, it is additive; removed, it breaks code that names it and the
/// JSON it read.
fn one_sided(
    name: &str,
    source: SourceRef,
    removed: bool,
    (added, gone): (ChangeKind, ChangeKind),
) -> Change {
    let source = Some(source.to_string());
    let (kind, rust, wire) = match removed {
        true => (gone, RustImpact::Breaking, WireImpact::Breaking),
        false => (added, RustImpact::Additive, WireImpact::Safe),
    };
    Change {
        model: name.to_string(),
        property: None,
        kind,
        old: None,
        new: None,
        rust,
        wire,
        old_source: if removed { source.clone() } else { None },
        new_source: if removed { None } else { source },
    }
}

/// The changes of one enum: added, removed, or its values (those of an
/// enum a model's page declares are told as changes to the property of that
/// model that takes it, as release notes tell them).
fn compare_enums(before: Option<&Enum>, after: Option<&Enum>, new: &Ir, changes: &mut Vec<Change>) {
    let (before, after) = match (before, after) {
        (Some(before), Some(after)) => (before, after),
        (Some(declared), None) | (None, Some(declared)) => {
            let removed = before.is_some();
            let source = declared.source.clone();
            changes.push(one_sided(&declared.name, source, removed, ENUM_KINDS));
            return;
        }
        (None, None) => return,
    };
    let values =
        |e: &Enum| -> BTreeSet<String> { e.members.iter().map(|m| m.value.to_string()).collect() };
    let (old_values, new_values) = (values(before), values(after));
    let (model, property) = match owning_property(after, new) {
        Some((model, property)) => (model, Some(property)),
        None => (after.name.clone(), None),
    };
    let value_change = |kind, value: &String, rust| Change {
        model: model.clone(),
        property: property.clone(),
        kind,
        old: (kind == ChangeKind::EnumValueRemoved).then(|| value.clone()),
        new: (kind == ChangeKind::EnumValueAdded).then(|| value.clone()),
        rust,
        // The enums are open: any other value reads as `Unknown`.
        wire: WireImpact::Safe,
        old_source: Some(before.source.to_string()),
        new_source: Some(after.source.to_string()),
    };
    for value in new_values.difference(&old_values) {
        changes.push(value_change(
            ChangeKind::EnumValueAdded,
            value,
            RustImpact::Exhaustive,
        ));
    }
    for value in old_values.difference(&new_values) {
        changes.push(value_change(
            ChangeKind::EnumValueRemoved,
            value,
            RustImpact::Breaking,
        ));
    }
}

/// The model whose page declares `declared`, and the wire name of its
/// property that takes it; `None` for an enum page of its own.
fn owning_property(declared: &Enum, ir: &Ir) -> Option<(String, String)> {
    let model = ir.model(declared.model.as_ref()?)?;
    let property = model
        .properties
        .iter()
        .find(|p| *p.ty.innermost() == TypeExpr::Enum(declared.name.clone()))?;
    Some((model.name.clone(), property.wire_name.clone()))
}

/// One model on both sides, and the IRs its types are looked up in.
struct ModelPair<'a> {
    before: &'a Model,
    after: &'a Model,
    old: &'a Ir,
    new: &'a Ir,
    shape: Shape,
}

/// How a model is emitted.
fn model_shape(model: &Model) -> &'static str {
    if model.opaque {
        "any JSON value"
    } else if model.one_of.is_empty() {
        "struct"
    } else {
        "union"
    }
}

impl ModelPair<'_> {
    /// A change of this model as a whole, with its old and new text.
    fn change(
        &self,
        kind: ChangeKind,
        old: Option<String>,
        new: Option<String>,
        rust: RustImpact,
        wire: WireImpact,
    ) -> Change {
        Change {
            model: self.after.name.clone(),
            property: None,
            kind,
            old,
            new,
            rust,
            wire,
            old_source: Some(SourceRef::first_line_of(&self.before.sources).to_string()),
            new_source: Some(SourceRef::first_line_of(&self.after.sources).to_string()),
        }
    }

    fn compare(&self, changes: &mut Vec<Change>) {
        let (shape_before, shape_after) = (model_shape(self.before), model_shape(self.after));
        if shape_before != shape_after {
            changes.push(self.change(
                ChangeKind::ModelShapeChanged,
                Some(shape_before.into()),
                Some(shape_after.into()),
                RustImpact::Breaking,
                if self.after.opaque {
                    WireImpact::Safe
                } else {
                    WireImpact::Breaking
                },
            ));
        }
        self.compare_members(changes);
        self.compare_additional(changes);
        self.compare_properties(changes);
    }

    /// The type of the values under unlisted names.
    fn compare_additional(&self, changes: &mut Vec<Change>) {
        let (before, after) = (
            &self.before.additional_properties,
            &self.after.additional_properties,
        );
        if before == after {
            return;
        }
        let wire = match (before, after) {
            (Some(before), Some(after)) if self.accepts(after, before) => WireImpact::Safe,
            (None, Some(_)) => WireImpact::Safe,
            _ => WireImpact::Breaking,
        };
        let text = |ty: &Option<TypeExpr>| ty.as_ref().map(ToString::to_string);
        changes.push(self.change(
            ChangeKind::AdditionalPropertiesChanged,
            text(before),
            text(after),
            RustImpact::Breaking,
            wire,
        ));
    }

    /// Union members added and removed.
    fn compare_members(&self, changes: &mut Vec<Change>) {
        let members =
            |m: &Model| -> BTreeSet<String> { m.one_of.iter().map(ToString::to_string).collect() };
        let (before, after) = (members(self.before), members(self.after));
        for added in after.difference(&before) {
            changes.push(self.change(
                ChangeKind::UnionMemberAdded,
                None,
                Some(added.clone()),
                RustImpact::Exhaustive,
                WireImpact::Safe,
            ));
        }
        for removed in before.difference(&after) {
            changes.push(self.change(
                ChangeKind::UnionMemberRemoved,
                Some(removed.clone()),
                None,
                RustImpact::Breaking,
                WireImpact::Breaking,
            ));
        }
    }

    /// Properties paired by wire name, then by field; the rest removed or added.
    fn compare_properties(&self, changes: &mut Vec<Change>) {
        let fields_before = crate::emit::field_names(self.before);
        let fields_after = crate::emit::field_names(self.after);
        let mut left_before: Vec<usize> = (0..self.before.properties.len()).collect();
        let mut left_after: Vec<usize> = (0..self.after.properties.len()).collect();
        let mut pairs = Vec::new();
        take_pairs(&mut left_before, &mut left_after, &mut pairs, |b, a| {
            self.before.properties[b].wire_name == self.after.properties[a].wire_name
        });
        take_pairs(&mut left_before, &mut left_after, &mut pairs, |b, a| {
            fields_before[b] == fields_after[a]
        });
        for (b, a) in pairs {
            let (before, after) = (&self.before.properties[b], &self.after.properties[a]);
            let mut pair = PropertyPair {
                model: self,
                before,
                after,
                changes: &mut *changes,
            };
            if fields_before[b] != fields_after[a] {
                pair.push(
                    ChangeKind::FieldRenamed,
                    Some(fields_before[b].clone()),
                    Some(fields_after[a].clone()),
                    RustImpact::Breaking,
                    WireImpact::Safe,
                );
            }
            pair.compare();
        }
        for b in left_before {
            changes.push(self.property_change(&self.before.properties[b], true));
        }
        for a in left_after {
            changes.push(self.property_change(&self.after.properties[a], false));
        }
    }

    /// A property removed (`removed`) or added.
    fn property_change(&self, property: &Property, removed: bool) -> Change {
        let required = self.required(property);
        let (kind, rust, wire) = if removed {
            let wire = match self.shape.unknown_fields {
                UnknownFields::Deny => WireImpact::Breaking,
                _ => WireImpact::Safe,
            };
            (ChangeKind::PropertyRemoved, RustImpact::Breaking, wire)
        } else if required {
            let kind = ChangeKind::PropertyAdded;
            (kind, RustImpact::Breaking, WireImpact::Breaking)
        } else {
            let kind = ChangeKind::PropertyAdded;
            (kind, RustImpact::Exhaustive, WireImpact::Safe)
        };
        let text = Some(property.ty.to_string());
        let source = Some(property.source.to_string());
        Change {
            model: self.after.name.clone(),
            property: Some(property.wire_name.clone()),
            kind,
            old: if removed { text.clone() } else { None },
            new: if removed { None } else { text },
            rust,
            wire,
            old_source: if removed { source.clone() } else { None },
            new_source: if removed { None } else { source },
        }
    }

    /// Whether the generated field of `property` must be present.
    fn required(&self, property: &Property) -> bool {
        property.required == Some(true) && self.shape.required == Required::Strict
    }

    /// Whether every JSON value `old` (of the old IR) reads, `new` (of the
    /// new IR) reads too.
    fn accepts(&self, new: &TypeExpr, old: &TypeExpr) -> bool {
        accepts(new, old, self.old, self.new)
    }
}

/// Moves the pairs that `same` matches out of the two lists of indices,
/// each index paired once, in order.
fn take_pairs(
    before: &mut Vec<usize>,
    after: &mut Vec<usize>,
    pairs: &mut Vec<(usize, usize)>,
    same: impl Fn(usize, usize) -> bool,
) {
    before.retain(|&b| match after.iter().position(|&a| same(b, a)) {
        Some(at) => {
            pairs.push((b, after.remove(at)));
            false
        }
        None => true,
    });
}

/// One property on both sides, and where its changes go.
struct PropertyPair<'a, 'm> {
    model: &'a ModelPair<'m>,
    before: &'a Property,
    after: &'a Property,
    changes: &'a mut Vec<Change>,
}

impl PropertyPair<'_, '_> {
    fn push(
        &mut self,
        kind: ChangeKind,
        old: Option<String>,
        new: Option<String>,
        rust: RustImpact,
        wire: WireImpact,
    ) {
        self.changes.push(Change {
            model: self.model.after.name.clone(),
            property: Some(self.after.wire_name.clone()),
            kind,
            old,
            new,
            rust,
            wire,
            old_source: Some(self.before.source.to_string()),
            new_source: Some(self.after.source.to_string()),
        });
    }

    fn compare(&mut self) {
        let (before, after) = (self.before, self.after);
        if before.wire_name != after.wire_name {
            self.push(
                ChangeKind::WireNameChanged,
                Some(before.wire_name.clone()),
                Some(after.wire_name.clone()),
                RustImpact::None,
                WireImpact::Breaking,
            );
        }
        self.compare_types();
        // Under `required: lenient` every field is optional in the types,
        // so the docs' change touches neither the API nor the wire.
        let strict = self.model.shape.required == Required::Strict;
        let impact = |breaking_wire: bool| match strict {
            true if breaking_wire => (RustImpact::Breaking, WireImpact::Breaking),
            true => (RustImpact::Breaking, WireImpact::Safe),
            false => (RustImpact::None, WireImpact::Safe),
        };
        match (before.required == Some(true), after.required == Some(true)) {
            (false, true) => {
                let (rust, wire) = impact(true);
                self.push(ChangeKind::MadeRequired, None, None, rust, wire)
            }
            (true, false) => {
                let (rust, wire) = impact(false);
                self.push(ChangeKind::MadeOptional, None, None, rust, wire)
            }
            _ => {}
        }
        match (before.readonly, after.readonly) {
            (false, true) => self.push(
                ChangeKind::MadeReadonly,
                None,
                None,
                RustImpact::None,
                WireImpact::Safe,
            ),
            (true, false) => self.push(
                ChangeKind::NoLongerReadonly,
                None,
                None,
                RustImpact::None,
                WireImpact::Safe,
            ),
            _ => {}
        }
        self.compare_defaults();
    }

    /// The type (nullability apart) and the nullability.
    fn compare_types(&mut self) {
        let (before, after) = (&self.before.ty, &self.after.ty);
        let (inner_before, inner_after) = (without_null(before), without_null(after));
        if inner_before != inner_after {
            let wire = if self.model.accepts(inner_after, inner_before) {
                WireImpact::Safe
            } else {
                WireImpact::Breaking
            };
            self.push(
                ChangeKind::TypeChanged,
                Some(inner_before.to_string()),
                Some(inner_after.to_string()),
                RustImpact::Breaking,
                wire,
            );
        }
        match (is_nullable(before), is_nullable(after)) {
            (false, true) => self.push(
                ChangeKind::MadeNullable,
                None,
                None,
                RustImpact::Breaking,
                WireImpact::Safe,
            ),
            (true, false) => self.push(
                ChangeKind::NoLongerNullable,
                None,
                None,
                RustImpact::Breaking,
                WireImpact::Breaking,
            ),
            _ => {}
        }
    }

    /// A default added, removed or changed: the `<field>_or_default()`
    /// accessor comes, goes or answers otherwise; the wire is untouched
    /// (an absent property stays absent).
    fn compare_defaults(&mut self) {
        let text = |v: &serde_json::Value| v.to_string();
        match (&self.before.default, &self.after.default) {
            (None, Some(new)) => self.push(
                ChangeKind::DefaultAdded,
                None,
                Some(text(new)),
                RustImpact::Additive,
                WireImpact::Safe,
            ),
            (Some(old), None) => self.push(
                ChangeKind::DefaultRemoved,
                Some(text(old)),
                None,
                RustImpact::Breaking,
                WireImpact::Safe,
            ),
            (Some(old), Some(new)) if old != new => self.push(
                ChangeKind::DefaultChanged,
                Some(text(old)),
                Some(text(new)),
                RustImpact::None,
                WireImpact::Safe,
            ),
            _ => {}
        }
    }
}

/// The type without its outer `nullable<…>`.
fn without_null(ty: &TypeExpr) -> &TypeExpr {
    match ty {
        TypeExpr::Nullable(inner) => inner,
        other => other,
    }
}

/// Whether the type takes `null` (a nullable type, or any value).
fn is_nullable(ty: &TypeExpr) -> bool {
    matches!(
        ty,
        TypeExpr::Nullable(_) | TypeExpr::Primitive(Primitive::Any)
    )
}

/// Whether every JSON value that `old` (a type of `old_ir`) reads, `new`
/// (of `new_ir`) reads too: the same type, any value, a wider number, a
/// string for a string-like value, an open string enum for a string.
fn accepts(new: &TypeExpr, old: &TypeExpr, old_ir: &Ir, new_ir: &Ir) -> bool {
    use TypeExpr as T;
    if new == old {
        return true;
    }
    let any_value = |name: &str, ir: &Ir| ir.model(name).is_none_or(|m| m.opaque);
    let string_enum = |name: &str, ir: &Ir| {
        ir.enumeration(name)
            .is_some_and(|e| e.base() == EnumBase::String)
    };
    match (new, old) {
        (T::Primitive(Primitive::Any), _) => true,
        (T::Model(name), _) if any_value(name, new_ir) => true,
        (T::Nullable(new), T::Nullable(old)) => accepts(new, old, old_ir, new_ir),
        (T::Nullable(new), old) => accepts(new, old, old_ir, new_ir),
        (T::List(new) | T::Set(new), T::List(old) | T::Set(old)) | (T::Map(new), T::Map(old)) => {
            accepts(new, old, old_ir, new_ir)
        }
        (T::Primitive(new), T::Primitive(old)) => primitive_accepts(*new, *old),
        (T::Primitive(Primitive::String), T::Enum(name)) => string_enum(name, old_ir),
        (T::Enum(name), T::Primitive(Primitive::String)) => string_enum(name, new_ir),
        (T::Enum(new), T::Enum(old)) => {
            let base = |name: &str, ir: &Ir| ir.enumeration(name).map(Enum::base);
            base(new, new_ir).is_some() && base(new, new_ir) == base(old, old_ir)
        }
        _ => false,
    }
}

/// Whether the primitive `new` reads every value `old` reads.
fn primitive_accepts(new: Primitive, old: Primitive) -> bool {
    use Primitive as P;
    new == old
        || matches!(
            (new, old),
            (P::Int64, P::Int32)
                | (P::Double, P::Int32 | P::Int64 | P::Float)
                | (P::Decimal, P::Int32 | P::Int64 | P::Float | P::Double)
                | (
                    P::String,
                    P::Date | P::DateTime | P::DateOrDateTime | P::Uuid | P::Binary
                )
                | (P::DateOrDateTime, P::Date | P::DateTime)
        )
}

/// The stable JSON form of a diff (`docmodel diff --format json`).
#[derive(Serialize)]
struct JsonDiff<'a> {
    semver: Semver,
    counts: BTreeMap<ChangeKind, usize>,
    changes: &'a [Change],
}

impl Diff {
    /// The diff as JSON: `semver`, `counts` (changes by kind) and `changes`
    /// (every key always present; `null` where a change has no such side).
    pub fn to_json(&self) -> String {
        let json = JsonDiff {
            semver: self.semver,
            counts: self.counts(),
            changes: &self.changes,
        };
        let mut text = serde_json::to_string_pretty(&json).expect("a diff serializes");
        text.push('\n');
        text
    }

    /// The diff for people, rustc-style: each change as a headline with
    /// its level and kind, where it is written, and what it breaks; then a
    /// count by kind and the version bump.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for change in &self.changes {
            out.push_str(&change.render());
            out.push('\n');
        }
        if self.changes.is_empty() {
            out.push_str("no changes\n");
            return out;
        }
        for (kind, count) in self.counts() {
            out.push_str(&format!("{count:>6} {kind}\n"));
        }
        let breaking = self.changes.iter().filter(|c| c.breaks_rust()).count();
        let wire = self.changes.iter().filter(|c| c.breaks_wire()).count();
        out.push_str(&format!(
            "{} changes: {breaking} break the Rust API, {wire} break the wire; the generated crate needs a {} version\n",
            self.changes.len(),
            self.semver
        ));
        out
    }
}

impl Change {
    /// The level a person reads first: what the change breaks, if anything.
    fn level(&self) -> &'static str {
        if self.breaks_rust() {
            "breaking"
        } else if self.breaks_wire() {
            "wire-breaking"
        } else if self.rust == RustImpact::Additive {
            "additive"
        } else {
            "change"
        }
    }

    /// One change, rustc-style.
    fn render(&self) -> String {
        let place = self.new_source.as_ref().or(self.old_source.as_ref());
        let mut out = format!("{}[{}]: {}\n", self.level(), self.kind, self.headline());
        if let Some(place) = place {
            out.push_str(&format!("  --> {place}\n"));
        }
        if let (Some(old), Some(new)) = (&self.old_source, &self.new_source)
            && old != new
        {
            out.push_str(&format!("   = was at {old}\n"));
        }
        out.push_str(&format!(
            "   = rust: {}; wire: {}\n",
            rust_text(self.rust),
            wire_text(self.wire)
        ));
        out
    }

    /// What changed, in words.
    fn headline(&self) -> String {
        let subject = match &self.property {
            Some(property) => format!("`{}.{property}`", self.model),
            None => format!("`{}`", self.model),
        };
        let old = self.old.as_deref().unwrap_or_default();
        let new = self.new.as_deref().unwrap_or_default();
        match self.kind {
            ChangeKind::ModelAdded => format!("model {subject} was added"),
            ChangeKind::ModelRemoved => format!("model {subject} was removed"),
            ChangeKind::ModelShapeChanged => {
                format!("model {subject} changed from {old} to {new}")
            }
            ChangeKind::EnumAdded => format!("enum {subject} was added"),
            ChangeKind::EnumRemoved => format!("enum {subject} was removed"),
            ChangeKind::PropertyAdded => format!("{subject} was added, of type `{new}`"),
            ChangeKind::PropertyRemoved => format!("{subject} was removed (it was `{old}`)"),
            ChangeKind::TypeChanged => format!("{subject} changed from `{old}` to `{new}`"),
            ChangeKind::MadeRequired => format!("{subject} is now required"),
            ChangeKind::MadeOptional => format!("{subject} is now optional"),
            ChangeKind::MadeReadonly => format!("{subject} has been made readonly"),
            ChangeKind::NoLongerReadonly => format!("{subject} is no longer readonly"),
            ChangeKind::MadeNullable => format!("{subject} may now be null"),
            ChangeKind::NoLongerNullable => format!("{subject} may no longer be null"),
            ChangeKind::DefaultAdded => format!("{subject} has the new default {new}"),
            ChangeKind::DefaultRemoved => format!("{subject} lost its default {old}"),
            ChangeKind::DefaultChanged => {
                format!("{subject}'s default changed from {old} to {new}")
            }
            ChangeKind::WireNameChanged => {
                format!("{subject} is now `{new}` in JSON (was `{old}`); its Rust field stays")
            }
            ChangeKind::FieldRenamed => format!(
                "{subject}'s Rust field changed from `{old}` to `{new}`; its JSON name stays"
            ),
            ChangeKind::AdditionalPropertiesChanged => format!(
                "the values under unlisted names of {subject} changed from `{old}` to `{new}`"
            ),
            ChangeKind::EnumValueAdded => format!("{subject} has the new value {new}"),
            ChangeKind::EnumValueRemoved => format!("{subject} lost the value {old}"),
            ChangeKind::UnionMemberAdded => format!("union {subject} has the new member `{new}`"),
            ChangeKind::UnionMemberRemoved => format!("union {subject} lost the member `{old}`"),
        }
    }
}

/// An impact on the Rust API, in words.
fn rust_text(impact: RustImpact) -> &'static str {
    match impact {
        RustImpact::None => "unchanged",
        RustImpact::Additive => "additive",
        RustImpact::Exhaustive => {
            "breaks struct literals and matches that list every field or variant"
        }
        RustImpact::Breaking => "breaking",
    }
}

/// An impact on the wire, in words.
fn wire_text(impact: WireImpact) -> &'static str {
    match impact {
        WireImpact::Safe => "safe",
        WireImpact::Breaking => "breaking (JSON the old types read is refused or read otherwise)",
    }
}
